"""The report's figures: plain frozen dataclasses, no database and no openpyxl.

Conventions (the same as ``lending``): money is ``Decimal`` quantized to
0.01 CNY; every rate, share, conversion and achievement is ``Decimal``
*percent* with two decimals (``Decimal("85.00")`` is 85 %).  ``None`` means
"no data" (e.g. an approval rate with no decided application), never zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from reports.model.period import ReportPeriod

CENT = Decimal("0.01")
TENTH = Decimal("0.1")
HUNDRED = Decimal(100)


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    """``part / whole`` in percent with two decimals; None when ``whole`` is 0."""
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(CENT, ROUND_HALF_UP)


def mean(total: Decimal | int, count: int, quantum: Decimal = CENT) -> Decimal | None:
    if not count:
        return None
    return (Decimal(total) / Decimal(count)).quantize(quantum, ROUND_HALF_UP)


def weighted_mean(weighted: Decimal, weights: Decimal) -> Decimal | None:
    """``sum(x * w) / sum(w)`` with two decimals (an amount-weighted APR); None without weight."""
    if not weights:
        return None
    return (weighted / weights).quantize(CENT, ROUND_HALF_UP)


# ---------------------------------------------------------------------------
# summary
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    """Store totals.  Counts are by the date each event happened in the period."""

    store_id: int
    store_name: str
    consultations: int
    """Consultations whose first contact is in the period."""
    plans_offered: int
    """Consultations that were first offered a plan in the period."""
    plans_priced: int
    """Plans priced in the period (a consultation may compare several)."""
    approved: int
    signed: int
    delivered: int
    lost: int
    loan_amount: Decimal
    """Sum of the chosen plans' amounts of the loans signed in the period."""
    average_apr: Decimal | None
    """Amount-weighted mean APR (percent) of the chosen plans of the loans signed in the
    period: sum(APR x amount) / sum(amount)."""
    required_insurance_rate: Decimal | None
    """Percent of the loans signed in the period whose lender required insurance."""
    average_days_to_close: Decimal | None
    """Mean days from first contact to signing, loans signed in the period (1 decimal)."""
    store_ids: tuple[int, ...] = ()
    """The stores counted (several for a dealer group's report, then ``store_id`` is 0
    and ``store_name`` lists their names)."""
    declined: int = 0
    """Applications the lender declined (decision recorded in the period)."""
    withdrawn: int = 0
    """Applications the customer withdrew while the lender was deciding: not a decline."""
    refused: int = 0
    """Consultations we refused ourselves (lost as refused: eligibility or suspected fraud)."""
    approval_rate: Decimal | None = None
    """approved / (approved + declined): the lender's decisions, withdrawals left out."""
    add_on_attach_rate: Decimal | None = None
    """Percent of the loans signed in the period whose plan carries an optional add-on."""
    add_on_attach_by_kind: tuple[tuple[str, Decimal | None], ...] = ()
    """(add-on kind, percent of the signed loans with an optional add-on of that kind)."""


# ---------------------------------------------------------------------------
# salesperson KPIs
# ---------------------------------------------------------------------------

ADD_ON_KINDS = ("insurance", "warranty", "service", "other")
"""``db.models.enums.AddOnKind`` values, in the order the report lists them."""

KPI_CODES = (
    "loans_closed",
    "loan_amount",
    "approval_rate",
    "satisfaction",
    "insurance_attach",
    "referrals",
)


@dataclass(frozen=True)
class KpiTargets:
    """Monthly targets and weights (DOMAIN.md defaults; the owner can change them).

    Count and amount targets are per month and scale with the period's
    length (``ReportPeriod.month_equivalents``); rate targets do not.
    ``score_cap_percent`` limits how much over-achievement one KPI can add.
    """

    loans_closed: Decimal = Decimal("15")
    loan_amount: Decimal = Decimal("1500000")
    approval_rate: Decimal = Decimal("85")
    satisfaction: Decimal = Decimal("90")
    insurance_attach: Decimal = Decimal("70")
    referrals: Decimal = Decimal("3")
    weights: tuple[tuple[str, Decimal], ...] = (
        ("loans_closed", Decimal("30")),
        ("loan_amount", Decimal("25")),
        ("approval_rate", Decimal("15")),
        ("satisfaction", Decimal("10")),
        ("insurance_attach", Decimal("10")),
        ("referrals", Decimal("10")),
    )
    score_cap_percent: Decimal = Decimal("100")

    SCALED = frozenset({"loans_closed", "loan_amount", "referrals"})

    def weight(self, code: str) -> Decimal:
        return dict(self.weights).get(code, Decimal(0))

    def target(self, code: str, months: Decimal = Decimal(1)) -> Decimal:
        base: Decimal = getattr(self, code)
        if code in self.SCALED:
            quantum = CENT if code == "loan_amount" else TENTH
            return (base * months).quantize(quantum, ROUND_HALF_UP)
        return base


@dataclass(frozen=True)
class KpiLine:
    code: str
    weight: Decimal
    """Percent of the score."""
    target: Decimal
    actual: Decimal | None
    achievement: Decimal | None
    """actual / target in percent (None without data or without a target)."""
    points: Decimal
    """weight x min(achievement, cap) / 100: this KPI's part of the score."""


@dataclass(frozen=True)
class SalespersonKpis:
    staff_id: int | None
    """None: consultations without a consultant (or the totals row)."""
    name: str
    lines: tuple[KpiLine, ...]
    score: Decimal
    """Sum of the lines' points, 0-100 when every KPI is capped at 100 %."""
    # the raw counts behind the rates, so a reader can check them
    approved: int = 0
    declined: int = 0
    satisfaction_responses: int = 0
    withdrawn: int = 0
    """Applications the customer withdrew (not in the approval rate)."""
    refused: int = 0
    """Consultations we refused (eligibility or suspected fraud)."""
    average_days_to_close: Decimal | None = None
    """Mean days from first contact to signing of this person's loans (1 decimal)."""
    average_apr: Decimal | None = None
    """Amount-weighted mean APR of this person's signed loans."""

    def line(self, code: str) -> KpiLine:
        return next(x for x in self.lines if x.code == code)


@dataclass(frozen=True)
class KpiTable:
    targets: KpiTargets
    months: Decimal
    rows: tuple[SalespersonKpis, ...]
    total: SalespersonKpis
    """Store totals; count and amount targets are the sum over the rows."""


# ---------------------------------------------------------------------------
# funnel
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    count: int
    step_conversion: Decimal | None
    """Percent of the previous stage (None for the first stage)."""
    overall_conversion: Decimal | None
    """Percent of the first stage."""


@dataclass(frozen=True)
class FunnelMonth:
    label: str
    """``YYYY-MM``"""
    steps: tuple[FunnelStep, ...]


@dataclass(frozen=True)
class Funnel:
    """Cohort funnel: consultations first contacted in the period (or month),
    counted at every stage they have reached by the time of the report."""

    stages: tuple[str, ...]
    overall: tuple[FunnelStep, ...]
    by_month: tuple[FunnelMonth, ...]


# ---------------------------------------------------------------------------
# products, rejections, channels, follow-ups
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ProductLine:
    """Loans signed in the period, by product (the mix) or by product, lender and
    repayment method (the detail); ``average_apr`` is weighted by amount."""

    product_code: str
    product_name: str
    lender: str
    method: str
    loans: int
    amount: Decimal
    average_apr: Decimal | None
    average_term: Decimal | None
    """Months, one decimal."""
    product_name_zh: str = ""
    """The product's Chinese name from its catalogue entry (empty when it has none)."""
    loan_share: Decimal | None = None
    """Percent of all signed loans (the product mix)."""
    amount_share: Decimal | None = None
    """Percent of the signed loan amount."""

    def name(self, lang: str | None) -> str:
        return (
            self.product_name_zh
            if (lang or "").startswith("zh") and self.product_name_zh
            else self.product_name
        )


@dataclass(frozen=True)
class RejectionLine:
    kind: str
    """``lost``, ``qualification``, ``vehicle``, ``lender`` (declined, by the lender's
    reason), ``withdrawn`` (by the customer, while the lender decided) or ``blacklist``."""
    code: str
    """A reason code, or the lost reason as typed by staff."""
    reason: str
    """English text (a reason template with its parameters left out, or the typed text)."""
    count: int
    share: Decimal | None
    """Percent of all lines of the same kind."""


@dataclass(frozen=True)
class ChannelLine:
    """Cohort: leads first contacted in the period, and how many of them signed."""

    channel: str
    leads: int
    signed: int
    conversion: Decimal | None
    amount: Decimal


@dataclass(frozen=True)
class FollowUpLine:
    """Follow-ups due in the period, per assignee.

    On time: done by the end of the (local) day it was due.  Late: done
    after that.  Missed: not done and that day is over.  Open: not done, due
    today or later.
    """

    staff_id: int | None
    name: str
    due: int
    on_time: int
    late: int
    missed: int
    open: int
    on_time_rate: Decimal | None
    """Percent of the follow-ups that are done or missed."""


M1_DAYS = 1
"""Overdue M1+: one day or more past due (M1 is days 1-30)."""
M3_DAYS = 61
"""Overdue M3+: 61 days or more past due (M3 is days 61-90, the third month)."""


@dataclass(frozen=True)
class OverdueLine:
    """Signed loans by their latest post-loan status up to the period's end (the
    lenders' files, ``db.services.loan_status``).  Rates are of the loans being repaid
    (current or overdue): settled loans are counted apart."""

    kind: str
    """``salesperson``, ``product``, ``lender`` or ``total``."""
    key: str
    """Staff id (as text, '' for none), product code or lender name."""
    name: str
    loans: int
    """Loans being repaid (current or overdue)."""
    settled: int
    m1: int
    m3: int
    m1_rate: Decimal | None
    m3_rate: Decimal | None
    name_zh: str = ""

    def label(self, lang: str | None) -> str:
        return self.name_zh if (lang or "").startswith("zh") and self.name_zh else self.name


@dataclass(frozen=True)
class Overdue:
    lines: tuple[OverdueLine, ...]
    """By salesperson, then product, then lender."""
    total: OverdueLine
    as_of: tuple[date, ...]
    """The as-of dates of the statuses counted (latest per loan)."""

    def of(self, kind: str) -> tuple[OverdueLine, ...]:
        return tuple(x for x in self.lines if x.kind == kind)


@dataclass(frozen=True)
class Report:
    period: ReportPeriod
    generated_at: datetime
    summary: Summary
    kpis: KpiTable
    funnel: Funnel
    products: tuple[ProductLine, ...]
    """One line per product (lender and method empty), largest amount first."""
    product_total: ProductLine
    """All signed loans of the period (code, name, lender and method are empty)."""
    rejections: tuple[RejectionLine, ...]
    channels: tuple[ChannelLine, ...]
    channel_total: ChannelLine
    follow_ups: tuple[FollowUpLine, ...]
    follow_up_total: FollowUpLine
    consultation_rows: int
    """How many rows :func:`reports.model.iter_consultation_rows` will yield."""
    notes: tuple[str, ...] = field(default=())
    """English remarks about data the schema cannot give (shown on the summary)."""
    stores: tuple[Summary, ...] = field(default=())
    """A group report's summary per store (in store order); empty for one store."""
    product_details: tuple[ProductLine, ...] = field(default=())
    """By product, lender and repayment method."""
    overdue: Overdue | None = None
    """None when no lender's post-loan status has been imported up to the period's end."""

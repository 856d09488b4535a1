"""Compute every figure of the owner report with SQLAlchemy aggregates.

Only portable SQL: ``select()`` with ``sum(case(...))``, ``count``,
``exists`` and ``group_by`` over plain columns or a subquery's columns (no
date functions, no JSON operators).  Month buckets are ``case`` expressions
over UTC bounds computed in Python, so a month is a month on the store's
clock on SQLite and PostgreSQL alike.  Averages are ``sum / count`` in
``Decimal`` (money and rates are stored as scaled integers, so the sums are
exact).

Definitions (also printed on the workbook):

* Summary and KPI counts are *activity* counts: an event counts in the
  period in which it happened (a loan signed on 3 March counts for March
  whenever the customer first came in).
* The funnel and the channel table are *cohorts*: consultations first
  contacted in the period, followed to the furthest stage they have reached
  by now.  A stage counts as reached when it or any later stage has a
  timestamp, so the funnel never widens.
* Approval rate = approved / (approved + declined by the lender): the
  lender's decision as the staff recorded it.  A customer who withdrew the
  application and a consultation we refused ourselves (lost as "refused:
  eligibility" or "refused: suspected fraud") are counted apart, never as a
  decline; before decisions were recorded, a consultation lost as "rejected
  by the lender" counts as declined.
* Add-on attach rate: signed loans whose chosen plan carries an *optional*
  add-on (insurance the lender does not require, extended warranty, service
  package, other), overall and per kind; lender-required insurance is shown
  apart as the required-insurance rate (it says nothing about selling).
* Average APR is weighted by loan amount: sum(APR x amount) / sum(amount).
* Referrals: consultations first contacted in the period that name a
  referring customer or came through the referral channel, credited to the
  consultant who served them.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from db.database import Database
from db.models import (
    Appraisal,
    Consultation,
    FollowUp,
    LoanStatus,
    Plan,
    PlanAddOn,
    Product,
    Qualification,
    Staff,
    Store,
)
from db.models.base import utcnow
from db.models.enums import FUNNEL_ORDER, AddOnKind, Channel, Role
from db.services.messages import MESSAGES as LOST_MESSAGES
from reports.model.figures import (
    ADD_ON_KINDS,
    CENT,
    KPI_CODES,
    M1_DAYS,
    M3_DAYS,
    TENTH,
    ChannelLine,
    FollowUpLine,
    Funnel,
    FunnelMonth,
    FunnelStep,
    KpiLine,
    KpiTable,
    KpiTargets,
    Overdue,
    OverdueLine,
    ProductLine,
    RejectionLine,
    Report,
    SalespersonKpis,
    Summary,
    mean,
    percent,
    weighted_mean,
)
from reports.model.period import ReportPeriod

TR_CONTEXT = "ReportModel"

TR_STRINGS = (
    "Summary and salesperson figures count each event in the period in which it happened.",
    "Funnel and channel figures follow the consultations first contacted in the period "
    "to the furthest stage they have reached so far.",
    "Approval rate = approved / (approved + declined by the lender), as recorded on the "
    "signing step; applications the customer withdrew and consultations we refused "
    "ourselves are counted apart, not as declines.",
    "Add-on attach rate = signed loans with at least one optional add-on (insurance the "
    "lender does not require, warranty, service package); lender-required insurance is "
    "shown apart.",
    "Average APR is weighted by loan amount: sum(APR x amount) / sum(amount).",
    "Referrals are new consultations that name a referring customer or came through the "
    "referral channel, credited to the consultant who served them.",
)
"""Remarks printed with the report (context ``ReportModel``)."""

C = Consultation
STAGE_COLUMNS: tuple[Any, ...] = (
    C.contact_at,
    C.needs_confirmed_at,
    C.qualified_at,
    C.plan_offered_at,
    C.approved_at,
    C.signed_at,
    C.disbursed_at,
    C.delivered_at,
)
STAGES: tuple[str, ...] = tuple(s.value for s in FUNNEL_ORDER)
assert len(STAGES) == len(STAGE_COLUMNS)

KPI_TARGETS_SETTING = "report.kpi_targets"
"""App setting (``db.services.settings.get_app_setting``) holding the owner's targets."""

STREAM_BATCH = 1000
"""Rows fetched at a time where rows are read one by one (bounded memory)."""

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def name_zh(spec: Any) -> str:
    """The Chinese name kept in a product's catalogue entry ('' when it has none)."""
    return str(spec.get("name_zh") or "") if isinstance(spec, dict) else ""


def template_label(template: str) -> str:
    """A reason template with its parameters left out: ``'{age} years'`` -> ``'… years'``."""
    return _PLACEHOLDER.sub("…", template)


# ---------------------------------------------------------------------------
# small SQL helpers
# ---------------------------------------------------------------------------


def _within(col: Any, lo: datetime, hi: datetime) -> ColumnElement[bool]:
    return and_(col >= lo, col < hi)


def _count_if(cond: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def _chosen_plan() -> ColumnElement[bool]:
    return and_(Plan.consultation_id == C.id, Plan.chosen.is_(True))


def insured_plan() -> ColumnElement[bool]:
    """The chosen plan carries an insurance line (optional or lender-required)."""
    return (
        select(PlanAddOn.id)
        .where(PlanAddOn.plan_id == Plan.id, PlanAddOn.kind == AddOnKind.INSURANCE.value)
        .exists()
    )


def plan_has_add_on(*, required: bool, kind: str | None = None) -> ColumnElement[bool]:
    """The plan carries an add-on that is (not) lender-required, of ``kind`` if given."""
    conds = [PlanAddOn.plan_id == Plan.id, PlanAddOn.required.is_(required)]
    if kind is not None:
        conds.append(PlanAddOn.kind == kind)
    return select(PlanAddOn.id).where(*conds).exists()


REFUSED_CODES = ("refused_eligibility", "refused_fraud")
"""``LostReason`` codes of consultations we refused ourselves."""


def reached(stage_index: int) -> ColumnElement[bool]:
    """The stage, or any later one, has a timestamp."""
    return or_(*(col.is_not(None) for col in STAGE_COLUMNS[stage_index:]))


def _dec(value: Any) -> Decimal:
    return Decimal(0) if value is None else Decimal(value)


# ---------------------------------------------------------------------------
# targets
# ---------------------------------------------------------------------------


def load_kpi_targets(database: Database, store_id: int) -> KpiTargets:
    """The owner's KPI targets (app setting ``report.kpi_targets``), defaults otherwise.

    The setting is a JSON object ``{"loans_closed": "20", ...,
    "weights": {"loans_closed": "30", ...}}``; unreadable values are ignored.
    """
    from db.services.settings import get_app_setting

    data = get_app_setting(database, store_id, KPI_TARGETS_SETTING, None)
    return targets_from_json(data)


def targets_from_json(data: Any) -> KpiTargets:
    defaults = KpiTargets()
    if not isinstance(data, Mapping):
        return defaults
    values: dict[str, Any] = {}
    for code in (*KPI_CODES, "score_cap_percent"):
        try:
            v = Decimal(str(data[code]))
        except Exception:  # missing or unreadable: keep the default
            continue
        if v.is_finite() and v >= 0:
            values[code] = v
    weights = data.get("weights")
    if isinstance(weights, Mapping):
        merged = dict(defaults.weights)
        for code in KPI_CODES:
            try:
                w = Decimal(str(weights[code]))
            except Exception:
                continue
            if w.is_finite() and w >= 0:
                merged[code] = w
        values["weights"] = tuple((c, merged[c]) for c in KPI_CODES)
    return KpiTargets(**values)


# ---------------------------------------------------------------------------
# KPI scoring (pure)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiActuals:
    """The raw sums for one salesperson (or the store)."""

    loans_closed: int = 0
    loan_amount: Decimal = Decimal(0)
    approved: int = 0
    declined: int = 0
    withdrawn: int = 0
    refused: int = 0
    satisfaction_sum: int = 0
    satisfaction_n: int = 0
    with_add_on: int = 0
    """Signed loans whose plan carries an optional add-on."""
    required_insurance: int = 0
    signed_with_plan: int = 0
    referrals: int = 0
    optional_insurance: int = 0
    optional_warranty: int = 0
    optional_service: int = 0
    optional_other: int = 0
    close_seconds: int = 0
    close_n: int = 0
    apr_weighted: Decimal = Decimal(0)
    """sum(APR x amount) over the signed loans with an APR."""
    apr_amount: Decimal = Decimal(0)
    """sum(amount) over the same loans."""

    def __add__(self, other: KpiActuals) -> KpiActuals:
        return KpiActuals(
            *(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__)
        )

    def actual(self, code: str) -> Decimal | None:
        if code == "loans_closed":
            return Decimal(self.loans_closed)
        if code == "loan_amount":
            return self.loan_amount
        if code == "approval_rate":
            return self.approval_rate
        if code == "satisfaction":
            return mean(self.satisfaction_sum, self.satisfaction_n)
        if code == "insurance_attach":
            return self.add_on_attach_rate
        if code == "referrals":
            return Decimal(self.referrals)
        raise KeyError(code)

    @property
    def approval_rate(self) -> Decimal | None:
        return percent(self.approved, self.approved + self.declined)

    @property
    def add_on_attach_rate(self) -> Decimal | None:
        return percent(self.with_add_on, self.signed_with_plan)

    @property
    def required_insurance_rate(self) -> Decimal | None:
        return percent(self.required_insurance, self.signed_with_plan)

    def add_on_by_kind(self) -> tuple[tuple[str, Decimal | None], ...]:
        return tuple(
            (kind, percent(getattr(self, f"optional_{kind}"), self.signed_with_plan))
            for kind in ADD_ON_KINDS
        )

    @property
    def average_days_to_close(self) -> Decimal | None:
        return mean(Decimal(self.close_seconds) / Decimal(86400), self.close_n, TENTH)

    @property
    def average_apr(self) -> Decimal | None:
        """Weighted by amount."""
        return weighted_mean(self.apr_weighted, self.apr_amount)


def score_kpis(
    staff_id: int | None,
    name: str,
    actuals: KpiActuals,
    targets: KpiTargets,
    months: Decimal,
    *,
    scale: int = 1,
) -> SalespersonKpis:
    """Lines and weighted score.

    ``scale``: how many salespeople a totals row stands for (count and amount
    targets are multiplied by it; the "unassigned" row does not count).
    """
    lines = []
    cap = targets.score_cap_percent
    for code in KPI_CODES:
        target = targets.target(code, months)
        if code in KpiTargets.SCALED:
            target = target * scale
        actual = actuals.actual(code)
        achievement = percent(actual, target) if actual is not None and target else None
        weight = targets.weight(code)
        points = (
            (weight * min(achievement, cap) / 100).quantize(CENT, ROUND_HALF_UP)
            if achievement is not None
            else Decimal("0.00")
        )
        lines.append(KpiLine(code, weight, target, actual, achievement, points))
    return SalespersonKpis(
        staff_id=staff_id,
        name=name,
        lines=tuple(lines),
        score=sum((x.points for x in lines), Decimal("0.00")),
        approved=actuals.approved,
        declined=actuals.declined,
        satisfaction_responses=actuals.satisfaction_n,
        withdrawn=actuals.withdrawn,
        refused=actuals.refused,
        average_days_to_close=actuals.average_days_to_close,
        average_apr=actuals.average_apr,
    )


# ---------------------------------------------------------------------------
# the report
# ---------------------------------------------------------------------------


StoreIds = tuple[int, ...]
"""The stores a report covers: one store, or several for a dealer group's report."""


def in_stores(col: Any, sids: StoreIds) -> ColumnElement[bool]:
    """``col = :id`` for one store (the same SQL as ever), ``col IN (...)`` for a group."""
    cond: ColumnElement[bool] = col == sids[0] if len(sids) == 1 else col.in_(sids)
    return cond


def staff_of(sids: StoreIds) -> ColumnElement[bool]:
    """Staff of the stores, and the group owner (who may serve customers in any store)."""
    return or_(in_stores(Staff.store_id, sids), Staff.role == Role.OWNER.value)


def resolve_store(database: Database, store_id: int | None) -> int:
    return resolve_stores(database, store_id)[0]


def resolve_stores(
    database: Database, store_id: int | None = None, store_ids: Sequence[int] | None = None
) -> StoreIds:
    """The stores to report on: ``store_ids`` if given, else ``store_id``, else the first store."""
    from lending.errors import UserError

    if store_ids is not None:
        wanted = tuple(dict.fromkeys(int(i) for i in store_ids))
        if not wanted:
            raise UserError("No store to report on.", code="not_found")
    else:
        sid = store_id if store_id is not None else database.default_store_id()
        if sid is None:
            raise UserError(
                "LoanDesk is not set up yet: start the program once to create the store.",
                code="needs_setup",
            )
        wanted = (sid,)
    with database.session_factory() as s:
        found = set(s.scalars(select(Store.id).where(Store.id.in_(wanted))))
    for sid in wanted:
        if sid not in found:
            raise UserError(f"Store {sid} does not exist.", code="not_found")
    return wanted


Activity = tuple[dict[int | None, tuple[KpiActuals, dict[str, Any]]], int, int]
"""Per consultant (actuals, other counts), plans priced, consultations lost."""


def _summary(
    s: Session,
    sids: StoreIds,
    store_name: str,
    lo: datetime,
    hi: datetime,
    activity: Activity | None = None,
) -> Summary:
    per_person, plans_priced, lost_total = activity or _activity(s, sids, lo, hi)
    totals = sum((a for a, _ in per_person.values()), KpiActuals())
    counts: Counter[str] = Counter()
    for _, extra in per_person.values():
        counts.update(extra["counts"])
    return Summary(
        store_id=sids[0] if len(sids) == 1 else 0,
        store_name=store_name,
        consultations=counts["contacts"],
        plans_offered=counts["plans_offered"],
        plans_priced=plans_priced,
        approved=totals.approved,
        signed=totals.loans_closed,
        delivered=counts["delivered"],
        lost=lost_total,
        loan_amount=totals.loan_amount.quantize(CENT),
        average_apr=totals.average_apr,
        required_insurance_rate=totals.required_insurance_rate,
        average_days_to_close=totals.average_days_to_close,
        store_ids=sids,
        declined=totals.declined,
        withdrawn=totals.withdrawn,
        refused=totals.refused,
        approval_rate=totals.approval_rate,
        add_on_attach_rate=totals.add_on_attach_rate,
        add_on_attach_by_kind=totals.add_on_by_kind(),
    )


def build_report(
    database: Database,
    period: ReportPeriod,
    *,
    store_id: int | None = None,
    store_ids: Sequence[int] | None = None,
    targets: KpiTargets | None = None,
    now: datetime | None = None,
) -> Report:
    """Every aggregate of the owner report for one store (or a group of stores) and period.

    ``store_ids`` (several stores: the dealer group's report, with one summary
    per store in ``Report.stores``) wins over ``store_id``; neither means the
    first store.  ``now`` decides which follow-ups are missed rather than
    open (default: the current time).  The consultation rows are streamed
    separately by :func:`reports.model.rows.iter_consultation_rows`.
    """
    sids = resolve_stores(database, store_id, store_ids)
    if targets is None:
        targets = load_kpi_targets(database, sids[0])
    moment = utcnow() if now is None else now
    lo, hi = period.bounds()
    with database.session_factory() as s:
        names = dict(
            (int(i), str(n))
            for i, n in s.execute(select(Store.id, Store.name).where(in_stores(Store.id, sids)))
        )
        store_name = ", ".join(names.get(i, "") for i in sids)
        staff: dict[int, tuple[str, str, bool]] = {
            row.id: (row.display_name, row.role, row.active)
            for row in s.execute(
                select(Staff.id, Staff.display_name, Staff.role, Staff.active).where(
                    staff_of(sids)
                )
            )
        }

        def name_of(staff_id: int | None) -> str:
            if staff_id is None:
                return "Unassigned"
            return staff.get(staff_id, (f"#{staff_id}", "", False))[0]

        activity = _activity(s, sids, lo, hi)
        per_person = activity[0]
        summary = _summary(s, sids, store_name, lo, hi, activity)
        per_store = (
            tuple(_summary(s, (i,), names.get(i, ""), lo, hi) for i in sids)
            if len(sids) > 1
            else ()
        )
        funnel = _funnel(s, sids, period)
        products, product_details, product_total = _products(s, sids, lo, hi)
        rejections = _rejections(s, sids, lo, hi)
        channels = _channels(s, sids, lo, hi)
        follow_ups = _follow_ups(s, sids, period, moment)
        overdue = _overdue(s, sids, period, name_of)
        row_count = s.scalar(
            select(func.count(C.id)).where(
                in_stores(C.store_id, sids), _within(C.contact_at, lo, hi)
            )
        ) or 0

    totals = sum((a for a, _ in per_person.values()), KpiActuals())

    # --- KPIs: everyone with activity, and every active consultant ------
    months = period.month_equivalents()
    people: set[int | None] = set(per_person)
    people.update(
        sid_ for sid_, (_, role, active) in staff.items()
        if active and role == Role.CONSULTANT.value
    )
    ordered = sorted(people, key=lambda p: (p is None, name_of(p), p or 0))
    rows = tuple(
        score_kpis(p, name_of(p), per_person.get(p, (KpiActuals(), {}))[0], targets, months)
        for p in ordered
    )
    people_count = sum(1 for r in rows if r.staff_id is not None)
    total = score_kpis(
        None, "All salespeople", totals, targets, months, scale=max(people_count, 1)
    )
    kpis = KpiTable(targets=targets, months=months, rows=rows, total=total)

    # --- follow-ups -------------------------------------------------------
    fu_lines = tuple(
        _follow_up_line(p, name_of(p), c)
        for p, c in sorted(follow_ups.items(), key=lambda kv: (kv[0] is None, name_of(kv[0])))
    )
    fu_total = _follow_up_line(None, "Total", sum(follow_ups.values(), Counter()))

    return Report(
        period=period,
        generated_at=moment,
        summary=summary,
        kpis=kpis,
        funnel=funnel,
        products=products,
        product_details=product_details,
        product_total=product_total,
        channel_total=ChannelLine(
            "",
            sum(c.leads for c in channels),
            sum(c.signed for c in channels),
            percent(sum(c.signed for c in channels), sum(c.leads for c in channels)),
            sum((c.amount for c in channels), Decimal("0.00")),
        ),
        rejections=rejections,
        channels=channels,
        follow_ups=fu_lines,
        follow_up_total=fu_total,
        consultation_rows=row_count,
        notes=TR_STRINGS,
        stores=per_store,
        overdue=overdue,
    )


def _activity(
    s: Session,
    sids: StoreIds,
    lo: datetime,
    hi: datetime,
    *,
    only: ColumnElement[bool] | None = None,
    full: bool = True,
) -> Activity:
    """Per consultant: the period's events.  ``only`` narrows the consultations read
    (the dashboard passes the ones with an event in its months, found by index);
    ``full`` False leaves out what the dashboard does not show: days to close, the
    weighted APR, required insurance and the add-on kinds (left at zero), plans priced
    and consultations lost (returned as 0)."""
    signed_in = _within(C.signed_at, lo, hi)
    with_plan = and_(signed_in, Plan.id.is_not(None))
    has_sat = and_(signed_in, C.satisfaction.is_not(None))
    referral = or_(
        C.referred_by_customer_id.is_not(None), C.source_channel == Channel.REFERRAL.value
    )
    decided = _within(C.lender_decided_at, lo, hi)
    stmt = (
        select(
            C.consultant_id,
            _count_if(_within(C.contact_at, lo, hi)),
            _count_if(_within(C.plan_offered_at, lo, hi)),
            _count_if(_within(C.approved_at, lo, hi)),
            _count_if(signed_in),
            _count_if(_within(C.delivered_at, lo, hi)),
            _count_if(
                or_(
                    and_(decided, C.lender_outcome == "declined"),
                    and_(  # recorded only as a lost reason (before decisions were recorded)
                        C.lender_outcome.is_(None),
                        _within(C.lost_at, lo, hi),
                        C.lost_reason_code == "lender_rejected",
                    ),
                )
            ),
            _count_if(and_(decided, C.lender_outcome == "withdrawn")),
            _count_if(and_(_within(C.lost_at, lo, hi), C.lost_reason_code.in_(REFUSED_CODES))),
            func.sum(case((signed_in, Plan.amount))),
            _count_if(with_plan),
            _count_if(and_(with_plan, plan_has_add_on(required=False))),
            *(
                (
                    _count_if(and_(with_plan, plan_has_add_on(
                        required=True, kind=AddOnKind.INSURANCE.value))),
                    *(
                        _count_if(and_(with_plan, plan_has_add_on(required=False, kind=kind)))
                        for kind in ADD_ON_KINDS
                    ),
                )
                if full  # the dashboard shows neither required insurance nor the kinds
                else (literal(0),) * (1 + len(ADD_ON_KINDS))
            ),
            func.sum(case((has_sat, C.satisfaction))),
            _count_if(has_sat),
            _count_if(and_(_within(C.contact_at, lo, hi), referral)),
        )
        .select_from(C)
        .outerjoin(Plan, _chosen_plan())
        .where(in_stores(C.store_id, sids), *(() if only is None else (only,)))
        .group_by(C.consultant_id)
    )
    loans = _signed_loans(s, sids, lo, hi) if full else {}
    out: dict[int | None, tuple[KpiActuals, dict[str, Any]]] = {}
    for row in s.execute(stmt):
        (consultant, contacts, offered, approved, signed, delivered, declined, withdrawn,
         refused, amount, n_with_plan, with_add_on, required_insurance, *rest) = row
        by_kind = [int(v) for v in rest[: len(ADD_ON_KINDS)]]
        sat_sum, sat_n, referrals = rest[len(ADD_ON_KINDS):]
        if not any((contacts, offered, approved, signed, delivered, declined, withdrawn,
                    refused, referrals)):
            continue
        close_seconds, close_n, apr_weighted, apr_amount = loans.get(
            consultant, (0, 0, Decimal(0), Decimal(0))
        )
        actuals = KpiActuals(
            loans_closed=int(signed),
            loan_amount=_dec(amount),
            approved=int(approved),
            declined=int(declined),
            withdrawn=int(withdrawn),
            refused=int(refused),
            satisfaction_sum=int(sat_sum or 0),
            satisfaction_n=int(sat_n),
            with_add_on=int(with_add_on),
            required_insurance=int(required_insurance),
            signed_with_plan=int(n_with_plan),
            referrals=int(referrals),
            **{f"optional_{k}": n for k, n in zip(ADD_ON_KINDS, by_kind, strict=True)},
            close_seconds=close_seconds,
            close_n=close_n,
            apr_weighted=apr_weighted,
            apr_amount=apr_amount,
        )
        extra = {
            "counts": {
                "contacts": int(contacts),
                "plans_offered": int(offered),
                "delivered": int(delivered),
            },
        }
        out[consultant] = (actuals, extra)
    if not full:
        return out, 0, 0
    plans_priced = s.scalar(
        select(func.count(Plan.id)).where(
            in_stores(Plan.store_id, sids), _within(Plan.created_at, lo, hi)
        )
    ) or 0
    lost = s.scalar(
        select(func.count(C.id)).where(in_stores(C.store_id, sids), _within(C.lost_at, lo, hi))
    ) or 0
    return out, int(plans_priced), int(lost)


def _signed_loans(
    s: Session, sids: StoreIds, lo: datetime, hi: datetime
) -> dict[int | None, tuple[int, int, Decimal, Decimal]]:
    """Per consultant, over the loans signed in the period: (seconds from first contact
    to signing, loans with a contact time, sum of APR x amount, sum of amount with an APR).

    Read row by row in Python (exact ``Decimal`` products; the scaled integers'
    products would overflow a 64-bit SQL sum on a large store).
    """
    stmt = (
        select(C.consultant_id, C.contact_at, C.signed_at, Plan.amount, Plan.apr)
        .select_from(C)
        .outerjoin(Plan, _chosen_plan())
        .where(in_stores(C.store_id, sids), _within(C.signed_at, lo, hi))
    )
    acc: dict[int | None, list[Any]] = {}
    for who, contact, signed, amount, apr in s.execute(
        stmt.execution_options(yield_per=STREAM_BATCH)
    ):
        a = acc.get(who)
        if a is None:
            a = acc[who] = [0, 0, Decimal(0), Decimal(0)]
        if contact is not None and signed is not None:
            d: timedelta = signed - contact
            a[0] += d.days * 86400 + d.seconds
            a[1] += 1
        if apr is not None and amount is not None:
            a[2] += apr * amount
            a[3] += amount
    return {k: (v[0], v[1], v[2], v[3]) for k, v in acc.items()}


def _steps(counts: list[int]) -> tuple[FunnelStep, ...]:
    first = counts[0] if counts else 0
    return tuple(
        FunnelStep(
            stage=stage,
            count=n,
            step_conversion=None if i == 0 else percent(n, counts[i - 1]),
            overall_conversion=percent(n, first),
        )
        for i, (stage, n) in enumerate(zip(STAGES, counts, strict=True))
    )


def _funnel(s: Session, sids: StoreIds, period: ReportPeriod) -> Funnel:
    lo, hi = period.bounds()
    months = period.months()
    bucket = case(
        *((C.contact_at < b.hi, i) for i, b in enumerate(months)), else_=len(months)
    )
    inner = (
        select(
            bucket.label("m"),
            *(case((reached(i), 1), else_=0).label(f"s{i}") for i in range(len(STAGES))),
        )
        .where(in_stores(C.store_id, sids), _within(C.contact_at, lo, hi))
        .subquery()
    )
    stmt = select(
        inner.c.m, *(func.sum(inner.c[f"s{i}"]) for i in range(len(STAGES)))
    ).group_by(inner.c.m)
    per_month: dict[int, list[int]] = {}
    for row in s.execute(stmt):
        per_month[int(row[0])] = [int(v or 0) for v in row[1:]]
    zero = [0] * len(STAGES)
    overall = [sum(c[i] for c in per_month.values()) for i in range(len(STAGES))]
    return Funnel(
        stages=STAGES,
        overall=_steps(overall),
        by_month=tuple(
            FunnelMonth(b.label, _steps(per_month.get(i, zero))) for i, b in enumerate(months)
        ),
    )


def _products(
    s: Session, sids: StoreIds, lo: datetime, hi: datetime
) -> tuple[tuple[ProductLine, ...], tuple[ProductLine, ...], ProductLine]:
    """(one line per product, one per product x lender x method, the total)."""
    stmt = (
        select(
            Plan.product_code,
            Product.name,
            Plan.lender_name,
            Plan.method,
            Plan.amount,
            Plan.apr,
            Plan.term_months,
        )
        .select_from(C)
        .join(Plan, _chosen_plan())
        .outerjoin(Product, Product.id == Plan.product_id)
        .where(in_stores(C.store_id, sids), _within(C.signed_at, lo, hi))
    )
    names_zh: dict[str, str] = {}
    for pcode, spec in s.execute(select(Product.code, Product.spec)
                                 .where(in_stores(Product.store_id, sids))):
        names_zh.setdefault(pcode, name_zh(spec))
    by_product: dict[str, _ProductSums] = {}
    by_detail: dict[tuple[str, str, str], _ProductSums] = {}
    names: dict[str, str] = {}
    total = _ProductSums()
    for code, name, lender, method, amount, apr, term in s.execute(
        stmt.execution_options(yield_per=STREAM_BATCH)
    ):
        code = code or ""
        names.setdefault(code, name or code)
        for sums in (
            by_product.setdefault(code, _ProductSums()),
            by_detail.setdefault((code, lender or "", method or ""), _ProductSums()),
            total,
        ):
            sums.add(_dec(amount), apr, term)

    def line(code: str, lender: str, method: str, sums: _ProductSums) -> ProductLine:
        return ProductLine(
            product_code=code,
            product_name=names.get(code, code),
            product_name_zh=names_zh.get(code, ""),
            lender=lender,
            method=method,
            loans=sums.loans,
            amount=sums.amount.quantize(CENT),
            average_apr=sums.average_apr(),
            average_term=mean(sums.term, sums.loans, TENTH),
            loan_share=percent(sums.loans, total.loans),
            amount_share=percent(sums.amount, total.amount),
        )

    mix = sorted(
        (line(code, "", "", v) for code, v in by_product.items()),
        key=lambda x: (-x.amount, x.product_code),
    )
    details = sorted(
        (line(code, lender, method, v) for (code, lender, method), v in by_detail.items()),
        key=lambda x: (-x.amount, x.product_code, x.lender, x.method),
    )
    all_line = dataclasses.replace(
        line("", "", "", total), product_name="", product_name_zh=""
    )
    return tuple(mix), tuple(details), all_line


class _ProductSums:
    __slots__ = ("amount", "apr_amount", "apr_weighted", "loans", "term")

    def __init__(self) -> None:
        self.loans = 0
        self.amount = Decimal(0)
        self.term = 0
        self.apr_weighted = Decimal(0)
        self.apr_amount = Decimal(0)

    def add(self, amount: Decimal, apr: Decimal | None, term: int | None) -> None:
        self.loans += 1
        self.amount += amount
        self.term += term or 0
        if apr is not None:
            self.apr_weighted += apr * amount
            self.apr_amount += amount

    def average_apr(self) -> Decimal | None:
        return weighted_mean(self.apr_weighted, self.apr_amount)


def _overdue(
    s: Session, sids: StoreIds, period: ReportPeriod, staff_name: Any
) -> Overdue | None:
    """Each signed loan's latest imported status up to the period's last day."""
    latest = (
        select(LoanStatus.consultation_id.label("cid"), func.max(LoanStatus.as_of).label("day"))
        .where(in_stores(LoanStatus.store_id, sids), LoanStatus.as_of <= period.end)
        .group_by(LoanStatus.consultation_id)
        .subquery()
    )
    stmt = (
        select(C.consultant_id, Plan.product_code, Plan.lender_name, LoanStatus.status,
               LoanStatus.overdue_days, LoanStatus.as_of)
        .select_from(LoanStatus)
        .join(latest, and_(latest.c.cid == LoanStatus.consultation_id,
                           latest.c.day == LoanStatus.as_of))
        .join(C, C.id == LoanStatus.consultation_id)
        .join(Plan, Plan.id == LoanStatus.plan_id)
    )
    groups: dict[tuple[str, str], list[int]] = {}
    days: set[Any] = set()
    for consultant, product, lender, status, overdue_days, as_of in s.execute(
        stmt.execution_options(yield_per=STREAM_BATCH)
    ):
        days.add(as_of)
        settled = status == "settled"
        n_days = 0 if settled else int(overdue_days or 0)
        for key in (("salesperson", "" if consultant is None else str(consultant)),
                    ("product", product or ""), ("lender", lender or ""), ("total", "")):
            g = groups.setdefault(key, [0, 0, 0, 0])
            g[0 if not settled else 1] += 1
            g[2] += n_days >= M1_DAYS
            g[3] += n_days >= M3_DAYS
    if not days:
        return None
    products: dict[str, tuple[str, str]] = {}
    for code, pname, spec in s.execute(
        select(Product.code, Product.name, Product.spec).where(in_stores(Product.store_id, sids))
    ):
        products.setdefault(code, (pname, name_zh(spec)))

    def line(kind: str, key: str, g: list[int]) -> OverdueLine:
        if kind == "salesperson":
            name, zh = staff_name(int(key) if key else None), ""
        elif kind == "product":
            name, zh = products.get(key, (key, ""))
        else:
            name, zh = key, ""
        return OverdueLine(kind, key, name, g[0], g[1], g[2], g[3], percent(g[2], g[0]),
                           percent(g[3], g[0]), zh)

    order = {"salesperson": 0, "product": 1, "lender": 2}
    lines = sorted(
        (line(kind, key, g) for (kind, key), g in groups.items() if kind != "total"),
        key=lambda x: (order[x.kind], x.kind == "salesperson" and not x.key, -x.loans, x.name),
    )
    return Overdue(tuple(lines), line("total", "", groups[("total", "")]), tuple(sorted(days)))


def _reason_codes(data: Any) -> Iterable[tuple[str, str]]:
    for item in data or []:
        if isinstance(item, Mapping) and "code" in item:
            yield str(item["code"]), str(item.get("template", item["code"]))


def _rejections(
    s: Session, sids: StoreIds, lo: datetime, hi: datetime
) -> tuple[RejectionLine, ...]:
    lines: list[RejectionLine] = []

    def add(kind: str, found: Counter[tuple[str, str]]) -> None:
        total = sum(found.values())
        for (code, text), n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(RejectionLine(kind, code, text, n, percent(n, total)))

    # Lost in the GUI: grouped by the category picked (``lost.<code>``, a
    # translatable template; the free note is not split out). Older rows and
    # imports without a category: grouped by their text.
    lost: Counter[tuple[str, str]] = Counter()
    for code, reason, n in s.execute(
        select(C.lost_reason_code, C.lost_reason, func.count(C.id))
        .where(in_stores(C.store_id, sids), _within(C.lost_at, lo, hi))
        .group_by(C.lost_reason_code, C.lost_reason)
    ):
        key = f"lost.{code}" if code else ""
        if key in LOST_MESSAGES:
            lost[(key, LOST_MESSAGES[key])] += int(n)
        else:
            text = (reason or "").strip()
            lost[(text, text)] += int(n)
    add("lost", lost)

    qual: Counter[tuple[str, str]] = Counter()
    for (failures,) in s.execute(
        select(Qualification.hard_failures).where(
            in_stores(Qualification.store_id, sids),
            Qualification.passed.is_(False),
            _within(Qualification.assessed_at, lo, hi),
        )
    ):
        for code, template in dict(_reason_codes(failures)).items():
            qual[(code, template)] += 1
    add("qualification", qual)

    vehicle: Counter[tuple[str, str]] = Counter()
    for (reasons,) in s.execute(
        select(Appraisal.reasons).where(
            in_stores(Appraisal.store_id, sids),
            Appraisal.acceptable.is_(False),
            _within(Appraisal.appraised_at, lo, hi),
        )
    ):
        for code, template in dict(_reason_codes(reasons)).items():
            if code.startswith("excluded."):
                vehicle[(code, template)] += 1
    add("vehicle", vehicle)

    # the lender's declines, by the reason recorded with the decision
    lender: Counter[tuple[str, str]] = Counter()
    withdrawn = 0
    for outcome, data in s.execute(
        select(C.lender_outcome, C.lender_decision).where(
            in_stores(C.store_id, sids),
            _within(C.lender_decided_at, lo, hi),
            C.lender_outcome.in_(("declined", "withdrawn")),
        )
    ):
        if outcome == "withdrawn":
            withdrawn += 1
            continue
        code = str((data or {}).get("reason_code") or "other")
        key = f"decision.declined_{code}"
        lender[(key, LOST_MESSAGES.get(key, code))] += 1
    add("lender", lender)
    if withdrawn:
        add("withdrawn", Counter({("decision.withdrawn", "Withdrawn by the customer"): withdrawn}))

    hits = s.scalar(
        select(func.count(C.id)).where(
            in_stores(C.store_id, sids), _within(C.contact_at, lo, hi), C.blacklist_hit.is_(True)
        )
    ) or 0
    if hits:
        add("blacklist", Counter({("blacklist.hit", "Blacklist hit"): int(hits)}))
    return tuple(lines)


def _channels(s: Session, sids: StoreIds, lo: datetime, hi: datetime) -> tuple[ChannelLine, ...]:
    signed = C.signed_at.is_not(None)
    stmt = (
        select(
            C.source_channel,
            func.count(C.id),
            _count_if(signed),
            func.sum(case((signed, Plan.amount))),
        )
        .select_from(C)
        .outerjoin(Plan, _chosen_plan())
        .where(in_stores(C.store_id, sids), _within(C.contact_at, lo, hi))
        .group_by(C.source_channel)
    )
    found: dict[str, ChannelLine] = {}
    for channel, leads, n_signed, amount in s.execute(stmt):
        key = channel or ""
        prev = found.get(key)
        leads_i, signed_i, amt = int(leads), int(n_signed), _dec(amount)
        if prev is not None:  # "" and NULL both mean "not recorded"
            leads_i, signed_i, amt = prev.leads + leads_i, prev.signed + signed_i, prev.amount + amt
        found[key] = ChannelLine(
            key, leads_i, signed_i, percent(signed_i, leads_i), amt.quantize(CENT)
        )
    order = {c.value: i for i, c in enumerate(Channel)}
    return tuple(
        sorted(found.values(), key=lambda x: (order.get(x.channel, len(order)), x.channel))
    )


def _follow_ups(
    s: Session, sids: StoreIds, period: ReportPeriod, now: datetime
) -> dict[int | None, Counter[str]]:
    lo, hi = period.bounds()
    stmt = select(FollowUp.assigned_to, FollowUp.due_at, FollowUp.done_at).where(
        in_stores(FollowUp.store_id, sids), _within(FollowUp.due_at, lo, hi)
    )
    day_end: dict[Any, datetime] = {}
    out: dict[int | None, Counter[str]] = defaultdict(Counter)
    for who, due, done in s.execute(stmt.execution_options(yield_per=STREAM_BATCH)):
        day = period.local(due).date()
        end = day_end.get(day)
        if end is None:
            end = day_end[day] = period.moment(day + timedelta(days=1))
        c = out[who]
        c["due"] += 1
        if done is not None:
            c["on_time" if done < end else "late"] += 1
        elif now >= end:
            c["missed"] += 1
        else:
            c["open"] += 1
    return dict(out)


def _follow_up_line(staff_id: int | None, name: str, c: Counter[str]) -> FollowUpLine:
    settled = c["on_time"] + c["late"] + c["missed"]
    return FollowUpLine(
        staff_id=staff_id,
        name=name,
        due=c["due"],
        on_time=c["on_time"],
        late=c["late"],
        missed=c["missed"],
        open=c["open"],
        on_time_rate=percent(c["on_time"], settled),
    )

"""The product catalogue: what each lender offers, as validated data.

The default catalogue ships as ``resources/catalogue.json`` and the owner
edits it; this module only *parses and validates* the decoded JSON
(:func:`parse_catalogue`) and turns a catalogue back into JSON-ready data
(:func:`catalogue_to_data`).  Reading the file is done elsewhere.

JSON keys are exactly the dataclass field names below.  Decimals may be
written as strings (preferred: ``"4.50"``) or numbers; percentages are
percent (``"80"`` means 80 %).

Two product families:

* :class:`Product` - secured car loans (the four products of DOMAIN.md's
  table).  ``grades`` lists the risk grades a product accepts and the one
  nominal annual rate every customer of that grade gets (same price for the
  same grade), with the approval likelihood for that grade.  A product may
  carry a **rate sheet** (``rate_sheet``): the rate by grade x term band x
  down-payment band (:meth:`Product.rate_for`); every customer of the same
  grade, term band and down-payment band still gets the same price.
* :class:`ConsumerCreditProduct` - unsecured consumer credit lines.
* :class:`CardInstalment` - bank card instalment (信用卡分期): no interest, a
  flat fee per term; its true APR comes from
  :func:`lending.deal.card_instalment_schedule`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any, TypeVar

from lending.catalogue_problems import CatalogueError as CatalogueError  # re-exported
from lending.catalogue_problems import ObjectReader as _Obj
from lending.catalogue_problems import catalogue_problem
from lending.money import ZERO, money, percent_of
from lending.onroad import Energy, VehicleKind
from lending.qualification import Grade
from lending.reasons import Reason
from lending.schedule import MAX_TERM_MONTHS, RepaymentMethod

CATALOGUE_FORMAT_VERSION = 1
STANDARD_TERMS: tuple[int, ...] = (12, 24, 36, 48, 60)

MESSAGES: dict[str, str] = {
    "sheet.grade_not_accepted": (
        "The rate sheet has rates for grade {grade}, which the product does not accept."
    ),
    "sheet.grade_missing": "The rate sheet has no rates for grade {grade}.",
    "sheet.cell_missing": (
        "The rate sheet has no rate for grade {grade}, terms up to {term} months, a down "
        "payment from {down}%."
    ),
    "sheet.cell_twice": (
        "The rate sheet lists grade {grade}, terms up to {term} months, a down payment from "
        "{down}% twice."
    ),
    "sheet.terms_not_covered": (
        "The longest term band of the rate sheet ends at {band} months; the product offers "
        "{term} months."
    ),
    "sheet.down_not_from_zero": (
        "The lowest down-payment band must start at 0% so that every down payment has a rate."
    ),
    "sheet.rate_outside": (
        "The rate {rate}% (grade {grade}, terms up to {term} months, a down payment from "
        "{down}%) is outside the APR range {lo}-{hi}%."
    ),
}
"""The rate sheet's rules (:func:`rate_sheet_reasons`), as the owner's editor shows them."""


class Strictness(StrEnum):
    STRICT = "strict"
    MEDIUM = "medium"
    LENIENT = "lenient"


class PromotionKind(StrEnum):
    RATE_DISCOUNT = "rate_discount"
    FEE_WAIVER = "fee_waiver"


@dataclass(frozen=True)
class GradeTerms:
    """What a customer of ``grade`` gets from a product.

    ``annual_rate`` is the nominal yearly rate in percent, inside the
    product's APR range.  ``monthly_fee_rate_percent`` overrides the
    product's monthly fee for this grade (consumer credit prices fees per
    grade); ``None`` means the product's own fee.
    """

    grade: Grade
    annual_rate: Decimal
    approval_likelihood_min_percent: Decimal
    approval_likelihood_max_percent: Decimal
    monthly_fee_rate_percent: Decimal | None = None


@dataclass(frozen=True)
class RateCell:
    """One cell of a product's rate sheet (APR by grade x term band x down-payment band).

    A customer of ``grade`` borrowing for a term of at most ``term_max_months``
    (and more than the next shorter band's) with a down payment of at least
    ``down_payment_min_percent`` % of the vehicle price (and less than the
    next higher band's) gets ``annual_rate`` (nominal, percent).
    """

    grade: Grade
    term_max_months: int
    down_payment_min_percent: Decimal
    annual_rate: Decimal


@dataclass(frozen=True)
class Fees:
    """Every fee a car-loan product charges (disclosed on the quote).

    * up-front account/arrangement fee = ``upfront_fee`` CNY +
      ``upfront_fee_percent`` % of the loan amount, paid at the start;
    * account management fee: ``monthly_fee_rate_percent`` % of the
      original principal every month (0 for banks);
    * early repayment: ``early_repayment_fee_percent`` % of the principal
      repaid early;
    * overdue penalty: ``overdue_penalty_percent_per_day`` % of the overdue
      amount per day.
    """

    upfront_fee: Decimal = Decimal(0)
    upfront_fee_percent: Decimal = Decimal(0)
    monthly_fee_rate_percent: Decimal = Decimal(0)
    early_repayment_fee_percent: Decimal = Decimal(0)
    overdue_penalty_percent_per_day: Decimal = Decimal(0)

    def upfront_fee_for(self, amount: Decimal) -> Decimal:
        return money(money(self.upfront_fee) + percent_of(amount, self.upfront_fee_percent))

    def early_repayment_fee_for(self, remaining_principal: Decimal) -> Decimal:
        return percent_of(remaining_principal, self.early_repayment_fee_percent)

    def overdue_penalty_for(self, overdue_amount: Decimal, days: int) -> Decimal:
        return percent_of(overdue_amount, self.overdue_penalty_percent_per_day * days)


@dataclass(frozen=True)
class StepUp:
    """Step-up repayment: the payment rises by ``step_percent`` % every ``step_months``."""

    step_percent: Decimal
    step_months: int = 12


@dataclass(frozen=True)
class Subsidy:
    """A manufacturer's or dealer's interest subsidy (贴息) on a product.

    The customer pays the grade's ``annual_rate`` (possibly 0); the lender
    earns ``lender_rate`` and ``by`` pays it the difference
    (:func:`lending.deal.subsidy_value`).  The customer's APR stays the one of
    their own cash flows.
    """

    lender_rate: Decimal
    """The annual rate (percent) the lender earns."""
    by: str
    """Who pays the subsidy, as printed ("FAW-Volkswagen", "the dealer")."""
    by_zh: str = ""


@dataclass(frozen=True)
class Product:
    """A secured car-loan product."""

    code: str
    name: str
    name_zh: str
    example_lenders: tuple[str, ...]
    max_financing_ratio_percent: Decimal
    apr_min_percent: Decimal
    apr_max_percent: Decimal
    approval_days_min: int
    """Working days; 0 means the same day."""
    approval_days_max: int
    methods: tuple[RepaymentMethod, ...]
    term_min_months: int
    term_max_months: int
    terms: tuple[int, ...]
    strictness: Strictness
    max_vehicle_age_years: Decimal
    max_mileage_km: int
    grades: tuple[GradeTerms, ...]
    fees: Fees
    step_up: StepUp | None
    requires_full_insurance: bool
    """Full vehicle insurance with the lender as first beneficiary (customer picks the insurer)."""
    online_small_loan: bool
    """Subject to the online small-loan limits (amount and term)."""
    rate_sheet: tuple[RateCell, ...] = ()
    """The rate by grade x term band x down-payment band; empty: each grade's one rate."""
    balloon_min_percent: Decimal = ZERO
    """Balloon method: the smallest final lump, in percent of the loan."""
    vehicle_kinds: tuple[VehicleKind, ...] = (VehicleKind.NEW, VehicleKind.USED)
    """New cars, used cars or both."""
    energies: tuple[Energy, ...] = tuple(Energy)
    """The kinds of car the product finances (petrol, diesel, hybrid, new-energy)."""
    active: bool = True
    balloon_max_percent: Decimal = Decimal(0)
    """Balloon method: the largest final lump, in percent of the loan (typically 0-40)."""
    subsidy: Subsidy | None = None
    """An interest subsidy (贴息): the lender's rate and who pays the difference."""
    finance_add_ons: bool = False
    """The lender may finance the optional add-ons (insurance, warranty, service) too."""

    def offered_with(self, inactive_lenders: Collection[str]) -> Product:
        """The product as a new plan offers it: its lenders without the deactivated ones,
        in their order (the first one left is the plan's lender; none left: the product
        cannot be offered, ``lending.eligibility`` says why)."""
        if not any(n in inactive_lenders for n in self.example_lenders):
            return self
        return dataclasses.replace(self, example_lenders=tuple(
            n for n in self.example_lenders if n not in inactive_lenders))

    @property
    def plan_lender(self) -> str:
        """The lender a new plan takes: the first one (``""`` when there is none)."""
        return self.example_lenders[0] if self.example_lenders else ""

    def grade_terms(self, grade: Grade | None) -> GradeTerms | None:
        for g in self.grades:
            if g.grade is grade:
                return g
        return None

    def accepts(self, grade: Grade | None) -> bool:
        return self.grade_terms(grade) is not None

    def rate_for(self, grade: Grade | None, term_months: int,
                 down_payment_percent: Decimal) -> Decimal | None:
        """The nominal annual rate (percent) for a customer of ``grade`` borrowing for
        ``term_months`` with a down payment of ``down_payment_percent`` % of the price:
        the rate sheet's cell when the product has one for the grade, else the grade's
        one rate; None when the product does not accept the grade (or the sheet has no
        band for the term)."""
        g = self.grade_terms(grade)
        if g is None:
            return None
        cells = [c for c in self.rate_sheet if c.grade is g.grade]
        if not cells:
            return g.annual_rate
        terms = [c.term_max_months for c in cells if c.term_max_months >= term_months]
        if not terms:
            return None
        term_band = min(terms)
        downs = [c.down_payment_min_percent for c in cells
                 if c.term_max_months == term_band
                 and c.down_payment_min_percent <= down_payment_percent]
        if not downs:
            return None
        down_band = max(downs)
        return next(c.annual_rate for c in cells if c.term_max_months == term_band
                    and c.down_payment_min_percent == down_band)

    @property
    def term_bands(self) -> tuple[int, ...]:
        """The rate sheet's term bands (their longest term, increasing)."""
        return tuple(sorted({c.term_max_months for c in self.rate_sheet}))

    @property
    def down_payment_bands(self) -> tuple[Decimal, ...]:
        """The rate sheet's down-payment bands (where each starts, increasing)."""
        return tuple(sorted({c.down_payment_min_percent for c in self.rate_sheet}))

    @property
    def accepted_grades(self) -> tuple[Grade, ...]:
        return tuple(g.grade for g in self.grades)

    def max_loan(self, appraisal_value: Decimal) -> Decimal:
        """Appraisal value x the financing ratio, rounded to the fen."""
        return percent_of(appraisal_value, self.max_financing_ratio_percent)

    def monthly_fee_rate_for(self, grade: Grade | None) -> Decimal:
        g = self.grade_terms(grade)
        if g is not None and g.monthly_fee_rate_percent is not None:
            return g.monthly_fee_rate_percent
        return self.fees.monthly_fee_rate_percent


@dataclass(frozen=True)
class FirstLoanPromotion:
    """First-loan promotion for the first ``periods`` periods.

    ``rate_discount_percent`` is the percentage taken off the rate (50 means
    half the rate) for :attr:`PromotionKind.RATE_DISCOUNT`;
    :attr:`PromotionKind.FEE_WAIVER` waives the monthly fees.
    """

    kind: PromotionKind
    periods: int = 3
    rate_discount_percent: Decimal = Decimal(0)


@dataclass(frozen=True)
class ConsumerCreditProduct:
    """An unsecured consumer credit line (first manual)."""

    code: str
    name: str
    name_zh: str
    example_lenders: tuple[str, ...]
    line_min: Decimal
    line_max: Decimal
    apr_min_percent: Decimal
    apr_max_percent: Decimal
    monthly_fee_rate_min_percent: Decimal
    monthly_fee_rate_max_percent: Decimal
    early_repayment_fee_min_percent: Decimal
    early_repayment_fee_max_percent: Decimal
    overdue_penalty_min_percent_per_day: Decimal
    overdue_penalty_max_percent_per_day: Decimal
    approval_days_min: int
    approval_days_max: int
    methods: tuple[RepaymentMethod, ...]
    terms: tuple[int, ...]
    grades: tuple[GradeTerms, ...]
    first_loan_promotion: FirstLoanPromotion | None
    online_small_loan: bool
    active: bool = True

    def grade_terms(self, grade: Grade | None) -> GradeTerms | None:
        for g in self.grades:
            if g.grade is grade:
                return g
        return None


@dataclass(frozen=True)
class CardFee:
    months: int
    fee_percent: Decimal
    """The whole term's flat fee in percent of the amount (e.g. 8 over 24 months)."""


@dataclass(frozen=True)
class CardInstalment:
    """A bank card instalment product: no interest, a flat fee for each offered term."""

    code: str
    name: str
    name_zh: str
    example_lenders: tuple[str, ...]
    line_max: Decimal
    fees: tuple[CardFee, ...]
    active: bool = True

    @property
    def terms(self) -> tuple[int, ...]:
        return tuple(f.months for f in self.fees)

    def fee_percent(self, months: int) -> Decimal | None:
        for fee in self.fees:
            if fee.months == months:
                return fee.fee_percent
        return None


@dataclass(frozen=True)
class Catalogue:
    version: int
    products: tuple[Product, ...]
    consumer_credit: tuple[ConsumerCreditProduct, ...] = ()
    card_instalments: tuple[CardInstalment, ...] = ()

    def product(self, code: str) -> Product:
        for p in self.products:
            if p.code == code:
                return p
        raise KeyError(code)

    @property
    def active_products(self) -> tuple[Product, ...]:
        return tuple(p for p in self.products if p.active)

    def likelihoods(self, grade: Grade | None) -> tuple[GradeLikelihood, ...]:
        """The owner's approval likelihood for ``grade``, one line per active product
        that offers the grade (a product that refuses the grade has no likelihood)."""
        out = []
        for p in self.active_products:
            g = p.grade_terms(grade)
            if g is not None:
                out.append(GradeLikelihood(p, g.approval_likelihood_min_percent,
                                           g.approval_likelihood_max_percent))
        return tuple(out)


@dataclass(frozen=True)
class GradeLikelihood:
    """A product's approval likelihood for one grade, in percent (the catalogue's terms)."""

    product: Product
    min_percent: Decimal
    max_percent: Decimal


_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
T = TypeVar("T")
E = TypeVar("E", bound=Enum)


def _grade_terms(o: _Obj) -> GradeTerms | None:
    grade = o.enum("grade", Grade)
    rate = o.dec("annual_rate", hi=100)
    lmin = o.dec("approval_likelihood_min_percent", hi=100)
    lmax = o.dec("approval_likelihood_max_percent", hi=100)
    fee = o.dec("monthly_fee_rate_percent", hi=100, default=None)
    if o.clean and lmin > lmax:
        o.problem("catalogue.above_plain", lo_field="approval_likelihood_min_percent",
                  hi_field="approval_likelihood_max_percent")
    if grade is None:
        return None
    return GradeTerms(grade, rate, lmin, lmax, fee)


def _rate_cell(o: _Obj) -> RateCell | None:
    grade = o.enum("grade", Grade)
    cell = RateCell(
        grade=grade or Grade.A,
        term_max_months=o.int_("term_max_months", lo=1, hi=MAX_TERM_MONTHS),
        down_payment_min_percent=o.dec("down_payment_min_percent", hi=99),
        annual_rate=o.dec("annual_rate", hi=100),
    )
    return cell if grade is not None else None


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f")


def rate_sheet_reasons(p: Product) -> tuple[Reason, ...]:
    """What is wrong with ``p``'s rate sheet (empty when it is sound or there is none).

    A sheet is a full grid: every grade the product accepts has a rate for every
    term band and every down-payment band of the sheet; the longest band covers
    the longest term offered, the lowest down-payment band starts at 0%, and every
    rate is inside the product's APR range.
    """
    if not p.rate_sheet:
        return ()
    out: list[Reason] = []
    accepted = set(p.accepted_grades)
    seen: set[tuple[Grade, int, Decimal]] = set()
    for c in p.rate_sheet:
        key = (c.grade, c.term_max_months, c.down_payment_min_percent)
        if key in seen:
            out.append(Reason.of(MESSAGES, "sheet.cell_twice", grade=c.grade.value,
                                 term=c.term_max_months, down=_fmt(c.down_payment_min_percent)))
        seen.add(key)
    for grade in sorted({c.grade for c in p.rate_sheet} - accepted):
        out.append(Reason.of(MESSAGES, "sheet.grade_not_accepted", grade=grade.value))
    in_sheet = {c.grade for c in p.rate_sheet}
    for g in p.accepted_grades:
        if g not in in_sheet:
            out.append(Reason.of(MESSAGES, "sheet.grade_missing", grade=g.value))
            continue
        for term in p.term_bands:
            for down in p.down_payment_bands:
                if (g, term, down) not in seen:
                    out.append(Reason.of(MESSAGES, "sheet.cell_missing", grade=g.value,
                                         term=term, down=_fmt(down)))
    longest = max(p.terms, default=p.term_max_months)
    if p.term_bands[-1] < longest:
        out.append(Reason.of(MESSAGES, "sheet.terms_not_covered", band=p.term_bands[-1],
                             term=longest))
    if p.down_payment_bands[0] != 0:
        out.append(Reason.of(MESSAGES, "sheet.down_not_from_zero"))
    for c in p.rate_sheet:
        if not p.apr_min_percent <= c.annual_rate <= p.apr_max_percent:
            out.append(Reason.of(MESSAGES, "sheet.rate_outside", rate=_fmt(c.annual_rate),
                                 grade=c.grade.value, term=c.term_max_months,
                                 down=_fmt(c.down_payment_min_percent),
                                 lo=_fmt(p.apr_min_percent), hi=_fmt(p.apr_max_percent)))
    return tuple(out)


def _fees(o: _Obj) -> Fees:
    return Fees(
        upfront_fee=o.dec("upfront_fee", default=0),
        upfront_fee_percent=o.dec("upfront_fee_percent", hi=50, default=0),
        monthly_fee_rate_percent=o.dec("monthly_fee_rate_percent", hi=10, default=0),
        early_repayment_fee_percent=o.dec("early_repayment_fee_percent", hi=50, default=0),
        overdue_penalty_percent_per_day=o.dec("overdue_penalty_percent_per_day", hi=10,
                                              default=0),
    )


def _step_up(o: _Obj) -> StepUp:
    return StepUp(o.dec("step_percent", hi=100),
                  o.int_("step_months", lo=1, hi=MAX_TERM_MONTHS, default=12))


def _subsidy(o: _Obj) -> Subsidy:
    by_zh = o._raw("by_zh", "")
    if not isinstance(by_zh, str):
        o.problem("catalogue.text", "by_zh", value=repr(by_zh))
        by_zh = ""
    return Subsidy(lender_rate=o.dec("lender_rate", hi=100), by=o.str_("by"),
                   by_zh=by_zh.strip())


def _check_grades(o: _Obj, grades: tuple[GradeTerms, ...], apr_min: Decimal,
                  apr_max: Decimal, fee_range: tuple[Decimal, Decimal] | None = None,
                  priced_by_sheet: frozenset[Grade] = frozenset()) -> None:
    """``priced_by_sheet``: grades the rate sheet prices (their own rate is not used, the
    sheet's cells are checked by :func:`rate_sheet_reasons`)."""
    seen: set[Grade] = set()
    for g in grades:
        if g.grade in seen:
            o.problem("catalogue.grade_twice", "grades", grade=g.grade.value)
        seen.add(g.grade)
        if g.grade not in priced_by_sheet and not apr_min <= g.annual_rate <= apr_max:
            o.problem("catalogue.rate", "grades", rate=g.annual_rate, grade=g.grade.value,
                      lo=apr_min, hi=apr_max)
        if fee_range is not None:
            lo, hi = fee_range
            if g.monthly_fee_rate_percent is None:
                o.problem("catalogue.fee_needed", "grades", grade=g.grade.value)
            elif not lo <= g.monthly_fee_rate_percent <= hi:
                o.problem("catalogue.fee_outside", "grades", fee=g.monthly_fee_rate_percent,
                          grade=g.grade.value, lo=lo, hi=hi)


def _ordered(o: _Obj, lo_key: str, lo: Decimal | int, hi_key: str, hi: Decimal | int) -> None:
    if lo > hi:
        o.problem("catalogue.above", lo_field=lo_key, lo=lo, hi_field=hi_key, hi=hi)


def _kinds(o: _Obj, key: str, kind: type[E]) -> tuple[E, ...]:
    """A non-empty list of codes of ``kind`` without repeats; all of them when absent."""
    if key not in o.data:
        o.read.add(key)
        return tuple(kind)
    return o.codes(key, kind)


def _product(o: _Obj) -> Product | None:
    code = o.str_("code")
    if code and not _CODE.match(code):
        o.problem("catalogue.code", "code", value=repr(code))
    p = Product(
        code=code,
        name=o.str_("name"),
        name_zh=o.str_("name_zh"),
        example_lenders=o.strings("example_lenders"),
        max_financing_ratio_percent=o.dec("max_financing_ratio_percent", lo=1, hi=100),
        apr_min_percent=o.dec("apr_min_percent", hi=100),
        apr_max_percent=o.dec("apr_max_percent", hi=100),
        approval_days_min=o.int_("approval_days_min", hi=365),
        approval_days_max=o.int_("approval_days_max", hi=365),
        methods=o.methods("methods"),
        term_min_months=o.int_("term_min_months", lo=1, hi=MAX_TERM_MONTHS),
        term_max_months=o.int_("term_max_months", lo=1, hi=MAX_TERM_MONTHS),
        terms=o.term_list("terms"),
        strictness=o.enum("strictness", Strictness) or Strictness.MEDIUM,
        max_vehicle_age_years=o.dec("max_vehicle_age_years", lo=Decimal("0.1"), hi=50),
        max_mileage_km=o.int_("max_mileage_km", lo=1),
        grades=o.objects("grades", _grade_terms),
        fees=o.optional_object("fees", _fees) or Fees(),
        step_up=o.optional_object("step_up", _step_up),
        requires_full_insurance=o.bool_("requires_full_insurance", default=False),
        online_small_loan=o.bool_("online_small_loan", default=False),
        rate_sheet=o.objects("rate_sheet", _rate_cell, non_empty=False)
        if "rate_sheet" in o.data else (),
        balloon_min_percent=o.dec("balloon_min_percent", hi=99, default=0),
        vehicle_kinds=_kinds(o, "vehicle_kinds", VehicleKind),
        energies=_kinds(o, "energies", Energy),
        active=o.bool_("active", default=True),
        balloon_max_percent=o.dec("balloon_max_percent", hi=99, default=0),
        subsidy=o.optional_object("subsidy", _subsidy),
        finance_add_ons=o.bool_("finance_add_ons", default=False),
    )
    if not o.clean:
        return None
    _ordered(o, "apr_min_percent", p.apr_min_percent, "apr_max_percent", p.apr_max_percent)
    _ordered(o, "approval_days_min", p.approval_days_min, "approval_days_max",
             p.approval_days_max)
    _ordered(o, "term_min_months", p.term_min_months, "term_max_months", p.term_max_months)
    outside = [t for t in p.terms if not p.term_min_months <= t <= p.term_max_months]
    if outside:
        o.problem("catalogue.terms_outside", "terms", terms=", ".join(map(str, outside)),
                  lo=p.term_min_months, hi=p.term_max_months)
    _check_grades(o, p.grades, p.apr_min_percent, p.apr_max_percent,
                  priced_by_sheet=frozenset(c.grade for c in p.rate_sheet))
    for reason in rate_sheet_reasons(p):
        o.problem_reason(reason, "rate_sheet")
    _ordered(o, "balloon_min_percent", p.balloon_min_percent, "balloon_max_percent",
             p.balloon_max_percent)
    if RepaymentMethod.STEP_UP in p.methods and p.step_up is None:
        o.problem("catalogue.step_up_needed", "step_up")
    if p.step_up is not None and RepaymentMethod.STEP_UP not in p.methods:
        o.problem("catalogue.method_not_allowed", "step_up", method="step_up")
    if p.balloon_max_percent > 0 and RepaymentMethod.BALLOON not in p.methods:
        o.problem("catalogue.method_not_allowed", "balloon_max_percent", method="balloon")
    if p.subsidy is not None:
        below = [g.grade.value for g in p.grades if p.subsidy.lender_rate < g.annual_rate]
        if below:
            o.problem("catalogue.lender_rate_below", "subsidy", rate=p.subsidy.lender_rate,
                      grades="/".join(below))
    return p if o.clean else None


def _promotion(o: _Obj) -> FirstLoanPromotion | None:
    kind = o.enum("kind", PromotionKind)
    promo = FirstLoanPromotion(
        kind=kind or PromotionKind.FEE_WAIVER,
        periods=o.int_("periods", lo=1, hi=MAX_TERM_MONTHS, default=3),
        rate_discount_percent=o.dec("rate_discount_percent", hi=100, default=0),
    )
    if o.clean and promo.kind is PromotionKind.RATE_DISCOUNT and promo.rate_discount_percent <= 0:
        o.problem("catalogue.discount", "rate_discount_percent")
    return promo if kind is not None else None


def _consumer(o: _Obj) -> ConsumerCreditProduct | None:
    code = o.str_("code")
    if code and not _CODE.match(code):
        o.problem("catalogue.code", "code", value=repr(code))
    c = ConsumerCreditProduct(
        code=code,
        name=o.str_("name"),
        name_zh=o.str_("name_zh"),
        example_lenders=o.strings("example_lenders"),
        line_min=o.dec("line_min", lo=1),
        line_max=o.dec("line_max", lo=1),
        apr_min_percent=o.dec("apr_min_percent", hi=100),
        apr_max_percent=o.dec("apr_max_percent", hi=100),
        monthly_fee_rate_min_percent=o.dec("monthly_fee_rate_min_percent", hi=10),
        monthly_fee_rate_max_percent=o.dec("monthly_fee_rate_max_percent", hi=10),
        early_repayment_fee_min_percent=o.dec("early_repayment_fee_min_percent", hi=50),
        early_repayment_fee_max_percent=o.dec("early_repayment_fee_max_percent", hi=50),
        overdue_penalty_min_percent_per_day=o.dec("overdue_penalty_min_percent_per_day", hi=10),
        overdue_penalty_max_percent_per_day=o.dec("overdue_penalty_max_percent_per_day", hi=10),
        approval_days_min=o.int_("approval_days_min", hi=365),
        approval_days_max=o.int_("approval_days_max", hi=365),
        methods=o.methods("methods"),
        terms=o.term_list("terms"),
        grades=o.objects("grades", _grade_terms),
        first_loan_promotion=o.optional_object("first_loan_promotion", _promotion),
        online_small_loan=o.bool_("online_small_loan", default=False),
        active=o.bool_("active", default=True),
    )
    if not o.clean:
        return None
    for lo_key in ("line_min", "apr_min_percent", "monthly_fee_rate_min_percent",
                   "early_repayment_fee_min_percent", "overdue_penalty_min_percent_per_day",
                   "approval_days_min"):
        hi_key = lo_key.replace("_min", "_max")
        _ordered(o, lo_key, getattr(c, lo_key), hi_key, getattr(c, hi_key))
    _check_grades(o, c.grades, c.apr_min_percent, c.apr_max_percent,
                  (c.monthly_fee_rate_min_percent, c.monthly_fee_rate_max_percent))
    if RepaymentMethod.STEP_UP in c.methods:
        o.problem("catalogue.no_step_up", "methods")
    return c if o.clean else None


def _card_fee(o: _Obj) -> CardFee:
    return CardFee(o.int_("months", lo=1, hi=60), o.dec("fee_percent", hi=100))


def _card(o: _Obj) -> CardInstalment | None:
    code = o.str_("code")
    if code and not _CODE.match(code):
        o.problem("catalogue.code", "code", value=repr(code))
    c = CardInstalment(
        code=code,
        name=o.str_("name"),
        name_zh=o.str_("name_zh"),
        example_lenders=o.strings("example_lenders"),
        line_max=o.dec("line_max", lo=1),
        fees=o.objects("fees", _card_fee),
        active=o.bool_("active", default=True),
    )
    months = list(c.terms)
    if o.clean and months != sorted(set(months)):
        o.problem("catalogue.order_fees", "fees")
    return c if o.clean else None


def parse_catalogue(data: Mapping[str, Any]) -> Catalogue:
    """Validate decoded catalogue JSON; raise :class:`CatalogueError` listing every problem."""
    problems: list[tuple[str, Reason]] = []
    top = _Obj(data, "", problems)
    version = top.int_("version", lo=1, hi=CATALOGUE_FORMAT_VERSION)
    products = top.objects("products", _product)
    consumer = top.objects("consumer_credit", _consumer, non_empty=False) \
        if "consumer_credit" in top.data else ()
    top.read.add("consumer_credit")
    cards = top.objects("card_instalments", _card, non_empty=False) \
        if "card_instalments" in top.data else ()
    top.read.add("card_instalments")
    # Display names of lenders and add-ons (Chinese and English, a lender's service
    # phone): read by the documents through resources.catalogue_names, no rule here.
    top.read.update(("lenders", "add_ons"))
    top.finish()
    seen: set[str] = set()
    for code in [p.code for p in products] + [c.code for c in consumer] + [
            c.code for c in cards]:
        if code in seen:
            problems.append(("products", catalogue_problem("catalogue.code_twice",
                                                           value=repr(code))))
        seen.add(code)
    if problems:
        raise CatalogueError(problems)
    return Catalogue(version=version, products=products, consumer_credit=consumer,
                     card_instalments=cards)


# --- writing ----------------------------------------------------------------


def _plain(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def catalogue_to_data(catalogue: Catalogue) -> dict[str, Any]:
    """JSON-ready data (Decimals as strings) that :func:`parse_catalogue` reads back."""
    data = _plain(catalogue)
    assert isinstance(data, dict)
    return data

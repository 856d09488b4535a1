"""The product catalogue's data: car loans, consumer credit, card instalments, their rules.

The frozen dataclasses a catalogue is made of (:class:`Product` with its
grades, fees, step-up, subsidy and rate sheet; :class:`ConsumerCreditProduct`;
:class:`CardInstalment`; :class:`Catalogue`), the rules a product answers
itself (:meth:`Product.rate_for`, :meth:`Product.max_loan`, ...) and what makes
a rate sheet sound (:func:`rate_sheet_reasons`).  Reading and writing the JSON
is :mod:`lending.catalogue_json`; :mod:`lending.products` re-exports both.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from lending.money import ZERO, money, percent_of
from lending.onroad import Energy, VehicleKind
from lending.qualification import Grade
from lending.reasons import Reason
from lending.schedule import RepaymentMethod

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
        return dataclasses.replace(
            self,
            example_lenders=tuple(n for n in self.example_lenders if n not in inactive_lenders),
        )

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

    def rate_for(
        self, grade: Grade | None, term_months: int, down_payment_percent: Decimal
    ) -> Decimal | None:
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
        downs = [
            c.down_payment_min_percent
            for c in cells
            if c.term_max_months == term_band and c.down_payment_min_percent <= down_payment_percent
        ]
        if not downs:
            return None
        down_band = max(downs)
        return next(
            c.annual_rate
            for c in cells
            if c.term_max_months == term_band and c.down_payment_min_percent == down_band
        )

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
                out.append(
                    GradeLikelihood(
                        p, g.approval_likelihood_min_percent, g.approval_likelihood_max_percent
                    )
                )
        return tuple(out)


@dataclass(frozen=True)
class GradeLikelihood:
    """A product's approval likelihood for one grade, in percent (the catalogue's terms)."""

    product: Product
    min_percent: Decimal
    max_percent: Decimal


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
            out.append(
                Reason.of(
                    MESSAGES,
                    "sheet.cell_twice",
                    grade=c.grade.value,
                    term=c.term_max_months,
                    down=_fmt(c.down_payment_min_percent),
                )
            )
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
                    out.append(
                        Reason.of(
                            MESSAGES,
                            "sheet.cell_missing",
                            grade=g.value,
                            term=term,
                            down=_fmt(down),
                        )
                    )
    longest = max(p.terms, default=p.term_max_months)
    if p.term_bands[-1] < longest:
        out.append(
            Reason.of(MESSAGES, "sheet.terms_not_covered", band=p.term_bands[-1], term=longest)
        )
    if p.down_payment_bands[0] != 0:
        out.append(Reason.of(MESSAGES, "sheet.down_not_from_zero"))
    for c in p.rate_sheet:
        if not p.apr_min_percent <= c.annual_rate <= p.apr_max_percent:
            out.append(
                Reason.of(
                    MESSAGES,
                    "sheet.rate_outside",
                    rate=_fmt(c.annual_rate),
                    grade=c.grade.value,
                    term=c.term_max_months,
                    down=_fmt(c.down_payment_min_percent),
                    lo=_fmt(p.apr_min_percent),
                    hi=_fmt(p.apr_max_percent),
                )
            )
    return tuple(out)

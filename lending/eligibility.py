"""Which products can finance this customer and this car, and on what terms.

For every product :func:`evaluate_product` gives a
:class:`ProductEvaluation` (alias :data:`Offer`): whether it is eligible and
*every* reason it is not, in words staff can repeat to the customer, plus the
maximum loan, the grade's rate, the repayment schedule (from
:mod:`lending.schedule`, so the payment and the true APR are the same
figures the quote prints), approval time and approval likelihood.

Rules checked, in this order (all of them, never stopping at the first):

1. blacklist hit; no grade (qualification failed); grade not accepted;
2. vehicle excluded (accident/flood/fire); older or more km than the
   product's limits;
3. term not offered; repayment method not offered;
4. nothing to finance; loan amount above the maximum loan
   (appraisal value x financing ratio); online small-loan limits;
5. APR above the hard cap (refused) - above 4 x LPR is only a warning;
6. debt-to-income above the limit (or no income to check it against).

The DTI uses the largest payment of the schedule, whichever period it falls
in: the first payment for equal principal, the last step for step-up, and
for interest-first (or any plan whose last payment is large) the final
payment that repays the principal; a large final payment is also named, with
its date, in a warning (:func:`final_payment_notice`).

The rate depends only on the product, the customer's grade and, where the
product has a rate sheet, the term band and the down-payment band
(:meth:`lending.products.Product.rate_for`): the same price for every
customer of the same grade asking for the same term and down payment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lending.appraisal import Appraisal, vehicle_limit_reasons
from lending.compliance import (
    DtiCheck,
    RateCheck,
    RateLevel,
    check_dti,
    check_online_small_loan,
    check_rate,
)
from lending.money import HUNDRED, ZERO, format_cny, money, percent_of, rate2
from lending.onroad import Energy, VehicleKind
from lending.products import GradeTerms, Product
from lending.qualification import Grade
from lending.reasons import Reason
from lending.schedule import (
    LARGE_FINAL_PAYMENT_FACTOR,
    MAX_TERM_MONTHS,
    InvalidTerms,
    LoanTerms,
    RepaymentMethod,
    Schedule,
    build_schedule,
)
from lending.settings import DEFAULT_SETTINGS, LendingSettings

MESSAGES: dict[str, str] = {
    "blacklisted": "The customer is on a blacklist, so no plan can be offered.",
    "no_grade": "The customer has not passed qualification, so no product can be offered.",
    "grade_not_accepted": (
        "This product accepts customers of grade {grades} only; the customer is grade {grade}."
    ),
    "vehicle_excluded": (
        "The vehicle is excluded from financing (accident, flood or fire damage)."
    ),
    "product_inactive": "This product is currently not offered.",
    "term_not_offered": (
        "This product offers terms of {terms} months; {term} months was asked for."
    ),
    "method_not_offered": "This product does not offer the chosen repayment method.",
    "down_payment_negative": "The down payment cannot be negative.",
    "nothing_to_finance": (
        "The down payment covers the whole price, so there is nothing to finance."
    ),
    "above_max_loan": (
        "The loan of {amount} CNY is above this product's maximum of {max} CNY "
        "({ratio}% of the appraised value of {value} CNY); the down payment must be at least "
        "{min_down} CNY."
    ),
    "interest_first_balloon": (
        "Interest-first: the final payment of {amount} CNY, due {date}, is large: it repays "
        "the whole principal."
    ),
    "large_final_payment": (
        "The final payment of {amount} CNY, due {date}, is large: more than {factor} times "
        "any other payment."
    ),
    "balloon_below_min": (
        "This product needs a balloon of at least {min}% of the loan; {percent}% was asked for."
    ),
    "no_active_lender": (
        "None of this product's lenders is active in this store: the owner has to activate "
        "one (Tools, Products and lenders) before it can be offered."
    ),
    "vehicle_new_not_financed": "This product does not finance new cars.",
    "vehicle_used_not_financed": "This product does not finance used cars.",
    "energy_petrol_not_financed": "This product does not finance petrol cars.",
    "energy_diesel_not_financed": "This product does not finance diesel cars.",
    "energy_hybrid_not_financed": "This product does not finance (non plug-in) hybrid cars.",
    "energy_nev_not_financed": "This product does not finance new-energy vehicles.",
    "balloon_above_max": (
        "This product allows a balloon of at most {max}% of the loan; {percent}% was asked for."
    ),
    "balloon_final_payment": (
        "Balloon: the last payment of {amount} CNY, due {date}, includes the balloon of "
        "{balloon} CNY."
    ),
}


@dataclass(frozen=True)
class CustomerProfile:
    grade: Grade | None
    monthly_income: Decimal | None
    existing_monthly_debt: Decimal = ZERO
    blacklisted: bool = False


@dataclass(frozen=True)
class VehicleProfile:
    appraisal_value: Decimal
    age_years: Decimal
    mileage_km: int
    excluded: bool = False
    kind: VehicleKind | None = None
    """New or used, when known (the products' ``vehicle_kinds`` are checked then)."""
    energy: Energy | None = None
    """Petrol, diesel, hybrid or NEV, when known (the products' ``energies``)."""

    @classmethod
    def from_appraisal(cls, appraisal: Appraisal) -> VehicleProfile:
        return cls(appraisal.value, appraisal.age_years, appraisal.mileage_km, appraisal.excluded)


@dataclass(frozen=True)
class PlanRequest:
    vehicle_price: Decimal
    down_payment: Decimal
    term_months: int
    method: RepaymentMethod
    start_date: date
    balloon_percent: Decimal = ZERO
    """Balloon method only: the final lump in percent of the loan."""
    extra_upfront_fee: Decimal = ZERO
    """Loan-related fees besides the product's own (the dealer's finance service fee,
    :func:`lending.deal.deal_terms`): added to the up-front fee, so they are in the APR."""

    @property
    def loan_amount(self) -> Decimal:
        return money(self.vehicle_price - self.down_payment)


@dataclass(frozen=True)
class ProductEvaluation:
    product: Product
    eligible: bool
    reasons: tuple[Reason, ...]
    """Every reason the product cannot be offered (empty when eligible)."""
    warnings: tuple[Reason, ...]
    """Things to tell the customer or the manager; they do not block the offer."""
    loan_amount: Decimal
    max_loan: Decimal
    min_down_payment: Decimal
    """Vehicle price minus the maximum loan (never below 0)."""
    grade_terms: GradeTerms | None
    annual_rate: Decimal | None
    upfront_fee: Decimal
    monthly_fee_rate: Decimal
    schedule: Schedule | None
    rate_check: RateCheck | None
    dti: DtiCheck | None

    @property
    def code(self) -> str:
        return self.product.code

    @property
    def monthly_payment(self) -> Decimal | None:
        """The first monthly payment (the same every month for equal installment)."""
        return self.schedule.first_payment if self.schedule else None

    @property
    def max_payment(self) -> Decimal | None:
        return self.schedule.max_payment if self.schedule else None

    @property
    def apr(self) -> Decimal | None:
        """True APR (IRR method) in percent, rounded to 2 decimals."""
        return rate2(self.schedule.apr) if self.schedule else None

    @property
    def approval_days(self) -> tuple[int, int]:
        return (self.product.approval_days_min, self.product.approval_days_max)

    @property
    def approval_likelihood(self) -> tuple[Decimal, Decimal] | None:
        """The catalogue's likelihood (min, max percent) for the customer's grade, and
        only for a product the customer can get: None when it cannot be offered (a
        likelihood beside a refusal would read as a chance)."""
        g = self.grade_terms
        if g is None or not self.eligible:
            return None
        return (g.approval_likelihood_min_percent, g.approval_likelihood_max_percent)


Offer = ProductEvaluation


def dti_payment(schedule: Schedule) -> Decimal:
    """The payment the DTI rule is checked against: the largest one
    (:attr:`Schedule.largest_installment` says which period); for a balloon plan the
    largest regular payment (the balloon is paid or refinanced apart, and said plainly)."""
    if schedule.balloon > 0:
        return schedule.max_regular_payment
    return schedule.largest_installment.payment


FINAL_PAYMENT_CODES = frozenset(
    {"interest_first_balloon", "large_final_payment", "balloon_final_payment"}
)


def final_payment_notice(schedule: Schedule) -> Reason | None:
    """Plain words for a large final payment (interest-first, a balloon, or any schedule
    whose last payment is large), with its amount and due date; None otherwise."""
    last = schedule.rows[-1]
    if schedule.balloon > 0:
        return Reason.of(
            MESSAGES,
            "balloon_final_payment",
            amount=format_cny(last.payment),
            balloon=format_cny(schedule.balloon),
            date=last.due_date.isoformat(),
        )
    if schedule.terms.method is RepaymentMethod.INTEREST_FIRST and len(schedule.rows) > 1:
        return Reason.of(
            MESSAGES,
            "interest_first_balloon",
            amount=format_cny(last.payment),
            date=last.due_date.isoformat(),
        )
    if schedule.final_payment_is_large:
        return Reason.of(
            MESSAGES,
            "large_final_payment",
            amount=format_cny(last.payment),
            date=last.due_date.isoformat(),
            factor=format(LARGE_FINAL_PAYMENT_FACTOR.normalize(), "f"),
        )
    return None


def down_payment_percent(request: PlanRequest) -> Decimal:
    """The down payment in percent of the vehicle price (the rate sheet's band); 0 for
    no price."""
    if request.vehicle_price <= 0:
        return ZERO
    return request.down_payment * HUNDRED / request.vehicle_price


def upfront_fee(product: Product, request: PlanRequest, amount: Decimal) -> Decimal:
    """The product's up-front fee for a loan of ``amount`` plus the request's other
    loan-related fees (0 when there is nothing to lend)."""
    if amount <= 0:
        return ZERO
    return product.fees.upfront_fee_for(amount) + money(request.extra_upfront_fee)


def loan_terms(
    product: Product, grade: Grade | None, request: PlanRequest, amount: Decimal
) -> LoanTerms | None:
    """The terms ``product`` prices a loan of ``amount`` at for a customer of ``grade``
    (the request's term, method, balloon share and extra fees); None when the product
    has no rate for the grade.  The same terms :func:`evaluate_product` schedules, so a
    payment-target solver (:func:`lending.deal.solve_down_payment`) can vary the amount."""
    rate = product.rate_for(grade, request.term_months, down_payment_percent(request))
    if rate is None:  # no rate for the grade (or the sheet has no band for the term)
        return None
    step = product.step_up if request.method is RepaymentMethod.STEP_UP else None
    balloon_percent = request.balloon_percent if request.method is RepaymentMethod.BALLOON else ZERO
    return LoanTerms(
        amount=amount,
        annual_rate=rate,
        months=request.term_months,
        method=request.method,
        upfront_fee=upfront_fee(product, request, amount),
        monthly_fee_rate=product.monthly_fee_rate_for(grade),
        step_percent=step.step_percent if step else ZERO,
        step_months=step.step_months if step else 12,
        balloon=percent_of(amount, min(balloon_percent, Decimal(99))),
    )


def evaluate_product(
    product: Product,
    customer: CustomerProfile,
    vehicle: VehicleProfile,
    request: PlanRequest,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> ProductEvaluation:
    reasons: list[Reason] = []
    warnings: list[Reason] = []

    if not product.active:
        reasons.append(Reason.of(MESSAGES, "product_inactive"))
    if not product.example_lenders:  # every lender deactivated (see offered_with)
        reasons.append(Reason.of(MESSAGES, "no_active_lender"))
    # 1. customer
    if customer.blacklisted:
        reasons.append(Reason.of(MESSAGES, "blacklisted"))
    grade_terms = product.grade_terms(customer.grade)
    if customer.grade is None:
        reasons.append(Reason.of(MESSAGES, "no_grade"))
    elif grade_terms is None:
        reasons.append(
            Reason.of(
                MESSAGES,
                "grade_not_accepted",
                grades="/".join(g.value for g in product.accepted_grades),
                grade=customer.grade.value,
            )
        )
    # 2. vehicle
    if vehicle.excluded:
        reasons.append(Reason.of(MESSAGES, "vehicle_excluded"))
    reasons.extend(
        vehicle_limit_reasons(
            vehicle.age_years,
            vehicle.mileage_km,
            product.max_vehicle_age_years,
            product.max_mileage_km,
        )
    )
    if vehicle.kind is not None and vehicle.kind not in product.vehicle_kinds:
        reasons.append(Reason.of(MESSAGES, f"vehicle_{vehicle.kind.value}_not_financed"))
    if vehicle.energy is not None and vehicle.energy not in product.energies:
        reasons.append(Reason.of(MESSAGES, f"energy_{vehicle.energy.value}_not_financed"))
    # 3. term and method
    if request.term_months not in product.terms:
        reasons.append(
            Reason.of(
                MESSAGES,
                "term_not_offered",
                terms=", ".join(str(t) for t in product.terms),
                term=request.term_months,
            )
        )
    if request.method not in product.methods:
        reasons.append(Reason.of(MESSAGES, "method_not_offered"))
    balloon_percent = request.balloon_percent if request.method is RepaymentMethod.BALLOON else ZERO
    if (
        request.method is RepaymentMethod.BALLOON
        and balloon_percent < product.balloon_min_percent
        and request.method in product.methods
    ):
        reasons.append(
            Reason.of(
                MESSAGES,
                "balloon_below_min",
                min=format(product.balloon_min_percent.normalize(), "f"),
                percent=format(balloon_percent.normalize(), "f"),
            )
        )
    if balloon_percent > product.balloon_max_percent and request.method in product.methods:
        # (a product without the balloon method is refused for that reason alone)
        reasons.append(
            Reason.of(
                MESSAGES,
                "balloon_above_max",
                max=format(product.balloon_max_percent.normalize(), "f"),
                percent=format(balloon_percent.normalize(), "f"),
            )
        )
    # 4. amount
    amount = request.loan_amount
    max_loan = product.max_loan(vehicle.appraisal_value)
    min_down = max(money(request.vehicle_price - max_loan), ZERO)
    if request.down_payment < 0:
        reasons.append(Reason.of(MESSAGES, "down_payment_negative"))
    if amount <= 0:
        reasons.append(Reason.of(MESSAGES, "nothing_to_finance"))
    elif amount > max_loan:
        reasons.append(
            Reason.of(
                MESSAGES,
                "above_max_loan",
                amount=format_cny(amount),
                max=format_cny(max_loan),
                ratio=format(product.max_financing_ratio_percent.normalize(), "f"),
                value=format_cny(vehicle.appraisal_value),
                min_down=format_cny(min_down),
            )
        )
    if product.online_small_loan:
        reasons.extend(check_online_small_loan(amount, request.term_months, settings))

    # 5./6. price the loan when there is something to price
    annual_rate = product.rate_for(
        customer.grade, request.term_months, down_payment_percent(request)
    )
    fee_rate = product.monthly_fee_rate_for(customer.grade)
    upfront = upfront_fee(product, request, amount)
    schedule: Schedule | None = None
    rate_check: RateCheck | None = None
    dti: DtiCheck | None = None
    terms = loan_terms(product, customer.grade, request, amount)
    if terms is not None and amount > 0 and 1 <= request.term_months <= MAX_TERM_MONTHS:
        try:
            schedule = build_schedule(terms, request.start_date)
        except InvalidTerms as err:
            reasons.extend(err.reasons)
    if schedule is not None:
        rate_check = check_rate(schedule.apr, settings)
        if rate_check.level is RateLevel.REFUSE:
            reasons.append(rate_check.reason)
        elif rate_check.level is RateLevel.WARN:
            warnings.append(rate_check.reason)
        final = final_payment_notice(schedule)
        if final is not None and request.method in product.methods:  # else: refused for it
            warnings.append(final)
        dti = check_dti(
            dti_payment(schedule), customer.existing_monthly_debt, customer.monthly_income, settings
        )
        if not dti.ok:
            reasons.append(dti.reason)

    return ProductEvaluation(
        product=product,
        eligible=not reasons,
        reasons=tuple(reasons),
        warnings=tuple(warnings),
        loan_amount=amount,
        max_loan=max_loan,
        min_down_payment=min_down,
        grade_terms=grade_terms,
        annual_rate=annual_rate,
        upfront_fee=upfront,
        monthly_fee_rate=fee_rate,
        schedule=schedule,
        rate_check=rate_check,
        dti=dti,
    )


def evaluate_products(
    products: Iterable[Product],
    customer: CustomerProfile,
    vehicle: VehicleProfile,
    request: PlanRequest,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> tuple[ProductEvaluation, ...]:
    """Evaluate every *active* product, in catalogue order."""
    return tuple(
        evaluate_product(p, customer, vehicle, request, settings) for p in products if p.active
    )

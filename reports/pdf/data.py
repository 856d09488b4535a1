"""Plain data the three customer documents render.

Every figure is taken from :mod:`lending` (a :class:`~lending.schedule.Schedule`,
an eligibility offer, a product's fees, an appraisal, the settings); the
documents only format and lay out.  Personal data arrives already masked
(the ``db`` layer masks it); nothing here decrypts or masks.

The ``build_*`` functions assemble the data from lending objects; the GUI
and the command line call them, then hand the result to
``render_quote``/``render_plan``/``render_disclosure`` (possibly on a
worker thread: everything here is immutable).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from lending.appraisal import Appraisal
from lending.compliance import DtiCheck, check_dti, customer_rate_notice, customer_reasons
from lending.cost import car_cost, insurance_years
from lending.deal import Deal
from lending.eligibility import (
    FINAL_PAYMENT_CODES,
    ProductEvaluation,
    dti_payment,
    final_payment_notice,
)
from lending.money import ZERO, money, rate2
from lending.products import Fees, Product, Subsidy
from lending.reasons import Reason
from lending.schedule import Installment, RepaymentMethod, Schedule
from lending.settings import DEFAULT_SETTINGS, LendingSettings
from lending.settlement import EarlySettlement, SettlementError, early_settlement
from reports.lenders import KeptName

EARLY_SETTLEMENT_EXAMPLE_PERIOD = 12
OVERDUE_EXAMPLE_DAYS = 10


@dataclass(frozen=True)
class StoreInfo:
    name: str
    address: str = ""
    phone: str = ""
    complaint_channel: str = ""
    """Free text from the store's settings; empty prints the default channels."""
    licence_no: str = ""
    """Business licence number, printed under the address when given."""
    logo: bytes = b""
    """PNG or JPEG, drawn beside the store's name on the first page when given."""
    sample: bool = True
    """The owner has not confirmed the catalogue yet: every page carries the
    "样例数据，非正式报价 / sample data - not an offer" watermark."""


@dataclass(frozen=True)
class CustomerInfo:
    name: str
    id_number_masked: str = ""
    phone_masked: str = ""


@dataclass(frozen=True)
class VehicleInfo:
    brand: str
    model: str
    vin: str = ""
    first_registration: date | None = None
    mileage_km: int | None = None
    colour: str = ""
    condition: str = ""
    """A :class:`lending.appraisal.Condition` value, or empty."""
    vehicle_price: Decimal | None = None
    """The dealer's sale price."""
    reference_price: Decimal | None = None
    appraisal_value: Decimal | None = None
    """The value used for lending (the override when there is one)."""
    computed_value: Decimal | None = None
    overridden: bool = False


@dataclass(frozen=True)
class AddOnLine:
    """An insurance, warranty or service line with its own price."""

    kind: str
    """``insurance``, ``warranty``, ``service`` or anything else (printed as is)."""
    name: str
    price: Decimal
    required: bool = False
    """Required by the lender (full vehicle insurance); the customer still picks the insurer."""
    name_zh: str = ""
    """The Chinese name as the store's add-on catalogue had it when the offer was made
    (``name`` is then the English one); '' in a snapshot from before the catalogue."""
    code: str = ""
    """The add-on catalogue's code ('' before the catalogue)."""

    def name_in(self, lang: str) -> str | None:
        """The name for a reader of ``lang`` as the offer kept it; None for a line kept
        before the catalogue (its names are among the document's kept names)."""
        if not self.name_zh:
            return None
        return self.name_zh if lang.startswith("zh") else self.name

    @property
    def per_year(self) -> bool:
        """Insurance is priced per year; other items once."""
        return self.kind == "insurance"

    @property
    def required_insurance(self) -> bool:
        """Lender-required cover: held, and paid for, every year of the term."""
        return self.required and self.per_year


@dataclass(frozen=True)
class OnRoadLine:
    """One on-the-road cost line as the quote prints it."""

    code: str
    label: str
    """English template (translated in the ``Reason`` context, as lending's labels)."""
    amount: Decimal
    financed: bool


@dataclass(frozen=True)
class DealInfo:
    """The whole deal (DOMAIN.md): price, on-road lines, trade-in, paid today, financed.

    Every figure is lending's (:class:`lending.deal.Deal`)."""

    vehicle_price: Decimal
    lines: tuple[OnRoadLine, ...]
    on_road_total: Decimal
    """The on-the-road price (落地价): price + every line."""
    cash_lines: Decimal
    financed_lines: Decimal
    down_payment: Decimal
    """Put towards the car and the financed lines: cash and the trade-in."""
    financed_total: Decimal
    """Price, financed lines and financed add-ons: what the down payment and the loan
    cover."""
    loan_amount: Decimal
    paid_today: Decimal
    """Down payment less the trade-in, plus every cash line."""
    finance_service_fee: Decimal = ZERO
    finance_service_fee_financed: bool = False
    financed_add_ons: Decimal = ZERO
    trade_in_value: Decimal | None = None
    trade_in_owed: Decimal | None = None
    trade_in_subsidies: tuple[tuple[str, Decimal], ...] = ()
    trade_in_credit: Decimal = ZERO

    @property
    def has_trade_in(self) -> bool:
        return (
            self.trade_in_value is not None
            or self.trade_in_owed is not None
            or bool(self.trade_in_subsidies)
        )


def deal_info(
    deal: Deal, trade_in_value: Decimal | None = None, trade_in_owed: Decimal | None = None
) -> DealInfo:
    """The quote's deal section from lending's :class:`~lending.deal.Deal`."""
    q = deal.on_road
    fee = next((line for line in q.lines if line.code == "finance_service_fee"), None)
    trade = deal.trade_in
    return DealInfo(
        vehicle_price=q.price,
        lines=tuple(
            OnRoadLine(line.code, line.label, line.amount, line.financed) for line in q.lines
        ),
        on_road_total=q.total,
        cash_lines=q.cash_lines_total,
        financed_lines=q.financed_lines_total,
        down_payment=money(deal.down_payment),
        financed_total=deal.financed_total,
        loan_amount=deal.loan_amount,
        paid_today=deal.paid_today,
        finance_service_fee=fee.amount if fee is not None else ZERO,
        finance_service_fee_financed=bool(fee is not None and fee.financed),
        financed_add_ons=money(deal.financed_add_ons),
        trade_in_value=trade_in_value,
        trade_in_owed=trade_in_owed,
        trade_in_subsidies=tuple((s.label, money(s.amount)) for s in trade.subsidies)
        if trade is not None
        else (),
        trade_in_credit=deal.trade_in_credit,
    )


def required_insurance_per_year(add_ons: Sequence[AddOnLine]) -> Decimal:
    """The yearly price of every lender-required insurance line."""
    return money(sum((a.price for a in add_ons if a.required_insurance), ZERO))


@dataclass(frozen=True)
class PlanSummary:
    """One plan's key figures, all from its lending schedule."""

    product_name: str
    product_name_zh: str
    lender: str
    method: RepaymentMethod
    loan_amount: Decimal
    term_months: int
    annual_rate: Decimal
    first_payment: Decimal
    max_payment: Decimal
    last_payment: Decimal
    upfront_fee: Decimal
    monthly_fee: Decimal
    """The periodic (account management) fee in each installment."""
    monthly_fee_rate: Decimal
    total_periodic_fees: Decimal
    total_interest: Decimal
    total_fees: Decimal
    total_repayment: Decimal
    net_proceeds: Decimal
    apr: Decimal
    """True APR by the IRR method, percent, 2 decimals."""
    effective_annual_rate: Decimal
    start_date: date
    first_due_date: date
    last_due_date: date
    vehicle_price: Decimal | None = None
    down_payment: Decimal | None = None
    total_cost: Decimal | None = None
    """The total cost of the car: down payment + total repayment + the lender-required
    insurance for every year of the term (:func:`lending.cost.car_cost`)."""
    required_insurance: Decimal = ZERO
    """The required insurance for the whole term (per year x years), in total_cost."""
    required_insurance_per_year: Decimal = ZERO
    insurance_years: int = 0
    step_percent: Decimal = ZERO
    step_months: int = 12
    chosen: bool = False
    approval_days: tuple[int, int] | None = None
    largest_payment: Decimal = ZERO
    """The largest payment (what affordability is checked against) ..."""
    largest_period: int = 1
    """... the period it falls in ..."""
    largest_due_date: date | None = None
    """... and its due date."""
    payments_equal: bool = False
    """Every payment is the same (else the quote never says "every month")."""
    final_notice: Reason | None = None
    """Plain words for a large final payment (interest-first, balloon), with its date."""
    warnings: tuple[Reason, ...] = ()
    """What the customer is told about this plan (staff-only reasons are left out)."""
    rate_notice: Reason | None = None
    """The neutral APR-above-the-LPR-threshold fact (APR, threshold and cap), if any."""
    balloon: Decimal = ZERO
    """Balloon method: the lump paid with the last payment."""
    balloon_due: date | None = None
    subsidised_by: str = ""
    """An interest subsidy (贴息): who pays the lender the difference (English) ..."""
    subsidised_by_zh: str = ""
    """... and in Chinese."""
    lender_rate: Decimal | None = None
    """The rate the lender earns on a subsidised plan (the customer pays ``annual_rate``)."""
    deal_costs: Decimal = ZERO
    """What the deal adds to the total cost of the car besides the loan: the on-road
    lines paid in cash, less the finance service fee (already in the loan's fees)."""
    finance_service_fee: Decimal = ZERO
    """The finance service fee in ``upfront_fee`` (a loan fee, part of the APR)."""

    def name(self, lang: str) -> str:
        return (
            self.product_name_zh
            if lang.startswith("zh") and self.product_name_zh
            else self.product_name
        )


@dataclass(frozen=True)
class QuoteData:
    store: StoreInfo
    document_no: str
    issued_on: date
    valid_until: date
    consultant: str
    customer: CustomerInfo
    vehicle: VehicleInfo | None
    plans: tuple[PlanSummary, ...]
    add_ons: tuple[AddOnLine, ...] = ()
    insurance_required: bool = False
    max_dti_percent: Decimal = DEFAULT_SETTINGS.max_dti_percent
    dti: DtiCheck | None = None
    """The chosen plan's debt-to-income check, when the income is known."""
    reprinted_on: date | None = None
    """Set on a reprint: the day it was printed again (``issued_on`` stays the quote's)."""
    names: tuple[KeptName, ...] = ()
    """Lender and add-on names as the offer printed them (empty: today's catalogue)."""
    deal: DealInfo | None = None
    """The on-road breakdown, trade-in and paid today (None: the loan alone)."""

    @property
    def chosen(self) -> PlanSummary | None:
        return next((p for p in self.plans if p.chosen), None)


@dataclass(frozen=True)
class RepaymentPlanData:
    store: StoreInfo
    document_no: str
    issued_on: date
    customer: CustomerInfo
    plan: PlanSummary
    rows: tuple[Installment, ...]
    total_payments: Decimal
    total_principal: Decimal
    total_interest: Decimal
    total_fees: Decimal
    """Periodic fees in the installments (the up-front fee is shown in the summary)."""
    reprinted_on: date | None = None
    """Set on a reprint: the day it was printed again."""
    names: tuple[KeptName, ...] = ()
    """Lender and add-on names as the offer printed them (empty: today's catalogue)."""


@dataclass(frozen=True)
class FeeDisclosure:
    """Every fee with its amount or formula (product fees applied by lending)."""

    upfront_fee: Decimal
    upfront_fee_fixed: Decimal
    upfront_fee_percent: Decimal
    monthly_fee: Decimal
    monthly_fee_rate_percent: Decimal
    total_periodic_fees: Decimal
    early_repayment_fee_percent: Decimal
    overdue_penalty_percent_per_day: Decimal
    early_settlement_example: EarlySettlement | None = None
    overdue_example_amount: Decimal | None = None
    overdue_example_days: int = OVERDUE_EXAMPLE_DAYS
    overdue_example_penalty: Decimal | None = None
    finance_service_fee: Decimal = ZERO
    """The dealer's finance service fee (金融服务费), part of the up-front fee and the APR;
    ``upfront_fee`` is the product's own fee without it."""
    finance_service_fee_financed: bool = False


@dataclass(frozen=True)
class DisclosureData:
    store: StoreInfo
    document_no: str
    issued_on: date
    consultant: str
    customer: CustomerInfo
    plan: PlanSummary
    fees: FeeDisclosure
    insurance_required: bool
    add_ons: tuple[AddOnLine, ...] = ()
    cooling_off_hours: int = DEFAULT_SETTINGS.cooling_off_hours
    cooling_off_days: int | None = None
    """Set for complex products (days instead of hours)."""
    max_dti_percent: Decimal = DEFAULT_SETTINGS.max_dti_percent
    dti: DtiCheck | None = None
    rate_notice: Reason | None = None
    """The neutral fact when the APR is above the LPR threshold (never a staff instruction)."""
    vehicle: VehicleInfo | None = None
    extra: tuple[str, ...] = field(default=())
    """Further key facts the store prints (checked for forbidden wording too)."""
    reprinted_on: date | None = None
    """Set on a reprint: the day it was printed again."""
    names: tuple[KeptName, ...] = ()
    """Lender and add-on names as the offer printed them (empty: today's catalogue)."""


# --- builders ---------------------------------------------------------------


def checked_installment(schedule: Schedule) -> Installment:
    """The installment affordability is checked against (:func:`dti_payment`): the
    largest one, and for a balloon plan the largest regular one (the balloon apart)."""
    if not schedule.balloon:
        return schedule.largest_installment
    regular = schedule.regular_payments
    return schedule.rows[regular.index(max(regular))]


def plan_summary(
    schedule: Schedule,
    *,
    product_name: str,
    product_name_zh: str = "",
    lender: str = "",
    vehicle_price: Decimal | None = None,
    down_payment: Decimal | None = None,
    chosen: bool = False,
    approval_days: tuple[int, int] | None = None,
    warnings: Sequence[Reason] = (),
    settings: LendingSettings = DEFAULT_SETTINGS,
    subsidy: Subsidy | None = None,
    deal: Deal | None = None,
) -> PlanSummary:
    """The key figures of ``schedule`` (lending computes them all).

    ``subsidy``: the product's interest subsidy (the customer's APR stays their own);
    ``deal``: the whole deal the plan was priced with (its cash lines join the total cost
    of the car, the finance service fee is counted once).

    ``warnings`` may be the offer's (staff) warnings: the staff-only ones are
    dropped here, so no customer document can print an internal instruction.
    """
    terms = schedule.terms
    rows = schedule.rows
    down = money(down_payment) if down_payment is not None else None
    top = checked_installment(schedule)
    service_fee = deal.service_fee if deal is not None else ZERO
    extra = deal.on_road.cash_lines_total - service_fee if deal is not None else ZERO
    return PlanSummary(
        product_name=product_name,
        product_name_zh=product_name_zh,
        lender=lender,
        method=terms.method,
        loan_amount=money(terms.amount),
        term_months=terms.months,
        annual_rate=terms.annual_rate,
        first_payment=schedule.first_payment,
        max_payment=schedule.max_payment,
        last_payment=rows[-1].payment,
        upfront_fee=money(terms.upfront_fee),
        monthly_fee=rows[0].fee,
        monthly_fee_rate=terms.monthly_fee_rate,
        total_periodic_fees=schedule.total_periodic_fees,
        total_interest=schedule.total_interest,
        total_fees=schedule.total_fees,
        total_repayment=schedule.total_repayment,
        net_proceeds=schedule.net_proceeds,
        apr=rate2(schedule.apr),
        effective_annual_rate=rate2(schedule.effective_annual_rate),
        start_date=schedule.start_date,
        first_due_date=rows[0].due_date,
        last_due_date=rows[-1].due_date,
        vehicle_price=money(vehicle_price) if vehicle_price is not None else None,
        down_payment=down,
        total_cost=money(down + schedule.total_repayment + extra) if down is not None else None,
        insurance_years=insurance_years(terms.months),
        step_percent=terms.step_percent,
        step_months=terms.step_months,
        chosen=chosen,
        approval_days=approval_days,
        largest_payment=dti_payment(schedule),
        largest_period=top.period,
        largest_due_date=top.due_date,
        payments_equal=all(r.payment == rows[0].payment for r in rows),
        final_notice=final_payment_notice(schedule),
        # the final-payment notice is printed once, from final_notice
        warnings=tuple(w for w in customer_reasons(warnings) if w.code not in FINAL_PAYMENT_CODES),
        rate_notice=customer_rate_notice(schedule.apr, settings),
        balloon=schedule.balloon,
        balloon_due=rows[-1].due_date if schedule.balloon else None,
        subsidised_by=subsidy.by if subsidy is not None else "",
        subsidised_by_zh=subsidy.by_zh if subsidy is not None else "",
        lender_rate=subsidy.lender_rate if subsidy is not None else None,
        deal_costs=extra,
        finance_service_fee=service_fee,
    )


def with_required_insurance(summary: PlanSummary, add_ons: Sequence[AddOnLine]) -> PlanSummary:
    """``summary`` with the lender-required insurance of ``add_ons`` priced for its
    whole term and counted in the total cost of the car."""
    per_year = required_insurance_per_year(add_ons)
    cost = car_cost(
        summary.down_payment or ZERO, summary.total_repayment, summary.term_months, per_year
    )
    return replace(
        summary,
        required_insurance=cost.required_insurance,
        required_insurance_per_year=cost.required_insurance_per_year,
        insurance_years=cost.insurance_years,
        total_cost=cost.total + summary.deal_costs if summary.down_payment is not None else None,
    )


def summary_from_offer(
    offer: ProductEvaluation,
    *,
    vehicle_price: Decimal | None = None,
    lender: str | None = None,
    chosen: bool = False,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> PlanSummary:
    """A :class:`PlanSummary` from an eligibility offer that has a schedule."""
    if offer.schedule is None:
        raise ValueError(f"offer {offer.code!r} has no schedule to print")
    product = offer.product
    down = money(vehicle_price - offer.loan_amount) if vehicle_price is not None else None
    return plan_summary(
        offer.schedule,
        product_name=product.name,
        product_name_zh=product.name_zh,
        lender=lender if lender is not None else ", ".join(product.example_lenders[:1]),
        vehicle_price=vehicle_price,
        down_payment=down,
        chosen=chosen,
        approval_days=offer.approval_days,
        warnings=offer.warnings,
        settings=settings,
    )


def vehicle_info(
    *,
    brand: str,
    model: str,
    appraisal: Appraisal | None = None,
    vin: str = "",
    first_registration: date | None = None,
    colour: str = "",
    vehicle_price: Decimal | None = None,
    mileage_km: int | None = None,
) -> VehicleInfo:
    """Vehicle facts with the appraisal's figures when there is one."""
    return VehicleInfo(
        brand=brand,
        model=model,
        vin=vin,
        first_registration=first_registration,
        mileage_km=appraisal.mileage_km if appraisal is not None else mileage_km,
        colour=colour,
        condition=appraisal.condition.value if appraisal is not None else "",
        vehicle_price=vehicle_price,
        reference_price=appraisal.reference_price if appraisal is not None else None,
        appraisal_value=appraisal.value if appraisal is not None else None,
        computed_value=appraisal.computed_value if appraisal is not None else None,
        overridden=appraisal.overridden if appraisal is not None else False,
    )


def dti_for(
    schedule: Schedule,
    monthly_income: Decimal | None,
    existing_monthly_debt: Decimal = ZERO,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> DtiCheck | None:
    """Lending's DTI check for this plan; None when the income is unknown."""
    if monthly_income is None:
        return None
    return check_dti(dti_payment(schedule), existing_monthly_debt, monthly_income, settings)


def build_quote_data(
    plans: Sequence[PlanSummary],
    *,
    store: StoreInfo,
    customer: CustomerInfo,
    consultant: str,
    issued_on: date,
    document_no: str = "",
    vehicle: VehicleInfo | None = None,
    add_ons: Sequence[AddOnLine] = (),
    insurance_required: bool | None = None,
    dti: DtiCheck | None = None,
    valid_days: int | None = None,
    settings: LendingSettings = DEFAULT_SETTINGS,
    deal: DealInfo | None = None,
) -> QuoteData:
    """The quote: several plans side by side, at most one of them chosen.

    It is valid for ``valid_days`` (default: the store's ``quote_valid_days``).
    """
    if not plans:
        raise ValueError("a quote needs at least one plan")
    if sum(1 for p in plans if p.chosen) > 1:
        raise ValueError("a quote can highlight at most one chosen plan")
    required = (
        any(a.required_insurance for a in add_ons)
        if insurance_required is None
        else insurance_required
    )
    return QuoteData(
        store=store,
        document_no=document_no,
        issued_on=issued_on,
        valid_until=issued_on
        + timedelta(days=settings.quote_valid_days if valid_days is None else valid_days),
        consultant=consultant,
        customer=customer,
        vehicle=vehicle,
        plans=tuple(with_required_insurance(p, add_ons) for p in plans),
        add_ons=tuple(add_ons),
        insurance_required=required,
        max_dti_percent=settings.max_dti_percent,
        dti=dti,
        deal=deal,
    )


def build_plan_data(
    schedule: Schedule,
    summary: PlanSummary,
    *,
    store: StoreInfo,
    customer: CustomerInfo,
    issued_on: date,
    document_no: str = "",
) -> RepaymentPlanData:
    """Every installment of ``schedule`` with lending's totals."""
    return RepaymentPlanData(
        store=store,
        document_no=document_no,
        issued_on=issued_on,
        customer=customer,
        plan=summary,
        rows=schedule.rows,
        # What the installments add up to: total repayment less the up-front fee.
        total_payments=schedule.total_repayment - money(schedule.terms.upfront_fee),
        total_principal=money(schedule.terms.amount),
        total_interest=schedule.total_interest,
        total_fees=schedule.total_periodic_fees,
    )


def fee_disclosure(
    schedule: Schedule, fees: Fees, service_fee: Decimal = ZERO, service_fee_financed: bool = False
) -> FeeDisclosure:
    """The product's fees applied to this plan, with worked examples from lending;
    ``service_fee`` (the dealer's finance service fee, in the schedule's up-front fee) is
    listed on its own line."""
    example: EarlySettlement | None = None
    period = min(EARLY_SETTLEMENT_EXAMPLE_PERIOD, len(schedule.rows) - 1)
    if period >= 1:
        try:
            example = early_settlement(schedule, period, fees.early_repayment_fee_percent)
        except SettlementError:
            example = None
    overdue_amount = schedule.first_payment
    return FeeDisclosure(
        upfront_fee=money(schedule.terms.upfront_fee) - money(service_fee),
        upfront_fee_fixed=money(fees.upfront_fee),
        upfront_fee_percent=fees.upfront_fee_percent,
        monthly_fee=schedule.rows[0].fee,
        monthly_fee_rate_percent=schedule.terms.monthly_fee_rate,
        total_periodic_fees=schedule.total_periodic_fees,
        early_repayment_fee_percent=fees.early_repayment_fee_percent,
        overdue_penalty_percent_per_day=fees.overdue_penalty_percent_per_day,
        early_settlement_example=example,
        overdue_example_amount=overdue_amount,
        overdue_example_days=OVERDUE_EXAMPLE_DAYS,
        overdue_example_penalty=fees.overdue_penalty_for(overdue_amount, OVERDUE_EXAMPLE_DAYS),
        finance_service_fee=money(service_fee),
        finance_service_fee_financed=service_fee_financed,
    )


def build_disclosure_data(
    schedule: Schedule,
    summary: PlanSummary,
    product: Product,
    *,
    store: StoreInfo,
    customer: CustomerInfo,
    consultant: str,
    issued_on: date,
    document_no: str = "",
    add_ons: Sequence[AddOnLine] = (),
    dti: DtiCheck | None = None,
    complex_product: bool = False,
    vehicle: VehicleInfo | None = None,
    settings: LendingSettings = DEFAULT_SETTINGS,
    deal: DealInfo | None = None,
) -> DisclosureData:
    """The key-facts sheet for the plan the customer is about to sign."""
    return DisclosureData(
        store=store,
        document_no=document_no,
        issued_on=issued_on,
        consultant=consultant,
        customer=customer,
        plan=with_required_insurance(summary, add_ons),
        fees=fee_disclosure(
            schedule,
            product.fees,
            deal.finance_service_fee if deal is not None else ZERO,
            bool(deal and deal.finance_service_fee_financed),
        ),
        insurance_required=product.requires_full_insurance,
        add_ons=tuple(add_ons),
        cooling_off_hours=settings.cooling_off_hours,
        cooling_off_days=settings.cooling_off_complex_product_days if complex_product else None,
        max_dti_percent=settings.max_dti_percent,
        dti=dti,
        rate_notice=customer_rate_notice(schedule.apr, settings),
        vehicle=vehicle,
    )

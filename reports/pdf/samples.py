"""A realistic sample consultation, made with lending, for previews, tests and the bench.

Everything goes through the real rules: the default catalogue, the appraisal,
the eligibility offers and their schedules.  Personal data is made up and
already masked, as the ``db`` layer would hand it over.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lending.appraisal import AppraisalInput, Condition, appraise
from lending.eligibility import (
    CustomerProfile,
    PlanRequest,
    ProductEvaluation,
    VehicleProfile,
    evaluate_product,
)
from lending.identity import generate_vin
from lending.products import Catalogue, Product, parse_catalogue
from lending.qualification import Grade
from lending.schedule import LoanTerms, RepaymentMethod, Schedule, build_schedule
from reports.pdf.data import (
    AddOnLine,
    CustomerInfo,
    DisclosureData,
    PlanSummary,
    QuoteData,
    RepaymentPlanData,
    StoreInfo,
    VehicleInfo,
    build_disclosure_data,
    build_plan_data,
    build_quote_data,
    dti_for,
    plan_summary,
    summary_from_offer,
    vehicle_info,
)
from resources import default_catalogue_data

ISSUED = date(2026, 11, 23)
STORE = StoreInfo(
    name="瑞丰二手车行 Ruifeng Used Cars",
    address="上海市闵行区七莘路 1888 号",
    phone="021-5555 0100",
)
CUSTOMER = CustomerInfo(
    name="张伟", id_number_masked="310104********123X", phone_masked="138****5678"
)
CONSULTANT = "李娜"
INCOME = Decimal("15000")
EXISTING_DEBT = Decimal("1200")
ADD_ONS = (
    AddOnLine("insurance", "全险（车损险、三者险 100 万）", Decimal("6800.00"), required=True),
    AddOnLine("warranty", "延长保修 2 年 / 40,000 km", Decimal("3600.00")),
    AddOnLine("service", "保养套餐 4 次", Decimal("1880.00")),
)


def catalogue() -> Catalogue:
    return parse_catalogue(default_catalogue_data())


def product(code: str) -> Product:
    return next(p for p in catalogue().products if p.code == code)


@dataclass(frozen=True)
class SampleConsultation:
    vehicle: VehicleInfo
    offers: tuple[ProductEvaluation, ...]
    chosen: ProductEvaluation
    price: Decimal


def consultation(term: int = 36) -> SampleConsultation:
    a = appraise(
        AppraisalInput(
            market_reference_price=Decimal("150000"),
            first_registration=date(2023, 5, 12),
            appraisal_date=ISSUED,
            mileage_km=30000,
            condition=Condition.GOOD,
        )
    )
    price = Decimal("98000")
    vehicle = vehicle_info(
        brand="丰田 Toyota",
        model="凯美瑞 Camry 2.0G",
        appraisal=a,
        vin=generate_vin("LVGBE40K1LG00123"),
        first_registration=date(2023, 5, 12),
        colour="白色",
        vehicle_price=price,
    )
    customer = CustomerProfile(
        grade=Grade.A, monthly_income=INCOME, existing_monthly_debt=EXISTING_DEBT
    )
    profile = VehicleProfile.from_appraisal(a)
    offers = []
    for code, down in (
        ("bank_mortgage", "32000"),
        ("finance_company", "40000"),
        ("ultra_low_down_payment", "23000"),
    ):
        request = PlanRequest(price, Decimal(down), term, RepaymentMethod.EQUAL_INSTALLMENT, ISSUED)
        offers.append(evaluate_product(product(code), customer, profile, request))
    return SampleConsultation(vehicle, tuple(offers), offers[1], price)


def summaries(s: SampleConsultation) -> list[PlanSummary]:
    return [summary_from_offer(o, vehicle_price=s.price, chosen=o is s.chosen) for o in s.offers]


def quote_data(term: int = 36) -> QuoteData:
    s = consultation(term)
    assert s.chosen.schedule is not None
    return build_quote_data(
        summaries(s),
        store=STORE,
        customer=CUSTOMER,
        consultant=CONSULTANT,
        issued_on=ISSUED,
        document_no="Q-2026-000123",
        vehicle=s.vehicle,
        add_ons=ADD_ONS,
        dti=dti_for(s.chosen.schedule, INCOME, EXISTING_DEBT),
    )


def disclosure_data(term: int = 36) -> DisclosureData:
    s = consultation(term)
    assert s.chosen.schedule is not None
    summary = summary_from_offer(s.chosen, vehicle_price=s.price, chosen=True)
    return build_disclosure_data(
        s.chosen.schedule,
        summary,
        s.chosen.product,
        store=STORE,
        customer=CUSTOMER,
        consultant=CONSULTANT,
        issued_on=ISSUED,
        document_no="D-2026-000123",
        add_ons=ADD_ONS,
        dti=dti_for(s.chosen.schedule, INCOME, EXISTING_DEBT),
        vehicle=s.vehicle,
    )


def long_schedule(
    months: int = 360,
    method: RepaymentMethod = RepaymentMethod.EQUAL_INSTALLMENT,
    amount: str = "1000000",
    rate: str = "4.9",
    monthly_fee_rate: str = "0",
    upfront_fee: str = "0",
) -> Schedule:
    return build_schedule(
        LoanTerms(
            Decimal(amount),
            Decimal(rate),
            months,
            method,
            upfront_fee=Decimal(upfront_fee),
            monthly_fee_rate=Decimal(monthly_fee_rate),
        ),
        ISSUED,
    )


def plan_data(months: int = 360, **kwargs: str) -> RepaymentPlanData:
    """A repayment plan of ``months`` periods (1,000,000 at 4.9 % by default)."""
    schedule = long_schedule(months, **kwargs)  # type: ignore[arg-type]
    summary = plan_summary(
        schedule,
        product_name="Bank mortgage loan",
        product_name_zh="银行按揭贷款",
        lender="China Construction Bank",
        chosen=True,
    )
    return build_plan_data(
        schedule,
        summary,
        store=STORE,
        customer=CUSTOMER,
        issued_on=ISSUED,
        document_no=f"P-2026-{months:06d}",
    )


SCENARIOS: dict[str, tuple[str, RepaymentMethod, str, int]] = {
    # name: (product, method, down payment, term)
    "equal_principal": ("bank_mortgage", RepaymentMethod.EQUAL_PRINCIPAL, "32000", 36),
    "interest_first": ("credit_mortgage_mixed", RepaymentMethod.INTEREST_FIRST, "48000", 24),
    "fee_heavy": ("ultra_low_down_payment", RepaymentMethod.EQUAL_INSTALLMENT, "23000", 36),
}


@dataclass(frozen=True)
class Scenario:
    quote: QuoteData
    plan: RepaymentPlanData
    disclosure: DisclosureData
    schedule: Schedule


def scenario(name: str) -> Scenario:
    """The three documents of one plan of :data:`SCENARIOS`, through the real rules."""
    code, method, down, term = SCENARIOS[name]
    s = consultation(term)
    customer = CustomerProfile(
        grade=Grade.A, monthly_income=INCOME, existing_monthly_debt=EXISTING_DEBT
    )
    a = appraise(
        AppraisalInput(
            market_reference_price=Decimal("150000"),
            first_registration=date(2023, 5, 12),
            appraisal_date=ISSUED,
            mileage_km=30000,
            condition=Condition.GOOD,
        )
    )
    offer = evaluate_product(
        product(code),
        customer,
        VehicleProfile.from_appraisal(a),
        PlanRequest(s.price, Decimal(down), term, method, ISSUED),
    )
    assert offer.schedule is not None
    summary = summary_from_offer(offer, vehicle_price=s.price, chosen=True)
    dti = dti_for(offer.schedule, INCOME, EXISTING_DEBT)
    quote = build_quote_data(
        [summary],
        store=STORE,
        customer=CUSTOMER,
        consultant=CONSULTANT,
        issued_on=ISSUED,
        document_no=f"Q-{name}",
        vehicle=s.vehicle,
        add_ons=ADD_ONS,
        dti=dti,
    )
    plan = build_plan_data(
        offer.schedule,
        summary,
        store=STORE,
        customer=CUSTOMER,
        issued_on=ISSUED,
        document_no=f"P-{name}",
    )
    disclosure = build_disclosure_data(
        offer.schedule,
        summary,
        offer.product,
        store=STORE,
        customer=CUSTOMER,
        consultant=CONSULTANT,
        issued_on=ISSUED,
        document_no=f"D-{name}",
        add_ons=ADD_ONS,
        dti=dti,
        vehicle=s.vehicle,
    )
    return Scenario(quote, plan, disclosure, offer.schedule)


__all__ = ["disclosure_data", "plan_data", "quote_data", "scenario"]

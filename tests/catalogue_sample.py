"""A lender and a balloon product with a rate sheet, as an owner enters them in the
Products and lenders editor (tests of the services and of the dialog share them).

The sheet: grades A and B x terms up to 24 / up to 48 months x a down payment from
0 % / from 30 % of the price.  :data:`RATES` is the same sheet as a plain table, for
tests to look the expected rate up on their own.
"""

from __future__ import annotations

from decimal import Decimal

from lending.catalogue_rules import LenderDetails
from lending.onroad import Energy, VehicleKind
from lending.products import Fees, GradeTerms, Product, RateCell, Strictness
from lending.qualification import Grade
from lending.schedule import RepaymentMethod

D = Decimal

LENDER = LenderDetails(
    name="Harbour City Bank",
    name_zh="海港城市银行",
    service_phone="95599",
    complaint_channel="95599 ext. 9, or the banking regulator's hotline 12378",
    payout_rules="The loan is paid to the dealer's account only, after the invoice and the "
    "mortgage registration.",
)

TERM_BANDS = (24, 48)
DOWN_BANDS = ("0", "30")
RATES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    # grade: ((<=24 from 0 %, <=24 from 30 %), (<=48 from 0 %, <=48 from 30 %))
    "A": (("4.60", "4.20"), ("5.40", "4.90")),
    "B": (("5.90", "5.50"), ("6.80", "6.30")),
}


def expected_rate(grade: str, term: int, down_percent: Decimal) -> Decimal:
    """The sheet's rate looked up by hand: the first term band that holds the term, the
    highest down-payment band the down payment reaches."""
    t = next(i for i, band in enumerate(TERM_BANDS) if term <= band)
    d = max(i for i, band in enumerate(DOWN_BANDS) if down_percent >= D(band))
    return D(RATES[grade][t][d])


PRODUCT = Product(
    code="",
    name="Harbour NEV balloon loan",
    name_zh="海港新能源弹性尾款贷",
    example_lenders=(LENDER.name,),
    max_financing_ratio_percent=D(80),
    apr_min_percent=D("3.50"),
    apr_max_percent=D("8.00"),
    approval_days_min=1,
    approval_days_max=3,
    methods=(RepaymentMethod.EQUAL_INSTALLMENT, RepaymentMethod.BALLOON),
    term_min_months=12,
    term_max_months=48,
    terms=(12, 24, 36, 48),
    strictness=Strictness.MEDIUM,
    max_vehicle_age_years=D(6),
    max_mileage_km=150000,
    grades=(
        GradeTerms(Grade.A, D("4.20"), D(90), D(98)),
        GradeTerms(Grade.B, D("5.50"), D(70), D(80)),
    ),
    fees=Fees(
        upfront_fee=D(500),
        early_repayment_fee_percent=D(2),
        overdue_penalty_percent_per_day=D("0.05"),
    ),
    step_up=None,
    requires_full_insurance=True,
    online_small_loan=False,
    rate_sheet=tuple(
        RateCell(Grade(grade), term, D(down), D(RATES[grade][t][d]))
        for grade in RATES
        for t, term in enumerate(TERM_BANDS)
        for d, down in enumerate(DOWN_BANDS)
    ),
    balloon_min_percent=D(10),
    balloon_max_percent=D(40),
    vehicle_kinds=(VehicleKind.NEW, VehicleKind.USED),
    energies=tuple(Energy),
)

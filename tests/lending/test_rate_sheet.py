"""A product's rate sheet (APR by grade x term band x down-payment band), its rules, the
balloon floor and the new/used/energy limits - read, checked and used by the offer."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lending.eligibility import (
    CustomerProfile,
    PlanRequest,
    VehicleProfile,
    evaluate_product,
)
from lending.onroad import Energy, VehicleKind
from lending.products import (
    Catalogue,
    CatalogueError,
    Fees,
    GradeTerms,
    RateCell,
    catalogue_to_data,
    parse_catalogue,
    rate_sheet_reasons,
)
from lending.qualification import Grade
from lending.schedule import RepaymentMethod
from tests.lending.test_eligibility import FINANCE

D = Decimal
EI = RepaymentMethod.EQUAL_INSTALLMENT
START = date(2026, 11, 22)

# grade A: 24 / 36 months x down payment 0-30 % / 30 %+ ; grade B one step dearer
SHEET = tuple(
    RateCell(grade, term, D(down), D(rate))
    for grade, rows in (
        (Grade.A, ((24, "0", "6.20"), (24, "30", "6.00"), (36, "0", "6.80"), (36, "30", "6.40"))),
        (Grade.B, ((24, "0", "7.40"), (24, "30", "7.10"), (36, "0", "8.00"), (36, "30", "7.60"))),
    )
    for term, down, rate in rows
)
PRODUCT = dataclasses.replace(
    FINANCE,
    code="sheet",
    grades=(
        GradeTerms(Grade.A, D("6.00"), D(90), D(98)),
        GradeTerms(Grade.B, D("7.10"), D(70), D(80)),
    ),
    fees=Fees(),
    rate_sheet=SHEET,
)
CAR = VehicleProfile(appraisal_value=D(150000), age_years=D("2"), mileage_km=30000)


def ask(
    down: int, months: int = 36, price: int = 150000, method: RepaymentMethod = EI, balloon: int = 0
) -> PlanRequest:
    return PlanRequest(
        vehicle_price=D(price),
        down_payment=D(down),
        term_months=months,
        method=method,
        start_date=START,
        balloon_percent=D(balloon),
    )


@pytest.mark.parametrize(
    ("grade", "months", "down", "rate"),
    [
        (Grade.A, 12, 45000, "6.00"),  # 12 months: the 24-month band; 30 % exactly: the 30 % band
        (Grade.A, 24, 44999, "6.20"),  # just below 30 %
        (Grade.A, 36, 60000, "6.40"),
        (Grade.A, 36, 0, "6.80"),
        (Grade.B, 36, 90000, "7.60"),
        (Grade.B, 24, 10000, "7.40"),
    ],
)
def test_the_offer_takes_the_sheets_rate(grade, months, down, rate) -> None:
    ev = evaluate_product(PRODUCT, CustomerProfile(grade, D(40000)), CAR, ask(down, months))
    assert ev.annual_rate == D(rate)
    assert ev.schedule is not None and ev.schedule.terms.annual_rate == D(rate)


def test_a_grade_the_product_refuses_has_no_rate() -> None:
    assert PRODUCT.rate_for(Grade.C, 36, D(50)) is None
    assert PRODUCT.rate_for(None, 36, D(50)) is None


def test_without_a_sheet_the_grade_has_one_rate() -> None:
    plain = dataclasses.replace(PRODUCT, rate_sheet=())
    assert {plain.rate_for(Grade.A, t, D(d)) for t in (12, 36) for d in (0, 50)} == {D("6.00")}


@st.composite
def sheets(draw):
    terms = sorted(draw(st.sets(st.integers(1, 60), min_size=1, max_size=4)))
    downs = sorted({D(0)} | draw(st.sets(st.integers(1, 90).map(D), max_size=3)))
    # a different rate in every cell, so the rate found names its cell
    cells = [(t, d) for t in terms for d in downs]
    rates = draw(
        st.lists(
            st.decimals(min_value=D(0), max_value=D(24), places=2),
            min_size=len(cells),
            max_size=len(cells),
            unique=True,
        )
    )
    return tuple(RateCell(Grade.A, t, d, r) for (t, d), r in zip(cells, rates, strict=True))


@given(sheet=sheets(), months=st.integers(1, 60), down=st.decimals(0, 100, places=2))
def test_the_rate_is_the_cell_whose_bands_hold_the_request(sheet, months, down) -> None:
    product = dataclasses.replace(
        PRODUCT, rate_sheet=sheet, grades=(GradeTerms(Grade.A, D(1), D(90), D(98)),)
    )
    rate = product.rate_for(Grade.A, months, down)
    longer = [c for c in sheet if c.term_max_months >= months]
    if not longer:
        assert rate is None
        return
    cell = next(
        c
        for c in sheet
        if c.annual_rate == rate
        and c.term_max_months >= months
        and c.down_payment_min_percent <= down
    )
    # no shorter band holds the term, no higher band holds the down payment
    assert not any(months <= c.term_max_months < cell.term_max_months for c in sheet)
    assert not any(
        cell.down_payment_min_percent < c.down_payment_min_percent <= down for c in sheet
    )


def spec() -> dict:
    """The product as the catalogue's JSON holds it."""
    return catalogue_to_data(Catalogue(1, (PRODUCT,)))["products"][0]


def test_a_sound_sheet_has_no_reasons_and_survives_json() -> None:
    assert rate_sheet_reasons(PRODUCT) == ()
    again = parse_catalogue({"version": 1, "products": [spec()]})
    assert again.products[0] == PRODUCT


def codes(product) -> list[str]:
    return [r.code for r in rate_sheet_reasons(product)]


def test_the_sheets_rules() -> None:
    missing = dataclasses.replace(PRODUCT, rate_sheet=SHEET[:-1])
    assert codes(missing) == ["sheet.cell_missing"]
    assert dict(rate_sheet_reasons(missing)[0].params) == {"grade": "B", "term": "36", "down": "30"}
    only_a = dataclasses.replace(PRODUCT, rate_sheet=SHEET[:4])
    assert codes(only_a) == ["sheet.grade_missing"]
    c_too = dataclasses.replace(PRODUCT, rate_sheet=(*SHEET, RateCell(Grade.C, 24, D(0), D(9))))
    assert "sheet.grade_not_accepted" in codes(c_too)
    short = dataclasses.replace(PRODUCT, terms=(12, 24, 36, 48), term_max_months=48)
    assert codes(short) == ["sheet.terms_not_covered"]
    from_ten = dataclasses.replace(
        PRODUCT,
        rate_sheet=tuple(
            dataclasses.replace(c, down_payment_min_percent=c.down_payment_min_percent or D(10))
            for c in SHEET
        ),
    )
    assert codes(from_ten) == ["sheet.down_not_from_zero"]
    dearer = dataclasses.replace(SHEET[-1], annual_rate=D("9.50"))
    dear = dataclasses.replace(PRODUCT, rate_sheet=(*SHEET[:-1], dearer))
    assert codes(dear) == ["sheet.rate_outside"]
    twice = dataclasses.replace(PRODUCT, rate_sheet=SHEET + SHEET[:1])
    assert codes(twice) == ["sheet.cell_twice"]


def test_the_catalogue_refuses_a_broken_sheet() -> None:
    data = spec()
    data["rate_sheet"] = data["rate_sheet"][:-1]
    with pytest.raises(CatalogueError) as err:
        parse_catalogue({"version": 1, "products": [data]})
    assert err.value.problems == (
        "products[0].rate_sheet: The rate sheet has no rate for grade B, terms up to 36 "
        "months, a down payment from 30%.",
    )


def test_older_specs_read_the_defaults() -> None:
    data = spec()
    for key in ("rate_sheet", "balloon_min_percent", "vehicle_kinds", "energies"):
        del data[key]
    product = parse_catalogue({"version": 1, "products": [data]}).products[0]
    assert product.rate_sheet == () and product.balloon_min_percent == 0
    assert product.vehicle_kinds == (VehicleKind.NEW, VehicleKind.USED)
    assert product.energies == tuple(Energy)


def test_balloon_floor() -> None:
    balloon = dataclasses.replace(
        PRODUCT,
        methods=(EI, RepaymentMethod.BALLOON),
        balloon_min_percent=D(10),
        balloon_max_percent=D(40),
    )
    customer = CustomerProfile(Grade.A, D(40000))
    low = evaluate_product(
        balloon, customer, CAR, ask(60000, method=RepaymentMethod.BALLOON, balloon=5)
    )
    assert [r.code for r in low.reasons] == ["balloon_below_min"]
    ok = evaluate_product(
        balloon, customer, CAR, ask(60000, method=RepaymentMethod.BALLOON, balloon=25)
    )
    assert ok.eligible and ok.annual_rate == D("6.40")
    # the floor is about the balloon method only
    assert evaluate_product(balloon, customer, CAR, ask(60000)).eligible
    data = spec()
    data.update(
        methods=["equal_installment", "balloon"], balloon_min_percent="50", balloon_max_percent="40"
    )
    with pytest.raises(CatalogueError) as err:
        parse_catalogue({"version": 1, "products": [data]})
    assert err.value.problems == (
        "products[0]: balloon_min_percent (50) is above balloon_max_percent (40)",
    )


def test_new_used_and_energy_limits_when_the_car_is_known() -> None:
    nev_new = dataclasses.replace(PRODUCT, vehicle_kinds=(VehicleKind.NEW,), energies=(Energy.NEV,))
    customer = CustomerProfile(Grade.A, D(40000))
    used_petrol = dataclasses.replace(CAR, kind=VehicleKind.USED, energy=Energy.PETROL)
    ev = evaluate_product(nev_new, customer, used_petrol, ask(60000))
    assert [r.code for r in ev.reasons] == [
        "vehicle_used_not_financed",
        "energy_petrol_not_financed",
    ]
    new_nev = dataclasses.replace(CAR, kind=VehicleKind.NEW, energy=Energy.NEV)
    assert evaluate_product(nev_new, customer, new_nev, ask(60000)).eligible
    # a car whose kind is not known is not refused for it
    assert evaluate_product(nev_new, customer, CAR, ask(60000)).eligible

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lending.appraisal import (
    AppraisalError,
    AppraisalInput,
    Condition,
    appraise,
    odometer_flags,
    vehicle_age_years,
    vehicle_limit_reasons,
)
from lending.settings import DEFAULT_SETTINGS

D = Decimal
TODAY = date(2026, 11, 23)


def car(**kw: object) -> AppraisalInput:
    base = AppraisalInput(
        market_reference_price=D(100000),
        first_registration=date(2023, 11, 23),
        appraisal_date=TODAY,
        mileage_km=40000,
        condition=Condition.GOOD,
    )
    return dataclasses.replace(base, **kw)  # type: ignore[arg-type]


def test_hand_computed_value() -> None:
    # 3 years at -12 %: 0.88^3 = 0.681472 -> 68,147.20
    # 40,000 km = 2 steps at -6 %: 0.94^2 = 0.8836 -> 68,147.20 x 0.8836 = 60,214.87
    # good condition 0.97 -> 58,408.42
    a = appraise(car())
    assert a.age_years == D(3)
    assert a.value == a.computed_value == D("58408.42")
    assert a.age.factor == D("0.681472")
    assert (a.age.percent, a.age.amount) == (D("31.85"), D("31852.80"))
    assert (a.mileage.percent, a.mileage.amount) == (D("11.64"), D("7932.33"))
    assert (a.condition_adjustment.percent, a.condition_adjustment.amount) == (
        D("3.00"), D("1806.45"))
    assert a.age.amount + a.mileage.amount + a.condition_adjustment.amount == (
        a.reference_price - a.computed_value)
    assert not a.excluded and not a.overridden
    assert a.odometer_flags == () and a.limit_reasons == ()


def test_partial_steps_count_pro_rata() -> None:
    # brand new, 10,000 km = half a step: sqrt(0.94) = 0.969535971... -> 96,953.60
    a = appraise(car(first_registration=TODAY, mileage_km=10000, condition=Condition.EXCELLENT))
    assert a.age_years == 0
    assert a.value == D("96953.60")
    # half a year: 2026-05-23 -> 2026-11-23 is 184 of 365 days
    half = appraise(car(first_registration=date(2026, 5, 23), mileage_km=0,
                        condition=Condition.EXCELLENT))
    assert half.age_years == D("0.5041")
    assert D(88000) < half.value < D(100000)


def test_condition_factors() -> None:
    values = {c: appraise(car(condition=c)).value for c in Condition}
    assert values[Condition.EXCELLENT] > values[Condition.GOOD] > values[Condition.FAIR] > (
        values[Condition.POOR])
    assert appraise(car(condition=Condition.POOR)).condition_adjustment.percent == D("20.00")


def test_appraisal_may_choose_rates_within_the_allowed_range() -> None:
    a = appraise(car(depreciation_per_year_percent=D(15),
                     depreciation_per_mileage_step_percent=D(8), condition=Condition.EXCELLENT))
    # 0.85^3 = 0.614125 -> 61,412.50; 0.92^2 = 0.8464 -> 51,979.54
    assert a.value == D("51979.54")
    with pytest.raises(AppraisalError) as err:
        appraise(car(depreciation_per_year_percent=D(20)))
    assert err.value.reason.render() == (
        "The yearly depreciation rate of 20% must be between 10% and 15%."
    )


def test_vehicle_age_years() -> None:
    assert vehicle_age_years(date(2018, 11, 23), TODAY) == 8
    assert vehicle_age_years(date(2018, 11, 22), TODAY) == 8 + D(1) / D(365)
    assert vehicle_age_years(date(2020, 2, 29), date(2026, 3, 1)) > 6
    assert vehicle_age_years(TODAY, TODAY) == 0


def test_limits_default_and_per_product() -> None:
    assert appraise(car(first_registration=date(2018, 11, 23))).limit_reasons == ()
    old = appraise(car(first_registration=date(2018, 11, 22), mileage_km=150001))
    assert [r.render() for r in old.limit_reasons] == [
        "The vehicle is 8 years old; the limit is 8 years.",
        "The vehicle has 150,001 km; the limit is 150,000 km.",
    ]
    reasons = vehicle_limit_reasons(D("5.5"), 90000, D(5), 100000)
    assert [r.render() for r in reasons] == ["The vehicle is 5.5 years old; the limit is 5 years."]


def test_accident_flood_fire_are_excluded() -> None:
    a = appraise(car(accident=True, fire=True))
    assert a.excluded
    assert [r.code for r in a.exclusion_reasons] == ["excluded.accident", "excluded.fire"]
    assert a.value > 0  # the value is still shown
    assert appraise(car(flood=True)).exclusion_reasons[0].render() == (
        "Flood-damaged vehicles cannot be financed.")


def test_odometer_record_going_backwards() -> None:
    records = ((date(2025, 6, 1), 30000), (date(2024, 6, 1), 20000), (date(2026, 1, 1), 25000))
    a = appraise(car(mileage_km=40000, maintenance_records=records))
    assert a.tampering_suspected
    assert [r.render() for r in a.odometer_flags] == [
        "Possible odometer tampering: the maintenance record of 2026-01-01 shows 25,000 km, "
        "fewer than the 30,000 km recorded on 2025-06-01."
    ]


def test_odometer_below_last_record() -> None:
    a = appraise(car(mileage_km=28000, maintenance_records=((date(2026, 6, 1), 30000),)))
    assert [r.code for r in a.odometer_flags] == ["odometer.below_last_record"]


def test_implausible_mileage_for_age() -> None:
    # under a year old counts as one year: 70,000 km > 60,000
    young = appraise(car(first_registration=date(2026, 3, 1), mileage_km=70000))
    assert [r.code for r in young.odometer_flags] == ["odometer.too_high_for_age"]
    # 4 years with 3,000 km < 4 x 1,000
    low = appraise(car(first_registration=date(2022, 11, 23), mileage_km=3000))
    assert [r.render() for r in low.odometer_flags] == [
        "Implausible mileage: 3,000 km in 4 years is less than 1,000 km a year; "
        "check for odometer tampering."
    ]
    # under 3 years the low check does not apply
    assert appraise(car(first_registration=date(2024, 11, 23), mileage_km=500)).odometer_flags == ()
    # thresholds are settings
    strict = dataclasses.replace(DEFAULT_SETTINGS, odometer_max_km_per_year=10000)
    assert odometer_flags(40000, D(3), (), TODAY, strict)[0].code == "odometer.too_high_for_age"


def test_future_record_is_flagged_but_not_tampering() -> None:
    a = appraise(car(maintenance_records=((TODAY + timedelta(days=3), 39000),)))
    assert [r.code for r in a.odometer_flags] == ["odometer.record_in_future"]
    assert not a.tampering_suspected


def test_override_needs_a_reason_and_keeps_computed_value() -> None:
    with pytest.raises(AppraisalError) as err:
        appraise(car(override_value=D(65000), override_reason="  "))
    assert err.value.reason.code == "override.reason_required"
    assert err.value.code == "override.reason_required"
    a = appraise(car(override_value=D(65000),
                     override_reason=" Rare colour, full service history "))
    assert a.overridden
    assert a.value == D("65000.00")
    assert a.computed_value == D("58408.42")
    assert a.override_reason == "Rare colour, full service history"


def test_bad_input_lists_every_problem() -> None:
    with pytest.raises(AppraisalError) as err:
        appraise(car(market_reference_price=D(0), mileage_km=-1,
                     first_registration=TODAY + timedelta(days=1)))
    assert [r.code for r in err.value.reasons] == [
        "input.price_not_positive", "input.mileage_negative", "input.registered_after_appraisal"
    ]


prices = st.decimals(min_value=D("0.01"), max_value=5_000_000, places=2)
days = st.integers(0, 365 * 30)
kms = st.integers(0, 1_000_000)


@given(prices, days, days, kms, st.sampled_from(Condition))
def test_value_falls_with_age(price: Decimal, d1: int, d2: int, km: int, c: Condition) -> None:
    young, old = sorted((d1, d2))
    a_young = appraise(car(market_reference_price=price, mileage_km=km, condition=c,
                           first_registration=TODAY - timedelta(days=young)))
    a_old = appraise(car(market_reference_price=price, mileage_km=km, condition=c,
                         first_registration=TODAY - timedelta(days=old)))
    assert a_old.age_years >= a_young.age_years
    assert a_old.value <= a_young.value


@given(prices, days, kms, kms, st.sampled_from(Condition))
def test_value_falls_with_mileage(price: Decimal, age: int, k1: int, k2: int,
                                  c: Condition) -> None:
    low, high = sorted((k1, k2))
    reg = TODAY - timedelta(days=age)
    a_low = appraise(car(market_reference_price=price, first_registration=reg, mileage_km=low,
                         condition=c))
    a_high = appraise(car(market_reference_price=price, first_registration=reg,
                          mileage_km=high, condition=c))
    assert a_high.value <= a_low.value


@given(prices, days, kms, st.sampled_from(Condition))
def test_value_never_negative_and_breakdown_adds_up(price: Decimal, age: int, km: int,
                                                    c: Condition) -> None:
    a = appraise(car(market_reference_price=price, mileage_km=km, condition=c,
                     first_registration=TODAY - timedelta(days=age)))
    assert D(0) <= a.value <= a.reference_price
    assert a.value == a.value.quantize(D("0.01"))
    assert a.age.amount + a.mileage.amount + a.condition_adjustment.amount == (
        a.reference_price - a.computed_value)
    for adj in (a.age, a.mileage, a.condition_adjustment):
        assert D(0) < adj.factor <= 1

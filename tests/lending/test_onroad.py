"""On-the-road cost lines: purchase tax with the NEV rules, 交强险, 车船税, fees."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lending.onroad import (
    Energy,
    OnRoadError,
    VehicleKind,
    on_road_costs,
    purchase_tax,
    vessel_tax,
)
from lending.settings import DEFAULT_ON_ROAD_SETTINGS, OnRoadSettings, SettingsError
from tests.lending.exact import fen

D = Decimal
NEW, USED = VehicleKind.NEW, VehicleKind.USED


def test_domain_worked_figures() -> None:
    assert purchase_tax(D(200000), Energy.PETROL, date(2026, 12, 1)) == D("17699.12")
    assert purchase_tax(D(339900), Energy.NEV, date(2026, 6, 1)) == D("15079.65")
    assert purchase_tax(D(200000), Energy.NEV, date(2026, 6, 1)) == D("8849.56")
    assert purchase_tax(D(200000), Energy.NEV, date(2025, 12, 31)) == D("0.00")
    # 2024-2025: exempt up to 30,000 of tax; 400,000 -> 35,398.23 - 30,000
    assert purchase_tax(D(400000), Energy.NEV, date(2024, 1, 1)) == D("5398.23")
    assert purchase_tax(D(200000), Energy.NEV, date(2028, 1, 1)) == D("17699.12")
    assert purchase_tax(D(200000), Energy.PETROL, date(2026, 1, 1), USED) == D("0.00")


def expected_tax(price: Decimal, energy: Energy, on: date) -> Decimal:
    full = price / D("1.13") * D("0.1")
    if energy is Energy.NEV and on.year in (2024, 2025):
        return fen(max(full - 30000, D(0)))
    if energy is Energy.NEV and on.year in (2026, 2027):
        return fen(full - min(full / 2, D(15000)))
    return fen(full)


@given(
    price=st.decimals(min_value=10000, max_value=3_000_000, places=2),
    energy=st.sampled_from(Energy),
    on=st.dates(date(2024, 1, 1), date(2028, 12, 31)),
)
def test_purchase_tax_by_date(price: Decimal, energy: Energy, on: date) -> None:
    assert purchase_tax(price, energy, on) == expected_tax(price, energy, on)


def test_vessel_tax_pro_rata_and_nev_exempt() -> None:
    # 1.5 L -> 360 a year; bought in December: 1 month -> 30.00; in January the full year
    assert vessel_tax(D("1.5"), Energy.PETROL, date(2026, 12, 1)) == D("30.00")
    assert vessel_tax(D("1.5"), Energy.PETROL, date(2026, 1, 31)) == D("360.00")
    # 2.0 L is still the 1.6-2.0 band (420): July to December = 6 months -> 210.00
    assert vessel_tax(D("2.0"), Energy.HYBRID, date(2026, 7, 15)) == D("210.00")
    # 4.4 L above every band: 4,500 x 5 / 12 = 1,875.00
    assert vessel_tax(D("4.4"), Energy.DIESEL, date(2026, 8, 1)) == D("1875.00")
    assert vessel_tax(D("2.0"), Energy.NEV, date(2026, 1, 1)) == D("0.00")


def test_new_petrol_car_lines_and_total() -> None:
    q = on_road_costs(D(200000), NEW, Energy.PETROL, date(2026, 12, 1))
    amounts = {line.code: line.amount for line in q.lines}
    assert amounts == {
        "purchase_tax": D("17699.12"),
        "compulsory_insurance": D("950.00"),
        "vessel_tax": D("30.00"),
        "registration": D("500.00"),
        "gps": D("1000.00"),
        "finance_service_fee": D("0.00"),
    }
    assert q.purchase_tax == D("17699.12")
    assert q.total == D("200000") + D("17699.12") + 950 + 30 + 500 + 1000
    assert not any(line.financed for line in q.lines)
    assert q.cash_lines_total == q.total - q.price


def test_used_car_pays_a_transfer_fee_and_no_purchase_tax() -> None:
    q = on_road_costs(D(80000), USED, Energy.PETROL, date(2026, 12, 1), seats=7)
    assert q.purchase_tax == 0
    assert q.line("transfer_fee").amount == D("500.00")
    assert q.line("compulsory_insurance").amount == D("1100.00")


def test_lines_can_be_overridden_and_financed() -> None:
    q = on_road_costs(
        D(150000),
        NEW,
        Energy.NEV,
        date(2026, 3, 1),
        overrides={"finance_service_fee": D(3000), "gps": D(0)},
        financed={"finance_service_fee": True, "purchase_tax": True},
    )
    assert q.line("finance_service_fee").amount == D("3000.00")
    assert q.line("finance_service_fee").financed and q.line("purchase_tax").financed
    assert q.financed_lines_total == D("3000.00") + q.purchase_tax
    assert q.line("vessel_tax").amount == 0
    with pytest.raises(OnRoadError) as err:
        on_road_costs(
            D(0),
            NEW,
            Energy.NEV,
            date(2026, 3, 1),
            seats=0,
            overrides={"caviar": D(1), "gps": D(-1)},
        )
    assert [r.code for r in err.value.reasons] == [
        "onroad.price_not_positive",
        "onroad.seats_invalid",
        "onroad.unknown_line",
        "onroad.amount_negative",
    ]


def test_settings_drive_the_defaults() -> None:
    s = dataclasses.replace(
        DEFAULT_ON_ROAD_SETTINGS, registration_fee=D(300), financed_lines=("gps",)
    )
    q = on_road_costs(D(100000), NEW, Energy.PETROL, date(2026, 1, 1), settings=s)
    assert q.line("registration").amount == D("300.00")
    assert q.line("gps").financed
    with pytest.raises(SettingsError):
        OnRoadSettings(gps_fee=D(-1))


def test_on_road_settings_round_trip_through_plain_data() -> None:
    import json

    from lending.settings import (
        NevTaxRule,
        on_road_settings_from_dict,
        on_road_settings_to_dict,
    )

    s = dataclasses.replace(
        DEFAULT_ON_ROAD_SETTINGS,
        gps_fee=D("1288.50"),
        financed_lines=("gps", "purchase_tax"),
        vessel_tax_bands=((D("1.6"), D(300)), (D("2.5"), D(900))),
        nev_tax_rules=(NevTaxRule(date(2026, 1, 1), date(2027, 12, 31), D(50), None),),
    )
    data = json.loads(json.dumps(on_road_settings_to_dict(s)))
    assert data["gps_fee"] == "1288.50"
    assert on_road_settings_from_dict(data) == s
    assert on_road_settings_from_dict({}) == DEFAULT_ON_ROAD_SETTINGS
    with pytest.raises(SettingsError) as err:
        on_road_settings_from_dict({"caviar": 1, "gps_fee": "lots", "large_car_seats": "6"})
    assert err.value.problems == (
        "caviar is not a known setting",
        "gps_fee has an unreadable value 'lots'",
        "large_car_seats has an unreadable value '6'",
    )
    with pytest.raises(SettingsError):
        on_road_settings_from_dict({"registration_fee": "-1"})


@given(
    price=st.decimals(min_value=1000, max_value=3_000_000, places=2),
    vehicle=st.sampled_from(VehicleKind),
    energy=st.sampled_from(Energy),
    on=st.dates(date(2024, 1, 1), date(2028, 12, 31)),
    seats=st.integers(1, 9),
    litres=st.decimals(min_value="0.8", max_value="6.0", places=1),
)
def test_total_is_price_plus_every_line(
    price: Decimal, vehicle: VehicleKind, energy: Energy, on: date, seats: int, litres: Decimal
) -> None:
    q = on_road_costs(price, vehicle, energy, on, seats=seats, displacement_litres=litres)
    assert q.total == price + sum(line.amount for line in q.lines)
    assert q.cash_lines_total + q.financed_lines_total == q.total - q.price
    yearly = next(
        (tax for limit, tax in DEFAULT_ON_ROAD_SETTINGS.vessel_tax_bands if litres <= limit),
        DEFAULT_ON_ROAD_SETTINGS.vessel_tax_above,
    )
    expected_vessel = D(0) if energy is Energy.NEV else fen(yearly * (13 - on.month) / 12)
    assert q.line("vessel_tax").amount == expected_vessel
    assert q.line("compulsory_insurance").amount == (1100 if seats >= 6 else 950)
    assert (
        (q.purchase_tax == 0)
        if vehicle is VehicleKind.USED
        else (q.purchase_tax == expected_tax(price, energy, on))
    )
    assert any(line.code == "transfer_fee" for line in q.lines) == (vehicle is VehicleKind.USED)

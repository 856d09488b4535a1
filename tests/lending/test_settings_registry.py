"""The one registry of store settings: every value declared once, typed, bounded, keyed."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lending.reasons import ReasonsError
from lending.settings import (
    DEFAULT_ON_ROAD_SETTINGS,
    DEFAULT_SETTINGS,
    DEFAULT_STORE_SETTINGS,
    REGISTRY,
    SPECS,
    LendingSettings,
    OnRoadSettings,
    SettingKind,
    SettingsError,
    StoreProfile,
    StoreSettings,
    build_store_settings,
    from_plain,
    parse_text,
    to_plain,
)

BASE = StoreSettings(profile=StoreProfile(name="Hengtong"))


def test_every_field_of_the_three_dataclasses_is_registered_once_with_its_default() -> None:
    fields = [
        (cls, f)
        for cls in (StoreProfile, LendingSettings, OnRoadSettings)
        for f in dataclasses.fields(cls)
    ]
    assert len(REGISTRY) == len(fields) == len(SPECS)
    for (cls, f), spec in zip(fields, REGISTRY, strict=True):
        assert spec.name == f.name
        assert spec.default == getattr(cls(), f.name)
    # the keys already stored by earlier versions did not move
    assert SPECS["lending.max_dti_percent"].default == D(50)
    assert SPECS["app.catalogue.confirmed"].default is False
    assert SPECS["app.store.address"].kind is SettingKind.TEXT
    assert SPECS["onroad.vessel_tax_bands"].kind is SettingKind.TABLE
    assert SPECS["lending.lpr_date"].kind is SettingKind.DATE


def test_the_scattered_defaults_live_here() -> None:
    assert DEFAULT_SETTINGS.quote_valid_days == 7
    assert DEFAULT_SETTINGS.default_down_payment_percent == D(30)
    assert DEFAULT_SETTINGS.default_term_months == 36
    assert (DEFAULT_SETTINGS.lpr_1y_percent, DEFAULT_SETTINGS.lpr_5y_percent) == (D(3), D("3.5"))


def test_every_default_survives_storage() -> None:
    for spec in REGISTRY:
        stored = json.loads(json.dumps(to_plain(spec.key, spec.default)))
        assert from_plain(spec.key, stored) == spec.default, spec.key


@given(st.decimals(min_value=-(10**6), max_value=10**6, places=2))
def test_decimal_text_round_trips(value: D) -> None:
    assert parse_text("lending.lpr_1y_percent", str(value)) == value
    assert parse_text("lending.lpr_1y_percent", f"{value:,}%") == value


@given(st.text().filter(lambda t: not any(c.isdigit() for c in t)))
def test_text_without_digits_is_never_a_number(text: str) -> None:
    with pytest.raises(ReasonsError) as err:
        parse_text("lending.max_dti_percent", text)
    assert err.value.reason.code == "setting.not_number"


def test_form_text_accepts_full_width_and_refuses_fractions_of_whole_numbers() -> None:
    assert parse_text("lending.quote_valid_days", "１４") == 14
    with pytest.raises(ReasonsError) as err:
        parse_text("lending.quote_valid_days", "7.5")
    assert err.value.reason.code == "setting.not_whole"
    assert parse_text("lending.lpr_date", "2026-01-20") == date(2026, 1, 20)
    with pytest.raises(ReasonsError):
        parse_text("lending.lpr_date", "20 Jan")


@given(st.integers(min_value=-500, max_value=500))
def test_bounds_are_checked_on_the_field_itself(dti: int) -> None:
    values = {"lending.max_dti_percent": D(dti)}
    if 1 <= dti <= 100:
        assert build_store_settings(values, BASE).lending.max_dti_percent == dti
        return
    with pytest.raises(SettingsError) as err:
        build_store_settings(values, BASE)
    [(key, reason)] = err.value.reasons
    assert key == "lending.max_dti_percent"
    assert reason.code == "setting.between" and dict(reason.params) == {"min": "1", "max": "100"}


def test_every_problem_comes_back_on_the_field_to_correct() -> None:
    with pytest.raises(SettingsError) as err:
        build_store_settings(
            {
                "store.name": "  ",
                "app.store.phone": "call me",
                "app.store.logo": b"GIF89a....",
                "lending.min_customer_age": 65,
                "lending.depreciation_per_year_percent": D(20),
                "lending.forbidden_words": ("免息", ""),
                "onroad.gps_fee": D(-1),
                "onroad.vessel_tax_bands": ((D(2), D(400)), (D(1), D(100))),
            },
            BASE,
        )
    assert [(k, r.code) for k, r in err.value.reasons] == [
        ("store.name", "setting.required"),
        ("app.store.phone", "setting.phone_chars"),
        ("app.store.logo", "setting.logo_kind"),
        ("lending.depreciation_per_year_percent", "setting.outside_band"),
        ("lending.min_customer_age", "setting.lower_above_upper"),
        ("lending.forbidden_words", "setting.word_empty"),
        ("onroad.gps_fee", "setting.at_least"),
        ("onroad.vessel_tax_bands", "setting.bands_order"),
    ]


def test_a_valid_change_keeps_everything_else() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    new = build_store_settings(
        {
            "store.name": "Hengtong",
            "app.store.logo": png,
            "lending.lpr_1y_percent": D("3.10"),
            "onroad.gps_fee": D(1288),
        },
        BASE,
    )
    assert new.profile.logo == png and new.profile.name == "Hengtong"
    assert new.lending == dataclasses.replace(DEFAULT_SETTINGS, lpr_1y_percent=D("3.10"))
    assert new.on_road == dataclasses.replace(DEFAULT_ON_ROAD_SETTINGS, gps_fee=D(1288))
    assert new.value("lending.lpr_1y_percent") == D("3.10")
    assert DEFAULT_STORE_SETTINGS.values()["onroad.gps_fee"] == D(1000)


def test_a_too_large_logo_and_unknown_keys_are_refused() -> None:
    with pytest.raises(SettingsError) as err:
        build_store_settings({"app.store.logo": b"\xff\xd8\xff" + b"\0" * (300 * 1024)}, BASE)
    assert err.value.reasons[0][1].code == "setting.logo_size"
    with pytest.raises(SettingsError) as err:
        build_store_settings({"lending.caviar": 1})
    assert err.value.reasons[0][1].code == "setting.unknown"

"""lending.compliance and the lending settings: caps, the DTI rule, the settings' bounds and round
trips.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lending.compliance import (
    MESSAGES,
    ForbiddenWordingError,
    RateLevel,
    assert_no_forbidden_wording,
    check_dti,
    check_online_small_loan,
    check_rate,
    dti_within_limit,
    find_forbidden_wording,
    normalise_wording,
)
from lending.settings import (
    DEFAULT_SETTINGS,
    LendingSettings,
    SettingsError,
    settings_from_dict,
    settings_to_dict,
)

D = Decimal
rates = st.decimals(min_value=0, max_value=100, places=4)
amounts = st.decimals(min_value=0, max_value=10_000_000, places=2)


# --- settings -----------------------------------------------------------------


def test_default_settings_match_domain() -> None:
    s = DEFAULT_SETTINGS
    assert s.max_dti_percent == 50
    assert s.lpr_1y_percent == D("3.00")
    assert s.rate_warn_percent == 12
    assert s.apr_hard_cap_percent == 24
    assert (s.online_small_loan_max_amount, s.online_small_loan_max_months) == (300000, 36)
    assert s.depreciation_per_year_percent == 12
    assert s.depreciation_per_mileage_step_percent == 6
    assert (s.max_vehicle_age_years, s.max_vehicle_mileage_km) == (8, 150000)
    assert (s.min_customer_age, s.max_customer_age) == (22, 60)
    assert s.cooling_off_hours == 24
    assert s.duplicate_application_window_days == 30
    assert (
        s.follow_up_high_intent_hours,
        s.follow_up_after_delivery_days,
        s.follow_up_after_disbursement_days,
    ) == (48, 3, 7)
    for word in (
        "zero interest",
        "interest-free",
        "zero down payment",
        "0 首付",
        "零首付",
        "无息",
        "零利率",
    ):
        assert word in s.forbidden_words


def test_settings_refuse_out_of_range_values_listing_all() -> None:
    with pytest.raises(SettingsError) as err:
        LendingSettings(depreciation_per_year_percent=D(20), max_dti_percent=D(0))
    assert len(err.value.problems) == 2
    assert "depreciation_per_year_percent" in err.value.message


def test_settings_round_trip_through_dict() -> None:
    changed = dataclasses.replace(DEFAULT_SETTINGS, lpr_1y_percent=D("3.45"), cooling_off_hours=48)
    data = settings_to_dict(changed)
    assert data["lpr_1y_percent"] == "3.45"
    assert settings_from_dict(data) == changed
    assert settings_from_dict({}) == DEFAULT_SETTINGS


def test_settings_from_dict_reports_every_bad_key() -> None:
    with pytest.raises(SettingsError) as err:
        settings_from_dict({"nope": 1, "cooling_off_hours": "x", "lpr_1y_percent": "abc"})
    assert len(err.value.problems) == 3
    # every problem starts with the field it is about (forms show it there)
    assert [p.split()[0] for p in err.value.problems] == [
        "nope",
        "cooling_off_hours",
        "lpr_1y_percent",
    ]


def test_cross_field_problems_name_a_field() -> None:
    with pytest.raises(SettingsError) as err:
        LendingSettings(
            odometer_min_km_per_year=70000, min_customer_age=70, condition_factor_excellent=D("1.2")
        )
    assert [p.split(":")[0] for p in err.value.problems] == [
        "condition_factor_excellent",
        "odometer_min_km_per_year",
        "min_customer_age",
    ]


# --- rate caps ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("apr", "level"),
    [
        ("4.50", RateLevel.OK),
        ("12.00", RateLevel.OK),  # exactly 4 x 3.00 passes
        ("12.01", RateLevel.WARN),
        ("24.00", RateLevel.WARN),  # exactly at the cap passes with a warning
        ("24.0001", RateLevel.REFUSE),
        ("36", RateLevel.REFUSE),
        ("-1", RateLevel.REFUSE),
    ],
)
def test_check_rate_levels(apr: str, level: RateLevel) -> None:
    assert check_rate(D(apr)).level is level


def test_check_rate_follows_lpr_setting() -> None:
    s = dataclasses.replace(DEFAULT_SETTINGS, lpr_1y_percent=D("3.45"))
    assert check_rate(D("13.70"), s).level is RateLevel.OK  # 4 x 3.45 = 13.80
    check = check_rate(D("13.90"), s)
    assert check.level is RateLevel.WARN
    assert "13.80%" in check.reason.render()
    refuse = check_rate(D("25"), s)
    assert not refuse.allowed
    assert refuse.reason.render() == (
        "The APR of 25.00% is above the legal cap of 24.00%; this plan cannot be offered."
    )


def test_rate_message_shows_enough_decimals() -> None:
    assert check_rate(D("24.0001")).reason.render() == (
        "The APR of 24.0001% is above the legal cap of 24.00%; this plan cannot be offered."
    )
    assert "12.0000001%" in check_rate(D("12.0000001")).reason.render()
    assert "12.35%" in check_rate(D("12.345")).reason.render()


@given(rates, rates)
def test_rate_levels_are_ordered(a: Decimal, b: Decimal) -> None:
    lo, hi = sorted((a, b))
    assert check_rate(lo).level.severity <= check_rate(hi).level.severity


# --- online small loans --------------------------------------------------------------


def test_online_small_loan_limits() -> None:
    assert check_online_small_loan(D(300000), 36) == []
    reasons = check_online_small_loan(D("300000.01"), 48)
    assert [r.code for r in reasons] == ["online.amount_too_high", "online.term_too_long"]
    assert reasons[0].render() == (
        "An online small loan can be at most 300,000.00 CNY; 300,000.01 CNY was asked for."
    )


# --- forbidden wording ----------------------------------------------------------------


def test_finds_domain_words_in_any_case_and_spacing() -> None:
    assert find_forbidden_wording("Now ZERO   Interest on all cars!") == ["zero interest"]
    assert find_forbidden_wording("Interest - Free for 3 months") == ["interest-free"]
    assert find_forbidden_wording("interest free") == ["interest-free"]
    assert find_forbidden_wording("Zero Down Payment") == ["zero down payment", "zero down"]
    assert find_forbidden_wording("本月 0 首 付 提车") == ["0 首付"]
    assert find_forbidden_wording("０首付") == ["0 首付"]  # full-width digit
    assert find_forbidden_wording("零 首付，无 息，零利率") == ["零首付", "无息", "零利率"]
    assert find_forbidden_wording("三期免息") == ["免息"]


def test_numbers_ending_in_zero_are_not_forbidden() -> None:
    text = "Total interest 910,616.19; 10 interest-bearing periods; 年利率10%，1,000 interest"
    assert find_forbidden_wording(text) == []
    assert find_forbidden_wording("月供3194.30 利息525.00") == []
    assert find_forbidden_wording("10利率") == []
    assert find_forbidden_wording("0利率") == ["0利率"]


def test_ordinary_disclosure_text_is_clean() -> None:
    text = (
        "Equal installment, 36 months, APR 6.17%. Total interest 9,994.80 CNY. "
        "Interest-first repayment: the principal is repaid in the last period. "
        "等额本息，年化利率6.17%，首付30%，利息合计9,994.80元。"
    )
    assert find_forbidden_wording(text) == []
    assert_no_forbidden_wording(text)


def test_assert_raises_with_every_word() -> None:
    with pytest.raises(ForbiddenWordingError) as err:
        assert_no_forbidden_wording("无息贷款, zero interest")
    assert err.value.words == ("zero interest", "无息")
    assert err.value.message == ("The text contains forbidden wording: zero interest / 无息.")


def test_custom_word_list() -> None:
    s = dataclasses.replace(DEFAULT_SETTINGS, forbidden_words=("guaranteed approval",))
    assert find_forbidden_wording("Guaranteed   APPROVAL today", s) == ["guaranteed approval"]
    assert find_forbidden_wording("zero interest", s) == []


spacing = st.text(alphabet=" \t\n\u3000", max_size=2)


@given(
    word=st.sampled_from(DEFAULT_SETTINGS.forbidden_words),
    data=st.data(),
    prefix=st.text(alphabet="abc 汽车贷款", max_size=10),
    suffix=st.text(max_size=10),
)
def test_forbidden_word_found_regardless_of_case_and_spaces(
    word: str, data: st.DataObject, prefix: str, suffix: str
) -> None:
    mangled = ""
    for ch in word:
        ch = ch.upper() if data.draw(st.booleans()) else ch
        mangled += ch + data.draw(spacing)
    found = find_forbidden_wording(prefix + " " + mangled + suffix)
    assert normalise_wording(word) in {normalise_wording(f) for f in found}


def test_messages_are_plain_templates() -> None:
    for template in MESSAGES.values():
        assert template.endswith(".")


# --- debt to income -------------------------------------------------------------------


def test_dti_hand_computed() -> None:
    # (3,194.30 + 1,000) / 10,000 = 41.943 % -> 41.94 %
    check = check_dti(D("3194.30"), D(1000), D(10000))
    assert check.ok
    assert check.ratio_percent == D("41.94")
    assert check.reason.render() == (
        "Monthly debt payments would be 41.94% of monthly income, within the 50.00% limit."
    )
    # exactly 50 % passes, a fen above fails even though it rounds to 50.00
    assert check_dti(D(4000), D(1000), D(10000)).ok
    above = check_dti(D("4000.01"), D(1000), D(10000))
    assert not above.ok
    assert above.ratio_percent == D("50.00")


@pytest.mark.parametrize("income", [None, D(0), D(-5)])
def test_dti_without_income_is_not_ok(income: Decimal | None) -> None:
    check = check_dti(D(100), D(0), income)
    assert not check.ok
    assert check.ratio_percent is None
    assert check.reason.code == "dti.no_income"


@given(amounts, amounts, amounts, st.decimals(min_value=1, max_value=1_000_000, places=2))
def test_dti_ratio_monotone_in_payment(
    a: Decimal, b: Decimal, debt: Decimal, income: Decimal
) -> None:
    lo, hi = sorted((a, b))
    low, high = check_dti(lo, debt, income), check_dti(hi, debt, income)
    assert low.ratio_percent is not None and high.ratio_percent is not None
    assert low.ratio_percent <= high.ratio_percent
    assert low.ok or not high.ok


@given(
    amounts,
    st.decimals(min_value=1, max_value=1_000_000, places=2),
    st.decimals(min_value=1, max_value=1_000_000, places=2),
)
def test_dti_ratio_falls_with_income(payment: Decimal, a: Decimal, b: Decimal) -> None:
    lo, hi = sorted((a, b))
    at_low, at_high = check_dti(payment, D(0), lo), check_dti(payment, D(0), hi)
    assert at_low.ratio_percent is not None and at_high.ratio_percent is not None
    assert at_high.ratio_percent <= at_low.ratio_percent


@given(
    st.decimals(min_value=-10, max_value=100_000, places=2),
    amounts,
    st.one_of(st.none(), st.decimals(min_value=-10, max_value=1_000_000, places=2)),
    st.decimals(min_value=1, max_value=100, places=2),
)
def test_dti_rule_alone_is_what_check_dti_reports(
    payment: Decimal, debt: Decimal, income: Decimal | None, limit: Decimal
) -> None:
    settings = dataclasses.replace(DEFAULT_SETTINGS, max_dti_percent=limit)
    assert (
        dti_within_limit(payment, debt, income, settings)
        == check_dti(payment, debt, income, settings).ok
    )

"""lending.money: rounding to the fen, parsing amounts as people type them, never a float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lending.money import MoneyError, format_cny, money, parse_decimal, parse_money, percent_of

D = Decimal


def test_half_up_to_the_fen() -> None:
    assert money(D("0.005")) == D("0.01")
    assert money(D("2.675")) == D("2.68")
    assert money(D("-0.005")) == D("-0.01")
    assert money(7) == D("7.00")


def test_float_is_refused() -> None:
    with pytest.raises(TypeError):
        money(0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1,000", D(1000)), (" 12.5 ", D("12.5")), ("1，234.56", D("1234.56")), ("5%", D(5))],
)
def test_parse_decimal_accepts_what_people_type(text: str, expected: Decimal) -> None:
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "NaN", "inf", "1.2.3", "--1", "1e"])
def test_parse_decimal_refuses_garbage(text: str) -> None:
    with pytest.raises(MoneyError) as info:
        parse_decimal(text, field="amount")
    assert info.value.code == "not_a_number"
    assert "amount" in str(info.value)


def test_parse_money_refuses_sub_fen() -> None:
    with pytest.raises(MoneyError) as info:
        parse_money("10.001")
    assert info.value.code == "too_many_decimals"
    assert parse_money("10.10") == D("10.10")


@given(st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, places=2))
def test_format_and_parse_round_trip(value: Decimal) -> None:
    assert parse_money(format_cny(value)) == value


@given(
    st.integers(min_value=0, max_value=10**10).map(lambda c: D(c) / 100),
    st.integers(min_value=0, max_value=10000).map(lambda bp: D(bp) / 100),
)
def test_percent_of_is_within_half_a_fen(amount: Decimal, pct: Decimal) -> None:
    assert abs(percent_of(amount, pct) - amount * pct / 100) <= D("0.005")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15万", D("150000.00")),
        ("12.5万元", D("125000.00")),
        ("¥150,000", D("150000.00")),
        ("￥ 98,000.50", D("98000.50")),
        ("１５００００", D("150000.00")),  # full-width digits from a Chinese IME
        ("８．５万", D("85000.00")),
        ("150000元", D("150000.00")),
        ("RMB 2000", D("2000.00")),
        ("1.234567万", D("12345.67")),
    ],
)
def test_parse_money_reads_how_chinese_counter_staff_type(text: str, expected: Decimal) -> None:
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["1.2345678万", "万", "15万万", "15%", "十五万", "¥", "元"])
def test_parse_money_refuses_what_is_not_a_whole_fen_amount(text: str) -> None:
    with pytest.raises(MoneyError):
        parse_money(text)


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_wan_notation_round_trips(value: Decimal) -> None:
    wan = value / 10000  # exact in Decimal: at most six decimals
    assert parse_money(f"{wan}万") == value
    assert parse_money(f"¥{format_cny(value)}元") == value

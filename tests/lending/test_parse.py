"""lending.parse: one bounded parser per kind of value (issue 11, item 11)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lending import parse
from lending.money import MoneyError, parse_decimal, parse_money
from lending.schedule import RepaymentMethod

D = Decimal

# what the tester typed (issue 11): each was a traceback or a hang
HOSTILE = (
    "1e309",
    "-1e309",
    "1e-999999",
    "1e999999",
    "NaN",
    "-nan",
    "sNaN",
    "Infinity",
    "-inf",
    "9" * 4301,
    "1" + "0" * 5000,
    str(2**63),
    "a\nb",
    "\x00",
    "",
    " ",
    "x" * 10**5,
)


@pytest.mark.parametrize("text", ["1e309", "1e999999", "1e-999999", "9" * 4301, "x" * 10**5])
def test_parse_decimal_refuses_what_no_one_computes_with(text: str) -> None:
    """Before: Decimal('1e309') came back, and the schedule's quantize raised InvalidOperation."""
    with pytest.raises(MoneyError):
        parse_decimal(text)


@pytest.mark.parametrize("text", ["1e309", "1000000000.01", "2e9", "10亿", "100001万"])
def test_parse_money_refuses_more_than_a_billion(text: str) -> None:
    """The GUI's money fields ask parse_money: 1e309 raised InvalidOperation there."""
    with pytest.raises(MoneyError):
        parse_money(text)
    assert parse_money("1000000000") == D("1000000000.00")
    assert parse_money("100000万") == D("1000000000.00")


def test_minus_zero_is_zero() -> None:
    assert str(parse.amount("-0")) == "0.00"
    assert str(parse_decimal("-0")) == "0"


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize(
    "reader",
    [parse.amount, parse.percent, parse.term, parse.record_id, parse.day, parse.number,
     lambda t: parse.whole(t, lo=0, hi=100), lambda t: parse.choice(t, RepaymentMethod)],
)  # fmt: skip
def test_hostile_text_is_one_short_reason(reader: object, text: str) -> None:
    with pytest.raises(parse.ParseError) as info:
        reader(text)  # type: ignore[operator]
    message = info.value.message
    assert "\n" not in message and len(message) < 200, message


@given(st.text(max_size=60))
def test_every_reader_returns_a_bounded_value_or_one_reason(text: str) -> None:
    checks = (
        (parse.amount, lambda v: D(0) <= v <= 10**9 and v == v.quantize(D("0.01"))),
        (parse.percent, lambda v: 0 <= v <= 100),
        (parse.term, lambda v: 1 <= v <= 480),
        (parse.record_id, lambda v: 1 <= v < 2**63),
        (parse.day, lambda v: parse.MIN_DATE <= v <= parse.MAX_DATE),
        (parse.file_name, lambda v: v == text),
        (parse.label, lambda v: 0 < len(v) <= 200 and v.isprintable()),
    )
    for reader, bounded in checks:
        try:
            value = reader(text)  # type: ignore[operator]
        except parse.ParseError as exc:
            assert "\n" not in exc.message
        else:
            assert bounded(value), (reader, text, value)


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_amounts_round_trip(value: Decimal) -> None:
    assert parse.amount(f"{value:,.2f}") == value
    assert parse.amount(str(value)) == value


@given(st.integers(1, 480))
def test_terms_round_trip(months: int) -> None:
    assert parse.term(str(months)) == months


@given(st.integers(1, 2**63 - 1))
def test_ids_round_trip_up_to_a_bigint(n: int) -> None:
    assert parse.record_id(str(n)) == n


@given(st.dates(min_value=parse.MIN_DATE, max_value=parse.MAX_DATE))
def test_dates_round_trip(day: date) -> None:
    assert parse.day(day.isoformat()) == day


@pytest.mark.parametrize(
    ("reader", "text", "needle"),
    [
        (parse.term, "0", "from 1 to 480"),
        (parse.term, "481", "from 1 to 480"),
        (parse.term, "1e999999", "from 1 to 480"),  # before: CPU forever
        (parse.term, "12.5", "not a whole number"),
        (parse.record_id, str(2**63), "9,223,372,036,854,775,807"),
        (parse.record_id, "0", "record number"),
        (parse.day, "9999-12-31", "2200-12-31"),  # before: year 10000 is out of range
        (parse.day, "2026-02-30", "like 2026-11-22"),
        (parse.amount, "-5", "negative"),
        (parse.amount, "1.001", "two decimals"),
        (parse.amount, "1e309", "1,000,000,000 yuan"),
        (parse.percent, "101", "from 0 to 100"),
        (parse.number, "NaN", "not a number"),
        (parse.number, "1e-999999", "too many decimals"),
        (parse.file_name, "a" * 256, "255 bytes"),
        (parse.file_name, "é" * 128, "255 bytes"),  # 256 bytes in UTF-8
        (parse.file_name, "a\x00b", "NUL"),
        (parse.file_name, " ", "file name is needed"),
        (parse.label, " \n ", "cannot be empty"),
        (parse.label, "a\x1bb", "cannot be part of a name"),
    ],
)
def test_refusals_say_why(reader: object, text: str, needle: str) -> None:
    with pytest.raises(parse.ParseError) as info:
        reader(text)  # type: ignore[operator]
    assert needle in info.value.message


def test_what_people_type_is_read() -> None:
    assert parse.amount("15万") == D("150000.00")
    assert parse.amount("¥150,000") == D("150000.00")
    assert parse.term(" 36 ") == 36
    assert parse.term("１２") == 12
    assert parse.whole("1,000", lo=0, hi=10**6) == 1000
    assert parse.whole("1e3", lo=0, hi=10**6) == 1000
    assert parse.percent("4.9%") == D("4.9")
    assert parse.choice(" Equal_Installment ", RepaymentMethod) is RepaymentMethod.EQUAL_INSTALLMENT
    assert parse.label("  Pudong   store ") == "Pudong store"
    assert parse.id_or_label("3") == 3
    assert parse.id_or_label("Pudong") == "Pudong"
    assert parse.file_name("a" * 255) == "a" * 255


def test_shown_keeps_an_echo_on_one_short_line() -> None:
    assert parse.shown("a\nb") == "a\\nb"
    assert parse.shown("a\x00b\tc") == "a\\x00b\\tc"
    long = parse.shown("x" * 5000 + "END")
    assert len(long) <= parse.SHOWN_CHARS and long.endswith("END") and "…" in long
    assert parse.shown("门店") == "门店"

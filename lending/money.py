"""Money and rates as :class:`decimal.Decimal`.

Money is CNY quantized to the fen (0.01) with ROUND_HALF_UP.  Rates are
Decimal *percent* (``Decimal("4.9")`` means 4.9 %).  Nothing here ever
touches ``float``.
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)
TWELVE = Decimal(12)


class MoneyError(ValueError):
    """A value that cannot be read as an amount or a rate.

    ``code`` is a stable machine-readable reason; the UI translates it.
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def money(value: Decimal | int | str) -> Decimal:
    """Quantize to the fen, ROUND_HALF_UP.  Floats are refused."""
    if isinstance(value, float):
        raise TypeError("money() refuses float; pass Decimal, int or str")
    d = value if isinstance(value, Decimal) else Decimal(value)
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


def rate2(value: Decimal) -> Decimal:
    """A percent rate rounded to two decimals for display."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_decimal(text: str, *, field: str = "value") -> Decimal:
    """Read user text as a finite Decimal.

    Accepts thousands separators (``1,000``/``1，000``), full-width digits
    (``１５０００``) and surrounding white space; refuses NaN, infinities and
    anything else.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    cleaned = cleaned.replace(",", "").replace("_", "").replace(" ", "")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].strip()
    try:
        d = Decimal(cleaned)
    except (InvalidOperation, ValueError):
        raise MoneyError("not_a_number", f"{field} is not a number: {text!r}") from None
    if not d.is_finite():
        raise MoneyError("not_a_number", f"{field} is not a finite number: {text!r}")
    return d


TEN_THOUSAND = Decimal(10000)
_CURRENCY_MARKS = ("¥", "￥", "RMB", "CNY")


def parse_money(text: str, *, field: str = "amount") -> Decimal:
    """Read user text as an amount of CNY with at most two decimals.

    Also reads what staff at a Chinese counter type: a currency mark
    (``¥150000``, ``150000元``) and the 万 unit (``15万`` = 150,000.00,
    ``12.5万元`` = 125,000.00).  The result must still be whole fen.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for mark in _CURRENCY_MARKS:
        if cleaned.upper().startswith(mark):
            cleaned = cleaned[len(mark) :].strip()
    if cleaned.endswith("元"):
        cleaned = cleaned[:-1].strip()
    scale = Decimal(1)
    if cleaned.endswith("万"):
        cleaned, scale = cleaned[:-1].strip(), TEN_THOUSAND
    if cleaned.endswith("%"):
        raise MoneyError("not_a_number", f"{field} is not an amount: {text!r}")
    d = parse_decimal(cleaned, field=field) * scale
    if d != d.quantize(CENT, rounding=ROUND_HALF_UP):
        raise MoneyError("too_many_decimals", f"{field} has more than two decimals: {text!r}")
    return money(d)


def monthly_rate(annual_percent: Decimal) -> Decimal:
    """Nominal annual percent -> monthly fraction (4.9 -> 0.0040833…)."""
    return annual_percent / HUNDRED / TWELVE


def percent_of(amount: Decimal, percent: Decimal) -> Decimal:
    """``percent`` % of ``amount``, rounded to the fen."""
    return money(amount * percent / HUNDRED)


def format_cny(amount: Decimal) -> str:
    """``Decimal('1234567.8')`` -> ``'1,234,567.80'`` (no currency sign)."""
    return f"{money(amount):,.2f}"

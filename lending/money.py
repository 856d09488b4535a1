"""Money and rates as :class:`decimal.Decimal`.

Money is CNY quantized to the fen (0.01) with ROUND_HALF_UP.  Rates are
Decimal *percent* (``Decimal("4.9")`` means 4.9 %).  Nothing here ever
touches ``float``.
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
MAX_NUMBER_TEXT = 64
"""Longer text is not a number anyone typed (and never reaches ``Decimal``)."""
MAX_INTEGER_DIGITS = 15
"""Digits before the point: far above any amount, rate or count LoanDesk reads."""
MAX_DECIMAL_PLACES = 12
"""Digits after the point (trailing zeros aside): ``1e-999999`` is not a rate."""
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
    (``１５０００``) and surrounding white space; refuses NaN, infinities,
    text over :data:`MAX_NUMBER_TEXT` characters, numbers of
    :data:`MAX_INTEGER_DIGITS` digits or more before the point or more than
    :data:`MAX_DECIMAL_PLACES` after it (so no caller ever computes with
    ``1e309`` or ``1e-999999``), and anything else.
    """
    if len(text) > 4 * MAX_NUMBER_TEXT:
        raise MoneyError("too_long", f"{field} is too long to be a number")
    cleaned = unicodedata.normalize("NFKC", text).strip()
    cleaned = cleaned.replace(",", "").replace("_", "").replace(" ", "")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].strip()
    if len(cleaned) > MAX_NUMBER_TEXT:
        raise MoneyError("too_long", f"{field} is too long to be a number")
    try:
        d = Decimal(cleaned)
    except (InvalidOperation, ValueError):
        raise MoneyError("not_a_number", f"{field} is not a number: {text!r}") from None
    if not d.is_finite():
        raise MoneyError("not_a_number", f"{field} is not a finite number: {text!r}")
    if not d:
        return Decimal(0)  # "-0", "0e999999": plain zero, never "-0.00"
    if d.adjusted() >= MAX_INTEGER_DIGITS:
        raise MoneyError("too_large", f"{field} is too large: {text!r}")
    if _decimal_places(d) > MAX_DECIMAL_PLACES:
        raise MoneyError("too_many_decimals", f"{field} has too many decimals: {text!r}")
    return d


def _decimal_places(d: Decimal) -> int:
    """Digits after the point that matter (``1.500`` has one)."""
    _sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)  # finite
    if exponent >= 0 or not any(digits):
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing)


TEN_THOUSAND = Decimal(10000)
MAX_AMOUNT = Decimal(10) ** 9
"""No amount LoanDesk reads (price, loan, fee, income) is above one billion yuan."""
_CURRENCY_MARKS = ("¥", "￥", "RMB", "CNY")


def parse_money(text: str, *, field: str = "amount") -> Decimal:
    """Read user text as an amount of CNY with at most two decimals.

    Also reads what staff at a Chinese counter type: a currency mark
    (``¥150000``, ``150000元``) and the 万 unit (``15万`` = 150,000.00,
    ``12.5万元`` = 125,000.00).  The result must still be whole fen and at
    most :data:`MAX_AMOUNT` either way.
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
    if abs(d) > MAX_AMOUNT:
        raise MoneyError("too_large", f"{field} is above {MAX_AMOUNT:,}: {text!r}")
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

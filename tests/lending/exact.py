"""Exact arithmetic for the tests' own figures (independent of lending's Decimal code)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def fen(x: Fraction | Decimal) -> Decimal:
    """An exact value rounded half up to the fen."""
    if isinstance(x, Fraction):
        x = Decimal(x.numerator) / Decimal(x.denominator)
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

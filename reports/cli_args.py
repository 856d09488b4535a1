"""Reading command-line values: each helper raises one translated UserError sentence.

Shared by the headless ``quote``, ``on-road`` and ``appraise`` commands.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from lending.errors import UserError
from lending.money import MoneyError, money, parse_decimal
from lending.reasons import Reason
from resources.i18n import translator

TR_CONTEXT = "cli"

E = TypeVar("E", bound=StrEnum)


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def reasons_text(reasons: Iterable[Reason]) -> str:
    """Every reason, translated, as one line."""
    return " ".join(r.render(translator().reason) for r in reasons)


def number(text: str, option: str) -> Decimal:
    try:
        return parse_decimal(text, field=option)
    except MoneyError:
        raise UserError(
            _t("{option} must be a number, got '{value}'.").format(option=option, value=text)
        ) from None


def integer(text: str, option: str) -> int:
    value = number(text, option)
    if value != value.to_integral_value():
        raise UserError(
            _t("{option} must be a whole number, got '{value}'.").format(
                option=option, value=text
            )
        )
    return int(value)


def amount(text: str, option: str) -> Decimal:
    """A positive or zero amount of CNY with at most two decimals."""
    value = number(text, option)
    if value != money(value):
        raise UserError(_t("{option} can have at most two decimals (fen).").format(option=option))
    if value < 0:
        raise UserError(_t("{option} cannot be negative.").format(option=option))
    return value


def day(text: str | None, option: str, default: date | None = None) -> date:
    if text is None:
        return default or date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            _t("{option} must be a date like 2026-11-22, got '{value}'.").format(
                option=option, value=text
            )
        ) from None


def choice(text: str, option: str, kind: type[E]) -> E:
    try:
        return kind(text.strip().lower())
    except ValueError:
        raise UserError(
            _t("{option} must be one of: {choices}; got '{value}'.").format(
                option=option, choices=", ".join(m.value for m in kind), value=text
            )
        ) from None


def display_width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)

"""One formatter for every figure a person reads: screen, PDF, workbook and CLI.

Money is shown to the fen and percent to two decimals, both ROUND_HALF_UP
(6.125 -> 6.13, never the half-to-even of ``format(Decimal, ".2f")``); months,
dates and the labels of codes in the reader's language (:mod:`lending.labels`,
context ``Vocabulary``).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from lending import labels
from lending.money import CENT, format_cny
from resources.i18n import CHINESE, ENGLISH, Translator, translator

TR_CONTEXT = "Vocabulary"

TR_STRINGS = ("{n} months",)


def normalise_language(lang: str | None) -> str:
    """``zh``, ``zh_CN``, ``zh-CN`` -> zh_CN; anything else -> en; None -> Chinese."""
    if lang is None:
        return CHINESE
    return CHINESE if lang.lower().startswith("zh") else ENGLISH


def percent2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class Formatter:
    """Figures and labels in one language (``lang`` None: Chinese)."""

    def __init__(self, lang: str | None = None) -> None:
        self.lang = normalise_language(lang)
        self.tr: Translator = translator(self.lang)

    @property
    def zh(self) -> bool:
        return self.lang == CHINESE

    def money(self, amount: Decimal | None) -> str:
        """``1,234.50`` (no unit); ``-`` for none."""
        return "-" if amount is None else format_cny(amount)

    def cny(self, amount: Decimal | None) -> str:
        """An amount with its unit: "1,234.00 元" / "CNY 1,234.00"."""
        if amount is None:
            return "-"
        return f"{format_cny(amount)} 元" if self.zh else f"CNY {format_cny(amount)}"

    def percent(self, value: Decimal | None) -> str:
        return "-" if value is None else f"{percent2(value)}%"

    def months(self, n: int) -> str:
        return self.tr(TR_CONTEXT, "{n} months").format(n=n)

    def date(self, value: date | None) -> str:
        if value is None:
            return "-"
        if self.zh:
            return f"{value.year}年{value.month}月{value.day}日"
        return value.strftime("%d %b %Y")

    def label(self, table: str, code: str | None) -> str:
        """The label of a code (:mod:`lending.labels`) in this language."""
        text = labels.english(table, code)
        return self.tr(TR_CONTEXT, text) if text else text

    def method(self, code: str) -> str:
        return self.label("method", code)


@lru_cache(maxsize=4)
def formatter(lang: str | None = None) -> Formatter:
    return Formatter(lang)

"""Reading what a user typed: one bounded parser per kind of value.

Every number, amount, rate, count, term, record id, date, choice and file
name that reaches LoanDesk from a person (the command line's options, the
GUI's fields) is read here, so each has one set of bounds:

* amounts: at most :data:`~lending.money.MAX_AMOUNT` (10^9 yuan), two
  decimals, read by :func:`lending.money.parse_money` (``15万``, ``¥150,000``);
* other numbers: :func:`lending.money.parse_decimal` (no NaN, no infinity,
  fewer than 15 digits before the point, at most 12 after it), then the
  caller's range;
* whole numbers and terms (1 to :data:`~lending.schedule.MAX_TERM_MONTHS`);
* record ids: 1 to 2^63 - 1 (what a database's BIGINT holds);
* names typed on one line: blanks collapsed, not empty, no control
  characters, at most 200 characters;
* dates: ISO ``YYYY-MM-DD`` from :data:`MIN_DATE` to :data:`MAX_DATE`, so a
  480-month plan from the last date still ends in a valid year;
* file names: not empty, no NUL, at most 255 bytes per name and 4096 in all.

Text is never converted before its length is checked, so no input costs more
than a few microseconds (``1e999999`` is refused, never expanded; a
4,300-digit integer never reaches ``int``).

A refusal is a :class:`ParseError` carrying one :class:`~lending.reasons.Reason`
that names neither the field nor the option: the GUI shows it beside the
field, the command line after the option's name.  The value the user typed is
echoed through :func:`shown`, so a message is always one short line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from lending.money import MAX_AMOUNT, MoneyError, parse_decimal, parse_money
from lending.reasons import Reason, ReasonsError
from lending.schedule import MAX_TERM_MONTHS

E = TypeVar("E", bound=StrEnum)

MAX_ID = 2**63 - 1
"""The largest record id (SQLite INTEGER, PostgreSQL BIGINT)."""
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2200, 12, 31)
MAX_NAME_BYTES = 255
"""One file or folder name (ext4, NTFS, APFS)."""
MAX_PATH_BYTES = 4096
"""A whole path (Linux PATH_MAX)."""
SHOWN_CHARS = 40

MESSAGES: dict[str, str] = {
    "parse.not_a_number": "'{value}' is not a number.",
    "parse.too_long": "'{value}' is too long to be a number.",
    "parse.out_of_range": "'{value}' is out of range: give a number from {lo} to {hi}.",
    "parse.too_large": "'{value}' is too large.",
    "parse.below": "'{value}' is too small: give at least {lo}.",
    "parse.above": "'{value}' is too large: give at most {hi}.",
    "parse.too_many_decimals": "'{value}' has too many decimals.",
    "parse.negative": "'{value}' cannot be negative.",
    "parse.money_decimals": "'{value}' has more than two decimals (fen).",
    "parse.amount_too_large": "'{value}' is above the largest amount LoanDesk takes ({max} yuan).",
    "parse.not_whole": "'{value}' is not a whole number.",
    "parse.whole_out_of_range": (
        "'{value}' is out of range: give a whole number from {lo} to {hi}."
    ),
    "parse.term_out_of_range": (
        "The term must be a whole number of months from 1 to {max}, not '{value}'."
    ),
    "parse.not_an_id": "'{value}' is not a record number (a whole number from 1 to {max}).",
    "parse.not_a_date": "'{value}' is not a date like 2026-11-22.",
    "parse.date_out_of_range": "'{value}' is outside the dates LoanDesk takes ({lo} to {hi}).",
    "parse.not_a_choice": "'{value}' is not one of: {choices}.",
    "parse.no_text": "This cannot be empty.",
    "parse.text_too_long": "'{value}' is too long: at most {max} characters.",
    "parse.text_control": "'{value}' holds characters that cannot be part of a name.",
    "parse.no_file_name": "A file name is needed.",
    "parse.file_name_nul": "'{value}' is not a file name (it holds a NUL character).",
    "parse.file_name_too_long": (
        "The name '{value}' is too long: a file or folder name has at most {max} bytes."
    ),
    "parse.path_too_long": "The path '{value}' is too long: at most {max} bytes in all.",
    "parse.side_file": (
        "'{value}' is the name of a database's side file (-wal, -shm, -journal, .lease), "
        "not of a database."
    ),
    "parse.no_such_home": "'{value}' starts with ~ but there is no such user on this computer.",
}


class ParseError(ReasonsError):
    """Text that is not a value of the kind asked for; ``reason`` says why."""

    def __init__(self, code: str, text: str, **params: object) -> None:
        super().__init__([Reason.of(MESSAGES, code, value=shown(text), **params)])


def shown(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` as a message may echo it: one line, at most ``limit`` characters.

    Control characters (a newline, a tab, NUL, an undecodable byte) are
    written as escapes (``\\n``); a long text keeps its start and its end.
    """
    if len(text) > limit:
        head, tail = text[: limit - 11], text[-10:]
        return _escaped(head) + "…" + _escaped(tail)
    return _escaped(text)


def _escaped(text: str) -> str:
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape", "backslashreplace").decode("ascii")
        for ch in text
    )


def _grouped(value: Decimal | int) -> str:
    return f"{value:,}"


# ---------------------------------------------------------------------------
# numbers
# ---------------------------------------------------------------------------


def _decimal(text: str, out_of_range: ParseError) -> Decimal:
    """``parse_decimal``; a number too large for it is ``out_of_range``."""
    try:
        return parse_decimal(text)
    except MoneyError as exc:
        raise _from_money_error(exc, text, out_of_range) from None


def _from_money_error(exc: MoneyError, text: str, out_of_range: ParseError) -> ParseError:
    if exc.code == "too_long":
        return ParseError("parse.too_long", text)
    if exc.code == "too_many_decimals":
        return ParseError("parse.too_many_decimals", text)
    if exc.code == "too_large":
        return out_of_range
    return ParseError("parse.not_a_number", text)


def _in_range(
    value: Decimal, text: str, lo: Decimal | int | None, hi: Decimal | int | None
) -> None:
    if lo is not None and value < lo and lo == 0:
        raise ParseError("parse.negative", text)
    if lo is not None and hi is not None and not lo <= value <= hi:
        raise ParseError("parse.out_of_range", text, lo=_grouped(lo), hi=_grouped(hi))
    if hi is None and lo is not None and value < lo:
        raise ParseError("parse.below", text, lo=_grouped(lo))
    if lo is None and hi is not None and value > hi:
        raise ParseError("parse.above", text, hi=_grouped(hi))


def number(
    text: str, *, lo: Decimal | int | None = None, hi: Decimal | int | None = None
) -> Decimal:
    """A finite decimal number (``1,000``, ``５``, ``4.9%``) from ``lo`` to ``hi``."""
    if lo is None or hi is None:
        too_large = ParseError("parse.too_large", text)
    else:
        too_large = ParseError("parse.out_of_range", text, lo=_grouped(lo), hi=_grouped(hi))
    value = _decimal(text, too_large)
    _in_range(value, text, lo, hi)
    return value


def percent(text: str, *, lo: Decimal | int = 0, hi: Decimal | int = 100) -> Decimal:
    """A rate or share in percent, 0 to 100 unless said otherwise."""
    return number(text, lo=lo, hi=hi)


def amount(text: str, *, lo: Decimal | int | None = 0, hi: Decimal = MAX_AMOUNT) -> Decimal:
    """An amount of CNY: whole fen, from ``lo`` (0: not negative; None: -10^9) to 10^9.

    Reads what counter staff type (``15万``, ``¥150,000元``), like the GUI.
    """
    try:
        value = parse_money(text)
    except MoneyError as exc:
        if exc.code == "too_many_decimals":
            raise ParseError("parse.money_decimals", text) from None
        too_large = ParseError("parse.amount_too_large", text, max=_grouped(hi))
        raise _from_money_error(exc, text, too_large) from None
    if value > hi:
        raise ParseError("parse.amount_too_large", text, max=_grouped(hi))
    _in_range(value, text, lo, hi)
    return value


def _plain_digits(text: str) -> str | None:
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace("_", "")
    body = cleaned[1:] if cleaned[:1] in "+-" else cleaned
    if body.isascii() and body.isdigit():
        return cleaned
    return None


def whole(text: str, *, lo: int, hi: int, code: str = "parse.whole_out_of_range") -> int:
    """A whole number from ``lo`` to ``hi`` (``1,000``, ``12.0`` and ``1e3`` too)."""
    if code == "parse.term_out_of_range":
        out_of_range = ParseError(code, text, max=hi)
    else:
        out_of_range = ParseError(code, text, lo=_grouped(lo), hi=_grouped(hi))
    digits = _plain_digits(text[:64])
    if digits is not None and len(text) <= 64:
        value = int(digits)  # at most 64 digits: cheap
    else:
        d = _decimal(text, out_of_range)
        if d != d.to_integral_value():
            raise ParseError("parse.not_whole", text)
        value = int(d)  # fewer than 15 digits (parse_decimal's bound)
    if lo == 0 and value < 0 and code != "parse.term_out_of_range":
        raise ParseError("parse.negative", text)
    if not lo <= value <= hi:
        raise out_of_range
    return value


def term(text: str) -> int:
    """A loan term in months, 1 to :data:`~lending.schedule.MAX_TERM_MONTHS`."""
    return whole(text, lo=1, hi=MAX_TERM_MONTHS, code="parse.term_out_of_range")


def record_id(text: str) -> int:
    """A record number: a whole number from 1 to 2^63 - 1."""
    digits = _plain_digits(text[:32])
    if digits is None or len(text) > 32 or not digits.isdigit():
        raise ParseError("parse.not_an_id", text, max=_grouped(MAX_ID))
    value = int(digits)
    if not 1 <= value <= MAX_ID:
        raise ParseError("parse.not_an_id", text, max=_grouped(MAX_ID))
    return value


# ---------------------------------------------------------------------------
# dates and choices
# ---------------------------------------------------------------------------


def day(text: str, *, lo: date = MIN_DATE, hi: date = MAX_DATE) -> date:
    """An ISO date ``YYYY-MM-DD`` from ``lo`` to ``hi`` (1900-01-01 to 2200-12-31)."""
    cleaned = unicodedata.normalize("NFKC", text[:64]).strip()
    try:
        if len(text) > 64 or not cleaned.isascii():
            raise ValueError
        value = date.fromisoformat(cleaned)
    except ValueError:
        raise ParseError("parse.not_a_date", text) from None
    if not lo <= value <= hi:
        raise ParseError("parse.date_out_of_range", text, lo=lo.isoformat(), hi=hi.isoformat())
    return value


def choice(text: str, kind: type[E], choices: Iterable[E] | None = None) -> E:
    """One of the enum's values (case and surrounding blanks do not matter)."""
    allowed = list(kind if choices is None else choices)
    wanted = unicodedata.normalize("NFKC", text[:64]).strip().lower()
    for member in allowed:
        if member.value == wanted:
            return member
    raise ParseError("parse.not_a_choice", text, choices=", ".join(m.value for m in allowed))


def label(text: str, *, max_chars: int = 200) -> str:
    """A name typed on one line (a store, a person): blanks collapsed, not empty."""
    if len(text) > 4 * max_chars:
        raise ParseError("parse.text_too_long", text, max=max_chars)
    value = " ".join(text.split())
    if not value:
        raise ParseError("parse.no_text", text)
    if len(value) > max_chars:
        raise ParseError("parse.text_too_long", text, max=max_chars)
    if not value.isprintable():
        raise ParseError("parse.text_control", text)
    return value


def id_or_label(text: str, *, max_chars: int = 200) -> int | str:
    """A record by its number (``3``) or its name (``Pudong store``)."""
    value = label(text, max_chars=max_chars)
    if value.isascii() and value.isdigit():
        return record_id(value)
    return value


# ---------------------------------------------------------------------------
# file names
# ---------------------------------------------------------------------------


def file_name(text: str, *, empty_ok: bool = False) -> str:
    """A path as typed, refused when no file system would take it; returned unchanged.

    ``empty_ok``: "" is allowed (an option whose empty value means "the default").
    """
    if not text.strip():
        if empty_ok and not text:
            return text
        raise ParseError("parse.no_file_name", text)
    if "\x00" in text:
        raise ParseError("parse.file_name_nul", text)
    raw = text.encode("utf-8", "surrogateescape")
    if len(raw) > MAX_PATH_BYTES:
        raise ParseError("parse.path_too_long", text, max=_grouped(MAX_PATH_BYTES))
    for part in text.replace("\\", "/").split("/"):
        if len(part.encode("utf-8", "surrogateescape")) > MAX_NAME_BYTES:
            raise ParseError("parse.file_name_too_long", part, max=MAX_NAME_BYTES)
    return text

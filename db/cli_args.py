"""The command line's value types: ``argparse`` ``type=`` wrappers over :mod:`lending.parse`.

Every headless command (``main.py``, ``db.commands``, ``reports.cli_*``)
declares its options with these types, so each value is read - and refused -
by the same bounded parser as the GUI's fields, while the command line is
still being parsed: a bad value is one line on stderr and exit status 2
before any command opens a database or a file.  The message is
``loandesk COMMAND: error: argument --OPTION: <the reason, translated>``.

Also here: the helpers the commands share for what they print
(:func:`reasons_text`, :func:`display_width`) and :func:`one_line`, which
keeps any message on one line.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from db.paths import database_path, user_path
from lending import parse
from lending.reasons import Reason
from resources.i18n import translator

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)

MAX_MESSAGE_CHARS = 400
MAX_USER_NAME_CHARS = 64
"""The longest user name an account can have (``db.services.staff.check_new_account``)."""


def reasons_text(reasons: Iterable[Reason]) -> str:
    """Every reason, translated, as one line."""
    return " ".join(r.render(translator().reason) for r in reasons)


def display_width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` as one line of at most ``limit`` characters (control characters escaped)."""
    return parse.shown(text.rstrip("\n"), limit=limit)


class _Type:
    """An argparse ``type=``: ``parse`` the text; a ParseError becomes argparse's error."""

    def __init__(self, name: str, read: Callable[[str], object]) -> None:
        self.__name__ = name  # argparse names the type in its own messages
        self._read = read

    def __call__(self, text: str) -> object:
        try:
            return self._read(text)
        except parse.ParseError as exc:
            raise argparse.ArgumentTypeError(reasons_text(exc.reasons)) from None

    def __repr__(self) -> str:
        return f"<type {self.__name__}>"


def _typed(name: str, read: Callable[[str], T]) -> Callable[[str], T]:
    return _Type(name, read)  # type: ignore[return-value]


amount: Callable[[str], Decimal] = _typed("amount", parse.amount)
"""An amount of CNY, 0 to 10^9, whole fen (``15万`` and ``¥150,000`` too)."""
signed_amount: Callable[[str], Decimal] = _typed("amount", lambda text: parse.amount(text, lo=None))
"""An amount that may be negative (the command then says what it must be)."""
percent: Callable[[str], Decimal] = _typed("percent", parse.percent)
"""A rate or share in percent, 0 to 100."""
term: Callable[[str], int] = _typed("term", parse.term)
"""A loan term, 1 to 480 months."""
record_id: Callable[[str], int] = _typed("id", parse.record_id)
"""A record number, 1 to 2^63 - 1."""
day: Callable[[str], date] = _typed("date", parse.day)
"""An ISO date, 1900-01-01 to 2200-12-31."""
label: Callable[[str], str] = _typed("name", parse.label)
"""A name on one line (a store's), at most 200 characters."""
user_name: Callable[[str], str] = _typed(
    "name", lambda text: parse.label(text, max_chars=MAX_USER_NAME_CHARS)
)
"""``--user``: a user name an account can have (at most 64 characters, one line)."""
store: Callable[[str], int | str] = _typed("store", parse.id_or_label)
"""``--store``: a store's number or its name."""
file_name: Callable[[str], str] = _typed("file", user_path)
"""A path any file system takes (returned as typed)."""
database_file: Callable[[str], str] = _typed(
    "file", lambda text: text if text == "" else database_path(text)
)
"""``--db``: like :data:`file_name`, and "" still means the default database."""


def number(
    lo: Decimal | int | None = None,
    hi: Decimal | int | None = None,
) -> Callable[[str], Decimal]:
    """A decimal number from ``lo`` to ``hi``."""
    return _typed("number", lambda text: parse.number(text, lo=lo, hi=hi))


def whole(lo: int, hi: int) -> Callable[[str], int]:
    """A whole number from ``lo`` to ``hi``."""
    return _typed("whole number", lambda text: parse.whole(text, lo=lo, hi=hi))


def choice(kind: type[E]) -> Callable[[str], E]:
    """One of ``kind``'s values."""
    return _typed(kind.__name__, lambda text: parse.choice(text, kind))

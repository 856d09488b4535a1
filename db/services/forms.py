"""Read form values (str from a line edit, or already typed) and collect errors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from db.services.base import ValidationError
from db.services.messages import reason
from lending.money import MoneyError, parse_decimal, parse_money
from lending.reasons import Reason

E = TypeVar("E", bound=StrEnum)
MoneyIn = Decimal | int | str | None
IntIn = int | str | None


class Form:
    def __init__(self) -> None:
        self.errors: dict[str, Reason | str] = {}

    def error(self, field: str, why: Reason | str) -> None:
        self.errors.setdefault(field, why)

    def money(self, field: str, value: MoneyIn, *, required: bool = False) -> Decimal | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(field, reason("required"))
            return None
        try:
            if isinstance(value, str):
                d = parse_money(value, field=field)
            else:
                if isinstance(value, float):
                    raise TypeError
                d = parse_money(str(value), field=field)
        except (MoneyError, TypeError):
            self.error(field, reason("money.invalid"))
            return None
        if d < 0:
            self.error(field, reason("money.negative"))
            return None
        return d

    def decimal(self, field: str, value: MoneyIn, *, required: bool = False) -> Decimal | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(field, reason("required"))
            return None
        try:
            d = parse_decimal(str(value), field=field)
        except MoneyError:
            self.error(field, reason("number.invalid"))
            return None
        if d < 0:
            self.error(field, reason("number.negative"))
            return None
        return d

    def integer(self, field: str, value: IntIn, *, required: bool = False) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(field, reason("required"))
            return None
        try:
            if isinstance(value, bool):
                raise ValueError
            n = int(value.strip().replace(",", "")) if isinstance(value, str) else int(value)
        except ValueError:
            self.error(field, reason("number.invalid"))
            return None
        if n < 0:
            self.error(field, reason("number.negative"))
            return None
        return n

    def choice(
        self, field: str, value: str | None, enum: type[E], *, required: bool = False
    ) -> E | None:
        if value is None or value == "":
            if required:
                self.error(field, reason("required"))
            return None
        try:
            return enum(value)
        except ValueError:
            self.error(field, reason("choice.invalid"))
            return None

    def text(
        self, field: str, value: str | None, *, required: bool = False, max_len: int = 2000
    ) -> str | None:
        v = (value or "").strip()
        if not v:
            if required:
                self.error(field, reason("required"))
            return None
        if len(v) > max_len:
            self.error(field, reason("text.too_long", max=max_len))
            return None
        return v

    def day(self, field: str, value: date | str | None, *, required: bool = False) -> date | None:
        if value is None or value == "":
            if required:
                self.error(field, reason("required"))
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            self.error(field, reason("date.invalid"))
            return None

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

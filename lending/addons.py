"""The add-on catalogue: insurance, warranty, GPS, maintenance and services a store sells.

DOMAIN.md: no forced bundling - each add-on is an optional line with its own
price; a lender may *require* one (full vehicle insurance with the lender as
first beneficiary), and the customer still picks the insurer.  An add-on has

* a **kind** (:class:`AddOnKind`): compulsory insurance (交强险), commercial
  insurance (商业险), extended warranty, GPS, maintenance, other services;
* Chinese and English **names** (printed on the customer's paper, so the
  forbidden wording is refused here too);
* a **price rule** (:class:`PriceRule`): a fixed amount, a percentage of the
  vehicle price, the store's own on-road line (compulsory insurance by seats,
  GPS installation - one figure, kept in the store settings), or quoted at
  the counter (the insurer's quote for commercial insurance);
* the **lenders that require it** (by name) and whether it **may be
  financed** (added to the loan) or is paid in cash.

This module only reads, validates and prices; storing is ``db``'s.  Data
comes as JSON-friendly dicts (:func:`add_on_to_data` / :func:`read_add_on`),
every problem as a :class:`~lending.reasons.Reason` keyed by the field, so a
form shows it beside the cell and the command line names row and field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from lending.money import CENT, money, percent_of
from lending.onroad import compulsory_insurance
from lending.reasons import Reason
from lending.settings import DEFAULT_ON_ROAD_SETTINGS, LendingSettings, OnRoadSettings

MAX_NAME_CHARS = 100
MAX_ADD_ONS = 500
"""A store's catalogue holds at most this many add-ons (a file with more is refused)."""
MAX_FIXED_PRICE = Decimal(1_000_000)
CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")

MESSAGES: dict[str, str] = {
    "addon.missing": "This cannot be left empty.",
    "addon.code": "Use 1 to 40 lower-case letters, digits and _, starting with a letter.",
    "addon.code_twice": "The code '{given}' is used by two add-ons.",
    "addon.kind": "Choose one of: {choices}.",
    "addon.rule": "Choose one of: {choices}.",
    "addon.name_long": "At most {n} characters.",
    "addon.name_control": "A name is one line of printable characters.",
    "addon.name_forbidden": "Printed for customers, so it may not contain: {words}.",
    "addon.not_text": "Enter text here.",
    "addon.not_yes_no": "Enter yes or no.",
    "addon.not_number": "Enter a number, e.g. {example}.",
    "addon.price_needed": "A fixed price needs the amount in CNY.",
    "addon.percent_needed": "A percentage of the price needs the percentage.",
    "addon.price_range": "Enter an amount from 0 to {max} CNY, to the fen.",
    "addon.percent_range": "Enter a percentage above 0 and at most 100.",
    "addon.no_amount": "This price rule takes no amount; leave it empty.",
    "addon.on_road_kind": (
        "Only compulsory insurance and GPS are priced as the store's on-road line."
    ),
    "addon.lenders_list": "List the lenders by name.",
    "addon.lender_twice": "'{lender}' is listed twice.",
    "addon.lender_unknown": "There is no lender '{lender}' in this store's catalogue.",
    "addon.too_many": "At most {n} add-ons.",
    "addon.unknown_field": "'{field}' is not a field of an add-on.",
}


class AddOnKind(StrEnum):
    COMPULSORY_INSURANCE = "compulsory_insurance"
    """交强险: required by law, priced by seats (the store's on-road settings)."""
    COMMERCIAL_INSURANCE = "commercial_insurance"
    """商业险 (full or basic cover): quoted by the insurer the customer picks."""
    WARRANTY = "warranty"
    GPS = "gps"
    MAINTENANCE = "maintenance"
    SERVICE = "service"
    OTHER = "other"


class PriceRule(StrEnum):
    FIXED = "fixed"
    """``amount`` CNY."""
    PERCENT_OF_PRICE = "percent_of_price"
    """``amount`` percent of the vehicle price, to the fen."""
    ON_ROAD = "on_road"
    """The store's on-road line of the same name (compulsory insurance, GPS)."""
    QUOTED = "quoted"
    """Priced at the counter (an insurer's quote)."""


ON_ROAD_LINE: Mapping[AddOnKind, str] = {
    AddOnKind.COMPULSORY_INSURANCE: "compulsory_insurance",
    AddOnKind.GPS: "gps",
}
"""The on-road cost line (``lending.settings.ON_ROAD_LINES``) an ``on_road`` price is."""

PLAN_KIND: Mapping[AddOnKind, str] = {
    AddOnKind.COMPULSORY_INSURANCE: "insurance",
    AddOnKind.COMMERCIAL_INSURANCE: "insurance",
    AddOnKind.WARRANTY: "warranty",
    AddOnKind.GPS: "service",
    AddOnKind.MAINTENANCE: "service",
    AddOnKind.SERVICE: "service",
    AddOnKind.OTHER: "other",
}
"""The kind a plan's add-on line is saved under (``db.models.enums.AddOnKind``)."""

FIELDS: tuple[str, ...] = (
    "code",
    "kind",
    "name_zh",
    "name",
    "rule",
    "amount",
    "required_by",
    "financeable",
    "active",
)
"""The fields of an add-on, in the order a table shows them."""


@dataclass(frozen=True)
class AddOn:
    code: str
    """Stable: identifies the add-on in an exported file."""
    kind: AddOnKind
    name: str
    """English."""
    name_zh: str
    rule: PriceRule
    amount: Decimal | None = None
    """CNY for :attr:`PriceRule.FIXED`, percent for :attr:`PriceRule.PERCENT_OF_PRICE`."""
    required_by: tuple[str, ...] = ()
    """Lenders (by name) that require it for their loans."""
    financeable: bool = False
    """May be added to the loan amount (otherwise paid in cash)."""
    active: bool = True

    @property
    def plan_kind(self) -> str:
        return PLAN_KIND[self.kind]

    def required_for(self, lender: str) -> bool:
        return lender.strip() in self.required_by

    def name_in(self, language: str) -> str:
        return self.name_zh if language.startswith("zh") else self.name


def price_for(
    add_on: AddOn,
    *,
    vehicle_price: Decimal,
    seats: int | None = None,
    on_road: OnRoadSettings = DEFAULT_ON_ROAD_SETTINGS,
) -> Decimal | None:
    """The add-on's price for this car (None: quoted at the counter)."""
    if add_on.rule is PriceRule.FIXED:
        assert add_on.amount is not None
        return money(add_on.amount)
    if add_on.rule is PriceRule.PERCENT_OF_PRICE:
        assert add_on.amount is not None
        return percent_of(vehicle_price, add_on.amount)
    if add_on.rule is PriceRule.ON_ROAD:
        if add_on.kind is AddOnKind.GPS:
            return money(on_road.gps_fee)
        return compulsory_insurance(on_road.default_seats if seats is None else seats, on_road)
    return None


def add_on_to_data(a: AddOn) -> dict[str, Any]:
    """JSON-friendly: Decimals as strings; :func:`read_add_on` reads it back."""
    return {
        "code": a.code,
        "kind": a.kind.value,
        "name": a.name,
        "name_zh": a.name_zh,
        "rule": a.rule.value,
        "amount": None if a.amount is None else str(a.amount),
        "required_by": list(a.required_by),
        "financeable": a.financeable,
        "active": a.active,
    }


# --- reading -----------------------------------------------------------------------


def _reason(code: str, **params: object) -> Reason:
    return Reason.of(MESSAGES, code, **params)


class _Reader:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.reasons: list[tuple[str, Reason]] = []

    def bad(self, key: str, code: str, **params: object) -> None:
        self.reasons.append((key, _reason(code, **params)))

    def text(self, key: str) -> str:
        raw = self.data.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            self.bad(key, "addon.missing")
            return ""
        if not isinstance(raw, str):
            self.bad(key, "addon.not_text")
            return ""
        return raw

    def name(self, key: str) -> str:
        raw = self.text(key)
        if len(raw) > 4 * MAX_NAME_CHARS:
            self.bad(key, "addon.name_long", n=MAX_NAME_CHARS)
            return ""
        value = " ".join(raw.split())
        if len(value) > MAX_NAME_CHARS:
            self.bad(key, "addon.name_long", n=MAX_NAME_CHARS)
        elif value and not value.isprintable():
            self.bad(key, "addon.name_control")
        return value

    def choice(self, key: str, kind: type[StrEnum], code: str) -> Any:
        raw = self.data.get(key)
        choices = ", ".join(m.value for m in kind)
        if isinstance(raw, str):
            try:
                return kind(raw.strip().lower())
            except ValueError:
                pass
        self.bad(key, "addon.missing" if raw in (None, "") else code, choices=choices)
        return None

    def flag(self, key: str, default: bool) -> bool:
        raw = self.data.get(key, default)
        if raw is None:
            return default
        if not isinstance(raw, bool):
            self.bad(key, "addon.not_yes_no")
            return default
        return raw

    def number(self, key: str) -> Decimal | None:
        raw = self.data.get(key)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if isinstance(raw, bool) or not isinstance(raw, (str, int, Decimal)):
            self.bad(key, "addon.not_number", example="950")
            return None
        if isinstance(raw, Decimal):
            value = raw
        else:
            from lending import parse

            try:
                value = parse.number(str(raw))
            except parse.ParseError:
                self.bad(key, "addon.not_number", example="950")
                return None
        if not value.is_finite():
            self.bad(key, "addon.not_number", example="950")
            return None
        return value

    def lenders(self, key: str) -> tuple[str, ...]:
        raw = self.data.get(key, ())
        if raw is None:
            return ()
        if (
            isinstance(raw, (str, bytes))
            or not isinstance(raw, Sequence)
            or not all(isinstance(x, str) for x in raw)
        ):
            self.bad(key, "addon.lenders_list")
            return ()
        out: list[str] = []
        for item in raw:
            name = " ".join(item.split())
            if not name:
                continue
            if name in out:
                self.bad(key, "addon.lender_twice", lender=name)
                continue
            out.append(name)
        return tuple(out)


def read_add_on(
    data: Mapping[str, Any],
    *,
    lenders: Iterable[str] | None = None,
    settings: LendingSettings | None = None,
) -> tuple[AddOn | None, list[tuple[str, Reason]]]:
    """One add-on from JSON-friendly data, and every problem as ``(field, Reason)``.

    ``lenders``: the store's lender names (a required-by lender must be one);
    ``settings``: the store's forbidden wording, checked in both names.
    The add-on is None when there is any problem.
    """
    if not isinstance(data, Mapping):
        return None, [("", _reason("addon.not_text"))]
    r = _Reader(data)
    for key in data:
        if key not in FIELDS:
            r.bad(str(key), "addon.unknown_field", field=key)
    code = r.text("code").strip()
    if code and not CODE.match(code):
        r.bad("code", "addon.code")
    kind = r.choice("kind", AddOnKind, "addon.kind")
    name = r.name("name")
    name_zh = r.name("name_zh")
    rule = r.choice("rule", PriceRule, "addon.rule")
    amount = r.number("amount")
    if rule is PriceRule.FIXED:
        if amount is None:
            if not any(k == "amount" for k, _ in r.reasons):
                r.bad("amount", "addon.price_needed")
        elif not (0 <= amount <= MAX_FIXED_PRICE and amount == amount.quantize(CENT)):
            r.bad("amount", "addon.price_range", max=f"{MAX_FIXED_PRICE:,}")
    elif rule is PriceRule.PERCENT_OF_PRICE:
        if amount is None:
            if not any(k == "amount" for k, _ in r.reasons):
                r.bad("amount", "addon.percent_needed")
        elif not 0 < amount <= 100:
            r.bad("amount", "addon.percent_range")
    elif rule is not None and amount is not None:
        r.bad("amount", "addon.no_amount")
    if rule is PriceRule.ON_ROAD and kind is not None and kind not in ON_ROAD_LINE:
        r.bad("rule", "addon.on_road_kind")
    required_by = r.lenders("required_by")
    if lenders is not None:
        known = {" ".join(n.split()) for n in lenders}
        for lender in required_by:
            if lender not in known:
                r.bad("required_by", "addon.lender_unknown", lender=lender)
    financeable = r.flag("financeable", False)
    active = r.flag("active", True)
    if settings is not None:
        from lending.compliance import find_forbidden_wording

        for key, text in (("name", name), ("name_zh", name_zh)):
            words = find_forbidden_wording(text, settings) if text else []
            if words:
                r.bad(key, "addon.name_forbidden", words=" / ".join(words))
    if r.reasons:
        return None, r.reasons
    assert kind is not None and rule is not None
    if amount is not None and rule is PriceRule.FIXED:
        amount = money(amount)
    return AddOn(code, kind, name, name_zh, rule, amount, required_by, financeable, active), []


def read_add_ons(
    items: Sequence[Any],
    *,
    lenders: Iterable[str] | None = None,
    settings: LendingSettings | None = None,
) -> tuple[tuple[AddOn, ...], list[tuple[int, str, Reason]]]:
    """Every add-on of a list, and every problem as ``(row index, field, Reason)``
    (row -1: the list itself); codes must be unique."""
    known = None if lenders is None else list(lenders)
    out: list[AddOn] = []
    problems: list[tuple[int, str, Reason]] = []
    if len(items) > MAX_ADD_ONS:
        return (), [(-1, "", _reason("addon.too_many", n=MAX_ADD_ONS))]
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        add_on, reasons = read_add_on(item, lenders=known, settings=settings)
        problems.extend((i, key, reason) for key, reason in reasons)
        code = str(item.get("code", "")).strip() if isinstance(item, Mapping) else ""
        if code:
            if code in seen:
                problems.append((i, "code", _reason("addon.code_twice", given=code)))
            seen.setdefault(code, i)
        if add_on is not None:
            out.append(add_on)
    return (tuple(out) if not problems else ()), problems

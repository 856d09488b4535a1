"""The on-the-road price (落地价): vehicle price plus every cost line.

DOMAIN.md "The whole deal".  Each line carries a stable ``code``, an English
``label`` template (translated by the caller, context ``Reason``), its
amount and whether it is financed or paid in cash; the amounts default from
:class:`lending.settings.OnRoadSettings` and any line can be overridden per
deal.

* **Purchase tax** (车辆购置税), new cars only: price / (1 + VAT) x 10 %.
  New-energy cars get the relief of the :class:`~lending.settings.NevTaxRule`
  in force on the purchase date (2024-2025 exempt up to 30,000; 2026-2027
  halved, the reduction at most 15,000; none from 2028).  The tax is
  computed unrounded and rounded to the fen once, after the relief.
* **Compulsory insurance** (交强险) by seats.
* **Vehicle and vessel tax** (车船税) by displacement band, pro rata for the
  months left in the year, the purchase month included (yearly / 12 x
  months); NEVs are exempt.
* Registration (上牌), GPS, the **finance service fee** (金融服务费, loan
  related: part of the APR, see :mod:`lending.deal`), and for used cars the
  transfer fee (过户费) instead of purchase tax.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext
from enum import StrEnum

from lending.money import HUNDRED, ZERO, money
from lending.reasons import Reason, ReasonsError
from lending.settings import DEFAULT_ON_ROAD_SETTINGS, ON_ROAD_LINES, OnRoadSettings

MESSAGES: dict[str, str] = {
    "onroad.purchase_tax": "Purchase tax",
    "onroad.compulsory_insurance": "Compulsory traffic insurance",
    "onroad.vessel_tax": "Vehicle and vessel tax",
    "onroad.registration": "Registration",
    "onroad.gps": "GPS installation",
    "onroad.finance_service_fee": "Finance service fee",
    "onroad.transfer_fee": "Title transfer fee",
    "onroad.price_not_positive": "The vehicle price must be greater than zero.",
    "onroad.seats_invalid": "The number of seats must be between 1 and 60.",
    "onroad.displacement_invalid": "The displacement must be between 0.1 and 10 litres.",
    "onroad.amount_negative": "The amount of '{line}' cannot be negative.",
    "onroad.unknown_line": "There is no on-road cost line '{line}'.",
}

LINE_CODES: tuple[str, ...] = ON_ROAD_LINES


class VehicleKind(StrEnum):
    NEW = "new"
    USED = "used"


class Energy(StrEnum):
    PETROL = "petrol"
    DIESEL = "diesel"
    HYBRID = "hybrid"
    """A conventional (non plug-in) hybrid: full tax."""
    NEV = "nev"
    """Battery, plug-in or range-extender hybrid, fuel cell: the NEV rules."""


class OnRoadError(ReasonsError):
    """The on-road costs cannot be worked out; ``reasons`` says why."""


@dataclass(frozen=True)
class CostLine:
    code: str
    label: str
    """English template; translate with the ``Reason`` context."""
    amount: Decimal
    financed: bool


@dataclass(frozen=True)
class OnRoadQuote:
    price: Decimal
    lines: tuple[CostLine, ...]

    @property
    def purchase_tax(self) -> Decimal:
        return self.line("purchase_tax").amount

    def line(self, code: str) -> CostLine:
        for line in self.lines:
            if line.code == code:
                return line
        raise KeyError(code)

    @property
    def total(self) -> Decimal:
        """The on-the-road price: price + every line."""
        return self.price + sum((line.amount for line in self.lines), ZERO)

    @property
    def financed_lines_total(self) -> Decimal:
        return sum((line.amount for line in self.lines if line.financed), ZERO)

    @property
    def cash_lines_total(self) -> Decimal:
        return sum((line.amount for line in self.lines if not line.financed), ZERO)


def full_purchase_tax(
    price: Decimal, settings: OnRoadSettings = DEFAULT_ON_ROAD_SETTINGS
) -> Decimal:
    """price / (1 + VAT) x purchase-tax rate, *unrounded* (28 digits)."""
    with localcontext() as ctx:
        ctx.prec = 28
        return (
            price / (1 + settings.vat_percent / HUNDRED) * settings.purchase_tax_percent / (HUNDRED)
        )


def purchase_tax(
    price: Decimal,
    energy: Energy,
    on: date,
    vehicle: VehicleKind = VehicleKind.NEW,
    settings: OnRoadSettings = DEFAULT_ON_ROAD_SETTINGS,
) -> Decimal:
    """车辆购置税 to the fen: none on used cars, the NEV relief in force on ``on``."""
    if vehicle is VehicleKind.USED:
        return ZERO
    full = full_purchase_tax(price, settings)
    if energy is Energy.NEV:
        for rule in settings.nev_tax_rules:
            if rule.start <= on <= rule.end:
                reduction = full * rule.reduction_percent / HUNDRED
                if rule.cap is not None:
                    reduction = min(reduction, rule.cap)
                full -= reduction
                break
    return money(max(full, ZERO))


def yearly_vessel_tax(displacement_litres: Decimal, settings: OnRoadSettings) -> Decimal:
    for limit, tax in settings.vessel_tax_bands:
        if displacement_litres <= limit:
            return tax
    return settings.vessel_tax_above


def vessel_tax(
    displacement_litres: Decimal,
    energy: Energy,
    on: date,
    settings: OnRoadSettings = DEFAULT_ON_ROAD_SETTINGS,
) -> Decimal:
    """车船税 for the rest of the year (the purchase month included); NEVs exempt."""
    if energy is Energy.NEV:
        return ZERO
    months_left = 13 - on.month
    return money(yearly_vessel_tax(displacement_litres, settings) * months_left / 12)


def compulsory_insurance(
    seats: int, settings: OnRoadSettings = DEFAULT_ON_ROAD_SETTINGS
) -> Decimal:
    if seats >= settings.large_car_seats:
        return money(settings.compulsory_insurance_large)
    return money(settings.compulsory_insurance)


def on_road_costs(
    price: Decimal,
    vehicle: VehicleKind,
    energy: Energy,
    on: date,
    *,
    seats: int | None = None,
    displacement_litres: Decimal | None = None,
    overrides: Mapping[str, Decimal] | None = None,
    financed: Mapping[str, bool] | None = None,
    settings: OnRoadSettings = DEFAULT_ON_ROAD_SETTINGS,
) -> OnRoadQuote:
    """Every on-road cost line for one car; raises :class:`OnRoadError` for bad input.

    ``overrides`` replaces a line's amount for this deal, ``financed``
    marks a line financed (True) or cash (False) against the settings'
    ``financed_lines``.
    """
    seats = settings.default_seats if seats is None else seats
    litres = (
        settings.default_displacement_litres if displacement_litres is None else displacement_litres
    )
    overrides = dict(overrides or {})
    financed = dict(financed or {})
    problems: list[Reason] = []
    if price <= 0:
        problems.append(Reason.of(MESSAGES, "onroad.price_not_positive"))
    if not 1 <= seats <= 60:
        problems.append(Reason.of(MESSAGES, "onroad.seats_invalid"))
    if not Decimal("0.1") <= litres <= Decimal(10):
        problems.append(Reason.of(MESSAGES, "onroad.displacement_invalid"))
    for code in (*overrides, *financed):
        if code not in LINE_CODES:
            problems.append(Reason.of(MESSAGES, "onroad.unknown_line", line=code))
    for code, amount in overrides.items():
        if amount < 0:
            problems.append(Reason.of(MESSAGES, "onroad.amount_negative", line=code))
    if problems:
        raise OnRoadError(problems)

    price = money(price)
    amounts: dict[str, Decimal] = {
        "purchase_tax": purchase_tax(price, energy, on, vehicle, settings),
        "compulsory_insurance": compulsory_insurance(seats, settings),
        "vessel_tax": vessel_tax(litres, energy, on, settings),
        "registration": money(settings.registration_fee),
        "gps": money(settings.gps_fee),
        "finance_service_fee": money(settings.finance_service_fee),
    }
    if vehicle is VehicleKind.USED:
        amounts["transfer_fee"] = money(settings.transfer_fee)
    amounts.update({code: money(a) for code, a in overrides.items()})
    lines = tuple(
        CostLine(
            code=code,
            label=MESSAGES[f"onroad.{code}"],
            amount=amounts[code],
            financed=financed.get(code, code in settings.financed_lines),
        )
        for code in LINE_CODES
        if code in amounts
    )
    return OnRoadQuote(price=price, lines=lines)


def with_line(quote: OnRoadQuote, code: str, amount: Decimal, financed: bool) -> OnRoadQuote:
    """``quote`` with one line's amount and financing changed (for the deal panel)."""
    lines = tuple(
        dataclasses.replace(line, amount=money(amount), financed=financed)
        if line.code == code
        else line
        for line in quote.lines
    )
    return dataclasses.replace(quote, lines=lines)

"""The whole deal of a plan: on-road lines, trade-in, payment target (DOMAIN.md "The whole deal").

What the staff set up on the finance page besides the loan itself, kept with
each saved plan (``plans.deal``, JSON) and read back when the consultation is
opened again:

* the car's kind (new / used) and energy (the NEV purchase-tax rules), seats
  and displacement; each on-road line's amount where it differs from the
  store's default, and whether it is financed or paid in cash;
* the trade-in: its value, the loan still owed on it, subsidy lines;
* the target monthly payment (pre-filled from reception's wished payment);
* which optional add-ons are financed (where the product allows it).

Every figure comes from ``lending`` (:func:`lending.onroad.on_road_costs`,
:class:`lending.deal.Deal`); this module reads and checks the staff's input
(:func:`read_deal`, every problem keyed by its field) and stores it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from db.services.base import ValidationError
from db.services.forms import Form, MoneyIn
from lending.deal import Deal, SubsidyLine, TradeIn
from lending.onroad import LINE_CODES, Energy, OnRoadError, OnRoadQuote, VehicleKind, on_road_costs
from lending.onroad import MESSAGES as ONROAD_MESSAGES
from lending.reasons import Reason
from lending.settings import (
    OnRoadSettings,
)

"""Store settings of the on-road lines are kept under this prefix (``onroad.gps_fee``)."""
MAX_SUBSIDY_LINES = 5

MESSAGES: dict[str, str] = {
    "deal.seats_invalid": "The number of seats must be between 1 and 60.",
    "deal.displacement_invalid": "The displacement must be between 0.1 and 10 litres.",
    "deal.subsidy_needs_name": "Give the subsidy line a name.",
    "deal.too_many_subsidies": "At most {max} subsidy lines.",
    "deal.target_not_positive": "The target monthly payment must be greater than zero.",
}


def _reason(code: str, **params: object) -> Reason:
    return Reason.of(MESSAGES, code, **params)


@dataclass(frozen=True)
class DealForm:
    """The deal as typed on the finance page (amounts as text or Decimal)."""

    vehicle_kind: str = VehicleKind.NEW.value
    energy: str = Energy.PETROL.value
    seats: int | str | None = None
    """None: the store's default."""
    displacement: MoneyIn = None
    """Litres; None: the store's default."""
    overrides: Mapping[str, MoneyIn] = field(default_factory=dict)
    """On-road line code -> this deal's amount (only where it differs from the default)."""
    financed: Mapping[str, bool] = field(default_factory=dict)
    """On-road line code -> financed (True) or cash (False), against the store's default."""
    trade_in_value: MoneyIn = None
    trade_in_owed: MoneyIn = None
    subsidies: Sequence[tuple[str, MoneyIn]] = ()
    """Trade-in subsidy lines: (name, amount)."""
    target_payment: MoneyIn = None
    financed_add_ons: Sequence[str] = ()
    """The add-ons the customer wants financed (where the product allows it): their
    add-on catalogue codes (kinds in a plan saved before the catalogue)."""


@dataclass(frozen=True)
class DealInput:
    """A checked :class:`DealForm`: typed values, ready for ``lending``."""

    vehicle_kind: VehicleKind = VehicleKind.NEW
    energy: Energy = Energy.PETROL
    seats: int | None = None
    displacement: Decimal | None = None
    overrides: tuple[tuple[str, Decimal], ...] = ()
    financed: tuple[tuple[str, bool], ...] = ()
    trade_in_value: Decimal | None = None
    trade_in_owed: Decimal | None = None
    subsidies: tuple[tuple[str, Decimal], ...] = ()
    target_payment: Decimal | None = None
    financed_add_ons: tuple[str, ...] = ()

    @property
    def trade_in(self) -> TradeIn | None:
        """The trade-in, when a value, a loan owed or a subsidy was given."""
        if self.trade_in_value is None and self.trade_in_owed is None and not self.subsidies:
            return None
        return TradeIn(
            value=self.trade_in_value or Decimal(0),
            loan_owed=self.trade_in_owed or Decimal(0),
            subsidies=tuple(
                SubsidyLine(f"subsidy_{i}", name, amount)
                for i, (name, amount) in enumerate(self.subsidies, start=1)
            ),
        )

    def on_road(self, price: Decimal, on: date, settings: OnRoadSettings) -> OnRoadQuote:
        """Every on-road line of this car (raises :class:`OnRoadError` for a bad price)."""
        return on_road_costs(
            price,
            self.vehicle_kind,
            self.energy,
            on,
            seats=self.seats,
            displacement_litres=self.displacement,
            overrides=dict(self.overrides),
            financed=dict(self.financed),
            settings=settings,
        )

    def deal(
        self,
        price: Decimal,
        on: date,
        settings: OnRoadSettings,
        down_payment: Decimal,
        financed_add_ons: Decimal = Decimal(0),
    ) -> Deal:
        return Deal(
            on_road=self.on_road(price, on, settings),
            down_payment=down_payment,
            trade_in=self.trade_in,
            financed_add_ons=financed_add_ons,
        )


def read_deal(form: DealForm | None) -> DealInput:
    """Check the deal; :class:`ValidationError` keyed by field (``deal.seats``,
    ``deal.line.gps``, ``deal.trade_in_value``, ``deal.subsidies[0].amount`` ...)."""
    if form is None:
        return DealInput()
    f = Form()
    kind = f.choice("deal.vehicle_kind", form.vehicle_kind, VehicleKind, required=True)
    energy = f.choice("deal.energy", form.energy, Energy, required=True)
    seats = f.integer("deal.seats", form.seats)
    if seats is not None and not 1 <= seats <= 60:
        f.error("deal.seats", _reason("deal.seats_invalid"))
    litres = f.decimal("deal.displacement", form.displacement)
    if litres is not None and not Decimal("0.1") <= litres <= Decimal(10):
        f.error("deal.displacement", _reason("deal.displacement_invalid"))
    overrides: list[tuple[str, Decimal]] = []
    for code, raw in form.overrides.items():
        if code not in LINE_CODES:
            f.error("deal", Reason.of(ONROAD_MESSAGES, "onroad.unknown_line", line=code))
            continue
        amount = f.money(f"deal.line.{code}", raw, required=True)
        if amount is not None:
            overrides.append((code, amount))
    financed = tuple((code, bool(on)) for code, on in form.financed.items() if code in LINE_CODES)
    value = f.money("deal.trade_in_value", form.trade_in_value)
    owed = f.money("deal.trade_in_owed", form.trade_in_owed)
    subsidies: list[tuple[str, Decimal]] = []
    if len(form.subsidies) > MAX_SUBSIDY_LINES:
        f.error("deal.subsidies", _reason("deal.too_many_subsidies", max=MAX_SUBSIDY_LINES))
    for i, (name, raw) in enumerate(form.subsidies[:MAX_SUBSIDY_LINES]):
        label = f.text(f"deal.subsidies[{i}].name", name, max_len=100)
        amount = f.money(f"deal.subsidies[{i}].amount", raw, required=True)
        if label is None:
            f.error(f"deal.subsidies[{i}].name", _reason("deal.subsidy_needs_name"))
        elif amount is not None:
            subsidies.append((label, amount))
    target = f.money("deal.target_payment", form.target_payment)
    if target is not None and target <= 0:
        f.error("deal.target_payment", _reason("deal.target_not_positive"))
    f.raise_if_errors()
    assert kind is not None and energy is not None
    return DealInput(
        vehicle_kind=kind,
        energy=energy,
        seats=seats,
        displacement=litres,
        overrides=tuple(overrides),
        financed=financed,
        trade_in_value=value,
        trade_in_owed=owed,
        subsidies=tuple(subsidies),
        target_payment=target,
        financed_add_ons=tuple(str(k) for k in form.financed_add_ons),
    )


def checked_on_road(
    deal: DealInput, price: Decimal, on: date, settings: OnRoadSettings
) -> OnRoadQuote:
    """:meth:`DealInput.on_road`, lending's refusal as a :class:`ValidationError`."""
    try:
        return deal.on_road(price, on, settings)
    except OnRoadError as exc:
        raise ValidationError({"deal": exc.reasons[0]}) from None


# --- stored form -------------------------------------------------------------------------


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def deal_to_json(deal: DealInput) -> dict[str, Any]:
    """JSON-ready (Decimals as strings); :func:`deal_from_json` reads it back."""
    return {
        "vehicle_kind": deal.vehicle_kind.value,
        "energy": deal.energy.value,
        "seats": deal.seats,
        "displacement": _text(deal.displacement),
        "overrides": {code: str(amount) for code, amount in deal.overrides},
        "financed": dict(deal.financed),
        "trade_in_value": _text(deal.trade_in_value),
        "trade_in_owed": _text(deal.trade_in_owed),
        "subsidies": [[name, str(amount)] for name, amount in deal.subsidies],
        "target_payment": _text(deal.target_payment),
        "financed_add_ons": list(deal.financed_add_ons),
    }


def deal_from_json(data: Mapping[str, Any] | None) -> DealInput | None:
    """The stored deal (None for a plan saved before deals were kept)."""
    if not data:
        return None
    form = DealForm(
        vehicle_kind=data.get("vehicle_kind", VehicleKind.NEW.value),
        energy=data.get("energy", Energy.PETROL.value),
        seats=data.get("seats"),
        displacement=data.get("displacement"),
        overrides=dict(data.get("overrides") or {}),
        financed=dict(data.get("financed") or {}),
        trade_in_value=data.get("trade_in_value"),
        trade_in_owed=data.get("trade_in_owed"),
        subsidies=[(str(n), a) for n, a in data.get("subsidies") or []],
        target_payment=data.get("target_payment"),
        financed_add_ons=tuple(data.get("financed_add_ons") or ()),
    )
    return read_deal(form)

"""Used-vehicle appraisal: depreciation, exclusions, odometer checks, limits.

Value = market reference price
        x (1 - yearly depreciation) ^ age in years
        x (1 - depreciation per mileage step) ^ (mileage / step km)
        x condition factor

Both depreciations are compound and **pro rata**: a car 3 years and 6 months
old is depreciated for 3.5 years, one with 30,000 km for 1.5 steps of
20,000 km.  Age in years is whole calendar years since first registration
plus the fraction of the current registration year that has passed (so on
the 8th anniversary the age is exactly 8).  The factors are applied in that
order and the value is rounded to the fen after each step, so the three
reduction amounts in the breakdown add up exactly to the reference price
minus the computed value.

Rates come from :class:`lending.settings.LendingSettings`; an appraisal may
use its own yearly/mileage rate inside the settings' allowed range.  The
appraiser may override the value with a written reason; the computed value
stays visible next to the override.

Accident, flood and fire vehicles are excluded from financing.  Odometer
tampering is flagged when a later maintenance record shows fewer km than an
earlier one, when today's reading is below the last record, or when the
mileage is implausible for the age (see the ``odometer_*`` settings).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum

from lending.errors import UserError
from lending.money import CENT, HUNDRED, money
from lending.reasons import Reason
from lending.settings import DEFAULT_SETTINGS, LendingSettings

MESSAGES: dict[str, str] = {
    "input.price_not_positive": "The market reference price must be greater than zero.",
    "input.mileage_negative": "The mileage cannot be negative.",
    "input.registered_after_appraisal": (
        "The first registration date ({registered}) is after the appraisal date ({appraised})."
    ),
    "input.yearly_rate_out_of_range": (
        "The yearly depreciation rate of {rate}% must be between {min}% and {max}%."
    ),
    "input.mileage_rate_out_of_range": (
        "The depreciation rate per 20,000 km of {rate}% must be between {min}% and {max}%."
    ),
    "override.reason_required": "Overriding the appraisal value needs a written reason.",
    "override.negative": "The override value cannot be negative.",
    "excluded.accident": "Accident vehicles cannot be financed.",
    "excluded.flood": "Flood-damaged vehicles cannot be financed.",
    "excluded.fire": "Fire-damaged vehicles cannot be financed.",
    "odometer.record_decreased": (
        "Possible odometer tampering: the maintenance record of {date} shows {km} km, fewer "
        "than the {earlier_km} km recorded on {earlier_date}."
    ),
    "odometer.below_last_record": (
        "Possible odometer tampering: the odometer shows {km} km, fewer than the {record_km} km "
        "in the maintenance record of {record_date}."
    ),
    "odometer.record_in_future": (
        "The maintenance record of {date} is dated after the appraisal date; check it."
    ),
    "odometer.too_high_for_age": (
        "Implausible mileage: {km} km in {years} years is more than {limit} km a year."
    ),
    "odometer.too_low_for_age": (
        "Implausible mileage: {km} km in {years} years is less than {limit} km a year; "
        "check for odometer tampering."
    ),
    "limit.too_old": (
        "The vehicle is {age} years old; the limit is {max} years."
    ),
    "limit.too_many_km": (
        "The vehicle has {km} km; the limit is {max} km."
    ),
}


class Condition(StrEnum):
    EXCELLENT = "excellent"
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


class AppraisalError(UserError):
    """The appraisal cannot be made; ``reasons`` says why (all of them)."""

    def __init__(self, reasons: Sequence[Reason]) -> None:
        super().__init__(" ".join(r.render() for r in reasons), code=reasons[0].code)
        self.reasons = tuple(reasons)

    @property
    def reason(self) -> Reason:
        return self.reasons[0]


@dataclass(frozen=True)
class AppraisalInput:
    market_reference_price: Decimal
    first_registration: date
    appraisal_date: date
    mileage_km: int
    condition: Condition
    accident: bool = False
    flood: bool = False
    fire: bool = False
    maintenance_records: tuple[tuple[date, int], ...] = ()
    """(service date, odometer km) pairs, in any order."""
    override_value: Decimal | None = None
    override_reason: str = ""
    depreciation_per_year_percent: Decimal | None = None
    """This appraisal's yearly rate; ``None`` uses the settings' default."""
    depreciation_per_mileage_step_percent: Decimal | None = None
    """This appraisal's rate per mileage step; ``None`` uses the settings' default."""


@dataclass(frozen=True)
class Adjustment:
    """One step of the valuation: ``factor`` multiplies the value (0.88 = -12 %).

    ``percent`` is the reduction in percent (2 decimals) and ``amount`` the
    reduction in CNY; a factor above 1 gives negative reductions.
    """

    factor: Decimal
    percent: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Appraisal:
    value: Decimal
    """The value used for lending: the override when there is one."""
    computed_value: Decimal
    overridden: bool
    override_reason: str
    reference_price: Decimal
    age_years: Decimal
    """Fractional years since first registration, 4 decimals."""
    mileage_km: int
    condition: Condition
    age: Adjustment
    mileage: Adjustment
    condition_adjustment: Adjustment
    excluded: bool
    exclusion_reasons: tuple[Reason, ...]
    odometer_flags: tuple[Reason, ...]
    limit_reasons: tuple[Reason, ...]
    """Over-age / over-mileage against the settings' default limits."""

    @property
    def tampering_suspected(self) -> bool:
        return any(r.code != "odometer.record_in_future" for r in self.odometer_flags)


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February in a non-leap year
        return d.replace(year=d.year + years, day=28)


def vehicle_age_years(first_registration: date, on: date) -> Decimal:
    """Whole calendar years plus the elapsed fraction of the current year (exact Decimal)."""
    if on <= first_registration:
        return Decimal(0)
    full = on.year - first_registration.year
    if _add_years(first_registration, full) > on:
        full -= 1
    start = _add_years(first_registration, full)
    end = _add_years(first_registration, full + 1)
    return Decimal(full) + Decimal((on - start).days) / Decimal((end - start).days)


def _power(base: Decimal, exponent: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 28
        return base**exponent if exponent != 0 else Decimal(1)


def _adjust(before: Decimal, factor: Decimal) -> tuple[Decimal, Adjustment]:
    after = money(before * factor)
    percent = ((1 - factor) * HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)
    return after, Adjustment(factor=factor, percent=percent, amount=before - after)


def _num(value: Decimal) -> str:
    return format(value.quantize(CENT, rounding=ROUND_HALF_UP).normalize(), "f")


def condition_factor(condition: Condition, settings: LendingSettings) -> Decimal:
    factor: Decimal = getattr(settings, f"condition_factor_{condition.value}")
    return factor


def vehicle_limit_reasons(
    age_years: Decimal, mileage_km: int, max_age_years: Decimal, max_mileage_km: int
) -> list[Reason]:
    """Why a vehicle is over a lender's age / mileage limit (empty when within)."""
    found: list[Reason] = []
    if age_years > max_age_years:
        found.append(Reason.of(MESSAGES, "limit.too_old", age=_num(age_years),
                               max=_num(max_age_years)))
    if mileage_km > max_mileage_km:
        found.append(Reason.of(MESSAGES, "limit.too_many_km", km=f"{mileage_km:,}",
                               max=f"{max_mileage_km:,}"))
    return found


def odometer_flags(
    mileage_km: int,
    age_years: Decimal,
    records: Sequence[tuple[date, int]],
    on: date,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> list[Reason]:
    """Every sign of odometer tampering or implausible mileage.

    Too high: more than ``odometer_max_km_per_year`` x the age, counting a
    car younger than a year as one year old.  Too low: once the car is
    ``odometer_min_check_after_years`` old, fewer than
    ``odometer_min_km_per_year`` x the age.  Records on the same day are not
    compared with each other.
    """
    flags: list[Reason] = []
    ordered = sorted(records, key=lambda r: r[0])
    top: tuple[date, int] | None = None
    for when, km in ordered:
        if when > on:
            flags.append(Reason.of(MESSAGES, "odometer.record_in_future", date=when.isoformat()))
        if top is not None and km < top[1] and when > top[0]:
            flags.append(Reason.of(MESSAGES, "odometer.record_decreased", date=when.isoformat(),
                                   km=f"{km:,}", earlier_km=f"{top[1]:,}",
                                   earlier_date=top[0].isoformat()))
        if top is None or km > top[1]:
            top = (when, km)
    if top is not None and mileage_km < top[1]:
        flags.append(Reason.of(MESSAGES, "odometer.below_last_record", km=f"{mileage_km:,}",
                               record_km=f"{top[1]:,}", record_date=top[0].isoformat()))
    years = _num(age_years)
    if mileage_km > settings.odometer_max_km_per_year * max(age_years, Decimal(1)):
        flags.append(Reason.of(MESSAGES, "odometer.too_high_for_age", km=f"{mileage_km:,}",
                               years=years, limit=f"{settings.odometer_max_km_per_year:,}"))
    if (
        age_years >= settings.odometer_min_check_after_years
        and mileage_km < settings.odometer_min_km_per_year * age_years
    ):
        flags.append(Reason.of(MESSAGES, "odometer.too_low_for_age", km=f"{mileage_km:,}",
                               years=years, limit=f"{settings.odometer_min_km_per_year:,}"))
    return flags


def _rate(
    given: Decimal | None, default: Decimal, lo: Decimal, hi: Decimal, what: str,
    problems: list[Reason],
) -> Decimal:
    if given is None:
        return default
    if not lo <= given <= hi:
        code = f"input.{what}_rate_out_of_range"
        problems.append(Reason.of(MESSAGES, code, rate=_num(given), min=_num(lo), max=_num(hi)))
    return given


def appraise(a: AppraisalInput, settings: LendingSettings = DEFAULT_SETTINGS) -> Appraisal:
    """Value a vehicle; raises :class:`AppraisalError` for unusable input."""
    s = settings
    problems: list[Reason] = []
    if a.market_reference_price <= 0:
        problems.append(Reason.of(MESSAGES, "input.price_not_positive"))
    if a.mileage_km < 0:
        problems.append(Reason.of(MESSAGES, "input.mileage_negative"))
    if a.first_registration > a.appraisal_date:
        problems.append(Reason.of(MESSAGES, "input.registered_after_appraisal",
                                  registered=a.first_registration.isoformat(),
                                  appraised=a.appraisal_date.isoformat()))
    year_rate = _rate(a.depreciation_per_year_percent, s.depreciation_per_year_percent,
                      s.depreciation_per_year_min_percent, s.depreciation_per_year_max_percent,
                      "yearly", problems)
    km_rate = _rate(a.depreciation_per_mileage_step_percent,
                    s.depreciation_per_mileage_step_percent,
                    s.depreciation_per_mileage_step_min_percent,
                    s.depreciation_per_mileage_step_max_percent, "mileage", problems)
    if a.override_value is not None:
        if not a.override_reason.strip():
            problems.append(Reason.of(MESSAGES, "override.reason_required"))
        if a.override_value < 0:
            problems.append(Reason.of(MESSAGES, "override.negative"))
    if problems:
        raise AppraisalError(problems)

    # Rounded once, then used for depreciation, limits and odometer checks alike.
    age_years = vehicle_age_years(a.first_registration, a.appraisal_date).quantize(
        Decimal("0.0001"), rounding=ROUND_HALF_UP
    )
    steps = Decimal(a.mileage_km) / Decimal(s.mileage_step_km)
    price = money(a.market_reference_price)
    v1, age_adj = _adjust(price, _power(1 - year_rate / HUNDRED, age_years))
    v2, km_adj = _adjust(v1, _power(1 - km_rate / HUNDRED, steps))
    computed, cond_adj = _adjust(v2, condition_factor(a.condition, s))

    exclusions = [
        Reason.of(MESSAGES, f"excluded.{name}")
        for name, flag in (("accident", a.accident), ("flood", a.flood), ("fire", a.fire))
        if flag
    ]
    overridden = a.override_value is not None
    return Appraisal(
        value=money(a.override_value) if a.override_value is not None else computed,
        computed_value=computed,
        overridden=overridden,
        override_reason=a.override_reason.strip() if overridden else "",
        reference_price=price,
        age_years=age_years,
        mileage_km=a.mileage_km,
        condition=a.condition,
        age=age_adj,
        mileage=km_adj,
        condition_adjustment=cond_adj,
        excluded=bool(exclusions),
        exclusion_reasons=tuple(exclusions),
        odometer_flags=tuple(odometer_flags(a.mileage_km, age_years, a.maintenance_records,
                                            a.appraisal_date, s)),
        limit_reasons=tuple(vehicle_limit_reasons(age_years, a.mileage_km,
                                                  s.max_vehicle_age_years,
                                                  s.max_vehicle_mileage_km)),
    )

"""Vehicle appraisal: value from a reference price, exclusions, odometer checks, limits.

The reference price says what it is (:class:`ReferenceKind`):

* ``used-market``: the used-market price of that model and year in average
  condition with typical mileage (``typical_km_per_year`` x the age).  Only
  the mileage above/below typical and the condition adjust it;
* ``new-guide``: the new-car guide price.  Age depreciation applies as well.

Value = reference price
        x (1 - yearly depreciation) ^ age in years          (new-guide only)
        x (1 - rate per mileage step x (km - typical km) / step km)
        x condition factor

Age depreciation is compound and pro rata (3 years and 6 months count as
3.5 years); the mileage adjustment is linear in the km above typical (below
typical it adds value) and clamped to the settings' maximum reduction and
increase.  Age in years is whole calendar years since first registration
plus the fraction of the current registration year that has passed.  The
factors are applied in that order and the value is rounded to the fen after
each step, so the adjustment amounts add up exactly to the computed value
minus the reference price.  :attr:`Appraisal.adjustments` lists each one
with its code, a reason the appraiser can read out and its signed amount.

Sanity flags ask for confirmation: a reference price outside the plausible
band of the settings, a deal price far from the computed value, and (with a
VIN) a model year far from the first registration.

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

from lending.identity import check_vin
from lending.money import CENT, HUNDRED, money
from lending.reasons import Reason, ReasonsError
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
    "override.reason_code_required": "Choose from the list why the value is overridden.",
    "override.negative": "The override value cannot be negative.",
    "override.needs_approval": (
        "The override is {percent}% from the computed value {computed}; more than {limit}% "
        "needs a manager's approval."
    ),
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
    "limit.too_old": ("The vehicle is {age} years old; the limit is {max} years."),
    "limit.too_many_km": ("The vehicle has {km} km; the limit is {max} km."),
    "adjust.age": "Age {years} years at {rate}% a year from the new-car guide price",
    "adjust.mileage_above": (
        "{km} km above the typical {typical} km for the age, {rate}% per {step} km"
    ),
    "adjust.mileage_below": (
        "{km} km below the typical {typical} km for the age, {rate}% per {step} km"
    ),
    "adjust.mileage_typical": "Typical mileage for the age ({typical} km)",
    "adjust.condition_excellent": "Excellent condition",
    "adjust.condition_good": "Good condition",
    "adjust.condition_fair": "Fair condition",
    "adjust.condition_poor": "Poor condition",
    "sanity.reference_out_of_band": (
        "A reference price of {price} is outside the usual {min} to {max}; please confirm it."
    ),
    "sanity.deal_price_far": (
        "The deal price {deal} is more than {percent}% away from the appraised value "
        "{value}; please confirm it."
    ),
}


class Condition(StrEnum):
    EXCELLENT = "excellent"
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


class ReferenceKind(StrEnum):
    USED_MARKET = "used-market"
    """Used price of that model-year, average condition, typical mileage."""
    NEW_GUIDE = "new-guide"
    """The new-car guide price: age depreciation applies."""


class OverrideReason(StrEnum):
    """Why an appraiser overrides the computed value (the list; a written text goes with it)."""

    SERVICE_HISTORY = "service_history"
    """Full dealer service history: worth more than an average car."""
    COMPARABLE_SALES = "comparable_sales"
    """Recent sales of the same model and year say otherwise."""
    EQUIPMENT = "equipment"
    """Options or equipment the reference price does not include."""
    CONDITION = "condition"
    """Condition the four grades do not capture (better or worse)."""
    DAMAGE = "damage"
    """Repairs, wear or damage found on inspection."""
    OTHER = "other"


class AppraisalError(ReasonsError):
    """The appraisal cannot be made; ``reasons`` says why (all of them)."""


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
    override_reason_code: OverrideReason | None = None
    """Why, from the list (:class:`OverrideReason`); required with an override."""
    depreciation_per_year_percent: Decimal | None = None
    """This appraisal's yearly rate; ``None`` uses the settings' default."""
    depreciation_per_mileage_step_percent: Decimal | None = None
    """This appraisal's rate per mileage step; ``None`` uses the settings' default."""
    reference: ReferenceKind = ReferenceKind.USED_MARKET
    """What ``market_reference_price`` is."""
    deal_price: Decimal | None = None
    """The price agreed for the car, checked against the computed value."""
    vin: str = ""
    """With a valid VIN the model year is checked against the first registration."""


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
class AdjustmentLine:
    """One adjustment as the appraiser explains it: ``amount`` is the signed change."""

    code: str
    """``age``, ``mileage`` or ``condition``."""
    reason: Reason
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
    reference: ReferenceKind = ReferenceKind.USED_MARKET
    adjustments: tuple[AdjustmentLine, ...] = ()
    """Age (new-guide only), mileage, condition: reason and signed amount."""
    sanity_flags: tuple[Reason, ...] = ()
    """Figures to confirm: reference outside the band, deal price far, VIN year."""
    typical_mileage_km: int = 0
    override_percent: Decimal | None = None
    """(override - computed) / computed in percent, 2 decimals; None without an override."""
    approval_reason: Reason | None = None
    """Set when the override needs a manager's approval before a plan can be chosen."""
    override_reason_code: OverrideReason | None = None

    @property
    def needs_manager_approval(self) -> bool:
        return self.approval_reason is not None

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
        found.append(
            Reason.of(MESSAGES, "limit.too_old", age=_num(age_years), max=_num(max_age_years))
        )
    if mileage_km > max_mileage_km:
        found.append(
            Reason.of(
                MESSAGES, "limit.too_many_km", km=f"{mileage_km:,}", max=f"{max_mileage_km:,}"
            )
        )
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
            flags.append(
                Reason.of(
                    MESSAGES,
                    "odometer.record_decreased",
                    date=when.isoformat(),
                    km=f"{km:,}",
                    earlier_km=f"{top[1]:,}",
                    earlier_date=top[0].isoformat(),
                )
            )
        if top is None or km > top[1]:
            top = (when, km)
    if top is not None and mileage_km < top[1]:
        flags.append(
            Reason.of(
                MESSAGES,
                "odometer.below_last_record",
                km=f"{mileage_km:,}",
                record_km=f"{top[1]:,}",
                record_date=top[0].isoformat(),
            )
        )
    years = _num(age_years)
    if mileage_km > settings.odometer_max_km_per_year * max(age_years, Decimal(1)):
        flags.append(
            Reason.of(
                MESSAGES,
                "odometer.too_high_for_age",
                km=f"{mileage_km:,}",
                years=years,
                limit=f"{settings.odometer_max_km_per_year:,}",
            )
        )
    if (
        age_years >= settings.odometer_min_check_after_years
        and mileage_km < settings.odometer_min_km_per_year * age_years
    ):
        flags.append(
            Reason.of(
                MESSAGES,
                "odometer.too_low_for_age",
                km=f"{mileage_km:,}",
                years=years,
                limit=f"{settings.odometer_min_km_per_year:,}",
            )
        )
    return flags


def _rate(
    given: Decimal | None,
    default: Decimal,
    lo: Decimal,
    hi: Decimal,
    what: str,
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
        problems.append(
            Reason.of(
                MESSAGES,
                "input.registered_after_appraisal",
                registered=a.first_registration.isoformat(),
                appraised=a.appraisal_date.isoformat(),
            )
        )
    year_rate = _rate(
        a.depreciation_per_year_percent,
        s.depreciation_per_year_percent,
        s.depreciation_per_year_min_percent,
        s.depreciation_per_year_max_percent,
        "yearly",
        problems,
    )
    km_rate = _rate(
        a.depreciation_per_mileage_step_percent,
        s.depreciation_per_mileage_step_percent,
        s.depreciation_per_mileage_step_min_percent,
        s.depreciation_per_mileage_step_max_percent,
        "mileage",
        problems,
    )
    if a.override_value is not None:
        if a.override_reason_code is None:
            problems.append(Reason.of(MESSAGES, "override.reason_code_required"))
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
    price = money(a.market_reference_price)
    lines: list[AdjustmentLine] = []
    if a.reference is ReferenceKind.NEW_GUIDE:
        year_factor = _power(1 - year_rate / HUNDRED, age_years)
        lines_age = Reason.of(MESSAGES, "adjust.age", years=_num(age_years), rate=_num(year_rate))
    else:
        year_factor, lines_age = Decimal(1), None
    v1, age_adj = _adjust(price, year_factor)
    if lines_age is not None:
        lines.append(AdjustmentLine("age", lines_age, -age_adj.amount))
    typical = int((Decimal(s.typical_km_per_year) * age_years).to_integral_value(ROUND_HALF_UP))
    km_factor, km_reason = _mileage_factor(a.mileage_km, typical, km_rate, s)
    v2, km_adj = _adjust(v1, km_factor)
    lines.append(AdjustmentLine("mileage", km_reason, -km_adj.amount))
    computed, cond_adj = _adjust(v2, condition_factor(a.condition, s))
    lines.append(
        AdjustmentLine(
            "condition",
            Reason.of(MESSAGES, f"adjust.condition_{a.condition.value}"),
            -cond_adj.amount,
        )
    )

    exclusions = [
        Reason.of(MESSAGES, f"excluded.{name}")
        for name, flag in (("accident", a.accident), ("flood", a.flood), ("fire", a.fire))
        if flag
    ]
    overridden = a.override_value is not None
    override_percent, approval_reason = _override_check(a.override_value, computed, s)
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
        odometer_flags=tuple(
            odometer_flags(a.mileage_km, age_years, a.maintenance_records, a.appraisal_date, s)
        ),
        limit_reasons=tuple(
            vehicle_limit_reasons(
                age_years, a.mileage_km, s.max_vehicle_age_years, s.max_vehicle_mileage_km
            )
        ),
        reference=a.reference,
        adjustments=tuple(lines),
        sanity_flags=tuple(sanity_flags(a, computed, s)),
        typical_mileage_km=typical,
        override_percent=override_percent,
        approval_reason=approval_reason,
        override_reason_code=a.override_reason_code if overridden else None,
    )


def _override_check(
    override: Decimal | None, computed: Decimal, s: LendingSettings
) -> tuple[Decimal | None, Reason | None]:
    """How far the override is from the computed value, and whether a manager must approve."""
    if override is None:
        return None, None
    if computed == 0:
        percent = HUNDRED if override > 0 else Decimal(0)
    else:
        percent = ((money(override) - computed) / computed * HUNDRED).quantize(
            CENT, rounding=ROUND_HALF_UP
        )
    reason = None
    if abs(money(override) - computed) * HUNDRED > computed * s.override_approval_percent:
        reason = Reason.of(
            MESSAGES,
            "override.needs_approval",
            percent=_num(percent),
            computed=f"{computed:,.2f}",
            limit=_num(s.override_approval_percent),
        )
    return percent, reason


def _mileage_factor(
    km: int, typical: int, rate: Decimal, s: LendingSettings
) -> tuple[Decimal, Reason]:
    """Linear in the km above (below) typical, clamped; with the reason to show."""
    excess = km - typical
    factor = 1 - rate / HUNDRED * Decimal(excess) / Decimal(s.mileage_step_km)
    factor = min(
        max(factor, 1 - s.mileage_max_reduction_percent / HUNDRED),
        1 + s.mileage_max_increase_percent / HUNDRED,
    )
    params = {
        "km": f"{abs(excess):,}",
        "typical": f"{typical:,}",
        "rate": _num(rate),
        "step": f"{s.mileage_step_km:,}",
    }
    if excess > 0:
        return factor, Reason.of(MESSAGES, "adjust.mileage_above", **params)
    if excess < 0:
        return factor, Reason.of(MESSAGES, "adjust.mileage_below", **params)
    return factor, Reason.of(MESSAGES, "adjust.mileage_typical", typical=params["typical"])


def sanity_flags(a: AppraisalInput, computed: Decimal, s: LendingSettings) -> list[Reason]:
    """Figures the appraiser should confirm (nothing here blocks the appraisal)."""
    from lending.vin import YEAR_CODES, model_year, vin_warnings_for_year

    flags: list[Reason] = []
    price = money(a.market_reference_price)
    if not s.reference_price_min <= price <= s.reference_price_max:
        flags.append(
            Reason.of(
                MESSAGES,
                "sanity.reference_out_of_band",
                price=f"{price:,.2f}",
                min=f"{s.reference_price_min:,}",
                max=f"{s.reference_price_max:,}",
            )
        )
    if a.deal_price is not None and computed > 0:
        deviation = abs(a.deal_price - computed) / computed * HUNDRED
        if deviation > s.deal_price_deviation_percent:
            flags.append(
                Reason.of(
                    MESSAGES,
                    "sanity.deal_price_far",
                    deal=f"{money(a.deal_price):,.2f}",
                    percent=_num(s.deal_price_deviation_percent),
                    value=f"{computed:,.2f}",
                )
            )
    check = check_vin(a.vin) if a.vin.strip() else None
    code = check.model_year_code if check is not None and check.valid else None
    if code is not None and code in YEAR_CODES:
        year = model_year(code, a.appraisal_date)
        flags.extend(vin_warnings_for_year(year, a.first_registration, s))
    return flags

"""Every lending default a store owner can change, declared once.

DOMAIN.md marks a number of figures as *defaults*: a store must be able to
use other values.  They all live in :class:`LendingSettings`; the rest of
``lending`` takes a settings object as a parameter and never hard-codes
them.  :data:`DEFAULT_SETTINGS` holds the values from DOMAIN.md.

The 1-year LPR (loan prime rate) changes every month or so; its default of
3.00 % is only a starting value and the owner must keep it current in the
settings screen.

Settings are plain data: :func:`settings_to_dict` / :func:`settings_from_dict`
turn them into JSON-friendly values (Decimals as strings) and back, so the
database layer can store them without knowing the fields.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from lending.errors import UserError

# Forbidden in anything printed (DOMAIN.md "Pricing and disclosure rules"),
# plus obvious variants.  Matching ignores case, white space, hyphens and
# full-width forms (see lending.compliance.normalise_wording), so
# "Interest - Free" and "0 首 付" are caught by "interest-free" and "0首付".
DEFAULT_FORBIDDEN_WORDS: tuple[str, ...] = (
    "zero interest",
    "interest-free",
    "0 interest",
    "0% interest",
    "zero percent interest",
    "zero down payment",
    "zero down",
    "0 down payment",
    "0% down payment",
    "no down payment",
    "0 首付",
    "零首付",
    "免首付",
    "无首付",
    "无息",
    "零利率",
    "0利率",
    "0%利率",
    "零利息",
    "0利息",
    "免息",
)


class SettingsError(UserError):
    """Settings values that cannot be used; ``problems`` lists every one."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(
            "Invalid lending settings: " + "; ".join(problems), code="settings_invalid"
        )
        self.problems = tuple(problems)


@dataclass(frozen=True)
class LendingSettings:
    """Owner-editable lending defaults.  Rates and percentages are Decimal percent."""

    # --- affordability -------------------------------------------------
    max_dti_percent: Decimal = Decimal("50")
    """(new monthly payment + existing monthly debt) / monthly income must not exceed this."""

    # --- rate caps -----------------------------------------------------
    lpr_1y_percent: Decimal = Decimal("3.00")
    """The 1-year loan prime rate.  Owner's setting: keep it current."""
    rate_warn_lpr_multiple: Decimal = Decimal("4")
    """APR above this multiple of the LPR gets a warning."""
    apr_hard_cap_percent: Decimal = Decimal("24")
    """APR above this is refused."""

    # --- online small loans -------------------------------------------
    online_small_loan_max_amount: Decimal = Decimal("300000")
    online_small_loan_max_months: int = 36

    # --- vehicle appraisal --------------------------------------------
    depreciation_per_year_percent: Decimal = Decimal("12")
    depreciation_per_year_min_percent: Decimal = Decimal("10")
    depreciation_per_year_max_percent: Decimal = Decimal("15")
    depreciation_per_mileage_step_percent: Decimal = Decimal("6")
    depreciation_per_mileage_step_min_percent: Decimal = Decimal("5")
    depreciation_per_mileage_step_max_percent: Decimal = Decimal("8")
    mileage_step_km: int = 20000
    typical_km_per_year: int = 20000
    """A used-market reference assumes this mileage a year; only km above/below it count."""
    mileage_max_reduction_percent: Decimal = Decimal("50")
    """The mileage adjustment never takes more than this off the value."""
    mileage_max_increase_percent: Decimal = Decimal("15")
    """Low mileage never adds more than this to the value."""
    condition_factor_excellent: Decimal = Decimal("1.03")
    condition_factor_good: Decimal = Decimal("1.00")
    """The reference price is for average condition: 'good' keeps it."""
    condition_factor_fair: Decimal = Decimal("0.92")
    condition_factor_poor: Decimal = Decimal("0.80")
    reference_price_min: Decimal = Decimal("5000")
    reference_price_max: Decimal = Decimal("5000000")
    """A reference price outside this band asks the appraiser to confirm it."""
    deal_price_deviation_percent: Decimal = Decimal("30")
    """A deal price this far from the computed value asks for confirmation."""
    override_approval_percent: Decimal = Decimal("10")
    """An appraiser's override further than this from the computed value needs a manager."""
    vin_model_year_tolerance_years: int = 1
    """Model year (VIN position 10) more than this from the first registration year warns."""
    max_vehicle_age_years: Decimal = Decimal("8")
    """Default limit; each product carries its own limit."""
    max_vehicle_mileage_km: int = 150000
    """Default limit; each product carries its own limit."""
    odometer_max_km_per_year: int = 60000
    """More km per year of age than this is implausible (possible tampering)."""
    odometer_min_km_per_year: int = 1000
    """Fewer km per year than this, once the car is old enough, is implausible."""
    odometer_min_check_after_years: Decimal = Decimal("3")
    """The low-mileage check only applies to cars at least this old."""

    # --- customers and process ----------------------------------------
    min_customer_age: int = 22
    max_customer_age: int = 60
    cooling_off_hours: int = 24
    cooling_off_complex_product_days: int = 20
    """Cooling-off period for some complex products."""
    duplicate_application_window_days: int = 30
    follow_up_high_intent_hours: int = 48
    follow_up_after_delivery_days: int = 3
    follow_up_after_disbursement_days: int = 7

    # --- disclosure wording -------------------------------------------
    forbidden_words: tuple[str, ...] = field(default=DEFAULT_FORBIDDEN_WORDS)

    def __post_init__(self) -> None:
        problems = validate_settings(self)
        if problems:
            raise SettingsError(problems)

    @property
    def rate_warn_percent(self) -> Decimal:
        """APR above which a warning is shown: ``rate_warn_lpr_multiple`` x LPR."""
        return self.rate_warn_lpr_multiple * self.lpr_1y_percent


def validate_settings(s: LendingSettings) -> list[str]:
    """Every problem with ``s`` as a plain English phrase (empty when fine).

    Each phrase starts with the name of the field it is about, so a form can
    show it next to that field.
    """
    problems: list[str] = []

    def in_range(name: str, value: Decimal, lo: Decimal, hi: Decimal) -> None:
        if not lo <= value <= hi:
            problems.append(f"{name} must be between {lo} and {hi} (got {value})")

    hundred = Decimal(100)
    in_range("max_dti_percent", s.max_dti_percent, Decimal(1), hundred)
    in_range("lpr_1y_percent", s.lpr_1y_percent, Decimal(0), Decimal(50))
    in_range("rate_warn_lpr_multiple", s.rate_warn_lpr_multiple, Decimal(0), Decimal(100))
    in_range("apr_hard_cap_percent", s.apr_hard_cap_percent, Decimal(0), Decimal(1000))
    if s.online_small_loan_max_amount <= 0:
        problems.append("online_small_loan_max_amount must be positive")
    if s.online_small_loan_max_months <= 0:
        problems.append("online_small_loan_max_months must be positive")
    for name, lo, hi in (
        ("depreciation_per_year", s.depreciation_per_year_min_percent,
         s.depreciation_per_year_max_percent),
        ("depreciation_per_mileage_step", s.depreciation_per_mileage_step_min_percent,
         s.depreciation_per_mileage_step_max_percent),
    ):
        if not Decimal(0) <= lo <= hi < hundred:
            problems.append(f"{name}_min_percent and {name}_max_percent must satisfy "
                            f"0 <= min <= max < 100 (got {lo}..{hi})")
    in_range("depreciation_per_year_percent", s.depreciation_per_year_percent,
             s.depreciation_per_year_min_percent, s.depreciation_per_year_max_percent)
    in_range("depreciation_per_mileage_step_percent", s.depreciation_per_mileage_step_percent,
             s.depreciation_per_mileage_step_min_percent,
             s.depreciation_per_mileage_step_max_percent)
    if s.mileage_step_km <= 0:
        problems.append("mileage_step_km must be positive")
    for name in ("excellent", "good", "fair", "poor"):
        in_range(f"condition_factor_{name}", getattr(s, f"condition_factor_{name}"),
                 Decimal("0.01"), Decimal("1.15"))
    if s.typical_km_per_year < 0:
        problems.append("typical_km_per_year cannot be negative")
    in_range("mileage_max_reduction_percent", s.mileage_max_reduction_percent, Decimal(0),
             Decimal(99))
    in_range("mileage_max_increase_percent", s.mileage_max_increase_percent, Decimal(0),
             hundred)
    if not Decimal(0) < s.reference_price_min < s.reference_price_max:
        problems.append("reference_price_min and reference_price_max must satisfy "
                        "0 < min < max")
    in_range("deal_price_deviation_percent", s.deal_price_deviation_percent, Decimal(0),
             hundred)
    in_range("override_approval_percent", s.override_approval_percent, Decimal(0), hundred)
    if s.vin_model_year_tolerance_years < 0:
        problems.append("vin_model_year_tolerance_years cannot be negative")
    if s.max_vehicle_age_years <= 0:
        problems.append("max_vehicle_age_years must be positive")
    if s.max_vehicle_mileage_km <= 0:
        problems.append("max_vehicle_mileage_km must be positive")
    if not 0 < s.odometer_min_km_per_year < s.odometer_max_km_per_year:
        problems.append("odometer_min_km_per_year must be above 0 and below "
                        "odometer_max_km_per_year")
    if s.odometer_min_check_after_years < 0:
        problems.append("odometer_min_check_after_years cannot be negative")
    if not 16 <= s.min_customer_age <= s.max_customer_age <= 120:
        problems.append("min_customer_age and max_customer_age must satisfy "
                        "16 <= min <= max <= 120")
    for name in ("cooling_off_hours", "cooling_off_complex_product_days",
                 "duplicate_application_window_days",
                 "follow_up_high_intent_hours", "follow_up_after_delivery_days",
                 "follow_up_after_disbursement_days"):
        if getattr(s, name) < 0:
            problems.append(f"{name} cannot be negative")
    if any(not w.strip() for w in s.forbidden_words):
        problems.append("forbidden_words cannot contain empty entries")
    return problems


DEFAULT_SETTINGS = LendingSettings()


def _plain(value: Any) -> Any:
    """A setting's value as JSON-friendly data: Decimals as strings, tuples as lists."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def settings_to_dict(s: LendingSettings) -> dict[str, Any]:
    """JSON-friendly form: Decimals as strings, the word list as a list."""
    return {f.name: _plain(getattr(s, f.name)) for f in dataclasses.fields(s)}


def _decimal(raw: Any) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float, Decimal)):
        raise TypeError
    value = Decimal(str(raw))
    if not value.is_finite():
        raise TypeError
    return value


def _plain_value(raw: Any, current: Any) -> Any:
    """A stored value read back like ``current`` (Decimal, bool, int or strings)."""
    if isinstance(current, Decimal):
        return _decimal(raw)
    if isinstance(current, bool):
        if not isinstance(raw, bool):
            raise TypeError
        return raw
    if isinstance(current, int):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise TypeError
        return raw
    if isinstance(raw, str) or not all(isinstance(w, str) for w in raw):
        raise TypeError
    return tuple(raw)


S = TypeVar("S", "LendingSettings", "OnRoadSettings")


def _replace_from_dict(
    data: Mapping[str, Any], base: S, read: Callable[[str, Any, Any], Any]
) -> S:
    """``base`` with the stored values of ``data``; every problem in one SettingsError."""
    defaults = {f.name: getattr(base, f.name) for f in dataclasses.fields(base)}
    problems: list[str] = []
    changes: dict[str, Any] = {}
    for key, raw in data.items():
        if key not in defaults:
            problems.append(f"{key} is not a known setting")
            continue
        try:
            changes[key] = read(key, raw, defaults[key])
        except (TypeError, ValueError, KeyError, InvalidOperation):
            problems.append(f"{key} has an unreadable value {raw!r}")
    if problems:
        raise SettingsError(problems)
    return dataclasses.replace(base, **changes)


def settings_from_dict(
    data: Mapping[str, Any], base: LendingSettings = DEFAULT_SETTINGS
) -> LendingSettings:
    """Settings from stored values; keys not given keep ``base``'s value.

    Unknown keys and unreadable values are reported together in one
    :class:`SettingsError`.
    """
    return _replace_from_dict(data, base, lambda _key, raw, current: _plain_value(raw, current))


# --- the on-the-road price (DOMAIN.md "The whole deal") -------------------


@dataclass(frozen=True)
class NevTaxRule:
    """NEV purchase-tax relief for purchases from ``start`` to ``end`` (inclusive).

    ``reduction_percent`` of the full tax is taken off, at most ``cap`` CNY
    (``None``: no cap).  100 % with a cap of 30,000 is "exempt up to 30,000".
    """

    start: date
    end: date
    reduction_percent: Decimal
    cap: Decimal | None


DEFAULT_NEV_TAX_RULES: tuple[NevTaxRule, ...] = (
    NevTaxRule(date(2014, 9, 1), date(2023, 12, 31), Decimal(100), None),
    NevTaxRule(date(2024, 1, 1), date(2025, 12, 31), Decimal(100), Decimal(30000)),
    NevTaxRule(date(2026, 1, 1), date(2027, 12, 31), Decimal(50), Decimal(15000)),
)

# (displacement up to and including, litres; yearly vehicle and vessel tax, CNY).
# The law gives a range per band and each province fixes the figure; these
# are common provincial values, for the owner to set to the store's province.
DEFAULT_VESSEL_TAX_BANDS: tuple[tuple[Decimal, Decimal], ...] = (
    (Decimal("1.0"), Decimal(180)),
    (Decimal("1.6"), Decimal(360)),
    (Decimal("2.0"), Decimal(420)),
    (Decimal("2.5"), Decimal(720)),
    (Decimal("3.0"), Decimal(1800)),
    (Decimal("4.0"), Decimal(3000)),
)


@dataclass(frozen=True)
class OnRoadSettings:
    """Defaults of the on-the-road cost lines; every amount owner-editable."""

    vat_percent: Decimal = Decimal(13)
    """The invoice price includes this VAT; purchase tax is on the price without it."""
    purchase_tax_percent: Decimal = Decimal(10)
    nev_tax_rules: tuple[NevTaxRule, ...] = DEFAULT_NEV_TAX_RULES
    compulsory_insurance: Decimal = Decimal(950)
    """交强险 for a family car with fewer than ``large_car_seats`` seats."""
    compulsory_insurance_large: Decimal = Decimal(1100)
    large_car_seats: int = 6
    vessel_tax_bands: tuple[tuple[Decimal, Decimal], ...] = DEFAULT_VESSEL_TAX_BANDS
    vessel_tax_above: Decimal = Decimal(4500)
    """Yearly vehicle and vessel tax above the largest band."""
    default_displacement_litres: Decimal = Decimal("1.5")
    default_seats: int = 5
    registration_fee: Decimal = Decimal(500)
    gps_fee: Decimal = Decimal(1000)
    finance_service_fee: Decimal = Decimal(0)
    """金融服务费: loan-related, so part of the APR; disclosed with its amount."""
    transfer_fee: Decimal = Decimal(500)
    """过户费, used cars only (they pay no purchase tax)."""
    financed_lines: tuple[str, ...] = ()
    """Codes of the lines financed by default (the rest is paid in cash)."""

    def __post_init__(self) -> None:
        problems = validate_on_road_settings(self)
        if problems:
            raise SettingsError(problems)


def validate_on_road_settings(s: OnRoadSettings) -> list[str]:
    problems: list[str] = []
    if not Decimal(0) <= s.vat_percent < Decimal(100):
        problems.append("vat_percent must be between 0 and 100")
    if not Decimal(0) <= s.purchase_tax_percent < Decimal(100):
        problems.append("purchase_tax_percent must be between 0 and 100")
    for rule in s.nev_tax_rules:
        if rule.end < rule.start or not Decimal(0) <= rule.reduction_percent <= Decimal(100):
            problems.append(f"NEV tax rule {rule.start}..{rule.end} is not a valid relief")
        if rule.cap is not None and rule.cap < 0:
            problems.append(f"NEV tax rule {rule.start}..{rule.end} has a negative cap")
    ordered = sorted(s.nev_tax_rules, key=lambda r: r.start)
    if any(a.end >= b.start for a, b in itertools.pairwise(ordered)):
        problems.append("NEV tax rules must not overlap")
    limits = [limit for limit, _ in s.vessel_tax_bands]
    if limits != sorted(set(limits)) or any(x <= 0 for x in limits):
        problems.append("vessel_tax_bands must have increasing positive displacements")
    amounts = [
        s.compulsory_insurance, s.compulsory_insurance_large, s.vessel_tax_above,
        s.registration_fee, s.gps_fee, s.finance_service_fee, s.transfer_fee,
        *(tax for _, tax in s.vessel_tax_bands),
    ]
    if any(a < 0 for a in amounts):
        problems.append("on-road amounts cannot be negative")
    if s.large_car_seats < 1 or s.default_seats < 1:
        problems.append("seat counts must be positive")
    if s.default_displacement_litres <= 0:
        problems.append("default_displacement_litres must be positive")
    return problems


DEFAULT_ON_ROAD_SETTINGS = OnRoadSettings()


def on_road_settings_to_dict(s: OnRoadSettings) -> dict[str, Any]:
    """JSON-friendly form: Decimals as strings, dates ISO, rules and bands as lists."""
    out = {f.name: _plain(getattr(s, f.name)) for f in dataclasses.fields(s)
           if f.name != "nev_tax_rules"}
    out["nev_tax_rules"] = [
        {"start": r.start.isoformat(), "end": r.end.isoformat(),
         "reduction_percent": str(r.reduction_percent),
         "cap": None if r.cap is None else str(r.cap)}
        for r in s.nev_tax_rules
    ]
    return out


def _on_road_value(key: str, raw: Any, current: Any) -> Any:
    if key == "nev_tax_rules":
        return tuple(
            NevTaxRule(date.fromisoformat(r["start"]), date.fromisoformat(r["end"]),
                       _decimal(r["reduction_percent"]),
                       None if r["cap"] is None else _decimal(r["cap"]))
            for r in raw
        )
    if key == "vessel_tax_bands":
        return tuple((_decimal(limit), _decimal(tax)) for limit, tax in raw)
    return _plain_value(raw, current)


def on_road_settings_from_dict(
    data: Mapping[str, Any], base: OnRoadSettings = DEFAULT_ON_ROAD_SETTINGS
) -> OnRoadSettings:
    """On-road settings from stored values; keys not given keep ``base``'s value.

    Unknown keys and unreadable values are reported together in one
    :class:`SettingsError`, as are values that do not validate.
    """
    return _replace_from_dict(data, base, _on_road_value)

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
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

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
    condition_factor_excellent: Decimal = Decimal("1.00")
    condition_factor_good: Decimal = Decimal("0.97")
    condition_factor_fair: Decimal = Decimal("0.90")
    condition_factor_poor: Decimal = Decimal("0.80")
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
                 Decimal("0.01"), Decimal(1))
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


def settings_to_dict(s: LendingSettings) -> dict[str, Any]:
    """JSON-friendly form: Decimals as strings, the word list as a list."""
    out: dict[str, Any] = {}
    for f in dataclasses.fields(s):
        value = getattr(s, f.name)
        if isinstance(value, Decimal):
            out[f.name] = str(value)
        elif isinstance(value, tuple):
            out[f.name] = list(value)
        else:
            out[f.name] = value
    return out


def settings_from_dict(
    data: Mapping[str, Any], base: LendingSettings = DEFAULT_SETTINGS
) -> LendingSettings:
    """Settings from stored values; keys not given keep ``base``'s value.

    Unknown keys and unreadable values are reported together in one
    :class:`SettingsError`.
    """
    defaults = {f.name: getattr(base, f.name) for f in dataclasses.fields(base)}
    problems: list[str] = []
    changes: dict[str, Any] = {}
    for key, raw in data.items():
        if key not in defaults:
            problems.append(f"{key} is not a known setting")
            continue
        current = defaults[key]
        try:
            if isinstance(current, Decimal):
                if isinstance(raw, bool) or not isinstance(raw, (str, int, float, Decimal)):
                    raise TypeError
                value: Any = Decimal(str(raw))
                if not value.is_finite():
                    raise TypeError
            elif isinstance(current, bool):
                if not isinstance(raw, bool):
                    raise TypeError
                value = raw
            elif isinstance(current, int):
                if isinstance(raw, bool) or not isinstance(raw, int):
                    raise TypeError
                value = raw
            else:  # tuple of strings
                if isinstance(raw, str) or not all(isinstance(w, str) for w in raw):
                    raise TypeError
                value = tuple(raw)
        except (TypeError, InvalidOperation):
            problems.append(f"{key} has an unreadable value {raw!r}")
            continue
        changes[key] = value
    if problems:
        raise SettingsError(problems)
    return dataclasses.replace(base, **changes)

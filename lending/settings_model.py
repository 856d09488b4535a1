"""The three store-wide settings objects, each value declared once with its default.

:class:`StoreProfile` (printed on paper), :class:`LendingSettings` (rates and
caps, affordability, the customer process, follow-ups, quote defaults,
appraisal parameters, forbidden wording) and :class:`OnRoadSettings` (the
on-the-road cost lines): every field declared with :func:`_setting` (default,
group, unit, bounds), their validation (every problem as a keyed
:class:`~lending.reasons.Reason`) and their JSON-friendly form
(:func:`settings_to_dict` / :func:`settings_from_dict`, ...).  The registry of
keys and the building of settings from form or stored values is
:mod:`lending.settings_registry`; :mod:`lending.settings` re-exports both.
"""

from __future__ import annotations

import base64
import dataclasses
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

from lending.errors import UserError
from lending.reasons import Reason

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

MESSAGES: dict[str, str] = {
    "setting.between": "Enter a value from {min} to {max}.",
    "setting.above_at_most": "Enter a value above {min} and at most {max}.",
    "setting.at_least": "Enter a value of at least {min}.",
    "setting.above": "Enter a value above {min}.",
    "setting.not_number": "Enter a number, e.g. {example}.",
    "setting.not_whole": "Enter a whole number, e.g. {example}.",
    "setting.not_date": "Enter a date as year-month-day, e.g. {example}.",
    "setting.required": "This cannot be left empty.",
    "setting.too_long": "At most {n} characters.",
    "setting.phone_chars": "Only digits, spaces and + - ( ) in a phone number.",
    "setting.logo_kind": "The logo must be a PNG or JPEG picture.",
    "setting.logo_size": "The logo may be at most {kb} KB; use a smaller picture.",
    "setting.lower_above_upper": "The lower limit cannot be above the upper limit ({max}).",
    "setting.lower_not_below_upper": "The lower limit must be below the upper limit ({max}).",
    "setting.outside_band": "Must lie within its own lower and upper limit: {min} to {max}.",
    "setting.word_empty": "A forbidden word or phrase cannot be empty.",
    "setting.word_duplicate": "'{word}' is in the list twice.",
    "setting.nev_rule_invalid": (
        "The relief from {start} to {end} is not valid: the end is before the start, or the "
        "reduction is not between 0 and 100 %."
    ),
    "setting.nev_rule_cap": "The relief from {start} to {end} has a negative cap.",
    "setting.nev_rules_overlap": "Two NEV tax reliefs overlap in time.",
    "setting.bands_order": ("The displacements must be above 0 and grow from one row to the next."),
    "setting.band_tax_negative": "A yearly tax cannot be negative.",
    "setting.unknown_line": "There is no on-road cost line '{line}'.",
    "setting.unknown": "'{key}' is not a known setting.",
    "setting.unreadable": "The stored value cannot be read; enter it again.",
}


class SettingKind(StrEnum):
    """How a setting is typed in (and stored)."""

    DECIMAL = "decimal"
    INTEGER = "integer"
    DATE = "date"
    TEXT = "text"
    BOOL = "bool"
    WORDS = "words"
    """A list of phrases (the forbidden wording)."""
    IMAGE = "image"
    """PNG or JPEG bytes (the logo); stored as base64."""
    CODES = "codes"
    """A set of codes from a fixed list (the financed on-road lines)."""
    TABLE = "table"
    """Rows (the vessel tax bands, the NEV tax reliefs)."""


MAX_LOGO_BYTES = 256 * 1024
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def _setting(
    default: Any,
    group: str,
    unit: str = "",
    *,
    lo: int | str | None = None,
    hi: int | str | None = None,
    lo_open: bool = False,
    max_length: int | None = None,
    required: bool = False,
    key: str | None = None,
    kind: SettingKind | None = None,
) -> Any:
    """A dataclass field that carries what a form needs: group, unit and bounds.

    ``lo``/``hi`` are inclusive (``lo_open``: strictly above ``lo``).
    ``key`` overrides the stored key (default: the section prefix + the name).
    """
    meta = {
        "group": group,
        "unit": unit,
        "lo": None if lo is None else Decimal(lo),
        "hi": None if hi is None else Decimal(hi),
        "lo_open": lo_open,
        "max_length": max_length,
        "required": required,
        "key": key,
        "kind": kind,
    }
    return field(default=default, metadata=meta)


class SettingsError(UserError):
    """Settings values that cannot be used; ``problems`` lists every one.

    ``reasons`` holds the same as ``(field name, Reason)`` pairs, for a form.
    """

    def __init__(self, problems: list[str], reasons: Iterable[tuple[str, Reason]] = ()) -> None:
        super().__init__(
            "Invalid lending settings: " + "; ".join(problems), code="settings_invalid"
        )
        self.problems = tuple(problems)
        self.reasons = tuple(reasons)


def _reason(code: str, **params: object) -> Reason:
    return Reason.of(MESSAGES, code, **params)


def _number_text(value: Decimal) -> str:
    """A bound as a person writes it: Decimal('50.00') -> '50', 1000 -> '1,000'."""
    text = format(value.normalize(), ",f")
    return text


def _bounds_reasons(obj: Any) -> list[tuple[str, Reason]]:
    """Every field of ``obj`` outside the bounds declared with :func:`_setting`."""
    out: list[tuple[str, Reason]] = []
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        meta = f.metadata
        if not meta:
            continue
        if isinstance(value, str):
            limit = meta["max_length"]
            if meta["required"] and not value.strip():
                out.append((f.name, _reason("setting.required")))
            elif limit is not None and len(value) > limit:
                out.append((f.name, _reason("setting.too_long", n=limit)))
            continue
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            continue
        lo, hi, lo_open = meta["lo"], meta["hi"], meta["lo_open"]
        low_ok = lo is None or (value > lo if lo_open else value >= lo)
        high_ok = hi is None or value <= hi
        if low_ok and high_ok:
            continue
        if lo is not None and hi is not None:
            code = "setting.above_at_most" if lo_open else "setting.between"
            out.append((f.name, _reason(code, min=_number_text(lo), max=_number_text(hi))))
        elif lo is not None:
            code = "setting.above" if lo_open else "setting.at_least"
            out.append((f.name, _reason(code, min=_number_text(lo))))
        else:
            assert hi is not None
            out.append((f.name, _reason("setting.between", min="0", max=_number_text(hi))))
    return out


def _raise_if(reasons: list[tuple[str, Reason]]) -> None:
    if reasons:
        raise SettingsError([f"{name}: {r.render()}" for name, r in reasons], reasons)


# --- the store profile (printed on paper) ----------------------------------


@dataclass(frozen=True)
class StoreProfile:
    """The store as customers read it on a quote, a plan or a disclosure sheet."""

    name: str = _setting("", "store", max_length=200, required=True, key="store.name")
    """Stored as the store's own name (``stores.name``), not as a setting row."""
    address: str = _setting("", "store", max_length=200, key="app.store.address")
    phone: str = _setting("", "store", max_length=40, key="app.store.phone")
    licence_no: str = _setting("", "store", max_length=60, key="app.store.licence_no")
    """Business licence / unified social credit code, printed under the address."""
    complaint_channel: str = _setting(
        "", "store", max_length=300, key="app.store.complaint_channel"
    )
    """Free text; empty prints the default channels."""
    logo: bytes = _setting(b"", "store", key="app.store.logo")
    """PNG or JPEG, at most :data:`MAX_LOGO_BYTES`; empty: no logo."""
    catalogue_confirmed: bool = _setting(False, "store", key="app.catalogue.confirmed")
    """The owner has checked the product catalogue (lenders, rates, fees) and
    confirmed it is the store's real offer.  Until then every customer document
    carries a "sample data - not an offer" watermark."""


def validate_store_profile(p: StoreProfile) -> list[tuple[str, Reason]]:
    reasons = _bounds_reasons(p)
    if p.phone and not re.fullmatch(r"[0-9 +()\-－（）]*", p.phone):
        reasons.append(("phone", _reason("setting.phone_chars")))
    if p.logo:
        if not (p.logo.startswith(_PNG) or p.logo.startswith(_JPEG)):
            reasons.append(("logo", _reason("setting.logo_kind")))
        elif len(p.logo) > MAX_LOGO_BYTES:
            reasons.append(("logo", _reason("setting.logo_size", kb=MAX_LOGO_BYTES // 1024)))
    return reasons


DEFAULT_STORE_PROFILE = StoreProfile()


# --- lending ----------------------------------------------------------------


@dataclass(frozen=True)
class LendingSettings:
    """Owner-editable lending defaults.  Rates and percentages are Decimal percent."""

    # --- rates and caps ------------------------------------------------
    lpr_1y_percent: Decimal = _setting(Decimal("3.00"), "rates", "%", lo=0, hi=50)
    """The 1-year loan prime rate.  Owner's setting: keep it current."""
    lpr_5y_percent: Decimal = _setting(Decimal("3.50"), "rates", "%", lo=0, hi=50)
    """The 5-year (and longer) loan prime rate."""
    lpr_date: date = _setting(date(2025, 5, 20), "rates")
    """The day the LPR figures above were published (shown with them)."""
    rate_warn_lpr_multiple: Decimal = _setting(Decimal("4"), "rates", "×", lo=0, hi=100)
    """APR above this multiple of the 1-year LPR gets a warning."""
    apr_hard_cap_percent: Decimal = _setting(Decimal("24"), "rates", "%", lo=0, hi=1000)
    """APR above this is refused."""
    online_small_loan_max_amount: Decimal = _setting(
        Decimal("300000"), "rates", "CNY", lo=0, lo_open=True
    )
    online_small_loan_max_months: int = _setting(36, "rates", "months", lo=1)

    # --- plans and quotes ---------------------------------------------
    max_dti_percent: Decimal = _setting(Decimal("50"), "plans", "%", lo=1, hi=100)
    """(new monthly payment + existing monthly debt) / monthly income must not exceed this."""
    quote_valid_days: int = _setting(7, "plans", "days", lo=1, hi=90)
    """A printed quote is valid for this many days from its date."""
    default_down_payment_percent: Decimal = _setting(Decimal("30"), "plans", "%", lo=0, hi=100)
    """The finance plan step starts with this share of the price as down payment."""
    default_term_months: int = _setting(36, "plans", "months", lo=1, hi=120)
    """... and with this term (when the product offers it)."""

    # --- vehicle appraisal --------------------------------------------
    depreciation_per_year_percent: Decimal = _setting(Decimal("12"), "appraisal", "%", lo=0, hi=99)
    depreciation_per_year_min_percent: Decimal = _setting(
        Decimal("10"), "appraisal", "%", lo=0, hi=99
    )
    depreciation_per_year_max_percent: Decimal = _setting(
        Decimal("15"), "appraisal", "%", lo=0, hi=99
    )
    depreciation_per_mileage_step_percent: Decimal = _setting(
        Decimal("6"), "appraisal", "%", lo=0, hi=99
    )
    depreciation_per_mileage_step_min_percent: Decimal = _setting(
        Decimal("5"), "appraisal", "%", lo=0, hi=99
    )
    depreciation_per_mileage_step_max_percent: Decimal = _setting(
        Decimal("8"), "appraisal", "%", lo=0, hi=99
    )
    mileage_step_km: int = _setting(20000, "appraisal", "km", lo=1)
    typical_km_per_year: int = _setting(20000, "appraisal", "km", lo=0)
    """A used-market reference assumes this mileage a year; only km above/below it count."""
    mileage_max_reduction_percent: Decimal = _setting(Decimal("50"), "appraisal", "%", lo=0, hi=99)
    """The mileage adjustment never takes more than this off the value."""
    mileage_max_increase_percent: Decimal = _setting(Decimal("15"), "appraisal", "%", lo=0, hi=100)
    """Low mileage never adds more than this to the value."""
    condition_factor_excellent: Decimal = _setting(
        Decimal("1.03"), "appraisal", "×", lo="0.01", hi="1.15"
    )
    condition_factor_good: Decimal = _setting(
        Decimal("1.00"), "appraisal", "×", lo="0.01", hi="1.15"
    )
    """The reference price is for average condition: 'good' keeps it."""
    condition_factor_fair: Decimal = _setting(
        Decimal("0.92"), "appraisal", "×", lo="0.01", hi="1.15"
    )
    condition_factor_poor: Decimal = _setting(
        Decimal("0.80"), "appraisal", "×", lo="0.01", hi="1.15"
    )
    reference_price_min: Decimal = _setting(Decimal("5000"), "appraisal", "CNY", lo=0, lo_open=True)
    reference_price_max: Decimal = _setting(
        Decimal("5000000"), "appraisal", "CNY", lo=0, lo_open=True
    )
    """A reference price outside this band asks the appraiser to confirm it."""
    deal_price_deviation_percent: Decimal = _setting(Decimal("30"), "appraisal", "%", lo=0, hi=100)
    """A deal price this far from the computed value asks for confirmation."""
    override_approval_percent: Decimal = _setting(Decimal("10"), "appraisal", "%", lo=0, hi=100)
    """An appraiser's override further than this from the computed value needs a manager."""
    vin_model_year_tolerance_years: int = _setting(1, "appraisal", "years", lo=0)
    """Model year (VIN position 10) more than this from the first registration year warns."""
    max_vehicle_age_years: Decimal = _setting(
        Decimal("8"), "appraisal", "years", lo=0, lo_open=True
    )
    """Default limit; each product carries its own limit."""
    max_vehicle_mileage_km: int = _setting(150000, "appraisal", "km", lo=1)
    """Default limit; each product carries its own limit."""
    odometer_max_km_per_year: int = _setting(60000, "appraisal", "km", lo=1)
    """More km per year of age than this is implausible (possible tampering)."""
    odometer_min_km_per_year: int = _setting(1000, "appraisal", "km", lo=1)
    """Fewer km per year than this, once the car is old enough, is implausible."""
    odometer_min_check_after_years: Decimal = _setting(Decimal("3"), "appraisal", "years", lo=0)
    """The low-mileage check only applies to cars at least this old."""

    # --- customers and process ----------------------------------------
    min_customer_age: int = _setting(22, "process", "years", lo=16, hi=120)
    max_customer_age: int = _setting(60, "process", "years", lo=16, hi=120)
    cooling_off_hours: int = _setting(24, "process", "hours", lo=0)
    cooling_off_complex_product_days: int = _setting(20, "process", "days", lo=0)
    """Cooling-off period for some complex products."""
    duplicate_application_window_days: int = _setting(30, "process", "days", lo=0)
    follow_up_high_intent_hours: int = _setting(48, "process", "hours", lo=0)
    follow_up_after_delivery_days: int = _setting(3, "process", "days", lo=0)
    follow_up_after_disbursement_days: int = _setting(7, "process", "days", lo=0)

    # --- disclosure wording -------------------------------------------
    forbidden_words: tuple[str, ...] = _setting(DEFAULT_FORBIDDEN_WORDS, "wording")

    def __post_init__(self) -> None:
        _raise_if(lending_setting_reasons(self))

    @property
    def rate_warn_percent(self) -> Decimal:
        """APR above which a warning is shown: ``rate_warn_lpr_multiple`` x LPR."""
        return self.rate_warn_lpr_multiple * self.lpr_1y_percent


def _band(
    reasons: list[tuple[str, Reason]],
    name: str,
    lo: Decimal,
    hi: Decimal,
    *,
    strict: bool = False,
) -> bool:
    """``lo`` <= (or <) ``hi``; else a reason on the lower limit ``name``."""
    if lo < hi or (lo == hi and not strict):
        return True
    code = "setting.lower_not_below_upper" if strict else "setting.lower_above_upper"
    reasons.append((name, _reason(code, max=_number_text(hi))))
    return False


def lending_setting_reasons(s: LendingSettings) -> list[tuple[str, Reason]]:
    """Every problem with ``s`` as ``(field name, Reason)``, in field order, then the
    rules between fields (each on the field to correct)."""
    reasons = _bounds_reasons(s)
    for stem in ("depreciation_per_year", "depreciation_per_mileage_step"):
        lo = getattr(s, f"{stem}_min_percent")
        hi = getattr(s, f"{stem}_max_percent")
        value = getattr(s, f"{stem}_percent")
        if _band(reasons, f"{stem}_min_percent", lo, hi) and not lo <= value <= hi:
            reasons.append(
                (
                    f"{stem}_percent",
                    _reason("setting.outside_band", min=_number_text(lo), max=_number_text(hi)),
                )
            )
    _band(reasons, "reference_price_min", s.reference_price_min, s.reference_price_max, strict=True)
    _band(
        reasons,
        "odometer_min_km_per_year",
        Decimal(s.odometer_min_km_per_year),
        Decimal(s.odometer_max_km_per_year),
        strict=True,
    )
    _band(reasons, "min_customer_age", Decimal(s.min_customer_age), Decimal(s.max_customer_age))
    reasons.extend(_word_reasons("forbidden_words", s.forbidden_words))
    return reasons


def _word_reasons(name: str, words: tuple[str, ...]) -> list[tuple[str, Reason]]:
    if any(not w.strip() for w in words):
        return [(name, _reason("setting.word_empty"))]
    seen: set[str] = set()
    for w in words:
        folded = unicodedata.normalize("NFKC", w).strip().casefold()
        if folded in seen:
            return [(name, _reason("setting.word_duplicate", word=w.strip()))]
        seen.add(folded)
    return []


def validate_settings(s: LendingSettings) -> list[str]:
    """Every problem with ``s`` as a plain English phrase (empty when fine).

    Each phrase starts with the name of the field it is about and a colon,
    so a form can show it next to that field.
    """
    return [f"{name}: {r.render()}" for name, r in lending_setting_reasons(s)]


DEFAULT_SETTINGS = LendingSettings()


def _plain(value: Any) -> Any:
    """A setting's value as JSON-friendly data: Decimals as strings, dates ISO,
    bytes as base64, tuples as lists."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
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
    """A stored value read back like ``current`` (Decimal, date, bytes, bool, int, strings)."""
    if isinstance(current, Decimal):
        return _decimal(raw)
    if isinstance(current, date):
        if not isinstance(raw, str):
            raise TypeError
        return date.fromisoformat(raw)
    if isinstance(current, bytes):
        if not isinstance(raw, str):
            raise TypeError
        return base64.b64decode(raw.encode("ascii"), validate=True)
    if isinstance(current, bool):
        if not isinstance(raw, bool):
            raise TypeError
        return raw
    if isinstance(current, int):
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise TypeError
        return raw
    if isinstance(current, str):
        if not isinstance(raw, str):
            raise TypeError
        return raw
    if isinstance(raw, str) or not all(isinstance(w, str) for w in raw):
        raise TypeError
    return tuple(raw)


S = TypeVar("S", "LendingSettings", "OnRoadSettings")


def _replace_from_dict(data: Mapping[str, Any], base: S, read: Callable[[str, Any, Any], Any]) -> S:
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

ON_ROAD_LINES: tuple[str, ...] = (
    "purchase_tax",
    "compulsory_insurance",
    "vessel_tax",
    "registration",
    "gps",
    "finance_service_fee",
    "transfer_fee",
)
"""The codes of the on-the-road cost lines (``lending.onroad.LINE_CODES``)."""


@dataclass(frozen=True)
class OnRoadSettings:
    """Defaults of the on-the-road cost lines; every amount owner-editable."""

    vat_percent: Decimal = _setting(Decimal(13), "on_road", "%", lo=0, hi=99)
    """The invoice price includes this VAT; purchase tax is on the price without it."""
    purchase_tax_percent: Decimal = _setting(Decimal(10), "on_road", "%", lo=0, hi=99)
    nev_tax_rules: tuple[NevTaxRule, ...] = _setting(
        DEFAULT_NEV_TAX_RULES, "on_road", kind=SettingKind.TABLE
    )
    compulsory_insurance: Decimal = _setting(Decimal(950), "on_road", "CNY", lo=0)
    """交强险 for a family car with fewer than ``large_car_seats`` seats."""
    compulsory_insurance_large: Decimal = _setting(Decimal(1100), "on_road", "CNY", lo=0)
    large_car_seats: int = _setting(6, "on_road", "seats", lo=1, hi=60)
    vessel_tax_bands: tuple[tuple[Decimal, Decimal], ...] = _setting(
        DEFAULT_VESSEL_TAX_BANDS, "on_road", kind=SettingKind.TABLE
    )
    vessel_tax_above: Decimal = _setting(Decimal(4500), "on_road", "CNY", lo=0)
    """Yearly vehicle and vessel tax above the largest band."""
    default_displacement_litres: Decimal = _setting(
        Decimal("1.5"), "on_road", "L", lo=0, hi=10, lo_open=True
    )
    default_seats: int = _setting(5, "on_road", "seats", lo=1, hi=60)
    registration_fee: Decimal = _setting(Decimal(500), "on_road", "CNY", lo=0)
    gps_fee: Decimal = _setting(Decimal(1000), "on_road", "CNY", lo=0)
    finance_service_fee: Decimal = _setting(Decimal(0), "on_road", "CNY", lo=0)
    """金融服务费: loan-related, so part of the APR; disclosed with its amount."""
    transfer_fee: Decimal = _setting(Decimal(500), "on_road", "CNY", lo=0)
    """过户费, used cars only (they pay no purchase tax)."""
    financed_lines: tuple[str, ...] = _setting((), "on_road", kind=SettingKind.CODES)
    """Codes of the lines financed by default (the rest is paid in cash)."""

    def __post_init__(self) -> None:
        _raise_if(on_road_setting_reasons(self))


def on_road_setting_reasons(s: OnRoadSettings) -> list[tuple[str, Reason]]:
    reasons = _bounds_reasons(s)
    for rule in s.nev_tax_rules:
        if rule.end < rule.start or not Decimal(0) <= rule.reduction_percent <= Decimal(100):
            reasons.append(
                (
                    "nev_tax_rules",
                    _reason("setting.nev_rule_invalid", start=rule.start, end=rule.end),
                )
            )
        if rule.cap is not None and rule.cap < 0:
            reasons.append(
                ("nev_tax_rules", _reason("setting.nev_rule_cap", start=rule.start, end=rule.end))
            )
    ordered = sorted(s.nev_tax_rules, key=lambda r: r.start)
    if any(a.end >= b.start for a, b in itertools.pairwise(ordered)):
        reasons.append(("nev_tax_rules", _reason("setting.nev_rules_overlap")))
    limits = [limit for limit, _ in s.vessel_tax_bands]
    if limits != sorted(set(limits)) or any(x <= 0 for x in limits):
        reasons.append(("vessel_tax_bands", _reason("setting.bands_order")))
    if any(tax < 0 for _, tax in s.vessel_tax_bands):
        reasons.append(("vessel_tax_bands", _reason("setting.band_tax_negative")))
    for code in s.financed_lines:
        if code not in ON_ROAD_LINES:
            reasons.append(("financed_lines", _reason("setting.unknown_line", line=code)))
    return reasons


def validate_on_road_settings(s: OnRoadSettings) -> list[str]:
    return [f"{name}: {r.render()}" for name, r in on_road_setting_reasons(s)]


DEFAULT_ON_ROAD_SETTINGS = OnRoadSettings()


def _nev_rules_plain(rules: tuple[NevTaxRule, ...]) -> list[dict[str, Any]]:
    return [
        {
            "start": r.start.isoformat(),
            "end": r.end.isoformat(),
            "reduction_percent": str(r.reduction_percent),
            "cap": None if r.cap is None else str(r.cap),
        }
        for r in rules
    ]


def on_road_settings_to_dict(s: OnRoadSettings) -> dict[str, Any]:
    """JSON-friendly form: Decimals as strings, dates ISO, rules and bands as lists."""
    out = {
        f.name: _plain(getattr(s, f.name))
        for f in dataclasses.fields(s)
        if f.name != "nev_tax_rules"
    }
    out["nev_tax_rules"] = _nev_rules_plain(s.nev_tax_rules)
    return out


def _on_road_value(key: str, raw: Any, current: Any) -> Any:
    if key == "nev_tax_rules":
        return tuple(
            NevTaxRule(
                date.fromisoformat(r["start"]),
                date.fromisoformat(r["end"]),
                _decimal(r["reduction_percent"]),
                None if r["cap"] is None else _decimal(r["cap"]),
            )
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

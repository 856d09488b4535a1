"""Every store-wide value an owner can change, declared once with its default.

DOMAIN.md marks a number of figures as *defaults*: a store must be able to
use other values.  They live in three frozen dataclasses:

* :class:`StoreProfile` - what is printed on paper about the store (name,
  address, phone, licence number, logo, complaint channel) and whether the
  owner has confirmed the catalogue (until then documents carry the sample
  watermark);
* :class:`LendingSettings` - rates and caps, affordability, the customer
  process, follow-up intervals, quote defaults, appraisal parameters and the
  forbidden wording;
* :class:`OnRoadSettings` - the on-the-road cost lines.

Each field is declared with :func:`_setting`: its default, the group it is
shown in, its unit and its bounds.  :data:`REGISTRY` lists every field of
the three (with the key it is stored under), and :func:`build_store_settings`
turns form or stored values into the three objects, reporting every problem
as a :class:`~lending.reasons.Reason` keyed by the setting's key, so a form
shows it next to its field.  The rest of ``lending`` takes a settings object
as a parameter and never hard-codes a figure.

The 1-year LPR (loan prime rate) changes every month or so; its default of
3.00 % (and 3.50 % for 5 years, unchanged since 2025-05-20) is only a
starting value and the owner must keep it current in the settings dialog.

Settings are plain data: :func:`settings_to_dict` / :func:`settings_from_dict`
turn them into JSON-friendly values (Decimals as strings, dates ISO) and
back, so the database layer can store them without knowing the fields.

This module is the settings' public import path; the code lives by job in
:mod:`lending.settings_model` (the three objects, validation, JSON form) and
:mod:`lending.settings_registry` (keys, form text, building from stored values).
"""

from lending.settings_model import (
    DEFAULT_FORBIDDEN_WORDS,
    DEFAULT_NEV_TAX_RULES,
    DEFAULT_ON_ROAD_SETTINGS,
    DEFAULT_SETTINGS,
    DEFAULT_STORE_PROFILE,
    DEFAULT_VESSEL_TAX_BANDS,
    MAX_LOGO_BYTES,
    MESSAGES,
    ON_ROAD_LINES,
    LendingSettings,
    NevTaxRule,
    OnRoadSettings,
    SettingKind,
    SettingsError,
    StoreProfile,
    lending_setting_reasons,
    on_road_setting_reasons,
    on_road_settings_from_dict,
    on_road_settings_to_dict,
    settings_from_dict,
    settings_to_dict,
    validate_on_road_settings,
    validate_settings,
    validate_store_profile,
)
from lending.settings_registry import (
    DEFAULT_STORE_SETTINGS,
    REGISTRY,
    SPECS,
    SettingSpec,
    StoreSettings,
    build_store_settings,
    from_plain,
    parse_kind,
    parse_text,
    to_plain,
)

__all__ = [
    "DEFAULT_FORBIDDEN_WORDS",
    "DEFAULT_NEV_TAX_RULES",
    "DEFAULT_ON_ROAD_SETTINGS",
    "DEFAULT_SETTINGS",
    "DEFAULT_STORE_PROFILE",
    "DEFAULT_STORE_SETTINGS",
    "DEFAULT_VESSEL_TAX_BANDS",
    "MAX_LOGO_BYTES",
    "MESSAGES",
    "ON_ROAD_LINES",
    "REGISTRY",
    "SPECS",
    "LendingSettings",
    "NevTaxRule",
    "OnRoadSettings",
    "SettingKind",
    "SettingSpec",
    "SettingsError",
    "StoreProfile",
    "StoreSettings",
    "build_store_settings",
    "from_plain",
    "lending_setting_reasons",
    "on_road_setting_reasons",
    "on_road_settings_from_dict",
    "on_road_settings_to_dict",
    "parse_kind",
    "parse_text",
    "settings_from_dict",
    "settings_to_dict",
    "to_plain",
    "validate_on_road_settings",
    "validate_settings",
    "validate_store_profile",
]

"""The settings registry: every store-wide value by its stored key, and settings built from it.

:data:`REGISTRY` lists every field of the three settings objects of
:mod:`lending.settings_model` with the key it is stored under, its kind and
bounds; :class:`StoreSettings` holds the three for one store;
:func:`parse_text` reads a form field, :func:`to_plain` / :func:`from_plain`
convert a stored value, and :func:`build_store_settings` turns form or stored
values into the three objects, reporting every problem keyed by the setting's
key (so a form shows it next to its field).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from lending.reasons import Reason
from lending.settings_model import (
    DEFAULT_ON_ROAD_SETTINGS,
    DEFAULT_SETTINGS,
    DEFAULT_STORE_PROFILE,
    LendingSettings,
    OnRoadSettings,
    SettingKind,
    StoreProfile,
    _nev_rules_plain,
    _on_road_value,
    _plain,
    _plain_value,
    _raise_if,
    _reason,
    lending_setting_reasons,
    on_road_setting_reasons,
    validate_store_profile,
)


@dataclass(frozen=True)
class SettingSpec:
    """One store-wide value: where it is stored, how it is typed, its default."""

    key: str
    """The stored key (``lending.max_dti_percent``) - also the form's field key."""
    section: str
    """``store``, ``lending`` or ``on_road``: which dataclass holds it."""
    name: str
    """The field's name in that dataclass."""
    group: str
    """Where a form shows it: ``store``, ``rates``, ``plans``, ``process``,
    ``appraisal``, ``wording`` or ``on_road``."""
    kind: SettingKind
    default: Any
    unit: str = ""
    lo: Decimal | None = None
    hi: Decimal | None = None
    lo_open: bool = False
    max_length: int | None = None


_SECTIONS: tuple[tuple[str, str, type], ...] = (
    ("store", "", StoreProfile),
    ("lending", "lending.", LendingSettings),
    ("on_road", "onroad.", OnRoadSettings),
)


def _kind(default: Any, meta: Mapping[str, Any]) -> SettingKind:
    if meta.get("kind") is not None:
        return SettingKind(meta["kind"])
    for typ, kind in (
        (bool, SettingKind.BOOL),
        (bytes, SettingKind.IMAGE),
        (str, SettingKind.TEXT),
        (int, SettingKind.INTEGER),
        (Decimal, SettingKind.DECIMAL),
        (date, SettingKind.DATE),
        (tuple, SettingKind.WORDS),
    ):
        if isinstance(default, typ):
            return kind
    raise TypeError(f"no setting kind for {default!r}")


def _registry() -> tuple[SettingSpec, ...]:
    specs = []
    for section, prefix, cls in _SECTIONS:
        for f in dataclasses.fields(cls):
            meta = f.metadata
            specs.append(
                SettingSpec(
                    key=meta.get("key") or prefix + f.name,
                    section=section,
                    name=f.name,
                    group=meta["group"],
                    kind=_kind(f.default, meta),
                    default=f.default,
                    unit=meta["unit"],
                    lo=meta["lo"],
                    hi=meta["hi"],
                    lo_open=meta["lo_open"],
                    max_length=meta["max_length"],
                )
            )
    return tuple(specs)


REGISTRY: tuple[SettingSpec, ...] = _registry()
"""Every store-wide setting, in the order a form shows them."""
SPECS: Mapping[str, SettingSpec] = {s.key: s for s in REGISTRY}


@dataclass(frozen=True)
class StoreSettings:
    """Everything of :data:`REGISTRY` for one store."""

    profile: StoreProfile = DEFAULT_STORE_PROFILE
    lending: LendingSettings = DEFAULT_SETTINGS
    on_road: OnRoadSettings = DEFAULT_ON_ROAD_SETTINGS

    def value(self, key: str) -> Any:
        spec = SPECS[key]
        return getattr(getattr(self, _ATTR[spec.section]), spec.name)

    def values(self) -> dict[str, Any]:
        """Every setting by key (typed values)."""
        return {s.key: self.value(s.key) for s in REGISTRY}


_ATTR = {"store": "profile", "lending": "lending", "on_road": "on_road"}
DEFAULT_STORE_SETTINGS = StoreSettings()


def to_plain(key: str, value: Any) -> Any:
    """A setting's typed value as stored (JSON-friendly)."""
    if key == "onroad.nev_tax_rules":
        return _nev_rules_plain(value)
    return _plain(value)


def from_plain(key: str, raw: Any) -> Any:
    """A stored value back as its type (TypeError / ValueError ... when unreadable)."""
    spec = SPECS[key]
    if spec.section == "on_road":
        return _on_road_value(spec.name, raw, spec.default)
    return _plain_value(raw, spec.default)


_EXAMPLES = {SettingKind.DECIMAL: "3.45", SettingKind.INTEGER: "30", SettingKind.DATE: "2026-01-20"}


def parse_text(key: str, text: str) -> Any:
    """A value typed into a form field, as the setting's type (see :func:`parse_kind`)."""
    return parse_kind(SPECS[key].kind, text)


def parse_kind(kind: SettingKind, text: str) -> Any:
    """Text typed for a value of ``kind`` (decimal, integer, date or text), as that type.

    Full-width digits, thousands separators and a trailing ``%`` are
    accepted.  A :class:`~lending.reasons.ReasonsError` says what is wrong.
    """
    from lending.reasons import ReasonsError

    if kind is SettingKind.TEXT:
        return text.strip()
    plain = unicodedata.normalize("NFKC", text).strip()
    example = _EXAMPLES.get(kind, "")
    if kind is SettingKind.DATE:
        try:
            return date.fromisoformat(plain)
        except ValueError:
            raise ReasonsError([_reason("setting.not_date", example=example)]) from None
    plain = plain.replace(",", "").replace(" ", "").removesuffix("%")
    if kind is SettingKind.INTEGER:
        if not re.fullmatch(r"[+-]?\d+", plain):
            raise ReasonsError([_reason("setting.not_whole", example=example)])
        return int(plain)
    if kind is SettingKind.DECIMAL:
        if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", plain):
            raise ReasonsError([_reason("setting.not_number", example=example)])
        return Decimal(plain)
    raise ValueError(f"{kind} is not typed as text")


def build_store_settings(
    values: Mapping[str, Any], base: StoreSettings = DEFAULT_STORE_SETTINGS
) -> StoreSettings:
    """``base`` with typed ``values`` (by key); every problem, by key, in one SettingsError.

    A form's text goes through :func:`parse_text` first; a value the
    dataclasses refuse is reported on the field to correct.
    """
    unknown = [(k, _reason("setting.unknown", key=k)) for k in values if k not in SPECS]
    _raise_if(unknown)
    changes: dict[str, dict[str, Any]] = {"store": {}, "lending": {}, "on_road": {}}
    for key, value in values.items():
        spec = SPECS[key]
        changes[spec.section][spec.name] = value
    profile = dataclasses.replace(base.profile, **changes["store"])
    reasons = _keyed("store", validate_store_profile(profile))
    parts: dict[str, Any] = {"profile": profile}
    for section, attr, checks in (
        ("lending", "lending", lending_setting_reasons),
        ("on_road", "on_road", on_road_setting_reasons),
    ):
        obj = getattr(base, attr)
        # replace() would run __post_init__: check the candidate first
        candidate = object.__new__(type(obj))
        for f in dataclasses.fields(obj):
            object.__setattr__(
                candidate, f.name, changes[section].get(f.name, getattr(obj, f.name))
            )
        found = checks(candidate)
        reasons.extend(_keyed(section, found))
        parts[attr] = candidate if found else dataclasses.replace(obj, **changes[section])
    _raise_if(reasons)
    return StoreSettings(**parts)


def _keyed(section: str, reasons: list[tuple[str, Reason]]) -> list[tuple[str, Reason]]:
    by_name = {s.name: s.key for s in REGISTRY if s.section == section}
    return [(by_name[name], r) for name, r in reasons]

"""Store settings: every value of :data:`lending.settings.REGISTRY`, per store.

One row per setting in ``store_settings`` under the registry's key
(``lending.max_dti_percent``, ``onroad.gps_fee``, ``app.store.phone``,
``app.catalogue.confirmed`` ...); the store's name is the ``stores`` row
itself.  A value never saved is the registry's default.  Other app settings
(the PDF font, the owner's KPI targets) live in the same table under the
``app.`` prefix through :func:`get_app_setting` / :func:`set_app_setting`.

:func:`save_store_settings` is the one way to change them: the owner only,
every value checked first (a problem on any field: nothing is saved, every
reason comes back keyed by the field), and one audit row listing each
change as ``{"key", "before", "after"}`` (the key without ``app.``).  A change applies to what is
worked out from then on - a saved plan keeps the figures it was made with.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import InvalidOperation
from typing import Any

from sqlalchemy import select

from db.models import Store, StoreSetting
from db.models.enums import AuditAction
from db.services import audit
from db.services.base import (
    Actor,
    NotFound,
    Permission,
    Target,
    ValidationError,
    reading,
    require,
    transaction,
)
from db.uow import UnitOfWork
from lending.reasons import Reason
from lending.settings import (
    REGISTRY,
    SPECS,
    LendingSettings,
    OnRoadSettings,
    SettingKind,
    SettingsError,
    StoreProfile,
    StoreSettings,
    build_store_settings,
    from_plain,
    settings_to_dict,
    to_plain,
)

log = logging.getLogger(__name__)

LENDING_PREFIX = "lending."
APP_PREFIX = "app."
NAME_KEY = "store.name"
"""The registry key of the store's name (kept in ``stores.name``)."""

MESSAGES: dict[str, str] = {
    "store.name_taken": "Another store of the group already has this name.",
}

_STORED_KEYS = [s.key for s in REGISTRY if s.key != NAME_KEY]


def load_store_settings(target: Target, store_id: int) -> StoreSettings:
    """Every setting of the store (the registry's default for anything never saved)."""
    with reading(target) as uow:
        cached = uow.cache.get(("store_settings", store_id))
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        store = uow.session.get(Store, store_id)
        if store is None:
            raise NotFound(f"Store {store_id} does not exist.", code="not_found")
        values: dict[str, Any] = {NAME_KEY: store.name}
        for row in uow.session.scalars(
            select(StoreSetting).where(
                StoreSetting.store_id == store_id, StoreSetting.key.in_(_STORED_KEYS)
            )
        ):
            try:
                values[row.key] = from_plain(row.key, row.value)
            except (TypeError, ValueError, KeyError, InvalidOperation):
                # damaged by hand: the default holds until the owner saves it again
                log.warning(
                    "store %s: setting %s cannot be read; using its default", store_id, row.key
                )
        try:
            result = build_store_settings(values)
        except SettingsError as exc:
            bad = {k for k, _ in exc.reasons}
            log.warning(
                "store %s: settings %s out of range; using their defaults",
                store_id,
                ", ".join(sorted(bad)),
            )
            result = build_store_settings(
                {k: v for k, v in values.items() if k not in bad or k == NAME_KEY},
                StoreSettings(profile=StoreProfile(name=store.name or "-")),
            )
        uow.cache[("store_settings", store_id)] = result
        return result


def load_settings(target: Target, store_id: int) -> LendingSettings:
    """The store's lending settings (defaults for anything never saved)."""
    return load_store_settings(target, store_id).lending


def load_on_road_settings(target: Target, store_id: int) -> OnRoadSettings:
    """The store's defaults of the on-the-road cost lines."""
    return load_store_settings(target, store_id).on_road


def _audit_value(key: str, value: Any) -> Any:
    """What the audit log keeps of a value: the value, or a fingerprint for a picture."""
    if SPECS[key].kind is SettingKind.IMAGE:
        if not value:
            return ""
        return f"{len(value)} bytes, sha256 {hashlib.sha256(value).hexdigest()[:12]}"
    return to_plain(key, value)


def _reasons_by_key(exc: SettingsError) -> dict[str, Reason]:
    out: dict[str, Reason] = {}
    for key, reason in exc.reasons:
        out.setdefault(key, reason)  # the first problem of a field is the one to fix
    return out


def save_store_settings(target: Target, actor: Actor, values: Mapping[str, Any]) -> StoreSettings:
    """Owner: change settings (typed values by registry key); all checked first.

    Any problem raises :class:`ValidationError` with a :class:`Reason` per
    field and writes nothing.  Unchanged values write nothing either; the
    changes are audited in one row: ``{"changes": [{"key", "before", "after"}]}``.
    """
    require(actor, Permission.EDIT_SETTINGS)
    if isinstance(values.get(NAME_KEY), str):
        values = {**values, NAME_KEY: " ".join(values[NAME_KEY].split())}
    with transaction(target) as uow:
        current = load_store_settings(uow, actor.store_id)
        try:
            new = build_store_settings(values, current)
        except SettingsError as exc:
            raise ValidationError(_reasons_by_key(exc)) from None
        changed = [s.key for s in REGISTRY if new.value(s.key) != current.value(s.key)]
        if NAME_KEY in changed:
            _check_store_name(uow, actor, new.profile.name)
        if not changed:
            return current
        uow.cache.pop(("store_settings", actor.store_id), None)
        rows = {
            r.key: r
            for r in uow.session.scalars(
                select(StoreSetting).where(
                    StoreSetting.store_id == actor.store_id, StoreSetting.key.in_(changed)
                )
            )
        }
        for key in changed:
            if key == NAME_KEY:
                store = uow.session.get(Store, actor.store_id)
                assert store is not None
                store.name = new.profile.name
                continue
            plain = to_plain(key, new.value(key))
            row = rows.get(key)
            if row is None:
                uow.session.add(
                    StoreSetting(
                        store_id=actor.store_id, key=key, value=plain, updated_by=actor.staff_id
                    )
                )
            else:
                row.value = plain
                row.updated_by = actor.staff_id
        _audit_changes(
            uow,
            actor,
            [
                {
                    "key": audit_key(k),
                    "before": _audit_value(k, current.value(k)),
                    "after": _audit_value(k, new.value(k)),
                }
                for k in changed
            ],
        )
        uow.session.flush()
        return new


def _check_store_name(uow: UnitOfWork, actor: Actor, name: str) -> None:
    from db.services.stores import _check_name

    try:
        _check_name(uow, name, exclude=actor.store_id)
    except ValidationError:
        raise ValidationError({NAME_KEY: Reason.of(MESSAGES, "store.name_taken")}) from None


def save_settings(target: Target, actor: Actor, settings: LendingSettings) -> LendingSettings:
    """Owner: replace the store's lending settings as a whole (audited as one change)."""
    values = {LENDING_PREFIX + name: getattr(settings, name) for name in settings_to_dict(settings)}
    return save_store_settings(target, actor, values).lending


def update_settings(target: Target, actor: Actor, changes: dict[str, Any]) -> LendingSettings:
    """Change some lending settings from stored-style values (``{"cooling_off_hours": 48}``);
    every problem comes back per field name."""
    require(actor, Permission.EDIT_SETTINGS)
    values: dict[str, Any] = {}
    errors: dict[str, str | Reason] = {}
    for name, raw in changes.items():
        key = LENDING_PREFIX + name
        if key not in SPECS:
            errors[name] = f"{name} is not a known setting"
            continue
        try:
            values[key] = from_plain(key, raw)
        except (TypeError, ValueError, KeyError, InvalidOperation):
            errors[name] = f"{name} has an unreadable value {raw!r}"
    if errors:
        raise ValidationError(errors)
    try:
        return save_store_settings(target, actor, values).lending
    except ValidationError as exc:
        raise ValidationError(
            {k.removeprefix(LENDING_PREFIX): exc.reasons.get(k) or v for k, v in exc.errors.items()}
        ) from None


def get_app_setting(target: Target, store_id: int, key: str, default: Any = None) -> Any:
    with reading(target) as uow:
        row = uow.session.get(StoreSetting, (store_id, APP_PREFIX + key))
        return default if row is None else row.value


def _put_app_setting(uow: UnitOfWork, actor: Actor, key: str, value: Any) -> dict[str, Any] | None:
    """Store one app setting; ``{"key", "before", "after"}`` when it changed, else None."""
    row = uow.session.get(StoreSetting, (actor.store_id, APP_PREFIX + key))
    before = None if row is None else row.value
    if row is not None and before == value:
        return None
    if row is None:
        uow.session.add(
            StoreSetting(
                store_id=actor.store_id,
                key=APP_PREFIX + key,
                value=value,
                updated_by=actor.staff_id,
            )
        )
    else:
        row.value = value
        row.updated_by = actor.staff_id
    return {"key": key, "before": before, "after": value}


def set_app_setting(target: Target, actor: Actor, key: str, value: Any) -> None:
    """Change one app setting of the actor's store (``edit_settings``); audited before -> after.

    App settings include what customer paper prints (the store's address and
    phone), so a change is never anonymous.  A key of the settings registry
    (``store.phone``, ``catalogue.confirmed`` ...) goes through
    :func:`save_store_settings`: checked like any other setting.
    """
    require(actor, Permission.EDIT_SETTINGS)
    if APP_PREFIX + key in SPECS:
        save_store_settings(target, actor, {APP_PREFIX + key: value})
        return
    with transaction(target) as uow:
        change = _put_app_setting(uow, actor, key, value)
        if change is not None:
            _audit_changes(uow, actor, [change])


def _audit_changes(uow: UnitOfWork, actor: Actor, changes: list[dict[str, Any]]) -> None:
    """One audit row naming every setting that changed, each with its value before and after."""
    audit.record(
        uow,
        store_id=actor.store_id,
        action=AuditAction.SETTINGS_CHANGE,
        actor=actor,
        target_type="settings",
        target_id=actor.store_id,
        fields=",".join(c["key"] for c in changes)[:500],
        detail={"changes": changes},
    )


def audit_key(key: str) -> str:
    """A registry key as the audit log names it: without the storage prefix ``app.``
    (``store.phone``, ``catalogue.confirmed``, ``lending.max_dti_percent``)."""
    return key.removeprefix(APP_PREFIX)


# ---------------------------------------------------------------------------
# the store itself (name, and what is printed about it on documents)
# ---------------------------------------------------------------------------

CATALOGUE_CONFIRMED = "app.catalogue.confirmed"
"""Registry key: the owner has confirmed the catalogue (see ``StoreProfile``)."""


@dataclass(frozen=True)
class StoreView:
    id: int
    name: str
    address: str
    phone: str
    complaint_channel: str
    catalogue_confirmed: bool = False
    licence_no: str = ""
    logo: bytes = b""


def get_store(target: Target, store_id: int) -> StoreView:
    p = load_store_settings(target, store_id).profile
    return StoreView(
        id=store_id,
        name=p.name,
        address=p.address,
        phone=p.phone,
        complaint_channel=p.complaint_channel,
        catalogue_confirmed=p.catalogue_confirmed,
        licence_no=p.licence_no,
        logo=p.logo,
    )


def catalogue_confirmed(target: Target, store_id: int) -> bool:
    """Whether the owner has confirmed the store's catalogue (default: not)."""
    return load_store_settings(target, store_id).profile.catalogue_confirmed


def confirm_catalogue(target: Target, actor: Actor, confirmed: bool = True) -> None:
    """Owner: the catalogue is (or is no longer) the store's real offer; audited."""
    save_store_settings(target, actor, {CATALOGUE_CONFIRMED: bool(confirmed)})


def update_store(
    target: Target,
    actor: Actor,
    *,
    name: str | None = None,
    address: str | None = None,
    phone: str | None = None,
    complaint_channel: str | None = None,
    licence_no: str | None = None,
) -> StoreView:
    """Owner: the store's name and the contact lines printed on customer documents."""
    given = {
        NAME_KEY: name,
        "app.store.address": address,
        "app.store.phone": phone,
        "app.store.complaint_channel": complaint_channel,
        "app.store.licence_no": licence_no,
    }
    values = {k: v.strip() for k, v in given.items() if v is not None}
    with transaction(target) as uow:
        save_store_settings(uow, actor, values)
        return get_store(uow, actor.store_id)


# ---------------------------------------------------------------------------
# how many automatic backups are kept (db.auto_backup)
# ---------------------------------------------------------------------------

BACKUP_KEEP_LAST = "backup.keep_last"
BACKUP_KEEP_MONTHLY = "backup.keep_monthly"
KEEP_LAST_RANGE = (1, 365)
KEEP_MONTHLY_RANGE = (0, 120)


@dataclass(frozen=True)
class BackupPolicy:
    """Which automatic backups are kept: the newest ``keep_last`` and, for each
    of the last ``keep_monthly`` calendar months (this one included), the
    first backup of that month.  One policy for the whole database file."""

    keep_last: int = 14
    keep_monthly: int = 12


DEFAULT_BACKUP_POLICY = BackupPolicy()


def _policy_problems(keep_last: Any, keep_monthly: Any) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name, value, (lo, hi) in (
        ("keep_last", keep_last, KEEP_LAST_RANGE),
        ("keep_monthly", keep_monthly, KEEP_MONTHLY_RANGE),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            errors[name] = f"Enter a whole number from {lo} to {hi}."
    return errors


def _policy_store(target: Target) -> int | None:
    """The store the database-wide policy is kept with: the first one."""
    with reading(target) as uow:
        return uow.session.scalar(select(Store.id).order_by(Store.id).limit(1))


def backup_policy(target: Target) -> BackupPolicy:
    """The policy in force (defaults for anything never set or unreadable)."""
    store_id = _policy_store(target)
    if store_id is None:
        return DEFAULT_BACKUP_POLICY
    keep_last = get_app_setting(target, store_id, BACKUP_KEEP_LAST, DEFAULT_BACKUP_POLICY.keep_last)
    keep_monthly = get_app_setting(
        target, store_id, BACKUP_KEEP_MONTHLY, DEFAULT_BACKUP_POLICY.keep_monthly
    )
    problems = _policy_problems(keep_last, keep_monthly)
    return BackupPolicy(
        keep_last=DEFAULT_BACKUP_POLICY.keep_last if "keep_last" in problems else keep_last,
        keep_monthly=(
            DEFAULT_BACKUP_POLICY.keep_monthly if "keep_monthly" in problems else keep_monthly
        ),
    )


def set_backup_policy(
    target: Target, actor: Actor, *, keep_last: int, keep_monthly: int
) -> BackupPolicy:
    """Owner: how many automatic backups are kept; audited.  Bad values change nothing."""
    require(actor, Permission.MANAGE_BACKUPS)
    problems = _policy_problems(keep_last, keep_monthly)
    if problems:
        raise ValidationError(problems)
    with transaction(target) as uow:
        store_id = _policy_store(uow)
        if store_id is None:
            raise NotFound("There is no store yet.", code="store_not_found")
        holder = Actor(actor.staff_id, store_id, actor.username, actor.role)
        changes = [
            change
            for key, value in ((BACKUP_KEEP_LAST, keep_last), (BACKUP_KEEP_MONTHLY, keep_monthly))
            if (change := _put_app_setting(uow, holder, key, value)) is not None
        ]
        if changes:
            audit.record(
                uow,
                store_id=store_id,
                action=AuditAction.SETTINGS_CHANGE,
                actor=actor,
                target_type="backups",
                detail={"changes": changes},
            )
    return BackupPolicy(keep_last=keep_last, keep_monthly=keep_monthly)

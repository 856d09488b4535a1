"""Store settings: ``lending.settings.LendingSettings`` values plus app settings.

Only values that differ from the defaults need to be stored, but saving
writes every field so a report can show what was in force.  App settings
(language, font path, ...) live in the same table under an ``app.`` prefix.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from lending.settings import (
    DEFAULT_SETTINGS,
    LendingSettings,
    SettingsError,
    settings_from_dict,
    settings_to_dict,
)

LENDING_PREFIX = "lending."
APP_PREFIX = "app."


def load_settings(target: Target, store_id: int) -> LendingSettings:
    """The store's lending settings (defaults for anything never saved)."""
    with reading(target) as uow:
        cached = uow.cache.get(("settings", store_id))
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        rows = uow.session.scalars(
            select(StoreSetting).where(
                StoreSetting.store_id == store_id, StoreSetting.key.startswith(LENDING_PREFIX)
            )
        )
        data = {r.key[len(LENDING_PREFIX) :]: r.value for r in rows}
        known = set(settings_to_dict(DEFAULT_SETTINGS))
        # a setting removed in a newer lending version is ignored, not fatal
        result = settings_from_dict({k: v for k, v in data.items() if k in known})
        uow.cache[("settings", store_id)] = result
        return result


def save_settings(target: Target, actor: Actor, settings: LendingSettings) -> LendingSettings:
    require(actor, Permission.EDIT_SETTINGS)
    values = settings_to_dict(settings)
    with transaction(target) as uow:
        uow.cache.pop(("settings", actor.store_id), None)
        existing = {
            r.key: r
            for r in uow.session.scalars(
                select(StoreSetting).where(StoreSetting.store_id == actor.store_id)
            )
        }
        changed = []
        for name, value in values.items():
            key = LENDING_PREFIX + name
            row = existing.get(key)
            if row is None:
                uow.session.add(
                    StoreSetting(
                        store_id=actor.store_id, key=key, value=value, updated_by=actor.staff_id
                    )
                )
                changed.append(name)
            elif row.value != value:
                row.value = value
                row.updated_by = actor.staff_id
                changed.append(name)
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.SETTINGS_CHANGE,
            actor=actor,
            target_type="settings",
            detail={"changed": changed},
        )
    return settings


def update_settings(target: Target, actor: Actor, changes: dict[str, Any]) -> LendingSettings:
    """Change some settings from form values; every problem comes back per field."""
    require(actor, Permission.EDIT_SETTINGS)
    current = load_settings(target, actor.store_id)
    try:
        new = settings_from_dict(changes, base=current)
    except SettingsError as exc:
        known = set(settings_to_dict(DEFAULT_SETTINGS))
        errors: dict[str, str] = {}
        for problem in exc.problems:
            name = problem.split()[0]
            key = name if name in known else "settings"
            errors[key] = (errors[key] + "; " + problem) if key in errors else problem
        raise ValidationError(errors) from None
    return save_settings(target, actor, new)


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
    phone), so a change is never anonymous.
    """
    require(actor, Permission.EDIT_SETTINGS)
    with transaction(target) as uow:
        change = _put_app_setting(uow, actor, key, value)
        if change is not None:
            _audit_store_change(uow, actor, [change])


# ---------------------------------------------------------------------------
# the store itself (name, and contact lines printed on documents)
# ---------------------------------------------------------------------------

STORE_ADDRESS = "store.address"
STORE_PHONE = "store.phone"
STORE_COMPLAINT_CHANNEL = "store.complaint_channel"
CATALOGUE_CONFIRMED = "catalogue.confirmed"
"""App setting: the owner has checked the product catalogue (lenders, rates, fees) and
confirmed it is the store's real offer. Until then (the default) every customer
document carries a "sample data - not an offer" watermark."""


@dataclass(frozen=True)
class StoreView:
    id: int
    name: str
    address: str
    phone: str
    complaint_channel: str
    catalogue_confirmed: bool = False


def get_store(target: Target, store_id: int) -> StoreView:
    with reading(target) as uow:
        store = uow.session.get(Store, store_id)
        if store is None:
            raise NotFound(f"Store {store_id} does not exist.", code="not_found")
        values = {
            r.key: r.value
            for r in uow.session.scalars(
                select(StoreSetting).where(
                    StoreSetting.store_id == store_id,
                    StoreSetting.key.in_(
                        [
                            APP_PREFIX + k
                            for k in (STORE_ADDRESS, STORE_PHONE, STORE_COMPLAINT_CHANNEL,
                                      CATALOGUE_CONFIRMED)
                        ]
                    ),
                )
            )
        }
        return StoreView(
            id=store.id,
            name=store.name,
            address=str(values.get(APP_PREFIX + STORE_ADDRESS) or ""),
            phone=str(values.get(APP_PREFIX + STORE_PHONE) or ""),
            complaint_channel=str(values.get(APP_PREFIX + STORE_COMPLAINT_CHANNEL) or ""),
            catalogue_confirmed=values.get(APP_PREFIX + CATALOGUE_CONFIRMED) is True,
        )


def _audit_store_change(
    uow: UnitOfWork, actor: Actor, changes: list[dict[str, Any]]
) -> None:
    """One audit row naming every setting that changed, each with its value before and after."""
    audit.record(
        uow,
        store_id=actor.store_id,
        action=AuditAction.SETTINGS_CHANGE,
        actor=actor,
        target_type="store",
        target_id=actor.store_id,
        detail={"changes": changes},
    )


def catalogue_confirmed(target: Target, store_id: int) -> bool:
    """Whether the owner has confirmed the store's catalogue (default: not)."""
    return get_app_setting(target, store_id, CATALOGUE_CONFIRMED, False) is True


def confirm_catalogue(target: Target, actor: Actor, confirmed: bool = True) -> None:
    """Owner: the catalogue is (or is no longer) the store's real offer; audited."""
    require(actor, Permission.EDIT_SETTINGS)
    with transaction(target) as uow:
        change = _put_app_setting(uow, actor, CATALOGUE_CONFIRMED, bool(confirmed))
        _audit_store_change(uow, actor, [change] if change else [])


def update_store(
    target: Target,
    actor: Actor,
    *,
    name: str | None = None,
    address: str | None = None,
    phone: str | None = None,
    complaint_channel: str | None = None,
) -> StoreView:
    """Owner: the store's name and the contact lines printed on customer documents."""
    require(actor, Permission.EDIT_SETTINGS)
    if name is not None and not name.strip():
        raise ValidationError({"name": "Enter the store's name."})
    with transaction(target) as uow:
        store = uow.session.get(Store, actor.store_id)
        assert store is not None
        changes: list[dict[str, Any]] = []
        if name is not None and name.strip() != store.name:
            changes.append({"key": "store.name", "before": store.name, "after": name.strip()})
            store.name = name.strip()
        for key, value in (
            (STORE_ADDRESS, address),
            (STORE_PHONE, phone),
            (STORE_COMPLAINT_CHANNEL, complaint_channel),
        ):
            if value is not None:
                change = _put_app_setting(uow, actor, key, value.strip())
                if change is not None:
                    changes.append(change)
        _audit_store_change(uow, actor, changes)
        uow.session.flush()
        return get_store(uow, actor.store_id)

"""Saving store settings: the owner only, all or nothing, every change audited before -> after."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select

from db import Database
from db.models import AuditEntry, StoreSetting
from db.models.enums import AuditAction, Role
from db.services import settings as settings_service
from db.services import stores
from db.services.base import Actor, PermissionDenied, ValidationError
from lending.settings import DEFAULT_ON_ROAD_SETTINGS, DEFAULT_SETTINGS
from tests.db.conftest import make_actor

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))


def _settings_audits(database: Database) -> list[tuple[int | None, str, Any]]:
    """(staff id, user name, detail) of every settings change, oldest first."""
    with database.unit_of_work() as uow:
        return [
            (e.staff_id, e.username, e.detail)
            for e in uow.session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == AuditAction.SETTINGS_CHANGE.value)
                .order_by(AuditEntry.id)
            )
        ]


def _rows(database: Database) -> int:
    with database.unit_of_work() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(StoreSetting)) or 0)


def test_a_change_is_saved_and_audited_with_before_and_after(
    database: Database, owner: Actor
) -> None:
    new = settings_service.save_store_settings(
        database,
        owner,
        {
            "lending.lpr_1y_percent": Decimal("3.10"),
            "lending.lpr_date": date(2026, 11, 20),
            "lending.quote_valid_days": 7,  # unchanged: not written, not audited
            "onroad.gps_fee": Decimal("1288"),
            "app.store.licence_no": "91110105MA01ABCD2X",
            "app.store.logo": PNG,
        },
    )
    assert new.lending.lpr_1y_percent == Decimal("3.10")
    loaded = settings_service.load_store_settings(database, owner.store_id)
    assert loaded == new
    assert settings_service.load_on_road_settings(database, owner.store_id).gps_fee == 1288
    assert settings_service.get_store(database, owner.store_id).logo == PNG
    [(staff_id, username, detail)] = _settings_audits(database)
    assert staff_id == owner.staff_id and username == owner.username
    changes = {c["key"]: (c["before"], c["after"]) for c in detail["changes"]}
    assert changes.pop("store.logo")[1].startswith(f"{len(PNG)} bytes, sha256 ")
    assert changes == {
        "lending.lpr_1y_percent": ("3.00", "3.10"),
        "lending.lpr_date": ("2025-05-20", "2026-11-20"),
        "onroad.gps_fee": ("1000", "1288"),
        "store.licence_no": ("", "91110105MA01ABCD2X"),
    }
    # saving the same again changes nothing and writes no audit row
    settings_service.save_store_settings(database, owner, {"onroad.gps_fee": Decimal("1288")})
    assert len(_settings_audits(database)) == 1


def test_one_bad_value_saves_nothing_and_names_every_field(
    database: Database, owner: Actor
) -> None:
    before_rows = _rows(database)
    with pytest.raises(ValidationError) as err:
        settings_service.save_store_settings(
            database,
            owner,
            {
                "lending.lpr_1y_percent": Decimal("3.10"),  # fine on its own
                "lending.max_dti_percent": Decimal(500),
                "onroad.registration_fee": Decimal(-5),
                "store.name": "",
            },
        )
    assert {k: r.code for k, r in err.value.reasons.items()} == {
        "lending.max_dti_percent": "setting.between",
        "onroad.registration_fee": "setting.at_least",
        "store.name": "setting.required",
    }
    assert _rows(database) == before_rows
    assert settings_service.load_settings(database, owner.store_id) == DEFAULT_SETTINGS
    assert _settings_audits(database) == []


def test_only_the_owner_changes_settings(database: Database, owner: Actor) -> None:
    manager = make_actor(database, owner, "manager", Role.MANAGER)
    with pytest.raises(PermissionDenied):
        settings_service.save_store_settings(database, manager, {"lending.cooling_off_hours": 48})
    with pytest.raises(PermissionDenied):
        settings_service.confirm_catalogue(database, manager)
    # the manager reads them all the same
    assert settings_service.load_store_settings(database, manager.store_id).lending == (
        DEFAULT_SETTINGS
    )


def test_the_store_name_is_unique_in_the_group(database: Database, owner: Actor) -> None:
    stores.add_store(database, owner, "Chaoyang")
    with pytest.raises(ValidationError) as err:
        settings_service.save_store_settings(database, owner, {"store.name": "chaoyang"})
    assert err.value.reasons["store.name"].code == "store.name_taken"
    new = settings_service.save_store_settings(database, owner, {"store.name": "Haidian"})
    assert settings_service.get_store(database, owner.store_id).name == new.profile.name


def test_confirming_the_catalogue_is_audited(database: Database, owner: Actor) -> None:
    assert settings_service.catalogue_confirmed(database, owner.store_id) is False
    settings_service.confirm_catalogue(database, owner)
    assert settings_service.catalogue_confirmed(database, owner.store_id) is True
    [(_, _, detail)] = _settings_audits(database)
    assert detail["changes"] == [{"key": "catalogue.confirmed", "before": False, "after": True}]


def test_a_damaged_stored_value_falls_back_to_its_default(database: Database, owner: Actor) -> None:
    settings_service.save_store_settings(database, owner, {"onroad.gps_fee": Decimal(800)})
    with database.unit_of_work() as uow:
        uow.session.add(
            StoreSetting(store_id=owner.store_id, key="lending.max_dti_percent", value="lots")
        )
        uow.session.add(
            StoreSetting(store_id=owner.store_id, key="lending.cooling_off_hours", value=-3)
        )
        uow.commit()
    loaded = settings_service.load_store_settings(database, owner.store_id)
    assert loaded.lending == DEFAULT_SETTINGS
    assert loaded.on_road == DEFAULT_ON_ROAD_SETTINGS.__class__(gps_fee=Decimal(800))


def test_app_settings_of_the_registry_are_checked_like_the_others(
    database: Database, owner: Actor
) -> None:
    with pytest.raises(ValidationError) as err:
        settings_service.set_app_setting(database, owner, "store.phone", "call me")
    assert err.value.reasons["app.store.phone"].code == "setting.phone_chars"
    settings_service.set_app_setting(database, owner, "catalogue.confirmed", True)
    assert settings_service.catalogue_confirmed(database, owner.store_id) is True
    # a key outside the registry stays a plain app setting
    settings_service.set_app_setting(database, owner, "report.kpi_targets", {"loans": 20})
    assert settings_service.get_app_setting(database, owner.store_id, "report.kpi_targets") == {
        "loans": 20
    }

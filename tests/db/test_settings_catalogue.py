"""Store settings persistence, the owner-editable catalogue, the unit of work."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from db import Database
from db.models import AuditEntry, Customer
from db.models.enums import AuditAction, Role
from db.services import audit, catalogue, customers
from db.services import settings as settings_service
from db.services.base import Actor, PermissionDenied, ValidationError
from lending.settings import DEFAULT_SETTINGS
from resources import default_catalogue_data
from tests.db.conftest import make_actor


def test_settings_default_then_persist(database: Database, owner: Actor) -> None:
    assert settings_service.load_settings(database, owner.store_id) == DEFAULT_SETTINGS
    changed = dataclasses.replace(
        DEFAULT_SETTINGS, lpr_1y_percent=Decimal("3.10"), max_dti_percent=Decimal("45")
    )
    settings_service.save_settings(database, owner, changed)
    assert settings_service.load_settings(database, owner.store_id) == changed
    new = settings_service.update_settings(database, owner, {"cooling_off_hours": 48})
    assert new.cooling_off_hours == 48 and new.lpr_1y_percent == Decimal("3.10")
    assert settings_service.load_settings(database, owner.store_id) == new


def test_settings_errors_per_field_and_permission(database: Database, owner: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        settings_service.update_settings(database, owner, {"max_dti_percent": "500"})
    assert "max_dti_percent" in info.value.errors
    manager = make_actor(database, owner, "m", Role.MANAGER)
    with pytest.raises(PermissionDenied):
        settings_service.save_settings(database, manager, DEFAULT_SETTINGS)


def test_app_settings(database: Database, owner: Actor) -> None:
    assert (
        settings_service.get_app_setting(database, owner.store_id, "language", "zh_CN") == "zh_CN"
    )
    settings_service.set_app_setting(database, owner, "language", "en")
    assert settings_service.get_app_setting(database, owner.store_id, "language") == "en"


def test_catalogue_seeded_from_default(database: Database, owner: Actor) -> None:
    data = default_catalogue_data()
    cat = catalogue.load_catalogue(database, owner.store_id)
    assert [p.code for p in cat.products] == [p["code"] for p in data["products"]]
    assert [p.code for p in cat.consumer_credit] == [p["code"] for p in data["consumer_credit"]]
    # seeding again adds nothing
    assert catalogue.seed_default_catalogue(database, owner) == 0


def test_owner_edits_a_product(database: Database, owner: Actor) -> None:
    rows = catalogue.list_products(database, owner)
    spec = dict(next(r for r in rows if r.code == "finance_company").spec)
    spec["apr_max_percent"] = "9.50"
    catalogue.save_product(database, owner, spec)
    cat = catalogue.load_catalogue(database, owner.store_id)
    assert cat.product("finance_company").apr_max_percent == Decimal("9.50")
    catalogue.set_product_active(database, owner, "finance_company", False)
    assert "finance_company" not in [
        p.code for p in catalogue.load_catalogue(database, owner.store_id).products
    ]
    changes = [
        e for e in audit.list_entries(database, owner) if e.action is AuditAction.CATALOGUE_CHANGE
    ]
    assert len(changes) == 2


def test_invalid_product_is_refused(database: Database, owner: Actor) -> None:
    rows = catalogue.list_products(database, owner)
    spec = dict(next(r for r in rows if r.code == "bank_mortgage").spec)
    spec["apr_min_percent"] = "-1"
    with pytest.raises(ValidationError) as info:
        catalogue.save_product(database, owner, spec)
    assert "catalogue" in info.value.errors
    assert info.value.reasons["catalogue"].code == "catalogue.at_least"  # translatable
    assert catalogue.load_catalogue(database, owner.store_id).product(
        "bank_mortgage"
    ).apr_min_percent == Decimal("4.50")
    manager = make_actor(database, owner, "m", Role.MANAGER)
    with pytest.raises(PermissionDenied):
        catalogue.save_product(database, manager, rows[0].spec)


def test_unit_of_work_rolls_back_without_commit(database: Database, owner: Actor) -> None:
    with database.unit_of_work() as uow:
        customers.create_customer(uow, owner, "临时")
        # no commit
    with database.unit_of_work() as uow:
        customers.create_customer(uow, owner, "保留")
        uow.commit()
    with pytest.raises(RuntimeError), database.unit_of_work() as uow:
        customers.create_customer(uow, owner, "出错")
        raise RuntimeError
    with database.unit_of_work() as uow:
        names = list(uow.session.scalars(select(Customer.name)))
    assert names == ["保留"]


def test_bulk_calls_share_one_transaction(database: Database, owner: Actor) -> None:
    with database.unit_of_work() as uow:
        for i in range(50):
            customers.create_customer(uow, owner, f"批量{i:02d}", phone=f"139000000{i:02d}")
        uow.commit()
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Customer)) == 50


def test_export_is_audited(database: Database, owner: Actor) -> None:
    audit.record_export(database, owner, what="report.xlsx", detail={"from": "2026-01-01"})
    with database.unit_of_work() as uow:
        e = uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == AuditAction.EXPORT.value)
        ).one()
        assert e.staff_id == owner.staff_id and e.target_type == "report.xlsx"


def test_store_details(database: Database, owner: Actor) -> None:
    assert settings_service.get_store(database, owner.store_id).name == "Main Street Motors"
    view = settings_service.update_store(
        database,
        owner,
        name="Main St Motors",
        phone="010-12345678",
        complaint_channel="Call 010-12345678 or write to the manager.",
    )
    assert view.name == "Main St Motors" and view.phone == "010-12345678"
    assert view.address == ""
    assert settings_service.get_store(database, owner.store_id) == view
    with pytest.raises(ValidationError):
        settings_service.update_store(database, owner, name=" ")


def _settings_audit(database: Database, owner: Actor) -> list[object]:
    return [
        e.detail for e in audit.list_entries(database, owner, action=AuditAction.SETTINGS_CHANGE)
    ]


def test_app_settings_need_permission_and_are_audited_before_after(
    database: Database, owner: Actor
) -> None:
    """Issue 11, item 12: the store's phone printed on paper is no anonymous change.

    On the old main ``set_app_setting`` took any actor and wrote no audit row.
    """
    consultant = make_actor(database, owner, "c", Role.CONSULTANT)
    with pytest.raises(PermissionDenied):
        settings_service.set_app_setting(database, consultant, "store.phone", "400-000-0000")
    assert settings_service.get_app_setting(database, owner.store_id, "store.phone") is None
    assert _settings_audit(database, owner) == []

    settings_service.set_app_setting(database, owner, "store.phone", "021-5555-0101")
    settings_service.set_app_setting(database, owner, "store.phone", "021-5555-0202")
    settings_service.set_app_setting(database, owner, "store.phone", "021-5555-0202")  # same
    details = _settings_audit(database, owner)
    assert details == [
        {"changes": [{"key": "store.phone", "before": "021-5555-0101", "after": "021-5555-0202"}]},
        # the store's phone is a registry setting: before a first change it is its default
        {"changes": [{"key": "store.phone", "before": "", "after": "021-5555-0101"}]},
    ]
    entries = audit.list_entries(database, owner, action=AuditAction.SETTINGS_CHANGE)
    assert {(e.username, e.staff_id) for e in entries} == {("owner", owner.staff_id)}


def test_store_contact_changes_are_audited_before_after(database: Database, owner: Actor) -> None:
    settings_service.update_store(database, owner, address="1 Main St", phone="021-1")
    settings_service.update_store(database, owner, name="Main St Motors", phone="021-2")
    latest = _settings_audit(database, owner)[0]
    assert latest == {
        "changes": [
            {"key": "store.name", "before": "Main Street Motors", "after": "Main St Motors"},
            {"key": "store.phone", "before": "021-1", "after": "021-2"},
        ]
    }

"""Customers: consent before the ID number, search, masking, audited unmasked views."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db import Database
from db.models import AuditEntry, ConsentRecord, Customer
from db.models.enums import AuditAction, Role
from db.services import audit, customers
from db.services.base import Actor, ConcurrentEditError, PermissionDenied, ValidationError
from tests.db.conftest import ID_NUMBER, PHONE, make_actor, valid_id


def _count(database: Database, model: type) -> int:
    with database.unit_of_work() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_id_number_needs_consent_first(database: Database, owner: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        customers.create_customer(database, owner, "张三", phone=PHONE, id_number=ID_NUMBER)
    assert "consent" in info.value.errors
    assert _count(database, Customer) == 0  # nothing written
    c = customers.create_customer(database, owner, "张三", phone=PHONE)
    with pytest.raises(ValidationError) as info:
        customers.update_customer(database, owner, c.id, id_number=ID_NUMBER)
    assert "consent" in info.value.errors
    customers.record_consent(database, owner, c.id, "Vehicle financing")
    view = customers.update_customer(database, owner, c.id, id_number=ID_NUMBER)
    assert view.id_number == "110105********002X"
    assert view.has_consent


def test_consent_is_recorded_with_who_when_what(database: Database, owner: Actor) -> None:
    c = customers.create_customer(
        database, owner, "张三", id_number=ID_NUMBER, consent_purpose="Car loan application"
    )
    with database.unit_of_work() as uow:
        rec = uow.session.scalars(select(ConsentRecord)).one()
        assert rec.customer_id == c.id
        assert rec.recorded_by == owner.staff_id
        assert rec.purpose == "Car loan application"
        assert rec.recorded_at is not None


def test_invalid_fields_come_back_per_field(database: Database, owner: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        customers.create_customer(
            database,
            owner,
            "",
            phone="12345",
            id_number="110105194912310021",
            consent_purpose="x",
            tier="gold",
        )
    assert set(info.value.errors) == {"name", "phone", "id_number", "tier"}
    assert info.value.reasons["phone"].code.startswith("phone.")
    assert info.value.reasons["id_number"].code == "id.bad_checksum"
    assert _count(database, Customer) == 0


def test_duplicate_id_number_is_refused(database: Database, owner: Actor) -> None:
    customers.create_customer(database, owner, "A", id_number=ID_NUMBER, consent_purpose="x")
    with pytest.raises(ValidationError) as info:
        customers.create_customer(
            database, owner, "B", id_number=ID_NUMBER.lower(), consent_purpose="x"
        )
    assert "already exists" in info.value.errors["id_number"]


def test_find_by_name_phone_and_id(database: Database, owner: Actor) -> None:
    a = customers.create_customer(database, owner, "张三丰", phone=PHONE)
    b = customers.create_customer(
        database, owner, "张无忌", phone="13900000000", id_number=valid_id(), consent_purpose="x"
    )
    customers.create_customer(database, owner, "李张", phone="13700000000")
    assert [r.id for r in customers.find_customers(database, owner, name="张")] == [a.id, b.id]
    assert {
        r.name for r in customers.find_customers(database, owner, name="张", contains=True)
    } == {"张三丰", "张无忌", "李张"}
    found = customers.find_customers(database, owner, phone="+86 138-1234-5678")
    assert [r.id for r in found] == [a.id]
    assert found[0].phone_masked == "138****5678"
    assert [r.id for r in customers.find_customers(database, owner, id_number=valid_id())] == [b.id]
    assert customers.find_customers(database, owner, phone="13811111111") == []
    # LIKE wildcards are literal
    assert customers.find_customers(database, owner, name="%", contains=True) == []


def test_unmasked_view_needs_permission_and_is_audited(database: Database, owner: Actor) -> None:
    c = customers.create_customer(
        database, owner, "张三", phone=PHONE, id_number=ID_NUMBER, consent_purpose="x"
    )
    consultant = make_actor(database, owner, "c1", Role.CONSULTANT)
    finance = make_actor(database, owner, "f1", Role.FINANCE)
    masked = customers.get_customer(database, consultant, c.id)
    assert masked.phone == "138****5678" and masked.masked
    with pytest.raises(PermissionDenied):
        customers.get_customer(database, consultant, c.id, unmasked=True)
    full = customers.get_customer(database, finance, c.id, unmasked=True)
    assert full.phone == PHONE and full.id_number == ID_NUMBER and not full.masked
    views = [e for e in audit.list_entries(database, owner) if e.action is AuditAction.VIEW_PII]
    assert len(views) == 1
    assert views[0].staff_id == finance.staff_id
    assert views[0].target_id == c.id and views[0].fields == "id_number,phone"
    with database.unit_of_work() as uow:
        for e in uow.session.scalars(select(AuditEntry)):
            assert PHONE not in repr(e.detail) and ID_NUMBER not in repr(e.detail)


def test_optimistic_locking_on_customer(database: Database, owner: Actor) -> None:
    c = customers.create_customer(database, owner, "张三", phone=PHONE)
    customers.update_customer(database, owner, c.id, name="张三三", expected_version=c.version_id)
    with pytest.raises(ConcurrentEditError):
        customers.update_customer(database, owner, c.id, name="张四", expected_version=c.version_id)
    assert customers.get_customer(database, owner, c.id).name == "张三三"


def test_erase_on_request(database: Database, owner: Actor) -> None:
    c = customers.create_customer(
        database, owner, "张三", phone=PHONE, id_number=ID_NUMBER, consent_purpose="x"
    )
    customers.erase_customer(database, owner, c.id)
    assert customers.find_customers(database, owner, phone=PHONE) == []
    view = customers.get_customer(database, owner, c.id, unmasked=True)
    assert view.phone == "" and view.id_number == "" and view.name == "(erased)"


def test_mobile_added_later_runs_the_blacklist_check(database: Database, owner: Actor) -> None:
    from db.models.enums import BlacklistReason, Step, StepState
    from db.services import blacklist
    from db.services import consultations as cs

    blacklist.add_entry(database, owner, phone=PHONE, reason=BlacklistReason.FRAUD)
    c = customers.create_customer(database, owner, "后补手机号")
    v = cs.open_consultation(database, owner, c.id)
    assert not v.blacklist_hit
    customers.update_customer(database, owner, c.id, phone=PHONE)
    after = cs.raw_row(database, owner, v.id)
    assert after["blacklist_hit"] is True and after["plan_state"] == StepState.BLOCKED.value
    assert cs.get_consultation(database, owner, v.id).steps[Step.PLAN] is StepState.BLOCKED


def test_refusals_are_reasons(database: Database, owner: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        customers.create_customer(
            database, owner, "x" * 101, tier="gold", source_channel="fax", id_number=ID_NUMBER
        )
    assert {k: r.code for k, r in info.value.reasons.items()} == {
        "name": "customer.name_too_long",
        "tier": "customer.tier_invalid",
        "source_channel": "customer.channel_invalid",
        "consent": "customer.consent_missing",
    }

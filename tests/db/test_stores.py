"""Stores of a dealer group: the owner sees every store, staff only their own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from db import Database
from db.models import AuditEntry, Product, Staff
from db.models.enums import Role
from db.services import consultations, customers, followups, staff, stores
from db.services.base import Actor, NotFound, PermissionDenied, ValidationError
from tests.db.conftest import ID_NUMBER, PHONE, make_actor

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _staff_in(database: Database, owner: Actor, store_id: int, name: str, role: Role) -> Actor:
    view = staff.add_staff(database, owner, name, "staff-pass-1", role, store_id=store_id)
    assert view.store_id == store_id
    return staff.actor_for(database, view.id)


@dataclass(frozen=True)
class Group:
    a: int
    b: int
    cons_a: Actor
    cons_b: Actor
    manager_b: Actor
    customer: int
    consultation: int
    follow_up: int


@pytest.fixture
def g(database: Database, owner: Actor) -> Group:
    """Store A (the owner's first store) with one customer and consultation; store B empty."""
    b = stores.add_store(database, owner, "Pudong store")
    cons_a = make_actor(database, owner, "alice", Role.CONSULTANT)
    cons_b = _staff_in(database, owner, b.id, "bob", Role.CONSULTANT)
    manager_b = _staff_in(database, owner, b.id, "bella", Role.MANAGER)
    cust = customers.create_customer(
        database,
        cons_a,
        "王小明",
        phone=PHONE,
        id_number=ID_NUMBER,
        consent_purpose="Car loan application",
        now=NOW,
    )
    cons = consultations.open_consultation(database, cons_a, cust.id, now=NOW)
    fu = followups.add_manual(database, cons_a, cust.id, NOW + timedelta(hours=1))
    return Group(owner.store_id, b.id, cons_a, cons_b, manager_b, cust.id, cons.id, fu)


def test_add_store_seeds_its_own_catalogue_and_is_audited(database: Database, owner: Actor) -> None:
    b = stores.add_store(database, owner, "  Pudong   store ")
    assert b.name == "Pudong store" and b.id != owner.store_id and b.staff_count == 0
    with database.unit_of_work() as uow:
        codes = {
            sid: set(uow.session.scalars(select(Product.code).where(Product.store_id == sid)))
            for sid in (owner.store_id, b.id)
        }
        codes_a, codes_b = codes[owner.store_id], codes[b.id]
        assert codes_b and codes_b == codes_a
        logged = uow.session.scalars(
            select(AuditEntry).where(
                AuditEntry.target_type == "store", AuditEntry.target_id == b.id
            )
        ).all()
        assert [e.staff_id for e in logged] == [owner.staff_id]


def test_store_names_are_unique_and_not_empty(database: Database, owner: Actor) -> None:
    stores.add_store(database, owner, "Pudong store")
    with pytest.raises(ValidationError) as info:
        stores.add_store(database, owner, "PUDONG STORE")
    assert "name" in info.value.errors
    with pytest.raises(ValidationError):
        stores.add_store(database, owner, "   ")
    assert len(stores.list_stores(database, owner)) == 2


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.FINANCE, Role.MANAGER])
def test_only_the_owner_adds_stores(database: Database, owner: Actor, role: Role) -> None:
    someone = make_actor(database, owner, "someone", role)
    with pytest.raises(PermissionDenied):
        stores.add_store(database, someone, "Side store")
    assert len(stores.list_stores(database, owner)) == 1


def test_owner_lists_every_store_staff_only_their_own(
    database: Database, owner: Actor, g: Group
) -> None:
    everyone = stores.list_stores(database, owner)
    assert [s.id for s in everyone] == [g.a, g.b]
    assert {s.id: s.staff_count for s in everyone} == {g.a: 2, g.b: 2}
    assert [s.id for s in stores.list_stores(database, g.cons_b)] == [g.b]


def test_consultant_of_store_b_cannot_reach_store_a_customer(database: Database, g: Group) -> None:
    cid, con_id = g.customer, g.consultation
    # store A finds its own customer every way ...
    assert [c.id for c in customers.find_customers(database, g.cons_a, name="王")] == [cid]
    assert [c.id for c in customers.find_customers(database, g.cons_a, phone=PHONE)] == [cid]
    # ... store B by no way at all
    assert customers.find_customers(database, g.cons_b, name="王") == []
    assert customers.find_customers(database, g.cons_b, name="小明", contains=True) == []
    assert customers.find_customers(database, g.cons_b, phone=PHONE) == []
    assert customers.find_customers(database, g.cons_b, phone="+86 138 1234 5678") == []
    assert customers.find_customers(database, g.cons_b, id_number=ID_NUMBER) == []
    assert customers.find_customers(database, g.cons_b, id_number=ID_NUMBER.lower()) == []
    with pytest.raises(NotFound):
        customers.get_customer(database, g.cons_b, cid)
    with pytest.raises(NotFound):
        customers.update_customer(database, g.cons_b, cid, name="Changed")
    with pytest.raises(NotFound):
        consultations.open_consultation(database, g.cons_b, cid, now=NOW)
    with pytest.raises(NotFound):
        consultations.get_consultation(database, g.cons_b, con_id)
    with pytest.raises(NotFound):
        consultations.get_qualification(database, g.cons_b, con_id)
    with pytest.raises(NotFound):
        consultations.list_plans(database, g.cons_b, con_id)
    with pytest.raises(NotFound):
        followups.add_manual(database, g.cons_b, cid, NOW)
    assert consultations.list_consultations(database, g.cons_b) == []
    assert consultations.list_consultations(database, g.cons_b, customer_id=cid) == []
    assert followups.list_due(database, g.cons_b, now=NOW + timedelta(days=2)) == []
    # nothing changed in store A
    assert customers.get_customer(database, g.cons_a, cid).name == "王小明"


def test_manager_of_store_b_cannot_unmask_store_a_customer(database: Database, g: Group) -> None:
    with pytest.raises(NotFound):
        customers.get_customer(database, g.manager_b, g.customer, unmasked=True)
    with database.unit_of_work() as uow:
        assert not uow.session.scalars(
            select(AuditEntry).where(AuditEntry.staff_id == g.manager_b.staff_id)
        ).all()


def test_same_person_may_be_a_customer_of_two_stores(database: Database, g: Group) -> None:
    other = customers.create_customer(
        database, g.cons_b, "王小明", phone=PHONE, id_number=ID_NUMBER, consent_purpose="Car loan"
    )
    assert other.id != g.customer
    assert [c.id for c in customers.find_customers(database, g.cons_b, id_number=ID_NUMBER)] == [
        other.id
    ]


def test_owner_switches_store_and_sees_only_that_store(
    database: Database, owner: Actor, g: Group
) -> None:
    cid = g.customer
    in_b = stores.switch_store(database, owner, g.b)
    assert (in_b.store_id, in_b.staff_id, in_b.role) == (g.b, owner.staff_id, Role.OWNER)
    assert customers.find_customers(database, in_b, phone=PHONE) == []
    with pytest.raises(NotFound):
        customers.get_customer(database, in_b, cid)
    new = customers.create_customer(database, in_b, "李四", phone="13900001111")
    with database.unit_of_work() as uow:
        from db.models import Customer

        row = uow.session.get(Customer, new.id)
        assert row is not None and row.store_id == g.b
    back = stores.switch_store(database, in_b, g.a)
    assert customers.get_customer(database, back, cid).id == cid
    # the owner's own account still works from any store
    staff.change_own_password(database, in_b, "owner-pass-1", "owner-pass-2")


def test_staff_cannot_switch_store(database: Database, g: Group) -> None:
    assert stores.switch_store(database, g.cons_b, g.cons_b.store_id) is g.cons_b
    for who in (g.cons_b, g.manager_b):
        with pytest.raises(PermissionDenied):
            stores.switch_store(database, who, g.a)


def test_switch_to_a_missing_store(database: Database, owner: Actor) -> None:
    with pytest.raises(NotFound):
        stores.switch_store(database, owner, 999)


def test_owner_manages_staff_of_every_store(database: Database, owner: Actor, g: Group) -> None:
    b = g.b
    assert {v.username for v in staff.list_staff(database, owner, store_id=b)} == {"bob", "bella"}
    assert {v.username for v in staff.list_staff(database, owner, all_stores=True)} >= {
        "alice",
        "bob",
        "bella",
    }
    view = staff.update_staff(database, owner, g.cons_b.staff_id, role=Role.FINANCE)
    assert view.role == Role.FINANCE and view.store_id == b
    staff.reset_password(database, owner, g.cons_b.staff_id, "new-pass-123")
    assert staff.login(database, "bob", "new-pass-123").store_id == b
    with pytest.raises(NotFound):
        staff.add_staff(database, owner, "ghost", "staff-pass-1", Role.CONSULTANT, store_id=999)


def test_staff_logs_in_to_their_own_store(database: Database, g: Group) -> None:
    assert staff.login(database, "bob", "staff-pass-1").store_id == g.b
    assert staff.login(database, "alice", "staff-pass-1").store_id == g.a


def test_store_b_manager_sees_only_store_b_staff(
    database: Database, owner: Actor, g: Group
) -> None:
    with pytest.raises(PermissionDenied):
        staff.list_staff(database, g.manager_b, store_id=g.a)
    with pytest.raises(PermissionDenied):
        staff.list_staff(database, g.manager_b, all_stores=True)
    # no manage-staff right outside the owner (and no way into store A)
    with pytest.raises(PermissionDenied):
        staff.add_staff(database, g.manager_b, "x1", "staff-pass-1", Role.CONSULTANT, store_id=g.a)
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(Staff).where(Staff.username == "x1")) is None


def test_find_store_by_number_or_name(database: Database, owner: Actor) -> None:
    b = stores.add_store(database, owner, "Pudong store")
    assert stores.find_store(database, str(b.id)).id == b.id
    assert stores.find_store(database, " pudong  STORE ").id == b.id
    with pytest.raises(NotFound):
        stores.find_store(database, "Nowhere")
    with pytest.raises(NotFound):
        stores.find_store(database, "999")


def test_report_store_ids(database: Database, owner: Actor, g: Group) -> None:
    a, b = g.a, g.b
    assert stores.report_store_ids(database, owner) == (a, b)
    assert stores.report_store_ids(database, owner, int(b)) == (b,)
    assert stores.report_store_ids(database, g.cons_b) == (b,)
    assert stores.report_store_ids(database, g.cons_b, int(b)) == (b,)
    with pytest.raises(PermissionDenied):
        stores.report_store_ids(database, g.cons_b, int(a))
    with pytest.raises(NotFound):
        stores.report_store_ids(database, owner, 999)


def test_store_names_for_the_login_picker(database: Database, owner: Actor) -> None:
    b = stores.add_store(database, owner, "Pudong store")
    names = stores.store_names(database)
    assert names[-1] == (b.id, "Pudong store") and len(names) == 2


def test_owner_in_store_of_a_row(database: Database, owner: Actor, g: Group) -> None:
    from db.models import Consultation

    in_a = stores.owner_in_store_of(database, owner, Consultation, g.consultation)
    assert in_a.store_id == g.a
    b_owner = stores.switch_store(database, owner, g.b)
    assert stores.owner_in_store_of(database, b_owner, Consultation, g.consultation).store_id == g.a
    assert consultations.get_consultation(database, in_a, g.consultation).id == g.consultation
    assert stores.owner_in_store_of(database, b_owner, Consultation, 999) is b_owner
    # staff are never moved to another store
    assert stores.owner_in_store_of(database, g.cons_b, Consultation, g.consultation) is g.cons_b


def test_audit_blacklist_catalogue_and_settings_stay_in_their_store(
    database: Database, owner: Actor, g: Group
) -> None:
    from db.services import audit, blacklist, catalogue
    from db.services import settings as settings_service

    # store A's audit trail (customer created, logins ...) is not shown to store B's manager
    with database.unit_of_work() as uow:
        rows = uow.session.execute(select(AuditEntry.id, AuditEntry.store_id))
        store_of = {int(i): int(sid) for i, sid in rows}
    seen_a = {e.id for e in audit.list_entries(database, owner)}
    seen_b = {e.id for e in audit.list_entries(database, g.manager_b)}
    assert seen_a and {store_of[i] for i in seen_a} == {g.a}
    assert {store_of[i] for i in seen_b} <= {g.b}
    assert seen_a.isdisjoint(seen_b)
    # a blacklist entry of store B is B's alone
    entry = blacklist.add_entry(database, g.manager_b, phone="13700001111", note="fake payslips")
    assert [e.id for e in blacklist.list_entries(database, g.manager_b)] == [entry.id]
    assert blacklist.list_entries(database, owner) == []
    with pytest.raises(NotFound):
        blacklist.remove_entry(database, owner, entry.id)
    # each store edits its own catalogue and settings
    in_b = stores.switch_store(database, owner, g.b)
    code = catalogue.list_products(database, in_b)[0].code
    catalogue.set_product_active(database, in_b, code, False)
    assert code in {p.code for p in catalogue.load_catalogue(database, g.a).products}
    assert code not in {p.code for p in catalogue.load_catalogue(database, g.b).products}
    settings_service.update_store(database, in_b, phone="021-5555-0000")
    assert settings_service.get_store(database, g.b).phone == "021-5555-0000"
    assert settings_service.get_store(database, g.a).phone == ""

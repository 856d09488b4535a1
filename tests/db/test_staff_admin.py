"""Staff administration services used by the "Staff and stores" dialog.

Who may change an account, that each change writes one audit row, that a
reset password is stored as an argon2 hash and that a bad input changes
nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from db import Database
from db.models import AuditEntry, Staff
from db.models.enums import AuditAction, Role
from db.services import staff, stores
from db.services.base import Actor, NotFound, PermissionDenied, ValidationError
from db.services.staff import LoginError
from tests.db.conftest import make_actor

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _staff_changes(database: Database, staff_id: int) -> list[dict]:
    with database.unit_of_work() as uow:
        rows = uow.session.scalars(
            select(AuditEntry)
            .where(
                AuditEntry.action == AuditAction.STAFF_CHANGE.value,
                AuditEntry.target_type == "staff",
                AuditEntry.target_id == staff_id,
            )
            .order_by(AuditEntry.id)
        )
        return [dict(r.detail or {}) | {"by": r.username} for r in rows]


def _row(database: Database, staff_id: int) -> Staff:
    with database.unit_of_work() as uow:
        row = uow.session.get(Staff, staff_id)
        assert row is not None
        uow.session.expunge(row)
        return row


def _lock(database: Database, username: str) -> None:
    for _ in range(staff.MAX_FAILED_LOGINS):
        with pytest.raises(LoginError):
            staff.login(database, username, "wrong-password", now=T0)


def test_only_the_owner_manages_staff(database: Database, owner: Actor) -> None:
    clerk = make_actor(database, owner, "clerk", Role.CONSULTANT)
    for role in (Role.CONSULTANT, Role.FINANCE, Role.MANAGER):
        actor = make_actor(database, owner, f"who-{role.value}", role)
        with pytest.raises(PermissionDenied):
            staff.add_staff(database, actor, "x-" + role.value, "password-9", Role.CONSULTANT)
        with pytest.raises(PermissionDenied):
            staff.update_staff(database, actor, clerk.staff_id, active=False)
        with pytest.raises(PermissionDenied):
            staff.update_staff(database, actor, clerk.staff_id, unlock=True)
        with pytest.raises(PermissionDenied):
            staff.reset_password(database, actor, clerk.staff_id, "new-pass-99")
        with pytest.raises(PermissionDenied):
            stores.add_store(database, actor, "Branch " + role.value, seed_catalogue=False)
    assert _row(database, clerk.staff_id).active
    assert staff.login(database, "clerk", "staff-pass-1")
    assert len(_staff_changes(database, clerk.staff_id)) == 1  # "added" only


def test_reset_password_stores_an_argon2_hash_unlocks_and_is_audited(
    database: Database, owner: Actor
) -> None:
    clerk = make_actor(database, owner, "clerk", Role.CONSULTANT)
    _lock(database, "clerk")
    assert _row(database, clerk.staff_id).locked_until is not None
    staff.reset_password(database, owner, clerk.staff_id, "fresh-pass-42")
    row = _row(database, clerk.staff_id)
    assert row.password_hash.startswith("$argon2id$")
    assert "fresh-pass-42" not in row.password_hash
    assert PasswordHasher().verify(row.password_hash, "fresh-pass-42")
    assert row.locked_until is None and row.failed_logins == 0
    assert staff.login(database, "clerk", "fresh-pass-42", now=T0 + timedelta(minutes=1))
    with pytest.raises(LoginError):
        staff.login(database, "clerk", "staff-pass-1", now=T0 + timedelta(minutes=2))
    events = _staff_changes(database, clerk.staff_id)
    assert events[-1] == {"event": "password_reset", "by": "owner"}
    assert "fresh-pass-42" not in repr(events)


def test_reset_password_too_short_changes_nothing(database: Database, owner: Actor) -> None:
    clerk = make_actor(database, owner, "clerk", Role.CONSULTANT)
    before = _row(database, clerk.staff_id).password_hash
    with pytest.raises(ValidationError) as info:
        staff.reset_password(database, owner, clerk.staff_id, "short1")
    assert "at least 8 characters" in info.value.errors["password"]
    assert _row(database, clerk.staff_id).password_hash == before
    assert len(_staff_changes(database, clerk.staff_id)) == 1


def test_unlock_clears_the_lock_and_is_audited(database: Database, owner: Actor) -> None:
    clerk = make_actor(database, owner, "clerk", Role.CONSULTANT)
    _lock(database, "clerk")
    with pytest.raises(LoginError) as locked:
        staff.login(database, "clerk", "staff-pass-1", now=T0 + timedelta(minutes=1))
    assert locked.value.code == "locked"
    view = staff.update_staff(database, owner, clerk.staff_id, unlock=True)
    assert view.locked_until is None
    assert staff.login(database, "clerk", "staff-pass-1", now=T0 + timedelta(minutes=2))
    assert _staff_changes(database, clerk.staff_id)[-1] == {
        "event": "updated",
        "unlocked": True,
        "by": "owner",
    }


def test_deactivate_activate_and_change_role_each_audited(database: Database, owner: Actor) -> None:
    clerk = make_actor(database, owner, "clerk", Role.CONSULTANT)
    staff.update_staff(database, owner, clerk.staff_id, active=False)
    with pytest.raises(LoginError) as info:
        staff.login(database, "clerk", "staff-pass-1")
    assert info.value.code == "disabled"
    staff.update_staff(database, owner, clerk.staff_id, active=True)
    assert staff.login(database, "clerk", "staff-pass-1")
    view = staff.update_staff(database, owner, clerk.staff_id, role=Role.MANAGER)
    assert view.role is Role.MANAGER
    assert staff.actor_for(database, clerk.staff_id).role is Role.MANAGER
    events = [
        {k: v for k, v in e.items() if k != "by"} for e in _staff_changes(database, clerk.staff_id)
    ]
    assert events == [
        {"event": "added", "role": "consultant"},
        {"event": "updated", "active": False},
        {"event": "updated", "active": True},
        {"event": "updated", "role": "manager"},
    ]


def test_an_update_that_changes_nothing_writes_no_audit_row(
    database: Database, owner: Actor
) -> None:
    clerk = make_actor(database, owner, "clerk", Role.CONSULTANT)
    staff.update_staff(database, owner, clerk.staff_id, role=Role.CONSULTANT, active=True)
    assert len(_staff_changes(database, clerk.staff_id)) == 1


def test_owner_cannot_disable_or_demote_self(database: Database, owner: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        staff.update_staff(database, owner, owner.staff_id, active=False)
    assert set(info.value.errors) == {"active"}
    with pytest.raises(ValidationError) as info:
        staff.update_staff(database, owner, owner.staff_id, role=Role.MANAGER)
    assert set(info.value.errors) == {"role"}
    row = _row(database, owner.staff_id)
    assert row.active and row.role == Role.OWNER.value
    assert len(_staff_changes(database, owner.staff_id)) == 1  # "owner_created"


def test_display_name_length_is_checked(database: Database, owner: Actor) -> None:
    long = "x" * (staff.MAX_DISPLAY_NAME + 1)
    with pytest.raises(ValidationError) as info:
        staff.add_staff(database, owner, "clerk", "password-9", Role.CONSULTANT, display_name=long)
    assert set(info.value.errors) == {"display_name"}
    assert [s.username for s in staff.list_staff(database, owner)] == ["owner"]
    clerk = make_actor(database, owner, "clerk", Role.CONSULTANT)
    with pytest.raises(ValidationError):
        staff.update_staff(database, owner, clerk.staff_id, display_name=long)
    assert _row(database, clerk.staff_id).display_name == "clerk"


def test_the_owner_manages_staff_of_another_store(database: Database, owner: Actor) -> None:
    branch = stores.add_store(database, owner, "East Branch", seed_catalogue=False)
    view = staff.add_staff(
        database, owner, "east-clerk", "password-9", Role.CONSULTANT, store_id=branch.id
    )
    assert view.store_id == branch.id
    staff.reset_password(database, owner, view.id, "another-pass-7")
    staff.update_staff(database, owner, view.id, active=False)
    assert not _row(database, view.id).active
    with database.unit_of_work() as uow:
        stored = uow.session.scalars(
            select(AuditEntry.store_id).where(
                AuditEntry.target_type == "staff", AuditEntry.target_id == view.id
            )
        ).all()
    assert set(stored) == {branch.id}  # the branch's own audit log
    with pytest.raises(NotFound):
        staff.add_staff(database, owner, "ghost", "password-9", Role.CONSULTANT, store_id=999)

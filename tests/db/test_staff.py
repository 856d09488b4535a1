"""Owner set-up, login with lock-out, roles and permissions, audit of logins."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import argon2
import pytest
from argon2 import PasswordHasher

from db import Database
from db.models.enums import AuditAction, Role
from db.services import audit, staff
from db.services.base import (
    ROLE_PERMISSIONS,
    Actor,
    Permission,
    PermissionDenied,
    ValidationError,
)
from db.services.staff import LoginError
from lending.errors import UserError
from tests.db.conftest import make_actor

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_first_run_creates_the_owner(database: Database) -> None:
    assert staff.needs_setup(database)
    owner = staff.create_owner(database, "Main Street Motors", "owner", "owner-pass-1")
    assert not staff.needs_setup(database)
    assert owner.role is Role.OWNER
    assert staff.login(database, "owner", "owner-pass-1") == owner
    with pytest.raises(UserError) as info:
        staff.create_owner(database, "Other", "owner2", "owner-pass-2")
    assert info.value.code == "already_set_up"


def test_setup_validation(database: Database) -> None:
    with pytest.raises(ValidationError) as info:
        staff.create_owner(database, " ", "a b", "short")
    assert set(info.value.errors) == {"store_name", "username", "password"}
    assert staff.needs_setup(database)


def test_passwords_are_argon2_hashes(database: Database, owner: Actor) -> None:
    with database.unit_of_work() as uow:
        from db.models import Staff

        row = uow.session.get(Staff, owner.staff_id)
        assert row is not None
        assert row.password_hash.startswith("$argon2id$")
        assert "owner-pass-1" not in row.password_hash
        assert PasswordHasher().verify(row.password_hash, "owner-pass-1")


def test_production_password_cost_and_upgrade_on_login(
    database: Database, owner: Actor, production_password_cost: None
) -> None:
    """The suite hashes cheaply (tests/conftest.py); the application at full cost.

    The owner was created with the suite's cheap hasher: logging in with the
    production hasher re-hashes the password at RFC 9106's low-memory cost.
    """
    from db.models import Staff

    def stored() -> str:
        with database.unit_of_work() as uow:
            row = uow.session.get(Staff, owner.staff_id)
            assert row is not None
            return row.password_hash

    assert argon2.extract_parameters(stored()) != staff.PASSWORD_COST
    staff.login(database, "owner", "owner-pass-1")
    cost = argon2.extract_parameters(stored())
    assert cost == staff.PASSWORD_COST
    assert (cost.type, cost.memory_cost, cost.time_cost, cost.parallelism) == (
        argon2.Type.ID,
        65536,
        3,
        4,
    )
    assert (cost.salt_len, cost.hash_len) == (16, 32)
    assert PasswordHasher().verify(stored(), "owner-pass-1")


def test_five_wrong_passwords_lock_for_fifteen_minutes(database: Database, owner: Actor) -> None:
    for i in range(4):
        with pytest.raises(LoginError) as info:
            staff.login(database, "owner", "wrong", now=T0 + timedelta(seconds=i))
        assert info.value.code == "bad_credentials"
        assert f"{4 - i} attempt(s) left" in info.value.message
    with pytest.raises(LoginError) as info:
        staff.login(database, "owner", "wrong", now=T0 + timedelta(seconds=5))
    assert info.value.code == "locked"
    until = (T0 + timedelta(seconds=5, minutes=15)).astimezone()
    assert f"after {until:%H:%M}" in info.value.message
    # the right password does not help while locked
    with pytest.raises(LoginError) as info:
        staff.login(database, "owner", "owner-pass-1", now=T0 + timedelta(minutes=14))
    assert info.value.code == "locked"
    # after 15 minutes it works again, and the counter starts over
    assert staff.login(database, "owner", "owner-pass-1", now=T0 + timedelta(minutes=16))
    with pytest.raises(LoginError) as info:
        staff.login(database, "owner", "wrong", now=T0 + timedelta(minutes=17))
    assert "4 attempt(s) left" in info.value.message


def test_unknown_user_and_disabled_account(database: Database, owner: Actor) -> None:
    with pytest.raises(LoginError) as info:
        staff.login(database, "nobody", "whatever1")
    assert info.value.code == "bad_credentials"
    clerk = make_actor(database, owner, "clerk", Role.CONSULTANT)
    staff.update_staff(database, owner, clerk.staff_id, active=False)
    with pytest.raises(LoginError) as info:
        staff.login(database, "clerk", "staff-pass-1")
    assert info.value.code == "disabled"


def test_logins_are_audited(database: Database, owner: Actor) -> None:
    staff.login(database, "owner", "owner-pass-1")
    with pytest.raises(LoginError):
        staff.login(database, "owner", "bad-password")
    actions = [e.action for e in audit.list_entries(database, owner)]
    assert AuditAction.LOGIN in actions
    assert AuditAction.LOGIN_FAILED in actions
    entry = next(e for e in audit.list_entries(database, owner) if e.action is AuditAction.LOGIN)
    assert entry.username == "owner" and entry.staff_id == owner.staff_id
    assert entry.at.tzinfo is not None


def test_role_permission_table() -> None:
    assert ROLE_PERMISSIONS[Role.CONSULTANT] == frozenset()
    assert ROLE_PERMISSIONS[Role.FINANCE] == {Permission.VIEW_PII}
    manager = ROLE_PERMISSIONS[Role.MANAGER]
    assert {
        Permission.VIEW_PII,
        Permission.EXPORT_REPORTS,
        Permission.APPROVE_EXCEPTIONS,
    } <= manager
    assert Permission.MANAGE_STAFF not in manager and Permission.EDIT_CATALOGUE not in manager
    assert ROLE_PERMISSIONS[Role.OWNER] == frozenset(Permission)


def test_only_staff_managers_add_staff(database: Database, owner: Actor) -> None:
    manager = make_actor(database, owner, "manager", Role.MANAGER)
    with pytest.raises(PermissionDenied):
        staff.add_staff(database, manager, "someone", "password-9", Role.CONSULTANT)
    with pytest.raises(ValidationError) as info:
        staff.add_staff(database, owner, "manager", "password-9", Role.CONSULTANT)
    assert "already taken" in info.value.errors["username"]
    names = [s.username for s in staff.list_staff(database, owner)]
    assert names == ["manager", "owner"]


def test_owner_cannot_demote_self(database: Database, owner: Actor) -> None:
    with pytest.raises(ValidationError):
        staff.update_staff(database, owner, owner.staff_id, role=Role.CONSULTANT)


def test_password_change_and_reset(database: Database, owner: Actor) -> None:
    clerk = make_actor(database, owner, "clerk", Role.CONSULTANT)
    with pytest.raises(ValidationError):
        staff.change_own_password(database, clerk, "wrong-old", "new-password-1")
    staff.change_own_password(database, clerk, "staff-pass-1", "new-password-1")
    assert staff.login(database, "clerk", "new-password-1")
    staff.reset_password(database, owner, clerk.staff_id, "reset-pass-1")
    assert staff.login(database, "clerk", "reset-pass-1")


def test_owner_actor_for_headless_commands(database: Database) -> None:
    with pytest.raises(UserError) as info:
        staff.owner_actor(database)
    assert info.value.code == "needs_setup"
    owner = staff.create_owner(database, "S", "boss", "boss-pass-1")
    assert staff.owner_actor(database) == owner


def test_a_disabled_account_answers_a_wrong_password_like_any_other(
    database: Database, owner: Actor
) -> None:
    """Issue 11, item 12: the status is told only to whoever knows the password.

    On the old main a wrong password for a disabled account said "This account
    is disabled", so anyone could probe which accounts exist and are disabled.
    """
    make_actor(database, owner, "active", Role.CONSULTANT)
    gone = make_actor(database, owner, "gone", Role.CONSULTANT)
    staff.update_staff(database, owner, gone.staff_id, active=False)
    answers = {}
    for name in ("active", "gone"):
        with pytest.raises(LoginError) as info:
            staff.login(database, name, "not-the-pass-1", now=T0)
        answers[name] = (info.value.code, info.value.message, info.value.attempts_left)
    assert answers["gone"] == answers["active"]
    assert answers["gone"][0] == "bad_credentials" and "disabled" not in answers["gone"][1]
    with pytest.raises(LoginError) as info:
        staff.login(database, "gone", "staff-pass-1", now=T0)
    assert info.value.code == "disabled"

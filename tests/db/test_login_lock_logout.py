"""The login error says until when an account is locked; logging out is audited."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from db import Database
from db.models.enums import AuditAction
from db.services import audit, staff
from db.services.base import Actor
from db.services.staff import LoginError

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_locked_error_carries_locked_until(database: Database, owner: Actor) -> None:
    for i in range(4):
        with pytest.raises(LoginError) as info:
            staff.login(database, "owner", "wrong", now=T0 + timedelta(seconds=i))
        assert info.value.locked_until is None
    with pytest.raises(LoginError) as info:
        staff.login(database, "owner", "wrong", now=T0 + timedelta(seconds=5))
    until = T0 + timedelta(seconds=5, minutes=staff.LOCK_MINUTES)
    assert info.value.code == "locked" and info.value.locked_until == until
    # a later attempt while locked says the same moment
    with pytest.raises(LoginError) as info:
        staff.login(database, "owner", "owner-pass-1", now=T0 + timedelta(minutes=3))
    assert info.value.locked_until == until


def test_logout_is_audited(database: Database, owner: Actor) -> None:
    actor = staff.login(database, "owner", "owner-pass-1", now=T0)
    staff.logout(database, actor, now=T0 + timedelta(hours=1))
    entries = audit.list_entries(database, owner, action=AuditAction.LOGOUT)
    assert len(entries) == 1
    assert entries[0].staff_id == owner.staff_id and entries[0].username == "owner"
    assert entries[0].at == T0 + timedelta(hours=1)

"""Wrong passwords tried at the same moment each count (issue 11, item 7).

Twenty threads try a wrong password at once, on SQLite and PostgreSQL.  The
failure counter is raised by one ``UPDATE ... SET failed_logins =
failed_logins + 1 RETURNING``, so every attempt gets its own count: on the
old read-then-write code the twenty attempts left the counter at 1-3 and
several of them were told the same "attempts left".
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from db import Database
from db.models import AuditEntry, Staff
from db.models.enums import AuditAction
from db.services import staff
from db.services.base import Actor
from db.services.staff import LoginError

ATTEMPTS = 20


def _all_at_once(database: Database, password: str) -> list[LoginError]:
    start = threading.Barrier(ATTEMPTS)

    def attempt(_: int) -> LoginError:
        start.wait()
        with pytest.raises(LoginError) as info:
            staff.login(database, "owner", password)
        return info.value

    with ThreadPoolExecutor(ATTEMPTS) as pool:
        return list(pool.map(attempt, range(ATTEMPTS)))


def _counter_and_failures(database: Database, owner: Actor) -> tuple[int, int]:
    with database.unit_of_work() as uow:
        row = uow.session.get(Staff, owner.staff_id)
        assert row is not None
        failures = uow.session.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.action == AuditAction.LOGIN_FAILED.value)
        )
        return row.failed_logins, int(failures or 0)


def test_twenty_parallel_wrong_passwords_each_count(
    database: Database, owner: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = 1000  # far away: no attempt is turned back as locked, every one must count
    monkeypatch.setattr(staff, "MAX_FAILED_LOGINS", limit)
    errors = _all_at_once(database, "wrong-pass-1")
    assert {e.code for e in errors} == {"bad_credentials"}
    # each attempt was told its own place in the count: 999, 998, ... 980 left
    assert sorted(e.attempts_left or 0 for e in errors) == list(range(limit - ATTEMPTS, limit))
    assert _counter_and_failures(database, owner) == (ATTEMPTS, ATTEMPTS)


def test_twenty_parallel_wrong_passwords_lock_after_five(database: Database, owner: Actor) -> None:
    errors = _all_at_once(database, "wrong-pass-1")
    told_left = sorted(e.attempts_left for e in errors if e.code == "bad_credentials")
    assert told_left == [1, 2, 3, 4]  # exactly four were let through, each told a new count
    locked = [e for e in errors if e.code == "locked"]
    assert len(locked) == ATTEMPTS - 4
    assert len({e.locked_until for e in locked}) == 1  # one lock, set once
    counter, failures = _counter_and_failures(database, owner)
    assert counter == failures >= staff.MAX_FAILED_LOGINS  # every checked attempt counted
    with pytest.raises(LoginError) as info:
        staff.login(database, "owner", "owner-pass-1")
    assert info.value.code == "locked"

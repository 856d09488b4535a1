"""Issue 11, automatic backups: once a day, verified, pruned by the policy, restored in place."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import Database, auto_backup, backup, files, open_database
from db.auto_backup import BackupEntry, backup_daily_if_due, list_backups, prune, to_keep
from db.backup import BackupError, verify_loandesk_file
from db.crypto import FieldCipher
from db.lease import LeaseBusy
from db.models.enums import AuditAction, Role
from db.services import audit, customers, staff
from db.services.base import PermissionDenied, ValidationError
from db.services.settings import BackupPolicy, backup_policy, set_backup_policy
from lending.errors import UserError
from tests.counters import another_counter
from tests.db.test_backup import file_state

ROOT = Path(__file__).resolve().parents[2]
KEY = b"b" * 32
pytestmark = pytest.mark.sqlite_only("automatic backups copy the SQLite file")


def at(day: int, hour: int = 18, minute: int = 0, month: int = 6, year: int = 2026) -> datetime:
    return datetime(year, month, 1, hour, minute).astimezone() + timedelta(days=day - 1)


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def store(db_file: Path) -> Iterator[Database]:
    database = open_database(db_file, key=KEY)
    staff.create_owner(database, "Hengtong", "boss", "boss2026pw", display_name="Wang Li")
    yield database
    database.close()


@pytest.fixture
def boss(store: Database):
    return staff.owner_actor(store)


def customer_count(database: Database) -> int:
    from sqlalchemy import func, select

    from db.models import Customer

    with database.session_factory() as s:
        return int(s.scalar(select(func.count()).select_from(Customer)) or 0)


def names(database: Database) -> list[str]:
    return [e.path.name for e in list_backups(database)]


def rot(path: Path) -> None:
    """Bit rot: the page headers of most pages overwritten (integrity_check fails)."""
    with path.open("r+b") as fh:
        for page in range(1, path.stat().st_size // 4096):
            fh.seek(page * 4096)
            fh.write(b"\x0d\xff\xff\xff\xff")


def temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if files.is_own_temp_name(p.name)]


# -- once a day, verified ---------------------------------------------------------


def test_the_first_close_of_a_day_makes_one_verified_private_backup(store: Database) -> None:
    made = backup_daily_if_due(store, now=at(3, 17, 5))
    assert made is not None
    assert made.path.name == "loandesk-20260603-170500.sqlite3"
    assert made.made_at == at(3, 17, 5)
    assert made.size_bytes == made.path.stat().st_size > 0
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert verify_loandesk_file(made.path, cipher=FieldCipher(KEY))  # opens with the key
    assert backup_daily_if_due(store, now=at(3, 21, 30)) is None  # the same day: not again
    assert not auto_backup.is_due(store, now=at(3, 23, 59))
    assert auto_backup.is_due(store, now=at(4, 0, 1))
    later = backup_daily_if_due(store, now=at(4, 9))
    assert later is not None
    assert names(store) == ["loandesk-20260604-090000.sqlite3", "loandesk-20260603-170500.sqlite3"]


def test_the_backup_holds_what_was_saved_before_the_close(store: Database, boss) -> None:
    customers.create_customer(store, boss, "张三")
    made = backup_daily_if_due(store, now=at(1))
    assert made is not None
    conn = sqlite3.connect(made.path)
    try:
        assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 1
    finally:
        conn.close()


def test_backups_of_different_databases_never_mix(store: Database, tmp_path: Path) -> None:
    other = open_database(tmp_path / "other" / "store.sqlite3", key=KEY)
    try:
        backup_daily_if_due(store, now=at(1))
        assert auto_backup.is_due(other, now=at(1))
        backup_daily_if_due(other, now=at(1, 19))
        assert names(store) == ["loandesk-20260601-180000.sqlite3"]
        assert names(other) == ["loandesk-20260601-190000.sqlite3"]
        assert auto_backup.backup_folder(store.path) != auto_backup.backup_folder(other.path)
    finally:
        other.close()


def test_the_default_database_backs_up_into_the_data_folder(monkeypatch) -> None:
    from db import paths

    assert auto_backup.backup_folder(paths.default_db_path()) == paths.data_dir() / "backups"


def test_a_server_database_is_left_to_the_servers_backups() -> None:
    server = SimpleNamespace(url="postgresql+psycopg://loandesk@db.example/loandesk", path=None)
    assert not auto_backup.applies_to(server)  # type: ignore[arg-type]
    assert backup_daily_if_due(server) is None  # type: ignore[arg-type]
    with pytest.raises(BackupError) as err:
        list_backups(server)  # type: ignore[arg-type]
    assert err.value.code == "backup_not_sqlite"


# -- verification fails ---------------------------------------------------------------


def test_a_backup_failing_verification_is_removed_and_reported(
    store: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = backup_daily_if_due(store, now=at(1))
    assert kept is not None
    before = kept.path.read_bytes()
    original = backup._copy_online

    def damaged_copy(source: sqlite3.Connection, dest: Path) -> None:
        original(source, dest)
        rot(dest)

    monkeypatch.setattr(backup, "_copy_online", damaged_copy)
    # a policy that would prune the first one: a failed backup must prune nothing
    set_backup_policy(store, staff.owner_actor(store), keep_last=1, keep_monthly=0)
    with pytest.raises(BackupError) as err:
        backup_daily_if_due(store, now=at(2))
    assert err.value.code == "backup_verify_failed"
    assert "failed verification" in err.value.message and "\n" not in err.value.message
    assert names(store) == [kept.path.name]  # nothing added, nothing pruned
    assert kept.path.read_bytes() == before
    assert temp_files(kept.path.parent) == []  # the bad copy is gone
    assert auto_backup.is_due(store, now=at(2))  # tried again on the next close


def test_a_backup_made_with_another_key_is_refused(store: Database, monkeypatch) -> None:
    monkeypatch.setattr(store, "cipher", FieldCipher(b"x" * 32))
    with pytest.raises(BackupError) as err:
        backup_daily_if_due(store, now=at(1))
    assert err.value.code == "backup_verify_failed"
    assert names(store) == []


def test_a_cancelled_backup_leaves_nothing(store: Database) -> None:
    class Cancelled(Exception):
        pass

    calls: list[int] = []

    def check() -> None:
        calls.append(1)
        if len(calls) == 2:  # after the copy, before the verification
            raise Cancelled

    with pytest.raises(Cancelled):
        backup_daily_if_due(store, now=at(1), check=check)
    folder = auto_backup.backup_folder(store.path)
    assert names(store) == [] and temp_files(folder) == []


# -- the policy -----------------------------------------------------------------------


def test_retention_keeps_the_last_14_and_the_first_of_each_month(store: Database) -> None:
    """A year and a half of daily closes with the clock moved on each day."""
    start = datetime(2025, 1, 1, 18, 0).astimezone()
    folder = auto_backup.backup_folder(store.path)
    # one real backup, then links to it under the names of the following days (fast)
    first = backup_daily_if_due(store, now=start)
    assert first is not None
    day = start
    for _ in range(520):
        day += timedelta(days=1)
        os.link(first.path, folder / f"loandesk-{day.strftime('%Y%m%d-%H%M%S')}.sqlite3")
    first.path.unlink()
    now = day + timedelta(days=1)
    made = backup_daily_if_due(store, now=now)  # the real close of the day: prunes
    assert made is not None
    kept = {e.made_at for e in list_backups(store)}
    newest = {now - timedelta(days=i) for i in range(14)}
    months = [
        (now.year, now.month - i) if now.month > i else (now.year - 1, now.month - i + 12)
        for i in range(12)
    ]
    firsts = {datetime(y, m, 1, 18, 0).astimezone() for y, m in months}
    assert kept == newest | firsts
    assert len(kept) == 14 + 12 - len(newest & firsts)
    assert temp_files(folder) == []


def test_the_owner_sets_the_policy_and_it_is_audited(store: Database, boss) -> None:
    assert backup_policy(store) == BackupPolicy(keep_last=14, keep_monthly=12)
    set_backup_policy(store, boss, keep_last=3, keep_monthly=0)
    assert backup_policy(store) == BackupPolicy(keep_last=3, keep_monthly=0)
    entries = [
        e
        for e in audit.list_entries(store, boss, action=AuditAction.SETTINGS_CHANGE)
        if e.target_type == "backups"
    ]
    assert [e.detail for e in entries] == [
        {
            "changes": [
                {"key": "backup.keep_last", "before": None, "after": 3},
                {"key": "backup.keep_monthly", "before": None, "after": 0},
            ]
        }
    ]
    set_backup_policy(store, boss, keep_last=3, keep_monthly=0)  # no change: no new row
    assert (
        len(
            [
                e
                for e in audit.list_entries(store, boss, action=AuditAction.SETTINGS_CHANGE)
                if e.target_type == "backups"
            ]
        )
        == 1
    )
    for day in range(1, 8):
        backup_daily_if_due(store, now=at(day))
    assert names(store) == [f"loandesk-2026060{d}-180000.sqlite3" for d in (7, 6, 5)]


def test_only_the_owner_may_change_the_policy_and_bad_values_change_nothing(
    store: Database, boss
) -> None:
    view = staff.add_staff(store, boss, "zhao", "zhao2026pw", Role.MANAGER)
    manager = staff.actor_for(store, view.id)
    with pytest.raises(PermissionDenied):
        set_backup_policy(store, manager, keep_last=1, keep_monthly=0)
    for keep_last, keep_monthly in ((0, 12), (14, -1), (366, 12), (14, 121), (True, 1)):
        with pytest.raises(ValidationError):
            set_backup_policy(store, boss, keep_last=keep_last, keep_monthly=keep_monthly)
    assert backup_policy(store) == BackupPolicy()


def test_pruning_never_touches_foreign_files(store: Database, tmp_path: Path) -> None:
    ours = backup_daily_if_due(store, now=at(1))
    assert ours is not None
    folder = ours.path.parent
    elsewhere = tmp_path / "precious.sqlite3"
    shutil.copyfile(ours.path, elsewhere)  # a LoanDesk file outside the folder
    foreign = {
        "notes.txt": b"the owner's notes",
        "loandesk-20200101-000000.sqlite3": b"not a database at all, but our name",
        "loandesk-2020.sqlite3": None,  # LoanDesk files under other names
        "loandesk-20200102-000000.sqlite3.bak": None,
        "LOANDESK-20200103-000000.SQLITE3": None,
    }
    for name, content in foreign.items():
        if content is None:
            shutil.copyfile(ours.path, folder / name)
        else:
            (folder / name).write_bytes(content)
    conn = sqlite3.connect(folder / "loandesk-20200104-000000.sqlite3")  # another program's
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    (folder / "loandesk-20200105-000000.sqlite3").symlink_to(elsewhere)
    (folder / "loandesk-20200106-000000.sqlite3").mkdir()

    def state() -> dict[str, object]:
        return {p.name: (p.is_symlink(), p.is_dir() or p.read_bytes()) for p in folder.iterdir()}

    before = state()
    assert prune(folder, BackupPolicy(keep_last=1, keep_monthly=0), at(1)) == []
    assert state() == before
    assert verify_loandesk_file(elsewhere)
    # and a real old backup among them is pruned
    shutil.copyfile(ours.path, folder / "loandesk-20200107-000000.sqlite3")
    removed = prune(folder, BackupPolicy(keep_last=1, keep_monthly=0), at(1))
    assert [p.name for p in removed] == ["loandesk-20200107-000000.sqlite3"]
    assert state() == before


keep_last = st.integers(min_value=1, max_value=30)
keep_monthly = st.integers(min_value=0, max_value=24)
offsets = st.lists(
    st.integers(min_value=0, max_value=900 * 24), min_size=0, max_size=60, unique=True
)


@settings(max_examples=200, deadline=None)
@given(keep_last, keep_monthly, offsets)
def test_what_the_policy_keeps(keep_last: int, keep_monthly: int, hours: list[int]) -> None:
    now = datetime(2027, 3, 10, 12, 0).astimezone()
    entries = [BackupEntry(Path(f"/b/{h}"), now - timedelta(hours=h), 1) for h in hours]
    policy = BackupPolicy(keep_last=keep_last, keep_monthly=keep_monthly)
    kept = to_keep(entries, policy, now)
    newest = sorted(entries, key=lambda e: e.made_at, reverse=True)
    assert {e.path for e in newest[:keep_last]} <= kept  # the newest always stay
    month_now = now.year * 12 + now.month

    def month(e: BackupEntry) -> int:
        return e.made_at.year * 12 + e.made_at.month

    for e in entries:
        in_window = 0 <= month_now - month(e) < keep_monthly
        first_of_month = all(o.made_at >= e.made_at for o in entries if month(o) == month(e))
        should = e in newest[:keep_last] or (in_window and first_of_month)
        assert (e.path in kept) == should
    assert len(kept) <= keep_last + keep_monthly


# -- restoring one from the list ------------------------------------------------------


def test_the_owner_restores_a_listed_backup_and_gets_it_opened(
    db_file: Path, tmp_path: Path
) -> None:
    key_file = tmp_path / "keys" / "loandesk.key"
    database = open_database(db_file, key=key_file)
    staff.create_owner(database, "Hengtong", "boss", "boss2026pw")
    boss = staff.owner_actor(database)
    customers.create_customer(database, boss, "张三")
    made = backup_daily_if_due(database, now=at(1))
    assert made is not None
    customers.create_customer(database, boss, "李四")  # saved after the backup
    restored = auto_backup.restore_from_backup(database, boss, made.path)
    try:
        assert restored is not database and restored.path == db_file
        assert customer_count(restored) == 1  # as it was at the backup
        rows = audit.list_entries(restored, boss, action=AuditAction.BACKUP_RESTORED)
        assert [(r.username, r.detail["file"]) for r in rows] == [("boss", made.path.name)]
        with pytest.raises(UserError) as err:  # the old handle writes nothing anywhere
            customers.create_customer(database, boss, "王五")
        assert err.value.code == "database_replaced"
        assert customer_count(restored) == 1
    finally:
        restored.close()
    assert made.path.exists()  # the backup stays in the list


def test_restore_refuses_while_another_counter_has_the_file_open(
    store: Database, boss, db_file: Path
) -> None:
    made = backup_daily_if_due(store, now=at(1))
    assert made is not None
    customers.create_customer(store, boss, "张三")
    with another_counter(db_file) as counter:
        with pytest.raises(LeaseBusy) as err:
            auto_backup.restore_from_backup(store, boss, made.path)
        assert err.value.code == "database_in_use"
        assert f"process {counter.pid}" in err.value.message
        host, user, pid = err.value.holders[0]
        assert (host, pid) == (os.uname().nodename, str(counter.pid)) and user
    # nothing changed, and this counter goes on working on its file
    customers.create_customer(store, boss, "李四")
    assert customer_count(store) == 2


def test_restore_takes_only_a_listed_backup_and_only_for_the_owner(
    store: Database, boss, tmp_path: Path
) -> None:
    made = backup_daily_if_due(store, now=at(1))
    assert made is not None
    elsewhere = tmp_path / "loandesk-20260601-180000.sqlite3"
    shutil.copyfile(made.path, elsewhere)
    with pytest.raises(BackupError) as err:
        auto_backup.restore_from_backup(store, boss, elsewhere)
    assert err.value.code == "restore_not_listed"
    view = staff.add_staff(store, boss, "zhao", "zhao2026pw", Role.MANAGER)
    with pytest.raises(PermissionDenied):
        auto_backup.restore_from_backup(store, staff.actor_for(store, view.id), made.path)
    customers.create_customer(store, boss, "still open")  # the database was never let go


def test_a_damaged_backup_is_refused_and_the_database_stays_open(store: Database, boss) -> None:
    made = backup_daily_if_due(store, now=at(1))
    assert made is not None
    rot(made.path)
    before = file_state(store.path)
    with pytest.raises(BackupError) as err:
        auto_backup.restore_from_backup(store, boss, made.path)
    assert err.value.code == "backup_damaged"
    assert file_state(store.path) == before
    customers.create_customer(store, boss, "still open")
    assert customer_count(store) == 1


def test_a_restore_that_cannot_reopen_says_to_start_again(
    db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.database

    key_file = tmp_path / "keys" / "loandesk.key"
    database = open_database(db_file, key=key_file)
    staff.create_owner(database, "Hengtong", "boss", "boss2026pw")
    boss = staff.owner_actor(database)
    made = backup_daily_if_due(database, now=at(1))
    assert made is not None
    customers.create_customer(database, boss, "after the backup")

    def cannot_open(*_a, **_k):
        raise UserError("The disk holding the database was removed.", code="gone")

    monkeypatch.setattr(db.database, "open_database", cannot_open)
    with pytest.raises(BackupError) as err:
        auto_backup.restore_from_backup(database, boss, made.path)
    assert err.value.code == "restored_not_reopened"
    assert "was restored" in err.value.message and "start it again" in err.value.message
    monkeypatch.undo()
    again = open_database(db_file, key=key_file)
    try:
        assert customer_count(again) == 0  # the backup is in place
    finally:
        again.close()

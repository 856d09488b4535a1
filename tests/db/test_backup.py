"""Backup (online, verified) and restore (verified first, atomic, refuses foreign files)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from db import open_database
from db.backup import (
    BackupError,
    backup_database,
    restore_database,
    verify_loandesk_file,
)
from db.demo import load_demo_data
from db.paths import sqlite_url

KEY = b"b" * 32
pytestmark = pytest.mark.sqlite_only("backup and restore copy an SQLite file (servers: pg_dump)")
TODAY = date(2026, 6, 15)


def file_state(path: Path) -> dict[str, str | None]:
    """Hash of the database file and the files SQLite keeps beside it."""
    out: dict[str, str | None] = {}
    for suffix in ("", "-wal", "-shm", "-journal"):
        p = path.with_name(path.name + suffix)
        out[suffix] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    return out


def make_store(path: Path, consultations: int = 120, seed: int = 1) -> None:
    database = open_database(path, key=KEY)
    try:
        load_demo_data(database, consultations, seed=seed, today=TODAY)
    finally:
        database.close()


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store, made once for the module (demo data takes seconds)."""
    path = tmp_path_factory.mktemp("demo-store") / "store.sqlite3"
    make_store(path)
    assert not path.with_name(path.name + "-wal").exists()  # closed: one self-contained file
    return path


@pytest.fixture
def store(tmp_path: Path, demo_store: Path) -> Path:
    """A copy of the demo store of this test's own."""
    path = tmp_path / "store.sqlite3"
    shutil.copyfile(demo_store, path)
    return path


@pytest.fixture
def backup(store: Path, tmp_path: Path) -> Path:
    out = tmp_path / "backup.sqlite3"
    backup_database(sqlite_url(store), out)
    return out


def test_backup_is_verified_and_complete(store: Path, backup: Path) -> None:
    revision = verify_loandesk_file(backup)
    assert revision
    for table in ("customers", "consultations", "plans", "signing_items", "db_meta"):
        assert count(backup, table) == count(store, table)
    # self-contained: no WAL mode, nothing left beside it
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert sorted(p.name for p in backup.parent.iterdir() if p.name.startswith(".")) == []


def test_backup_replaces_an_existing_file_only_when_done(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "old.sqlite3"
    out.write_bytes(b"previous backup")
    info = backup_database(sqlite_url(store), out)
    assert info.size_bytes == out.stat().st_size
    verify_loandesk_file(out)


def test_backup_refuses_bad_targets(store: Path, tmp_path: Path) -> None:
    url = sqlite_url(store)
    with pytest.raises(BackupError) as err:
        backup_database(url, store)
    assert err.value.code == "backup_same_file"
    with pytest.raises(BackupError) as err:
        backup_database(url, tmp_path)
    assert err.value.code == "backup_out_is_dir"
    with pytest.raises(BackupError) as err:
        backup_database(url, tmp_path / "missing" / "b.sqlite3")
    assert err.value.code == "backup_no_folder"
    with pytest.raises(BackupError) as err:
        backup_database(sqlite_url(tmp_path / "nothing.sqlite3"), tmp_path / "b.sqlite3")
    assert err.value.code == "backup_no_database"
    with pytest.raises(BackupError) as err:
        backup_database("postgresql+psycopg://u@server/loandesk", tmp_path / "b.sqlite3")
    assert err.value.code == "backup_not_sqlite" and "pg_dump" in err.value.message


def test_backup_of_a_broken_database_points_to_restore(tmp_path: Path) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    before = file_state(broken)
    with pytest.raises(BackupError) as err:
        backup_database(sqlite_url(broken), tmp_path / "b.sqlite3")
    assert "restore --from" in err.value.message
    assert file_state(broken) == before
    assert not (tmp_path / "b.sqlite3").exists()


WRITER = textwrap.dedent(
    """
    import os, sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    stop, deadline = sys.argv[2], time.time() + 60  # until told to stop (or a minute)
    n = 0
    print("ready", flush=True)
    while not os.path.exists(stop) and time.time() < deadline:
        conn.execute("BEGIN IMMEDIATE")
        for _ in range(2):  # always two rows per transaction
            conn.execute(
                "INSERT INTO audit_log (store_id, at, username, action, target_type, fields)"
                " VALUES (1, '2026-06-14 10:00:00.000000', 'writer', 'export', 'test', '')"
            )
        conn.execute("COMMIT")
        n += 1
    print(n, flush=True)
    """
)


def wait_for(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_backup_while_another_process_writes(store: Path, tmp_path: Path) -> None:
    before = count(store, "audit_log")
    stop = tmp_path / "stop-writing"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store), str(stop)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        seen = [0]
        for i in range(4):
            wait_for(lambda: count(store, "audit_log") - before > seen[-1])  # more since
            out = tmp_path / f"live-{i}.sqlite3"
            backup_database(sqlite_url(store), out)
            verify_loandesk_file(out)
            added = count(out, "audit_log") - before
            assert added % 2 == 0  # a transaction is either wholly in the backup or not
            seen.append(added)
        stop.touch()
        committed = int(writer.communicate(timeout=60)[0].strip())
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0
    seen = seen[1:]
    # the backups saw the writes progress: each one more than the one before
    assert seen[0] > 0 and seen == sorted(set(seen))
    assert count(store, "audit_log") - before == 2 * committed


def test_restore_replaces_the_database(store: Path, backup: Path, tmp_path: Path) -> None:
    expected = count(backup, "consultations")
    # change the live database after the backup, with a WAL beside it
    database = open_database(store, key=KEY)
    with database.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM follow_ups")
    held = database.engine.raw_connection()  # keeps the -wal/-shm files present
    held.close()
    database.close()
    info = restore_database(sqlite_url(store), backup, key=KEY)
    assert info.schema_revision == verify_loandesk_file(store)
    assert count(store, "consultations") == expected
    assert count(store, "follow_ups") == count(backup, "follow_ups") > 0
    leftovers = [p.name for p in tmp_path.iterdir() if ".stale-" in p.name or p.suffix == ".tmp"]
    assert leftovers == []
    reopened = open_database(store, key=KEY)  # the app opens it again, same key
    reopened.close()


def test_restore_onto_a_damaged_database(store: Path, backup: Path) -> None:
    data = bytearray(store.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    store.write_bytes(bytes(data))
    restore_database(sqlite_url(store), backup, key=KEY)
    verify_loandesk_file(store)


def _refused(target: Path, source: Path, code: str, **kwargs: object) -> BackupError:
    before = file_state(target)
    with pytest.raises(BackupError) as err:
        restore_database(sqlite_url(target), source, **kwargs)  # type: ignore[arg-type]
    assert err.value.code == code, err.value.message
    assert "unchanged" in err.value.message
    assert file_state(target) == before
    return err.value


def test_restore_refuses_garbage(store: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(bytes(range(256)) * 64)
    _refused(store, garbage, "backup_not_loandesk", key=KEY)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    _refused(store, empty, "backup_not_loandesk", key=KEY)
    _refused(store, tmp_path / "missing.sqlite3", "backup_missing", key=KEY)


def test_restore_refuses_a_truncated_backup(store: Path, backup: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.sqlite3"
    data = backup.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    _refused(store, truncated, "backup_damaged", key=KEY)
    odd = tmp_path / "odd.sqlite3"
    odd.write_bytes(data[: len(data) // 2 + 100])
    _refused(store, odd, "backup_damaged", key=KEY)


def test_restore_refuses_a_corrupted_backup(store: Path, backup: Path, tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.sqlite3"
    data = bytearray(backup.read_bytes())
    page = 4096
    for i in range(3 * page, len(data) - page, 7 * page):
        data[i + 100 : i + 600] = b"\x00\x13" * 250
    corrupt.write_bytes(bytes(data))
    _refused(store, corrupt, "backup_damaged", key=KEY)


def test_restore_refuses_a_newer_schema(store: Path, backup: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(backup.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '20991231_01'")
    conn.commit()
    conn.close()
    err = _refused(store, newer, "backup_schema_too_new", key=KEY)
    assert "newer version" in err.message


def test_restore_refuses_a_foreign_sqlite_file(store: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('hello')")
    conn.commit()
    conn.close()
    _refused(store, foreign, "backup_not_loandesk", key=KEY)


def test_restore_refuses_a_backup_made_with_another_key(store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    database = open_database(other, key=b"o" * 32)
    database.close()
    _refused(store, other, "backup_wrong_key", key=KEY)


def test_restore_without_installed_key_is_allowed(
    store: Path, backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOANDESK_KEY_FILE", str(tmp_path / "no-such.key"))
    target = tmp_path / "new-machine.sqlite3"
    restore_database(sqlite_url(target), backup)
    assert count(target, "consultations") == count(backup, "consultations")


def test_restore_refuses_server_databases(backup: Path) -> None:
    with pytest.raises(BackupError) as err:
        restore_database("postgresql+psycopg://u@server/loandesk", backup)
    assert err.value.code == "backup_not_sqlite"


CRASH_AFTER_COMMIT = textwrap.dedent(
    """
    import os, signal, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("DELETE FROM follow_ups")
    os.kill(os.getpid(), signal.SIGKILL)  # committed, never checkpointed
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_restore_never_mixes_the_old_wal_into_the_new_file(store: Path, backup: Path) -> None:
    subprocess.run([sys.executable, "-c", CRASH_AFTER_COMMIT, str(store)], check=False)
    wal = store.with_name(store.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the crash left committed frames
    restore_database(sqlite_url(store), backup, key=KEY)
    assert not wal.exists()
    assert count(store, "follow_ups") == count(backup, "follow_ups") > 0
    verify_loandesk_file(store)

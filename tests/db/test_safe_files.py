"""Issue 11, items 1, 2, 9, 10: outputs never overwrite what they must not,
restore is alone with the file, a foreign file is never touched."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db import open_database
from db.backup import BackupError, backup_database, restore_database
from db.paths import sqlite_url
from db.services import customers, staff
from lending.errors import UserError
from tests.cli.test_db_commands import one_line_error, run
from tests.db.test_backup import KEY, count, file_state, make_store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.sqlite_only("files on disk"),
    pytest.mark.skipif(os.name != "posix", reason="FIFOs, flock and SIGKILL"),
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo store, made once for the module."""
    path = tmp_path_factory.mktemp("demo-store") / "store.sqlite3"
    make_store(path, consultations=30)
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


# -- item 2: outputs ----------------------------------------------------------


def test_backup_never_overwrites_the_key_the_wal_or_a_fifo(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "loandesk.key"
    key.write_text("the key\n")
    monkeypatch.setenv("LOANDESK_KEY_FILE", str(key))
    url = sqlite_url(store)
    wal = store.with_name(store.name + "-wal")
    wal.write_bytes(b"")  # a WAL beside the database, as while a counter writes
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link-to-key"
    link.symlink_to(key)
    for target in (key, wal, store.with_name(store.name + "-shm"), fifo, link):
        before = file_state(store)
        with pytest.raises(UserError) as err:
            backup_database(url, target)
        assert "\n" not in err.value.message
        assert file_state(store) == before
    assert key.read_text() == "the key\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".~")) == []


def test_backup_is_private_and_leaves_no_temp_file(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    backup_database(sqlite_url(store), out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_restore_refuses_foreign_targets(backup: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (text, other, fifo, tmp_path):
        before = digest(target) if target.is_file() else None
        with pytest.raises(BackupError) as err:
            restore_database(sqlite_url(target), backup, key=KEY)
        assert "\n" not in err.value.message
        if before is not None:
            assert digest(target) == before
    # a path that does not exist yet is fine
    fresh = tmp_path / "fresh.sqlite3"
    restore_database(sqlite_url(fresh), backup, key=KEY)
    assert count(fresh, "consultations") == count(backup, "consultations")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


def test_print_quote_refuses_the_database_as_its_output(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = home / "data.sqlite3"
    key = tmp_path / "k.key"
    assert run(home, "demo-data", "--consultations", "5", "--db", str(db), key=key).returncode == 0
    conn = sqlite3.connect(db)
    (consultation,) = conn.execute("SELECT min(consultation_id) FROM plans").fetchone()
    conn.close()
    before = file_state(db)
    for out in (db, key, db.with_name(db.name + "-wal")):
        result = run(
            home,
            "print-quote",
            "--db",
            str(db),
            "--consultation",
            str(consultation),
            "--document",
            "quote",
            "--out",
            str(out),
            key=key,
        )
        line = one_line_error(result)
        assert "must not be overwritten" in line, line
    assert file_state(db)[""] == before[""]
    assert open_database(db, key=key).close() is None


def test_output_errors_are_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from db import files

    out = tmp_path / "r.pdf"
    out.write_bytes(b"old")

    real_open = Path.open

    def failing_open(self: Path, mode: str = "r", *a: object, **k: object):  # type: ignore[no-untyped-def]
        fh = real_open(self, mode, *a, **k)  # type: ignore[arg-type]
        if "w" in mode and self.name.startswith(files.TEMP_PREFIX):
            fh.close()
            raise OSError(errno.ENOSPC, "No space left on device")
        return fh

    monkeypatch.setattr(Path, "open", failing_open)
    with pytest.raises(files.OutputError) as err:
        files.write_bytes(out, b"new")
    assert "disk holding" in err.value.message and "full" in err.value.message
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == ["r.pdf"]
    monkeypatch.undo()
    with pytest.raises(files.OutputError) as err:
        files.write_bytes(tmp_path / ("x" * 300 + ".pdf"), b"new")
    assert "too long" in err.value.message and "\n" not in err.value.message


def test_output_messages_are_translated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from db import files
    from resources.i18n import translator

    monkeypatch.setenv("LOANDESK_LANG", "zh_CN")
    translator.cache_clear()
    try:
        with pytest.raises(files.OutputError) as err:
            files.check_output(tmp_path)
    finally:
        translator.cache_clear()
    assert err.value.message != f"{tmp_path} is a folder; give a file name."
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message)


# -- item 1: restore while a counter has the file open ------------------------

HOLD_OPEN = textwrap.dedent(
    """
    import sys
    from db import open_database
    db = open_database(sys.argv[1], key=b"b" * 32)
    print("open", flush=True)
    sys.stdin.readline()
    db.close()
    """
)


def test_restore_refuses_while_a_counter_has_the_database_open(store: Path, backup: Path) -> None:
    counter = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(store)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert counter.stdout is not None and counter.stdout.readline().strip() == "open"
        before = file_state(store)
        with pytest.raises(BackupError) as err:
            restore_database(sqlite_url(store), backup, key=KEY)
        assert f"process {counter.pid}" in err.value.message  # says who
        assert os.uname().nodename in err.value.message
        assert file_state(store)[""] == before[""]
    finally:
        assert counter.stdin is not None
        counter.stdin.write("\n")
        counter.stdin.close()
        counter.wait(timeout=30)
        assert counter.stdout is not None
        counter.stdout.close()  # no pipe left for the garbage collector to warn about
    restore_database(sqlite_url(store), backup, key=KEY)  # closed: now it may


def test_a_counter_stops_writing_into_a_replaced_file(store: Path, backup: Path) -> None:
    database = open_database(store, key=KEY)
    try:
        owner = staff.owner_actor(database)
        customers.create_customer(database, owner, "张三")
        before = count(backup, "customers")
        with database.engine.connect() as conn:  # the old WAL must not meet the new file
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        tmp = store.with_name("copy.sqlite3")
        tmp.write_bytes(backup.read_bytes())
        os.replace(tmp, store)  # e.g. copied over by hand, or a restore on Windows
        with pytest.raises(UserError) as err:
            customers.create_customer(database, owner, "李四")
        assert err.value.code == "database_replaced"
    finally:
        database.close()
    assert count(store, "customers") == before


# -- item 10: restore failing at the final rename -----------------------------

CRASH_AFTER_COMMIT = textwrap.dedent(
    """
    import os, signal, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1])
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("DELETE FROM follow_ups")
    conn.commit()
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_failed_final_rename_keeps_the_live_wal(
    store: Path, backup: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    subprocess.run([sys.executable, "-c", CRASH_AFTER_COMMIT, str(store)], check=False)
    wal = store.with_name(store.name + "-wal")
    assert wal.stat().st_size > 0
    real_replace = os.replace

    def failing(src: object, dst: object) -> None:
        if Path(str(dst)) == store:
            raise PermissionError(13, "Permission denied")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(BackupError) as err:
        restore_database(sqlite_url(store), backup, key=KEY)
    assert "\n" not in err.value.message
    monkeypatch.undo()
    assert wal.exists() and wal.stat().st_size > 0
    assert count(store, "follow_ups") == 0  # the committed delete, from the live WAL
    assert count(store, "consultations") == count(backup, "consultations")


# -- item 9: foreign and newer files are not touched ---------------------------


def _foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('someone else''s data')")
    conn.commit()
    conn.close()
    return path


def test_store_list_does_not_change_another_programs_database(tmp_path: Path) -> None:
    other = _foreign(tmp_path / "other.sqlite3")
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    for target in (other, empty):
        before = sorted(p.name for p in tmp_path.iterdir()), digest(target)
        line = one_line_error(run(tmp_path / "home", "store", "list", "--db", str(target)))
        assert str(target) in line
        assert (sorted(p.name for p in tmp_path.iterdir()), digest(target)) == before


def test_demo_data_refuses_another_programs_database(tmp_path: Path) -> None:
    other = _foreign(tmp_path / "other.sqlite3")
    before = digest(other)
    line = one_line_error(
        run(tmp_path / "home", "demo-data", "--consultations", "3", "--db", str(other))
    )
    assert "not a LoanDesk database" in line
    assert digest(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "other.sqlite3"] or sorted(
        p.name for p in tmp_path.iterdir()
    ) == ["other.sqlite3"]


def test_a_newer_schema_file_is_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    open_database(path, key=KEY).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("UPDATE alembic_version SET version_num = '29991231_01'")
    conn.commit()
    conn.close()
    before = sorted(p.name for p in tmp_path.iterdir()), digest(path)
    with pytest.raises(UserError) as err:
        open_database(path, key=KEY)
    assert err.value.code == "schema_too_new"
    assert (sorted(p.name for p in tmp_path.iterdir()), digest(path)) == before


def test_demo_data_refuses_while_another_counter_is_open(store: Path, tmp_path: Path) -> None:
    counter = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(store)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert counter.stdout is not None and counter.stdout.readline().strip() == "open"
        database = open_database(store, key=KEY)
        try:
            with pytest.raises(UserError) as err:
                database.alone("demo-data")
            assert f"process {counter.pid}" in err.value.message
        finally:
            database.close()
    finally:
        assert counter.stdin is not None
        counter.stdin.write("\n")
        counter.stdin.close()
        counter.wait(timeout=30)
        assert counter.stdout is not None
        counter.stdout.close()  # no pipe left for the garbage collector to warn about


HOLD_LEASE = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from db.lease import Lease
    lease = Lease(Path(sys.argv[1]))
    lease.shared()  # as an older LoanDesk counter, still open on the file
    print("open", flush=True)
    sys.stdin.readline()
    """
)


def test_an_upgrade_waits_for_the_other_counters(tmp_path: Path) -> None:
    from tests.db.test_migrate_filled import downgrade_plainly, earlier_revisions

    path = tmp_path / "old.sqlite3"
    open_database(path, key=KEY).close()
    downgrade_plainly(path, earlier_revisions()[0])
    before = file_state(path)
    counter = subprocess.Popen(
        [sys.executable, "-c", HOLD_LEASE, str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert counter.stdout is not None and counter.stdout.readline().strip() == "open"
        with pytest.raises(UserError) as err:
            open_database(path, key=KEY)
        assert err.value.code == "database_in_use"
        assert f"process {counter.pid}" in err.value.message
        assert file_state(path) == before
    finally:
        assert counter.stdin is not None
        counter.stdin.write("\n")
        counter.stdin.close()
        counter.wait(timeout=30)
        assert counter.stdout is not None
        counter.stdout.close()  # no pipe left for the garbage collector to warn about
    open_database(path, key=KEY).close()  # alone now: upgraded

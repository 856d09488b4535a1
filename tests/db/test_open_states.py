"""Issue 11, items 4 and 5: opening tells damaged / could not finish closing / disk full
apart, and first-time creation is atomic (killed or raced, the file opens)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from db import open_database
from db.migrate import head_revision
from lending.errors import UserError

ROOT = Path(__file__).resolve().parents[2]
KEY = b"o" * 32
pytestmark = [
    pytest.mark.sqlite_only("SQLite files"),
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL"),
]

GROW_AND_DIE = textwrap.dedent(
    """
    import os, signal, sqlite3, sys
    c = sqlite3.connect(sys.argv[1])
    c.execute("PRAGMA wal_autocheckpoint = 0")
    for i in range(300):
        c.execute("INSERT INTO db_meta (key, value) VALUES (?, ?)", (f"k{i}", b"v" * 1000))
    c.commit()
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def _wal_frames(wal: bytes) -> tuple[int, list[tuple[int, bytes]]]:
    page_size = int.from_bytes(wal[8:12], "big")
    frames, off = [], 32
    while off + 24 + page_size <= len(wal):
        frames.append(
            (int.from_bytes(wal[off : off + 4], "big"), wal[off + 24 : off + 24 + page_size])
        )
        off += 24 + page_size
    return page_size, frames


def could_not_finish_closing(path: Path) -> None:
    """What a checkpoint cut short by a full disk leaves: the new first page written,
    the file not yet grown, every page still in the WAL."""
    open_database(path, key=KEY).close()
    subprocess.run([sys.executable, "-c", GROW_AND_DIE, str(path)], check=False)
    wal = path.with_name(path.name + "-wal").read_bytes()
    page_size, frames = _wal_frames(wal)
    first = [page for number, page in frames if number == 1][-1]
    with path.open("r+b") as fh:
        fh.write(first)
    pages = int.from_bytes(first[28:32], "big")
    assert pages * page_size > path.stat().st_size  # the header promises more than is there


def test_a_file_that_could_not_finish_closing_opens_with_everything(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    could_not_finish_closing(path)
    with open_database(path, key=KEY) as database, database.engine.connect() as conn:
        n = conn.exec_driver_sql("SELECT count(*) FROM db_meta WHERE key GLOB 'k[0-9]*'").scalar()
    assert n == 300
    conn2 = sqlite3.connect(path)
    try:
        assert conn2.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn2.close()


def test_a_damaged_file_is_called_damaged_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    could_not_finish_closing(path)
    path.with_name(path.name + "-wal").unlink()  # the WAL is lost too: nothing can mend it
    before = path.read_bytes()
    with pytest.raises(UserError) as err:
        open_database(path, key=KEY)
    assert "truncated" in err.value.message and "restore" in err.value.message
    assert path.read_bytes() == before


def test_disk_full_while_checking_recovery_says_disk_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import shutil

    path = tmp_path / "store.sqlite3"
    could_not_finish_closing(path)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full)
    with pytest.raises(UserError) as err:
        open_database(path, key=KEY)
    assert err.value.code == "disk_full"
    assert "Restore a backup" not in err.value.message and "not damaged" in err.value.message


def test_disk_full_while_opening_says_disk_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.database

    path = tmp_path / "store.sqlite3"
    open_database(path, key=KEY).close()

    def full(_engine: object) -> str:
        raise OperationalError("PRAGMA", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(db.database, "upgrade_to_head", full)
    with pytest.raises(UserError) as err:
        open_database(path, key=KEY)
    assert err.value.code == "disk_full" and "restore" not in err.value.message.lower()


# -- item 5: creation ----------------------------------------------------------


@pytest.mark.real_migrations
def test_killed_during_first_creation_the_file_still_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stop the first creation after the first revision (as a kill would)."""
    from alembic import command
    from alembic.script import ScriptDirectory

    path = tmp_path / "new.sqlite3"
    real_upgrade = command.upgrade
    first = ScriptDirectory.from_config(__import__("db.migrate").migrate.alembic_config())
    base = first.get_base()

    class Killed(BaseException):
        pass

    def half(config: object, revision: str, **kw: object) -> None:
        real_upgrade(config, base)  # type: ignore[arg-type]
        raise Killed

    monkeypatch.setattr(command, "upgrade", half)
    with pytest.raises(Killed):
        open_database(path, key=KEY)
    monkeypatch.undo()
    with open_database(path, key=KEY) as database:
        assert database.schema_revision == head_revision()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")]
    assert leftovers == []


RACE = textwrap.dedent(
    """
    import sys
    from db import open_database
    db = open_database(sys.argv[1], key=b"o" * 32)
    print(db.schema_revision)
    db.close()
    """
)


@pytest.mark.slow  # a race, four rounds of two real processes
def test_two_counters_creating_at_once_both_succeed(tmp_path: Path) -> None:
    for round_ in range(4):
        path = tmp_path / f"race{round_}.sqlite3"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", RACE, str(path)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            assert out.strip() == head_revision()
            assert "Traceback" not in err and "$argon2" not in err


def test_database_errors_never_carry_the_values(tmp_path: Path) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    secret = "$argon2id$v=19$m=65536,t=3,p=4$not-for-your-eyes"
    with (
        open_database(tmp_path / "s.sqlite3", key=KEY) as database,
        database.engine.connect() as conn,
        pytest.raises(IntegrityError) as err,
    ):
        conn.execute(
            text("INSERT INTO db_meta (key, value) VALUES (:k, :v)"),
            {"k": "key_check", "v": secret},
        )
    assert "argon2" not in str(err.value)

"""``demo-data``, ``backup`` and ``restore`` as ``python main.py`` runs them.

The commands run in this process (:mod:`tests.cli.runner`); what only a real process
shows is tested with real ones (``tests/db/test_pg_commands.py``, the terminal prompts in
``tests/cli/test_keys.py`` and ``tests/cli/test_login.py``, the fuzz's ``| head``)."""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from db import open_database
from db.models import Customer, Vehicle
from lending.identity import check_mobile, check_resident_id, check_vin
from tests.cli.runner import run_main
from tests.db.test_demo import content_digest

ROOT = Path(__file__).resolve().parents[2]


def run(home: Path, *args: str, key: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python main.py *args`` for the counter whose home is ``home`` (in this process:
    :mod:`tests.cli.runner`)."""
    return run_main(
        args,
        env={
            "LOANDESK_HOME": str(home),
            "LOANDESK_DATABASE_URL": None,
            "LOANDESK_KEY_FILE": None if key is None else str(key),
        },
    )


def one_line_error(out: subprocess.CompletedProcess[str]) -> str:
    assert out.returncode == 2, (out.stdout, out.stderr)
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "Traceback" not in out.stderr
    return lines[0]


def state(path: Path) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for suffix in ("", "-wal", "-shm"):
        p = path.with_name(path.name + suffix)
        out[suffix] = hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
    return out


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, Path]]:
    """(home, key file, a demo database made through the command line)."""
    base = tmp_path_factory.mktemp("cli-db")
    home, key = base / "home", base / "keys" / "loandesk.key"
    db = base / "demo.sqlite3"
    out = run(home, "demo-data", "--db", str(db), "--consultations", "400", "--seed", "5", key=key)
    assert out.returncode == 0, out.stderr
    yield home, key, db


def test_demo_data_reports_what_it_loaded(world: tuple[Path, Path, Path]) -> None:
    home, key, _db = world
    out = run(home, "demo-data", "--db", str(home / "x.sqlite3"), "--consultations", "150", key=key)
    assert out.returncode == 0, out.stderr
    assert re.search(r"Loaded 150 consultations \(\d+ customers, \d+ plans", out.stdout)
    assert "demo-pass-2026" in out.stdout
    assert "demo-data: 150 of 150 consultations" in out.stderr  # progress on stderr


def test_demo_data_is_reproducible_for_a_seed(
    world: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    home, key, db = world
    again, other = tmp_path / "again.sqlite3", tmp_path / "other.sqlite3"
    a = run(home, "demo-data", "--db", str(again), "--consultations", "400", "--seed", "5", key=key)
    b = run(home, "demo-data", "--db", str(other), "--consultations", "400", "--seed", "6", key=key)
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    digests = []
    for path in (db, again, other):
        database = open_database(path, key=key)
        try:
            digests.append(content_digest(database))
        finally:
            database.close()
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]
    tables = ("customers", "consultations", "plans", "follow_ups", "signing_items")
    for table in tables:
        with sqlite3.connect(db) as c1, sqlite3.connect(again) as c2:
            q = f"SELECT count(*) FROM {table}"
            assert c1.execute(q).fetchone() == c2.execute(q).fetchone()


def test_demo_data_ids_are_valid_and_never_in_plain_text(world: tuple[Path, Path, Path]) -> None:
    _home, key, db = world
    database = open_database(db, key=key)
    try:
        with database.session_factory() as s:
            secrets = []
            for c in s.scalars(select(Customer)):
                assert c.id_number_enc is not None and c.phone_enc is not None
                idn = database.cipher.decrypt("customers", "id_number", c.id_number_enc)
                phone = database.cipher.decrypt("customers", "phone", c.phone_enc)
                assert check_resident_id(idn).valid and check_mobile(phone).valid
                secrets += [idn, phone]
            vins = list(s.scalars(select(Vehicle.vin)))
    finally:
        database.close()
    assert vins and all(v is not None and check_vin(v).valid for v in vins)
    raw = b"".join(
        p.read_bytes() for p in db.parent.iterdir() if p.name.startswith(db.name) and p.is_file()
    )
    leaked = [s for s in secrets if s.encode() in raw]
    assert leaked == []


def test_backup_then_restore(world: tuple[Path, Path, Path], tmp_path: Path) -> None:
    home, key, db = world
    live = tmp_path / "live.sqlite3"
    live.write_bytes(db.read_bytes())
    backup = tmp_path / "backup.sqlite3"
    out = run(home, "backup", "--db", str(live), "--out", str(backup), key=key)
    assert out.returncode == 0, out.stderr
    assert "verified" in out.stdout and str(key) in out.stderr  # reminds about the key file
    with sqlite3.connect(live) as conn:
        conn.execute("DELETE FROM follow_ups")
    out = run(home, "restore", "--db", str(live), "--from", str(backup), key=key)
    assert out.returncode == 0, out.stderr
    with sqlite3.connect(live) as c1, sqlite3.connect(db) as c2:
        q = "SELECT count(*) FROM follow_ups"
        assert c1.execute(q).fetchone() == c2.execute(q).fetchone() != (0,)


def _refuse_restore(home: Path, key: Path, target: Path, source: Path) -> str:
    before = state(target)
    line = one_line_error(run(home, "restore", "--db", str(target), "--from", str(source), key=key))
    assert state(target) == before
    assert "unchanged" in line
    return line


def test_restore_refuses_bad_files(world: tuple[Path, Path, Path], tmp_path: Path) -> None:
    home, key, db = world
    target = tmp_path / "target.sqlite3"
    target.write_bytes(db.read_bytes())
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(os.urandom(20_000))
    assert "not a LoanDesk database" in _refuse_restore(home, key, target, garbage)

    truncated = tmp_path / "truncated.sqlite3"
    data = db.read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    assert "damaged" in _refuse_restore(home, key, target, truncated)

    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(data)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '20991231_09'")
    assert "newer version of LoanDesk" in _refuse_restore(home, key, target, newer)

    assert "does not exist" in _refuse_restore(home, key, target, tmp_path / "nope.sqlite3")


def test_a_broken_database_file_points_to_restore(
    world: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    home, key, _db = world
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    before = state(broken)
    for args in (
        ("demo-data", "--db", str(broken), "--consultations", "5"),
        ("backup", "--db", str(broken), "--out", str(tmp_path / "b.sqlite3")),
    ):
        line = one_line_error(run(home, *args, key=key))
        assert "restore --from" in line
        assert state(broken) == before
    assert not (tmp_path / "b.sqlite3").exists()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("demo-data", "--consultations", "-1"), "--consultations"),
        (("demo-data", "--consultations", "many"), "--consultations"),
        (("demo-data", "--consultations", "10", "--seed", "x"), "--seed"),
        (("demo-data",), "--consultations"),
        (("backup",), "--out"),
        (("backup", "--out", " "), "--out"),
        (("restore",), "--from"),
        (
            ("backup", "--database-url", "postgresql://u@server/db", "--out", "x.sqlite3"),
            "pg_dump",
        ),
    ],
)
def test_bad_arguments_give_one_line(tmp_path: Path, args: tuple[str, ...], needle: str) -> None:
    home = tmp_path / "home"
    full = list(args)
    if "--database-url" not in full:
        full += ["--db", str(tmp_path / "s.sqlite3")]
    line = one_line_error(run(home, *full, key=tmp_path / "k.key"))
    assert needle in line
    assert not (tmp_path / "s.sqlite3").exists() or args[0] != "demo-data"

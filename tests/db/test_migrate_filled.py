"""Issue 11, item 3: a *filled* database upgrades from every earlier revision, row for row.

The filled file is made at head by the demo loader, then taken back to each
earlier revision with Alembic on a plain connection (foreign keys off, so the
downgrade itself cannot lose rows); LoanDesk then opens it as a counter would
and every row of every table that existed at that revision must be there,
with the same values, at head.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, event

from db import open_database
from db.demo import load_demo_data
from db.migrate import alembic_config, head_revision, script_directory
from db.paths import sqlite_url

KEY = b"m" * 32
pytestmark = pytest.mark.sqlite_only("batch migrations recreate SQLite tables")

Snapshot = dict[str, dict[tuple[Any, ...], dict[str, Any]]]


def earlier_revisions() -> list[str]:
    head = head_revision()
    return [r.revision for r in script_directory().walk_revisions() if r.revision != head]


def snapshot(path: Path) -> Snapshot:
    conn = sqlite3.connect(path)
    try:
        out: Snapshot = {}
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        for table in tables:
            info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
            columns = [c[1] for c in info]
            pk = [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] or columns
            rows: dict[tuple[Any, ...], dict[str, Any]] = {}
            for values in conn.execute(f'SELECT * FROM "{table}"'):
                row = dict(zip(columns, values, strict=True))
                rows[tuple(row[k] for k in pk)] = row
            out[table] = rows
        return out
    finally:
        conn.close()


def downgrade_plainly(path: Path, revision: str) -> None:
    engine = create_engine(sqlite_url(path))

    @event.listens_for(engine, "connect")
    def _fk_off(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA foreign_keys = OFF")

    with engine.begin() as conn:
        command.downgrade(alembic_config(connection=conn), revision)
    engine.dispose()


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("filled") / "head.sqlite3"
    database = open_database(path, key=KEY)
    try:
        load_demo_data(database, 60, seed=7, today=date(2026, 6, 15))
    finally:
        database.close()
    return path


def test_there_are_earlier_revisions() -> None:
    assert len(earlier_revisions()) >= 3


@pytest.mark.parametrize("revision", earlier_revisions())
def test_filled_database_upgrades_from(revision: str, filled: Path, tmp_path: Path) -> None:
    path = tmp_path / f"at-{revision}.sqlite3"
    shutil.copyfile(filled, path)
    downgrade_plainly(path, revision)
    before = snapshot(path)
    assert sum(len(rows) for rows in before.values()) > 500  # really filled
    assert len(before["consultations"]) == 60

    with open_database(path, key=KEY) as database:
        assert database.schema_revision == head_revision()
    after = snapshot(path)

    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    for table, rows in before.items():
        assert table in after, f"{table} vanished"
        assert set(after[table]) == set(rows), f"{table}: rows lost or added"
        for key, row in rows.items():
            kept = {c: after[table][key][c] for c in row}
            assert kept == row, f"{table} {key} changed"


def test_an_upgrade_that_would_break_links_is_undone_completely(
    filled: Path, tmp_path: Path
) -> None:
    from lending.errors import UserError

    revision = earlier_revisions()[-1]  # the first revision: every later one runs
    path = tmp_path / "orphan.sqlite3"
    shutil.copyfile(filled, path)
    downgrade_plainly(path, revision)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(
        "UPDATE follow_ups SET consultation_id = 999999 WHERE id = (SELECT min(id) FROM follow_ups)"
    )
    conn.commit()
    schema_before = conn.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    ).fetchall()
    conn.close()
    before = snapshot(path)
    with pytest.raises(UserError) as err:
        open_database(path, key=KEY)
    assert err.value.code == "migration_foreign_keys"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(revision,)]
        assert (
            conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
            == schema_before
        )
    finally:
        conn.close()
    assert snapshot(path) == before

"""The start-up check of the schema: no Alembic when the database is already at head."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command

import db.migrate
from db import open_database
from db.migrate import alembic_config, head_revision, script_directory, script_head
from db.paths import sqlite_url

ROOT = Path(__file__).resolve().parents[2]


def test_script_head_is_alembics_head() -> None:
    """The head read from the files by hand is the one Alembic computes."""
    assert script_head() == head_revision()


def test_script_revisions_match_alembic() -> None:
    graph = db.migrate.script_revisions()
    assert graph is not None
    alembic_graph = {
        rev.revision: tuple(rev._all_down_revisions) for rev in script_directory().walk_revisions()
    }
    assert graph == alembic_graph


def test_unreadable_revision_file_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "x_odd.py").write_text('revision = make_id("x")\n', encoding="utf-8")
    monkeypatch.setattr(db.migrate, "VERSIONS_DIR", tmp_path)
    assert db.migrate.script_revisions() is None
    assert script_head() is None


def test_two_heads_give_no_fast_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, down in (("a", None), ("b", "a"), ("c", "a")):
        text = f'revision: str = "{name}"\ndown_revision: str | None = {down!r}\n'
        (tmp_path / f"{name}.py").write_text(text, encoding="utf-8")
    monkeypatch.setattr(db.migrate, "VERSIONS_DIR", tmp_path)
    assert script_head() is None


def test_open_at_head_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    open_database(path).close()  # created and migrated in this process
    code = (
        "import sys\n"
        "from db import open_database\n"
        f"d = open_database({str(path)!r})\n"
        "print(d.schema_revision, 'alembic' in sys.modules)\n"
        "d.close()\n"
    )
    env = {**os.environ, "LOANDESK_HOME": str(tmp_path / "home")}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [head_revision(), "False"]


def test_older_database_is_still_upgraded(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "old.sqlite3")
    first = db.migrate.script_revisions()
    assert first is not None
    base = next(rev for rev, downs in first.items() if not downs)
    command.upgrade(alembic_config(url), base)
    database = open_database(url)
    try:
        assert database.schema_revision == head_revision()
        with database.engine.connect() as conn:
            assert db.migrate.stored_revisions(conn) == (head_revision(),)
    finally:
        database.close()

"""The migration history is linear, date-ordered and matches the models."""

from __future__ import annotations

import re
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

import db.models
from db.migrate import alembic_config, configure_context_kwargs, head_revision, script_directory
from db.paths import sqlite_url


def test_history_is_linear_with_date_prefixed_ids() -> None:
    scripts = script_directory()
    assert len(scripts.get_heads()) == 1
    assert len(scripts.get_bases()) == 1
    revisions = list(scripts.walk_revisions())  # head first
    for rev in revisions:
        assert re.fullmatch(r"\d{8}_\d{2}", rev.revision), rev.revision
        assert not rev.is_merge_point
        assert len(rev.nextrev) <= 1, f"{rev.revision} branches"
    ids = [r.revision for r in reversed(revisions)]
    assert ids == sorted(ids), "revision ids must increase along the chain"
    versions = Path(db.migrate.__file__).parent / "migrations" / "versions"
    files = sorted(p.name for p in versions.glob("*.py"))
    assert [f.split("_")[0] + "_" + f.split("_")[1] for f in files] == ids


def test_upgrade_from_empty_matches_models(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "fresh.sqlite3")
    command.upgrade(alembic_config(url), "head")
    engine = create_engine(url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"target_metadata": db.models.Base.metadata, **configure_context_kwargs()}
        )
        diff = compare_metadata(ctx, db.models.Base.metadata)
        assert diff == []
        assert ctx.get_current_revision() == head_revision()
        tables = set(inspect(conn).get_table_names())
    engine.dispose()
    assert set(db.models.Base.metadata.tables) <= tables


def test_every_store_owned_table_has_store_id() -> None:
    global_tables = {"stores", "db_meta"}
    for name, table in db.models.Base.metadata.tables.items():
        if name not in global_tables:
            assert "store_id" in table.c, name


def test_downgrade_to_base_and_back(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "round.sqlite3")
    command.upgrade(alembic_config(url), "head")
    command.downgrade(alembic_config(url), "base")
    command.upgrade(alembic_config(url), "head")


def test_revisions_do_not_import_model_code() -> None:
    versions = Path(db.migrate.__file__).parent / "migrations" / "versions"
    for path in versions.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "import db" not in source and "from db" not in source, path.name

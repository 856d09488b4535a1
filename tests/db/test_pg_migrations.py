"""The Alembic history builds the models' schema from empty on every engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

import db.models
from db import open_database
from db.engine import make_engine
from db.migrate import alembic_config, configure_context_kwargs, head_revision, upgrade_to_head


def _schema_diff(url: str) -> tuple[list[object], str | None, set[str]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn,
                opts={"target_metadata": db.models.Base.metadata, **configure_context_kwargs()},
            )
            diff = compare_metadata(ctx, db.models.Base.metadata)
            return diff, ctx.get_current_revision(), set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def test_empty_to_head_matches_the_models(empty_database_url: str) -> None:
    engine = make_engine(empty_database_url)
    try:
        assert upgrade_to_head(engine) == head_revision()
    finally:
        engine.dispose()
    diff, revision, tables = _schema_diff(empty_database_url)
    assert diff == []
    assert revision == head_revision()
    assert set(db.models.Base.metadata.tables) | {"alembic_version"} == tables


def test_down_to_base_and_up_again(empty_database_url: str) -> None:
    command.upgrade(alembic_config(empty_database_url), "head")
    command.downgrade(alembic_config(empty_database_url), "base")
    diff, revision, tables = _schema_diff(empty_database_url)
    assert revision is None
    assert tables <= {"alembic_version"}
    command.upgrade(alembic_config(empty_database_url), "head")
    diff, revision, _ = _schema_diff(empty_database_url)
    assert diff == [] and revision == head_revision()


def test_every_revision_step_upgrades(empty_database_url: str) -> None:
    """One revision at a time, as an installation that updated often would."""
    engine = make_engine(empty_database_url)
    try:
        revisions = [
            r.revision for r in reversed(list(db.migrate.script_directory().walk_revisions()))
        ]
        for rev in revisions:
            with engine.begin() as conn:
                command.upgrade(alembic_config(connection=conn), rev)
    finally:
        engine.dispose()
    assert _schema_diff(empty_database_url)[0] == []


@pytest.mark.real_migrations
def test_open_database_creates_the_schema(empty_database_url: str, key_path: Path) -> None:
    with open_database(empty_database_url, key=key_path) as database:
        assert database.schema_revision == head_revision()
    with open_database(empty_database_url, key=key_path) as database:  # second open: no-op
        assert database.schema_revision == head_revision()

"""Alembic, driven from code: upgrade at start-up, refuse a newer schema.

New revisions: ``python -m db.migrate revision "message"`` (autogenerate
against a scratch database upgraded to head); the revision id is
``YYYYMMDD_NN`` so the history reads in date order and never branches.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from lending.errors import UserError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _render_item(type_: str, obj: Any, autogen_context: Any) -> str | bool:
    """Render our TypeDecorators as their plain storage types.

    A revision must not import model code: it has to keep working unchanged
    when the models move on.
    """
    from db.models.base import JSONText, ScaledDecimal, UTCDateTime

    if type_ == "type":
        if isinstance(obj, ScaledDecimal):
            return "sa.BigInteger()"
        if isinstance(obj, UTCDateTime):
            return "sa.DateTime(timezone=True)"
        if isinstance(obj, JSONText):
            return "sa.Text()"
    return False


def configure_context_kwargs() -> dict[str, Any]:
    return {
        "render_as_batch": True,
        "compare_type": True,
        "render_item": _render_item,
    }


def alembic_config(url: str | None = None, connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def read_file_revision(path: Path) -> str | None:
    """The schema revision of an SQLite file, read-only (for verifying backups).

    None when the file has no ``alembic_version`` table; raises
    :class:`UserError` when it is not a usable SQLite database.
    """
    import sqlite3

    from db.engine import check_sqlite_file

    check_sqlite_file(path, full=True)
    uri = path.resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
        return None if row is None else str(row[0])
    finally:
        conn.close()


def is_known_revision(revision: str) -> bool:
    try:
        return script_directory().get_revision(revision) is not None
    except Exception:
        return False


def upgrade_to_head(engine: Engine) -> str:
    """Create or upgrade the schema; refuse a database from a newer LoanDesk."""
    with engine.connect() as conn:
        current = current_revision(conn)
    if current is not None and not is_known_revision(current):
        raise UserError(
            f"This database was written by a newer version of LoanDesk (schema {current}). "
            "Install the newer LoanDesk, or restore a backup made with this version.",
            code="schema_too_new",
        )
    head = head_revision()
    if current != head:
        with engine.begin() as conn:
            command.upgrade(alembic_config(connection=conn), "head")
    return head


def _next_revision_id() -> str:
    today = datetime.now(UTC).strftime("%Y%m%d")
    existing = [s.revision for s in script_directory().walk_revisions()]
    n = 1 + sum(1 for r in existing if r.startswith(today))
    return f"{today}_{n:02d}"


def main(argv: list[str]) -> int:
    """``python -m db.migrate revision "message"``: autogenerate the next revision."""
    if len(argv) != 2 or argv[0] != "revision":
        print('usage: python -m db.migrate revision "message"', file=sys.stderr)
        return 2
    import tempfile

    from db.engine import make_engine
    from db.paths import sqlite_url

    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(Path(tmp) / "scratch.sqlite3")
        engine = make_engine(url)
        if script_directory().get_current_head():
            upgrade_to_head(engine)
        with engine.begin() as conn:
            command.revision(
                alembic_config(connection=conn),
                message=argv[1],
                autogenerate=True,
                rev_id=_next_revision_id(),
            )
        engine.dispose()
    import subprocess

    versions = str(MIGRATIONS_DIR / "versions")
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", versions], check=False)
    fix = ["--fix", "--unsafe-fixes", "-q"]
    subprocess.run([sys.executable, "-m", "ruff", "check", *fix, versions], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Alembic, driven from code: upgrade at start-up, refuse a newer schema.

New revisions: ``python -m db.migrate revision "message"`` (autogenerate
against a scratch database upgraded to head); the revision id is
``YYYYMMDD_NN`` so the history reads in date order and never branches.

Start-up cost: importing Alembic takes about a quarter of a second, and on
nearly every start the database is already at head.  So
:func:`upgrade_to_head` first reads the stored ``alembic_version`` with a
plain SQLAlchemy Core query and compares it with :func:`script_head` - the
head read from the revision files themselves (``revision = ...`` /
``down_revision = ...``), never a hand-kept constant - and imports Alembic
only when an upgrade (or a closer look) is needed.  A test checks that
:func:`script_head` equals Alembic's own head.
"""

from __future__ import annotations

import ast
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
VERSION_TABLE = "alembic_version"

# ``revision: str = "20261123_01"`` / ``down_revision: str | None = "..."`` at
# the start of a line, as Alembic's template writes them.
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    from alembic.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def script_revisions() -> dict[str, tuple[str, ...]] | None:
    """Each revision and the revisions it follows, read from the files without Alembic.

    None when a file cannot be read this simple way (the caller then asks
    Alembic).
    """
    graph: dict[str, tuple[str, ...]] = {}
    try:
        for path in sorted(VERSIONS_DIR.glob("*.py")):
            text = path.read_text("utf-8")
            found = {m.group(1): m.group(2) for m in _ASSIGNMENT.finditer(text)}
            if "revision" not in found:
                continue
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found.get("down_revision", "None"))
            if down is None:
                downs: tuple[str, ...] = ()
            elif isinstance(down, str):
                downs = (down,)
            else:
                downs = tuple(down)
            if not isinstance(revision, str) or revision in graph:
                return None
            if not all(isinstance(d, str) for d in downs):
                return None
            graph[revision] = downs
    except (OSError, ValueError, SyntaxError, TypeError):
        return None
    return graph


def script_head() -> str | None:
    """The single head of the revision files (None if there is none or several)."""
    graph = script_revisions()
    if not graph:
        return None
    followed = {d for downs in graph.values() for d in downs}
    heads = [r for r in graph if r not in followed]
    return heads[0] if len(heads) == 1 else None


def stored_revisions(connection: Connection) -> tuple[str, ...]:
    """The revisions recorded in ``alembic_version`` (empty for a new database).

    Plain SQLAlchemy Core, so checking an up-to-date database needs no Alembic.
    """
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table(VERSION_TABLE):
        return ()
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars()
    return tuple(str(v) for v in rows)


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
        stored = stored_revisions(conn)
    head = script_head()
    if head is not None and stored == (head,):
        return head  # the usual start: already at head, Alembic not imported
    from alembic import command

    with engine.connect() as conn:
        current = current_revision(conn)
    if current is not None and not is_known_revision(current):
        from db.database import _schema_too_new

        raise _schema_too_new(current)
    head = head_revision()
    if current != head:
        if engine.dialect.name == "sqlite":
            run_sqlite_migrations(engine.url.render_as_string(hide_password=False), "head")
        else:
            with engine.begin() as conn:
                command.upgrade(alembic_config(connection=conn), "head")
    return head


def run_sqlite_migrations(url: str, target: str, *, downgrade: bool = False) -> None:
    """Migrate an SQLite file in one transaction, foreign keys off, checked at the end.

    See :func:`db.engine.sqlite_migration` for why and how.
    """
    from alembic import command

    from db.engine import sqlite_migration

    with sqlite_migration(url) as conn:
        cfg = alembic_config(connection=conn)
        if downgrade:
            command.downgrade(cfg, target)
        else:
            command.upgrade(cfg, target)


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

    from alembic import command

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

"""Database test fixtures, run on SQLite and (when a server is given) PostgreSQL.

Every test that uses ``database`` (or ``owner``, ``consultant`` ... built on
it) runs once per engine: ``test_x[sqlite]`` on a file in ``tmp_path`` and
``test_x[postgresql]`` on a fresh database of the server named by
``LOANDESK_TEST_PG_URL`` (e.g.
``postgresql+psycopg://loandesk@127.0.0.1:55432/loandesk_test``; the role
needs CREATEDB).  Without the variable the PostgreSQL run is skipped with one
summary line; ``.ci/run`` starts a server and sets it, so CI runs both.

Each PostgreSQL test gets its own database, ``CREATE DATABASE ... TEMPLATE``
of a template that was migrated to head once per session and xdist worker
(~40 ms a test), dropped ``WITH (FORCE)`` afterwards.  The session fixture
``pg_databases`` lives in ``tests/conftest.py`` so the desktop tests share it.

A test that only makes sense on SQLite says so with
``@pytest.mark.sqlite_only("why")``; a test asking for ``db_path`` next to
``database`` reads the SQLite file itself and is skipped on PostgreSQL.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from db import Database, open_database
from db.models.enums import Role
from db.paths import sqlite_url
from db.services import staff
from db.services.base import Actor
from lending.identity import generate_resident_id

PG_URL_ENV = "LOANDESK_TEST_PG_URL"
PG_REQUIRED_ENV = "LOANDESK_TEST_PG_REQUIRED"
"""Set (by ``.ci/run``): a PostgreSQL run that cannot happen fails instead of skipping."""
ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): the test checks SQLite behaviour; skipped on PostgreSQL",
    )


def pg_test_url() -> str | None:
    """The PostgreSQL server for the second pass, or None."""
    return os.environ.get(PG_URL_ENV) or None


class PgDatabases:
    """Creates one throw-away database per test from a template migrated once."""

    def __init__(self, url: str) -> None:
        from db.engine import make_engine
        from db.migrate import upgrade_to_head

        self.base: URL = make_url(url)
        # <database>_<pid>_<n>_...: each xdist worker (process), and each instance
        # in it, has databases of its own; the pid finds a killed session's leftovers
        tag = f"{self.base.database or 'loandesk'}_{os.getpid()}_{next(_INSTANCES)}"
        self.template = f"{tag}_tpl"
        self._prefix = f"{tag}_t"
        self._numbers = itertools.count(1)
        self.admin = create_engine(self.base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._drop_leftovers()
        self._sql(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._sql(f'CREATE DATABASE "{self.template}"')
        engine = make_engine(self.url_of(self.template))
        try:
            upgrade_to_head(engine)
        finally:
            engine.dispose()  # CREATE DATABASE ... TEMPLATE needs it unused

    def _sql(self, statement: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(statement))

    def _drop_leftovers(self) -> None:
        """Databases of earlier test sessions that were killed before their clean-up."""
        stem = f"{self.base.database or 'loandesk'}_"
        with self.admin.connect() as conn:
            names = conn.execute(text("SELECT datname FROM pg_database")).scalars().all()
        for name in names:
            pid = name[len(stem) :].split("_")[0] if name.startswith(stem) else ""
            if pid.isdigit() and not _alive(int(pid)):
                self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def url_of(self, name: str) -> str:
        return self.base.set(database=name).render_as_string(hide_password=False)

    def create(self, *, empty: bool = False) -> str:
        """A new database at head (or ``empty``: no tables at all); returns its name."""
        name = f"{self._prefix}{next(self._numbers)}"
        self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        template = "template1" if empty else self.template
        self._sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop(self, name: str) -> None:
        """Drop a test database; a moment's retry when a server process (autovacuum) is in it.

        ``WITH (FORCE)`` cannot end a superuser's process such as an autovacuum
        worker that has just connected; that worker leaves within moments.
        Should it still be there, the database is left for the next session's
        leftover clean-up rather than failing the test that used it.
        """
        import time

        from sqlalchemy.exc import DBAPIError

        for attempt in range(20):
            try:
                self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except DBAPIError:
                if attempt == 19:
                    return
                time.sleep(0.25)

    def close(self) -> None:
        try:
            self.drop(self.template)
        finally:
            self.admin.dispose()


_INSTANCES = itertools.count(1)


def _alive(pid: int) -> bool:
    from db.files import process_alive

    return process_alive(pid)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user's data or config folders."""
    monkeypatch.setenv("LOANDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LOANDESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("LOANDESK_KEY_FILE", raising=False)


def _pg_unavailable(why: str) -> None:
    """Skip a PostgreSQL test, or fail it when the pass is required (CI)."""
    if os.environ.get(PG_REQUIRED_ENV):
        pytest.fail(f"PostgreSQL pass required ({PG_REQUIRED_ENV}) but {why}", pytrace=False)
    pytest.skip(f"PostgreSQL pass not run: {why} (see .ci/run)")


def open_pg_databases() -> PgDatabases:
    """The test server's databases (``pg_databases`` fixture); skips or fails without one."""
    url = pg_test_url()
    if url is None:
        _pg_unavailable(f"{PG_URL_ENV} is not set")
        raise AssertionError  # not reached
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _pg_unavailable("psycopg is not installed (pip install -e '.[test]')")
    try:
        return PgDatabases(url)
    except DBAPIError as exc:
        detail = " ".join(str(exc.orig).split())
        pytest.fail(
            f"PostgreSQL pass: cannot prepare test databases on {url}: {detail} "
            "(the server must be running and the role needs CREATEDB)",
            pytrace=False,
        )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def key_path(tmp_path: Path) -> Path:
    return tmp_path / "keys" / "loandesk.key"


@pytest.fixture(params=ENGINES)
def engine_name(request: pytest.FixtureRequest) -> str:
    """``"sqlite"`` or ``"postgresql"``: the engine this run of the test uses."""
    name: str = request.param
    if name == "postgresql":
        if pg_test_url() is None:
            _pg_unavailable(f"{PG_URL_ENV} is not set")
        marker = request.node.get_closest_marker("sqlite_only")
        if marker is not None:
            why = marker.args[0] if marker.args else "checks SQLite behaviour"
            pytest.skip(f"SQLite only: {why}")
        if "db_path" in request.fixturenames:
            pytest.skip("SQLite only: the test reads the SQLite file itself")
    return name


@pytest.fixture
def database_url(
    engine_name: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    migrated_sqlite: Callable[[Path], Path],
) -> Iterator[str]:
    """A URL of a new database at head, no data yet, on this run's engine.

    More ``open_database`` calls share it.  SQLite: ``store.sqlite3`` in
    ``tmp_path`` (a copy of the session's migrated template).
    """
    if engine_name == "sqlite":
        yield sqlite_url(migrated_sqlite(tmp_path / "store.sqlite3"))
        return
    pg: PgDatabases = request.getfixturevalue("pg_databases")
    name = pg.create()
    yield pg.url_of(name)
    pg.drop(name)


@pytest.fixture
def empty_database_url(
    engine_name: str, request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[str]:
    """Like ``database_url`` but without any schema (for migration tests)."""
    if engine_name == "sqlite":
        yield sqlite_url(tmp_path / "empty.sqlite3")
        return
    pg: PgDatabases = request.getfixturevalue("pg_databases")
    name = pg.create(empty=True)
    yield pg.url_of(name)
    pg.drop(name)


@pytest.fixture
def database(database_url: str, key_path: Path) -> Iterator[Database]:
    database = open_database(database_url, key=key_path)
    yield database
    database.close()


@pytest.fixture
def owner(database: Database) -> Actor:
    return staff.create_owner(database, "Main Street Motors", "owner", "owner-pass-1")


def make_actor(database: Database, owner: Actor, username: str, role: Role) -> Actor:
    view = staff.add_staff(database, owner, username, "staff-pass-1", role)
    return staff.actor_for(database, view.id)


@pytest.fixture
def consultant(database: Database, owner: Actor) -> Actor:
    return make_actor(database, owner, "consultant", Role.CONSULTANT)


ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"


def valid_id(birth: date = date(1990, 5, 17), seq: int = 123) -> str:
    return generate_resident_id("110105", birth, seq)


def valid_ids(n: int, region: str = "110105") -> list[str]:
    """``n`` different valid ID numbers (1,000 per birth date from 1970-01-01 on)."""
    from datetime import timedelta

    start = date(1970, 1, 1)
    return [
        generate_resident_id(region, start + timedelta(days=i // 1000), i % 1000) for i in range(n)
    ]

"""A PostgreSQL server that drops the counter mid-edit: the page keeps the form and saves later.

Runs against the server of the PostgreSQL pass (``LOANDESK_TEST_PG_URL``,
started by ``.ci/run``); skipped without one.  The server is not stopped
(other tests share it): the test database is closed to new connections
(``ALLOW_CONNECTIONS false``) and every open connection to it is terminated,
which is what a counter sees of a server restart or a network cut: its
pooled connections are dead and new ones are refused.  Then the database
is opened again and the page, on the real worker thread, saves.
(A real ``pg_ctl stop`` / ``start`` was checked by hand the same way.)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from db import Database, open_database
from db.services import consultations as cs
from db.services import customers, staff
from db.services import settings as settings_service
from db.services.base import Actor
from desktop.context import AppContext
from desktop.pages.reception import ReceptionPage
from desktop.tasks import TaskRunner
from tests.db.conftest import PgDatabases

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(pg_databases: PgDatabases) -> PgDatabases:
    """The session's test databases (skipped, or failed under LOANDESK_TEST_PG_REQUIRED)."""
    return pg_databases


class Server:
    """Cut one database off (as a server restart does) and let it back in."""

    def __init__(self, pg: PgDatabases, name: str) -> None:
        self.name = name
        self.admin = create_engine(
            make_url(pg.url_of(name)).set(database="postgres"),
            isolation_level="AUTOCOMMIT",
            poolclass=NullPool,
        )

    def _sql(self, statement: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(statement))

    def cut_off(self) -> None:
        self._sql(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS false')
        self._sql(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{self.name}' AND pid <> pg_backend_pid()"
        )

    def back(self) -> None:
        self._sql(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true')

    def close(self) -> None:
        self.back()
        self.admin.dispose()


@pytest.fixture
def server_db(pg: PgDatabases) -> Iterator[tuple[Database, Server]]:
    name = pg.create()
    database = open_database(pg.url_of(name), key=b"k" * 32)
    server = Server(pg, name)
    yield database, server
    server.close()
    database.close()
    pg.drop(name)


def test_server_drops_the_counter_mid_edit_then_comes_back(qtbot, server_db) -> None:
    database, server = server_db
    owner: Actor = staff.create_owner(database, "S", "owner", "owner-pass-1", display_name="王芳")
    cust = customers.create_customer(
        database, owner, "赵磊", phone="13812345678", source_channel="walk_in"
    )
    cid = cs.open_consultation(
        database, owner, cust.id, source_channel="walk_in", intent_level="low"
    ).id
    runner = TaskRunner()
    try:
        ctx = AppContext(
            database, owner, runner, "en", settings_service.load_settings(database, owner.store_id)
        )
        page = ReceptionPage(ctx)
        qtbot.addWidget(page)
        page.retry_delays_ms = (100, 200, 400)
        page.show()
        page.load(cid)
        qtbot.waitUntil(lambda: page.name.text() == "赵磊", timeout=10000)
        before = cs.get_consultation(database, owner, cid).version_id

        server.cut_off()
        page.purpose.setText("typed while the server was away")
        page.save()
        qtbot.waitUntil(lambda: page.offline and page.notice.kind == "offline", timeout=15000)
        assert runner.database_reachable is False
        assert page.dirty and page.purpose.text() == "typed while the server was away"
        attempts: Any = page._backoff.attempts
        qtbot.waitUntil(lambda: page._backoff.attempts > attempts, timeout=15000)

        server.back()
        qtbot.waitUntil(lambda: not page.dirty and not page.offline, timeout=20000)
        saved = cs.get_consultation(database, owner, cid)
        assert saved.purpose == "typed while the server was away"
        assert saved.version_id > before
        assert runner.database_reachable is True
    finally:
        runner.shutdown()

"""The database goes away while a page is being edited: the form is kept, saved when it is back.

Three ways to lose it: every new connection refused (a server stopped: the
pool is emptied and each connect fails), "Stop trying" and trying again by
hand, and an SQLite file locked by another program beyond the busy timeout
(with the real worker thread).  Each time nothing is half-written: another
counter sees the old values until the retry succeeds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from db import Database
from db.services import consultations as cs
from db.services import customers, staff
from db.services import settings as settings_service
from db.services.base import Actor, DatabaseUnavailable
from desktop.context import AppContext
from desktop.pages.reception import ReceptionPage
from desktop.tasks import Backoff, ConnectionIndicator, ImmediateRunner, TaskRunner
from tests.desktop.pages.conftest import complete_until, save_screenshot

SIZE = (1024, 720)
FAST = (40, 80, 160)


@pytest.fixture
def actor(counter: Database) -> Actor:
    return staff.create_owner(
        counter, "Main Street Motors", "owner", "owner-pass-1", display_name="王芳"
    )


@pytest.fixture
def cid(counter: Database, actor: Actor) -> int:
    cust = customers.create_customer(counter, actor, "赵磊", source_channel="walk_in")
    cid = cs.open_consultation(counter, actor, cust.id).id
    complete_until(counter, actor, cid, "qualification")
    return cid


def make_page(qtbot, database: Database, actor: Actor, runner: Any, language: str = "en"):
    ctx = AppContext(
        database=database,
        staff=actor,
        runner=runner,
        language=language,
        settings=settings_service.load_settings(database, actor.store_id),
        store_name="Main Street Motors",
        display_name="王芳",
    )
    page = ReceptionPage(ctx)
    qtbot.addWidget(page)
    page.retry_delays_ms = FAST
    page.resize(*SIZE)
    page.show()
    qtbot.waitExposed(page)
    return page


class Outage:
    """While ``down``, every new connection of ``database`` is refused."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.down = False
        self.refused = 0
        event.listen(database.engine, "do_connect", self._connect)

    def _connect(self, *args: Any) -> None:
        if self.down:
            self.refused += 1
            raise sqlite3.OperationalError("unable to open database file")

    def start(self) -> None:
        self.down = True
        self.database.engine.dispose()  # the open connections are gone too

    def end(self) -> None:
        self.down = False

    def close(self) -> None:
        event.remove(self.database.engine, "do_connect", self._connect)


@pytest.fixture
def outage(counter: Database) -> Iterator[Outage]:
    o = Outage(counter)
    yield o
    o.end()
    o.close()


def click(qtbot, page, name: str) -> None:
    button = page.notice.button(name)
    assert button is not None and button.isVisible(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_save_waits_for_the_database_and_retries_with_backoff(
    qtbot, language, counter, other, actor, cid, outage
) -> None:
    runner = ImmediateRunner()
    page = make_page(qtbot, counter, actor, runner, language)
    indicator = ConnectionIndicator(runner)
    qtbot.addWidget(indicator)
    page.load(cid)
    before = cs.get_consultation(other, actor, cid)

    outage.start()
    page.purpose.setText("Family car, seats 7")
    page.budget.setText("180000")
    assert page.save() is False

    assert page.offline and page.notice.kind == "offline"
    if language == "en":
        assert page.notice.text.text() == (
            "Cannot reach the database; your changes are kept and will be saved when it is back."
        )
        assert "Trying again in" in page.notice.detail.text()
    else:
        assert page.notice.text.text() == "无法连接数据库；您的修改已保留，数据库恢复后将自动保存。"
    assert page.purpose.text() == "Family car, seats 7" and page.budget.text() == "180000"
    assert page.dirty
    assert runner.database_reachable is False and not indicator.isHidden()
    save_screenshot(page, language, "connection_1_database_unreachable")

    # it keeps trying on its own, waiting longer each time; nothing reaches the file
    qtbot.waitUntil(lambda: outage.refused >= 3, timeout=3000)
    assert page._backoff.attempts >= 3
    still = cs.get_consultation(other, actor, cid)
    assert still.purpose == before.purpose and still.version_id == before.version_id

    # the staff may keep typing: the retry saves what the form holds then
    page.wished_monthly.setText("3200")
    outage.end()
    qtbot.waitUntil(lambda: not page.dirty, timeout=3000)
    saved = cs.get_consultation(other, actor, cid)
    assert saved.purpose == "Family car, seats 7"
    assert saved.budget == Decimal("180000.00")
    assert saved.wished_monthly_payment == Decimal("3200.00")
    assert not page.offline and page.notice.kind == "back"
    assert runner.database_reachable is True and indicator.isHidden()
    save_screenshot(page, language, "connection_2_back_and_saved")


def test_stop_trying_then_try_again(qtbot, counter, other, actor, cid, outage) -> None:
    page = make_page(qtbot, counter, actor, ImmediateRunner())
    page.load(cid)
    outage.start()
    page.purpose.setText("Commuting")
    assert page.save() is False
    click(qtbot, page, "stop_retrying")
    refused = outage.refused
    # nothing is scheduled to try again, and no try comes while the longest delay passes
    assert not page._retry.isActive() and not page._autosave.isActive()
    with qtbot.assertNotEmitted(page._retry.timeout, wait=2 * max(FAST)):
        pass
    assert outage.refused == refused
    assert "Not trying any more" in page.notice.detail.text()
    assert page.purpose.text() == "Commuting" and page.dirty

    click(qtbot, page, "retry_now")  # still down: refused again, and counting down again
    assert outage.refused > refused and page.offline
    outage.end()
    click(qtbot, page, "retry_now")
    assert not page.dirty and not page.offline
    assert cs.get_consultation(other, actor, cid).purpose == "Commuting"


def test_a_page_opened_while_the_database_is_away_loads_when_it_is_back(
    qtbot, counter, actor, cid, outage
) -> None:
    page = make_page(qtbot, counter, actor, ImmediateRunner())
    outage.start()
    page.load(cid)  # no traceback: the page says so and tries again
    assert page.offline and page.notice.kind == "offline"
    assert "will load when it is back" in page.notice.text.text()
    outage.end()
    qtbot.waitUntil(lambda: not page.offline, timeout=3000)
    assert page.name.text() == "赵磊"
    assert not page.notice.isVisible()


def test_sqlite_file_locked_beyond_the_busy_timeout_with_the_worker_thread(
    qtbot, counter, other, actor, cid, db_file
) -> None:
    """Another program holds the write lock: the save times out, waits, and succeeds later."""

    def short_busy_timeout(dbapi_connection: Any, record: Any) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout = 100")

    event.listen(counter.engine, "connect", short_busy_timeout)
    counter.engine.dispose()
    runner = TaskRunner()
    try:
        page = make_page(qtbot, counter, actor, runner)
        page.load(cid)
        qtbot.waitUntil(lambda: page.name.text() == "赵磊", timeout=3000)

        locker = sqlite3.connect(db_file, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        try:
            page.purpose.setText("Locked out for a moment")
            page.save()
            qtbot.waitUntil(lambda: page.offline and page.notice.kind == "offline", timeout=5000)
            assert page.dirty and page.purpose.text() == "Locked out for a moment"
            assert runner.database_reachable is False
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        qtbot.waitUntil(lambda: not page.dirty and not page.offline, timeout=5000)
        assert cs.get_consultation(other, actor, cid).purpose == "Locked out for a moment"
        assert runner.database_reachable is True
    finally:
        runner.shutdown()
        event.remove(counter.engine, "connect", short_busy_timeout)


def _unreachable() -> OperationalError:
    return OperationalError("SELECT 1", {}, sqlite3.OperationalError("database is locked"))


def test_runner_hands_a_lost_connection_over_as_a_user_error(qtbot) -> None:
    runner = ImmediateRunner()
    changes: list[bool] = []
    runner.connection_changed.connect(changes.append)
    seen: list[BaseException] = []

    def fail() -> None:
        raise _unreachable()

    runner.run(fail, None, seen.append)
    assert isinstance(seen[0], DatabaseUnavailable)
    assert isinstance(seen[0].__cause__, OperationalError)
    assert runner.database_reachable is False and changes == [False]
    runner.run(lambda: 1, lambda _: None)
    assert runner.database_reachable is True and changes == [False, True]


def test_a_callback_passing_the_error_on_reaches_the_window_not_a_traceback(qtbot) -> None:
    runner = ImmediateRunner()
    shown: list[BaseException] = []
    runner.error_handler = shown.append

    def fail() -> None:
        raise _unreachable()

    def only_validation(exc: BaseException) -> None:
        raise exc  # the usual "not mine" pattern in the pages

    runner.run(fail, None, only_validation)
    assert len(shown) == 1 and isinstance(shown[0], DatabaseUnavailable)
    with pytest.raises(ZeroDivisionError):  # a bug still surfaces as a bug
        runner.run(lambda: 1 / 0, None, only_validation)


def test_backoff_grows_then_repeats_the_last_delay() -> None:
    b = Backoff((10, 20, 40))
    assert [b.next_ms() for _ in range(5)] == [10, 20, 40, 40, 40]
    b.reset()
    assert b.next_ms() == 10

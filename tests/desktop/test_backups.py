"""Issue 11, automatic backups in the GUI: made on the first close of the day, listed,
restored by the owner, refused while another counter has the database open."""

from __future__ import annotations

import getpass
import os
import socket
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from db import Database, auto_backup, open_database
from db.backup import BackupError
from db.models.enums import AuditAction, Role
from db.services import audit, customers, staff
from db.services.base import local_time_text
from db.services.settings import backup_policy
from desktop.app import Application, make_application
from desktop.backups import BackupsDialog, size_text
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.preferences import Preferences
from desktop.tasks import ImmediateRunner, TaskRunner
from lending.errors import UserError
from lending.settings import DEFAULT_SETTINGS
from tests.counters import another_counter
from tests.desktop.test_login import _drive

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "boss2026pw"
pytestmark = pytest.mark.skipif(os.name != "posix", reason="flock leases")


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    return tmp_path / "keys" / "loandesk.key"


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def store(db_file: Path, key_file: Path) -> Iterator[Database]:
    database = open_database(db_file, key=key_file)
    staff.create_owner(database, "Hengtong", "boss", PASSWORD, display_name="Wang Li")
    yield database
    database.close()


@pytest.fixture
def boss(store: Database):
    return staff.owner_actor(store)


def ctx_for(database, actor, runner) -> AppContext:
    return AppContext(database, actor, runner, "en", DEFAULT_SETTINGS, "Hengtong", "Wang Li")


def count_customers(database: Database) -> int:
    from sqlalchemy import func, select

    from db.models import Customer

    with database.session_factory() as s:
        return int(s.scalar(select(func.count()).select_from(Customer)) or 0)


def day(n: int, hour: int = 18) -> datetime:
    return datetime(2026, 6, n, hour, 0).astimezone()


@pytest.fixture
def dialog_for(qtbot, boss, store):
    made: list[BackupsDialog] = []

    def make(database=store, actor=boss, runner=None) -> BackupsDialog:
        dialog = BackupsDialog(ctx_for(database, actor, runner or ImmediateRunner()))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        made.append(dialog)
        return dialog

    return make


# -- the first close of the day ---------------------------------------------------------


def test_closing_the_main_window_makes_the_days_backup_first(qtbot, store, boss) -> None:
    """The real window and worker: the close waits for the backup, then the app quits."""
    customers.create_customer(store, boss, "张三")
    runner = TaskRunner()
    ctl = Application(make_application(), database=store, runner=runner)
    try:
        ctl.context = ctl.build_context(boss)
        window = ctl.show_main(resume=False)
        qtbot.waitUntil(lambda: not runner.busy, timeout=10000)
        assert auto_backup.list_backups(store) == []
        at_close: list[int] = []
        window.closed.connect(lambda: at_close.append(len(auto_backup.list_backups(store))))
        window.close()
        assert window.isVisible()  # waits for the backup ...
        assert "Backing up" in window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
        assert at_close == [1]  # ... and closes only once it is there
        made = auto_backup.list_backups(store)
        assert len(made) == 1 and made[0].made_at.date() == datetime.now().date()
        backup = open_database(made[0].path, key=store.key_path)
        try:
            assert count_customers(backup) == 1
        finally:
            backup.close()
    finally:
        ctl._drop_window()
        runner.shutdown()


def test_later_closes_the_same_day_do_not_back_up_again(qtbot, store, boss) -> None:
    auto_backup.backup_daily_if_due(store)
    runner = ImmediateRunner()
    window = MainWindow(ctx_for(store, boss, runner), Preferences())
    qtbot.addWidget(window)
    window.show()
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    window.close()
    assert closed == [True] and not window.isVisible()  # at once, no backup
    assert len(auto_backup.list_backups(store)) == 1


def test_a_failed_backup_on_close_is_said_and_the_window_still_closes(
    qtbot, store, boss, monkeypatch
) -> None:
    def broken(*_a, **_k):
        raise BackupError("checked and failed", code="backup_verify_failed")

    monkeypatch.setattr(auto_backup, "backup_daily_if_due", broken)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: shown.append(text))
    )
    window = MainWindow(ctx_for(store, boss, ImmediateRunner()), Preferences())
    qtbot.addWidget(window)
    window.show()
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert len(shown) == 1
    assert "could not be made" in shown[0] and "failed its check" in shown[0]
    assert auto_backup.list_backups(store) == []


def test_closing_again_while_backing_up_skips_the_backup(qtbot, store, boss) -> None:
    runner = TaskRunner()
    try:
        window = MainWindow(ctx_for(store, boss, runner), Preferences())
        qtbot.addWidget(window)
        window.show()
        window.close()
        assert window.isVisible()
        window.close()  # the user does not want to wait
        assert not window.isVisible()
        runner.wait(20000)
        QApplication.processEvents()
        # a backup that had passed the last check before the cancel may have been kept;
        # no half-written file is ever left
        folder = auto_backup.backup_folder(store.path)
        left = os.listdir(folder) if folder.exists() else []
        assert not [n for n in left if n.startswith(".~loandesk-")]
        assert len(auto_backup.list_backups(store)) <= 1
    finally:
        runner.shutdown()


# -- the dialog -------------------------------------------------------------------------


def test_only_the_owner_has_tools_backups(qtbot, store, boss) -> None:
    view = staff.add_staff(store, boss, "zhao", "zhao2026pw", Role.MANAGER)
    manager = staff.actor_for(store, view.id)
    for actor, visible in ((boss, True), (manager, False)):
        window = MainWindow(ctx_for(store, actor, ImmediateRunner()), Preferences())
        qtbot.addWidget(window)
        assert window.backups_action.isVisible() is visible
        assert window.backups_action in window.menuBar().actions()[2].menu().actions()
        window.close_for_rebuild()


def test_the_dialog_lists_the_backups_and_backs_up_now(
    qtbot, store, dialog_for, language, screenshot
) -> None:
    for n in (2, 3):
        auto_backup.backup_daily_if_due(store, now=day(n))
    dialog = dialog_for()
    entries = auto_backup.list_backups(store)
    assert dialog.table.rowCount() == 2
    for row, entry in enumerate(entries):  # newest first, with time and size
        assert dialog.table.item(row, 0).text() == local_time_text(entry.made_at)
        assert dialog.table.item(row, 1).text() == size_text(entry.size_bytes)
    assert not dialog.empty.isVisible()
    intro = dialog.findChild(type(dialog.empty), "backupIntro")
    assert str(auto_backup.backup_folder(store.path)) in intro.text()
    assert not dialog.restore_button.isEnabled()
    dialog.select(1)
    assert dialog.restore_button.isEnabled()
    screenshot(dialog, "backups-dialog")
    dialog.backup_button.click()
    assert dialog.table.rowCount() == 3
    newest = auto_backup.list_backups(store)[0]
    assert dialog.table.item(0, 0).text() == local_time_text(newest.made_at)
    assert local_time_text(newest.made_at) in dialog.message.text()
    if language == "zh_CN":
        assert "备份" in dialog.backup_button.text() and "MB" in dialog.table.item(0, 1).text()


def test_an_empty_list_says_when_the_first_backup_comes(qtbot, dialog_for) -> None:
    dialog = dialog_for()
    assert dialog.table.rowCount() == 0 and dialog.empty.isVisible()
    assert "closed today" in dialog.empty.text()


def test_the_owner_sets_how_many_backups_are_kept(qtbot, store, dialog_for) -> None:
    dialog = dialog_for()
    assert (dialog.keep_last.value(), dialog.keep_monthly.value()) == (14, 12)
    dialog.keep_last.setValue(5)
    dialog.keep_monthly.setValue(3)
    dialog.save_policy_button.click()
    assert backup_policy(store).keep_last == 5 and backup_policy(store).keep_monthly == 3
    assert "Saved" in dialog.message.text()
    dialog.keep_last.setValue(0)  # below the range: the box does not take it
    assert dialog.keep_last.value() == 1


def test_a_server_database_shows_that_the_servers_backups_apply(
    qtbot, boss, dialog_for, language, screenshot
) -> None:
    server = SimpleNamespace(url="postgresql+psycopg://loandesk@db.example/ld", path=None)
    dialog = dialog_for(database=server)
    note = dialog.findChild(type(dialog.message), "serverNote")
    assert note is not None and "pg_dump" in note.text()
    assert not hasattr(dialog, "table")
    screenshot(dialog, "backups-dialog-server")


# -- restoring --------------------------------------------------------------------------


def _answer(monkeypatch, asked: list[str], answer=QMessageBox.StandardButton.Yes) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda _p, _t, text, *a: asked.append(text) or answer)
    )


def test_the_owner_restores_a_backup_and_signs_in_again_on_it(
    qtbot, store, boss, monkeypatch
) -> None:
    customers.create_customer(store, boss, "张三")
    made = auto_backup.backup_daily_if_due(store, now=day(2))
    assert made is not None
    customers.create_customer(store, boss, "李四")  # after the backup: gone after the restore
    runner = ImmediateRunner()
    ctl = Application(make_application(), database=store, runner=runner)
    asked: list[str] = []
    _answer(monkeypatch, asked)
    try:
        ctl.context = ctl.build_context(boss)
        window = ctl.show_main(resume=False)

        def restore() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, BackupsDialog)
            dialog.select(0)

            def login(d) -> None:
                d.username.setText("boss")
                d.password.setText(PASSWORD)
                d.ok_button.click()

            _drive(ctl, [login])
            QTimer.singleShot(20000, lambda: ctl.dialog is not None and ctl.dialog.reject())
            dialog.restore_button.click()

        QTimer.singleShot(0, restore)
        window.open_backups()
        assert len(asked) == 1 and local_time_text(made.made_at) in asked[0]  # names the date
        assert ctl.database is not store and ctl.database.path == store.path
        assert count_customers(ctl.database) == 1
        new = ctl.window
        assert new is not None and new is not window and new.isVisible()
        assert "was restored" in new.statusBar().currentMessage()
        rows = audit.list_entries(ctl.database, boss, action=AuditAction.BACKUP_RESTORED)
        assert [r.detail["file"] for r in rows] == [made.path.name]
    finally:
        ctl.shutdown()


def test_restore_is_refused_while_another_counter_has_the_database_open(
    qtbot, store, boss, db_file, key_file, dialog_for, monkeypatch, language, screenshot
) -> None:
    made = auto_backup.backup_daily_if_due(store, now=day(2))
    assert made is not None
    customers.create_customer(store, boss, "after the backup")
    with another_counter(db_file, key_file):
        dialog = dialog_for()
        dialog.select(0)
        asked: list[str] = []
        _answer(monkeypatch, asked)
        dialog.restore_button.click()
        text = dialog.message.text()
        assert getpass.getuser() in text and socket.gethostname() in text  # who has it open
        assert dialog.isVisible() and dialog.restored is None
        assert dialog.restore_button.isEnabled()  # may try again once they close
        if language == "zh_CN":
            assert "未恢复" in text
        screenshot(dialog, "backups-restore-refused")
    assert count_customers(store) == 1  # nothing changed, still working
    customers.create_customer(store, boss, "still open")


def test_saying_no_to_the_confirmation_restores_nothing(
    qtbot, store, boss, dialog_for, monkeypatch
) -> None:
    auto_backup.backup_daily_if_due(store, now=day(2))
    customers.create_customer(store, boss, "kept")
    dialog = dialog_for()
    dialog.select(0)
    asked: list[str] = []
    _answer(monkeypatch, asked, QMessageBox.StandardButton.No)
    dialog.restore_button.click()
    assert len(asked) == 1 and dialog.restored is None
    assert count_customers(store) == 1


def test_a_restore_that_cannot_reopen_closes_the_program(qtbot, store, boss, monkeypatch) -> None:
    import db.database

    made = auto_backup.backup_daily_if_due(store, now=day(2))
    assert made is not None
    window = MainWindow(ctx_for(store, boss, ImmediateRunner()), Preferences())
    qtbot.addWidget(window)
    window.show()
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a: shown.append(text))
    )
    _answer(monkeypatch, [])

    def cannot_open(*_a, **_k):
        raise UserError("The disk was removed.", code="gone")

    def restore() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BackupsDialog)
        monkeypatch.setattr(db.database, "open_database", cannot_open)
        dialog.select(0)
        dialog.restore_button.click()

    QTimer.singleShot(0, restore)
    window.open_backups()
    assert len(shown) == 1 and "start it again" in shown[0]
    assert closed == [True] and not window.isVisible()
    assert auto_backup.list_backups(store)[0].path == made.path  # no backup of the old session


def test_the_dialog_cannot_be_closed_while_a_restore_runs(
    qtbot, store, boss, dialog_for, monkeypatch
) -> None:
    made = auto_backup.backup_daily_if_due(store, now=day(2))
    assert made is not None
    runner = TaskRunner()
    try:
        dialog = dialog_for(runner=runner)
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
        dialog.select(0)
        _answer(monkeypatch, [])
        dialog.restore_button.click()
        assert not dialog.close_button.isEnabled()
        dialog.reject()  # Esc or the window's close box
        qtbot.waitUntil(lambda: dialog.restored is not None, timeout=20000)
        assert not dialog.isVisible()
        restored, entry = dialog.restored
        assert entry.path == made.path
        restored.close()
    finally:
        runner.shutdown()


def test_size_text() -> None:
    assert size_text(0) == "0.1 MB"
    assert size_text(1024 * 1024) == "1.0 MB"
    assert size_text(int(1024 * 1024 * 2.26)) == "2.3 MB"
    assert size_text(1024 * 1024 * 1024 + 1) == "1024.0 MB"

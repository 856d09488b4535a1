"""First run on a counter that joins the dealer group's server; the remembered connection.

The "server" is an SQLite URL of an already set-up database in tmp_path (the
code path is the same as for ``postgresql+psycopg://``); with
``LOANDESK_TEST_PG_URL`` set, one test also connects to a real PostgreSQL
database.
"""

from __future__ import annotations

import argparse
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from db import open_database
from db.connection import build_server_url
from db.crypto import write_key_export
from db.paths import default_db_path, key_file_path, sqlite_url
from db.services import staff
from desktop.app import Application, choose_database, make_application
from desktop.login import SetupDialog
from desktop.login_dialog import LoginDialog
from desktop.preferences import Preferences, settings_file
from desktop.server_setup import ConnectDialog, KeyImportDialog
from desktop.tasks import ImmediateRunner
from tests.desktop.conftest import OWNER_PASSWORD

PASSPHRASE = "group passphrase 2026"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _group_server(tmp_path: Path) -> tuple[str, Path]:
    """The group's database (made on the first counter, with its own key) and its key export."""
    first_key = tmp_path / "first-counter" / "loandesk.key"
    first_key.parent.mkdir()
    path = tmp_path / "server" / "group.sqlite3"
    path.parent.mkdir()
    with open_database(path, key=first_key) as database:
        staff.create_owner(database, "Hengtong Used Cars", "boss", OWNER_PASSWORD)
    export = tmp_path / "usb" / "group.key-export"
    export.parent.mkdir()
    from db.crypto import read_key_file

    write_key_export(export, read_key_file(first_key), PASSPHRASE)
    return sqlite_url(path), export


Step = tuple[type, Callable[[Any], None]]


def _drive(steps: list[Step]) -> list[Step]:
    """Act on each modal dialog as it comes up (nested ones too); returns what was not done."""
    queue = list(steps)

    def tick() -> None:
        if not queue:
            return
        QTimer.singleShot(20, tick)  # before the step: a step may open a nested dialog
        widget = QApplication.activeModalWidget()
        kind, act = queue[0]
        opening = isinstance(widget, LoginDialog) and widget.opening  # "Log in" not yet
        if isinstance(widget, kind) and widget.isVisible() and not opening:
            queue.pop(0)
            try:
                act(widget)
            except BaseException:
                queue.clear()
                widget.reject()  # never leave a modal dialog open on failure
                raise

    QTimer.singleShot(0, tick)
    return queue


def _log_in(d: LoginDialog) -> None:
    d.username.setText("boss")
    d.password.setText(OWNER_PASSWORD)
    d.ok_button.click()


def test_a_bad_address_says_why_inline_and_saves_nothing(qtbot, runner):
    dialog = SetupDialog(None, runner, open_local=lambda: pytest.fail("own database made"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_server()
    assert dialog.pages.currentWidget() is dialog.server
    assert dialog.ok_button.text() == "Connect"
    dialog.ok_button.click()
    assert dialog.server.message.text() == "Enter the server's address."
    form = dialog.server
    form.host.setText("127.0.0.1")
    form.port.setValue(_closed_port())
    form.user.setText("counter2")
    form.password.setText("S3cret-pw")
    dialog.ok_button.click()
    assert "does not answer" in form.message.text()
    assert "127.0.0.1" in form.message.text()
    assert form.message.isVisible() and not form.import_button.isVisible()
    assert dialog.isVisible() and dialog.result() == 0
    assert Preferences().database_url == ""
    assert not default_db_path().exists() and not key_file_path().exists()


def test_not_a_loandesk_database_gets_no_schema(qtbot, tmp_path, runner):
    import sqlite3

    other = tmp_path / "accounts.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    dialog = SetupDialog(None, runner)
    qtbot.addWidget(dialog)
    dialog.choose_server()
    dialog.server.url.setText(sqlite_url(other))
    dialog.ok_button.click()
    assert "holds other data, not LoanDesk's" in dialog.server.message.text()
    with sqlite3.connect(other) as conn:
        tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    assert tables == [("invoices",)]  # no LoanDesk schema added
    dialog.server.url.setText(sqlite_url(tmp_path / "nowhere.sqlite3"))
    dialog.ok_button.click()
    assert "There is no database" in dialog.server.message.text()
    assert not (tmp_path / "nowhere.sqlite3").exists()


def test_second_counter_imports_the_key_connects_and_next_start_logs_in(qtbot, tmp_path, runner):
    url, export = _group_server(tmp_path)
    seen: dict[str, Any] = {}

    def choose_server(d: SetupDialog) -> None:
        d.choose_server()
        d.server.url.setText(url)
        d.ok_button.click()  # no key on this counter yet
        assert "does not have the dealer group's encryption key" in d.server.message.text()
        assert d.server.import_button.isVisible()
        d.server.import_button.click()  # opens the key dialog (driven below)

    def wrong_then_right_passphrase(d: KeyImportDialog) -> None:
        d.ok_button.click()
        assert d.message.text() == "Choose the key file."
        d.path.setText(str(export))
        d.passphrase.setText("not the passphrase")
        d.ok_button.click()
        assert d.message.text() == "Wrong passphrase, or the file is damaged. Nothing was changed."
        assert not key_file_path().exists()
        d.passphrase.setText(PASSPHRASE)
        d.ok_button.click()  # installs the key; the setup dialog connects again

    def login(d: LoginDialog) -> None:
        seen["server_line"] = d.change_button is not None
        _log_in(d)

    pending = _drive(
        [
            (SetupDialog, choose_server),
            (KeyImportDialog, wrong_then_right_passphrase),
            (LoginDialog, login),
        ]
    )
    ctl = Application(make_application(), runner=runner)
    assert ctl.start()
    assert not pending
    assert seen["server_line"]
    assert ctl.database.url == url and ctl.context.staff.username == "boss"
    assert Preferences().database_url == url
    assert key_file_path().exists()
    assert not default_db_path().exists()  # no own database made on the way
    ctl.shutdown()

    # the next start: straight to the login of the server's database
    prefs = Preferences()
    chosen, remembered = choose_database(argparse.Namespace(), prefs, environ={})
    assert (chosen, remembered) == (url, True)
    pending = _drive([(LoginDialog, _log_in)])
    ctl = Application(make_application(), url=chosen, remembered=remembered, runner=runner)
    assert ctl.start()
    assert not pending
    assert ctl.database.url == url
    ctl.shutdown()


def test_a_key_of_another_database_is_refused_and_not_installed(qtbot, tmp_path, runner):
    url, _export = _group_server(tmp_path)
    stranger = tmp_path / "stranger.key-export"
    write_key_export(stranger, b"s" * 32, PASSPHRASE)
    dialog = KeyImportDialog(url, runner)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(stranger))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.ok_button.click()
    assert "belongs to another database" in dialog.message.text()
    assert not key_file_path().exists()
    dialog.path.setText(str(tmp_path / "server" / "group.sqlite3"))
    dialog.ok_button.click()
    assert dialog.message.text() == "This is not a LoanDesk key file (or it cannot be read)."


def test_a_different_key_already_here_is_kept_aside(qtbot, tmp_path, runner):
    url, export = _group_server(tmp_path)
    open_database(tmp_path / "own.sqlite3").close()  # this counter made a key of its own
    own_key = key_file_path().read_bytes()
    dialog = SetupDialog(None, runner)
    qtbot.addWidget(dialog)
    dialog.choose_server()
    dialog.server.url.setText(url)
    dialog.ok_button.click()
    assert "has a different key" in dialog.server.message.text()

    def import_key(d: KeyImportDialog) -> None:
        d.path.setText(str(export))
        d.passphrase.setText(PASSPHRASE)
        d.ok_button.click()

    pending = _drive([(KeyImportDialog, import_key)])
    dialog.server.import_button.click()
    assert not pending
    assert dialog.result() == 1 and dialog.server_url == url and dialog.actor is None
    kept = list(key_file_path().parent.glob("loandesk.key.replaced-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == own_key
    dialog.database.close()


def test_a_failing_key_write_keeps_the_old_key_and_says_so(qtbot, tmp_path, runner, monkeypatch):
    from tests.faults import DISK_FULL, fail_rename_onto

    url, export = _group_server(tmp_path)
    open_database(tmp_path / "own.sqlite3").close()  # this counter made a key of its own
    target = key_file_path()
    own_key = target.read_bytes()
    names = sorted(p.name for p in target.parent.iterdir())
    fail_rename_onto(target, monkeypatch)
    dialog = KeyImportDialog(url, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(export))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.ok_button.click()
    assert dialog.message.text() == f"The key could not be saved on this computer: {DISK_FULL}"
    assert dialog.isVisible() and dialog.result() == 0 and dialog.ok_button.isEnabled()
    assert target.read_bytes() == own_key  # the counter still has its key
    assert sorted(p.name for p in target.parent.iterdir()) == names  # no copy, no temp file


def test_an_empty_server_database_is_set_up_as_the_groups_first_store(qtbot, tmp_path, runner):
    empty = tmp_path / "server" / "new.sqlite3"
    empty.parent.mkdir()
    empty.touch()
    dialog = SetupDialog(None, runner, open_local=lambda: pytest.fail("own database made"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_server()
    dialog.server.url.setText(sqlite_url(empty))
    dialog.ok_button.click()
    assert dialog.pages.currentIndex() == 0 and not dialog.server_choice.isVisible()
    assert "Its database is new" in dialog.intro.text()
    dialog.store_name.setText("Hengtong Group")
    dialog.username.setText("boss")
    dialog.password.setText(OWNER_PASSWORD)
    dialog.confirm.setText(OWNER_PASSWORD)
    dialog.ok_button.click()
    assert dialog.result() == 1 and dialog.actor is not None
    assert dialog.server_url == sqlite_url(empty)
    assert staff.login(dialog.database, "boss", OWNER_PASSWORD).username == "boss"
    dialog.database.close()


def test_the_password_is_never_written_to_the_settings(qtbot, runner):
    ctl = Application(make_application(), runner=runner)
    url = build_server_url("db.hengtong.local", 5433, "loandesk", "counter2", "Pa ss@w/rd9")
    from sqlalchemy.engine import make_url

    assert make_url(url).password == "Pa ss@w/rd9" and make_url(url).port == 5433
    ctl._remember(url)
    assert ctl.url == url  # in memory for this run
    assert (
        Preferences().database_url
        == "postgresql+psycopg://counter2@db.hengtong.local:5433/loandesk"
    )
    path = settings_file()
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "Pa" not in text.replace("Path", "") and "rd9" not in text
    ctl.shutdown()


@pytest.mark.parametrize(
    ("detail", "code"),
    [
        # PostgreSQL's own words (psycopg / libpq), as seen on a real server
        (
            'connection failed: FATAL: password authentication failed for user "counter"',
            "server_password",
        ),
        ("connection failed: fe_sendauth: no password supplied", "server_password_needed"),
        ('connection failed: FATAL: database "nosuch" does not exist', "server_no_database"),
        (
            'FATAL: no pg_hba.conf entry for host "10.0.0.8", user "x", database "y"',
            "server_not_allowed",
        ),
        (
            'connection failed: connection to server at "127.0.0.1", port 1 failed: '
            "Connection refused",
            "server_unreachable",
        ),
        (
            'failed to resolve host "db.nowhere": [Errno -2] Name or service not known',
            "server_unreachable",
        ),
        ("FATAL: sorry, too many clients already", None),
    ],
)
def test_server_errors_are_told_apart(detail, code):
    from db.connection import classify

    assert classify(detail) == code


def test_precedence_options_then_environment_then_remembered_then_own_file(tmp_path):
    prefs = Preferences()
    none = argparse.Namespace(db=None, database_url=None)
    assert choose_database(none, prefs, environ={}) == (None, False)
    prefs.database_url = "postgresql+psycopg://counter2@server/loandesk"
    assert choose_database(none, prefs, environ={}) == (
        "postgresql+psycopg://counter2@server/loandesk",
        True,
    )
    env = {"LOANDESK_DATABASE_URL": "postgresql+psycopg://env@server/loandesk"}
    assert choose_database(none, prefs, environ=env) == (
        "postgresql+psycopg://env@server/loandesk",
        False,
    )
    by_file = argparse.Namespace(db=str(tmp_path / "x.sqlite3"), database_url=None)
    assert choose_database(by_file, prefs, environ=env) == (
        sqlite_url(tmp_path / "x.sqlite3"),
        False,
    )
    by_url = argparse.Namespace(db=None, database_url="postgresql+psycopg://opt@s/l")
    assert choose_database(by_url, prefs, environ=env) == ("postgresql+psycopg://opt@s/l", False)
    prefs.use_own_database()
    assert choose_database(none, prefs, environ={}) == (None, False)


def test_remembered_server_down_at_start_offers_retry_or_change(
    qtbot, tmp_path, runner, monkeypatch
):
    url, _export = _group_server(tmp_path)
    monkeypatch.setenv("LOANDESK_KEY_FILE", str(tmp_path / "first-counter" / "loandesk.key"))
    down = build_server_url("127.0.0.1", _closed_port(), "loandesk", "counter2")
    Preferences().database_url = down

    def connect_elsewhere(d: ConnectDialog) -> None:
        assert "does not answer" in d.server.message.text()
        assert d.server.host.text() == "127.0.0.1" and d.server.user.text() == "counter2"
        d.ok_button.click()  # retry: still down
        assert "does not answer" in d.server.message.text()
        d.server.url.setText(url)  # the IT person gave a new address
        d.ok_button.click()

    pending = _drive([(ConnectDialog, connect_elsewhere), (LoginDialog, _log_in)])
    chosen, remembered = choose_database(argparse.Namespace(), Preferences(), environ={})
    ctl = Application(make_application(), url=chosen, remembered=remembered, runner=runner)
    assert ctl.start()
    assert not pending
    assert ctl.database.url == url and Preferences().database_url == url
    ctl.shutdown()


def test_back_to_this_counters_own_database_from_the_login(qtbot, tmp_path, runner):
    url, _export = _group_server(tmp_path)
    Preferences().database_url = url
    for path in (tmp_path / "first-counter" / "loandesk.key",):
        key_file_path().parent.mkdir(parents=True, exist_ok=True)
        key_file_path().write_bytes(path.read_bytes())
        key_file_path().chmod(0o600)  # a copied key file is private, as LoanDesk writes them

    def change(d: LoginDialog) -> None:
        assert d.change_button is not None
        d.change_button.click()

    def use_own(d: ConnectDialog) -> None:
        d.own_button.click()

    def quit_setup(d: SetupDialog) -> None:
        assert d.database is None  # own database not made until chosen
        d.reject()

    pending = _drive([(LoginDialog, change), (ConnectDialog, use_own), (SetupDialog, quit_setup)])
    ctl = Application(make_application(), url=url, remembered=True, runner=runner)
    assert ctl.start() is False
    assert not pending
    assert Preferences().database_url == ""
    assert not ctl.failed  # the user quit: not an error
    ctl.shutdown()


def test_explicit_url_still_stops_with_a_message_box(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a: shown.append(text))
    )
    down = build_server_url("127.0.0.1", _closed_port(), "loandesk", "counter2")
    ctl = Application(make_application(), url=down)
    assert ctl.start() is False and ctl.failed
    assert len(shown) == 1 and "Traceback" not in shown[0]
    ctl.shutdown()


@pytest.mark.postgres
def test_connect_to_a_real_postgresql_server(qtbot, tmp_path, pg_databases):
    pg = pg_databases
    name = pg.create()
    try:
        url = pg.url_of(name)
        with open_database(url) as database:  # this counter's key (LOANDESK_HOME)
            staff.create_owner(database, "Hengtong Used Cars", "boss", OWNER_PASSWORD)
        runner = ImmediateRunner()
        dialog = SetupDialog(None, runner)
        qtbot.addWidget(dialog)
        dialog.choose_server()
        dialog.server.set_url(url)
        dialog.ok_button.click()
        assert dialog.result() == 1, dialog.server.message.text()
        assert dialog.database is not None and not dialog.database.is_sqlite
        dialog.database.close()
        wrong = pg.base.set(database=f"{name}_missing").render_as_string(hide_password=False)
        dialog = SetupDialog(None, runner)
        qtbot.addWidget(dialog)
        dialog.choose_server()
        dialog.server.set_url(wrong)
        dialog.ok_button.click()
        assert "There is no database" in dialog.server.message.text()
    finally:
        pg.drop(name)


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp, monkeypatch):
    from tests.desktop.pages.conftest import install_language

    monkeypatch.setenv("LOANDESK_LANG", request.param)
    translators = install_language(qapp, request.param)
    yield request.param
    translators.install("en")


def test_screenshots_in_both_languages(qtbot, tmp_path, runner, screenshot, language):
    from lending.errors import UserError

    url, export = _group_server(tmp_path)
    zh = language == "zh_CN"

    setup = SetupDialog(None, runner)
    qtbot.addWidget(setup)
    setup.show()
    screenshot(setup, "server_setup_own")
    setup.choose_server()
    form = setup.server
    form.port.setValue(_closed_port())
    form.user.setText("counter2")
    form.password.setText("S3cret-pw")
    form.host.setText("127.0.0.1")
    setup.ok_button.click()
    assert ("没有响应" if zh else "does not answer") in form.message.text()
    screenshot(setup, "server_setup_unreachable")
    form.url.setText(url)
    setup.ok_button.click()
    assert form.import_button.isVisible()
    expected = "还没有集团的加密密钥" if zh else "does not have the dealer group"
    assert expected in form.message.text()
    screenshot(setup, "server_setup_key_missing")

    keys = KeyImportDialog(url, runner)
    qtbot.addWidget(keys)
    keys.show()
    keys.path.setText(str(export))
    keys.passphrase.setText("not the passphrase")
    keys.ok_button.click()
    assert ("口令错误" if zh else "Wrong passphrase") in keys.message.text()
    screenshot(keys, "server_key_import_wrong_passphrase")

    down = build_server_url("127.0.0.1", _closed_port(), "loandesk", "counter2")
    with pytest.raises(UserError) as refused:
        open_database(down)
    connect = ConnectDialog(down, runner, refused.value)
    qtbot.addWidget(connect)
    connect.show()
    assert ("没有响应" if zh else "does not answer") in connect.server.message.text()
    screenshot(connect, "server_connect_down")

    keys.passphrase.setText(PASSPHRASE)
    keys.ok_button.click()
    with open_database(url) as database:
        login = LoginDialog(
            database, runner, store_name="Hengtong Used Cars", server="192.168.1.20:5432/loandesk"
        )
        qtbot.addWidget(login)
        login.show()
        assert login.change_button is not None and login.change_button.isVisible()
        screenshot(login, "server_login")
        login.close()

    empty = tmp_path / "server" / "new.sqlite3"
    empty.touch()
    first = SetupDialog(None, runner)
    qtbot.addWidget(first)
    first.show()
    first.choose_server()
    first.server.url.setText(sqlite_url(empty))
    first.ok_button.click()
    assert first.pages.currentIndex() == 0
    screenshot(first, "server_setup_new_database")
    first.database.close()

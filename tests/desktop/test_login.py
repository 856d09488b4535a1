"""Start-up: first-run setup, login, lock-out, database errors."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from db.services import staff
from desktop.app import Application, make_application
from desktop.login import SetupDialog, password_problem
from desktop.login_dialog import LoginDialog
from tests.desktop.conftest import OWNER_PASSWORD


def test_password_rule() -> None:
    assert password_problem("short1") == "short"
    assert password_problem("onlyletters") == "letters_digits"
    assert password_problem("1234567890") == "letters_digits"
    assert password_problem("counter2026") is None
    assert password_problem("柜台密码很安全2026") is None


def test_setup_refuses_bad_input_and_creates_nothing(qtbot, database, runner, screenshot):
    dialog = SetupDialog(database, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ok_button.click()
    assert dialog.errors["store_name"].text() == "Enter the store's name."
    assert dialog.errors["username"].text() == "Enter a user name."
    assert "at least 8 characters" in dialog.errors["password"].text()
    dialog.store_name.setText("Hengtong")
    dialog.username.setText("owner")
    dialog.password.setText("abcdefgh")
    dialog.confirm.setText("abcdefgh")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)  # Enter = the default button
    assert dialog.errors["password"].text() == "Use both letters and digits in the password."
    dialog.password.setText("abcd1234")
    dialog.confirm.setText("abcd1234")
    dialog.ok_button.click()
    assert "most common passwords" in dialog.errors["password"].text()  # db.passwords' list
    dialog.password.setText("hengtong2026")
    dialog.confirm.setText("hengtong2027")
    dialog.ok_button.click()
    assert dialog.errors["confirm"].text() == "The two passwords are not the same."
    assert not dialog.errors["password"].isVisible()
    screenshot(dialog, "setup_dialog_errors")
    assert staff.needs_setup(database)
    assert dialog.result() == 0


def test_setup_creates_store_and_owner(qtbot, database, runner, screenshot):
    dialog = SetupDialog(database, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    screenshot(dialog, "setup_dialog")
    qtbot.keyClicks(dialog.store_name, "Hengtong Used Cars")
    qtbot.keyClick(dialog.store_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "Wang Li")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "owner")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), OWNER_PASSWORD)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), OWNER_PASSWORD)
    assert dialog.focusWidget() is dialog.confirm
    with qtbot.waitSignal(dialog.created):
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.result() == 1
    assert not staff.needs_setup(database)
    assert staff.login(database, "owner", OWNER_PASSWORD).username == "owner"


def test_login_counts_attempts_then_says_until_when(qtbot, database, runner, owner, screenshot):
    dialog = LoginDialog(database, runner, store_name="Hengtong Used Cars")
    qtbot.addWidget(dialog)
    dialog.show()
    screenshot(dialog, "login_dialog")
    dialog.ok_button.click()
    assert dialog.message.text() == "Enter your user name and password."
    dialog.username.setText("owner")
    for left in (4, 3, 2, 1):
        dialog.password.setText("wrong-password")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert dialog.message.text().startswith(
            f"Wrong user name or password. {left} attempt(s) left"
        )
        assert dialog.password.text() == ""
    before = datetime.now(UTC)
    dialog.password.setText("wrong-password")
    dialog.ok_button.click()
    until = (before + timedelta(minutes=staff.LOCK_MINUTES)).astimezone()
    text = dialog.message.text()
    assert text.startswith("This account is locked")
    assert until.strftime("%Y-%m-%d") in text
    assert (
        until.strftime("%H:%M") in text or (until + timedelta(minutes=1)).strftime("%H:%M") in text
    )
    screenshot(dialog, "login_locked")
    # even the right password is refused while locked
    dialog.password.setText(OWNER_PASSWORD)
    dialog.ok_button.click()
    assert dialog.message.text().startswith("This account is locked")
    assert dialog.actor is None and dialog.result() == 0


def test_login_succeeds(qtbot, database, runner, owner):
    dialog = LoginDialog(database, runner, username="owner")
    qtbot.addWidget(dialog)
    dialog.show()
    # the user name is known: the cursor waits in the password field
    assert dialog.focusWidget() is dialog.password
    dialog.password.setText(OWNER_PASSWORD)
    with qtbot.waitSignal(dialog.logged_in):
        dialog.ok_button.click()
    assert dialog.actor is not None and dialog.actor.staff_id == owner.staff_id


def _drive(app_ctl, steps):
    """Run ``steps`` (callables taking the open dialog) as each modal dialog opens."""
    queue = list(steps)

    def tick():
        dialog = app_ctl.dialog
        waiting = isinstance(dialog, LoginDialog) and dialog.opening
        if dialog is not None and dialog.isVisible() and not waiting and queue:
            try:
                queue.pop(0)(dialog)
            except BaseException:
                dialog.reject()  # never leave a modal dialog open on failure
                raise
        if queue:
            QTimer.singleShot(20, tick)

    QTimer.singleShot(0, tick)
    return queue


def test_first_run_setup_then_logout_and_login(qtbot, tmp_path, runner):
    app = make_application()
    ctl = Application(app, url=str(tmp_path / "first.sqlite3"), runner=runner)

    def setup(d):
        d.store_name.setText("Hengtong Used Cars")
        d.username.setText("boss")
        d.password.setText("boss2026a")
        d.confirm.setText("boss2026a")
        d.ok_button.click()

    pending = _drive(ctl, [setup])
    assert ctl.start()
    assert not pending
    window = ctl.window
    assert window.isVisible()
    assert "boss" in window.user_label.text() and "Owner" in window.user_label.text()
    assert "Hengtong Used Cars" in window.store_label.text()

    def login(d):
        assert isinstance(d, LoginDialog)
        assert d.username.text() == "boss"  # remembered
        d.password.setText("boss2026a")
        d.ok_button.click()

    pending = _drive(ctl, [login])
    window.log_out()
    assert not pending
    assert ctl.window is not None and ctl.window.isVisible()
    ctl.shutdown()
    assert ctl.window is None


def test_unusable_database_shows_the_reason_without_traceback(qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "critical",
        staticmethod(lambda _p, title, text, *a: shown.append((title, text))),
    )
    ctl = Application(make_application(), url=str(bad), splash=True)
    assert ctl._splash is None  # a database is there: the login dialog comes at once instead
    assert ctl.start() is False
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "LoanDesk cannot start"
    assert "Traceback" not in text and text
    ctl.shutdown()


@pytest.mark.parametrize("value", ["", "en", "zh_CN"])
def test_language_preference_round_trip(value):
    from desktop.preferences import Preferences

    prefs = Preferences()
    prefs.language = value
    assert Preferences().language == value


def test_login_bypass_only_for_measurement_homes(qtbot, database, owner, runner, monkeypatch):
    ctl = Application(make_application(), database=database, runner=runner)
    assert ctl.bench_actor() is None  # not asked for
    monkeypatch.setenv("LOANDESK_BENCH_STARTUP", "1")
    assert ctl.bench_actor().staff_id == owner.staff_id
    monkeypatch.delenv("LOANDESK_HOME")  # a real installation: never skip the login
    assert ctl.bench_actor() is None


def test_language_choice_order(monkeypatch):
    from desktop.app import effective_language
    from desktop.preferences import Preferences

    prefs = Preferences()
    prefs.language = ""
    monkeypatch.delenv("LOANDESK_LANG")
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert effective_language(prefs) == "zh_CN"  # Chinese by default on a Chinese locale
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert effective_language(prefs) == "en"
    prefs.language = "zh_CN"  # the choice made in Settings wins
    assert effective_language(prefs) == "zh_CN"
    prefs.language = ""


def test_a_key_file_others_can_read_is_shown_at_start(qtbot, tmp_path, runner, monkeypatch):
    """Issue 11, item 12: the start goes on, with a warning naming the file and the fix."""
    import os

    from db import open_database
    from db.paths import key_file_path

    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    db_file = tmp_path / "own.sqlite3"
    open_database(db_file).close()
    os.chmod(key_file_path(), 0o640)
    ctl = Application(make_application(), url=str(db_file), runner=runner)
    assert ctl.open_database()
    box = ctl.key_warning
    assert box is not None and box.isVisible() and not box.isModal()
    assert f"chmod 600 {key_file_path()}" in box.text()
    box.grab().save(str(tmp_path / "key_warning.png"))
    box.close()
    ctl.database.close()
    os.chmod(key_file_path(), 0o600)
    quiet = Application(make_application(), url=str(db_file), runner=runner)
    assert quiet.open_database() and quiet.key_warning is None
    quiet.database.close()


def test_the_splash_shows_only_before_the_first_run_setup(qtbot, tmp_path):
    first = Application(make_application(), url=str(tmp_path / "new.sqlite3"), splash=True)
    assert first._splash is None  # a URL names a database: the login dialog comes at once
    first.shutdown()
    ctl = Application(make_application(), splash=True)  # this counter's own file, not made yet
    assert not ctl._own_path().exists()
    assert ctl._splash is not None and ctl._splash.isVisible()
    ctl._close_splash()
    ctl.shutdown()


@pytest.mark.parametrize("code", ["wrong_key", "key_file_missing", "key_file_invalid"])
def test_the_key_refusal_at_start_is_in_chinese_and_names_the_login(qtbot, code):
    """The start-up refusal says what to run, with the login ``key import`` needs, and on a
    Chinese computer in Chinese (its strings were once left out of the catalogue)."""
    from desktop.i18n import Translators
    from desktop.login import startup_error_text
    from lending.errors import UserError

    exc = UserError("refused", code=code)
    exc.key_path = "/home/counter/.config/LoanDesk/loandesk.key"  # type: ignore[attr-defined]
    translators = Translators(make_application())
    try:
        translators.install("zh_CN")
        text = startup_error_text(exc)
        assert "key import --from 文件" in text and "--user 用户名" in text
        assert "Import the key file" not in text and "密钥文件" in text
        assert exc.key_path in text  # type: ignore[attr-defined]
    finally:
        translators.install("en")
    english = startup_error_text(exc)
    assert "--user NAME" in english and "Import the key file" in english

"""The login dialog's store picker (dealer groups) and the start-up key messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import Database, open_database
from db.crypto import create_key_file, wrong_key_error
from db.models.enums import Role
from db.services import staff, stores
from db.services.base import Actor
from desktop.login import startup_error_text
from desktop.login_dialog import LoginDialog
from desktop.tasks import ImmediateRunner
from lending.errors import UserError

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _dialog(qtbot, database: Database, **kw) -> LoginDialog:  # type: ignore[no-untyped-def]
    dialog = LoginDialog(database, ImmediateRunner(), **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _log_in(qtbot, dialog: LoginDialog, user: str, password: str) -> Actor:  # type: ignore[no-untyped-def]
    dialog.username.setText(user)
    dialog.password.setText(password)
    with qtbot.waitSignal(dialog.logged_in):
        dialog.ok_button.click()
    assert dialog.actor is not None
    return dialog.actor


def test_one_store_shows_no_picker(qtbot, database: Database, owner: Actor) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, database)
    assert not dialog.store.isVisible() and dialog.chosen_store() is None
    assert _log_in(qtbot, dialog, owner.username, "owner-pass-1").store_id == owner.store_id


def test_owner_picks_the_store_to_work_in(qtbot, database: Database, owner: Actor) -> None:  # type: ignore[no-untyped-def]
    b = stores.add_store(database, owner, "Pudong store", seed_catalogue=False)
    dialog = _dialog(qtbot, database, store_id=b.id)
    assert dialog.store.isVisible()
    assert [dialog.store.itemText(i) for i in range(dialog.store.count())][-1] == "Pudong store"
    assert dialog.chosen_store() == b.id  # preselected
    actor = _log_in(qtbot, dialog, owner.username, "owner-pass-1")
    assert (actor.store_id, actor.staff_id) == (b.id, owner.staff_id)

    again = _dialog(qtbot, database)
    again.store.setCurrentIndex(again.store.findData(owner.store_id))
    assert _log_in(qtbot, again, owner.username, "owner-pass-1").store_id == owner.store_id


def test_staff_always_work_in_their_own_store(qtbot, database: Database, owner: Actor) -> None:  # type: ignore[no-untyped-def]
    b = stores.add_store(database, owner, "Pudong store", seed_catalogue=False)
    staff.add_staff(database, owner, "bob", "staff-pass-1", Role.CONSULTANT, store_id=b.id)
    dialog = _dialog(qtbot, database, store_id=owner.store_id)  # picks store A
    actor = _log_in(qtbot, dialog, "bob", "staff-pass-1")
    assert actor.store_id == b.id


def test_wrong_password_with_picker_still_refused(qtbot, database: Database, owner: Actor) -> None:  # type: ignore[no-untyped-def]
    stores.add_store(database, owner, "Pudong store", seed_catalogue=False)
    dialog = _dialog(qtbot, database)
    dialog.username.setText(owner.username)
    dialog.password.setText("wrong-password")
    dialog.ok_button.click()
    assert dialog.actor is None
    assert dialog.message.text().startswith("Wrong user name or password.")


def test_startup_messages_for_key_problems(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    key = tmp_path / "k" / "loandesk.key"
    text = startup_error_text(wrong_key_error(key))
    assert str(key) in text and "different key" in text and "key import" in text

    db = tmp_path / "x.sqlite3"
    open_database(db, key=key).close()
    missing = tmp_path / "none" / "loandesk.key"
    with pytest.raises(UserError) as info:
        open_database(db, key=missing)
    text = startup_error_text(info.value)
    assert str(missing) in text and "key import" in text

    stray = tmp_path / "stray" / "loandesk.key"
    create_key_file(stray)
    with pytest.raises(UserError) as info:
        open_database(db, key=stray)
    text = startup_error_text(info.value)
    assert "different key" in text and str(stray) in text and "\n" not in text

    plain = UserError("Something else.", code="other")
    assert startup_error_text(plain) == "Something else."


def test_preferences_remember_the_store(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from desktop.preferences import Preferences

    prefs = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    assert prefs.last_store is None
    prefs.last_store = 2
    prefs.sync()
    again = Preferences(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    assert again.last_store == 2
    again.qsettings.setValue("login/last_store", "garbage")
    assert again.last_store is None
    again.last_store = None
    assert again.last_store is None


def test_gui_refuses_to_start_with_the_wrong_key(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import Application, make_application

    db = tmp_path / "shared.sqlite3"
    open_database(db, key=tmp_path / "first" / "loandesk.key").close()
    stray = tmp_path / "second" / "loandesk.key"
    create_key_file(stray)
    monkeypatch.setenv("LOANDESK_KEY_FILE", str(stray))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "critical",
        staticmethod(lambda _p, title, text, *a: shown.append((title, text))),
    )
    ctl = Application(make_application(), url=str(db))
    try:
        assert ctl.start() is False
    finally:
        ctl.shutdown()
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "LoanDesk cannot start"
    assert "different key" in text and "python main.py key import" in text and str(stray) in text

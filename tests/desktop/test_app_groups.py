"""Start-up for dealer groups: the store picked is remembered; a wrong key is refused clearly."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from db import open_database
from db.services import staff, stores
from desktop.app import Application, make_application
from desktop.login_dialog import LoginDialog
from desktop.preferences import Preferences
from tests.desktop.conftest import OWNER_PASSWORD
from tests.desktop.test_login import _drive


def test_the_store_the_owner_picked_is_remembered(qtbot, tmp_path, runner):
    path = tmp_path / "group.sqlite3"
    with open_database(path) as database:
        owner = staff.create_owner(database, "Hengtong Used Cars", "boss", OWNER_PASSWORD)
        pudong = stores.add_store(database, owner, "Pudong store").id
    ctl = Application(make_application(), url=str(path), runner=runner)

    def login(d):
        assert isinstance(d, LoginDialog)
        assert d.store.count() == 2 and d.store.isVisibleTo(d)
        d.store.setCurrentIndex(d.store.findData(pudong))
        d.username.setText("boss")
        d.password.setText(OWNER_PASSWORD)
        d.ok_button.click()

    pending = _drive(ctl, [login])
    assert ctl.start()
    assert not pending
    assert ctl.context.staff.store_id == pudong
    assert "Pudong store" in ctl.window.store_label.text()
    assert Preferences().last_store == pudong

    def login_again(d):
        assert d.chosen_store() == pudong  # preselected from last time
        d.reject()

    pending = _drive(ctl, [login_again])
    ctl.window.log_out()
    assert not pending
    ctl.shutdown()


def test_a_wrong_key_file_stops_the_start_with_what_to_do(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "shared.sqlite3"
    open_database(path, key=tmp_path / "first-counter.key").close()
    open_database(tmp_path / "other.sqlite3", key=tmp_path / "this-counter.key").close()
    monkeypatch.setenv("LOANDESK_KEY_FILE", str(tmp_path / "this-counter.key"))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "critical",
        staticmethod(lambda _p, title, text, *a: shown.append((title, text))),
    )
    ctl = Application(make_application(), url=str(path))
    assert ctl.start() is False
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "LoanDesk cannot start"
    assert "key import" in text and "Traceback" not in text
    ctl.shutdown()

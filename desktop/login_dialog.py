"""The login dialog: user name, password, the store of a dealer group.

It is the first thing a consultant sees, so it comes on screen before the
data layer is loaded: this module imports only Qt and the project's small
widget helpers (the services are imported when a password is checked, by
then they are loaded).  Built without a database it waits - the fields can
be filled in, "Log in" stays disabled and says the database is being
opened - until :meth:`LoginDialog.attach` gives it the opened database
(``desktop.app`` does that once the worker has imported the data layer).

:func:`login_error_text` puts a refused login (wrong password, locked,
disabled) into the interface language; the appraisal page's manager
approval uses it too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import style
from desktop.widgets import error_label, show_message

if TYPE_CHECKING:
    from db.database import Database
    from db.services.base import Actor
    from desktop.tasks import Runner
    from lending.errors import UserError

_LOCK_RE = re.compile(r"after (\d{1,2}:\d{2}) \((\d{4}-\d{2}-\d{2})\)")
_LEFT_RE = re.compile(r"(\d+) attempt")

CHANGE_CONNECTION = 2  # LoginDialog result: the user wants another database
NOT_OPENED = 3  # LoginDialog result: the database behind it could not be opened (or is new)


class LoginDialog(QDialog):
    """User name + password; wrong passwords count, a locked account says until when."""

    logged_in = Signal(object)  # Actor
    ready = Signal()  # attach() gave it a database: "Log in" works

    def __init__(
        self,
        database: Database | None,
        runner: Runner,
        *,
        store_name: str = "",
        username: str = "",
        parent: QWidget | None = None,
        login: Callable[..., Actor] | None = None,
        stores: list[tuple[int, str]] | None = None,
        store_id: int | None = None,
        server: str = "",
    ) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self.runner = runner
        self.actor: Actor | None = None
        self._login = login
        self._store_id = store_id
        self.setWindowTitle(self.tr("Log in to LoanDesk"))
        self.setMinimumWidth(400)

        self.title = QLabel(self.tr("LoanDesk"))
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = error_label()
        self.waiting = QLabel(self.tr("Opening the database…"))
        self.waiting.setStyleSheet(style.HINT_TEXT)
        self.store = QComboBox()
        self.store.setToolTip(
            self.tr("The owner may work in any store; staff always work in their own store.")
        )

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Password"), self.password)
        self.form.addRow(self.tr("Store"), self.store)
        self.form.setRowVisible(self.store, False)
        self.change_button: QPushButton | None = None
        self._server_row: QHBoxLayout | None = None

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Log in"))
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addSpacing(6)
        layout.addLayout(self.form)
        layout.addWidget(self.waiting)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.username, self.password)
        QWidget.setTabOrder(self.password, self.ok_button)
        (self.password if username else self.username).setFocus()
        if database is not None:
            self.attach(database, store_name=store_name, stores=stores, server=server)

    def attach(
        self,
        database: Database,
        *,
        store_name: str = "",
        stores: list[tuple[int, str]] | None = None,
        server: str = "",
    ) -> None:
        """The database is open: name the store, offer a group's stores, enable "Log in"."""
        from db.services import stores as store_service

        self.database = database
        if stores is None:
            stores = store_service.store_names(database)
        if store_name:
            self.title.setText(store_name)
        self.store.clear()
        for sid, name in stores:
            self.store.addItem(name, sid)
        if self._store_id is not None and self.store.findData(self._store_id) >= 0:
            self.store.setCurrentIndex(self.store.findData(self._store_id))
        self.form.setRowVisible(self.store, len(stores) > 1)  # a dealer group picks the store
        if server and self.change_button is None:
            self._add_server_row(server)
        self.waiting.hide()
        self.ok_button.setEnabled(True)
        self.ready.emit()

    @property
    def opening(self) -> bool:
        """The database is still being opened behind it ("Log in" disabled)."""
        return self.database is None

    def _add_server_row(self, server: str) -> None:
        """On the dealer group's server: say which, and offer a way to change."""
        text = self.tr("Server: {server}").format(server=server)
        where = QLabel()
        where.setText(where.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, 250))
        where.setToolTip(text)
        where.setStyleSheet(style.HINT_TEXT)
        self.change_button = QPushButton(self.tr("Change connection…"))
        self.change_button.setAutoDefault(False)
        self.change_button.clicked.connect(self.change_connection)
        row = QHBoxLayout()
        row.addWidget(where, 1)
        row.addWidget(self.change_button)
        self.form.addRow(row)

    def change_connection(self) -> None:
        self.done(CHANGE_CONNECTION)

    def submit(self) -> None:
        if self.database is None:  # Enter pressed while the database is still opening
            return
        user, pw = self.username.text().strip(), self.password.text()
        if not user or not pw:
            show_message(self.message, self.tr("Enter your user name and password."))
            (self.username if not user else self.password).setFocus()
            return
        self.ok_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        chosen = self.chosen_store()
        self.runner.run(lambda: self._log_in(user, pw, chosen), self._done, self._failed)

    def chosen_store(self) -> int | None:
        """The store picked (None when the database has only one)."""
        if self.store.count() < 2:
            return None
        data = self.store.currentData()
        return int(data) if data is not None else None

    def _log_in(self, user: str, pw: str, chosen: int | None) -> Actor:
        """On the worker: check the password, then open the picked store for the owner."""
        from db.services import staff as staff_service
        from db.services import stores as store_service

        assert self.database is not None
        actor = (self._login or staff_service.login)(self.database, user, pw)
        if chosen is not None and store_service.is_group_owner(actor):
            actor = store_service.switch_store(self.database, actor, chosen)
        return actor

    def _done(self, actor: Actor) -> None:
        self.ok_button.setEnabled(True)
        self.unsetCursor()
        self.actor = actor
        self.logged_in.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from lending.errors import UserError

        self.ok_button.setEnabled(True)
        self.unsetCursor()
        if not isinstance(exc, UserError):
            raise exc
        show_message(self.message, self.explain(exc))
        self.password.clear()
        self.password.setFocus()

    def explain(self, exc: UserError) -> str:
        """The service's error in the interface language."""
        return login_error_text(exc)


def login_error_text(exc: UserError) -> str:
    """A refused login (wrong password, locked, disabled) in the interface language.

    Shared by every place a password is checked: the login dialog and a manager's
    approval on the appraisal page.
    """
    code = exc.code or ""
    if code == "locked":
        until: Any = getattr(exc, "locked_until", None)
        if isinstance(until, datetime):
            local = until.astimezone()
            hhmm, day = f"{local:%H:%M}", f"{local:%Y-%m-%d}"
        else:
            m = _LOCK_RE.search(exc.message)
            if m is None:
                return exc.message
            hhmm, day = m.group(1), m.group(2)
        return QCoreApplication.translate(
            "LoginDialog",
            "This account is locked after too many wrong passwords. Try again after "
            "{time} ({date}), or ask the owner to unlock it.",
        ).format(time=hhmm, date=day)
    if code == "bad_credentials":
        m = _LEFT_RE.search(exc.message)
        if m is not None:
            from db.services.staff import LOCK_MINUTES

            return QCoreApplication.translate(
                "LoginDialog",
                "Wrong user name or password. {left} attempt(s) left before the account "
                "is locked for {minutes} minutes.",
            ).format(left=int(m.group(1)), minutes=LOCK_MINUTES)
        return QCoreApplication.translate("LoginDialog", "Wrong user name or password.")
    if code == "disabled":
        return QCoreApplication.translate("LoginDialog", "This account is disabled. Ask the owner.")
    return exc.message

"""First-run setup (store + owner account), the login dialog, start-up errors.

Both dialogs run their database work (argon2 hashing, catalogue seeding) on
the runner so the window stays responsive; the buttons are disabled meanwhile.

When the database holds several stores (a dealer group), the login dialog
shows a store picker: the owner works in the store picked there (see
``db.services.stores.switch_store``); other staff always work in their own
store.  :func:`startup_error_text` / :func:`show_startup_error` put the
"wrong or missing key" refusal of ``open_database`` into the user's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from db.database import Database
from db.services import staff as staff_service
from db.services import stores as store_service
from db.services.base import Actor
from desktop.tasks import Runner
from desktop.widgets import error_label, show_message
from lending.errors import UserError

MIN_PASSWORD_LENGTH = staff_service.MIN_PASSWORD_LENGTH


def password_problem(password: str) -> str | None:
    """The setup rule, as a code: None when the password is good enough.

    At least MIN_PASSWORD_LENGTH characters (the db rule) with letters and
    digits both present (the owner account can see and export everything).
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return "short"
    if not re.search(r"[^\W\d_]", password) or not re.search(r"\d", password):
        return "letters_digits"
    return None


class SetupDialog(QDialog):
    """First run: name the store and create the owner account."""

    created = Signal(object)  # Actor

    def __init__(self, database: Database, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Set up LoanDesk"))
        self.setMinimumWidth(460)

        intro = QLabel(
            self.tr(
                "Welcome. Before the first consultation, enter your store's name and "
                "create the owner account. The owner can add staff accounts later."
            )
        )
        intro.setWordWrap(True)

        self.store_name = QLineEdit()
        self.store_name.setPlaceholderText(self.tr("e.g. Hengtong Used Cars, Chaoyang store"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("Shown in the status bar and on reports"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        rule = QLabel(
            self.tr("At least {n} characters, with both letters and digits.").format(
                n=MIN_PASSWORD_LENGTH
            )
        )
        rule.setObjectName("hint")
        rule.setStyleSheet("color: palette(placeholder-text);")

        self.errors: dict[str, QLabel] = {
            k: error_label() for k in ("store_name", "username", "password", "confirm", "form")
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Store name"), self.store_name)
        form.addRow("", self.errors["store_name"])
        form.addRow(self.tr("Your name"), self.display_name)
        form.addRow(self.tr("Owner user name"), self.username)
        form.addRow("", self.errors["username"])
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", rule)
        form.addRow("", self.errors["password"])
        form.addRow(self.tr("Repeat password"), self.confirm)
        form.addRow("", self.errors["confirm"])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create store and owner"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.errors["form"])
        layout.addWidget(self.buttons)
        for w1, w2 in (
            (self.store_name, self.display_name),
            (self.display_name, self.username),
            (self.username, self.password),
            (self.password, self.confirm),
            (self.confirm, self.ok_button),
        ):
            QWidget.setTabOrder(w1, w2)
        self.store_name.setFocus()

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.store_name.text().strip():
            errors["store_name"] = self.tr("Enter the store's name.")
        user = self.username.text().strip()
        if not user:
            errors["username"] = self.tr("Enter a user name.")
        elif len(user) > 64 or any(ch.isspace() for ch in user):
            errors["username"] = self.tr("A user name has at most 64 characters and no spaces.")
        problem = password_problem(self.password.text())
        if problem == "short":
            errors["password"] = self.tr("A password needs at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH
            )
        elif problem == "letters_digits":
            errors["password"] = self.tr("Use both letters and digits in the password.")
        if not errors.get("password") and self.confirm.text() != self.password.text():
            errors["confirm"] = self.tr("The two passwords are not the same.")
        return errors

    def submit(self) -> None:
        errors = self.validate()
        for key, label in self.errors.items():
            show_message(label, errors.get(key))
        if errors:
            first = next(iter(errors))
            widget = {
                "store_name": self.store_name,
                "username": self.username,
                "password": self.password,
                "confirm": self.confirm,
            }.get(first)
            if widget is not None:
                widget.setFocus()
            return
        store, user, pw = self.store_name.text(), self.username.text(), self.password.text()
        display = self.display_name.text().strip() or None
        self._busy(True)
        self.runner.run(
            lambda: staff_service.create_owner(
                self.database, store, user, pw, display_name=display
            ),
            self._done,
            self._failed,
        )

    def _busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _done(self, actor: Actor) -> None:
        self._busy(False)
        self.actor = actor
        self.created.emit(actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if not isinstance(exc, UserError):
            raise exc
        show_message(self.errors["form"], exc.message)


_LOCK_RE = re.compile(r"after (\d{1,2}:\d{2}) \((\d{4}-\d{2}-\d{2})\)")
_LEFT_RE = re.compile(r"(\d+) attempt")


class LoginDialog(QDialog):
    """User name + password; wrong passwords count, a locked account says until when."""

    logged_in = Signal(object)  # Actor

    def __init__(
        self,
        database: Database,
        runner: Runner,
        *,
        store_name: str = "",
        username: str = "",
        parent: QWidget | None = None,
        login: Callable[..., Actor] | None = None,
        stores: list[tuple[int, str]] | None = None,
        store_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.actor: Actor | None = None
        self._login = login or staff_service.login
        if stores is None:
            stores = store_service.store_names(database)
        self.setWindowTitle(self.tr("Log in to LoanDesk"))
        self.setMinimumWidth(400)

        title = QLabel(store_name or self.tr("LoanDesk"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = error_label()
        self.store = QComboBox()
        for sid, name in stores:
            self.store.addItem(name, sid)
        if store_id is not None and self.store.findData(store_id) >= 0:
            self.store.setCurrentIndex(self.store.findData(store_id))
        self.store.setToolTip(
            self.tr("The owner may work in any store; staff always work in their own store.")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        if len(stores) > 1:  # a dealer group: pick the store to work in
            form.addRow(self.tr("Store"), self.store)
        else:
            self.store.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Log in"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        QWidget.setTabOrder(self.username, self.password)
        QWidget.setTabOrder(self.password, self.ok_button)
        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
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
        actor = self._login(self.database, user, pw)
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
        self.ok_button.setEnabled(True)
        self.unsetCursor()
        if not isinstance(exc, UserError):
            raise exc
        show_message(self.message, self.explain(exc))
        self.password.clear()
        self.password.setFocus()

    def explain(self, exc: UserError) -> str:
        """The service's error in the interface language."""
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
            return self.tr(
                "This account is locked after too many wrong passwords. Try again after "
                "{time} ({date}), or ask the owner to unlock it."
            ).format(time=hhmm, date=day)
        if code == "bad_credentials":
            m = _LEFT_RE.search(exc.message)
            if m is not None:
                return self.tr(
                    "Wrong user name or password. {left} attempt(s) left before the account "
                    "is locked for {minutes} minutes."
                ).format(left=int(m.group(1)), minutes=staff_service.LOCK_MINUTES)
            return self.tr("Wrong user name or password.")
        if code == "disabled":
            return self.tr("This account is disabled. Ask the owner.")
        return exc.message


# ---------------------------------------------------------------------------
# start-up errors (open_database refused: the key does not fit, or is missing)
# ---------------------------------------------------------------------------

_KEY_PATH_RE = re.compile(
    r"key(?: file)? \(?([^()]+?)\)? (?:does not belong|is missing|is damaged|is not a)"
)


def startup_error_text(exc: UserError) -> str:
    """``open_database``'s refusal in the interface language (one paragraph)."""
    code = exc.code or ""
    path: Any = getattr(exc, "key_path", None)
    if path is None:
        m = _KEY_PATH_RE.search(exc.message)
        path = m.group(1) if m else ""

    def tr(text: str) -> str:
        return QCoreApplication.translate("StartupError", text)

    if code == "wrong_key":
        return tr(
            "This database was encrypted with a different key than this computer's key "
            "file {path}, so customer data cannot be read. Import the key file from the "
            "first counter: python main.py key import --from FILE --replace"
        ).format(path=path)
    if code == "key_file_missing":
        return tr(
            "The encryption key file {path} is missing, so customer data cannot be read. "
            "Import the key file from the first counter (python main.py key import --from "
            "FILE) or restore it from your backup."
        ).format(path=path)
    if code == "key_file_invalid":
        return tr(
            "The encryption key file {path} is damaged. Import the key file from the first "
            "counter (python main.py key import --from FILE --replace) or restore it from "
            "your backup."
        ).format(path=path)
    return exc.message


def show_startup_error(exc: UserError, parent: QWidget | None = None) -> None:
    """The message box LoanDesk shows instead of starting (wrong key, damaged file ...)."""
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("Application", "LoanDesk cannot start"),
        startup_error_text(exc),
    )

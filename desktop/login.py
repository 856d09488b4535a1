"""First-run setup (store + owner account), the password rule on screen, start-up errors.

Both dialogs run their database work (argon2 hashing, catalogue seeding) on
the runner so the window stays responsive; the buttons are disabled meanwhile.

When the database holds several stores (a dealer group), the login dialog
shows a store picker: the owner works in the store picked there (see
``db.services.stores.switch_store``); other staff always work in their own
store.  :func:`startup_error_text` / :func:`show_startup_error` put the
"wrong or missing key" refusal of ``open_database`` into the user's language.
The dealer group's server (the first-run dialog's other choice) is
:mod:`desktop.server_setup`; the login dialog is :mod:`desktop.login_dialog`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.connection import Connection, server_label
from db.database import Database
from db.passwords import password_problem as password_policy
from db.program import program_name
from db.services import staff as staff_service
from db.services.base import Actor
from desktop import style
from desktop.server_setup import ServerForm
from desktop.tasks import Runner
from desktop.widgets import error_label, fit_height, show_message
from lending.errors import UserError

MIN_PASSWORD_LENGTH = staff_service.MIN_PASSWORD_LENGTH
PASSWORD_RULE: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # stubs say -> object
    "Passwords", "At least {n} characters, with both letters and digits; not a common password."
)


def password_problem(password: str) -> str | None:
    """The password rule (:mod:`db.passwords`, the same for the command line) as a code.

    ``"short"``, ``"blank"``, ``"letters_digits"``, ``"common"``, or None when
    the password is good enough.
    """
    reason = password_policy(password)
    return None if reason is None else reason.code.removeprefix("password.")


def password_error_text(password: str) -> str | None:
    """Why the password is refused, in the user's language (None: it is good)."""
    reason = password_policy(password)
    if reason is None:
        return None
    return reason.render(lambda t: QCoreApplication.translate("Reason", t))


def password_rule_text() -> str:
    """The hint shown under a new-password field."""
    return QCoreApplication.translate("Passwords", PASSWORD_RULE).format(n=MIN_PASSWORD_LENGTH)


class SetupDialog(QDialog):
    """First run: this counter's own database (store + owner) or the dealer group's server.

    ``database`` is this counter's own database, or None when it does not
    exist yet: then ``open_local`` creates it (on the worker) only when the
    "own database" choice is submitted, so a counter that joins a server
    never makes a key of its own.  After "connect", :attr:`database` is the
    server's database and :attr:`server_url` its URL (with the password, for
    this run only); :attr:`actor` stays None when the server already has an
    owner (the caller goes on to the login).  A new, empty server database
    is set up here like an own database: the group's first store and owner.
    """

    created = Signal(object)  # Actor

    def __init__(
        self,
        database: Database | None,
        runner: Runner,
        parent: QWidget | None = None,
        *,
        open_local: Callable[[], Database] | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.runner = runner
        self.open_local = open_local
        self.actor: Actor | None = None
        self.server_url: str = ""
        self.setWindowTitle(self.tr("Set up LoanDesk"))
        self.setMinimumWidth(500)

        self.own_choice = QRadioButton(self.tr("Set up this counter's own database"))
        self.server_choice = QRadioButton(self.tr("Connect to the dealer group's server"))
        self.own_choice.setChecked(True)
        choices = QButtonGroup(self)
        choices.addButton(self.own_choice)
        choices.addButton(self.server_choice)
        self.own_choice.toggled.connect(self._mode_changed)

        own = QWidget()
        self.intro = QLabel(
            self.tr(
                "Welcome. Before the first consultation, enter your store's name and "
                "create the owner account. The owner can add staff accounts later."
            )
        )
        self.intro.setWordWrap(True)

        self.store_name = QLineEdit()
        self.store_name.setPlaceholderText(self.tr("e.g. Hengtong Used Cars, Chaoyang store"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("Shown in the status bar and on reports"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        rule = QLabel(password_rule_text())
        rule.setObjectName("hint")
        rule.setStyleSheet(style.HINT_TEXT)

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
        own_layout = QVBoxLayout(own)
        own_layout.setContentsMargins(0, 0, 0, 0)
        own_layout.addWidget(self.intro)
        own_layout.addSpacing(8)
        own_layout.addLayout(form)
        own_layout.addWidget(self.errors["form"])

        self.server = ServerForm(runner)
        self.server.connected.connect(self._connected)
        self.server.busy.connect(self._busy)
        self.pages = QStackedWidget()
        self.pages.addWidget(own)
        self.pages.addWidget(self.server)
        self._fit_page()

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
        layout.addWidget(self.own_choice)
        layout.addWidget(self.server_choice)
        layout.addSpacing(6)
        layout.addWidget(self.pages)
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

    # -- which choice --------------------------------------------------------------
    def _mode_changed(self) -> None:
        server = self.server_choice.isChecked()
        self.pages.setCurrentIndex(1 if server else 0)
        self._fit_page()
        self.ok_button.setText(self.tr("Connect") if server else self.tr("Create store and owner"))
        (self.server.host if server else self.store_name).setFocus()

    def _fit_page(self) -> None:
        """Size the dialog to the page shown (a stacked widget takes its tallest page)."""
        policy = QSizePolicy.Policy
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            shown = index == self.pages.currentIndex()
            if page is not None:
                page.setSizePolicy(policy.Preferred, policy.Preferred if shown else policy.Ignored)
        self.pages.adjustSize()
        if self.isVisible():
            self.adjustSize()

    def choose_server(self) -> None:
        self.server_choice.setChecked(True)

    def _connected(self, connection: Connection) -> None:
        """The server answered: log in there, or set up its (new, empty) database."""
        self.server_url = url = connection.url
        self.database = connection.database
        if not connection.needs_setup:
            self.accept()
            return
        self.own_choice.setChecked(True)
        self.own_choice.hide()
        self.server_choice.hide()
        self._fit_page()
        self.intro.setText(
            self.tr(
                "Connected to {server}. Its database is new: enter the name of the dealer "
                "group's first store and create the owner account. The owner can add "
                "stores and staff accounts later."
            ).format(server=server_label(url))
        )
        fit_height(self)

    def submit(self) -> None:
        if self.server_choice.isChecked():
            self.server.connect_server()
            return
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
            lambda: self._create_owner(store, user, pw, display),
            self._done,
            self._failed,
        )

    def _create_owner(self, store: str, user: str, pw: str, display: str | None) -> Actor:
        """On the worker: open this counter's own database if needed, then create the owner."""
        if self.database is None:
            if self.open_local is None:
                raise UserError("No database to set up.")
            self.database = self.open_local()
        return staff_service.create_owner(self.database, store, user, pw, display_name=display)

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self.store_name.text().strip():
            errors["store_name"] = self.tr("Enter the store's name.")
        user = self.username.text().strip()
        if not user:
            errors["username"] = self.tr("Enter a user name.")
        elif len(user) > 64 or any(ch.isspace() for ch in user):
            errors["username"] = self.tr("A user name has at most 64 characters and no spaces.")
        problem = password_error_text(self.password.text())
        if problem is not None:
            errors["password"] = problem
        if not errors.get("password") and self.confirm.text() != self.password.text():
            errors["confirm"] = self.tr("The two passwords are not the same.")
        return errors

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
        show_message(self.errors["form"], startup_error_text(exc))


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

    if code == "wrong_key":
        return QCoreApplication.translate(
            "StartupError",
            "This database was encrypted with a different key than this computer's key "
            "file {path}, so customer data cannot be read. Import the key file from the "
            "first counter: {program} key import --from FILE --replace --user NAME",
        ).format(path=path, program=program_name())
    if code == "key_file_missing":
        return QCoreApplication.translate(
            "StartupError",
            "The encryption key file {path} is missing, so customer data cannot be read. "
            "Import the key file from the first counter ({program} key import --from "
            "FILE --user NAME) or restore it from your backup.",
        ).format(path=path, program=program_name())
    if code == "key_file_invalid":
        return QCoreApplication.translate(
            "StartupError",
            "The encryption key file {path} is damaged. Import the key file from the first "
            "counter ({program} key import --from FILE --replace --user NAME) or restore "
            "it from your backup.",
        ).format(path=path, program=program_name())
    return exc.message


def show_startup_error(exc: UserError, parent: QWidget | None = None) -> None:
    """The message box LoanDesk shows instead of starting (wrong key, damaged file ...)."""
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("Application", "LoanDesk cannot start"),
        startup_error_text(exc),
    )

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
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.database import Database
from db.passwords import password_problem as password_policy
from db.services import staff as staff_service
from db.services.base import Actor
from desktop import style
from desktop.tasks import Runner
from desktop.widgets import error_label, fit_height, show_message
from lending.errors import UserError

MIN_PASSWORD_LENGTH = staff_service.MIN_PASSWORD_LENGTH
PASSWORD_RULE = QT_TRANSLATE_NOOP(
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
# the dealer group's server: address form, key import, start-up connection
# ---------------------------------------------------------------------------

SERVER_DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
KEY_PROBLEMS = ("wrong_key", "key_file_missing", "key_file_invalid")


def build_server_url(
    host: str, port: int, database: str, user: str = "", password: str = ""
) -> str:
    """The SQLAlchemy URL for the fields of the form (user and password quoted)."""
    from sqlalchemy.engine import URL

    return URL.create(
        SERVER_DRIVER,
        username=user or None,
        password=password or None,
        host=host,
        port=port,
        database=database,
    ).render_as_string(hide_password=False)


def url_password(url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).password or ""
    except ArgumentError:
        return ""


def with_password(url: str, password: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url)._replace(password=password or None).render_as_string(hide_password=False)


def server_label(url: str) -> str:
    """``host:port/database`` (or the file) - never the password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        u = make_url(url)
    except ArgumentError:
        return QCoreApplication.translate("ServerForm", "the database server")
    if u.get_backend_name() == "sqlite":
        return u.database or ""
    where = u.host or "localhost"
    if u.port:
        where += f":{u.port}"
    return f"{where}/{u.database or ''}"


def is_server_url(url: str | None) -> bool:
    if not url:
        return False
    from db.engine import is_sqlite_url

    try:
        return not is_sqlite_url(url)
    except Exception:
        return True


@dataclass(frozen=True)
class Connection:
    """What :class:`ServerForm` hands over: the open database and how it was reached."""

    database: Database
    url: str  # with the password, for this run only
    needs_setup: bool  # a new, empty database: no owner yet


class ServerProblem(UserError):
    """Connecting to the server failed: ``code`` says why (see :meth:`ServerForm.explain`)."""

    def __init__(self, message: str, *, code: str, detail: str = "") -> None:
        super().__init__(message, code=code)
        self.detail = detail


_UNREACHABLE = (
    "connection refused",
    "could not translate host name",
    "name or service not known",
    "timeout expired",
    "timed out",
    "no route to host",
    "network is unreachable",
    "could not connect",
    "connection to server",
)


def _classify(detail: str) -> str | None:
    """A driver's connection error as one of the form's codes (None: say it as it is)."""
    text = detail.lower()
    if "no password supplied" in text:
        return "server_password_needed"
    if "password authentication failed" in text or ("role" in text and "does not exist" in text):
        return "server_password"
    if "no pg_hba.conf entry" in text:
        return "server_not_allowed"
    if "database" in text and "does not exist" in text:
        return "server_no_database"
    if any(marker in text for marker in _UNREACHABLE):
        return "server_unreachable"
    return None


def connect_server(url: str) -> tuple[Database, bool]:
    """On the worker: open the server's database; (database, needs its first owner).

    Looks before it writes: a database that holds tables but no LoanDesk
    schema is refused (``not_loandesk``) and left untouched.  An empty one is
    given the schema (the group's first counter).  Key problems come back as
    :class:`db.crypto.KeyFileError` (codes in :data:`KEY_PROBLEMS`).
    """
    from sqlalchemy import inspect
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    from db import open_database
    from db.engine import make_engine, sqlite_path

    path = sqlite_path(url) if not is_server_url(url) else None
    if path is not None and not path.exists():
        raise ServerProblem(f"There is no database at {path}.", code="server_no_database")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    except DBAPIError as exc:
        detail = " ".join(str(exc.orig).split())
        code = _classify(detail) or "server_unusable"
        raise ServerProblem(detail, code=code, detail=detail) from None
    except SQLAlchemyError as exc:
        detail = " ".join(str(exc).split())
        raise ServerProblem(detail, code="server_unusable", detail=detail) from None
    finally:
        engine.dispose()
    if tables and "alembic_version" not in tables:
        raise ServerProblem("Not a LoanDesk database.", code="not_loandesk")
    database = open_database(url)
    try:
        return database, staff_service.needs_setup(database)
    except BaseException:
        database.close()
        raise


def install_key(export_file: str, passphrase: str, url: str) -> str:
    """On the worker: check the exported key against the server, then install it.

    Nothing is written unless the passphrase opens the file and the key opens
    the database.  A different key already on this counter is kept beside
    the new one (``loandesk.key.replaced-YYYYmmdd-HHMMSS``).  Returns the
    key's fingerprint.
    """
    import time
    from pathlib import Path

    from db import open_database
    from db.crypto import (
        MAX_KEY_EXPORT_BYTES,
        import_key,
        key_fingerprint,
        read_key_file,
        write_key_file,
    )
    from db.files import InputFileError, read_small_file
    from db.paths import key_file_path

    source = Path(export_file)
    try:
        data = read_small_file(source, limit=MAX_KEY_EXPORT_BYTES)
    except InputFileError as exc:
        if exc.code == "input_too_big":
            raise UserError("Not a key export file.", code="key_export_invalid") from None
        raise UserError(f"{source} cannot be read.", code="key_export_unreadable") from None
    key = import_key(data, passphrase, source=source)
    try:
        open_database(url, key=key).close()
    except UserError as exc:
        if exc.code == "wrong_key":
            raise UserError("The key does not fit.", code="key_not_this_database") from None
        raise
    target = key_file_path()
    if target.exists():
        try:
            current: bytes | None = read_key_file(target)
        except UserError:
            current = None
        if current == key:
            return key_fingerprint(key)
        kept = target.with_name(f"{target.name}.replaced-{time.strftime('%Y%m%d-%H%M%S')}")
        target.replace(kept)
    write_key_file(target, key)
    return key_fingerprint(key)


class ServerForm(QWidget):
    """Where the dealer group's server is: address, port, database, user, password.

    A connection URL can be pasted instead of the fields (IT people who have
    one).  :meth:`connect_server` tries it on the worker and emits
    :attr:`connected` with the open database, or shows why not inline; when
    this counter lacks the group's key it offers "Import the key file…".
    """

    connected = Signal(object)  # Connection: the open database, its URL, needs its first owner
    busy = Signal(bool)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        intro = QLabel(
            self.tr(
                "Several counters share one PostgreSQL server. Enter what your IT person "
                "gave you. The password is not saved on this computer; LoanDesk asks for "
                "it again when it needs it."
            )
        )
        intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. 192.168.1.20 or db.hengtong.local"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database_name = QLineEdit("loandesk")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql+psycopg://user@server:5432/loandesk")
        self.url.setToolTip(self.tr("Optional. When filled in, the fields above are not used."))
        self.url.textChanged.connect(self._url_typed)
        self.message = error_label()
        self.import_button = QPushButton(self.tr("Import the key file…"))
        self.import_button.setVisible(False)
        self.import_button.clicked.connect(self.import_key)
        self._pending_url = ""

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Server address"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database_name)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Or a connection URL"), self.url)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)

    # -- the address ----------------------------------------------------------------
    def _url_typed(self, text: str) -> None:
        """A connection URL replaces the address fields (the password still counts)."""
        for field in (self.host, self.port, self.database_name, self.user):
            field.setEnabled(not text.strip())

    def set_url(self, url: str) -> None:
        """Fill the fields from a (remembered) URL; other kinds go to the URL line."""
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            u = make_url(url)
        except ArgumentError:
            self.url.setText(url)
            return
        if u.get_backend_name() != "postgresql" or u.query:
            self.url.setText(u.render_as_string(hide_password=True).replace(":***", ""))
            return
        self.url.clear()
        self.host.setText(u.host or "")
        self.port.setValue(u.port or DEFAULT_PORT)
        self.database_name.setText(u.database or "")
        self.user.setText(u.username or "")
        self.password.setText(u.password or "")

    def chosen_url(self) -> str | None:
        """The URL to try, or None (with the reason shown) when something is missing."""
        text = self.url.text().strip()
        if text:
            if "://" not in text:
                self.show_problem(
                    self.tr("A connection URL looks like {example}.").format(
                        example="postgresql+psycopg://user@server:5432/loandesk"
                    )
                )
                return None
            if self.password.text() and not url_password(text):
                text = with_password(text, self.password.text())
            return text
        if not self.host.text().strip():
            self.show_problem(self.tr("Enter the server's address."))
            self.host.setFocus()
            return None
        if not self.database_name.text().strip():
            self.show_problem(self.tr("Enter the name of the database on the server."))
            self.database_name.setFocus()
            return None
        return build_server_url(
            self.host.text().strip(),
            self.port.value(),
            self.database_name.text().strip(),
            self.user.text().strip(),
            self.password.text(),
        )

    # -- connecting ------------------------------------------------------------------
    def connect_server(self) -> None:
        url = self.chosen_url()
        if url is None:
            return
        self._pending_url = url
        self.show_problem(None)
        self.busy.emit(True)
        self.runner.run(lambda: connect_server(url), self._connected, self._failed)

    def _connected(self, result: tuple[Database, bool]) -> None:
        self.busy.emit(False)
        database, needs_setup = result
        self.connected.emit(Connection(database, self._pending_url, needs_setup))

    def _failed(self, exc: BaseException) -> None:
        self.busy.emit(False)
        if not isinstance(exc, UserError):
            raise exc
        self.show_problem(self.explain(exc), key_problem=exc.code in KEY_PROBLEMS)
        if exc.code in ("server_password", "server_password_needed"):
            self.password.selectAll()
            self.password.setFocus()

    def show_problem(self, text: str | None, *, key_problem: bool = False) -> None:
        self.import_button.setVisible(key_problem)
        show_message(self.message, text)
        if key_problem:
            self.import_button.setFocus()

    def explain(self, exc: UserError) -> str:
        """Why the connection failed, in the interface language."""
        code = exc.code or ""
        detail = getattr(exc, "detail", "") or exc.message.split(": ", 1)[-1]
        if code == "database_server_unusable":  # open_database's refusal, at start-up
            code = _classify(detail) or "server_unusable"
        where = server_label(self._pending_url)
        if code == "server_unreachable":
            return self.tr(
                "The server {server} does not answer. Check the address and port, that the "
                "server is running and that this computer is on the dealership's network."
            ).format(server=where)
        if code == "server_password":
            return self.tr(
                "The server refused the user name or password. Check them with your IT person."
            )
        if code == "server_password_needed":
            return self.tr(
                "The server asks for the password. It is not saved on this computer: enter "
                "it and connect."
            )
        if code == "server_not_allowed":
            return self.tr(
                "The server does not let this computer or this user in. Ask your IT person "
                "to allow it (pg_hba.conf on the server)."
            )
        if code == "server_no_database":
            return self.tr("There is no database {server}. Check the database name.").format(
                server=where
            )
        if code == "not_loandesk":
            return self.tr(
                "The database {server} holds other data, not LoanDesk's. Nothing was changed; "
                "check the database name."
            ).format(server=where)
        if code in ("wrong_key", "key_file_invalid"):
            return self.tr(
                "The server's customer data was encrypted with the dealer group's key, and "
                "this counter has a different key. Import the key file the owner exported "
                "(python main.py key export on the first counter)."
            )
        if code == "key_file_missing":
            return self.tr(
                "This counter does not have the dealer group's encryption key yet. Import "
                "the key file the owner exported (python main.py key export on the first "
                "counter)."
            )
        if code == "database_url_unusable":
            return self.tr("This is not a database address LoanDesk can use.")
        if code == "schema_too_new":
            return self.tr(
                "The server's database was written by a newer LoanDesk. Install the newer "
                "LoanDesk on this counter."
            )
        if code == "server_unusable":
            return self.tr("The server cannot be used: {detail}").format(detail=detail)
        return exc.message

    # -- the key -------------------------------------------------------------------
    def import_key(self) -> None:
        dialog = KeyImportDialog(self._pending_url, self.runner, self)
        self.key_dialog: KeyImportDialog | None = dialog
        try:
            if dialog.exec():
                self.show_problem(None)
                self.connect_server()
        finally:
            self.key_dialog = None


class KeyImportDialog(QDialog):
    """Pick the key export file, type its passphrase; installed only when it fits the server."""

    def __init__(self, url: str, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.runner = runner
        self.fingerprint = ""
        self.setWindowTitle(self.tr("Import the key file"))
        self.setMinimumWidth(460)
        intro = QLabel(
            self.tr(
                "The owner makes the key file on the first counter with "
                "python main.py key export and tells you its passphrase separately."
            )
        )
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("The .key file from the first counter"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_file)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = error_label()
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Key file"), row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import and connect"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import the key file"), "", self.tr("All files (*)")
        )
        if path:
            self.path.setText(path)
            self.passphrase.setFocus()

    def submit(self) -> None:
        path, phrase = self.path.text().strip(), self.passphrase.text()
        if not path:
            show_message(self.message, self.tr("Choose the key file."))
            return
        if not phrase:
            show_message(self.message, self.tr("Enter the key file's passphrase."))
            self.passphrase.setFocus()
            return
        show_message(self.message, None)
        self.ok_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.runner.run(lambda: install_key(path, phrase, self.url), self._done, self._failed)

    def _done(self, fingerprint: str) -> None:
        self.ok_button.setEnabled(True)
        self.unsetCursor()
        self.fingerprint = fingerprint
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.unsetCursor()
        if isinstance(exc, OSError):
            show_message(
                self.message,
                self.tr("The key could not be saved on this computer: {why}").format(
                    why=exc.strerror or exc.__class__.__name__
                ),
            )
            return
        if not isinstance(exc, UserError):
            raise exc
        code = exc.code or ""
        if code == "key_passphrase_wrong":
            text = self.tr("Wrong passphrase, or the file is damaged. Nothing was changed.")
            self.passphrase.clear()
            self.passphrase.setFocus()
        elif code == "key_not_this_database":
            text = self.tr(
                "This key belongs to another database, not to the server's. Nothing was "
                "changed; ask the owner for the right key file."
            )
        elif code == "key_export_newer":
            text = self.tr("The file was made by a newer LoanDesk; update LoanDesk first.")
        elif code in ("key_export_invalid", "key_export_unreadable"):
            text = self.tr("This is not a LoanDesk key file (or it cannot be read).")
        else:
            text = exc.message
        show_message(self.message, text)


class ConnectDialog(QDialog):
    """At start-up: the remembered server did not answer (or wants its password).

    Shows why, lets the user correct the address or type the password and
    try again, or go back to this counter's own database.  Afterwards
    :attr:`database` / :attr:`url` (password in memory only), or
    :attr:`use_own` is True.
    """

    def __init__(
        self,
        url: str,
        runner: Runner,
        problem: UserError | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.database: Database | None = None
        self.url = ""
        self.use_own = False
        self.setWindowTitle(self.tr("Connect to the dealer group's server"))
        self.setMinimumWidth(500)
        self.server = ServerForm(runner)
        self.server.set_url(url)
        self.server.connected.connect(self._connected)
        self.server.busy.connect(self._busy)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        self.own_button = self.buttons.addButton(
            self.tr("Use this counter's own database"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.quit_button = self.buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.ok_button.clicked.connect(self.server.connect_server)
        self.own_button.clicked.connect(self._use_own)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.server)
        layout.addWidget(self.buttons)
        if problem is not None:
            self.server._pending_url = url
            self.server.show_problem(
                self.server.explain(problem), key_problem=problem.code in KEY_PROBLEMS
            )
        (self.server.password if self.server.user.text() else self.server.host).setFocus()

    def _busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.own_button.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _connected(self, connection: Connection) -> None:
        database, url = connection.database, connection.url
        if connection.needs_setup:  # empty: the first-run dialog sets it up, not this one
            database.close()
            self.server.show_problem(
                self.tr(
                    "The database {server} is empty. Set it up from the first-run dialog of "
                    "a counter that has no database yet, or check the database name."
                ).format(server=server_label(url))
            )
            return
        self.database, self.url = database, url
        self.accept()

    def _use_own(self) -> None:
        self.use_own = True
        self.accept()


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
            "first counter: python main.py key import --from FILE --replace --user NAME",
        ).format(path=path)
    if code == "key_file_missing":
        return QCoreApplication.translate(
            "StartupError",
            "The encryption key file {path} is missing, so customer data cannot be read. "
            "Import the key file from the first counter (python main.py key import --from "
            "FILE --user NAME) or restore it from your backup.",
        ).format(path=path)
    if code == "key_file_invalid":
        return QCoreApplication.translate(
            "StartupError",
            "The encryption key file {path} is damaged. Import the key file from the first "
            "counter (python main.py key import --from FILE --replace --user NAME) or restore "
            "it from your backup.",
        ).format(path=path)
    return exc.message


def show_startup_error(exc: UserError, parent: QWidget | None = None) -> None:
    """The message box LoanDesk shows instead of starting (wrong key, damaged file ...)."""
    QMessageBox.critical(
        parent,
        QCoreApplication.translate("Application", "LoanDesk cannot start"),
        startup_error_text(exc),
    )

"""The dealer group's server on screen: its address form, the key import, start-up retry.

:class:`ServerForm` (inside the first-run dialog and :class:`ConnectDialog`)
collects the server's address, tries it on the worker with
:func:`db.connection.connect_server` and shows why not inline, worded by
:func:`db.connection.problem_reason`; when this counter lacks the group's key
it offers :class:`KeyImportDialog`, which installs the key with
:func:`db.keys.install_server_key` - the same procedure as the command line's
``key import``.  :class:`ConnectDialog` is shown at start-up when the
remembered server does not answer (or wants its password).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.connection import (
    DEFAULT_PORT,
    KEY_PROBLEMS,
    URL_EXAMPLE,
    Connection,
    build_server_url,
    connect_server,
    problem_reason,
    server_label,
    url_password,
    with_password,
)
from db.database import Database
from db.keys import Installed, KeyProblem, install_server_key
from db.keys import problem_reason as key_problem_reason
from db.program import program_name
from desktop.tasks import Runner
from desktop.widgets import error_label, show_message
from lending.errors import UserError


def _reason(text: str) -> str:
    return QCoreApplication.translate("Reason", text)


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
        self.url.setPlaceholderText(URL_EXAMPLE)
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
                    self.tr("A connection URL looks like {example}.").format(example=URL_EXAMPLE)
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

    def _connected(self, connection: Connection) -> None:
        self.busy.emit(False)
        self.connected.emit(connection)

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
        reason = problem_reason(exc, self._pending_url)
        return exc.message if reason is None else reason.render(_reason)

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
                "{program} key export and tells you its passphrase separately."
            ).format(program=program_name())
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
        self.runner.run(
            lambda: install_server_key(path, phrase, self.url), self._done, self._failed
        )

    def _done(self, installed: Installed) -> None:
        self.ok_button.setEnabled(True)
        self.unsetCursor()
        self.fingerprint = installed.fingerprint
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.unsetCursor()
        if isinstance(exc, OSError):  # the key file's folder, say: nothing was installed
            why = exc.strerror or exc.__class__.__name__
            exc = KeyProblem(str(exc), code="key_write_failed", why=why)
        if not isinstance(exc, UserError):
            raise exc
        reason = key_problem_reason(exc)
        show_message(self.message, exc.message if reason is None else reason.render(_reason))
        if exc.code == "key_passphrase_wrong":
            self.passphrase.clear()
            self.passphrase.setFocus()


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

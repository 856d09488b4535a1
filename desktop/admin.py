"""Staff and stores: the owner manages accounts and stores from the GUI.

The services decide who may do what (``db.services.staff`` /
``db.services.stores``, ``Permission.MANAGE_STAFF`` and the group owner);
this dialog only hides what the role cannot do and shows a refusal in plain
words next to the field it is about.  Every service call runs on the worker
through ``ctx.runner``; a form checks its fields first (the same password
rule as the first-run setup) so a bad input never reaches the database.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.models.enums import Role
from db.services import staff as staff_service
from db.services import stores as store_service
from db.services.base import NotFound, PermissionDenied, ValidationError
from db.services.staff import StaffView
from db.services.stores import StoreSummary
from desktop.context import AppContext
from desktop.labels import role_label
from desktop.login import password_error_text, password_rule_text
from desktop.widgets import error_label, fit_height, show_message
from desktop.widgets import readonly_item as _readonly_item
from desktop.widgets import table as _table
from lending.errors import UserError

ROLES: tuple[Role, ...] = (Role.CONSULTANT, Role.FINANCE, Role.MANAGER, Role.OWNER)
MAX_USERNAME = 64


def username_problem(username: str) -> str | None:
    """The service's user-name rule, in the user's language (None when fine)."""
    name = username.strip()
    if not name:
        return QCoreApplication.translate("StaffAdmin", "Enter a user name.")
    if len(name) > MAX_USERNAME or any(ch.isspace() for ch in name):
        return QCoreApplication.translate(
            "StaffAdmin", "A user name has at most 64 characters and no spaces."
        )
    return None


def new_password_errors(password: str, confirm: str) -> dict[str, str]:
    """``{"password": ..., "confirm": ...}`` for a new password and its confirmation."""
    errors: dict[str, str] = {}
    problem = password_error_text(password)
    if problem is not None:
        errors["password"] = problem
    if "password" not in errors and confirm != password:
        errors["confirm"] = QCoreApplication.translate(
            "StaffAdmin", "The two passwords are not the same."
        )
    return errors


def service_text(exc: UserError) -> str:
    """A refusal of the staff / store services in the user's language."""
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate("StaffAdmin", "Your role may not do this. Ask the owner.")
    if isinstance(exc, NotFound):
        if exc.code == "store_not_found":
            return QCoreApplication.translate("StaffAdmin", "This store no longer exists.")
        return QCoreApplication.translate(
            "StaffAdmin", "This account no longer exists. Close this window and open it again."
        )
    known = {
        "This user name is already taken.": QCoreApplication.translate(
            "StaffAdmin", "This user name is already taken."
        ),
        "You cannot demote or disable your own account.": QCoreApplication.translate(
            "StaffAdmin", "You cannot demote or disable your own account."
        ),
        "A store with this name already exists.": QCoreApplication.translate(
            "StaffAdmin", "A store with this name already exists."
        ),
        "Enter the store's name.": QCoreApplication.translate(
            "StaffAdmin", "Enter the store's name."
        ),
        "Enter a user name.": QCoreApplication.translate("StaffAdmin", "Enter a user name."),
    }
    return known.get(exc.message) or QCoreApplication.translate("Reason", exc.message)


def field_errors(exc: ValidationError) -> dict[str, str]:
    """A ValidationError's field -> sentence, translated where the sentence is known."""
    out: dict[str, str] = {}
    for key, text in exc.errors.items():
        out[key] = service_text(UserError(text))
    return out


def _locked(view: StaffView, now: datetime) -> bool:
    return view.locked_until is not None and view.locked_until > now


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _field(widget: QWidget, error: QLabel) -> QWidget:
    """A form field with its red reason right under it."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(error)
    return box


# -- forms --------------------------------------------------------------------------
class AddStaffDialog(QDialog):
    """User name, display name, role, store (group owner), password twice."""

    def __init__(
        self,
        ctx: AppContext,
        store_names: dict[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: StaffView | None = None
        self.setWindowTitle(self.tr("Add staff"))
        self.setMinimumWidth(480)

        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("Used to log in, e.g. lina"))
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("Full name, e.g. Li Na (optional)"))
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_label(role), role.value)
        self.store = QComboBox()
        for store_id, name in store_names.items():
            self.store.addItem(name, store_id)
        self.store.setCurrentIndex(max(self.store.findData(ctx.staff.store_id), 0))
        self.password = _password_edit()
        self.confirm = _password_edit()
        hint = QLabel(password_rule_text())
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")

        self.errors: dict[str, QLabel] = {
            key: error_label()
            for key in ("username", "display_name", "role", "store", "password", "confirm")
        }
        self.form_error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("User name"), _field(self.username, self.errors["username"]))
        form.addRow(self.tr("Display name"), _field(self.display_name, self.errors["display_name"]))
        form.addRow(self.tr("Role"), _field(self.role, self.errors["role"]))
        self.show_store = store_service.is_group_owner(ctx.staff) and self.store.count() > 0
        if self.show_store:
            form.addRow(self.tr("Store"), _field(self.store, self.errors["store"]))
        form.addRow(self.tr("Password"), _field(self.password, self.errors["password"]))
        form.addRow(self.tr("Confirm password"), _field(self.confirm, self.errors["confirm"]))
        form.addRow("", hint)

        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Add staff"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(buttons)

    def validate(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        problem = username_problem(self.username.text())
        if problem:
            errors["username"] = problem
        if len(self.display_name.text().strip()) > staff_service.MAX_DISPLAY_NAME:
            errors["display_name"] = self.tr("A display name has at most {n} characters.").format(
                n=staff_service.MAX_DISPLAY_NAME
            )
        errors.update(new_password_errors(self.password.text(), self.confirm.text()))
        return errors

    def _show(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            show_message(label, errors.get(key))
        show_message(self.form_error, errors.get(""))
        widgets = {
            "username": self.username,
            "display_name": self.display_name,
            "password": self.password,
            "confirm": self.confirm,
        }
        first = next((widgets[k] for k in errors if k in widgets), None)
        if first is not None:
            first.setFocus()

    def submit(self) -> None:
        errors = self.validate()
        self._show(errors)
        if errors:
            return
        db, actor = self.ctx.database, self.ctx.staff
        username = self.username.text().strip()
        display = self.display_name.text().strip() or None
        password = self.password.text()
        role = Role(self.role.currentData())
        store_id = self.store.currentData() if self.show_store else None
        self.ok_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: staff_service.add_staff(
                db, actor, username, password, role, display_name=display, store_id=store_id
            ),
            self._done,
            self._failed,
        )

    def _done(self, view: StaffView) -> None:
        self.ok_button.setEnabled(True)
        self.created = view
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            errors = field_errors(exc)
            unknown = [t for k, t in errors.items() if k not in self.errors]
            shown = {k: t for k, t in errors.items() if k in self.errors}
            if unknown:
                shown[""] = " ".join(unknown)
            self._show(shown)
            return
        if isinstance(exc, NotFound) and exc.code == "store_not_found":
            self._show({"store": service_text(exc)})
            return
        if isinstance(exc, UserError):
            self._show({"": service_text(exc)})
            return
        raise exc


class ResetPasswordDialog(QDialog):
    """A new password for someone else's account (it is unlocked as well)."""

    def __init__(self, ctx: AppContext, view: StaffView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.done_ok = False
        self.setWindowTitle(self.tr("Reset password"))
        self.setMinimumWidth(440)
        intro = QLabel(
            self.tr(
                "Set a new password for {name} ({user}). Tell it to them in person; "
                "the account is unlocked as well."
            ).format(name=view.display_name, user=view.username)
        )
        intro.setWordWrap(True)
        self.password = _password_edit()
        self.confirm = _password_edit()
        self.password_error = error_label()
        self.confirm_error = error_label()
        self.form_error = error_label()
        hint = QLabel(password_rule_text())
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        form = QFormLayout()
        form.addRow(self.tr("New password"), _field(self.password, self.password_error))
        form.addRow(self.tr("Confirm password"), _field(self.confirm, self.confirm_error))
        form.addRow("", hint)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Set password"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        errors = new_password_errors(self.password.text(), self.confirm.text())
        show_message(self.password_error, errors.get("password"))
        show_message(self.confirm_error, errors.get("confirm"))
        show_message(self.form_error, None)
        if errors:
            (self.password if "password" in errors else self.confirm).setFocus()
            return
        db, actor, staff_id = self.ctx.database, self.ctx.staff, self.view.id
        password = self.password.text()
        self.ok_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: staff_service.reset_password(db, actor, staff_id, password),
            self._done,
            self._failed,
        )

    def _done(self, _result: Any) -> None:
        self.ok_button.setEnabled(True)
        self.done_ok = True
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            errors = field_errors(exc)
            show_message(self.password_error, errors.pop("password", None))
            show_message(self.form_error, " ".join(errors.values()) or None)
            return
        if isinstance(exc, UserError):
            show_message(self.form_error, service_text(exc))
            return
        raise exc


class RoleDialog(QDialog):
    """Pick another role for an account."""

    def __init__(self, ctx: AppContext, view: StaffView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.changed: StaffView | None = None
        self.setWindowTitle(self.tr("Change role"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr("Role of {name} ({user}):").format(name=view.display_name, user=view.username)
        )
        intro.setWordWrap(True)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_label(role), role.value)
        self.role.setCurrentIndex(max(self.role.findData(view.role.value), 0))
        note = QLabel(
            self.tr("An owner can manage staff and stores and see every store of the group.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        self.role_error = error_label()
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Change role"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.role)
        layout.addWidget(self.role_error)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def submit(self) -> None:
        role = Role(self.role.currentData())
        if role is self.view.role:
            self.reject()
            return
        db, actor, staff_id = self.ctx.database, self.ctx.staff, self.view.id
        self.ok_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: staff_service.update_staff(db, actor, staff_id, role=role),
            self._done,
            self._failed,
        )

    def _done(self, view: StaffView) -> None:
        self.ok_button.setEnabled(True)
        self.changed = view
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            show_message(self.role_error, " ".join(field_errors(exc).values()))
            return
        if isinstance(exc, UserError):
            show_message(self.role_error, service_text(exc))
            return
        raise exc


class AddStoreDialog(QDialog):
    """The group owner adds a store (it gets the default product catalogue)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created: StoreSummary | None = None
        self.setWindowTitle(self.tr("Add store"))
        self.setMinimumWidth(440)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Hengtong East Branch"))
        self.name_error = error_label()
        note = QLabel(
            self.tr(
                "The new store starts with the default product catalogue. "
                "Add its staff on the Staff tab."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        form = QFormLayout()
        form.addRow(self.tr("Store name"), _field(self.name, self.name_error))
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Add store"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def submit(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            show_message(self.name_error, self.tr("Enter the store's name."))
            self.name.setFocus()
            return
        if len(name) > store_service.MAX_STORE_NAME:
            show_message(
                self.name_error,
                self.tr("A store name has at most {n} characters.").format(
                    n=store_service.MAX_STORE_NAME
                ),
            )
            self.name.setFocus()
            return
        show_message(self.name_error, None)
        db, actor = self.ctx.database, self.ctx.staff
        self.ok_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: store_service.add_store(db, actor, name), self._done, self._failed
        )

    def _done(self, summary: StoreSummary) -> None:
        self.ok_button.setEnabled(True)
        self.created = summary
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            show_message(self.name_error, " ".join(field_errors(exc).values()))
            self.name.setFocus()
            return
        if isinstance(exc, UserError):
            show_message(self.name_error, service_text(exc))
            return
        raise exc


# -- the tabs -----------------------------------------------------------------------
class StaffTab(QWidget):
    """Every account the actor may manage, and what can be done to the selected one."""

    stores_loaded = Signal(object)  # dict[int, str]

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.group_owner = store_service.is_group_owner(ctx.staff)
        self.rows: list[StaffView] = []
        self.store_names: dict[int, str] = {}
        self.dialog: QDialog | None = None  # the open form (tests reach it here)

        headers = [
            self.tr("User name"),
            self.tr("Display name"),
            self.tr("Role"),
            self.tr("Store"),
            self.tr("Status"),
        ]
        self.table = _table(headers, stretch=len(headers) - 1)
        self.table.setColumnHidden(3, not self.group_owner)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.change_role())

        self.add_button = QPushButton(self.tr("Add staff…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.active_button = QPushButton(self.tr("Disable account"))
        self.role_button = QPushButton(self.tr("Change role…"))
        for button in (
            self.add_button,
            self.reset_button,
            self.unlock_button,
            self.active_button,
            self.role_button,
        ):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_staff)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.active_button.clicked.connect(self.toggle_active)
        self.role_button.clicked.connect(self.change_role)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        for button in (self.reset_button, self.unlock_button, self.active_button, self.role_button):
            buttons.addWidget(button)

        self.message = QLabel()
        self.message.setObjectName("adminMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._selection_changed()

    # -- loading ------------------------------------------------------------------
    def refresh(self) -> None:
        db, actor, everyone = self.ctx.database, self.ctx.staff, self.group_owner

        def load() -> tuple[list[StaffView], dict[int, str]]:
            people = staff_service.list_staff(db, actor, all_stores=everyone)
            names = {s.id: s.name for s in store_service.list_stores(db, actor)}
            return people, names

        self.ctx.runner.run(load, self._loaded, self._failed)

    def _loaded(self, result: tuple[list[StaffView], dict[int, str]]) -> None:
        people, names = result
        selected = self.selected()
        keep = selected.id if selected is not None else None
        self.store_names = names
        self.rows = sorted(people, key=lambda v: (names.get(v.store_id, ""), v.username.lower()))
        now = datetime.now(UTC)
        self.table.setRowCount(len(self.rows))
        for row, view in enumerate(self.rows):
            cells = [
                view.username,
                view.display_name,
                role_label(view.role),
                names.get(view.store_id, str(view.store_id)),
                self.status_text(view, now),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, _readonly_item(text, view.id))
        if keep is not None:
            self.select(keep)
        self._selection_changed()
        self.stores_loaded.emit(names)

    def status_text(self, view: StaffView, now: datetime) -> str:
        if not view.active:
            return self.tr("Disabled")
        if _locked(view, now):
            assert view.locked_until is not None
            local = view.locked_until.astimezone()
            return self.tr("Locked until {time}").format(time=f"{local:%Y-%m-%d %H:%M}")
        return self.tr("Active")

    # -- selection ----------------------------------------------------------------
    def selected(self) -> StaffView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        index = rows[0].row()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def select(self, staff_id: int) -> None:
        for row, view in enumerate(self.rows):
            if view.id == staff_id:
                self.table.selectRow(row)
                return

    def _selection_changed(self) -> None:
        view = self.selected()
        own = view is not None and view.id == self.ctx.staff.staff_id
        for button in (self.reset_button, self.unlock_button, self.active_button, self.role_button):
            button.setEnabled(view is not None)
        if view is None:
            self.active_button.setText(self.tr("Disable account"))
            return
        self.unlock_button.setEnabled(_locked(view, datetime.now(UTC)))
        self.active_button.setText(
            self.tr("Disable account") if view.active else self.tr("Enable account")
        )
        # your own account: change your password in the login settings, never demote yourself
        self.active_button.setEnabled(not own)
        self.role_button.setEnabled(not own)
        tip = self.tr("You cannot demote or disable your own account.") if own else ""
        self.active_button.setToolTip(tip)
        self.role_button.setToolTip(tip)

    # -- actions ------------------------------------------------------------------
    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "")
        self.message.setText(text)
        fit_height(self.window())

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.say(" ".join(field_errors(exc).values()), error=True)
            return
        if isinstance(exc, UserError):
            self.say(service_text(exc), error=True)
            return
        raise exc

    def _open(self, dialog: QDialog, on_accepted: Any) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        dialog.open()

    def add_staff(self) -> None:
        names = self.store_names or {self.ctx.staff.store_id: self.ctx.store_name}
        dialog = AddStaffDialog(self.ctx, names, self)
        self._open(dialog, lambda: self._added(dialog))

    def _added(self, dialog: AddStaffDialog) -> None:
        view = dialog.created
        if view is None:
            return
        self.say(
            self.tr("Added {name} ({user}) as {role}. They can log in now.").format(
                name=view.display_name, user=view.username, role=role_label(view.role)
            )
        )
        self.refresh()
        self.select(view.id)

    def reset_password(self) -> None:
        view = self.selected()
        if view is None:
            return
        dialog = ResetPasswordDialog(self.ctx, view, self)
        self._open(dialog, lambda: self._password_set(view))

    def _password_set(self, view: StaffView) -> None:
        self.say(
            self.tr("New password set for {user}; the account is unlocked.").format(
                user=view.username
            )
        )
        self.refresh()

    def change_role(self) -> None:
        view = self.selected()
        if view is None or not self.role_button.isEnabled():
            return
        dialog = RoleDialog(self.ctx, view, self)
        self._open(dialog, lambda: self._role_changed(dialog))

    def _role_changed(self, dialog: RoleDialog) -> None:
        view = dialog.changed
        if view is None:
            return
        self.say(
            self.tr("{user} is now {role}.").format(user=view.username, role=role_label(view.role))
        )
        self.refresh()

    def unlock(self) -> None:
        view = self.selected()
        if view is None:
            return
        db, actor, staff_id = self.ctx.database, self.ctx.staff, view.id
        self.ctx.runner.run(
            lambda: staff_service.update_staff(db, actor, staff_id, unlock=True),
            lambda v: self._updated(self.tr("{user} is unlocked and can log in again."), v),
            self._failed,
        )

    def toggle_active(self) -> None:
        view = self.selected()
        if view is None:
            return
        db, actor, staff_id, active = self.ctx.database, self.ctx.staff, view.id, not view.active
        text = (
            self.tr("{user} can log in again.")
            if active
            else self.tr("{user} is disabled and can no longer log in.")
        )
        self.ctx.runner.run(
            lambda: staff_service.update_staff(db, actor, staff_id, active=active),
            lambda v: self._updated(text, v),
            self._failed,
        )

    def _updated(self, text: str, view: StaffView) -> None:
        self.say(text.format(user=view.username))
        self.refresh()


class StoresTab(QWidget):
    """The group's stores (group owner only) and "Add store…"."""

    stores_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[StoreSummary] = []
        self.dialog: QDialog | None = None
        self.table = _table(
            [self.tr("Store"), self.tr("Active staff"), self.tr("Added on")], stretch=2
        )
        self.add_button = QPushButton(self.tr("Add store…"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_store)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        db, actor = self.ctx.database, self.ctx.staff
        self.ctx.runner.run(
            lambda: store_service.list_stores(db, actor), self._loaded, self._failed
        )

    def _loaded(self, rows: list[StoreSummary]) -> None:
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for row, store in enumerate(self.rows):
            created = store.created_at.astimezone() if store.created_at.tzinfo else store.created_at
            count = _readonly_item(str(store.staff_count), store.id)
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, _readonly_item(store.name, store.id))
            self.table.setItem(row, 1, count)
            self.table.setItem(row, 2, _readonly_item(f"{created:%Y-%m-%d}", store.id))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.setStyleSheet("color: #b3261e;")
            self.message.setText(service_text(exc))
            return
        raise exc

    def add_store(self) -> None:
        dialog = AddStoreDialog(self.ctx, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._added(dialog))
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        dialog.open()

    def _added(self, dialog: AddStoreDialog) -> None:
        store = dialog.created
        if store is None:
            return
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("Added the store {name}. Add its staff on the Staff tab.").format(
                name=store.name
            )
        )
        self.refresh()
        self.stores_changed.emit()


class AdminDialog(QDialog):
    """Staff and stores (owner): accounts on one tab, the group's stores on the other."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Staff and stores"))
        self.setMinimumSize(760, 460)
        self.tabs = QTabWidget()
        self.staff_tab = StaffTab(ctx)
        self.tabs.addTab(self.staff_tab, self.tr("Staff"))
        self.stores_tab: StoresTab | None = None
        if store_service.is_group_owner(ctx.staff):
            self.stores_tab = StoresTab(ctx)
            self.tabs.addTab(self.stores_tab, self.tr("Stores"))
            self.stores_tab.stores_changed.connect(self.staff_tab.refresh)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(860, 520)
        self.refresh()

    def refresh(self) -> None:
        self.staff_tab.refresh()
        if self.stores_tab is not None:
            self.stores_tab.refresh()

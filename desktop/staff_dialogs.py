"""The owner's forms for staff and stores: add an account, reset a password, change a
role, add a store; and the checks and refusal texts they share with the tabs of
"Staff and stores" (:mod:`desktop.admin`).

Each form checks its fields first (the same password rule as the first-run
setup) and runs its service call on the worker; a refusal is shown next to
the field it is about.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.models.enums import Role
from db.services import staff as staff_service
from db.services import stores as store_service
from db.services.base import NotFound, PermissionDenied, ValidationError
from db.services.staff import StaffView
from db.services.stores import StoreSummary
from desktop import style
from desktop.context import AppContext
from desktop.labels import role_label
from desktop.login import password_error_text, password_rule_text
from desktop.widgets import error_label, show_message
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
        hint.setStyleSheet(style.HINT_TEXT)

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
        hint.setStyleSheet(style.HINT_TEXT)
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
        note.setStyleSheet(style.HINT_TEXT)
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
        note.setStyleSheet(style.HINT_TEXT)
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

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

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.services import staff as staff_service
from db.services import stores as store_service
from db.services.base import ValidationError
from db.services.staff import StaffView
from db.services.stores import StoreSummary
from desktop import style
from desktop.context import AppContext
from desktop.labels import role_label
from desktop.staff_dialogs import (
    AddStaffDialog,
    AddStoreDialog,
    ResetPasswordDialog,
    RoleDialog,
    _locked,
    field_errors,
    service_text,
)
from desktop.widgets import fit_height
from desktop.widgets import readonly_item as _readonly_item
from desktop.widgets import table as _table
from lending.errors import UserError


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
        self.message.setStyleSheet(style.message(error, success=False))
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
            self.message.setStyleSheet(style.ERROR_TEXT)
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

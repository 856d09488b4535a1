"""Tools > "Overrides awaiting approval": the store's appraisal overrides for a
logged-in manager to approve or refuse later (on the appraisal page itself a
manager decides with :class:`desktop.pages.decisions.ManagerApprovalDialog`).

Decisions go through ``consultations.decide_override`` (permission, "not
your own", audit); nothing is decided here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services import consultations as cs
from db.services.base import ConcurrentEditError, ValidationError
from desktop.context import AppContext
from desktop.labels import vocabulary
from desktop.pages.decisions import change_text
from desktop.pages.texts import cny, local_when, tr_reason, validation_texts
from desktop.widgets import error_label, show_message
from lending.errors import UserError

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


# ---------------------------------------------------------------------------
# the queue
# ---------------------------------------------------------------------------


class PendingOverridesModel(QAbstractTableModel):
    """One row per override awaiting a manager (``consultations.list_pending_overrides``)."""

    NUMBER, CUSTOMER, VEHICLE, COMPUTED, OVERRIDE, CHANGE, REASON, APPRAISER = range(8)

    def __init__(self, language: str = "en", parent: Any = None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[cs.PendingOverride] = []

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Customer"),
            self.tr("Vehicle"),
            self.tr("Computed value"),
            self.tr("Appraiser's value"),
            self.tr("Change"),
            self.tr("Reason"),
            self.tr("Appraiser"),
        ]

    def set_rows(self, rows: Sequence[cs.PendingOverride]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> cs.PendingOverride | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        p = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            self.COMPUTED,
            self.OVERRIDE,
            self.CHANGE,
        ):
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and col == self.APPRAISER and p.appraised_at:
            return local_when(p.appraised_at, self.language)
        if role != DISPLAY:
            return None
        why = vocabulary("override_reason", p.reason_code)
        return {
            self.NUMBER: str(p.consultation_id),
            self.CUSTOMER: p.customer_name,
            self.VEHICLE: p.vehicle,
            self.COMPUTED: cny(p.computed_value),
            self.OVERRIDE: cny(p.override_value),
            self.CHANGE: change_text(p.override_percent),
            self.REASON: f"{why}: {p.reason}" if why and p.reason else why or p.reason,
            self.APPRAISER: p.appraiser,
        }[col]


class OverrideQueueDialog(QDialog):
    """The store's overrides awaiting approval; the logged-in manager approves or refuses."""

    open_requested = Signal(int)
    """The consultation to open (its appraisal page)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Overrides awaiting approval"))
        self.setMinimumSize(860, 420)
        intro = QLabel(
            self.tr(
                "Appraisers' values more than {limit}% away from the computed value. Until a "
                "manager approves or refuses one, no finance plan can be chosen for that "
                "consultation."
            ).format(limit=f"{ctx.settings.override_approval_percent.normalize():f}")
        )
        intro.setWordWrap(True)
        self.model = PendingOverridesModel(ctx.language, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(
            PendingOverridesModel.REASON, QHeaderView.ResizeMode.Stretch
        )
        self.view.verticalHeader().hide()
        self.empty = QLabel(self.tr("No override is waiting for a manager."))
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("Note (required when refusing)"))
        self.message = error_label()
        self.done_label = QLabel()
        self.approve_button = QPushButton(self.tr("Approve"))
        self.refuse_button = QPushButton(self.tr("Refuse"))
        self.open_button = QPushButton(self.tr("Open the consultation"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.refuse_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.done_label)
        layout.addWidget(close)
        self.approve_button.clicked.connect(lambda: self.decide(approve=True))
        self.refuse_button.clicked.connect(lambda: self.decide(approve=False))
        self.open_button.clicked.connect(self._open)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.refresh()

    def refresh(self) -> None:
        db, actor = self.ctx.database, self.ctx.staff
        self.ctx.runner.run(lambda: cs.list_pending_overrides(db, actor), self._show)

    def _show(self, rows: list[cs.PendingOverride]) -> None:
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        if rows:
            self.view.selectRow(0)
        self._enable()

    def selected(self) -> cs.PendingOverride | None:
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _enable(self) -> None:
        some = self.selected() is not None
        for button in (self.approve_button, self.refuse_button, self.open_button):
            button.setEnabled(some)

    def decide(self, *, approve: bool) -> None:
        p = self.selected()
        if p is None:
            return
        note = self.note.text().strip()
        show_message(self.message, "")
        if not approve and not note:
            show_message(self.message, self.tr("Say why the override is refused."))
            self.note.setFocus()
            return
        db, actor, ctx = self.ctx.database, self.ctx.staff, self.ctx

        def done(view: cs.AppraisalView) -> None:
            ctx.versions.advance(
                "consultation", p.consultation_id, p.consultation_version, view.consultation_version
            )
            text = (
                self.tr("Approved: consultation {number} may go on with {value}.")
                if approve
                else self.tr("Refused: consultation {number} goes on with the computed {value}.")
            )
            self.done_label.setText(text.format(number=p.consultation_id, value=cny(view.value)))
            self.note.clear()
            self.refresh()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                show_message(self.message, "\n".join(validation_texts(exc).values()))
            elif isinstance(exc, ConcurrentEditError):
                show_message(
                    self.message,
                    self.tr(
                        "Someone changed this consultation meanwhile; the list is up to date "
                        "again, please look once more."
                    ),
                )
                self.refresh()
            elif isinstance(exc, UserError):
                show_message(self.message, tr_reason(exc.message))
            else:
                raise exc

        ctx.runner.run(
            lambda: cs.decide_override(
                db,
                actor,
                p.consultation_id,
                approve=approve,
                note=note,
                expected_version=p.consultation_version,
            ),
            done,
            failed,
        )

    def _open(self) -> None:
        p = self.selected()
        if p is not None:
            self.accept()
            self.open_requested.emit(p.consultation_id)

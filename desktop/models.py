"""Qt table models for the home page (tested without a view).

Each model holds a list of the services' frozen dataclasses; ``set_rows``
replaces them (results arrive from the worker).  Personal data stays masked
unless the role may see it **and** the row was revealed through
``customers.get_customer(unmasked=True)`` (which is written to the audit log).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from db.services.base import Actor, Permission
from db.services.consultations import ConsultationSummary
from db.services.customers import CustomerSummary, CustomerView
from db.services.followups import FollowUpView
from desktop import style
from desktop.labels import follow_up_label, stage_label, tier_label

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""``index.data(ROW_ROLE)`` gives the row's dataclass."""

OVERDUE = QColor(style.RED)
UPCOMING = QColor(style.MUTED)


def local_time(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    return moment.astimezone().strftime(fmt) if moment is not None else ""


class _RowsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        return self.extra(row, index.column(), role)

    def display(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def extra(self, row: Any, column: int, role: int) -> Any:
        return None


class CustomerSearchModel(_RowsModel):
    """Search results; masked for everybody, revealable row by row for PII roles."""

    NAME, PHONE, ID_NUMBER, TIER = range(4)

    def __init__(self, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self._revealed: dict[int, CustomerView] = {}

    @property
    def can_reveal(self) -> bool:
        return self.actor.can(Permission.VIEW_PII)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Mobile"), self.tr("ID number"), self.tr("Tier")]

    def set_rows(self, rows: Sequence[Any]) -> None:
        self._revealed.clear()
        super().set_rows(rows)

    def reveal(self, view: CustomerView) -> None:
        """Show one customer's full phone and ID (the view came from an audited call)."""
        if not self.can_reveal or view.masked:
            return
        for i, row in enumerate(self._rows):
            if row.id == view.id:
                self._revealed[view.id] = view
                self.dataChanged.emit(self.index(i, self.PHONE), self.index(i, self.ID_NUMBER))

    def is_revealed(self, customer_id: int) -> bool:
        return customer_id in self._revealed

    def display(self, row: CustomerSummary, column: int) -> str:
        shown = self._revealed.get(row.id) if self.can_reveal else None
        if column == self.NAME:
            return row.name
        if column == self.PHONE:
            if shown is not None:
                return shown.phone
            return row.phone_masked
        if column == self.ID_NUMBER:
            if shown is not None:
                return shown.id_number
            return row.id_number_masked
        if column == self.TIER:
            return tier_label(row.tier)
        return ""


class FollowUpModel(_RowsModel):
    """Overdue, today's and the coming week's follow-ups; overdue red, coming grey."""

    DUE, CUSTOMER, PHONE, KIND = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Due"), self.tr("Customer"), self.tr("Mobile"), self.tr("What to do")]

    def display(self, row: FollowUpView, column: int) -> str:
        if column == self.DUE:
            text = local_time(row.due_at)
            if row.overdue:
                return self.tr("{time} (overdue)").format(time=text)
            if row.upcoming:
                return self.tr("{time} (coming)").format(time=text)
            return text
        if column == self.CUSTOMER:
            return row.customer_name
        if column == self.PHONE:
            return row.phone_masked
        if column == self.KIND:
            return row.note or follow_up_label(row.kind)
        return ""

    def extra(self, row: FollowUpView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.ForegroundRole and row.upcoming:
            return QBrush(UPCOMING)
        return None


class RecentConsultationsModel(_RowsModel):
    NUMBER, CUSTOMER, STAGE, UPDATED = range(4)

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Customer"), self.tr("Stage"), self.tr("Last change")]

    def display(self, row: ConsultationSummary, column: int) -> str:
        if column == self.NUMBER:
            return str(row.id)
        if column == self.CUSTOMER:
            return row.customer_name
        if column == self.STAGE:
            return stage_label(row.status, dict(row.steps))
        if column == self.UPDATED:
            return local_time(row.updated_at)
        return ""

    def extra(self, row: ConsultationSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

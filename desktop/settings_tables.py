"""Editable tables of the Store settings dialog: rows of cells kept as typed.

The vehicle and vessel tax bands and the NEV purchase-tax reliefs are
:class:`TextRowsModel` tables; :meth:`TextRowsModel.values` reads the cells as
the kinds of their :class:`Column` (:func:`lending.settings.parse_kind`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.settings_labels import _t, _text_of
from lending.settings import SettingKind, parse_kind

Index = QModelIndex | QPersistentModelIndex


# --- editable tables ------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Column:
    header: str
    kind: SettingKind
    optional: bool = False
    """An empty cell is allowed (read as None)."""


class TextRowsModel(QAbstractTableModel):
    """Rows of cells kept as the text typed; :meth:`values` reads them as their kinds."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[list[str]] = []
        self.editable = True

    def set_values(self, rows: Sequence[Sequence[Any]]) -> None:
        self.beginResetModel()
        self.rows = [[_text_of(v) for v in row] for row in rows]
        self.endResetModel()

    def values(self) -> list[tuple[Any, ...]]:
        """The rows as typed values; :class:`ReasonsError` names the first bad cell."""
        out = []
        for row in self.rows:
            cells: list[Any] = []
            for column, text in zip(self.columns, row, strict=True):
                if column.optional and not text.strip():
                    cells.append(None)
                    continue
                cells.append(parse_kind(column.kind, text))
            out.append(tuple(cells))
        return out

    def add_row(self) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(["" for _ in self.columns])
        self.endInsertRows()
        return row

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        self.rows[index.row()][index.column()] = str(value)
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags


def vessel_bands_model(parent: QObject | None = None) -> TextRowsModel:
    return TextRowsModel(
        [
            Column(_t("Displacement up to (litres)"), SettingKind.DECIMAL),
            Column(_t("Yearly tax (CNY)"), SettingKind.DECIMAL),
        ],
        parent,
    )


def nev_rules_model(parent: QObject | None = None) -> TextRowsModel:
    return TextRowsModel(
        [
            Column(_t("From"), SettingKind.DATE),
            Column(_t("To"), SettingKind.DATE),
            Column(_t("Tax reduced by (%)"), SettingKind.DECIMAL),
            Column(_t("Cap (CNY)"), SettingKind.DECIMAL, optional=True),
        ],
        parent,
    )


# --- the fields -----------------------------------------------------------------------

"""Qt table models for the step pages (tested without a view).

* :class:`MaintenanceModel` - the vehicle's maintenance mileage history,
  editable, with the odometer flags ``lending.appraisal`` raised per row;
* :class:`ComparisonModel` - every catalogue product side by side (one
  column per product) from ``lending.eligibility`` evaluations;
* :class:`PaymentGridModel` - monthly payment of one product for a down
  payment of 20-50 % and the current one x term 12-60 months;
* :class:`ScheduleModel` - a repayment schedule, one row per period.

Figures are shown exactly as ``lending`` computed them (``format_cny``);
nothing is recomputed here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop import style
from desktop.pages.texts import cny, pct, tr_reason
from lending.eligibility import ProductEvaluation
from lending.reasons import Reason
from lending.schedule import RepaymentMethod, Schedule

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
RED = QColor(style.RED)
GREEN = QColor(style.GREEN)
GREY = QColor(style.GREY)
PALE_RED = QColor(style.PALE_RED)
PALE_GREEN = QColor(style.PALE_GREEN)
SELECTED = QColor(style.SELECTED)


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# ---------------------------------------------------------------------------
# maintenance history
# ---------------------------------------------------------------------------


class MaintenanceModel(QAbstractTableModel):
    """(service date, odometer km) rows typed by the appraiser.

    Column 2 shows the odometer flags lending raised for the row's date
    (:meth:`set_flags`).  :meth:`records` returns the rows that can be read,
    :meth:`problems` the ones that cannot (row number -> sentence).
    """

    DATE, KM, FLAG = range(3)
    edited = Signal()
    """Rows were typed, added, removed or loaded (not emitted for flag updates)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[list[str]] = []
        self._flags: dict[str, list[str]] = {}

    def headers(self) -> list[str]:
        return [
            self.tr("Service date"),
            self.tr("Odometer (km)"),
            self.tr("Check"),
        ]

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        if role == DISPLAY:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (self.DATE, self.KM):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if col == self.FLAG:
            flags = self._flags.get(row[0].strip(), [])
            if role == DISPLAY:
                return self.tr("Possible tampering") if flags else ""
            if role == Qt.ItemDataRole.ToolTipRole and flags:
                return "\n".join(flags)
            if role == Qt.ItemDataRole.ForegroundRole and flags:
                return QBrush(RED)
            return None
        if role in (DISPLAY, EDIT):
            return row[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.KM:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and self._problem(row, col):
            return QBrush(PALE_RED)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._problem(row, col) or None
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if not index.isValid() or role != EDIT or index.column() not in (self.DATE, self.KM):
            return False
        self._rows[index.row()][index.column()] = str(value).strip()
        self.edited.emit()
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.FLAG))
        return True

    # -- editing -------------------------------------------------------------
    def add_row(self, day: str = "", km: str = "") -> int:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append([day, km])
        self.endInsertRows()
        self.edited.emit()
        return n

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.edited.emit()

    def set_records(self, records: Sequence[tuple[date, int]]) -> None:
        self.beginResetModel()
        self._rows = [[d.isoformat(), str(km)] for d, km in sorted(records)]
        self.endResetModel()
        self.edited.emit()

    def set_flags(self, reasons: Sequence[Reason]) -> None:
        """Attach lending's odometer reasons to the rows they name (by date)."""
        flags: dict[str, list[str]] = {}
        for r in reasons:
            params = dict(r.params)
            for key in ("date", "record_date"):
                if key in params:
                    flags.setdefault(params[key], []).append(tr_reason(r))
        self._flags = flags
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.FLAG), self.index(len(self._rows) - 1, self.FLAG)
            )

    def flagged_rows(self) -> list[int]:
        return [i for i, row in enumerate(self._rows) if self._flags.get(row[0].strip())]

    # -- reading ---------------------------------------------------------------
    def _parse(self, row: list[str]) -> tuple[date | None, int | None]:
        try:
            day = date.fromisoformat(row[0].replace("/", "-").strip())
        except ValueError:
            day = None
        try:
            km = int(row[1].replace(",", "").strip())
        except ValueError:
            km = None
        return day, (km if km is not None and km >= 0 else None)

    def _problem(self, row: list[str], col: int) -> str:
        if not row[0].strip() and not row[1].strip():
            return ""
        day, km = self._parse(row)
        if col == self.DATE and day is None:
            return self.tr(
                "This is not a date: type it like 2023-03-01 or pick it from the calendar."
            )
        if col == self.KM and km is None:
            return self.tr("Enter the odometer reading in whole km.")
        return ""

    def records(self) -> list[tuple[date, int]]:
        out = []
        for row in self._rows:
            day, km = self._parse(row)
            if day is not None and km is not None:
                out.append((day, km))
        return out

    def problems(self) -> dict[int, str]:
        out: dict[int, str] = {}
        for i, row in enumerate(self._rows):
            text = self._problem(row, self.DATE) or self._problem(row, self.KM)
            if text:
                out[i + 1] = text
        return out


# ---------------------------------------------------------------------------
# product comparison
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    key: str
    label: str


class ComparisonModel(QAbstractTableModel):
    """Products side by side: one column per product, one row per figure."""

    ROW_KEYS = (
        "status",
        "why",
        "max_loan",
        "min_down",
        "loan",
        "monthly",
        "apr",
        "interest",
        "fees",
        "total",
        "car_cost",
        "approval",
        "likelihood",
    )

    def __init__(self, parent: Any = None, chinese: bool = False) -> None:
        super().__init__(parent)
        self._evals: list[ProductEvaluation] = []
        self._selected: str | None = None
        self._costs: dict[str, Decimal] = {}
        self.chinese = chinese

    def row_labels(self) -> list[str]:
        return [
            self.tr("Can be offered"),
            self.tr("Why not / notes"),
            self.tr("Maximum loan"),
            self.tr("Minimum down payment"),
            self.tr("Loan amount"),
            self.tr("Monthly payment"),
            self.tr("APR (true, IRR)"),
            self.tr("Total interest"),
            self.tr("Total fees"),
            self.tr("Total repayment"),
            self.tr("Total cost of the car"),
            self.tr("Approval time"),
            self.tr("Approval likelihood"),
        ]

    def set_evaluations(
        self, evals: Sequence[ProductEvaluation], costs: dict[str, Decimal] | None = None
    ) -> None:
        """``costs``: product code -> the total cost of the car with it (the deal's
        down payment, cash lines, the loan's repayment, required insurance)."""
        self._costs = dict(costs or {})
        if [e.code for e in evals] == [e.code for e in self._evals]:
            self._evals = list(evals)
            if self._evals:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self.ROW_KEYS) - 1, len(self._evals) - 1)
                )
            return
        self.beginResetModel()
        self._evals = list(evals)
        self.endResetModel()

    def evaluations(self) -> list[ProductEvaluation]:
        return list(self._evals)

    def evaluation(self, code: str) -> ProductEvaluation | None:
        return next((e for e in self._evals if e.code == code), None)

    def set_selected(self, code: str | None) -> None:
        self._selected = code
        if self._evals:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._evals) - 1)
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.ROW_KEYS) - 1, len(self._evals) - 1)
            )

    def code_at(self, column: int) -> str | None:
        return self._evals[column].code if 0 <= column < len(self._evals) else None

    def column_of(self, code: str) -> int:
        return next((i for i, e in enumerate(self._evals) if e.code == code), -1)

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.ROW_KEYS)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._evals)

    def product_name(self, e: ProductEvaluation) -> str:
        return e.product.name_zh if self.chinese and e.product.name_zh else e.product.name

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == DISPLAY:
                return self.row_labels()[section]
            return None
        if not 0 <= section < len(self._evals):
            return None
        e = self._evals[section]
        if role == DISPLAY:
            return self.product_name(e)
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(e.product.example_lenders)
        if role == Qt.ItemDataRole.FontRole and e.code == self._selected:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def value(self, row_key: str, e: ProductEvaluation) -> str:
        """The text shown for one figure of one product."""
        s = e.schedule
        if row_key == "status":
            return self.tr("Yes") if e.eligible else self.tr("No")
        if row_key == "why":
            lines = [tr_reason(r) for r in (*e.reasons, *e.warnings)]
            return "\n".join(lines)
        if row_key == "max_loan":
            return cny(e.max_loan)
        if row_key == "min_down":
            return cny(e.min_down_payment)
        if row_key == "loan":
            return cny(e.loan_amount)
        if row_key == "monthly":
            if s is None:
                return "–"
            method = s.terms.method
            if method is RepaymentMethod.STEP_UP:
                return self.tr("{first} (rising to {max})").format(
                    first=cny(s.first_payment), max=cny(s.max_payment)
                )
            if method is RepaymentMethod.EQUAL_PRINCIPAL:
                return self.tr("{first} (then falling)").format(first=cny(s.first_payment))
            return cny(s.first_payment)
        if row_key == "apr":
            return pct(e.apr) if e.apr is not None else "–"
        if row_key == "interest":
            return cny(s.total_interest) if s else "–"
        if row_key == "fees":
            return cny(s.total_fees) if s else "–"
        if row_key == "total":
            return cny(s.total_repayment) if s else "–"
        if row_key == "car_cost":
            cost = self._costs.get(e.code)
            return cny(cost) if s and cost is not None else "–"
        if row_key == "approval":
            lo, hi = e.approval_days
            if hi == 0:
                return self.tr("Same day")
            return self.tr("{lo}-{hi} working days").format(lo=lo, hi=hi)
        if row_key == "likelihood":
            like = e.approval_likelihood
            if like is None:
                return "–"
            return f"{like[0].normalize():f}-{like[1].normalize():f}%"
        return ""

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        e = self._evals[index.column()]
        key = self.ROW_KEYS[index.row()]
        if role == DISPLAY:
            return self.value(key, e)
        if role == Qt.ItemDataRole.ToolTipRole and key == "why":
            return self.value(key, e) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("why", "status"):
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QBrush(GREEN if e.eligible else RED)
        if role == Qt.ItemDataRole.ForegroundRole and key == "why" and e.reasons:
            return QBrush(RED)
        if role == Qt.ItemDataRole.BackgroundRole:
            if e.code == self._selected:
                return QBrush(SELECTED)
            if not e.eligible:
                return QBrush(PALE_RED)
        if role == Qt.ItemDataRole.FontRole and key in ("status", "monthly"):
            font = QFont()
            font.setBold(True)
            return font
        return None


# ---------------------------------------------------------------------------
# payment grid
# ---------------------------------------------------------------------------

GRID_DOWN_PERCENTS: tuple[int, ...] = (20, 30, 40, 50)
GRID_TERMS: tuple[int, ...] = (12, 24, 36, 48, 60)


class PaymentGridModel(QAbstractTableModel):
    """Monthly payment of one product: rows = down payments (shares of the financed
    total, and the current down payment), columns = term."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cells: dict[tuple[Decimal, int], ProductEvaluation] = {}
        self._downs: tuple[Decimal, ...] = ()
        self._base: Decimal | None = None
        self._current: Decimal | None = None
        self._picked: tuple[Decimal, int] | None = None

    def set_cells(
        self,
        cells: dict[tuple[Decimal, int], ProductEvaluation],
        downs: Sequence[Decimal],
        base: Decimal | None = None,
        current: Decimal | None = None,
    ) -> None:
        """``cells[(down payment, term)]`` = that request's evaluation; ``base`` is what
        the shares are of (the price and financed lines), ``current`` the down payment
        set on the page (its row is marked)."""
        self.beginResetModel()
        self._cells = dict(cells)
        self._downs = tuple(downs)
        self._base = base
        self._current = current
        self.endResetModel()

    def set_picked(self, down: Decimal | None, term: int | None) -> None:
        self._picked = (down, term) if down is not None and term is not None else None
        if self._cells:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._downs) - 1, len(GRID_TERMS) - 1)
            )

    @property
    def downs(self) -> tuple[Decimal, ...]:
        return self._downs

    def row_of(self, down: Decimal) -> int:
        return self._downs.index(down) if down in self._downs else -1

    def cell(self, row: int, column: int) -> ProductEvaluation | None:
        if not 0 <= row < len(self._downs):
            return None
        return self._cells.get((self._downs[row], GRID_TERMS[column]))

    def request_at(self, row: int, column: int) -> tuple[Decimal | None, int]:
        """(down payment, term) of a cell."""
        down = self._downs[row] if 0 <= row < len(self._downs) else None
        return down, GRID_TERMS[column]

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._downs)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(GRID_TERMS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == DISPLAY:
                return self.tr("{n} months").format(n=GRID_TERMS[section])
            return None
        if not 0 <= section < len(self._downs):
            return None
        down = self._downs[section]
        if role == Qt.ItemDataRole.FontRole and down == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role != DISPLAY:
            return None
        share = (down * 100 / self._base).quantize(Decimal(1)) if self._base else None
        if down == self._current:
            return self.tr("Now: {amount} ({p}%)").format(amount=cny(down), p=share)
        return self.tr("{p}% down ({amount})").format(p=share, amount=cny(down))

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        e = self.cell(index.row(), index.column())
        picked = self._picked == self.request_at(index.row(), index.column())
        if role == DISPLAY:
            if e is None or e.schedule is None:
                return "–"
            return cny(e.schedule.first_payment)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and e is not None:
            if e.eligible:
                return self.tr("Can be offered. Click to pick this down payment and term.")
            return "\n".join(tr_reason(r) for r in e.reasons)
        if role == Qt.ItemDataRole.ForegroundRole and e is not None and not e.eligible:
            return QBrush(GREY)
        if role == Qt.ItemDataRole.BackgroundRole:
            if picked:
                return QBrush(SELECTED)
            if e is not None and e.eligible:
                return QBrush(PALE_GREEN)
        if role == Qt.ItemDataRole.FontRole and picked:
            font = QFont()
            font.setBold(True)
            return font
        return None


# ---------------------------------------------------------------------------
# repayment schedule
# ---------------------------------------------------------------------------


class ScheduleModel(QAbstractTableModel):
    COLUMNS = ("period", "due_date", "payment", "principal", "interest", "fee", "balance")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._schedule: Schedule | None = None

    def headers(self) -> list[str]:
        return [
            self.tr("Period"),
            self.tr("Due date"),
            self.tr("Payment"),
            self.tr("Principal"),
            self.tr("Interest"),
            self.tr("Fee"),
            self.tr("Balance after"),
        ]

    def set_schedule(self, schedule: Schedule | None) -> None:
        self.beginResetModel()
        self._schedule = schedule
        self.endResetModel()

    @property
    def schedule(self) -> Schedule | None:
        return self._schedule

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        if parent.isValid() or self._schedule is None:
            return 0
        return len(self._schedule.rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or self._schedule is None:
            return None
        row = self._schedule.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == DISPLAY:
            value = getattr(row, key)
            if key == "period":
                return str(value)
            if key == "due_date":
                return value.isoformat()
            return cny(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("due_date",):
            return ALIGN_RIGHT
        return None

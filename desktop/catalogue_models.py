"""The tables of the Products and lenders editor's forms, as Qt item models.

* :class:`GradesModel` - grades A, B, C: accepted (a check box), the approval
  likelihood from and to; for a consumer credit line (``priced``) also each
  grade's rate and monthly fee.
* :class:`RateSheetModel` - a car loan's rate sheet edited in place: one row per
  accepted grade, one column per term band x down-payment band.
* :class:`CardFeeModel` - a bank card instalment's fee table: one row per term
  with its flat fee, and the true APR that fee comes to
  (:func:`lending.catalogue_rules.card_apr`), edited in place.

Each keeps the text typed, so a cell that cannot be read stays as typed and is
marked (red, the reason in its tooltip); ``read`` gives the values and the first
problem in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush

from desktop.catalogue_fields import BAD, GREY, _band, _num
from desktop.pages.texts import tr_reason
from desktop.settings_tables import Column, TextRowsModel
from lending.catalogue_rules import card_apr, read_number
from lending.products import CardFee, GradeTerms, Product, RateCell
from lending.qualification import Grade
from lending.reasons import ReasonsError
from lending.settings import SettingKind

Index = QModelIndex | QPersistentModelIndex


class GradesModel(QAbstractTableModel):
    """Grades A, B, C: accepted (a check box) and the approval likelihood, from and to;
    ``priced`` (consumer credit): each grade's rate and monthly fee first."""

    accepted_changed = Signal()

    def __init__(self, parent: QObject | None = None, priced: bool = False) -> None:
        super().__init__(parent)
        self.priced = priced
        self.keys = (("rate", "monthly_fee") if priced else ()) + ("likelihood", "likelihood")
        """How each text column is read (:data:`lending.catalogue_rules.BOUNDS`)."""
        self.accepted: dict[Grade, bool] = dict.fromkeys(Grade, False)
        self.cells: dict[Grade, list[str]] = {g: [""] * len(self.keys) for g in Grade}
        self.fees: dict[Grade, Decimal | None] = dict.fromkeys(Grade)
        self.editable = True

    def set_grades(self, grades: Sequence[GradeTerms]) -> None:
        self.beginResetModel()
        self.accepted = dict.fromkeys(Grade, False)
        self.cells = {g: [""] * len(self.keys) for g in Grade}
        self.fees = dict.fromkeys(Grade)
        for g in grades:
            self.accepted[g.grade] = True
            fee = g.monthly_fee_rate_percent
            self.cells[g.grade] = (
                [_num(g.annual_rate), _num(fee) if fee is not None else ""] if self.priced else []
            ) + [_num(g.approval_likelihood_min_percent), _num(g.approval_likelihood_max_percent)]
            self.fees[g.grade] = fee
        self.endResetModel()

    def accepted_grades(self) -> list[Grade]:
        return [g for g in Grade if self.accepted[g]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Grade)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.keys)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.tr("Grade {grade}").format(grade=list(Grade)[section].value)
        priced = [self.tr("Rate (% a year)"), self.tr("Monthly fee (%)")] if self.priced else []
        return [
            self.tr("Accepted"),
            *priced,
            self.tr("Approval likelihood from (%)"),
            self.tr("to (%)"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        grade = list(Grade)[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if self.accepted[grade] else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.cells[grade][index.column() - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not self.accepted[grade]:
            return QBrush(GREY)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.editable:
            return False
        grade = list(Grade)[index.row()]
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            self.accepted[grade] = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, self.index(index.row(), len(self.keys)))
            self.accepted_changed.emit()
            return True
        if index.column() > 0 and role == Qt.ItemDataRole.EditRole:
            self.cells[grade][index.column() - 1] = str(value).strip()
            self.dataChanged.emit(index, index, [role])
            return True
        return False

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.editable:
            return flags
        if index.column() == 0:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def read(
        self, rates: dict[Grade, Decimal] | None = None
    ) -> tuple[tuple[GradeTerms, ...], str | None]:
        """The accepted grades (with ``rates``, unless ``priced``: their own rate and fee),
        and the first problem (in words) or None."""
        out: list[GradeTerms] = []
        problem: str | None = None
        for grade in self.accepted_grades():
            values: list[Decimal] = []
            for key, text in zip(self.keys, self.cells[grade], strict=True):
                try:
                    values.append(Decimal(read_number(key, text)))
                except ReasonsError as exc:
                    problem = problem or self.tr("Grade {grade}: {why}").format(
                        grade=grade.value, why=tr_reason(exc.reason)
                    )
                    values.append(Decimal(0))
            if self.priced:
                rate, fee, lo, hi = values
                out.append(GradeTerms(grade, rate, lo, hi, fee))
            else:
                out.append(
                    GradeTerms(
                        grade,
                        (rates or {}).get(grade, Decimal(0)),
                        values[0],
                        values[1],
                        self.fees[grade],
                    )
                )
        return tuple(out), problem


SheetKey = tuple[Grade, int, Decimal]


class RateSheetModel(QAbstractTableModel):
    """The rate sheet in place: one row per accepted grade, one column per term band x
    down-payment band; cells keep the text typed (a cell that cannot be read is red)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.grades: list[Grade] = []
        self.terms: list[int] = []
        self.downs: list[Decimal] = []
        self.cells: dict[SheetKey, str] = {}
        self.editable = True

    def show_product(self, product: Product, blank: bool = False) -> None:
        """The product's sheet; one without a sheet as one band (each grade's one rate)."""
        cells: dict[SheetKey, str] = {}
        if product.rate_sheet:
            terms, downs = list(product.term_bands), list(product.down_payment_bands)
            for c in product.rate_sheet:
                cells[(c.grade, c.term_max_months, c.down_payment_min_percent)] = _num(
                    c.annual_rate
                )
        else:
            terms, downs = [max(product.terms, default=36)], [Decimal(0)]
            if not blank:
                for g in product.grades:
                    cells[(g.grade, terms[0], Decimal(0))] = _num(g.annual_rate)
        self.beginResetModel()
        self.grades = [g.grade for g in product.grades]
        self.terms, self.downs, self.cells = terms, downs, cells
        self.endResetModel()

    def reshape(
        self,
        grades: Sequence[Grade] | None = None,
        terms: Sequence[int] | None = None,
        downs: Sequence[Decimal] | None = None,
    ) -> None:
        """New rows or columns; the rates already typed stay in their cells."""
        self.beginResetModel()
        if grades is not None:
            self.grades = list(grades)
        if terms is not None:
            old = self.terms
            self.terms = list(terms)
            if len(old) == 1 and len(self.terms) >= 1:  # one band split: copy its rates
                for (g, t, d), text in list(self.cells.items()):
                    if t == old[0]:
                        for new in self.terms:
                            self.cells.setdefault((g, new, d), text)
        if downs is not None:
            old_d = self.downs
            self.downs = list(downs)
            if len(old_d) == 1:
                for (g, t, d), text in list(self.cells.items()):
                    if d == old_d[0]:
                        for new_down in self.downs:
                            self.cells.setdefault((g, t, new_down), text)
        self.endResetModel()

    def band(self, column: int) -> tuple[int, Decimal]:
        """The term band and the down-payment band of a column."""
        return self.terms[column // len(self.downs)], self.downs[column % len(self.downs)]

    def key(self, row: int, column: int) -> SheetKey:
        return (self.grades[row], *self.band(column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grades)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.terms) * len(self.downs)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.tr("Grade {grade}").format(grade=self.grades[section].value)
        term, down = self.band(section)
        return self.tr("up to {months} months\nfrom {percent}% down").format(
            months=term, percent=_band(down)
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text = self.cells.get(self.key(index.row(), index.column()), "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            problem = self.problem(text)
            if problem is None:
                return None
            return QBrush(BAD) if role == Qt.ItemDataRole.BackgroundRole else problem
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self.editable:
            return False
        self.cells[self.key(index.row(), index.column())] = str(value).strip()
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if self.editable else flags

    def problem(self, text: str) -> str | None:
        if not text.strip():
            return self.tr("Enter a rate.")
        try:
            read_number("rate", text)
        except ReasonsError as exc:
            return tr_reason(exc.reason)
        return None

    def read(self) -> tuple[tuple[RateCell, ...], str | None]:
        """Every cell as a rate, and the first problem (where, and why) or None."""
        out: list[RateCell] = []
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                grade, term, down = self.key(row, column)
                text = self.cells.get((grade, term, down), "")
                problem = self.problem(text)
                if problem is not None:
                    return (), self.tr(
                        "Grade {grade}, up to {months} months, from {percent}% down: {why}"
                    ).format(grade=grade.value, months=term, percent=_band(down), why=problem)
                out.append(RateCell(grade, term, down, Decimal(read_number("rate", text))))
        return tuple(out), None


class CardFeeModel(TextRowsModel):
    """A card instalment's fee table in place: term (months), flat fee (% of the amount)
    and the true APR the fee comes to (a third column, read-only, lending's own figure)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [Column("months", SettingKind.INTEGER), Column("fee", SettingKind.DECIMAL)], parent
        )

    def set_fees(self, fees: Sequence[CardFee]) -> None:
        self.beginResetModel()
        self.rows = [[str(f.months), _num(f.fee_percent)] for f in fees]
        self.endResetModel()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return [self.tr("Term (months)"), self.tr("Fee (% of the amount)"), self.tr("True APR")][
            section
        ]

    def _value(self, row: int, column: int) -> tuple[Decimal | None, str | None]:
        """A cell's value, or why it cannot be read."""
        text = self.rows[row][column]
        if not text.strip():
            return None, (self.tr("Enter the term.") if column == 0 else self.tr("Enter the fee."))
        try:
            return Decimal(
                read_number("card.months" if column == 0 else "card.fee_percent", text)
            ), None
        except ReasonsError as exc:
            return None, tr_reason(exc.reason)

    def apr(self, row: int) -> Decimal | None:
        months, _ = self._value(row, 0)
        fee, _ = self._value(row, 1)
        if months is None or fee is None:
            return None
        return card_apr(int(months), fee)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column == 2:
            if role == Qt.ItemDataRole.DisplayRole:
                apr = self.apr(row)
                return "" if apr is None else f"{apr:.2f}%"
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(GREY)
        elif role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[row][column]
        elif role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            _value, problem = self._value(row, column)
            if problem is None:
                return None
            return QBrush(BAD) if role == Qt.ItemDataRole.BackgroundRole else problem
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.EditRole
            or not self.editable
            or index.column() == 2
        ):
            return False
        self.rows[index.row()][index.column()] = str(value).strip()
        self.dataChanged.emit(index, self.index(index.row(), 2))
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() < 2:
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def read(self) -> tuple[tuple[CardFee, ...], str | None]:
        """Every row as a fee, and the first problem (which row, and why) or None."""
        out: list[CardFee] = []
        for row in range(len(self.rows)):
            months, why = self._value(row, 0)
            fee, why_fee = self._value(row, 1)
            if months is None or fee is None:
                return (), self.tr("Row {row}: {why}").format(row=row + 1, why=why or why_fee)
            out.append(CardFee(int(months), fee))
        return tuple(out), None

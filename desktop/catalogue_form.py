"""The product form of the Products and lenders editor (:mod:`desktop.catalogue_editor`).

One car-loan product in tabs (general, repayment, vehicles, fees, rates).  Each
field is read with its bounds (:data:`lending.catalogue_rules.BOUNDS`) and
checked with :func:`lending.catalogue_rules.product_reasons` as soon as it is
left; the reason stands under the field.  The rates tab holds the accepted
grades with their approval likelihood (:class:`GradesModel`) and the rate sheet
editable in place (:class:`RateSheetModel`: one row per grade, one column per
term band x down-payment band); a sheet of one band of each is stored as each
grade's one rate.  :meth:`ProductForm.read` gives the product and every reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.services.catalogue_admin import LenderView, ProductEntry
from desktop import style
from desktop.labels import method_label
from desktop.pages.texts import tr_reason
from desktop.widgets import error_label, show_message
from lending import parse
from lending.catalogue_rules import product_reasons, read_number
from lending.onroad import Energy, VehicleKind
from lending.products import Fees, GradeTerms, Product, RateCell, StepUp, Strictness
from lending.qualification import Grade
from lending.reasons import ReasonsError
from lending.schedule import RepaymentMethod
from lending.settings import LendingSettings

Index = QModelIndex | QPersistentModelIndex
TR_CONTEXT = "CatalogueEditor"
GREY = QColor(style.MUTED)
BAD = QColor(style.PALE_RED)


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def energy_label(energy: Energy) -> str:
    return {
        Energy.PETROL: _t("Petrol"),
        Energy.DIESEL: _t("Diesel"),
        Energy.HYBRID: _t("Hybrid (not plug-in)"),
        Energy.NEV: _t("New-energy (NEV)"),
    }[energy]


def vehicle_kind_label(kind: VehicleKind) -> str:
    return {VehicleKind.NEW: _t("New cars"), VehicleKind.USED: _t("Used cars")}[kind]


def strictness_label(strictness: Strictness) -> str:
    return {
        Strictness.STRICT: _t("Strict (bank)"),
        Strictness.MEDIUM: _t("Medium"),
        Strictness.LENIENT: _t("Lenient"),
    }[strictness]


def _num(value: Decimal | int) -> str:
    """A number as the owner typed it: ``4.80`` stays 4.80, thousands grouped."""
    return format(value, ",f") if isinstance(value, Decimal) else f"{value:,}"


def _band(value: Decimal) -> str:
    return format(value.normalize(), "f")


def blank_product(settings: LendingSettings) -> Product:
    """What a new product starts from (the store's vehicle limits; rates to fill in)."""
    return Product(
        code="", name="", name_zh="", example_lenders=(),
        max_financing_ratio_percent=Decimal(70), apr_min_percent=Decimal("4.00"),
        apr_max_percent=Decimal("12.00"), approval_days_min=1, approval_days_max=3,
        methods=(RepaymentMethod.EQUAL_INSTALLMENT,), term_min_months=12,
        term_max_months=36, terms=(12, 24, 36), strictness=Strictness.MEDIUM,
        max_vehicle_age_years=settings.max_vehicle_age_years,
        max_mileage_km=settings.max_vehicle_mileage_km,
        grades=(GradeTerms(Grade.A, Decimal(0), Decimal(90), Decimal(98)),
                GradeTerms(Grade.B, Decimal(0), Decimal(70), Decimal(80))),
        fees=Fees(), step_up=None, requires_full_insurance=False, online_small_loan=False,
        active=True,
    )



# --- grades and the rate sheet -------------------------------------------------------------


class GradesModel(QAbstractTableModel):
    """Grades A, B, C: accepted (a check box) and the approval likelihood, from and to."""

    accepted_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.accepted: dict[Grade, bool] = dict.fromkeys(Grade, False)
        self.cells: dict[Grade, list[str]] = {g: ["", ""] for g in Grade}
        self.fees: dict[Grade, Decimal | None] = dict.fromkeys(Grade)
        self.editable = True

    def set_grades(self, grades: Sequence[GradeTerms]) -> None:
        self.beginResetModel()
        self.accepted = dict.fromkeys(Grade, False)
        self.cells = {g: ["", ""] for g in Grade}
        self.fees = dict.fromkeys(Grade)
        for g in grades:
            self.accepted[g.grade] = True
            self.cells[g.grade] = [_num(g.approval_likelihood_min_percent),
                                   _num(g.approval_likelihood_max_percent)]
            self.fees[g.grade] = g.monthly_fee_rate_percent
        self.endResetModel()

    def accepted_grades(self) -> list[Grade]:
        return [g for g in Grade if self.accepted[g]]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Grade)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.tr("Grade {grade}").format(grade=list(Grade)[section].value)
        return [self.tr("Accepted"), self.tr("Approval likelihood from (%)"),
                self.tr("to (%)")][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        grade = list(Grade)[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.CheckStateRole:
                return (Qt.CheckState.Checked if self.accepted[grade]
                        else Qt.CheckState.Unchecked)
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
            self.dataChanged.emit(index, self.index(index.row(), 2))
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

    def read(self, rates: dict[Grade, Decimal]) -> tuple[tuple[GradeTerms, ...], str | None]:
        """The accepted grades with ``rates``, and the first problem (in words) or None."""
        out: list[GradeTerms] = []
        problem: str | None = None
        for grade in self.accepted_grades():
            values: list[Decimal] = []
            for text in self.cells[grade]:
                try:
                    values.append(Decimal(read_number("likelihood", text)))
                except ReasonsError as exc:
                    problem = problem or self.tr("Grade {grade}: {why}").format(
                        grade=grade.value, why=tr_reason(exc.reason))
                    values.append(Decimal(0))
            out.append(GradeTerms(grade, rates.get(grade, Decimal(0)), values[0], values[1],
                                  self.fees[grade]))
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
                cells[(c.grade, c.term_max_months, c.down_payment_min_percent)] = \
                    _num(c.annual_rate)
        else:
            terms, downs = [max(product.terms, default=36)], [Decimal(0)]
            if not blank:
                for g in product.grades:
                    cells[(g.grade, terms[0], Decimal(0))] = _num(g.annual_rate)
        self.beginResetModel()
        self.grades = [g.grade for g in product.grades]
        self.terms, self.downs, self.cells = terms, downs, cells
        self.endResetModel()

    def reshape(self, grades: Sequence[Grade] | None = None, terms: Sequence[int] | None = None,
                downs: Sequence[Decimal] | None = None) -> None:
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

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.tr("Grade {grade}").format(grade=self.grades[section].value)
        term, down = self.band(section)
        return self.tr("up to {months} months\nfrom {percent}% down").format(
            months=term, percent=_band(down))

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


# --- the product form ----------------------------------------------------------------------


class ProductForm(QWidget):
    """One car-loan product in tabs; :meth:`read` gives the product and every reason."""

    changed = Signal()

    def __init__(self, settings: LendingSettings, chinese: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.chinese = chinese
        self.base: Product = blank_product(settings)
        self.entry: ProductEntry | None = None
        self.lenders: tuple[LenderView, ...] = ()
        self.editable = True
        self.lines: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.tab_of: dict[str, int] = {}
        self.focus_of: dict[str, QWidget] = {}

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._general(), self.tr("General"))
        self.tabs.addTab(self._repayment(), self.tr("Repayment"))
        self.tabs.addTab(self._vehicles(), self.tr("Vehicles"))
        self.tabs.addTab(self._fees(), self.tr("Fees"))
        self.tabs.addTab(self._rates(), self.tr("Rates"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        for key, line in self.lines.items():
            line.editingFinished.connect(lambda k=key: self.check(k))
            line.textEdited.connect(lambda _t: self.changed.emit())

    # -- building ---------------------------------------------------------------
    def _page(self, stretch: bool = True) -> tuple[QWidget, QFormLayout]:
        """A tab's form; its rows at the top (``stretch``) or the last one growing."""
        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form, 0 if stretch else 1)
        if stretch:
            outer.addStretch(1)
        return page, form

    def _error(self, key: str, tab: int, focus: QWidget) -> QLabel:
        label = error_label()
        label.setObjectName(f"error:{key}")
        self.errors[key] = label
        self.tab_of[key] = tab
        self.focus_of[key] = focus
        return label

    def _field(self, key: str, tab: int, unit: str = "", placeholder: str = "",
               wide: bool = False) -> QWidget:
        """A line edit with its unit beside it and its reason under it (a number's edit
        is narrow, a name's or list's takes the width)."""
        line = QLineEdit()
        line.setObjectName(key)
        if placeholder:
            line.setPlaceholderText(placeholder)
        if not wide:
            line.setMaximumWidth(line.fontMetrics().horizontalAdvance("0") * 14)
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.lines[key] = line
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(line, 1 if wide else 0)
        if unit:
            row.addWidget(QLabel(unit))
        if not wide:
            row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self._error(key, tab, line))
        return box

    def _pair(self, lo_key: str, hi_key: str, tab: int, unit: str) -> QWidget:
        """A range: "from [ ] to [ ] unit", each end with its own reason."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._field(lo_key, tab), 0, Qt.AlignmentFlag.AlignTop)
        to = QLabel(self.tr("to"))
        to.setFixedHeight(self.lines[lo_key].sizeHint().height())
        row.addWidget(to, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._field(hi_key, tab, unit), 1, Qt.AlignmentFlag.AlignTop)
        return box

    def _checks(self, key: str, tab: int, items: Iterable[tuple[Any, str]],
                columns: int = 2) -> tuple[QWidget, dict[Any, QCheckBox]]:
        boxes: dict[Any, QCheckBox] = {}
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        grid = QGridLayout()
        for i, (code, text) in enumerate(items):
            box = QCheckBox(text)
            box.setObjectName(f"{key}:{code}")
            box.toggled.connect(lambda _on, k=key: self.check(k))
            box.toggled.connect(lambda _on: self.changed.emit())
            boxes[code] = box
            grid.addWidget(box, i // columns, i % columns)
        grid.setColumnStretch(columns, 1)
        column.addLayout(grid)
        column.addWidget(self._error(key, tab, next(iter(boxes.values()))))
        return holder, boxes

    def _general(self) -> QWidget:
        page, form = self._page()
        form.addRow(self.tr("Name in English"), self._field("name", 0, wide=True))
        form.addRow(self.tr("Name in Chinese"), self._field("name_zh", 0, wide=True))
        self.lender_model = QStandardItemModel(self)
        self.lender_model.itemChanged.connect(lambda _i: self.check("example_lenders"))
        self.lender_model.itemChanged.connect(lambda _i: self.changed.emit())
        self.lender_list = QListView()
        self.lender_list.setObjectName("example_lenders")
        self.lender_list.setModel(self.lender_model)
        self.lender_list.setMinimumHeight(120)
        self.lender_list.setMaximumHeight(200)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.lender_list)
        column.addWidget(self._error("example_lenders", 0, self.lender_list))
        form.addRow(self.tr("Lenders"), holder)
        self.strictness = QComboBox()
        for s in Strictness:
            self.strictness.addItem(strictness_label(s), s.value)
        self.strictness.currentIndexChanged.connect(lambda _i: self.changed.emit())
        form.addRow(self.tr("Strictness"), self.strictness)
        form.addRow(self.tr("Approval time"),
                    self._pair("approval_days_min", "approval_days_max", 0,
                               self.tr("working days")))
        self.active = QCheckBox(self.tr("Offered in new plans"))
        self.active.setObjectName("active")
        self.active.toggled.connect(lambda _on: self.changed.emit())
        form.addRow(self.active)
        return page

    def _repayment(self) -> QWidget:
        page, form = self._page()
        holder, self.method_boxes = self._checks(
            "methods", 1, ((m, method_label(m.value)) for m in RepaymentMethod), columns=3)
        form.addRow(self.tr("Repayment methods"), holder)
        form.addRow(self.tr("Terms"), self._field("terms", 1, self.tr("months"),
                                                  self.tr("e.g. 12, 24, 36"), wide=True))
        form.addRow(self.tr("Step-up: the payment rises by"),
                    self._field("step_up.step_percent", 1, "%"))
        form.addRow(self.tr("… every"), self._field("step_up.step_months", 1, self.tr("months")))
        form.addRow(self.tr("Balloon: from"),
                    self._pair("balloon_min_percent", "balloon_max_percent", 1,
                               self.tr("% of the loan")))
        for method in (RepaymentMethod.STEP_UP, RepaymentMethod.BALLOON):
            self.method_boxes[method].toggled.connect(lambda _on: self._enable_details())
        return page

    def _vehicles(self) -> QWidget:
        page, form = self._page()
        form.addRow(self.tr("Lends at most"),
                    self._field("max_financing_ratio_percent", 2,
                                self.tr("% of the appraised value")))
        holder, self.kind_boxes = self._checks(
            "vehicle_kinds", 2, ((k, vehicle_kind_label(k)) for k in VehicleKind))
        form.addRow(self.tr("Finances"), holder)
        holder, self.energy_boxes = self._checks(
            "energies", 2, ((e, energy_label(e)) for e in Energy), columns=4)
        form.addRow(self.tr("Kinds of car"), holder)
        form.addRow(self.tr("Oldest car"), self._field("max_vehicle_age_years", 2,
                                                       self.tr("years")))
        form.addRow(self.tr("Highest mileage"), self._field("max_mileage_km", 2, self.tr("km")))
        self.full_insurance = QCheckBox(self.tr(
            "Requires full insurance with the lender as first beneficiary (the customer picks "
            "the insurer)"))
        self.online = QCheckBox(self.tr("An online small loan (the store's amount and term "
                                        "limits apply)"))
        for box in (self.full_insurance, self.online):
            box.toggled.connect(lambda _on: self.changed.emit())
            form.addRow(box)
        return page

    def _fees(self) -> QWidget:
        page, form = self._page()
        form.addRow(self.tr("Up-front fee"), self._field("fees.upfront_fee", 3, self.tr("CNY")))
        form.addRow(self.tr("… plus"), self._field("fees.upfront_fee_percent", 3,
                                                   self.tr("% of the loan")))
        form.addRow(self.tr("Account management fee"),
                    self._field("fees.monthly_fee_rate_percent", 3,
                                self.tr("% of the loan a month")))
        form.addRow(self.tr("Early repayment fee"),
                    self._field("fees.early_repayment_fee_percent", 3,
                                self.tr("% of the principal repaid early")))
        form.addRow(self.tr("Overdue penalty"),
                    self._field("fees.overdue_penalty_percent_per_day", 3,
                                self.tr("% of the overdue amount a day")))
        hint = QLabel(self.tr("Every fee is in the APR the customer is shown and on the "
                              "disclosure sheet."))
        hint.setWordWrap(True)
        hint.setStyleSheet(style.HINT_TEXT)
        form.addRow(hint)
        return page

    def _rates(self) -> QWidget:
        page, form = self._page(stretch=False)
        form.addRow(self.tr("Rates from"), self._pair("apr_min_percent", "apr_max_percent", 4,
                                                      self.tr("% a year")))
        self.grades_model = GradesModel(self)
        self.grades_view = QTableView()
        self.grades_view.setObjectName("grades")
        self.grades_view.setModel(self.grades_model)
        self.grades_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.grades_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents)
        self.grades_view.verticalHeader().setDefaultSectionSize(
            self.grades_view.fontMetrics().height() + 10)
        self.grades_view.setFixedHeight((self.grades_view.fontMetrics().height() + 10) * 4 + 6)
        self.grades_model.accepted_changed.connect(self._grades_changed)
        self.grades_model.dataChanged.connect(lambda *_: self.changed.emit())
        holder = QWidget()
        holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.grades_view)
        column.addWidget(self._error("grades", 4, self.grades_view))
        form.addRow(self.tr("Grades"), holder)
        form.addRow(self.tr("Term bands"), self._field(
            "term_bands", 4, self.tr("months (the longest term of each band)"),
            self.tr("e.g. 24, 36, 60"), wide=True))
        form.addRow(self.tr("Down-payment bands"), self._field(
            "down_bands", 4, self.tr("% of the price (where each band starts)"),
            self.tr("e.g. 0, 30, 50"), wide=True))
        self.lines["term_bands"].editingFinished.connect(self._bands_changed)
        self.lines["down_bands"].editingFinished.connect(self._bands_changed)
        self.sheet = RateSheetModel(self)
        self.sheet.dataChanged.connect(lambda *_: self.changed.emit())
        self.sheet_view = QTableView()
        self.sheet_view.setObjectName("rate_sheet")
        self.sheet_view.setModel(self.sheet)
        self.sheet_view.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                        | QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.sheet_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.sheet_view.setMinimumHeight(130)
        self.sheet_view.setSizePolicy(QSizePolicy.Policy.Expanding,
                                      QSizePolicy.Policy.Expanding)
        hint = QLabel(self.tr(
            "Nominal rate a year, in percent. A customer gets the rate of the first term band "
            "that holds the term and of the highest down-payment band the down payment "
            "reaches. One band of each: one rate per grade."))
        hint.setWordWrap(True)
        hint.setStyleSheet(style.HINT_TEXT)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.sheet_view)
        column.addWidget(self._error("rate_sheet", 4, self.sheet_view))
        column.addWidget(hint)
        form.addRow(self.tr("Rate sheet"), holder)
        return page

    # -- showing ----------------------------------------------------------------
    def set_lenders(self, lenders: Sequence[LenderView]) -> None:
        self.lenders = tuple(lenders)

    def _fill_lenders(self, chosen: Sequence[str]) -> None:
        self.lender_model.blockSignals(True)
        self.lender_model.clear()
        for lender in self.lenders:
            if not lender.active and lender.name not in chosen:
                continue
            text = f"{lender.name_zh or lender.name}" if self.chinese else lender.name
            if not lender.active:
                text += " " + self.tr("(not active)")
            item = QStandardItem(text)
            item.setData(lender.name, Qt.ItemDataRole.UserRole)
            item.setCheckable(self.editable)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if lender.name in chosen
                               else Qt.CheckState.Unchecked)
            self.lender_model.appendRow(item)
        self.lender_model.blockSignals(False)

    def show_product(self, product: Product, entry: ProductEntry | None,
                     blank: bool = False) -> None:
        self.base, self.entry = product, entry
        p = product
        texts: dict[str, str] = {
            "name": p.name, "name_zh": p.name_zh,
            "approval_days_min": _num(p.approval_days_min),
            "approval_days_max": _num(p.approval_days_max),
            "terms": ", ".join(str(t) for t in p.terms),
            "step_up.step_percent": _num(p.step_up.step_percent) if p.step_up else "",
            "step_up.step_months": str(p.step_up.step_months) if p.step_up else "12",
            "balloon_min_percent": _num(p.balloon_min_percent),
            "balloon_max_percent": _num(p.balloon_max_percent),
            "max_financing_ratio_percent": _num(p.max_financing_ratio_percent),
            "max_vehicle_age_years": _num(p.max_vehicle_age_years),
            "max_mileage_km": _num(p.max_mileage_km),
            "apr_min_percent": _num(p.apr_min_percent),
            "apr_max_percent": _num(p.apr_max_percent),
        }
        for key in ("upfront_fee", "upfront_fee_percent", "monthly_fee_rate_percent",
                    "early_repayment_fee_percent", "overdue_penalty_percent_per_day"):
            texts[f"fees.{key}"] = _num(getattr(p.fees, key))
        self.blockSignals(True)
        for key, text in texts.items():
            self.lines[key].setText(text)
        self._fill_lenders(p.example_lenders)
        self.strictness.setCurrentIndex(max(self.strictness.findData(p.strictness.value), 0))
        self.active.setChecked(p.active)
        for boxes, chosen in ((self.method_boxes, p.methods), (self.kind_boxes, p.vehicle_kinds),
                              (self.energy_boxes, p.energies)):
            for code, box in boxes.items():
                box.blockSignals(True)
                box.setChecked(code in chosen)
                box.blockSignals(False)
        self.full_insurance.setChecked(p.requires_full_insurance)
        self.online.setChecked(p.online_small_loan)
        self.grades_model.set_grades(p.grades)
        self.sheet.show_product(p, blank=blank)
        self.lines["term_bands"].setText(", ".join(str(t) for t in self.sheet.terms))
        self.lines["down_bands"].setText(", ".join(_band(d) for d in self.sheet.downs))
        self.blockSignals(False)
        for label in self.errors.values():
            show_message(label, None)
        self._enable_details()
        if entry is None:
            self.heading.setText(self.tr("New product"))
        else:
            self.heading.setText(self.tr("{name} · saved plans made with it: {n} (they keep "
                                         "their figures)").format(
                name=(p.name_zh or p.name) if self.chinese else p.name, n=entry.plans))

    def set_editable(self, on: bool) -> None:
        self.editable = on
        for line in self.lines.values():
            line.setReadOnly(not on)
        for boxes in (self.method_boxes, self.kind_boxes, self.energy_boxes):
            for box in boxes.values():
                box.setEnabled(on)
        for widget in (self.strictness, self.active, self.full_insurance, self.online):
            widget.setEnabled(on)
        self.grades_model.editable = on
        self.sheet.editable = on
        for row in range(self.lender_model.rowCount()):
            item = self.lender_model.item(row)
            if item is not None:
                item.setCheckable(on)
        if on:
            self._enable_details()

    def _enable_details(self) -> None:
        step = self.method_boxes[RepaymentMethod.STEP_UP].isChecked() and self.editable
        balloon = self.method_boxes[RepaymentMethod.BALLOON].isChecked() and self.editable
        for key in ("step_up.step_percent", "step_up.step_months"):
            self.lines[key].setEnabled(step)
        for key in ("balloon_min_percent", "balloon_max_percent"):
            self.lines[key].setEnabled(balloon)

    def _grades_changed(self) -> None:
        self.sheet.reshape(grades=self.grades_model.accepted_grades())
        self.check("grades")

    def _bands_changed(self) -> None:
        terms, downs, errors = self._bands()
        if not errors:
            self.sheet.reshape(terms=terms, downs=downs)

    # -- reading ----------------------------------------------------------------
    def _bands(self) -> tuple[list[int], list[Decimal], dict[str, str]]:
        errors: dict[str, str] = {}
        terms: list[int] = []
        downs: list[Decimal] = []
        for key, kind in (("term_bands", "term_band"), ("down_bands", "down_band")):
            try:
                values = [Decimal(read_number(kind, part))
                          for part in _parts(self.lines[key].text())]
            except ReasonsError as exc:
                errors[key] = tr_reason(exc.reason)
                continue
            if not values:
                errors[key] = self.tr("Give at least one band.")
            elif values != sorted(set(values)):
                errors[key] = self.tr("List each band once, from the lowest to the highest.")
            if key == "term_bands":
                terms.extend(int(v) for v in values)
            else:
                downs.extend(values)
        return terms, downs, errors

    def read(self) -> tuple[Product, dict[str, str]]:
        """The product as the form holds it and every reason by field (user's language)."""
        errors: dict[str, str] = {}
        base = self.base

        def number(key: str, default: Decimal | int) -> Any:
            """The typed value (the shown one when equal: 0 stays 0, not 0.00)."""
            try:
                value = read_number(key, self.lines[key].text())
            except ReasonsError as exc:
                errors[key] = tr_reason(exc.reason)
                return default
            return default if value == default else value

        methods = tuple(m for m, b in self.method_boxes.items() if b.isChecked())
        terms: list[int] = []
        try:
            terms = [parse.term(part) for part in _parts(self.lines["terms"].text())]
        except ReasonsError as exc:
            errors["terms"] = tr_reason(exc.reason)
        bands_terms, bands_downs, band_errors = self._bands()
        errors.update(band_errors)
        if not band_errors and (bands_terms, bands_downs) != (self.sheet.terms,
                                                              self.sheet.downs):
            self.sheet.reshape(terms=bands_terms, downs=bands_downs)  # typed, not yet left
        sheet, problem = self.sheet.read()
        if problem:
            errors["rate_sheet"] = problem
        one_band = len(self.sheet.terms) * len(self.sheet.downs) == 1
        rates = {c.grade: c.annual_rate for c in sheet} if one_band else {
            g: min(c.annual_rate for c in sheet if c.grade is g)
            for g in {c.grade for c in sheet}}
        grades, grade_problem = self.grades_model.read(rates)
        if grade_problem:
            errors["grades"] = grade_problem
        step = RepaymentMethod.STEP_UP in methods
        balloon = RepaymentMethod.BALLOON in methods
        fees = Fees(**{key: number(f"fees.{key}", getattr(base.fees, key)) for key in (
            "upfront_fee", "upfront_fee_percent", "monthly_fee_rate_percent",
            "early_repayment_fee_percent", "overdue_penalty_percent_per_day")})
        product = dataclasses.replace(
            base,
            name=" ".join(self.lines["name"].text().split()),
            name_zh=" ".join(self.lines["name_zh"].text().split()),
            example_lenders=self.chosen_lenders(),
            strictness=Strictness(self.strictness.currentData()),
            approval_days_min=number("approval_days_min", base.approval_days_min),
            approval_days_max=number("approval_days_max", base.approval_days_max),
            active=self.active.isChecked(),
            methods=methods,
            terms=tuple(terms),
            term_min_months=min(terms, default=base.term_min_months),
            term_max_months=max(terms, default=base.term_max_months),
            step_up=StepUp(number("step_up.step_percent", Decimal(0)),
                           number("step_up.step_months", 12)) if step else None,
            balloon_min_percent=number("balloon_min_percent", Decimal(0)) if balloon
            else Decimal(0),
            balloon_max_percent=number("balloon_max_percent", Decimal(0)) if balloon
            else Decimal(0),
            max_financing_ratio_percent=number("max_financing_ratio_percent",
                                               base.max_financing_ratio_percent),
            vehicle_kinds=tuple(k for k, b in self.kind_boxes.items() if b.isChecked()),
            energies=tuple(e for e, b in self.energy_boxes.items() if b.isChecked()),
            max_vehicle_age_years=number("max_vehicle_age_years", base.max_vehicle_age_years),
            max_mileage_km=number("max_mileage_km", base.max_mileage_km),
            requires_full_insurance=self.full_insurance.isChecked(),
            online_small_loan=self.online.isChecked(),
            fees=fees,
            apr_min_percent=number("apr_min_percent", base.apr_min_percent),
            apr_max_percent=number("apr_max_percent", base.apr_max_percent),
            grades=grades,
            rate_sheet=() if one_band else sheet,
        )
        # the rules on what could be read (a field that could not keeps its own reason)
        active = [lender.name for lender in self.lenders if lender.active]
        for key, reason in product_reasons(product, self.settings, active).items():
            errors.setdefault(key, tr_reason(reason))
        return product, errors

    def chosen_lenders(self) -> tuple[str, ...]:
        out = []
        for row in range(self.lender_model.rowCount()):
            item = self.lender_model.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(out)

    def check(self, key: str) -> None:
        """The reason for one field, as soon as it is left."""
        if not self.editable or self.signalsBlocked():
            return
        _product, errors = self.read()
        if key in self.errors:
            show_message(self.errors[key], errors.get(key))

    def show_errors(self, errors: dict[str, str]) -> str | None:
        """Each field's reason under it (others cleared); the first one's tab and field."""
        for key, label in self.errors.items():
            show_message(label, errors.get(key))
        first = next((k for k in self.errors if k in errors), None)
        if first is not None:
            self.tabs.setCurrentIndex(self.tab_of[first])
            self.focus_of[first].setFocus()
        return first


def _parts(text: str) -> list[str]:
    """``12, 24，36`` -> ``["12", "24", "36"]`` (commas, Chinese commas or blanks)."""
    return [p for p in text.replace("，", ",").replace("、", ",").replace(" ", ",").split(",")
            if p.strip()]

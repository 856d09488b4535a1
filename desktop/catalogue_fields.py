"""What the product forms of the Products and lenders editor share.

:class:`FieldsForm` is the frame of one product's form (:mod:`desktop.catalogue_form`
for a car loan, :mod:`desktop.catalogue_offers` for a consumer credit line and a
bank card instalment): tabs of rows, each field a line edit read with its bounds
(:data:`lending.catalogue_rules.BOUNDS`) with its unit beside it and its reason
under it, check boxes, the store's lenders as a checkable list.  A field is
checked as soon as it is left (the whole form is read, the field's own reason
shown); :meth:`FieldsForm.show_errors` puts every reason under its field and
shows the first one's tab.  Also the labels of the catalogue's codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.services.catalogue_admin import LenderView, ProductEntry
from desktop import style
from desktop.pages.texts import tr_reason
from desktop.widgets import error_label, show_message
from lending.catalogue_rules import read_number
from lending.reasons import ReasonsError
from lending.settings import LendingSettings

TR_CONTEXT = "CatalogueEditor"
GREY = QColor(style.MUTED)
BAD = QColor(style.PALE_RED)


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def _num(value: Decimal | int) -> str:
    """A number as the owner typed it: ``4.80`` stays 4.80, thousands grouped."""
    return format(value, ",f") if isinstance(value, Decimal) else f"{value:,}"


def _band(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _parts(text: str) -> list[str]:
    """``12, 24，36`` -> ``["12", "24", "36"]`` (commas, Chinese commas or blanks)."""
    return [
        p
        for p in text.replace("，", ",").replace("、", ",").replace(" ", ",").split(",")
        if p.strip()
    ]


def hint_label(text: str) -> QLabel:
    """A grey explanation under a group of fields."""
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet(style.HINT_TEXT)
    return hint


class FieldsForm(QWidget):
    """The frame of one product's form; a kind's form adds its tabs and :meth:`read`."""

    changed = Signal()

    def __init__(
        self, settings: LendingSettings, chinese: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.chinese = chinese
        self.entry: ProductEntry | None = None
        self.base: Any = None
        """The product shown, as it was before any edit."""
        self.lenders: tuple[LenderView, ...] = ()
        self._filling = False
        self.editable = True
        self.lines: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.tab_of: dict[str, int] = {}
        self.focus_of: dict[str, QWidget] = {}
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

    def _connect_lines(self) -> None:
        """Each line edit checked when left, and an edit marks the form changed."""
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

    def _field(
        self, key: str, tab: int, unit: str = "", placeholder: str = "", wide: bool = False
    ) -> QWidget:
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
        to = QLabel(_t("to"))
        to.setFixedHeight(self.lines[lo_key].sizeHint().height())
        row.addWidget(to, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self._field(hi_key, tab, unit), 1, Qt.AlignmentFlag.AlignTop)
        return box

    def _checks(
        self, key: str, tab: int, items: Iterable[tuple[Any, str]], columns: int = 2
    ) -> tuple[QWidget, dict[Any, QCheckBox]]:
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

    def _check_box(self, key: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(key)
        box.toggled.connect(lambda _on: self.changed.emit())
        return box

    def _lender_field(self, tab: int) -> QWidget:
        """The store's lenders, each ticked or not (:attr:`lender_model`)."""
        self.lender_model = QStandardItemModel(self)
        self.lender_model.itemChanged.connect(self._lender_ticked)
        self.lender_list = QListView()
        self.lender_list.setObjectName("example_lenders")
        self.lender_list.setModel(self.lender_model)
        self.lender_list.setMinimumHeight(120)
        self.lender_list.setMaximumHeight(200)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.lender_list)
        column.addWidget(self._error("example_lenders", tab, self.lender_list))
        return holder

    def _lender_ticked(self) -> None:
        if not self._filling:
            self.check("example_lenders")
            self.changed.emit()

    # -- showing ----------------------------------------------------------------
    def set_lenders(self, lenders: Sequence[LenderView]) -> None:
        self.lenders = tuple(lenders)

    def _fill_lenders(self, chosen: Sequence[str]) -> None:
        """The list anew (the view is told: its signals are not blocked, only our
        reaction to a tick is off meanwhile)."""
        self._filling = True
        self.lender_model.clear()
        for lender in self.lenders:
            if not lender.active and lender.name not in chosen:
                continue
            text = f"{lender.name_zh or lender.name}" if self.chinese else lender.name
            if not lender.active:
                text += " " + _t("(not active)")
            item = QStandardItem(text)
            item.setData(lender.name, Qt.ItemDataRole.UserRole)
            item.setCheckable(self.editable)
            item.setEditable(False)
            item.setCheckState(
                Qt.CheckState.Checked if lender.name in chosen else Qt.CheckState.Unchecked
            )
            self.lender_model.appendRow(item)
        self._filling = False

    def _set_lenders_editable(self, on: bool) -> None:
        self._filling = True
        for row in range(self.lender_model.rowCount()):
            item = self.lender_model.item(row)
            if item is not None:
                item.setCheckable(on)
        self._filling = False

    def _show_heading(self, name: str, entry: ProductEntry | None, new: str) -> None:
        if entry is None:
            self.heading.setText(new)
        else:
            self.heading.setText(
                _t("{name} · saved plans made with it: {n} (they keep their figures)").format(
                    name=name, n=entry.plans
                )
            )

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            show_message(label, None)

    def show_product(self, product: Any, entry: ProductEntry | None, blank: bool = False) -> None:
        """Show ``product`` (``entry``: as listed; None: a new one, ``blank``: to fill)."""
        raise NotImplementedError

    def set_editable(self, on: bool) -> None:
        raise NotImplementedError

    # -- reading ----------------------------------------------------------------
    def read(self) -> tuple[Any, dict[str, str]]:
        """The product as the form holds it and every reason by field (user's language)."""
        raise NotImplementedError

    def _number(
        self, errors: dict[str, str], key: str, default: Decimal | int, line: str | None = None
    ) -> Any:
        """The value typed into ``line`` (default: the field ``key``), read with ``key``'s
        bounds; the shown one when equal (0 stays 0, not 0.00)."""
        try:
            value = read_number(key, self.lines[line or key].text())
        except ReasonsError as exc:
            errors[line or key] = tr_reason(exc.reason)
            return default
        return default if value == default else value

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

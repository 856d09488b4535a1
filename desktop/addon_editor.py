"""Add-ons… (Tools menu): the store's add-on catalogue, edited in place.

One row per add-on - compulsory insurance (交强险), commercial insurance,
extended warranty, GPS, maintenance, other services - in a Qt table model:
active, code, kind, Chinese and English name, price rule, price (CNY) or
percentage, whether it may be financed, and the lenders that require it
(chosen in the list beside the table for the selected row).  Every edit is
checked at once with :func:`lending.addons.read_add_ons` (the same rules the
service applies): a bad cell turns red with its reason in the tooltip, and
the reasons are listed under the table (a click selects the cell).  Save
sends the whole list to :func:`db.services.addons_admin.save_add_ons`, which
checks it again, saves nothing on any problem and audits each change.  An
add-on once saved is never removed (a plan may have offered it): untick
Active to stop offering it.  The owner edits; a manager reads.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.services import addons_admin
from db.services import settings as settings_service
from db.services.base import Permission, PermissionDenied, ValidationError
from desktop import style
from desktop.addon_labels import kind_label, rule_label
from desktop.context import AppContext
from desktop.pages.texts import tr_reason, validation_texts
from lending.addons import (
    FIELDS,
    AddOnKind,
    PriceRule,
    add_on_to_data,
    read_add_ons,
)
from lending.errors import UserError
from lending.settings import LendingSettings, OnRoadSettings

Index = QModelIndex | QPersistentModelIndex
TR_CONTEXT = "AddOnEditor"
ERROR = QColor(style.PALE_RED)
MUTED = QColor(style.MUTED)

COLUMNS = ("active", "name_zh", "name", "kind", "rule", "amount", "financeable", "required_by")
"""The table's columns (fields of :mod:`lending.addons`); the code is beside the table."""
CHECKS = ("active", "financeable")
WIDTHS = {"name_zh": 19, "name": 26, "amount": 17}
"""Starting widths of the columns, in average characters (the person may drag them)."""
CHOICES = ("kind", "rule")


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def column_title(field: str) -> str:
    return {
        "active": _t("Active"),
        "code": _t("Code"),
        "kind": _t("Kind"),
        "name_zh": _t("Chinese name"),
        "name": _t("English name"),
        "rule": _t("Price rule"),
        "amount": _t("Price (CNY) or %"),
        "financeable": _t("May be financed"),
        "required_by": _t("Required by"),
    }[field]


def _amount_text(raw: Any) -> str:
    if raw in (None, ""):
        return ""
    try:
        return format(Decimal(str(raw)), ",f")
    except ArithmeticError:
        return str(raw)


class AddOnModel(QAbstractTableModel):
    """The add-ons as rows of JSON-friendly dicts (the amount as typed); each edit is
    checked at once and the problems kept by (row, field)."""

    problems_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self.saved_codes: set[str] = set()
        self.problems: dict[tuple[int, str], str] = {}
        self.editable = True
        self.lenders: list[str] = []
        self.lender_label: Any = str
        self.settings: LendingSettings | None = None
        self.on_road: OnRoadSettings | None = None

    # -- the data -----------------------------------------------------------------
    def set_add_ons(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = [dict(r, amount=_amount_text(r.get("amount"))) for r in rows]
        self.saved_codes = {r["code"] for r in rows}
        self.endResetModel()
        self.check()

    def items(self) -> list[dict[str, Any]]:
        """The rows as the service takes them (an empty amount is none)."""
        return [
            {k: (r.get(k) or None) if k == "amount" else r.get(k) for k in FIELDS}
            for r in self.rows
        ]

    def add_row(self) -> int:
        taken = {r["code"] for r in self.rows}
        n = len(self.rows) + 1
        while f"add_on_{n}" in taken:
            n += 1
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append(
            {
                "code": f"add_on_{n}",
                "kind": AddOnKind.SERVICE.value,
                "name": "",
                "name_zh": "",
                "rule": PriceRule.QUOTED.value,
                "amount": "",
                "required_by": [],
                "financeable": False,
                "active": True,
            }
        )
        self.endInsertRows()
        self.check()
        return row

    def removable(self, row: int) -> bool:
        """Only a row never saved; a saved add-on is deactivated instead."""
        return 0 <= row < len(self.rows) and self.rows[row]["code"] not in self.saved_codes

    def remove_row(self, row: int) -> None:
        if self.removable(row):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
            self.check()

    def set_code(self, row: int, code: str) -> bool:
        """A new row's code (a saved add-on keeps its code: exports name it by that)."""
        if not self.editable or not self.removable(row):
            return False
        self.rows[row]["code"] = code.strip()
        self.check()
        return True

    def set_required_by(self, row: int, lenders: list[str]) -> None:
        if 0 <= row < len(self.rows) and self.editable:
            self.rows[row]["required_by"] = lenders
            index = self.index(row, COLUMNS.index("required_by"))
            self.dataChanged.emit(index, index)
            self.check()

    def check(self) -> None:
        """Every row's problems by the catalogue's own rules (no database needed)."""
        _, found = read_add_ons(self.items(), lenders=self.lenders, settings=self.settings)
        self.set_problems({(row, field): tr_reason(reason) for row, field, reason in found})

    def set_problems(self, problems: dict[tuple[int, str], str]) -> None:
        self.problems = problems
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            )
        self.problems_changed.emit()

    # -- Qt ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_title(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return None

    def _shown(self, row: dict[str, Any], field: str) -> str:
        value = row.get(field)
        if field == "kind":
            return kind_label(str(value))
        if field == "rule":
            return rule_label(str(value))
        if field == "required_by":
            return ", ".join(self.lender_label(n) for n in value or []) or _t("none")
        if field == "amount" and not value:
            if row.get("rule") == PriceRule.ON_ROAD and self.on_road is not None:
                return self._on_road_text(row)
            if row.get("rule") == PriceRule.QUOTED:
                return _t("at the counter")
        return "" if value is None else str(value)

    def _on_road_text(self, row: dict[str, Any]) -> str:
        assert self.on_road is not None
        if row.get("kind") == AddOnKind.GPS:
            return _amount_text(self.on_road.gps_fee)
        if row.get("kind") == AddOnKind.COMPULSORY_INSURANCE:
            return _t("{small} / {large}").format(
                small=_amount_text(self.on_road.compulsory_insurance),
                large=_amount_text(self.on_road.compulsory_insurance_large),
            )
        return ""

    def _tip(self, row: dict[str, Any], field: str) -> str | None:
        if field != "amount" or row.get("amount"):
            return None
        if row.get("rule") == PriceRule.QUOTED:
            return _t("Priced at the counter for each customer (an insurer's quote).")
        if row.get("rule") == PriceRule.ON_ROAD and self.on_road is not None:
            if row.get("kind") == AddOnKind.COMPULSORY_INSURANCE:
                return _t(
                    "As in the store settings' on-road costs: {small} CNY for a car "
                    "with fewer than {seats} seats, {large} CNY from {seats} seats."
                ).format(
                    small=_amount_text(self.on_road.compulsory_insurance),
                    large=_amount_text(self.on_road.compulsory_insurance_large),
                    seats=self.on_road.large_car_seats,
                )
            return _t("As in the store settings' on-road costs.")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, field = self.rows[index.row()], COLUMNS[index.column()]
        problem = self.problems.get((index.row(), field))
        if field in CHECKS:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.get(field) else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return problem
            if role == Qt.ItemDataRole.BackgroundRole and problem:
                return QBrush(ERROR)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown(row, field)
        if role == Qt.ItemDataRole.EditRole:
            return row.get(field) or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or self._tip(row, field)
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QBrush(ERROR)
        if role == Qt.ItemDataRole.ForegroundRole and field == "amount" and not row.get(field):
            return QBrush(MUTED)
        if role == Qt.ItemDataRole.TextAlignmentRole and field == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.editable:
            return False
        row, field = self.rows[index.row()], COLUMNS[index.column()]
        if field in CHECKS and role == Qt.ItemDataRole.CheckStateRole:
            row[field] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif field not in CHECKS and role == Qt.ItemDataRole.EditRole:
            text = str(value)
            row[field] = text if field in CHOICES else " ".join(text.split())
            if field == "rule" and text in (PriceRule.ON_ROAD, PriceRule.QUOTED):
                row["amount"] = ""  # these rules take no amount
        else:
            return False
        self.dataChanged.emit(index, index, [role])
        self.check()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.editable or not index.isValid():
            return flags
        row, field = self.rows[index.row()], COLUMNS[index.column()]
        if field in CHECKS:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if field == "required_by":
            return flags  # chosen in the list beside the table
        if field == "amount" and row.get("rule") in (PriceRule.ON_ROAD, PriceRule.QUOTED):
            return flags
        return flags | Qt.ItemFlag.ItemIsEditable


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of (label, code) for the kind and the price rule."""

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for label, code in self.choices:
            combo.addItem(label, code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AddOnDialog(QDialog):
    """The store's add-ons; the owner edits in place and saves, a manager only reads."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = ctx.can(Permission.EDIT_CATALOGUE)
        self.loaded = False
        self.setWindowTitle(self.tr("Add-ons"))
        self.setMinimumSize(960, 560)

        self.model = AddOnModel(self)
        self.model.editable = self.editable
        self.model.lender_label = self._lender_label
        self.table = QTableView()
        self.table.setObjectName("addOnTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        self.kinds = ChoiceDelegate([(kind_label(k), k.value) for k in AddOnKind], self)
        self.rules = ChoiceDelegate([(rule_label(r), r.value) for r in PriceRule], self)
        self.table.setItemDelegateForColumn(COLUMNS.index("kind"), self.kinds)
        self.table.setItemDelegateForColumn(COLUMNS.index("rule"), self.rules)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().averageCharWidth()
        for field, chars in WIDTHS.items():
            self.table.setColumnWidth(COLUMNS.index(field), chars * em)
        for field, labels in (
            ("kind", [kind_label(k) for k in AddOnKind]),
            ("rule", [rule_label(r) for r in PriceRule]),
        ):
            widest = max(self.table.fontMetrics().horizontalAdvance(t) for t in labels)
            self.table.setColumnWidth(COLUMNS.index(field), widest + 3 * em)
        bold = header.fontMetrics()
        for i, field in enumerate(COLUMNS):  # never narrower than its heading
            needed = bold.horizontalAdvance(column_title(field)) + 3 * em
            self.table.setColumnWidth(i, max(self.table.columnWidth(i), needed))
        for field in ("active", "financeable"):
            header.setSectionResizeMode(
                COLUMNS.index(field), QHeaderView.ResizeMode.ResizeToContents
            )
        header.setSectionResizeMode(COLUMNS.index("required_by"), QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentChanged.connect(lambda *_: self._current_row())

        self.lender_model = QStandardItemModel(self)
        self.lender_list = QListView()
        self.lender_list.setObjectName("requiredBy")
        self.lender_list.setModel(self.lender_model)
        self.lender_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lender_list.setWordWrap(True)
        self.lender_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.lender_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lender_model.itemChanged.connect(self._lender_ticked)
        self.lender_title = QLabel()
        self.lender_title.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("addOnCode")
        self.code.setMaxLength(40)
        self.code.setToolTip(
            self.tr("Names the add-on in an exported catalogue; fixed once the add-on is saved.")
        )
        self.code.textEdited.connect(lambda text: self.model.set_code(self.current_row(), text))
        code_row = QHBoxLayout()
        code_row.addWidget(QLabel(self.tr("Code")))
        code_row.addWidget(self.code, 1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addLayout(code_row)
        side_layout.addWidget(self.lender_title)
        side_layout.addWidget(self.lender_list, 1)
        hint = QLabel(
            self.tr(
                "A lender may require an add-on for its loans (full insurance "
                "with the lender as first beneficiary); the customer still "
                "chooses the insurer. Everything else is optional."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(style.HINT_TEXT)
        side_layout.addWidget(hint)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([960, 260])

        self.problem_list = QListWidget()
        self.problem_list.setObjectName("addOnProblems")
        self.problem_list.setMaximumHeight(self.fontMetrics().height() * 6)
        self.problem_list.setStyleSheet(style.ERROR_TEXT)
        self.problem_list.itemActivated.connect(self._go_to_problem)
        self.problem_list.itemClicked.connect(self._go_to_problem)
        self.model.problems_changed.connect(self._show_problems)

        self.add_button = QPushButton(self.tr("Add an add-on"))
        self.remove_button = QPushButton(self.tr("Remove the new row"))
        self.remove_button.setToolTip(
            self.tr(
                "Only a row not saved yet can be removed; untick Active to stop offering a saved "
                "add-on (plans that offered it keep it)."
            )
        )
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
            button.setVisible(self.editable)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)

        self.note = note = QLabel(
            self.tr(
                "Changes apply to new plans; saved plans keep the add-ons they were "
                "offered. Every change is recorded with who made it and when."
            )
            if self.editable
            else self.tr("Only the owner can change the add-ons; you can read them here.")
        )
        note.setWordWrap(True)
        note.setStyleSheet(style.HINT_TEXT)
        self.message = QLabel()
        self.message.setObjectName("addOnMessage")
        self.message.setWordWrap(True)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setVisible(self.editable)
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        layout.addWidget(self.problem_list)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1240, 660)
        self._show_problems()
        self._current_row()
        self.refresh()

    # -- loading ------------------------------------------------------------------
    def refresh(self) -> None:
        db, actor = self.ctx.database, self.ctx.staff

        def load() -> tuple[list[dict[str, Any]], list[str], Any]:
            rows = [add_on_to_data(r.add_on) for r in addons_admin.list_add_ons(db, actor)]
            lenders = addons_admin.lender_names(db, actor.store_id)
            return rows, lenders, settings_service.load_store_settings(db, actor.store_id)

        self.ctx.runner.run(load, self._loaded, self._failed)

    def _loaded(self, loaded: tuple[list[dict[str, Any]], list[str], Any]) -> None:
        rows, lenders, settings = loaded
        self.model.lenders = lenders
        self.model.settings = settings.lending
        self.model.on_road = settings.on_road
        self.model.set_add_ons(rows)
        self.loaded = True
        self.save_button.setEnabled(self.editable)
        if rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, COLUMNS.index("name_zh")))
        self._current_row()

    def _lender_label(self, name: str) -> str:
        from reports.lenders import lender_name

        return lender_name(name, self.ctx.language)

    # -- the lenders of the selected row ------------------------------------------
    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _current_row(self) -> None:
        row = self.current_row()
        self.lender_model.blockSignals(True)
        self.lender_model.clear()
        if 0 <= row < len(self.model.rows):
            data = self.model.rows[row]
            chosen = set(data.get("required_by") or [])
            name = data.get("name_zh") if self.ctx.chinese else data.get("name")
            self.lender_title.setText(
                self.tr("Lenders that require {add_on}:").format(add_on=name or data.get("code"))
            )
            self.code.setText(data.get("code") or "")
            self.code.setReadOnly(not self.model.removable(row) or not self.editable)
            for lender in self.model.lenders:
                item = QStandardItem(self._lender_label(lender))
                item.setData(lender, Qt.ItemDataRole.UserRole)
                item.setCheckable(self.editable)
                item.setEnabled(True)
                item.setCheckState(
                    Qt.CheckState.Checked if lender in chosen else Qt.CheckState.Unchecked
                )
                self.lender_model.appendRow(item)
        else:
            self.code.setText("")
            self.code.setReadOnly(True)
            self.lender_title.setText(self.tr("Choose an add-on to see which lenders require it."))
        self.lender_model.blockSignals(False)
        self.remove_button.setEnabled(self.model.removable(row))

    def _lender_ticked(self, _item: QStandardItem) -> None:
        row = self.current_row()
        chosen = [
            self.lender_model.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.lender_model.rowCount())
            if self.lender_model.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.model.set_required_by(row, chosen)

    def tick_lender(self, name: str, on: bool = True) -> None:
        """Tick (or untick) a lender for the selected add-on, as a click would."""
        for i in range(self.lender_model.rowCount()):
            item = self.lender_model.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return
        raise KeyError(name)

    # -- rows ---------------------------------------------------------------------
    def add_row(self) -> None:
        row = self.model.add_row()
        index = self.model.index(row, COLUMNS.index("name_zh"))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.edit(index)

    def remove_row(self) -> None:
        self.model.remove_row(self.current_row())
        self._current_row()

    # -- problems -----------------------------------------------------------------
    def problem_lines(self) -> list[str]:
        return [self.problem_list.item(i).text() for i in range(self.problem_list.count())]

    def _show_problems(self) -> None:
        self.problem_list.clear()

        def order(key: tuple[int, str]) -> tuple[int, int]:
            return key[0], FIELDS.index(key[1]) if key[1] in FIELDS else len(FIELDS)

        for (row, field), text in sorted(self.model.problems.items(), key=lambda kv: order(kv[0])):
            where = self.tr("Row {row}, {column}").format(
                row=row + 1, column=column_title(field) if field in FIELDS else field
            )
            item = QListWidgetItem(self.tr("{where}: {why}").format(where=where, why=text))
            item.setData(Qt.ItemDataRole.UserRole, (row, field))
            self.problem_list.addItem(item)
        self.problem_list.setVisible(bool(self.model.problems))

    def _go_to_problem(self, item: QListWidgetItem) -> None:
        row, field = item.data(Qt.ItemDataRole.UserRole)
        column = COLUMNS.index(field) if field in COLUMNS else COLUMNS.index("name_zh")
        self.table.setCurrentIndex(self.model.index(row, column))
        (self.code if field == "code" else self.table).setFocus()

    # -- saving -------------------------------------------------------------------
    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(style.message(error))
        self.message.setText(text)

    def save(self) -> None:
        if not self.editable or not self.loaded:
            return
        self.model.check()
        if self.model.problems:
            self.say(self.tr("Nothing was saved: correct the cells marked in red."), error=True)
            return
        db, actor, items = self.ctx.database, self.ctx.staff, self.model.items()
        self.save_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: addons_admin.save_add_ons(db, actor, items), self._saved, self._failed
        )

    def _saved(self, rows: list[Any]) -> None:
        self.save_button.setEnabled(True)
        self.model.set_add_ons([add_on_to_data(r.add_on) for r in rows])
        self._current_row()
        self.say(self.tr("Saved. New plans offer these add-ons from now on."))

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(self.editable and self.loaded)
        if isinstance(exc, ValidationError):
            found: dict[tuple[int, str], str] = {}
            for key, text in validation_texts(exc).items():
                row, _, field = key.partition(".")
                found[(int(row) if row.isdigit() else 0, field)] = text
            self.model.set_problems(found)
            self.say(self.tr("Nothing was saved: correct the cells marked in red."), error=True)
            return
        if isinstance(exc, PermissionDenied):
            self.say(self.tr("Only the owner can change the add-ons."), error=True)
            return
        if isinstance(exc, UserError):
            self.say(tr_reason(exc.message), error=True)
            return
        raise exc

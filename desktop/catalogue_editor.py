"""Products and lenders… (Tools menu): the owner's catalogue editor.

Two tabs.  **Products**: the store's products of the three kinds in a Qt table
model (name in the user's language, offered or not and the kind, saved plans;
the lenders in the tooltip), Add (of the kind chosen beside it) / Copy /
Deactivate, and the chosen product's form of its kind: a car loan
(:mod:`desktop.catalogue_form`: general, repayment, vehicles, fees, rates with
the rate sheet editable in place, subsidy and add-ons), a consumer credit line
or a bank card instalment with its fee table in place
(:mod:`desktop.catalogue_offers`).  **Lenders**: the lenders with their Chinese
name, service phone, complaint channel and payout rules.

The form reads each field with its bounds and checks it as soon as it is left;
the reason stands under the field, the first one is focused on Save.  Save
sends the product to :mod:`db.services.catalogue_admin`, which checks it all
again, writes nothing on any problem and audits each change (who, when,
before -> after).  Changes apply to new plans only: saved plans keep their
snapshot.  Edits not saved are not dropped without asking.  The owner edits;
a manager sees the same dialog read-only.  Keyboard: Ctrl+S saves the open
form, Ctrl+N adds, the rate sheet is edited by typing into a cell (Tab and the
arrows move on).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.services import catalogue as catalogue_service
from db.services import catalogue_admin
from db.services.base import Permission, PermissionDenied, ValidationError
from db.services.catalogue_admin import CatalogueView, LenderView, ProductEntry
from desktop import style
from desktop.catalogue_fields import FieldsForm
from desktop.catalogue_form import GREY, ProductForm, blank_product
from desktop.catalogue_offers import (
    CardInstalmentForm,
    ConsumerCreditForm,
    blank_card,
    blank_consumer,
)
from desktop.context import AppContext
from desktop.models import ROW_ROLE, _RowsModel
from desktop.pages.texts import tr_reason, validation_texts
from desktop.widgets import error_label, show_message
from lending.catalogue_rules import LenderDetails
from lending.errors import UserError

# --- the lists ---------------------------------------------------------------------------


class ProductListModel(_RowsModel):
    """One row per product: name (user's language), lenders, offered or not, saved plans."""

    def __init__(self, chinese: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.chinese = chinese
        self.lender_names: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [self.tr("Product"), self.tr("Status"), self.tr("Saved plans")]

    def display(self, row: ProductEntry, column: int) -> str:
        if column == 0:
            return (row.name_zh or row.name) if self.chinese else row.name
        if column == 1:
            status = self.tr("Offered") if row.active else self.tr("Not offered")
            if row.kind == catalogue_service.KIND_CONSUMER:
                status += " · " + self.tr("consumer credit")
            elif row.kind == catalogue_service.KIND_CARD:
                status += " · " + self.tr("card instalment")
            return status
        return str(row.plans)

    def extra(self, row: ProductEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Lenders: {names}").format(
                names=", ".join(self.lender_names.get(n, n) for n in row.lenders)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)


class LenderListModel(_RowsModel):
    """One row per lender: English and Chinese name, status; products in the tooltip."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.product_names: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [self.tr("English name"), self.tr("Chinese name"), self.tr("Status")]

    def display(self, row: LenderView, column: int) -> str:
        return [row.name, row.name_zh, self.tr("In use") if row.active else self.tr("Not active")][
            column
        ]

    def extra(self, row: LenderView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Products: {names}").format(
                names=", ".join(self.product_names.get(c, c) for c in row.products) or "—"
            )
        return None

    def row_of(self, lender_id: int | None) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == lender_id), -1)


def list_view(model: QAbstractTableModel, stretch: int) -> QTableView:
    """A read-only list of whole rows, one chosen at a time (arrow keys move)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


# --- the lender form -----------------------------------------------------------------------


class LenderForm(QWidget):
    """A lender: names in English and Chinese, service phone, complaint channel, payout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lender_id: int | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.name = QLineEdit()
        self.name_zh = QLineEdit()
        self.service_phone = QLineEdit()
        self.service_phone.setPlaceholderText(self.tr("e.g. 95588"))
        self.complaint_channel = QLineEdit()
        self.complaint_channel.setPlaceholderText(
            self.tr("e.g. 95588, or the banking regulator's hotline 12378")
        )
        self.payout_rules = QPlainTextEdit()
        self.payout_rules.setPlaceholderText(
            self.tr(
                "e.g. paid to the dealer's account only, after the invoice and the mortgage "
                "registration"
            )
        )
        self.payout_rules.setTabChangesFocus(True)
        self.payout_rules.setFixedHeight(90)
        self.errors = {
            k: error_label()
            for k in ("name", "name_zh", "service_phone", "complaint_channel", "payout_rules")
        }
        self.widgets: dict[str, QLineEdit | QPlainTextEdit] = {
            "name": self.name,
            "name_zh": self.name_zh,
            "service_phone": self.service_phone,
            "complaint_channel": self.complaint_channel,
            "payout_rules": self.payout_rules,
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in (
            ("name", self.tr("Name in English")),
            ("name_zh", self.tr("Name in Chinese")),
            ("service_phone", self.tr("Service phone")),
            ("complaint_channel", self.tr("Complaint channel")),
            ("payout_rules", self.tr("Payout account rules")),
        ):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(self.widgets[key])
            column.addWidget(self.errors[key])
            form.addRow(label, box)
        hint = QLabel(
            self.tr(
                "Products and plans name a lender by its English name; the "
                "customer's papers print the name in their language and the "
                "service phone."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(style.HINT_TEXT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)

    def show_lender(self, lender: LenderView | None) -> None:
        self.lender_id = lender.id if lender else None
        d = lender.details if lender else LenderDetails("", "")
        self.name.setText(d.name)
        self.name_zh.setText(d.name_zh)
        self.service_phone.setText(d.service_phone)
        self.complaint_channel.setText(d.complaint_channel)
        self.payout_rules.setPlainText(d.payout_rules)
        self.heading.setText(lender.name if lender else self.tr("New lender"))
        self.show_errors({})

    def details(self) -> LenderDetails:
        return LenderDetails(
            self.name.text(),
            self.name_zh.text(),
            self.service_phone.text(),
            self.complaint_channel.text(),
            self.payout_rules.toPlainText(),
        )

    def set_editable(self, on: bool) -> None:
        for widget in self.widgets.values():
            widget.setReadOnly(not on)

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            show_message(label, errors.get(key))
        first = next((k for k in self.errors if k in errors), None)
        if first is not None:
            self.widgets[first].setFocus()


# --- the dialog ----------------------------------------------------------------------------


class CatalogueEditorDialog(QDialog):
    """Products and lenders: the owner edits, a manager reads."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = ctx.can(Permission.EDIT_CATALOGUE)
        self.view: CatalogueView | None = None
        self.setWindowTitle(self.tr("Products and lenders"))
        self.setMinimumSize(900, 620)

        self.product_model = ProductListModel(ctx.chinese, self)
        self.products_table = list_view(self.product_model, 0)
        self.products_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._product_chosen(current.row())
        )
        self.add_kind = QComboBox()
        self.add_kind.setObjectName("add_kind")
        for kind, text in (
            (catalogue_service.KIND_CAR, self.tr("Car loan")),
            (catalogue_service.KIND_CONSUMER, self.tr("Consumer credit line")),
            (catalogue_service.KIND_CARD, self.tr("Card instalment")),
        ):
            self.add_kind.addItem(text, kind)
        self.add_kind.setToolTip(self.tr("The kind of product Add product adds"))
        self.add_product_button = QPushButton(self.tr("Add product"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.toggle_product_button = QPushButton(self.tr("Deactivate"))
        self.add_product_button.clicked.connect(self.add_product)
        self.copy_button.clicked.connect(self.copy_product)
        self.toggle_product_button.clicked.connect(self.toggle_product)
        self.product_form = ProductForm(ctx.settings, ctx.chinese, self)
        self.credit_form = ConsumerCreditForm(ctx.settings, ctx.chinese, self)
        self.card_form = CardInstalmentForm(ctx.settings, ctx.chinese, self)
        self.forms: dict[str, FieldsForm] = {
            catalogue_service.KIND_CAR: self.product_form,
            catalogue_service.KIND_CONSUMER: self.credit_form,
            catalogue_service.KIND_CARD: self.card_form,
        }
        self.form_stack = QStackedWidget()
        for form in self.forms.values():
            self.form_stack.addWidget(form)
            form.changed.connect(lambda: setattr(self, "product_dirty", True))
        self.product_dirty = False
        """The form holds edits that are not saved yet."""
        self._shown_row = -1
        self.save_product_button = QPushButton(self.tr("Save product"))
        self.save_product_button.clicked.connect(self.save_product)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.clicked.connect(self._show_current_product)
        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._side_by_side(
                self.products_table,
                [
                    self.add_kind,
                    self.add_product_button,
                    self.copy_button,
                    self.toggle_product_button,
                ],
                self.form_stack,
                [self.save_product_button, self.revert_button],
            ),
            self.tr("Products"),
        )

        self.lender_model = LenderListModel(self)
        self.lenders_table = list_view(self.lender_model, 0)
        self.lenders_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._lender_chosen(current.row())
        )
        self.add_lender_button = QPushButton(self.tr("Add lender"))
        self.toggle_lender_button = QPushButton(self.tr("Deactivate"))
        self.add_lender_button.clicked.connect(self.add_lender)
        self.toggle_lender_button.clicked.connect(self.toggle_lender)
        self.lender_form = LenderForm(self)
        self.save_lender_button = QPushButton(self.tr("Save lender"))
        self.save_lender_button.clicked.connect(self.save_lender)
        self.tabs.addTab(
            self._side_by_side(
                self.lenders_table,
                [self.add_lender_button, self.toggle_lender_button],
                self.lender_form,
                [self.save_lender_button],
            ),
            self.tr("Lenders"),
        )

        note = QLabel(
            self.tr(
                "Changes apply to new plans; saved plans keep their figures and print as "
                "they were. Nothing is deleted: deactivate what is no longer offered. "
                "Every change is recorded with who made it and when."
            )
            if self.editable
            else self.tr("Only the owner can change products and lenders; you can read them here.")
        )
        note.setWordWrap(True)
        note.setStyleSheet(style.HINT_TEXT)
        self.message = QLabel()
        self.message.setObjectName("catalogueMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        self.tabs.currentChanged.connect(lambda _i: self.say(""))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        for button in (
            self.add_product_button,
            self.copy_button,
            self.toggle_product_button,
            self.save_product_button,
            self.revert_button,
            self.add_lender_button,
            self.toggle_lender_button,
            self.save_lender_button,
        ):
            button.setAutoDefault(False)
            button.setVisible(self.editable)
        self.add_kind.setVisible(self.editable)
        for form in self.forms.values():
            form.set_editable(self.editable)
        self.lender_form.set_editable(self.editable)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self._save_shortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self._new_shortcut)
        self.resize(1180, 760)
        self.refresh()

    def _side_by_side(
        self,
        table: QTableView,
        actions: Sequence[QWidget],
        form: QWidget,
        saves: Sequence[QPushButton],
    ) -> QWidget:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(table, 1)
        row = QHBoxLayout()
        for button in actions:
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(form, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in saves:
            row.addWidget(button)
        column.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([430, 750])
        return splitter

    # -- loading ----------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        db, actor = self.ctx.database, self.ctx.staff
        self.ctx.runner.run(
            lambda: catalogue_admin.load_catalogue_view(db, actor),
            lambda view: self.show_view(view, select),
            self._failed,
        )

    def show_view(
        self,
        view: CatalogueView,
        select_product: str | None = None,
        select_lender: int | None = None,
    ) -> None:
        current = self.current_product()
        lender = self.current_lender()
        self.view = view
        self.product_model.lender_names = {
            lv.name: (lv.name_zh or lv.name) if self.ctx.chinese else lv.name for lv in view.lenders
        }
        self.lender_model.product_names = {
            p.code: (p.name_zh or p.name) if self.ctx.chinese else p.name for p in view.products
        }
        for form in self.forms.values():
            form.set_lenders(view.lenders)
        self.product_model.set_rows(view.products)
        self.lender_model.set_rows(view.lenders)
        code = select_product or (current.code if current else None)
        row = self.product_model.row_of(code) if code else -1
        self.products_table.selectRow(max(row, 0) if view.products else -1)
        if view.products:
            self._product_chosen(max(row, 0))
        lender_row = self.lender_model.row_of(select_lender or (lender.id if lender else None))
        if view.lenders:
            self.lenders_table.selectRow(max(lender_row, 0))
            self._lender_chosen(max(lender_row, 0))

    # -- products ---------------------------------------------------------------
    def current_product(self) -> ProductEntry | None:
        index = self.products_table.currentIndex()
        if not index.isValid():
            return None
        return index.data(ROW_ROLE)  # type: ignore[no-any-return]

    def _product_chosen(self, row: int) -> None:
        if not 0 <= row < self.product_model.rowCount():
            return
        if row != self._shown_row and not self.may_discard():
            self.products_table.selectionModel().blockSignals(True)
            self.products_table.selectRow(self._shown_row)
            self.products_table.selectionModel().blockSignals(False)
            return
        entry: ProductEntry = self.product_model.row_at(row)
        self._show_entry(entry)

    def may_discard(self) -> bool:
        """No unsaved edits, or the owner lets them go."""
        if not self.product_dirty or not self.editable:
            return True
        base = self.form.base
        name = ((base.name_zh or base.name) if self.ctx.chinese else base.name) or self.tr(
            "the new product"
        )
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The changes to {name} are not saved. Discard them?").format(name=name),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.may_discard():
            super().reject()

    @property
    def form(self) -> FieldsForm:
        """The form shown: the one of the chosen product's kind."""
        widget = self.form_stack.currentWidget()
        assert isinstance(widget, FieldsForm)
        return widget

    def _show_form(self, kind: str) -> FieldsForm:
        form = self.forms.get(kind, self.product_form)
        self.form_stack.setCurrentWidget(form)
        return form

    def _show_entry(self, entry: ProductEntry) -> None:
        readable = entry.item is not None
        self._shown_row = self.product_model.row_of(entry.code)
        self.product_dirty = False
        form = self._show_form(entry.kind)
        if entry.item is not None:
            form.show_product(entry.item, entry)
        form.setEnabled(readable)
        form.set_editable(self.editable and readable)
        self.save_product_button.setEnabled(readable)
        self.revert_button.setEnabled(readable)
        self.copy_button.setEnabled(readable)
        self.toggle_product_button.setText(
            self.tr("Deactivate") if entry.active else self.tr("Offer again")
        )
        if not readable:
            form.heading.setText(
                self.tr("{name} cannot be read; it can be deactivated or offered again.").format(
                    name=self.product_model.display(entry, 0)
                )
            )

    def _show_current_product(self) -> None:
        self.product_dirty = False
        entry = self.current_product()
        if entry is None:
            self.add_product()
        else:
            self._show_entry(entry)
        self.say("")

    def add_product(self) -> None:
        if not self.editable or not self.may_discard():
            return
        self._shown_row = -1
        self.product_dirty = False
        self.tabs.setCurrentIndex(0)
        self.products_table.clearSelection()
        self.products_table.setCurrentIndex(QModelIndex())
        kind = str(self.add_kind.currentData())
        form = self._show_form(kind)
        form.setEnabled(True)
        form.set_editable(True)
        blank = {
            catalogue_service.KIND_CONSUMER: blank_consumer,
            catalogue_service.KIND_CARD: blank_card,
        }.get(kind, lambda: blank_product(self.ctx.settings))()
        form.show_product(blank, None, blank=True)
        for button in (self.save_product_button, self.revert_button):
            button.setEnabled(True)
        form.tabs.setCurrentIndex(0)
        form.lines["name"].setFocus()

    def save_product(self) -> None:
        if not self.editable:
            return
        product, errors = self.form.read()
        self.form.show_errors(errors)
        if errors:
            self.say(self.tr("Nothing was saved: correct the fields marked in red."), error=True)
            return
        db, actor = self.ctx.database, self.ctx.staff
        name = product.name
        self.save_product_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: catalogue_admin.save_product(db, actor, product),
            lambda view: self._product_saved(view, product.code, name),
            self._product_failed,
        )

    def _product_saved(self, view: CatalogueView, code: str, name: str) -> None:
        self.save_product_button.setEnabled(True)
        self.product_dirty = False
        self._shown_row = -1  # show the saved product again, as stored
        saved = code or next((p.code for p in reversed(view.products) if p.name == name), "")
        self.show_view(view, saved)
        self.say(self.tr("Saved. New plans use it from now on; saved plans keep theirs."))

    def _product_failed(self, exc: BaseException) -> None:
        self._refused(exc, self.save_product_button, self.form.show_errors)

    def copy_product(self) -> None:
        entry = self.current_product()
        if entry is None or not self.editable or not self.may_discard():
            return
        db, actor, code = self.ctx.database, self.ctx.staff, entry.code
        had = {p.code for p in self.view.products} if self.view else set()
        self._run(
            lambda: catalogue_admin.copy_product(db, actor, code),
            lambda view: self._copied(view, had),
        )

    def _copied(self, view: CatalogueView, had: set[str]) -> None:
        copy = next(p for p in reversed(view.products) if p.code not in had)
        self.show_view(view, copy.code)
        self.say(
            self.tr(
                "Copied as {name}. The copy is not offered until you tick "
                '"Offered in new plans" and save it.'
            ).format(name=self.product_model.display(copy, 0))
        )

    def toggle_product(self) -> None:
        entry = self.current_product()
        if entry is None or not self.editable or not self.may_discard():
            return
        db, actor, code, active = self.ctx.database, self.ctx.staff, entry.code, not entry.active
        self._run(
            lambda: catalogue_admin.set_product_active(db, actor, code, active),
            lambda view: self._toggled(view, code, active),
        )

    def _toggled(self, view: CatalogueView, code: str, active: bool) -> None:
        self.show_view(view, code)
        self.say(
            self.tr("Offered in new plans again.")
            if active
            else self.tr("No longer offered in new plans. Saved plans keep it and still print.")
        )

    # -- lenders ----------------------------------------------------------------
    def current_lender(self) -> LenderView | None:
        index = self.lenders_table.currentIndex()
        if not index.isValid():
            return None
        return index.data(ROW_ROLE)  # type: ignore[no-any-return]

    def _lender_chosen(self, row: int) -> None:
        if not 0 <= row < self.lender_model.rowCount():
            return
        lender: LenderView = self.lender_model.row_at(row)
        self.lender_form.show_lender(lender)
        self.toggle_lender_button.setEnabled(True)
        self.toggle_lender_button.setText(
            self.tr("Deactivate") if lender.active else self.tr("Activate")
        )

    def add_lender(self) -> None:
        if not self.editable:
            return
        self.tabs.setCurrentIndex(1)
        self.lenders_table.clearSelection()
        self.lenders_table.setCurrentIndex(QModelIndex())
        self.lender_form.show_lender(None)
        self.toggle_lender_button.setEnabled(False)
        self.lender_form.name.setFocus()

    def save_lender(self) -> None:
        if not self.editable:
            return
        db, actor = self.ctx.database, self.ctx.staff
        details, lender_id = self.lender_form.details(), self.lender_form.lender_id
        self.save_lender_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: catalogue_admin.save_lender(db, actor, details, lender_id),
            lambda view: self._lender_saved(view, details.cleaned().name),
            self._lender_failed,
        )

    def _lender_saved(self, view: CatalogueView, name: str) -> None:
        self.save_lender_button.setEnabled(True)
        saved = next((lv.id for lv in view.lenders if lv.name == name), None)
        self.show_view(view, select_lender=saved)
        self.say(self.tr("Lender saved."))

    def _lender_failed(self, exc: BaseException) -> None:
        self._refused(exc, self.save_lender_button, self.lender_form.show_errors)

    def _refused(
        self, exc: BaseException, button: QPushButton, show_errors: Callable[[dict[str, str]], Any]
    ) -> None:
        """A save came back refused: each reason under its field, nothing saved."""
        button.setEnabled(True)
        if isinstance(exc, ValidationError):
            show_errors(validation_texts(exc))
            self.say(self.tr("Nothing was saved: correct the fields marked in red."), error=True)
            return
        self._failed(exc)

    def toggle_lender(self) -> None:
        lender = self.current_lender()
        if lender is None or not self.editable:
            return
        db, actor, lender_id, active = (
            self.ctx.database,
            self.ctx.staff,
            lender.id,
            not lender.active,
        )
        self._run(
            lambda: catalogue_admin.set_lender_active(db, actor, lender_id, active),
            lambda view: self._lender_toggled(view, lender_id, active),
        )

    def _lender_toggled(self, view: CatalogueView, lender_id: int, active: bool) -> None:
        self.show_view(view, select_lender=lender_id)
        self.say(
            self.tr("The lender is active again.")
            if active
            else self.tr("The lender is no longer chosen for products.")
        )

    # -- shared -----------------------------------------------------------------
    def _run(self, job: Callable[[], CatalogueView], done: Callable[[CatalogueView], None]) -> None:
        self.ctx.runner.run(job, done, self._failed)

    def _save_shortcut(self) -> None:
        (self.save_product if self.tabs.currentIndex() == 0 else self.save_lender)()

    def _new_shortcut(self) -> None:
        (self.add_product if self.tabs.currentIndex() == 0 else self.add_lender)()

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(style.message(error))
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.say(" ".join(validation_texts(exc).values()), error=True)
            return
        if isinstance(exc, PermissionDenied):
            self.say(self.tr("Only the owner can change products and lenders."), error=True)
            return
        if isinstance(exc, UserError):
            self.say(tr_reason(exc.message), error=True)
            return
        raise exc

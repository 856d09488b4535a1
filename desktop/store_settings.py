"""Store settings… (Tools menu): every value of the settings registry, in tabs.

The form is built from :data:`lending.settings.REGISTRY`: one field per
setting, in the group the registry gives it, with its unit beside it and its
default in the tooltip.  Tables (the vehicle and vessel tax bands, the NEV
purchase-tax reliefs) are editable Qt models; the forbidden wording is an
editable list.  A reason appears under the field as soon as it is left
(unreadable, or outside its bounds) and again on Save for rules between
fields; Save sends everything to :func:`db.services.settings.save_store_settings`,
which checks it all again, saves nothing on any problem and audits each
change (who, when, before -> after).  The owner edits; the manager sees the
same dialog read-only.  Changes apply to what is worked out from then on:
saved plans keep their figures.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.services import settings as settings_service
from db.services.base import Permission, PermissionDenied, ValidationError
from desktop.context import AppContext
from desktop.dialogs import tr_reason, validation_texts
from desktop.widgets import error_label, show_message
from lending import onroad
from lending.errors import UserError
from lending.reasons import Reason, ReasonsError
from lending.settings import (
    MAX_LOGO_BYTES,
    ON_ROAD_LINES,
    REGISTRY,
    NevTaxRule,
    SettingKind,
    SettingsError,
    SettingSpec,
    StoreSettings,
    build_store_settings,
    parse_kind,
)

Index = QModelIndex | QPersistentModelIndex


TR_CONTEXT = "StoreSettings"


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def setting_label(key: str) -> str:
    """The name of a setting as the owner reads it."""
    labels = {
        "store.name": _t("Store name"),
        "app.store.address": _t("Address"),
        "app.store.phone": _t("Phone"),
        "app.store.licence_no": _t("Business licence No."),
        "app.store.complaint_channel": _t("Complaint channel"),
        "app.store.logo": _t("Logo"),
        "app.catalogue.confirmed": _t("Catalogue confirmed"),
        "lending.lpr_1y_percent": _t("LPR, 1 year"),
        "lending.lpr_5y_percent": _t("LPR, 5 years and longer"),
        "lending.lpr_date": _t("LPR published on"),
        "lending.rate_warn_lpr_multiple": _t("Warn above (× 1-year LPR)"),
        "lending.apr_hard_cap_percent": _t("Refuse an APR above"),
        "lending.online_small_loan_max_amount": _t("Online small loans: at most"),
        "lending.online_small_loan_max_months": _t("Online small loans: longest term"),
        "lending.max_dti_percent": _t("Debt-to-income limit"),
        "lending.quote_valid_days": _t("A quote is valid for"),
        "lending.default_down_payment_percent": _t("Start the plan with a down payment of"),
        "lending.default_term_months": _t("Start the plan with a term of"),
        "lending.depreciation_per_year_percent": _t("Depreciation a year (new-car guide)"),
        "lending.depreciation_per_year_min_percent": _t("… lowest allowed"),
        "lending.depreciation_per_year_max_percent": _t("… highest allowed"),
        "lending.depreciation_per_mileage_step_percent": _t("Value change per mileage step"),
        "lending.depreciation_per_mileage_step_min_percent": _t("… lowest allowed"),
        "lending.depreciation_per_mileage_step_max_percent": _t("… highest allowed"),
        "lending.mileage_step_km": _t("Mileage step"),
        "lending.typical_km_per_year": _t("Typical mileage a year"),
        "lending.mileage_max_reduction_percent": _t("Mileage takes off at most"),
        "lending.mileage_max_increase_percent": _t("Low mileage adds at most"),
        "lending.condition_factor_excellent": _t("Condition factor: excellent"),
        "lending.condition_factor_good": _t("Condition factor: good"),
        "lending.condition_factor_fair": _t("Condition factor: fair"),
        "lending.condition_factor_poor": _t("Condition factor: poor"),
        "lending.reference_price_min": _t("Confirm a reference price below"),
        "lending.reference_price_max": _t("Confirm a reference price above"),
        "lending.deal_price_deviation_percent": _t("Confirm a deal price further off than"),
        "lending.override_approval_percent": _t("A manager approves overrides beyond"),
        "lending.vin_model_year_tolerance_years": _t("VIN model year may differ by"),
        "lending.max_vehicle_age_years": _t("Default oldest vehicle"),
        "lending.max_vehicle_mileage_km": _t("Default highest mileage"),
        "lending.odometer_max_km_per_year": _t("Implausible above (a year)"),
        "lending.odometer_min_km_per_year": _t("Implausible below (a year)"),
        "lending.odometer_min_check_after_years": _t("Low-mileage check from an age of"),
        "lending.min_customer_age": _t("Youngest customer"),
        "lending.max_customer_age": _t("Oldest customer"),
        "lending.cooling_off_hours": _t("Cooling-off period"),
        "lending.cooling_off_complex_product_days": _t("Cooling-off, complex products"),
        "lending.duplicate_application_window_days": _t("Look for duplicate applications over"),
        "lending.follow_up_high_intent_hours": _t("Call back a high-intent lead within"),
        "lending.follow_up_after_delivery_days": _t("Delivery follow-up call within"),
        "lending.follow_up_after_disbursement_days": _t("First visit after disbursement within"),
        "lending.forbidden_words": _t("Forbidden wording"),
        "onroad.vat_percent": _t("VAT in the invoice price"),
        "onroad.purchase_tax_percent": _t("Purchase tax"),
        "onroad.nev_tax_rules": _t("NEV purchase-tax relief"),
        "onroad.compulsory_insurance": _t("Compulsory insurance, family car"),
        "onroad.compulsory_insurance_large": _t("Compulsory insurance, larger car"),
        "onroad.large_car_seats": _t("A larger car has at least"),
        "onroad.vessel_tax_bands": _t("Vehicle and vessel tax a year"),
        "onroad.vessel_tax_above": _t("… above the largest displacement"),
        "onroad.default_displacement_litres": _t("Displacement when not given"),
        "onroad.default_seats": _t("Seats when not given"),
        "onroad.registration_fee": _t("Registration"),
        "onroad.gps_fee": _t("GPS installation"),
        "onroad.finance_service_fee": _t("Finance service fee"),
        "onroad.transfer_fee": _t("Title transfer fee (used cars)"),
        "onroad.financed_lines": _t("Financed by default"),
    }
    return labels.get(key, key)


def unit_label(unit: str) -> str:
    return {
        "%": "%",
        "CNY": _t("CNY"),
        "days": _t("days"),
        "hours": _t("hours"),
        "months": _t("months"),
        "km": _t("km"),
        "years": _t("years"),
        "×": _t("times"),
        "seats": _t("seats"),
        "L": _t("litres"),
    }.get(unit, unit)


def tab_groups() -> list[tuple[tuple[str, ...], str]]:
    """The dialog's tabs: the registry groups each shows, and its title."""
    return [
        (("store",), _t("Store")),
        (("rates",), _t("Rates and caps")),
        (("plans", "process"), _t("Plans and customers")),
        (("appraisal",), _t("Vehicle appraisal")),
        (("wording",), _t("Forbidden wording")),
        (("on_road",), _t("On-road costs")),
    ]


def _text_of(value: Any) -> str:
    if isinstance(value, Decimal):
        # as the owner typed it (3.00 stays 3.00, 50 stays 50), thousands grouped: 300,000
        return format(value, ",f")
    if value is None:
        return ""
    return str(value)


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
    return TextRowsModel([
        Column(_t("Displacement up to (litres)"), SettingKind.DECIMAL),
        Column(_t("Yearly tax (CNY)"), SettingKind.DECIMAL),
    ], parent)


def nev_rules_model(parent: QObject | None = None) -> TextRowsModel:
    return TextRowsModel([
        Column(_t("From"), SettingKind.DATE),
        Column(_t("To"), SettingKind.DATE),
        Column(_t("Tax reduced by (%)"), SettingKind.DECIMAL),
        Column(_t("Cap (CNY)"), SettingKind.DECIMAL, optional=True),
    ], parent)


# --- the fields -----------------------------------------------------------------------


class Field:
    """One setting's editor, its reason label, and how to read and show its value."""

    def __init__(self, spec: SettingSpec, widget: QWidget, error: QLabel,
                 read: Callable[[], Any], show: Callable[[Any], None],
                 enable: Callable[[bool], None], focus: QWidget | None = None) -> None:
        self.spec = spec
        self.widget = widget
        self.error = error
        self.read = read
        """The typed value (raises :class:`ReasonsError` when unreadable)."""
        self.show = show
        self.enable = enable
        """Editable or read-only."""
        self.focus = focus or widget


def _enabling(*widgets: QWidget) -> Callable[[bool], None]:
    def enable(on: bool) -> None:
        for w in widgets:
            w.setEnabled(on)

    return enable


class SettingsEditor(QObject):
    """The fields of some registry settings: built, shown, read and checked.

    The settings dialog puts every setting on its tabs; the guided start
    puts the store profile on one page and the catalogue confirmation on
    another.  ``page(specs)`` builds a form; the editor keeps each
    :class:`Field` by key.
    """

    def __init__(self, editable: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.widget = parent
        self.editable = editable
        self.current: StoreSettings | None = None
        self.fields: dict[str, Field] = {}
        self.tab_of: dict[str, int] = {}
        self.logo: bytes = b""

    # -- building ---------------------------------------------------------------
    def page(self, specs: Sequence[SettingSpec], index: int = 0) -> QWidget:
        """A scrolling form of ``specs`` (``index``: the tab it is on, for :meth:`first_error`)."""
        inner = QWidget()
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in specs:
            self.tab_of[spec.key] = index
            field = self._field(spec)
            self.fields[spec.key] = field
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(field.widget)
            column.addWidget(field.error)
            if spec.kind in (SettingKind.BOOL, SettingKind.WORDS):
                form.addRow(box)
            else:
                form.addRow(setting_label(spec.key), box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        return scroll

    def _field(self, spec: SettingSpec) -> Field:
        error = error_label()
        error.setObjectName(f"error:{spec.key}")
        maker = {
            SettingKind.BOOL: self._bool_field,
            SettingKind.IMAGE: self._logo_field,
            SettingKind.DATE: self._date_field,
            SettingKind.WORDS: self._words_field,
            SettingKind.CODES: self._codes_field,
            SettingKind.TABLE: self._table_field,
        }.get(spec.kind, self._line_field)
        return maker(spec, error)

    def _line_field(self, spec: SettingSpec, error: QLabel) -> Field:
        edit = QLineEdit()
        edit.setObjectName(spec.key)
        if spec.max_length:
            edit.setMaxLength(spec.max_length + 20)  # the rule says it, not a silent cut
        if spec.kind is not SettingKind.TEXT:
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(160)
            edit.setToolTip(self.tr("Default: {value}").format(value=_text_of(spec.default)))
        edit.editingFinished.connect(lambda: self.check_field(spec.key))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit, 1 if spec.kind is SettingKind.TEXT else 0)
        if spec.unit:
            line.addWidget(QLabel(unit_label(spec.unit)))
        if spec.kind is not SettingKind.TEXT:
            line.addStretch(1)
        return Field(spec, row, error, lambda: parse_kind(spec.kind, edit.text()),
                     lambda v: edit.setText(_text_of(v)), lambda on: edit.setReadOnly(not on),
                     focus=edit)

    def _date_field(self, spec: SettingSpec, error: QLabel) -> Field:
        edit = QDateEdit()
        edit.setObjectName(spec.key)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMaximumWidth(160)

        def read() -> date:
            q = edit.date()
            return date(q.year(), q.month(), q.day())

        def show(value: date) -> None:
            edit.setDate(QDate(value.year, value.month, value.day))

        return Field(spec, edit, error, read, show, lambda on: edit.setReadOnly(not on))

    def _bool_field(self, spec: SettingSpec, error: QLabel) -> Field:
        box = QCheckBox(self.tr("The catalogue is our real offer"))
        box.setObjectName(spec.key)
        status = QLabel()
        status.setWordWrap(True)

        def show(value: bool) -> None:
            box.setChecked(bool(value))
            shown(bool(value))

        def shown(value: bool) -> None:
            status.setText(
                self.tr("Confirmed: quotes, plans and disclosure sheets print without the "
                        "watermark.") if value else
                self.tr("Not confirmed yet: every document printed carries the \"sample data "
                        "- not an offer\" watermark.")
            )
            status.setStyleSheet("" if value else "color: #8a5a00;")

        box.toggled.connect(shown)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 8, 0, 0)
        title = QLabel(self.tr("Product catalogue"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        explain = QLabel(self.tr(
            "Check the lenders, products, rates and fees first. Once you confirm that they are "
            "your store's real offer, documents print without the \"sample data\" watermark."))
        explain.setWordWrap(True)
        column.addWidget(title)
        column.addWidget(explain)
        column.addWidget(box)
        column.addWidget(status)
        return Field(spec, holder, error, box.isChecked, show, _enabling(box), focus=box)

    def _logo_field(self, spec: SettingSpec, error: QLabel) -> Field:
        preview = QLabel()
        preview.setObjectName("logoPreview")
        preview.setMinimumSize(160, 48)
        preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        choose = QPushButton(self.tr("Choose picture…"))
        remove = QPushButton(self.tr("Remove"))
        for button in (choose, remove):
            button.setAutoDefault(False)
        choose.clicked.connect(self.choose_logo)
        remove.clicked.connect(lambda: self.set_logo(b""))
        self._logo_preview = preview
        hint = QLabel(self.tr("PNG or JPEG, at most {kb} KB; printed beside the store's name.")
                      .format(kb=MAX_LOGO_BYTES // 1024))
        hint.setStyleSheet("color: palette(placeholder-text);")
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(preview, 0, 0, 2, 1)
        grid.addWidget(choose, 0, 1)
        grid.addWidget(remove, 1, 1)
        grid.addWidget(hint, 2, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        return Field(spec, holder, error, lambda: self.logo, self.set_logo,
                     _enabling(choose, remove), focus=choose)

    def _words_field(self, spec: SettingSpec, error: QLabel) -> Field:
        model = QStringListModel(self)
        view = QListView()
        view.setObjectName(spec.key)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        view.setMinimumHeight(300)
        add = QPushButton(self.tr("Add phrase"))
        remove = QPushButton(self.tr("Remove phrase"))
        for button in (add, remove):
            button.setAutoDefault(False)

        def add_row() -> None:
            row = model.rowCount()
            model.insertRows(row, 1)
            view.setCurrentIndex(model.index(row))
            view.edit(model.index(row))

        def remove_row() -> None:
            index = view.currentIndex()
            if index.isValid():
                model.removeRows(index.row(), 1)

        add.clicked.connect(add_row)
        remove.clicked.connect(remove_row)
        self.words_model = model
        intro = QLabel(self.tr(
            "Nothing printed for a customer may contain these words or phrases (case, spaces, "
            "hyphens and full-width forms do not matter). A document that would contain one is "
            "not printed."))
        intro.setWordWrap(True)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(intro)
        column.addWidget(view)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        column.addLayout(row)
        triggers = view.editTriggers()

        def enable(on: bool) -> None:
            view.setEditTriggers(triggers if on else QAbstractItemView.EditTrigger.NoEditTriggers)
            add.setEnabled(on)
            remove.setEnabled(on)

        return Field(spec, holder, error,
                     lambda: tuple(w.strip() for w in model.stringList()),
                     lambda v: model.setStringList(list(v)), enable, focus=view)

    def _codes_field(self, spec: SettingSpec, error: QLabel) -> Field:
        boxes: dict[str, QCheckBox] = {}
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, code in enumerate(ON_ROAD_LINES):
            box = QCheckBox(tr_reason(Reason.of(onroad.MESSAGES, f"onroad.{code}")))
            box.setObjectName(f"financed:{code}")
            boxes[code] = box
            grid.addWidget(box, i // 2, i % 2)

        def show(value: tuple[str, ...]) -> None:
            for code, box in boxes.items():
                box.setChecked(code in value)

        return Field(spec, holder, error,
                     lambda: tuple(c for c, b in boxes.items() if b.isChecked()), show,
                     _enabling(*boxes.values()), focus=next(iter(boxes.values())))

    def _table_field(self, spec: SettingSpec, error: QLabel) -> Field:
        bands = spec.key == "onroad.vessel_tax_bands"
        model = vessel_bands_model(self) if bands else nev_rules_model(self)
        view = QTableView()
        view.setObjectName(spec.key)
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.setMinimumHeight((view.fontMetrics().height() + 10) * (7 if bands else 4) + 4)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("Add row"))
        remove = QPushButton(self.tr("Remove row"))
        for button in (add, remove):
            button.setAutoDefault(False)

        def add_row() -> None:
            row = model.add_row()
            view.setCurrentIndex(model.index(row, 0))
            view.edit(model.index(row, 0))

        add.clicked.connect(add_row)
        remove.clicked.connect(lambda: model.remove_row(view.currentIndex().row()))
        if bands:
            self.bands_model = model
        else:
            self.nev_model = model
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(view)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        if not bands:
            hint = QLabel(self.tr("An empty cap: the reduction has no upper limit."))
            hint.setStyleSheet("color: palette(placeholder-text);")
            row.addWidget(hint)
        column.addLayout(row)

        def read() -> tuple[Any, ...]:
            rows = model.values()
            if bands:
                return tuple((limit, tax) for limit, tax in rows)
            return tuple(NevTaxRule(*r) for r in rows)

        def show(value: tuple[Any, ...]) -> None:
            model.set_values([
                (r.start, r.end, r.reduction_percent, r.cap) if isinstance(r, NevTaxRule) else r
                for r in value
            ])

        def enable(on: bool) -> None:
            model.editable = on
            add.setEnabled(on)
            remove.setEnabled(on)

        return Field(spec, holder, error, read, show, enable, focus=view)

    def set_editable(self, on: bool) -> None:
        """Read-only until loaded, and always for a manager."""
        for field in self.fields.values():
            field.enable(on and self.editable)

    # -- loading ----------------------------------------------------------------
    def show_settings(self, current: StoreSettings) -> None:
        self.current = current
        for key, field in self.fields.items():
            field.show(current.value(key))
            show_message(field.error, None)
        self.set_editable(True)

    def set_logo(self, data: bytes) -> None:
        self.logo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self._logo_preview.setPixmap(pixmap.scaled(
                160, 48, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self._logo_preview.setPixmap(QPixmap())
            self._logo_preview.setText(self.tr("No logo") if not data else "")
        if self.current is not None:
            self.check_field("app.store.logo")

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.widget, self.tr("Choose the store's logo"), "",
            self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if path:
            self.load_logo_file(Path(path))

    def load_logo_file(self, path: Path) -> None:
        field = self.fields["app.store.logo"]
        try:
            if path.stat().st_size > MAX_LOGO_BYTES:
                show_message(field.error, self.tr(
                    "The logo may be at most {kb} KB; use a smaller picture.").format(
                        kb=MAX_LOGO_BYTES // 1024))
                return
            data = path.read_bytes()
        except OSError as exc:
            show_message(field.error, self.tr("The picture cannot be read: {why}").format(
                why=exc.strerror or exc.__class__.__name__))
            return
        self.set_logo(data)

    # -- checking ---------------------------------------------------------------
    def read_field(self, key: str) -> tuple[Any, str | None]:
        """(typed value, None) or (None, the reason in the user's language)."""
        try:
            return self.fields[key].read(), None
        except ReasonsError as exc:
            return None, tr_reason(exc.reason)

    def check_field(self, key: str) -> None:
        """The reason for this one field, as soon as it is left."""
        if self.current is None:
            return
        value, problem = self.read_field(key)
        if problem is None:
            try:
                build_store_settings({key: value}, self.current)
            except SettingsError as exc:
                problem = next((tr_reason(r) for k, r in exc.reasons if k == key), None)
        show_message(self.fields[key].error, problem)

    def collect(self) -> tuple[dict[str, Any], dict[str, str]]:
        """Every field's value, and the reasons of those that cannot be read."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for key in self.fields:
            value, problem = self.read_field(key)
            if problem is None:
                values[key] = value
            else:
                errors[key] = problem
        return values, errors

    def show_errors(self, errors: dict[str, str]) -> str | None:
        """Each field's reason under it (others cleared); the first field with one, focused."""
        for key, field in self.fields.items():
            show_message(field.error, errors.get(key))
        first = next((k for k in self.fields if k in errors), None)
        if first is not None:
            self.fields[first].focus.setFocus()
        return first

    def changes(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(the values that differ from the loaded ones, every reason by key) - the
        reasons of unreadable fields and of the registry's rules on the rest."""
        assert self.current is not None
        values, errors = self.collect()
        try:  # the rules on what could be read, so every problem shows at once
            build_store_settings(values, self.current)
        except SettingsError as exc:
            for key, reason in exc.reasons:
                if key in self.fields:
                    errors.setdefault(key, tr_reason(reason))
        current = self.current
        return {k: v for k, v in values.items() if v != current.value(k)}, errors


class StoreSettingsDialog(QDialog):
    """Every store-wide setting; the owner saves, a manager only reads."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editable = ctx.can(Permission.EDIT_SETTINGS)
        self.editor = SettingsEditor(self.editable, self)
        self.fields = self.editor.fields
        self.setWindowTitle(self.tr("Store settings"))
        self.setMinimumSize(720, 560)

        self.tabs = QTabWidget()
        for index, (groups, title) in enumerate(tab_groups()):
            page = self.editor.page([s for s in REGISTRY if s.group in groups], index)
            self.tabs.addTab(page, title)

        note = QLabel(
            self.tr("Changes apply to new plans and documents; saved plans keep the figures "
                    "they were made with. Every change is recorded with who made it and when.")
            if self.editable else
            self.tr("Only the owner can change these settings; you can read them here.")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
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

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(820, 640)
        self.editor.set_editable(False)
        self.refresh()

    @property
    def current(self) -> StoreSettings | None:
        return self.editor.current

    def refresh(self) -> None:
        db, store_id = self.ctx.database, self.ctx.staff.store_id
        self.ctx.runner.run(
            lambda: settings_service.load_store_settings(db, store_id), self.show_settings,
            self._failed,
        )

    def show_settings(self, current: StoreSettings) -> None:
        self.editor.show_settings(current)
        self.save_button.setEnabled(self.editable)

    def show_errors(self, errors: dict[str, str]) -> None:
        first = self.editor.show_errors(errors)
        if first is not None:
            self.tabs.setCurrentIndex(self.editor.tab_of[first])
            self.fields[first].focus.setFocus()

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "color: #1b6e20;")
        self.message.setText(text)

    # -- saving -----------------------------------------------------------------
    def save(self) -> None:
        if self.current is None or not self.editable:
            return
        changed, errors = self.editor.changes()
        self.show_errors(errors)
        if errors:
            self.say(self.tr("Nothing was saved: correct the fields marked in red."), error=True)
            return
        if not changed:
            self.say(self.tr("Nothing has changed."))
            return
        db, actor = self.ctx.database, self.ctx.staff
        self.save_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: settings_service.save_store_settings(db, actor, changed),
            lambda new: self._saved(new, len(changed)),
            self._failed,
        )

    def _saved(self, new: StoreSettings, count: int) -> None:
        self.save_button.setEnabled(True)
        self.ctx.settings = new.lending
        self.ctx.store_name = new.profile.name
        self.show_settings(new)
        self.say(self.tr("Saved {n} change(s). New plans and documents use them from now on.")
                 .format(n=count))

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(self.editable and self.current is not None)
        if isinstance(exc, ValidationError):
            self.show_errors(validation_texts(exc))
            self.say(self.tr("Nothing was saved: correct the fields marked in red."), error=True)
            return
        if isinstance(exc, PermissionDenied):
            self.say(self.tr("Only the owner can change these settings."), error=True)
            return
        if isinstance(exc, UserError):
            self.say(tr_reason(exc.message), error=True)
            return
        raise exc

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

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
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
from desktop import style
from desktop.context import AppContext
from desktop.pages.texts import tr_reason, validation_texts
from desktop.settings_labels import _text_of, setting_label, tab_groups, unit_label
from desktop.settings_tables import nev_rules_model, vessel_bands_model
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


class Field:
    """One setting's editor, its reason label, and how to read and show its value."""

    def __init__(
        self,
        spec: SettingSpec,
        widget: QWidget,
        error: QLabel,
        read: Callable[[], Any],
        show: Callable[[Any], None],
        enable: Callable[[bool], None],
        focus: QWidget | None = None,
    ) -> None:
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
        return Field(
            spec,
            row,
            error,
            lambda: parse_kind(spec.kind, edit.text()),
            lambda v: edit.setText(_text_of(v)),
            lambda on: edit.setReadOnly(not on),
            focus=edit,
        )

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
                self.tr(
                    "Confirmed: quotes, plans and disclosure sheets print without the watermark."
                )
                if value
                else self.tr(
                    'Not confirmed yet: every document printed carries the "sample data '
                    '- not an offer" watermark.'
                )
            )
            status.setStyleSheet("" if value else style.WARN_TEXT)

        box.toggled.connect(shown)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 8, 0, 0)
        title = QLabel(self.tr("Product catalogue"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        explain = QLabel(
            self.tr(
                "Check the lenders, products, rates and fees first. Once you confirm that they are "
                'your store\'s real offer, documents print without the "sample data" watermark.'
            )
        )
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
        hint = QLabel(
            self.tr("PNG or JPEG, at most {kb} KB; printed beside the store's name.").format(
                kb=MAX_LOGO_BYTES // 1024
            )
        )
        hint.setStyleSheet(style.HINT_TEXT)
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(preview, 0, 0, 2, 1)
        grid.addWidget(choose, 0, 1)
        grid.addWidget(remove, 1, 1)
        grid.addWidget(hint, 2, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        return Field(
            spec,
            holder,
            error,
            lambda: self.logo,
            self.set_logo,
            _enabling(choose, remove),
            focus=choose,
        )

    def _words_field(self, spec: SettingSpec, error: QLabel) -> Field:
        model = QStringListModel(self)
        view = QListView()
        view.setObjectName(spec.key)
        view.setModel(model)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
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
        intro = QLabel(
            self.tr(
                "Nothing printed for a customer may contain these words or phrases (case, spaces, "
                "hyphens and full-width forms do not matter). A document that would contain one is "
                "not printed."
            )
        )
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

        return Field(
            spec,
            holder,
            error,
            lambda: tuple(w.strip() for w in model.stringList()),
            lambda v: model.setStringList(list(v)),
            enable,
            focus=view,
        )

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

        return Field(
            spec,
            holder,
            error,
            lambda: tuple(c for c, b in boxes.items() if b.isChecked()),
            show,
            _enabling(*boxes.values()),
            focus=next(iter(boxes.values())),
        )

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
            hint.setStyleSheet(style.HINT_TEXT)
            row.addWidget(hint)
        column.addLayout(row)

        def read() -> tuple[Any, ...]:
            rows = model.values()
            if bands:
                return tuple((limit, tax) for limit, tax in rows)
            return tuple(NevTaxRule(*r) for r in rows)

        def show(value: tuple[Any, ...]) -> None:
            model.set_values(
                [
                    (r.start, r.end, r.reduction_percent, r.cap) if isinstance(r, NevTaxRule) else r
                    for r in value
                ]
            )

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
            self._logo_preview.setPixmap(
                pixmap.scaled(
                    160,
                    48,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self._logo_preview.setPixmap(QPixmap())
            self._logo_preview.setText(self.tr("No logo") if not data else "")
        if self.current is not None:
            self.check_field("app.store.logo")

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.widget,
            self.tr("Choose the store's logo"),
            "",
            self.tr("Pictures (*.png *.jpg *.jpeg)"),
        )
        if path:
            self.load_logo_file(Path(path))

    def load_logo_file(self, path: Path) -> None:
        field = self.fields["app.store.logo"]
        try:
            if path.stat().st_size > MAX_LOGO_BYTES:
                show_message(
                    field.error,
                    self.tr("The logo may be at most {kb} KB; use a smaller picture.").format(
                        kb=MAX_LOGO_BYTES // 1024
                    ),
                )
                return
            data = path.read_bytes()
        except OSError as exc:
            show_message(
                field.error,
                self.tr("The picture cannot be read: {why}").format(
                    why=exc.strerror or exc.__class__.__name__
                ),
            )
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
            self.tr(
                "Changes apply to new plans and documents; saved plans keep the figures "
                "they were made with. Every change is recorded with who made it and when."
            )
            if self.editable
            else self.tr("Only the owner can change these settings; you can read them here.")
        )
        note.setWordWrap(True)
        note.setStyleSheet(style.HINT_TEXT)
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
            lambda: settings_service.load_store_settings(db, store_id),
            self.show_settings,
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
        self.message.setStyleSheet(style.message(error))
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
        self.say(
            self.tr("Saved {n} change(s). New plans and documents use them from now on.").format(
                n=count
            )
        )

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

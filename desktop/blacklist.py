"""Blacklist… (Tools menu, manager and owner): list, search, add, lift, import.

The entries of this store are shown in a Qt table model, newest first, with
their list and reason in the user's words (never the stored codes).  A full
ID or mobile number finds its entry by the keyed hash the list keeps; other
text matches the note or the visible digits.  "Add…" and "Lift…" are small
forms with the reason next to the field; lifting asks why (audited).
"Import industry list…" reads a CSV or Excel file on the worker, with a
progress bar and Cancel, in batches that never keep another counter waiting
(see :func:`db.services.blacklist.import_industry_list`; the column format
is in the README).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.models.enums import BlacklistReason, BlacklistSource
from db.services import blacklist as blacklist_service
from db.services.base import NotFound, PermissionDenied, ValidationError
from db.services.blacklist import BlacklistEntryView, EntryPage, ImportResult
from desktop import style
from desktop.context import AppContext
from desktop.labels import blacklist_reason_label, blacklist_source_label, in_sentence
from desktop.models import _RowsModel, local_time
from desktop.pages.texts import tr_reason, validation_texts
from desktop.tasks import Job, TaskCancelled, TaskHandle
from desktop.widgets import error_label, show_message
from lending.errors import UserError

PAGE = 500
"""At most this many entries are listed; a search narrows them down."""
ADD_REASONS = (
    BlacklistReason.FRAUD,
    BlacklistReason.SERIOUS_DEFAULT,
    BlacklistReason.FAKE_DOCUMENTS,
    BlacklistReason.OTHER,
)


class BlacklistModel(_RowsModel):
    """One row per entry: list, reason, masked ID and mobile, note, added on, batch."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def headers(self) -> list[str]:
        return [
            self.tr("List"),
            self.tr("Reason"),
            self.tr("ID number"),
            self.tr("Mobile"),
            self.tr("Note"),
            self.tr("Added on"),
            self.tr("Imported at"),
        ]

    def display(self, row: BlacklistEntryView, column: int) -> str:
        return [
            blacklist_source_label(row.source),
            blacklist_reason_label(row.reason),
            row.id_masked or "",
            row.phone_masked or "",
            row.note or "",
            local_time(row.added_at, "%Y-%m-%d"),
            _batch_text(row),
        ][column]


def _batch_text(row: BlacklistEntryView) -> str:
    """An import batch as the reader knows it: when it was imported (its code is for the log)."""
    if not row.import_batch:
        return ""
    if row.import_batch.startswith("industry-"):
        return local_time(row.added_at, "%Y-%m-%d %H:%M")
    return row.import_batch


def _service_text(exc: UserError) -> str:
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate(
            "BlacklistDialog", "Your role may not do this. Ask the manager or the owner."
        )
    if isinstance(exc, NotFound):
        return QCoreApplication.translate("BlacklistDialog", "This entry is no longer on the list.")
    return tr_reason(exc.message)


class AddEntryDialog(QDialog):
    """ID number and/or mobile, the reason, a note; the reasons next to the fields."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.added: BlacklistEntryView | None = None
        self.setWindowTitle(self.tr("Add to the blacklist"))
        self.setMinimumWidth(460)
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("18 characters"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("11 digits"))
        self.reason = QComboBox()
        for code in ADD_REASONS:
            self.reason.addItem(blacklist_reason_label(code), code.value)
        self.note = QLineEdit()
        self.note.setMaxLength(blacklist_service.MAX_NOTE)
        self.note.setPlaceholderText(self.tr("What happened (no other personal data)"))
        self.errors = {k: error_label() for k in ("id_number", "phone", "note", "")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow("", self.errors["id_number"])
        form.addRow(self.tr("Mobile"), self.phone)
        form.addRow("", self.errors["phone"])
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.errors["note"])
        hint = QLabel(
            self.tr(
                "Enter the ID number, the mobile number or both. The list keeps "
                "only a keyed fingerprint of each and the masked form."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(style.HINT_TEXT)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.errors[""])
        layout.addWidget(buttons)
        self.id_number.setFocus()

    def submit(self) -> None:
        for label in self.errors.values():
            show_message(label, None)
        db, actor = self.ctx.database, self.ctx.staff
        id_number, phone = self.id_number.text().strip(), self.phone.text().strip()
        reason = BlacklistReason(self.reason.currentData())
        note = self.note.text().strip()
        self.ok_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: blacklist_service.add_entry(
                db,
                actor,
                id_number=id_number or None,
                phone=phone or None,
                reason=reason,
                note=note or None,
            ),
            self._done,
            self._failed,
        )

    def _done(self, view: BlacklistEntryView) -> None:
        self.ok_button.setEnabled(True)
        self.added = view
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            for key, text in validation_texts(exc).items():
                show_message(self.errors.get(key, self.errors[""]), text)
            (
                self.phone
                if "phone" in exc.errors and "id_number" not in exc.errors
                else self.id_number
            ).setFocus()
            return
        if isinstance(exc, UserError):
            show_message(self.errors[""], _service_text(exc))
            return
        raise exc


class LiftDialog(QDialog):
    """Take one entry off the list: why (required, audited)."""

    def __init__(
        self, ctx: AppContext, entry: BlacklistEntryView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entry = entry
        self.lifted = False
        self.setWindowTitle(self.tr("Lift a blacklist entry"))
        self.setMinimumWidth(460)
        who = " / ".join(x for x in (entry.id_masked, entry.phone_masked) if x)
        intro = QLabel(
            self.tr(
                "{who} is on the {list} ({reason}) since {date}. Once lifted, "
                "this person is no longer stopped at reception."
            ).format(
                who=who,
                list=in_sentence(blacklist_source_label(entry.source)),
                reason=in_sentence(blacklist_reason_label(entry.reason)),
                date=local_time(entry.added_at, "%Y-%m-%d"),
            )
        )
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(blacklist_service.MAX_NOTE)
        self.reason.setPlaceholderText(self.tr("e.g. court ruling: the ID was stolen"))
        self.error = error_label()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Reason for lifting"), self.reason)
        form.addRow("", self.error)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Lift"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def submit(self) -> None:
        why = self.reason.text().strip()
        if not why:
            show_message(self.error, self.tr("Say why the entry is lifted."))
            self.reason.setFocus()
            return
        show_message(self.error, None)
        db, actor, entry_id = self.ctx.database, self.ctx.staff, self.entry.id
        self.ok_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: blacklist_service.lift_entry(db, actor, entry_id, why),
            self._done,
            self._failed,
        )

    def _done(self, _result: Any) -> None:
        self.ok_button.setEnabled(True)
        self.lifted = True
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            show_message(self.error, " ".join(validation_texts(exc).values()))
            return
        if isinstance(exc, UserError):
            show_message(self.error, _service_text(exc))
            return
        raise exc


class BlacklistDialog(QDialog):
    """The store's blacklist: search, add, lift, import the industry list."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.page: EntryPage | None = None
        self.form: QDialog | None = None  # the open Add / Lift form (tests reach it here)
        self.handle: TaskHandle | None = None
        self.setWindowTitle(self.tr("Blacklist"))
        self.setMinimumSize(820, 520)

        self.search = QLineEdit()
        self.search.setObjectName("blacklistSearch")
        self.search.setPlaceholderText(
            self.tr("Search: full ID or mobile number, last digits, or a word of the note")
        )
        self.search.setClearButtonEnabled(True)
        self.source = QComboBox()
        self.source.addItem(self.tr("Both lists"), None)
        for source in BlacklistSource:
            self.source.addItem(blacklist_source_label(source), source.value)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.source.currentIndexChanged.connect(lambda _i: self.refresh())

        self.model = BlacklistModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        self.table.doubleClicked.connect(lambda _i: self.lift())
        self.count = QLabel()

        self.add_button = QPushButton(self.tr("Add…"))
        self.lift_button = QPushButton(self.tr("Lift…"))
        self.import_button = QPushButton(self.tr("Import industry list…"))
        for button in (self.add_button, self.lift_button, self.import_button):
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.lift_button.clicked.connect(self.lift)
        self.import_button.clicked.connect(self.choose_import)
        self.replace = QCheckBox(self.tr("Replace the earlier industry list"))
        self.replace.setChecked(True)
        self.replace.setToolTip(
            self.tr(
                "The new file becomes the industry list; entries of earlier files go once the new "
                "one is in. Internal entries always stay."
            )
        )

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel import"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.message = QLabel()
        self.message.setObjectName("blacklistMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.source)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.lift_button)
        actions.addStretch(1)
        actions.addWidget(self.replace)
        actions.addWidget(self.import_button)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(actions)
        layout.addLayout(busy)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(940, 600)
        self._selection()
        self.refresh()

    # -- the list -----------------------------------------------------------------
    def refresh(self) -> None:
        self._search_timer.stop()
        db, actor = self.ctx.database, self.ctx.staff
        text = self.search.text()
        data = self.source.currentData()
        source = BlacklistSource(data) if data else None
        self.ctx.runner.run(
            lambda: blacklist_service.search_entries(db, actor, text, source=source, limit=PAGE),
            self._loaded,
            self._failed,
        )

    def _loaded(self, page: EntryPage) -> None:
        self.page = page
        self.model.set_rows(page.rows)
        if page.total > len(page.rows):
            self.count.setText(
                self.tr(
                    "Showing the newest {shown} of {total} entries; search to find others."
                ).format(shown=len(page.rows), total=f"{page.total:,}")
            )
        else:
            self.count.setText(self.tr("{total} entries").format(total=f"{page.total:,}"))
        self._selection()

    def selected(self) -> BlacklistEntryView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(rows[0].row())  # type: ignore[no-any-return]

    def _selection(self) -> None:
        self.lift_button.setEnabled(self.selected() is not None and self.handle is None)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(style.message(error, success=False))
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.say(" ".join(validation_texts(exc).values()), error=True)
            return
        if isinstance(exc, UserError):
            self.say(_service_text(exc), error=True)
            return
        raise exc

    # -- add and lift -------------------------------------------------------------
    def _open(self, form: QDialog, on_accepted: Any) -> None:
        self.form = form
        form.accepted.connect(on_accepted)
        form.finished.connect(lambda _code: setattr(self, "form", None))
        form.open()

    def add(self) -> None:
        form = AddEntryDialog(self.ctx, self)
        self._open(form, lambda: self._added(form))

    def _added(self, form: AddEntryDialog) -> None:
        if form.added is None:
            return
        self.say(self.tr("Added to the internal blacklist."))
        self.refresh()

    def lift(self) -> None:
        entry = self.selected()
        if entry is None or self.handle is not None:
            return
        form = LiftDialog(self.ctx, entry, self)
        self._open(form, self._lifted)

    def _lifted(self) -> None:
        self.say(self.tr("The entry is lifted; the reason is in the audit log."))
        self.refresh()

    # -- import -------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import the industry blacklist"), "", self.tr("Lists (*.csv *.xlsx)")
        )
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path) -> None:
        db, actor, replace = self.ctx.database, self.ctx.staff, self.replace.isChecked()

        def job(j: Job) -> ImportResult:
            try:
                return blacklist_service.import_industry_list(
                    db,
                    actor,
                    path,
                    replace_previous=replace,
                    progress=lambda done, total: j.report(done, total),
                    cancelled=lambda: j.cancelled,
                )
            except blacklist_service.ImportCancelled:
                raise TaskCancelled() from None

        self._busy(True)
        self.say(self.tr("Importing {file}…").format(file=path.name))
        self.handle = self.ctx.runner.run(
            job,
            self._imported,
            self._import_failed,
            progress=self._progress,
            cancellable=True,
            on_cancelled=self._import_cancelled,
        )
        if self.handle.finished:  # an immediate runner has already called back
            self.handle = None
            self._selection()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setRange(0, 0)
        for widget in (self.import_button, self.add_button, self.replace):
            widget.setEnabled(not busy)
        self.lift_button.setEnabled(not busy and self.selected() is not None)

    def _progress(self, done: int, total: int, _text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def cancel_import(self) -> None:
        if self.handle is not None:
            self.cancel_button.setEnabled(False)
            self.say(self.tr("Cancelling: taking the rows read so far out again…"))
            self.handle.cancel()

    def _finished_import(self) -> None:
        self.handle = None
        self._busy(False)

    def _imported(self, result: ImportResult) -> None:
        self._finished_import()
        text = self.tr("Imported {added} entries of the industry list.").format(
            added=f"{result.added:,}"
        )
        if result.replaced:
            text += " " + self.tr("Entries of the earlier list removed: {n}.").format(
                n=f"{result.replaced:,}"
            )
        if result.skipped:
            text += " " + self.tr("Repeated rows skipped: {n}.").format(n=result.skipped)
        if result.errors:
            shown = "; ".join(
                self.tr("line {line}: {why}").format(line=line, why=tr_reason(why))
                for line, why in result.errors[:5]
            )
            text += " " + self.tr("Rows that could not be read: {n} ({lines}).").format(
                n=len(result.errors), lines=shown + ("; …" if len(result.errors) > 5 else "")
            )
        self.say(text, error=bool(result.errors))
        self.refresh()

    def _import_cancelled(self) -> None:
        self._finished_import()
        self.say(self.tr("The import was cancelled; the earlier list is unchanged."))
        self.refresh()

    def _import_failed(self, exc: BaseException) -> None:
        self._finished_import()
        self._failed(exc)

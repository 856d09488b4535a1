"""Export the owner report (Excel) off the UI thread, with progress and Cancel.

The owner of a dealer group (several stores in one database) chooses the
stores: "All stores (group)" (the default, one summary per store) or one
store.  Anyone else exports their own store and sees no choice.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.services.base import Permission
from db.services.stores import StoreSummary
from desktop.context import AppContext
from desktop.tasks import Job, TaskHandle
from desktop.widgets import JobDialog, fill_store_choice, fit_height
from lending.errors import UserError


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ExportDialog(JobDialog):
    """Period, stores (group owner), file, optional unmasked data (owner); Export runs
    on the worker."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handle: TaskHandle | None = None
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Export report"))
        self.setMinimumWidth(520)

        today = date.today()
        self.start = QDateEdit(_qdate(today.replace(day=1)))
        self.end = QDateEdit(_qdate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        self.path = QLineEdit(str(Path(folder) / f"loandesk-report-{today:%Y-%m}.xlsx"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.unmasked = QCheckBox(
            self.tr("Include full mobile and ID numbers (recorded in the audit log)")
        )
        self.unmasked.setVisible(ctx.staff.can(Permission.EXPORT_UNMASKED))
        # the group owner's store choice: filled (and shown) once the stores are loaded
        self.stores = QComboBox()
        self.stores.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._store_ids: list[int | None] = []

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("Stores"), self.stores)
        form.setRowVisible(self.stores, False)
        self._form = form
        form.addRow(self.tr("Save as"), file_row)
        form.addRow("", self.unmasked)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self._cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        if ctx.staff.can(Permission.MANAGE_STORES):
            from db.services.stores import list_stores

            db, actor = ctx.database, ctx.staff
            ctx.runner.run(lambda: list_stores(db, actor), self._got_stores, self._no_stores)

    def _got_stores(self, stores: list[StoreSummary]) -> None:
        """Several stores: offer the group (default) or one of them."""
        if len(stores) < 2:
            return
        self._store_ids = fill_store_choice(self.stores, stores, self.tr("All stores (group)"))
        self.stores.setCurrentIndex(0)
        self._form.setRowVisible(self.stores, True)
        fit_height(self)

    def _no_stores(self, exc: BaseException) -> None:
        """The list could not be loaded: the export covers the default (the group)."""
        if not isinstance(exc, UserError):
            raise exc

    def chosen_store_ids(self) -> tuple[int, ...] | None:
        """The one store picked, or None: the default (owner: the group; others: own store)."""
        index = self.stores.currentIndex()
        if not self._store_ids or index < 0:
            return None
        chosen = self._store_ids[index]
        return None if chosen is None else (chosen,)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report as"), self.path.text(), self.tr("Excel workbook (*.xlsx)")
        )
        if name:
            self.path.setText(name if name.lower().endswith(".xlsx") else name + ".xlsx")

    def start_export(self) -> None:
        from reports.excel import ExportCancelled, export_workbook
        from reports.model import ReportPeriod

        start, end = _pydate(self.start.date()), _pydate(self.end.date())
        if end < start:
            self._say(self.tr("The end date is before the start date."))
            return
        target = self.path.text().strip()
        if not target:
            self._say(self.tr("Choose where to save the report."))
            return
        db, actor, lang = self.ctx.database, self.ctx.staff, self.ctx.language
        unmasked = self.unmasked.isChecked() and self.unmasked.isVisible()
        store_ids = self.chosen_store_ids()

        def job(j: Job) -> Path:
            try:
                return export_workbook(
                    db,
                    ReportPeriod(start, end),
                    target,
                    actor=actor,
                    unmasked=unmasked,
                    lang=lang,
                    progress=lambda done, total: j.report(done, total),
                    cancelled=lambda: j.cancelled,
                    store_ids=store_ids,
                )
            except ExportCancelled:
                j.check()
                raise

        self.export_button.setEnabled(False)
        self.stores.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._say(self.tr("Exporting…"))
        self.handle = self.ctx.runner.run(
            job,
            self._done,
            self._failed,
            progress=self._progress,
            cancellable=True,
            on_cancelled=self._cancelled,
        )

    def _say(self, text: str) -> None:
        self.message.setText(text)
        fit_height(self)

    def _finish(self) -> None:
        self.handle = None
        self.export_button.setEnabled(True)
        self.stores.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        self.progress.setVisible(False)

    def _done(self, path: Path) -> None:
        self._finish()
        self.written = path
        self._say(self.tr("Saved: {path}").format(path=path))

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, UserError):
            self._say(exc.message)
            return
        raise exc

    def _cancelled(self) -> None:
        self._finish()
        self._say(self.tr("Export cancelled; no file was written."))

    def result_path(self) -> Any:
        return self.written

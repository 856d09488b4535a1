"""Import a lender's post-loan status file (Tools → Import lender status…).

The same import as ``python main.py import-loan-status`` (``db.services.loan_status``):
choose the file and the lender's column mapping (a built-in one, or a mapping file of
one's own), optionally the as-of date; the import runs on the worker with a progress
bar and Cancel (a cancelled or refused import stores nothing).  Afterwards the
dialog says what was stored and lists every unmatched row with its line, reference
and why; the list can be saved as CSV.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.tasks import Job, TaskHandle
from desktop.widgets import JobDialog, fit_height
from lending.errors import UserError
from lending.reasons import ReasonsError
from resources.i18n import translator


class LoanStatusImportDialog(JobDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from db.services.loan_status import mappings

        self.ctx = ctx
        self.handle: TaskHandle | None = None
        self.result: Any = None
        self._summary = ""
        self.setWindowTitle(self.tr("Import lender status"))
        self.setObjectName("loanStatusImport")
        self.resize(720, 520)

        self.path = QLineEdit()
        self.path.setObjectName("statusFile")
        self.path.setPlaceholderText(self.tr("The lender's export: .csv or .xlsx"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)

        self.mapping = QComboBox()
        self.mapping.setObjectName("statusMapping")
        self._keys: list[str | None] = []
        for key, m in mappings().items():
            self._keys.append(key)
            self.mapping.addItem(f"{m.title(ctx.language)} ({key})")
        self._keys.append(None)
        self.mapping.addItem(self.tr("Another lender: a mapping file of my own…"))
        self.mapping_file = QLineEdit()
        self.mapping_file.setPlaceholderText(self.tr("Mapping file (.json), see README"))
        self.mapping_file.setVisible(False)
        self.mapping.currentIndexChanged.connect(
            lambda i: self.mapping_file.setVisible(self._keys[i] is None)
        )

        self.use_as_of = QCheckBox(self.tr("The file has no date column; its figures are as of"))
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setEnabled(False)
        self.use_as_of.toggled.connect(self.as_of.setEnabled)
        as_of_row = QHBoxLayout()
        as_of_row.addWidget(self.use_as_of)
        as_of_row.addWidget(self.as_of)
        as_of_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Column mapping"), self.mapping)
        form.addRow("", self.mapping_file)
        form.addRow("", as_of_row)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("importMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unmatched = QTableWidget(0, 3)
        self.unmatched.setObjectName("unmatchedRows")
        self.unmatched.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Reference"), self.tr("Why it matched no loan")]
        )
        self.unmatched.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.unmatched.verticalHeader().setVisible(False)
        self.unmatched.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unmatched.setVisible(False)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.save_button = self.buttons.addButton(
            self.tr("Save the unmatched rows…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setVisible(False)
        self.close_button = self.buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.clicked.connect(self.start_import)
        self.save_button.clicked.connect(self._save_unmatched)
        self.close_button.clicked.connect(self._cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.unmatched, 1)
        layout.addWidget(self.buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The lender's status file"),
            self.path.text(),
            self.tr("CSV or Excel (*.csv *.xlsx)"),
        )
        if name:
            self.path.setText(name)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        fit_height(self)

    def start_import(self) -> None:
        from db.services import loan_status

        path = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip() or not path.is_file():
            self._say(self.tr("Choose the lender's file first."))
            return
        key = self._keys[self.mapping.currentIndex()]
        try:
            if key is None:
                chosen = self.mapping_file.text().strip()
                if not chosen:
                    self._say(self.tr("Give the mapping file for this lender."))
                    return
                mapping = loan_status.read_mapping(Path(chosen).expanduser())
            else:
                mapping = loan_status.load_mapping(key)
        except ReasonsError as exc:
            self._say(self._render(exc))
            return
        qd = self.as_of.date()
        as_of = date(qd.year(), qd.month(), qd.day()) if self.use_as_of.isChecked() else None
        db, actor = self.ctx.database, self.ctx.staff

        def job(j: Job) -> Any:
            def progress(done: int, total: int) -> None:
                j.check()  # a cancel rolls the whole import back
                j.report(done, total)

            return loan_status.import_loan_status(
                db, actor, path, mapping, as_of=as_of, progress=progress
            )

        self.import_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.unmatched.setVisible(False)
        self.save_button.setVisible(False)
        self._say(self.tr("Importing…"))
        self.handle = self.ctx.runner.run(
            job,
            self._done,
            self._failed,
            progress=self._progress,
            cancellable=True,
            on_cancelled=self._cancelled,
        )

    def _finish(self) -> None:
        self.handle = None
        self.import_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        self.progress.setVisible(False)

    def _render(self, exc: ReasonsError) -> str:
        tr = translator(self.ctx.language)
        return " ".join(r.render(tr.reason) for r in exc.reasons)

    def _done(self, result: Any) -> None:
        self._finish()
        self.result = result
        tr = translator(self.ctx.language)
        text = self.tr(
            "{rows} rows read: {matched} stored ({replaced} replacing an earlier import), "
            "{unmatched} unmatched."
        ).format(
            rows=f"{result.rows:,}",
            matched=f"{result.matched:,}",
            replaced=f"{result.replaced:,}",
            unmatched=f"{len(result.unmatched):,}",
        )
        if result.as_of:
            text += " " + self.tr("As of: {dates}").format(
                dates=", ".join(d.isoformat() for d in result.as_of)
            )
        self._summary = text
        self._say(text)
        self.unmatched.setRowCount(len(result.unmatched))
        for i, u in enumerate(result.unmatched):
            for col, value in enumerate((str(u.line), u.reference, u.reason.render(tr.reason))):
                self.unmatched.setItem(i, col, QTableWidgetItem(value))
        self.unmatched.setVisible(bool(result.unmatched))
        self.save_button.setVisible(bool(result.unmatched))

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, ReasonsError):
            self._say(self._render(exc) + " " + self.tr("Nothing was stored."))
            return
        if isinstance(exc, UserError):
            self._say(exc.message)
            return
        raise exc

    def _cancelled(self) -> None:
        self._finish()
        self._say(self.tr("Import cancelled; nothing was stored."))

    def _save_unmatched(self) -> None:
        if self.result is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the unmatched rows"), "unmatched.csv", self.tr("CSV (*.csv)")
        )
        if name:
            self.save_unmatched(Path(name))

    def save_unmatched(self, out: Path) -> None:
        """The unmatched rows as CSV (line, reference, reason), written safely."""
        from db import files

        tr = translator(self.ctx.language)
        db = self.ctx.database
        try:
            with (
                files.replacing(out, protect=(db.path, db.key_path), suffix=".csv.part") as tmp,
                tmp.open("w", newline="", encoding="utf-8-sig") as fh,
            ):
                w = csv.writer(fh)
                w.writerow(
                    [self.tr("Line"), self.tr("Reference"), self.tr("Why it matched no loan")]
                )
                for u in self.result.unmatched:
                    w.writerow([u.line, u.reference, u.reason.render(tr.reason)])
        except UserError as exc:
            self._say(exc.message)
            return
        self._say(self._summary + "\n" + self.tr("Saved: {path}").format(path=out))

"""Copy the set-up… (Tools menu, the owner): the catalogue and settings to a file and back.

Export writes a ``.json`` (catalogue and every store setting) or an ``.xlsx``
(the catalogue, for a person to edit) through
:func:`db.services.catalogue_io.export_catalogue`; an existing file is
replaced only when it is a catalogue export itself.  Import reads the chosen
file and checks all of it before anything changes
(:func:`db.services.catalogue_io.import_catalogue`): every problem is listed
here with its sheet, row and field in the user's language, and nothing is
changed.  The store keeps its own name; its profile only when the box says
so.  The same service runs the command line's ``catalogue export`` and
``catalogue import``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.services import catalogue_io
from db.services import settings as settings_service
from db.services.base import PermissionDenied
from desktop import style
from desktop.context import AppContext
from desktop.pages.texts import tr_reason
from desktop.settings_labels import setting_label
from lending.errors import UserError


class CatalogueTransferDialog(QDialog):
    """Export the store's set-up, or import another store's (the owner)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source: Path | None = None
        self.setWindowTitle(self.tr("Copy the set-up"))
        self.setMinimumWidth(640)
        intro = QLabel(
            self.tr(
                "Copy this store's catalogue - lenders, products with their rates by grade, "
                "add-ons - and its settings to a file, to set up another store the same way."
            )
        )
        intro.setWordWrap(True)

        export_box = QGroupBox(self.tr("Export"))
        export_note = QLabel(
            self.tr(
                "A .json file holds the catalogue and every store setting. An Excel workbook "
                "(.xlsx) holds the catalogue, one sheet per table with headings in Chinese and "
                "English, for you to edit and import again."
            )
        )
        export_note.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.choose_export)
        column = QVBoxLayout(export_box)
        column.addWidget(export_note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        column.addLayout(row)

        import_box = QGroupBox(self.tr("Import"))
        import_note = QLabel(
            self.tr(
                "The file's catalogue replaces this store's: products, lenders and add-ons that "
                "the file does not hold are deactivated, never deleted, and saved plans keep "
                "theirs. A .json file also brings its settings. The whole file is checked "
                "first; if anything is wrong, nothing changes."
            )
        )
        import_note.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        choose = QPushButton(self.tr("Choose a file…"))
        choose.setAutoDefault(False)
        choose.clicked.connect(self.choose_import)
        self.profile = QCheckBox(
            self.tr("Also take the store profile (address, phone, licence No., logo, complaints)")
        )
        self.profile.setToolTip(
            self.tr(
                "What customer paper prints about the store. The store always keeps its own name."
            )
        )
        self.profile.setEnabled(False)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setAutoDefault(False)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        column = QVBoxLayout(import_box)
        column.addWidget(import_note)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        column.addLayout(row)
        column.addWidget(self.profile)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.import_button)
        column.addLayout(row)

        self.message = QLabel()
        self.message.setObjectName("transferMessage")
        self.message.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setObjectName("transferProblems")
        self.problems.setStyleSheet(style.ERROR_TEXT)
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(export_box)
        layout.addWidget(import_box)
        layout.addWidget(self.message)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(style.message(error))
        self.message.setText(text)

    def problem_lines(self) -> list[str]:
        return [self.problems.item(i).text() for i in range(self.problems.count())]

    def _show_problems(self, lines: list[str]) -> None:
        self.problems.clear()
        self.problems.addItems(lines)
        self.problems.setVisible(bool(lines))

    # -- export -------------------------------------------------------------------
    def choose_export(self) -> None:
        json_filter = self.tr("Catalogue and settings (*.json)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the set-up"),
            "loandesk-catalogue.json",
            f"{json_filter};;{self.tr('Catalogue as an Excel workbook (*.xlsx)')}",
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in catalogue_io.SUFFIXES:
            target = target.with_suffix(".json" if chosen == json_filter else ".xlsx")
        self.export_to(target)

    def export_to(self, path: Path) -> None:
        db, actor, lang = self.ctx.database, self.ctx.staff, self.ctx.language
        self._show_problems([])
        self.export_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: catalogue_io.export_catalogue(
                db, actor, path, protect=(db.path, db.key_path), lang=lang
            ),
            self._exported,
            self._failed,
        )

    def _exported(self, done: catalogue_io.ExportResult) -> None:
        self.export_button.setEnabled(True)
        c = done.counts
        text = self.tr(
            "Written to {path}: {lenders} lenders, {products} products, {add_ons} add-ons."
        ).format(path=done.path, lenders=c["lenders"], products=c["products"], add_ons=c["add_ons"])
        if done.kind == "json":
            text += " " + self.tr("With {n} store settings.").format(n=c["settings"])
        self.say(text)

    # -- import -------------------------------------------------------------------
    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a set-up"), "", self.tr("Catalogue files (*.json *.xlsx)")
        )
        if path:
            self.choose(Path(path))

    def choose(self, path: Path) -> None:
        self.source = path
        self.file.setText(str(path))
        is_json = path.suffix.lower() == ".json"
        self.profile.setEnabled(is_json)
        if not is_json:
            self.profile.setChecked(False)
        self.import_button.setEnabled(True)
        self._show_problems([])
        self.say("")

    def start_import(self) -> None:
        if self.source is None:
            return
        db, actor, source = self.ctx.database, self.ctx.staff, self.source
        with_profile = self.profile.isChecked()

        def job() -> tuple[catalogue_io.ImportResult, Any]:
            result = catalogue_io.import_catalogue(db, actor, source, with_profile=with_profile)
            return result, settings_service.load_store_settings(db, actor.store_id)

        self._show_problems([])
        self.import_button.setEnabled(False)
        self.ctx.runner.run(job, self._imported, self._failed)

    def _imported(self, done: tuple[catalogue_io.ImportResult, Any]) -> None:
        result, settings = done
        self.import_button.setEnabled(True)
        self.ctx.settings = settings.lending

        def counts(c: Any) -> str:
            return self.tr("{added} added, {changed} changed, {deactivated} deactivated").format(
                **c
            )

        lines = [
            self.tr("Imported {file}.").format(file=self.source.name if self.source else ""),
            self.tr("Lenders: {counts}.").format(counts=counts(result.lenders)),
            self.tr("Products: {counts}.").format(counts=counts(result.products)),
            self.tr("Add-ons: {counts}.").format(counts=counts(result.add_ons)),
        ]
        if self.source is not None and self.source.suffix.lower() == ".json":
            lines.append(self.tr("Settings changed: {n}.").format(n=result.settings_changed))
        lines.append(self.tr("New plans use the imported catalogue; saved plans keep theirs."))
        self.say(" ".join(lines))

    def _label(self, table: str, field: str) -> str | None:
        return setting_label(field) if table == "settings" else None

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.import_button.setEnabled(self.source is not None)
        if isinstance(exc, catalogue_io.CatalogueFileError):
            lang = self.ctx.language
            self._show_problems(
                [catalogue_io.problem_text(p, lang, self._label) for p in exc.problems]
            )
            self.say(
                self.tr(
                    "The file was not imported: {n} problem(s), listed below. Nothing was changed."
                ).format(n=len(exc.problems)),
                error=True,
            )
            return
        if isinstance(exc, PermissionDenied):
            self.say(self.tr("Only the owner can export or import the set-up."), error=True)
            return
        if isinstance(exc, UserError):
            self.say(tr_reason(exc.message), error=True)
            return
        raise exc

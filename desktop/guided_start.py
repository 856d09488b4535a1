"""The guided start: right after the first-run setup, four short steps for the owner.

1. **Store profile** - what customers read about the store on paper (name,
   address, phone, licence number, complaint channel, logo): the same fields
   as the settings dialog (:class:`desktop.store_settings.SettingsEditor`).
2. **Catalogue** - the sample catalogue LoanDesk starts with, listed; the
   owner confirms it as the store's real offer or leaves it unconfirmed.
   Until confirmed, every document carries the "sample data" watermark; the
   confirmation is saved (and audited) like any other setting, and can be
   given later in Tools > Store settings….
3. **Key copy** - the README's warning, then a passphrase-protected copy of
   the encryption key written by the same code as ``key export``
   (:func:`db.keys.export_key_to`).
4. **Staff** - the staff tab of "Staff and stores" (:class:`desktop.admin.StaffTab`).

Each step saves when Next is pressed; a refusal stays on the step with its
reasons.  Any step can be done later: "Later" closes the guide (Tools >
Guided start… opens it again).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.crypto import MIN_PASSPHRASE_LENGTH
from db.program import program_name
from db.services import catalogue as catalogue_service
from db.services import settings as settings_service
from db.services.base import Permission, ValidationError
from desktop import style
from desktop.admin import StaffTab
from desktop.context import AppContext
from desktop.pages.texts import tr_reason, validation_texts
from desktop.store_settings import SettingsEditor
from desktop.widgets import error_label, show_message
from lending.errors import UserError
from lending.products import Catalogue
from lending.settings import REGISTRY, StoreSettings

CATALOGUE_KEY = settings_service.CATALOGUE_CONFIRMED
PROFILE_SPECS = [s for s in REGISTRY if s.group == "store" and s.key != CATALOGUE_KEY]
CATALOGUE_SPECS = [s for s in REGISTRY if s.key == CATALOGUE_KEY]


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    return label


def _wrapped(text: str, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if muted:
        label.setStyleSheet(style.HINT_TEXT)
    return label


class GuidedStartDialog(QDialog):
    """Store profile -> catalogue -> key copy -> staff; each step saved on Next."""

    PROFILE, CATALOGUE, KEY, STAFF = range(4)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor = SettingsEditor(ctx.can(Permission.EDIT_SETTINGS), self)
        self.key_written: Path | None = None
        self.setWindowTitle(self.tr("Getting started"))
        self.setMinimumSize(700, 560)

        self.step_labels = [QLabel() for _ in range(4)]
        names = [
            self.tr("Store profile"),
            self.tr("Catalogue"),
            self.tr("Key copy"),
            self.tr("Staff"),
        ]
        steps = QHBoxLayout()
        for i, (label, name) in enumerate(zip(self.step_labels, names, strict=True)):
            label.setText(f"{i + 1}  {name}")
            steps.addWidget(label)
            if i < 3:
                arrow = QLabel("›")
                arrow.setStyleSheet(style.HINT_TEXT)
                steps.addWidget(arrow)
        steps.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._profile_page())
        self.pages.addWidget(self._catalogue_page())
        self.pages.addWidget(self._key_page())
        self.pages.addWidget(self._staff_page())

        self.message = error_label()
        self.back_button = QPushButton(self.tr("Back"))
        self.later_button = QPushButton(self.tr("Later"))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setDefault(True)
        for button in (self.back_button, self.later_button):
            button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.later_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.later_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addLayout(steps)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(780, 620)
        self.editor.set_editable(False)
        self._go(self.PROFILE)
        self._load()

    # -- pages --------------------------------------------------------------------
    def _profile_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(_title(self.tr("Your store on paper")))
        column.addWidget(
            _wrapped(
                self.tr(
                    "Quotes, repayment plans and disclosure sheets carry these lines. Customers "
                    "call "
                    "the phone number and use the complaint channel, so enter them as they should "
                    "read them."
                )
            )
        )
        column.addWidget(self.editor.page(PROFILE_SPECS), 1)
        return page

    def _catalogue_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(_title(self.tr("The product catalogue")))
        column.addWidget(
            _wrapped(
                self.tr(
                    "LoanDesk starts with a sample catalogue: lenders, products, rates and fees "
                    "that "
                    "show how it works (names marked 示例 / sample). Only confirm it if it is your "
                    "store's real offer. If it is not, leave it unconfirmed: every document then "
                    'carries the "sample data - not an offer" watermark until the catalogue is '
                    "replaced and confirmed (Tools > Store settings…)."
                )
            )
        )
        self.catalogue_model = QStandardItemModel(0, 4, self)
        self.catalogue_model.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Lenders"), self.tr("APR"), self.tr("Terms")]
        )
        table = QTableView()
        table.setObjectName("catalogueTable")
        table.setModel(self.catalogue_model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.catalogue_table = table
        column.addWidget(table, 1)
        column.addWidget(self.editor.page(CATALOGUE_SPECS))
        return page

    def _key_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(_title(self.tr("A copy of the encryption key")))
        warning = _wrapped(
            self.tr(
                "Customers' ID numbers, phone numbers and incomes are stored encrypted with this "
                "computer's key file. Without the key file that data is lost for good, and "
                "anyone holding both the database and the key can read it. Make a copy of the key "
                "now and keep it somewhere safe and apart from the database backups; the backup "
                "command copies the database only."
            )
        )
        warning.setStyleSheet(style.banner(style.WARNING, padding=8))
        column.addWidget(warning)
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        self.key_path = QLineEdit(str(Path(folder) / "loandesk-key.export"))
        browse = QPushButton(self.tr("Choose…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse_key)
        where = QHBoxLayout()
        where.addWidget(self.key_path, 1)
        where.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again = QLineEdit()
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_errors = {k: error_label() for k in ("path", "passphrase", "again")}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Save the copy as"), where)
        form.addRow("", self.key_errors["path"])
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(
            "",
            _wrapped(
                self.tr(
                    "At least {n} characters. Write it down and keep it apart from the file: "
                    "the copy "
                    "cannot be opened without it."
                ).format(n=MIN_PASSPHRASE_LENGTH),
                muted=True,
            ),
        )
        form.addRow("", self.key_errors["passphrase"])
        form.addRow(self.tr("Repeat the passphrase"), self.passphrase_again)
        form.addRow("", self.key_errors["again"])
        self.export_button = QPushButton(self.tr("Write the key copy"))
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export_key)
        self.key_done = QLabel()
        self.key_done.setWordWrap(True)
        self.key_done.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        column.addLayout(form)
        column.addLayout(row)
        column.addWidget(self.key_done)
        column.addWidget(
            _wrapped(
                self.tr(
                    "Another counter that opens the same database needs this key: install the copy "
                    "there with {program} key import --from FILE --user NAME."
                ).format(program=program_name()),
                muted=True,
            )
        )
        column.addStretch(1)
        return page

    def _staff_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(_title(self.tr("Your staff")))
        column.addWidget(
            _wrapped(
                self.tr(
                    "Give every consultant, finance specialist and manager an account of their "
                    "own: "
                    "what each one does is recorded under their name. You can add more later "
                    "(Tools > Staff and stores…)."
                )
            )
        )
        self.staff_tab = StaffTab(self.ctx)
        column.addWidget(self.staff_tab, 1)
        return page

    # -- loading ------------------------------------------------------------------
    def _load(self) -> None:
        db, store_id = self.ctx.database, self.ctx.staff.store_id

        def load() -> tuple[StoreSettings, Catalogue]:
            return (
                settings_service.load_store_settings(db, store_id),
                catalogue_service.load_catalogue(db, store_id),
            )

        self.ctx.runner.run(load, self._loaded, self._failed)

    def _loaded(self, result: tuple[StoreSettings, Catalogue]) -> None:
        current, catalogue = result
        self.editor.show_settings(current)
        from reports.lenders import lender_name

        chinese, lang = self.ctx.chinese, self.ctx.language
        self.catalogue_model.setRowCount(0)
        for product in catalogue.products:
            lenders = [lender_name(name, lang) for name in product.example_lenders]
            cells = [
                product.name_zh if chinese and product.name_zh else product.name,
                ("、" if chinese else ", ").join(lenders),
                f"{product.apr_min_percent}–{product.apr_max_percent} %",
                self.tr("{low}–{high} months").format(
                    low=product.term_min_months, high=product.term_max_months
                ),
            ]
            self.catalogue_model.appendRow([QStandardItem(c) for c in cells])

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ValidationError):
            self.editor.show_errors(validation_texts(exc))
            show_message(self.message, self.tr("Correct the fields marked in red."))
            return
        if isinstance(exc, UserError):
            show_message(self.message, tr_reason(exc.message))
            return
        raise exc

    # -- moving -------------------------------------------------------------------
    @property
    def step(self) -> int:
        return self.pages.currentIndex()

    def _go(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        for i, label in enumerate(self.step_labels):
            font = QFont(label.font())
            font.setBold(i == step)
            label.setFont(font)
            label.setStyleSheet("" if i == step else style.HINT_TEXT)
        self.back_button.setEnabled(step > self.PROFILE)
        self.next_button.setText(self.tr("Finish") if step == self.STAFF else self.tr("Next"))
        if step == self.KEY and self.key_written is None:
            self.next_button.setText(self.tr("Skip for now"))
        if step == self.STAFF:
            self.staff_tab.refresh()
        show_message(self.message, None)

    def back(self) -> None:
        if self.step > self.PROFILE:
            self._go(self.step - 1)

    def next(self) -> None:
        if self.step == self.STAFF:
            self.accept()
            return
        if self.step in (self.PROFILE, self.CATALOGUE):
            self._save_step()
            return
        self._go(self.step + 1)

    def _busy(self, busy: bool) -> None:
        self.next_button.setEnabled(not busy)
        self.back_button.setEnabled(not busy and self.step > self.PROFILE)

    def _save_step(self) -> None:
        """Save the step's settings (profile or catalogue) and go on; stay on any problem."""
        if self.editor.current is None:
            return
        keys = {s.key for s in (PROFILE_SPECS if self.step == self.PROFILE else CATALOGUE_SPECS)}
        changed, errors = self.editor.changes()
        errors = {k: v for k, v in errors.items() if k in keys}
        self.editor.show_errors(errors)
        if errors:
            show_message(self.message, self.tr("Correct the fields marked in red."))
            return
        changed = {k: v for k, v in changed.items() if k in keys}
        if not changed or not self.editor.editable:
            self._go(self.step + 1)
            return
        db, actor, step = self.ctx.database, self.ctx.staff, self.step
        self._busy(True)
        self.ctx.runner.run(
            lambda: settings_service.save_store_settings(db, actor, changed),
            lambda new: self._saved(new, step),
            self._failed,
        )

    def _saved(self, new: StoreSettings, step: int) -> None:
        self._busy(False)
        self.editor.show_settings(new)
        self.ctx.settings = new.lending
        self.ctx.store_name = new.profile.name
        self._go(step + 1)

    # -- the key copy ---------------------------------------------------------------
    def _browse_key(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the key copy as"),
            self.key_path.text(),
            self.tr("Key copies (*.export)"),
        )
        if name:
            self.key_path.setText(name)

    def export_key(self) -> None:
        for label in self.key_errors.values():
            show_message(label, None)
        path, phrase = self.key_path.text().strip(), self.passphrase.text()
        key_file = self.ctx.database.key_path
        problems: dict[str, str] = {}
        if not path:
            problems["path"] = self.tr("Choose where to save the copy.")
        if len(phrase) < MIN_PASSPHRASE_LENGTH:
            problems["passphrase"] = self.tr(
                "The passphrase needs at least {n} characters."
            ).format(n=MIN_PASSPHRASE_LENGTH)
        elif self.passphrase_again.text() != phrase:
            problems["again"] = self.tr("The two passphrases are not the same.")
        if key_file is None:
            problems["path"] = self.tr(
                "This counter's key is not kept in a file; there is nothing to copy."
            )
        if not self.ctx.can(Permission.MANAGE_KEYS):
            problems["path"] = self.tr("Only the owner may copy the key.")
        for key, text in problems.items():
            show_message(self.key_errors[key], text)
        if problems:
            return
        assert key_file is not None
        from db.keys import export_key_to

        self.export_button.setEnabled(False)
        self.ctx.runner.run(
            lambda: export_key_to(path, key_file, phrase),
            lambda fp: self._key_exported(Path(path), fp),
            self._key_failed,
        )

    def _key_exported(self, path: Path, fingerprint: str) -> None:
        self.export_button.setEnabled(True)
        self.key_written = path
        self.passphrase.clear()
        self.passphrase_again.clear()
        self.key_done.setStyleSheet(style.OK_TEXT)
        self.key_done.setText(
            self.tr(
                "The key copy is saved as {path} (fingerprint {fingerprint}). Move it to a USB "
                "stick or another safe place now, away from this computer and its backups."
            ).format(path=path, fingerprint=fingerprint)
        )
        self.next_button.setText(self.tr("Next"))

    def _key_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        if not isinstance(exc, UserError):
            raise exc
        code = exc.code or ""
        if code == "file_exists":
            text = self.tr("That file already exists; choose another name.")
        elif code == "folder_missing":
            text = self.tr("That folder does not exist.")
        elif code.startswith("output_"):
            text = self.tr("The copy cannot be saved there; choose another file.")
        elif code == "passphrase_short":
            show_message(
                self.key_errors["passphrase"],
                self.tr("The passphrase needs at least {n} characters.").format(
                    n=MIN_PASSPHRASE_LENGTH
                ),
            )
            return
        else:
            text = exc.message
        show_message(self.key_errors["path"], text)

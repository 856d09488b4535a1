"""Tools → Backups… (owner): the automatic backups, "Back up now", restore, the policy.

LoanDesk backs up its SQLite file on the first close of each day
(:mod:`db.auto_backup`; the main window runs it while it closes).  This
dialog lists those backups with their time and size, makes one at once,
sets how many are kept, and restores a chosen one: after a confirmation that
names the backup's date, refused with the computer and user of any other
counter that has the database open.  After a restore the dialog closes with
:attr:`BackupsDialog.restored` set; the main window hands the reopened
database to the application, which asks to sign in again (the staff list
is the backup's).

Only the owner sees this dialog (``Permission.MANAGE_BACKUPS``): restoring
replaces every counter's data, and the list of full copies of the customer
file is nobody else's business.  The daily backup itself runs for whoever
closes the program.

A database on a server (PostgreSQL) is backed up by the server: the dialog
says so and offers nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db import auto_backup
from db.lease import LeaseBusy
from db.paths import key_file_path
from db.services import settings as settings_service
from db.services.base import local_time_text
from desktop import style
from desktop.widgets import readonly_item, show_message, table
from lending.errors import UserError

if TYPE_CHECKING:
    from db.auto_backup import BackupEntry
    from desktop.context import AppContext

MEBIBYTE = 1024 * 1024


def size_text(size_bytes: int) -> str:
    """``1.4 MB`` (one decimal; whole bytes below 0.1 MB are shown as 0.1 MB)."""
    tenths = max(1, (size_bytes * 10 + MEBIBYTE // 2) // MEBIBYTE)
    return QCoreApplication.translate("BackupsDialog", "{size} MB").format(
        size=f"{tenths // 10}.{tenths % 10}"
    )


def who_text(holders: tuple[tuple[str, str, str], ...]) -> str:
    """``li on COUNTER-2; wang on COUNTER-3`` (the counters that have the file open)."""
    names = [
        QCoreApplication.translate("BackupsDialog", "{user} on {host}").format(user=u, host=h)
        for h, u, _pid in holders
    ]
    return "; ".join(dict.fromkeys(names)) or QCoreApplication.translate(
        "BackupsDialog", "another counter"
    )


def failure_text(exc: UserError) -> str:
    """Why a backup or restore did not happen, in the interface language."""
    translate = QCoreApplication.translate
    if isinstance(exc, LeaseBusy):
        return translate(
            "BackupsDialog",
            "Not restored: the database is open in LoanDesk for {who}. Close LoanDesk "
            "there and try again; nothing was changed.",
        ).format(who=who_text(exc.holders))
    code = exc.code or ""
    if code == "backup_damaged":
        return translate(
            "BackupsDialog",
            "This backup is damaged and cannot be restored; nothing was changed. Choose "
            "another backup.",
        )
    if code == "backup_wrong_key":
        return translate(
            "BackupsDialog",
            "This backup was made with another key file than this computer's; nothing was changed.",
        )
    if code == "backup_schema_too_new":
        return translate(
            "BackupsDialog",
            "This backup was made by a newer LoanDesk; nothing was changed. Install that "
            "version first.",
        )
    if code == "backup_verify_failed":
        return translate(
            "BackupsDialog",
            "The backup failed its check and was discarded; the database itself is "
            "unchanged. Try again, or check the disk.",
        )
    if code == "restore_not_listed":
        return translate(
            "BackupsDialog", "This backup is no longer in the list; nothing was changed."
        )
    if code == "permission_denied":
        return translate("BackupsDialog", "Only the owner may do this.")
    if code == "restored_not_reopened":
        return translate(
            "BackupsDialog",
            "The backup was restored, but the database could not be opened again. LoanDesk "
            "closes now: start it again.",
        )
    return exc.message


class BackupsDialog(QDialog):
    """The list of backups with time and size; back up now; restore; how many are kept."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entries: list[BackupEntry] = []
        self.restored: tuple[Any, BackupEntry] | None = None
        """After a restore: (the reopened Database, the backup); the dialog has closed."""
        self.database_lost = False
        """The backup was restored but could not be opened again: the program must restart."""
        self._policy_shown = False
        self._backup_job: Any = None  # "Back up now" while it runs (closing cancels it)
        self._restoring = False  # the dialog stays open until a restore has finished
        self.setWindowTitle(self.tr("Backups"))
        self.message = QLabel()
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        layout = QVBoxLayout(self)
        self.server = not auto_backup.applies_to(ctx.database)
        if self.server:
            self._build_server(layout)
        else:
            self._build_list(layout)
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        self.close_button = close
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if self.server:
            self.resize(560, 170)
        else:
            self.setMinimumSize(620, 420)
            self.resize(720, 520)
            self.refresh()

    # -- building ------------------------------------------------------------------
    def _build_server(self, layout: QVBoxLayout) -> None:
        note = QLabel(
            self.tr(
                "This database is on a server, so the server's own backups apply (for "
                "PostgreSQL: pg_dump or your provider's backups). LoanDesk makes no "
                "backups of it and restores none."
            )
        )
        note.setObjectName("serverNote")
        note.setWordWrap(True)
        layout.addWidget(note, 1)

    def _build_list(self, layout: QVBoxLayout) -> None:
        path = self.ctx.database.path
        assert path is not None
        intro = QLabel(
            self.tr(
                "LoanDesk makes a checked backup the first time it is closed each day. "
                "Backups are kept in {folder}. They can be read only with this computer's "
                "key file ({key}): keep a copy of it in a safe place."
            ).format(folder=auto_backup.backup_folder(path), key=key_file_path())
        )
        intro.setObjectName("backupIntro")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)

        self.table = table([self.tr("Made at"), self.tr("Size")], stretch=0)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(
            self.tr("No backup yet: the first one is made when LoanDesk is closed today.")
        )
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)

        actions = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setAutoDefault(False)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setAutoDefault(False)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        layout.addLayout(actions)

        keep = QHBoxLayout()
        self.keep_last = QSpinBox()
        self.keep_last.setRange(*settings_service.KEEP_LAST_RANGE)
        self.keep_monthly = QSpinBox()
        self.keep_monthly.setRange(*settings_service.KEEP_MONTHLY_RANGE)
        self.keep_last.setValue(settings_service.DEFAULT_BACKUP_POLICY.keep_last)
        self.keep_monthly.setValue(settings_service.DEFAULT_BACKUP_POLICY.keep_monthly)
        self.save_policy_button = QPushButton(self.tr("Save"))
        self.save_policy_button.setAutoDefault(False)
        self.save_policy_button.clicked.connect(self.save_policy)
        keep.addWidget(QLabel(self.tr("Keep the newest")))
        keep.addWidget(self.keep_last)
        keep.addWidget(QLabel(self.tr("backups, and the first of each month for")))
        keep.addWidget(self.keep_monthly)
        keep.addWidget(QLabel(self.tr("months")))
        keep.addWidget(self.save_policy_button)
        keep.addStretch(1)
        layout.addLayout(keep)

    # -- the list ------------------------------------------------------------------
    def refresh(self) -> None:
        db = self.ctx.database

        def load() -> tuple[list[BackupEntry], settings_service.BackupPolicy]:
            return auto_backup.list_backups(db), settings_service.backup_policy(db)

        self.ctx.runner.run(load, self._loaded, self._failed)

    def _loaded(self, result: tuple[list[BackupEntry], settings_service.BackupPolicy]) -> None:
        entries, policy = result
        if not self._policy_shown:  # later refreshes keep what the owner is typing
            self._policy_shown = True
            self.keep_last.setValue(policy.keep_last)
            self.keep_monthly.setValue(policy.keep_monthly)
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            size = readonly_item(size_text(entry.size_bytes), row)
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, readonly_item(local_time_text(entry.made_at), row))
            self.table.setItem(row, 1, size)
        self.empty.setVisible(not self.entries)
        self._selection_changed()

    def selected(self) -> BackupEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(style.message(error, success=False))
        show_message(self.message, text)

    def _failed(self, exc: BaseException) -> None:
        self._backup_job = None
        self._restoring = False
        self._busy(False)
        if isinstance(exc, UserError) and exc.code == "restored_not_reopened":
            self.database_lost = True
            QMessageBox.critical(self, self.tr("Restore a backup"), failure_text(exc))
            self.reject()
            return
        if isinstance(exc, UserError):
            self.say(failure_text(exc), error=True)
            return
        raise exc

    def _busy(self, busy: bool) -> None:
        for button in (self.backup_button, self.save_policy_button):
            button.setEnabled(not busy)
        self.close_button.setEnabled(not (busy and self._restoring))  # closing cancels a backup
        self.restore_button.setEnabled(not busy and self.selected() is not None)

    # -- actions -------------------------------------------------------------------
    def back_up_now(self) -> None:
        db = self.ctx.database
        self._busy(True)
        self.say(self.tr("Backing up…"))
        self._backup_job = self.ctx.runner.run(
            lambda job: auto_backup.backup_now(db, check=job.check),
            self._backed_up,
            self._failed,
            cancellable=True,
        )

    def reject(self) -> None:
        if self._restoring:
            return  # a restore cannot be stopped half-way; it ends on its own
        if self._backup_job is not None:
            self._backup_job.cancel()  # nothing is added
        super().reject()

    def _backed_up(self, entry: BackupEntry) -> None:
        self._backup_job = None
        self._busy(False)
        self.say(
            self.tr("Backup made at {when} ({size}) and checked.").format(
                when=local_time_text(entry.made_at), size=size_text(entry.size_bytes)
            )
        )
        self.refresh()

    def save_policy(self) -> None:
        db, actor = self.ctx.database, self.ctx.staff
        last, monthly = self.keep_last.value(), self.keep_monthly.value()
        self.ctx.runner.run(
            lambda: settings_service.set_backup_policy(
                db, actor, keep_last=last, keep_monthly=monthly
            ),
            lambda _policy: self.say(
                self.tr(
                    "Saved. From the next backup on, the newest {last} and the first of "
                    "each month for {months} months are kept."
                ).format(last=last, months=monthly)
            ),
            self._failed,
        )

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        when = local_time_text(entry.made_at)
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr(
                "Replace the database with the backup of {when}?\n\n"
                "Everything saved after {when} is lost, on every counter. Everyone signs "
                "in again afterwards."
            ).format(when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor = self.ctx.database, self.ctx.staff
        self._restoring = True
        self._busy(True)
        self.say(self.tr("Restoring the backup of {when}…").format(when=when))
        self.ctx.runner.run(
            lambda: auto_backup.restore_from_backup(db, actor, entry.path),
            lambda database: self._restored(database, entry),
            self._failed,
        )

    def _restored(self, database: Any, entry: BackupEntry) -> None:
        self._restoring = False
        self.restored = (database, entry)
        self.accept()

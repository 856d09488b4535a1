"""What the main window opens from its Tools, Go and Help menus (:class:`ToolDialogs`).

A base class of :class:`desktop.main_window.MainWindow` (the window in three
files: ``MainWindow`` → ``WindowMenus`` → ``ToolDialogs`` → ``QMainWindow``);
what it uses of the window is declared under ``TYPE_CHECKING`` at the top of
the class, so mypy checks both sides.  Each opener checks the
permission again (an action hidden by mistake still does nothing), imports its
dialog only when first used (start-up stays light) and shows it over the
window: the owner's editors window-modal as ``self.dialog`` (tests reach them
there), the others modal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox

from desktop.lazy import lazy_module

if TYPE_CHECKING:  # mypy reads the modules; at run time they load on first use
    from db.models import enums
    from db.services import base
    from desktop import dialogs
    from desktop.context import AppContext
    from desktop.dashboard import DashboardDialog
    from desktop.preferences import Preferences
else:
    enums = lazy_module("db.models.enums")
    base = lazy_module("db.services.base")
    dialogs = lazy_module("desktop.dialogs")

TR_CONTEXT = "MainWindow"


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


class ToolDialogs(QMainWindow):
    """The dialogs of the menus; the window keeps the session (``self.ctx``)."""

    if TYPE_CHECKING:  # set or defined by MainWindow (WindowMenus: store_label)
        ctx: AppContext
        prefs: Preferences
        dialog: QDialog | None
        dashboard: DashboardDialog | None
        store_label: QLabel
        _saved_for_close: bool
        language_chosen: Signal  # (str)
        database_restored: Signal  # (Database, BackupEntry)

        def open_consultation(
            self, consultation_id: int, step: enums.Step | str | None = None
        ) -> None: ...

        def _title(self) -> str: ...

    # -- tools -------------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = dialogs.SettingsDialog(self.prefs.language, self)
        if dialog.exec():
            chosen = dialog.chosen_language
            if chosen != self.prefs.language:
                self.prefs.language = chosen
                self.language_chosen.emit(chosen)

    def export_report(self) -> None:
        if not self.ctx.can(base.Permission.EXPORT_REPORTS):
            return
        from desktop.export import ExportDialog

        ExportDialog(self.ctx, self).exec()

    def open_dashboard(self) -> None:
        """This month against last month for the manager (own store) and the owner."""
        if not self.ctx.can(base.Permission.EXPORT_REPORTS):
            return
        from PySide6.QtCore import Qt

        from desktop.dashboard import DashboardDialog

        if self.dashboard is not None:  # one at a time: bring it back and refresh
            self.dashboard.reload()
            self.dashboard.raise_()
            self.dashboard.activateWindow()
            return
        dialog = DashboardDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dashboard = dialog

        def opened(cid: int) -> None:
            dialog.close()
            self.open_consultation(cid)

        def gone() -> None:
            self.dashboard = None

        dialog.open_consultation.connect(opened)
        dialog.destroyed.connect(gone)
        dialog.show()

    def import_loan_status(self) -> None:
        """A lender's post-loan status file, for the overdue rate."""
        if not self.ctx.can(base.Permission.EXPORT_REPORTS):
            return
        from desktop.loan_status_import import LoanStatusImportDialog

        LoanStatusImportDialog(self.ctx, self).exec()

    def open_overrides(self) -> None:
        """The store's appraisal overrides awaiting a manager (approve, refuse, open)."""
        if not self.ctx.can(base.Permission.APPROVE_EXCEPTIONS):
            return
        from desktop.overrides import OverrideQueueDialog

        dialog = OverrideQueueDialog(self.ctx, self)
        chosen: list[int] = []
        dialog.open_requested.connect(chosen.append)
        dialog.exec()
        if chosen:
            self.open_consultation(chosen[0], step=enums.Step.APPRAISAL)

    def manage_staff(self) -> None:
        if not self.ctx.can(base.Permission.MANAGE_STAFF):
            return
        from desktop.admin import AdminDialog

        AdminDialog(self.ctx, self).exec()

    def open_store_settings(self) -> None:
        """Store settings (owner edits, manager reads); opened window-modal, not blocking."""
        if self.ctx is None:
            return
        from desktop.store_settings import StoreSettingsDialog

        self._open_dialog(StoreSettingsDialog(self.ctx, self), self._store_settings_closed)

    def _store_settings_closed(self) -> None:
        if self.ctx is None:
            return
        self.setWindowTitle(self._title())
        self.store_label.setText(_t("Store: {store}").format(store=self.ctx.store_name or "—"))

    def open_guided_start(self) -> None:
        """Store profile, catalogue, key copy, staff: after the first-run setup, or later."""
        if self.ctx is None:
            return
        from desktop.guided_start import GuidedStartDialog

        self._open_dialog(GuidedStartDialog(self.ctx, self), self._store_settings_closed)

    def open_catalogue(self) -> None:
        """Products and lenders (owner edits, manager reads); window-modal, not blocking."""
        if self.ctx is None:
            return
        from desktop.catalogue_editor import CatalogueEditorDialog

        self._open_dialog(CatalogueEditorDialog(self.ctx, self), None)

    def open_blacklist(self) -> None:
        if self.ctx is None:
            return
        from desktop.blacklist import BlacklistDialog

        self._open_dialog(BlacklistDialog(self.ctx, self), None)

    def open_add_ons(self) -> None:
        """The add-on catalogue (owner edits, manager reads)."""
        if self.ctx is None:
            return
        from desktop.addon_editor import AddOnDialog

        self._open_dialog(AddOnDialog(self.ctx, self), None)

    def open_transfer(self) -> None:
        """Export or import the catalogue and settings (the owner)."""
        if self.ctx is None or not self.ctx.can(base.Permission.EDIT_CATALOGUE):
            return
        from desktop.catalogue_transfer import CatalogueTransferDialog

        self._open_dialog(CatalogueTransferDialog(self.ctx, self), self._store_settings_closed)

    def _open_dialog(self, dialog: QDialog, on_closed: Callable[[], None] | None) -> None:
        """Show ``dialog`` over the window (tests reach it as ``self.dialog``)."""
        self.dialog = dialog

        def closed(_code: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if on_closed is not None:
                on_closed()

        dialog.finished.connect(closed)
        dialog.open()

    def open_backups(self) -> None:
        if not self.ctx.can(base.Permission.MANAGE_BACKUPS):
            return
        from desktop.backups import BackupsDialog

        dialog = BackupsDialog(self.ctx, self)
        dialog.exec()
        if dialog.restored is not None or dialog.database_lost:
            # the database was replaced: this window's session is over, nothing of it is saved
            self._saved_for_close = True
        if dialog.restored is not None:
            self.database_restored.emit(*dialog.restored)
        elif dialog.database_lost:
            self.close()  # restored but not reopened: the program starts again by hand

    def about(self) -> None:
        QMessageBox.about(
            self,
            _t("About LoanDesk"),
            _t(
                "LoanDesk — the loan assistant for the dealership counter.\n"
                "Quotes show the true APR (IRR method) with every fee."
            ),
        )

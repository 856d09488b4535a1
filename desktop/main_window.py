"""The main window: home, the consultation flow, toolbar and menus, status bar."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop.lazy import lazy_module
from desktop.preferences import Preferences
from desktop.window_menus import WindowMenus
from lending.errors import UserError

# The data layer and the pages built on it: imported once the window is on
# screen (see attach()), so start-up does not wait for them; mypy reads them.
if TYPE_CHECKING:
    from db.models import enums
    from db.services import base, consultations
    from db.services import staff as staff_service
    from db.services.consultations import ConsultationView
    from desktop import dialogs, steps
    from desktop.context import AppContext
    from desktop.dashboard import DashboardDialog
    from desktop.home import HomePage
    from desktop.pages import texts
    from desktop.steps import FlowView
else:
    enums = lazy_module("db.models.enums")
    base = lazy_module("db.services.base")
    consultations = lazy_module("db.services.consultations")
    staff_service = lazy_module("db.services.staff")
    dialogs = lazy_module("desktop.dialogs")
    steps = lazy_module("desktop.steps")
    texts = lazy_module("desktop.pages.texts")

log = logging.getLogger(__name__)


class MainWindow(WindowMenus):
    logout_requested = Signal()
    language_chosen = Signal(str)  # "" / "zh_CN" / "en": the application rebuilds the window
    closed = Signal()
    """The window really closed (not for a rebuild): the application quits."""
    database_restored = Signal(object, object)
    """(the reopened Database, the BackupEntry): the application signs everyone in again."""

    def __init__(
        self,
        ctx: AppContext | None,
        prefs: Preferences,
        parent: QWidget | None = None,
        *,
        waiting: str = "",
    ) -> None:
        """``ctx`` None: the frame, toolbar and menus with ``waiting`` in the middle
        until :meth:`attach` brings the session (start-up shows this first)."""
        super().__init__(parent)
        self.ctx: AppContext = None  # type: ignore[assignment]  # set by attach()
        self.prefs = prefs
        self.dialog: QDialog | None = None
        """The owner's dialog open over the window (store settings, blacklist)."""
        self._closing_for_rebuild = False
        self.backup_on_close = True
        """Make the day's backup when the window closes (the start-up bench says no)."""
        self._backing_up = False  # the day's backup runs while the window closes
        self._close_backup: Any = None  # its TaskHandle
        self._saved_for_close = False
        self.setObjectName("mainWindow")
        self.resize(1180, 780)
        self.setMinimumSize(960, 640)
        self.home: HomePage = None  # type: ignore[assignment]  # built by attach()
        self._flow: FlowView | None = None  # built on first use: start-up shows home only
        self.dashboard: DashboardDialog | None = None  # the open dashboard window, if any

        self.central = QStackedWidget()
        self.waiting = QLabel(waiting)
        self.waiting.setObjectName("waitingForDatabase")
        # Qt enums set by name: PySide6 builds all ~90 enums of the Qt namespace
        # (about 25 ms) on the first use of ``Qt``, and the first screen needs
        # no other; the home page uses it after the window is shown.
        self.waiting.setProperty("alignment", "AlignCenter")
        self.central.addWidget(self.waiting)
        self.setCentralWidget(self.central)
        self.statusBar()  # there from the start: attach() fills it without a jump
        self._build_actions()
        self.setWindowTitle(self._title())

        geometry = prefs.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = prefs.window_state()
        if state is not None:
            self.restoreState(state)
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """The logged-in session: the home page, the user's actions, the status bar."""
        from desktop.home import HomePage

        self.ctx = ctx
        self.setWindowTitle(self._title())
        self.home = HomePage(ctx)
        self.central.addWidget(self.home)
        self.central.setCurrentWidget(self.home)
        self.central.removeWidget(self.waiting)
        self.waiting.deleteLater()

        self.home.open_consultation.connect(self.open_consultation)
        self.home.new_consultation.connect(self.new_consultation)
        self.home.new_consultation_for.connect(self.new_consultation_for)

        self.export_action.setVisible(ctx.can(base.Permission.EXPORT_REPORTS))
        self.dashboard_action.setVisible(ctx.can(base.Permission.EXPORT_REPORTS))
        self.loan_status_action.setVisible(ctx.can(base.Permission.EXPORT_REPORTS))
        self.admin_action.setVisible(ctx.can(base.Permission.MANAGE_STAFF))
        # the owner edits the store settings, a manager reads them
        self.store_settings_action.setVisible(ctx.can(base.Permission.MANAGE_BLACKLIST))
        self.catalogue_action.setVisible(ctx.can(base.Permission.VIEW_CATALOGUE))
        self.blacklist_action.setVisible(ctx.can(base.Permission.MANAGE_BLACKLIST))
        self.add_ons_action.setVisible(ctx.can(base.Permission.MANAGE_BLACKLIST))  # owner edits
        self.transfer_action.setVisible(ctx.can(base.Permission.EDIT_CATALOGUE))
        self.guided_start_action.setVisible(ctx.can(base.Permission.EDIT_SETTINGS))
        self.overrides_action.setVisible(ctx.can(base.Permission.APPROVE_EXCEPTIONS))
        self.backups_action.setVisible(ctx.can(base.Permission.MANAGE_BACKUPS))
        for action in self._session_actions:
            action.setEnabled(True)
        self._build_status_bar()
        ctx.runner.error_handler = self.show_error

    # -- construction ----------------------------------------------------------
    def _title(self) -> str:
        app = self.tr("LoanDesk")
        store = self.ctx.store_name if self.ctx is not None else ""
        return f"{app} — {store}" if store else app

    # -- the consultation view (lazy) --------------------------------------------
    @property
    def flow(self) -> FlowView:
        if self._flow is None:
            flow = steps.FlowView(self.ctx)
            flow.step_requested = self._step_requested
            flow.state_refresh_needed.connect(self.refresh_consultation)
            flow.step_shown.connect(self._remember_step)
            flow.back_button.clicked.connect(self.previous_step)
            flow.save_button.clicked.connect(self.save_step)
            flow.next_button.clicked.connect(self.next_step)
            flow.lost_button.clicked.connect(self.mark_lost)
            flow.reopen_button.clicked.connect(self.reopen_consultation)
            flow.followup_button.clicked.connect(self.add_follow_up)
            for page in flow.page_for.values():
                signal = getattr(page, "consultation_changed", None)
                if signal is not None:
                    signal.connect(self._consultation_changed)
                saved = getattr(page, "saved", None)
                if saved is not None:
                    saved.connect(self._page_saved)
            self.central.addWidget(flow)
            self._flow = flow
        return self._flow

    def _in_flow(self) -> bool:
        return self._flow is not None and self.central.currentWidget() is self._flow

    # -- navigation ------------------------------------------------------------
    @property
    def consultation_id(self) -> int | None:
        return self.flow.consultation_id if self._in_flow() else None

    def go_home(self) -> None:
        if self._in_flow() and not self._leave_step():
            return
        self.prefs.set_last_consultation(self.ctx.staff.username, None)
        self.central.setCurrentWidget(self.home)
        self.home.refresh()
        self.setWindowTitle(self._title())

    def focus_search(self) -> None:
        if self.central.currentWidget() is not self.home:
            self.go_home()
        if self.central.currentWidget() is self.home:
            self.home.focus_search()

    def new_consultation(self) -> None:
        if self._in_flow() and not self._leave_step():
            return
        dialog = dialogs.NewConsultationDialog(self.ctx, self)
        accepted = dialog.exec()
        self.activateWindow()  # the keyboard back in the window (the page takes the cursor)
        if accepted and dialog.result_view is not None:
            if dialog.reused:
                self.statusBar().showMessage(
                    self.tr(
                        "This mobile number belongs to {name}; the consultation is for them."
                    ).format(name=dialog.result_view.customer_name),
                    8000,
                )
            self.open_consultation(dialog.result_view.id, step=enums.Step.RECEPTION)

    def new_consultation_for(self, customer_id: int) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("New consultation"),
            self.tr("This customer has no open consultation. Start a new one?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor = self.ctx.database, self.ctx.staff
        self.ctx.runner.run(
            lambda: consultations.open_consultation(db, actor, customer_id),
            lambda view: self.open_consultation(view.id, step=enums.Step.RECEPTION),
        )

    def open_consultation(self, consultation_id: int, step: enums.Step | str | None = None) -> None:
        """Show a consultation at ``step`` (default: the first step not complete)."""
        if (
            self._in_flow()
            and self.flow.consultation_id
            not in (
                None,
                consultation_id,
            )
            and not self._leave_step()
        ):
            return
        self.flow.consultation_id = consultation_id
        for page in self.flow.page_for.values():
            page.load(consultation_id)  # type: ignore[attr-defined]
        self.central.setCurrentWidget(self.flow)
        db, actor = self.ctx.database, self.ctx.staff
        wanted = enums.Step(step) if step else None
        self.ctx.runner.run(
            lambda: consultations.get_consultation(db, actor, consultation_id),
            lambda view: self._opened(view, wanted),
        )

    def _opened(self, view: ConsultationView, step: enums.Step | None) -> None:
        self._consultation_changed(view)
        self.flow.show_step(step or view.next_step or enums.Step.SIGNING)
        self.prefs.set_last_consultation(
            self.ctx.staff.username, view.id, self.flow.current_step.value
        )

    def resume(self) -> bool:
        """Reopen the consultation this user had open when the window last closed."""
        username = self.ctx.staff.username
        cid = self.prefs.last_consultation(username)
        if cid is None:
            return False
        step = self.prefs.last_step(username)
        db, actor = self.ctx.database, self.ctx.staff

        def reopen(view: ConsultationView) -> None:
            if view.status is enums.ConsultationStatus.OPEN:
                self.open_consultation(view.id, step=step or None)

        def gone(exc: BaseException) -> None:
            if not isinstance(exc, UserError):
                raise exc
            self.prefs.set_last_consultation(username, None)

        self.ctx.runner.run(lambda: consultations.get_consultation(db, actor, cid), reopen, gone)
        return True

    def _remember_step(self, step: str) -> None:
        cid = self.flow.consultation_id
        if cid is not None and self._in_flow():
            self.prefs.set_last_consultation(self.ctx.staff.username, cid, step)

    def _leave_step(self) -> bool:
        """Save the current page's edits before leaving it; ask when they cannot be saved.

        A page without edits is left as it is (an untouched step is no error).
        """
        if not getattr(self.flow.current_page(), "dirty", True):
            return True
        if self.flow.save_current():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr(
                "Some fields on this step are not valid, so the step was not saved. "
                "The reasons are shown in red. Leave the step anyway?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _step_requested(self, step: enums.Step) -> None:
        if step is self.flow.current_step:
            return
        if not self._leave_step():
            self.flow.steps.select_step(self.flow.current_step)
            return
        self.flow.show_step(step)

    def previous_step(self) -> None:
        index = steps.STEPS.index(self.flow.current_step)
        if index > 0:
            self._step_requested(steps.STEPS[index - 1])

    def save_step(self) -> None:
        """Ctrl+S / Save: "Saved." appears when the save came back without errors."""
        if not self._in_flow() or self.flow.closed:
            return
        if not self.flow.save_current():
            self.statusBar().showMessage(
                self.tr("Not saved: correct the fields marked in red."), 6000
            )

    def _page_saved(self) -> None:
        page = self.sender()
        current = self._in_flow() and page is self.flow.current_page()
        if current and not getattr(page, "shown_errors", dict)():
            self.statusBar().showMessage(self.tr("Saved."), 3000)

    def next_step(self) -> None:
        if not self._in_flow():
            return
        if self.flow.closed:  # lost or delivered: look, never save
            index = steps.STEPS.index(self.flow.current_step)
            if index + 1 < len(steps.STEPS):
                self._step_requested(steps.STEPS[index + 1])
            return
        if not self.flow.save_current():
            self.statusBar().showMessage(
                self.tr("Not saved: correct the fields marked in red."), 6000
            )
            return
        index = steps.STEPS.index(self.flow.current_step)
        if index + 1 < len(steps.STEPS):
            self.flow.show_step(steps.STEPS[index + 1])

    # -- consultation state ----------------------------------------------------
    def refresh_consultation(self) -> None:
        cid = self.flow.consultation_id
        if cid is None:
            return
        db, actor = self.ctx.database, self.ctx.staff
        self.ctx.runner.run(
            lambda: consultations.get_consultation(db, actor, cid), self._consultation_changed
        )

    def _consultation_changed(self, view: Any) -> None:
        if not isinstance(view, consultations.ConsultationView):
            return
        if view.id != self.flow.consultation_id:
            return
        self._seen_version = (view.id, view.version_id)
        self._view = view
        self.flow.steps.set_states(view.steps)
        title = self.tr("Consultation {number} — {customer}").format(
            number=view.id, customer=view.customer_name
        )
        blocked = [texts.tr_reason(r) for r in view.blocked]
        warnings = [texts.tr_reason(r) for r in view.warnings]
        self.flow.set_header(title, blocked, warnings)
        self.flow.set_status(view)
        self.setWindowTitle(f"{view.customer_name} — {self._title()}")

    def mark_lost(self) -> None:
        """Ask why the customer was lost and record it (the report counts the reasons)."""
        cid = self.consultation_id
        if cid is None or not self._leave_step():
            return
        dialog = steps.LostDialog(self.ctx, cid, self, expected_version=self._known_version(cid))
        if dialog.exec() and dialog.result_view is not None:
            self._note_window_write(dialog.result_view, dialog.expected_version)
            self._consultation_changed(dialog.result_view)
            self.statusBar().showMessage(self.tr("Marked lost."), 5000)

    def add_follow_up(self) -> None:
        """A follow-up set by hand for this consultation's customer (shown on Home)."""
        view = getattr(self, "_view", None)
        if view is None or view.id != self.consultation_id:
            return
        from desktop.followup_dialogs import AddFollowUpDialog

        dialog = AddFollowUpDialog(self.ctx, view.customer_id, view.id, view.customer_name, self)
        if dialog.exec():
            self.statusBar().showMessage(self.tr("Follow-up added."), 5000)
        page = self.flow.current_page()
        if hasattr(page, "focus_first_field"):
            page.focus_first_field()

    def reopen_consultation(self) -> None:
        cid = self.consultation_id
        if cid is None:
            return
        db, actor, version = self.ctx.database, self.ctx.staff, self._known_version(cid)

        def reopened(view: ConsultationView) -> None:
            self._note_window_write(view, version)
            self._consultation_changed(view)

        self.ctx.runner.run(
            lambda: consultations.reopen(db, actor, cid, expected_version=version), reopened
        )

    def _known_version(self, cid: int) -> int | None:
        """The consultation's version as this window last saw it (for its own writes)."""
        seen = getattr(self, "_seen_version", None)
        if seen is None or seen[0] != cid:
            return None
        return self.ctx.versions.latest("consultation", cid, seen[1])

    def _note_window_write(self, view: ConsultationView, expected: int | None) -> None:
        if expected is not None:
            self.ctx.versions.advance("consultation", view.id, expected, view.version_id)

    def log_out(self) -> None:
        if self._in_flow() and not self._leave_step():
            return
        db, actor = self.ctx.database, self.ctx.staff
        # the audit row is written on the worker; this window is gone when it returns
        self.ctx.runner.run(
            lambda: staff_service.logout(db, actor),
            None,
            lambda exc: log.warning("could not record the logout: %s", type(exc).__name__),
        )
        self._save_window()
        self._closing_for_rebuild = True
        self.logout_requested.emit()

    def show_error(self, exc: BaseException) -> None:
        """Errors of background jobs nobody handled: user errors in a box, bugs raised."""
        if isinstance(exc, UserError):
            QMessageBox.warning(
                self, self.tr("LoanDesk"), QCoreApplication.translate("Reason", exc.message)
            )
            return
        raise exc

    # -- window state --------------------------------------------------------------
    def _save_window(self) -> None:
        self.prefs.save_window(self.saveGeometry(), self.saveState())
        self.prefs.sync()

    def close_for_rebuild(self) -> None:
        """Close without logging out (language switch): the caller builds a new window."""
        self._closing_for_rebuild = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save, then (first close of the day) back up while the window waits, then close.

        The backup runs on the worker after the last saves, so it holds them.
        Closing again while it runs skips it (the next close tries again).
        """
        if self._backing_up:
            self._backing_up = False
            self._close_backup.cancel()  # closed again: do not wait for the backup
        elif not self._saved_for_close:
            self._saved_for_close = True
            if self._in_flow():
                self.flow.save_current()  # best effort; invalid fields stay unsaved
            self._save_window()
            if not self._closing_for_rebuild and self._start_close_backup():
                event.ignore()
                return
        super().closeEvent(event)
        if not self._closing_for_rebuild:
            self.closed.emit()

    def _backup_due(self) -> bool:
        if self.ctx is None or not self.backup_on_close:
            return False
        from db import auto_backup

        try:
            return auto_backup.is_due(self.ctx.database)
        except Exception:  # never keep the window from closing over this
            log.warning("could not tell whether a backup is due", exc_info=True)
            return False

    def _start_close_backup(self) -> bool:
        """Start the day's backup on the worker; False when none is due."""
        if not self._backup_due():
            return False
        from db import auto_backup

        db = self.ctx.database
        self.central.setEnabled(False)
        self.toolbar.setEnabled(False)
        self.statusBar().showMessage(
            self.tr("Backing up the database… (close again to skip today's backup)")
        )
        self._backing_up = True
        self._close_backup = self.ctx.runner.run(
            lambda job: auto_backup.backup_daily_if_due(db, check=job.check),
            lambda _entry: self._close_backup_finished(),
            self._close_backup_failed,
            cancellable=True,
        )
        return True

    def _close_backup_finished(self) -> None:
        if not self._backing_up:
            return  # skipped: the window is already closing
        self._backing_up = False
        QTimer.singleShot(0, self.close)  # not from inside the close that started it

    def _close_backup_failed(self, exc: BaseException) -> None:
        if not self._backing_up:
            return
        self._backing_up = False
        if isinstance(exc, UserError):
            from desktop.backups import failure_text

            reason = failure_text(exc)
        else:
            log.error("the backup on close failed", exc_info=exc)
            reason = type(exc).__name__
        QMessageBox.warning(
            self,
            self.tr("Backup failed"),
            self.tr(
                "Today's backup could not be made: {reason}\n\nYour data is unchanged. "
                "LoanDesk tries again the next time it is closed."
            ).format(reason=reason),
        )
        QTimer.singleShot(0, self.close)

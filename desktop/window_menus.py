"""The main window's actions, toolbar, menus, keys and status bar (:class:`WindowMenus`).

A base class of :class:`desktop.main_window.MainWindow` (and a subclass of
:class:`desktop.window_tools.ToolDialogs`, whose openers its menus call); the
window's own slots it uses are declared under ``TYPE_CHECKING`` at the top of
the class.  The actions exist from the
first frame (disabled or hidden until ``attach()`` brings the session and its
permissions); the status bar shows who is signed in, the store, the database
connection and a busy bar for jobs longer than 300 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QProgressBar, QStyle, QToolBar, QWidget

from desktop.lazy import lazy_module
from desktop.tasks import ConnectionIndicator
from desktop.window_tools import ToolDialogs

if TYPE_CHECKING:  # mypy reads the module; at run time it loads on first use
    from desktop import labels
else:
    labels = lazy_module("desktop.labels")

TR_CONTEXT = "MainWindow"


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


class WindowMenus(ToolDialogs):
    """Builds the window's actions and bars; the slots are the window's own."""

    if TYPE_CHECKING:  # defined by MainWindow

        def go_home(self) -> None: ...
        def new_consultation(self) -> None: ...
        def focus_search(self) -> None: ...
        def next_step(self) -> None: ...
        def save_step(self) -> None: ...
        def log_out(self) -> None: ...

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if shortcut is not None:
            # setShortcuts([...]): setShortcut()'s overloads would build the Qt enums
            action.setShortcuts([QKeySequence(shortcut)])
            action.setToolTip(
                f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self.home_action = self._action(_t("Home"), self.go_home, "Ctrl+H", sp.SP_DirHomeIcon)
        self.new_action = self._action(
            _t("New consultation"),
            self.new_consultation,
            QKeySequence.StandardKey.New,
            sp.SP_FileIcon,
        )
        self.settings_action = self._action(
            _t("Settings…"), self.open_settings, None, sp.SP_FileDialogDetailedView
        )
        self.export_action = self._action(
            _t("Export report…"), self.export_report, "Ctrl+E", sp.SP_DialogSaveButton
        )
        self.export_action.setVisible(False)  # attach() shows them to who may use them
        self.dashboard_action = self._action(
            _t("Dashboard"), self.open_dashboard, "Ctrl+D", sp.SP_FileDialogInfoView
        )
        self.dashboard_action.setVisible(False)
        self.loan_status_action = self._action(_t("Import lender status…"), self.import_loan_status)
        self.loan_status_action.setVisible(False)
        self.admin_action = self._action(
            _t("Staff and stores…"), self.manage_staff, None, sp.SP_DirLinkIcon
        )
        self.admin_action.setVisible(False)
        self.store_settings_action = self._action(_t("Store settings…"), self.open_store_settings)
        self.store_settings_action.setVisible(False)
        self.catalogue_action = self._action(_t("Products and lenders…"), self.open_catalogue)
        self.catalogue_action.setVisible(False)
        self.blacklist_action = self._action(_t("Blacklist…"), self.open_blacklist)
        self.blacklist_action.setVisible(False)
        self.add_ons_action = self._action(_t("Add-ons…"), self.open_add_ons)
        self.add_ons_action.setVisible(False)
        self.transfer_action = self._action(_t("Copy the set-up…"), self.open_transfer)
        self.transfer_action.setVisible(False)
        self.guided_start_action = self._action(_t("Guided start…"), self.open_guided_start)
        self.guided_start_action.setVisible(False)
        self.overrides_action = self._action(
            _t("Overrides awaiting approval…"), self.open_overrides
        )
        self.overrides_action.setVisible(False)  # managers and the owner
        self.backups_action = self._action(_t("Backups…"), self.open_backups)
        self.backups_action.setVisible(False)
        self.logout_action = self._action(
            _t("Log out"), self.log_out, None, sp.SP_DialogCloseButton
        )
        self.quit_action = self._action(_t("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.about_action = self._action(_t("About LoanDesk"), self.about)
        self.find_action = self._action(_t("Find customer"), self.focus_search, "Ctrl+F")
        # what needs the session: off until attach()
        self._session_actions = (
            self.home_action,
            self.new_action,
            self.find_action,
            self.settings_action,
            self.logout_action,
        )
        for action in self._session_actions:
            action.setEnabled(False)

        toolbar = QToolBar(_t("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setProperty("toolButtonStyle", "ToolButtonTextBesideIcon")  # see __init__
        for action in (self.home_action, self.new_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.dashboard_action)
        toolbar.addAction(self.export_action)
        toolbar.addAction(self.admin_action)
        toolbar.addAction(self.settings_action)
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        toolbar.addWidget(spacer)
        toolbar.addAction(self.logout_action)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

        menu = self.menuBar()
        file_menu = menu.addMenu(_t("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.logout_action)
        file_menu.addAction(self.quit_action)
        go_menu = menu.addMenu(_t("&Go"))
        go_menu.addAction(self.home_action)
        go_menu.addAction(self.dashboard_action)
        go_menu.addAction(self.find_action)
        tools_menu = menu.addMenu(_t("&Tools"))
        tools_menu.addAction(self.overrides_action)
        tools_menu.addAction(self.admin_action)
        tools_menu.addAction(self.store_settings_action)
        tools_menu.addAction(self.catalogue_action)
        tools_menu.addAction(self.blacklist_action)
        tools_menu.addAction(self.add_ons_action)
        tools_menu.addAction(self.transfer_action)
        tools_menu.addAction(self.guided_start_action)
        tools_menu.addAction(self.backups_action)
        tools_menu.addAction(self.loan_status_action)
        tools_menu.addSeparator()
        tools_menu.addAction(self.settings_action)
        help_menu = menu.addMenu(_t("&Help"))
        help_menu.addAction(self.about_action)

        for keys, slot in (
            (QKeySequence("Ctrl+Return"), self.next_step),
            (QKeySequence("Ctrl+Enter"), self.next_step),
            (QKeySequence(QKeySequence.StandardKey.Save), self.save_step),
        ):
            key = QShortcut(self)  # the key set apart, as for actions
            key.setKey(keys)
            key.activated.connect(slot)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        name = self.ctx.display_name or self.ctx.staff.username
        self.user_label = QLabel(
            _t("Signed in: {name} ({role})").format(
                name=name, role=labels.role_label(self.ctx.staff.role)
            )
        )
        self.store_label = QLabel(_t("Store: {store}").format(store=self.ctx.store_name or "—"))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        bar.addPermanentWidget(self.busy)
        self.connection_label = ConnectionIndicator(self.ctx.runner)  # shown while unreachable
        bar.addPermanentWidget(self.connection_label)
        bar.addPermanentWidget(self.user_label)
        bar.addPermanentWidget(self.store_label)
        # a short job should not flash the bar: show it only after 300 ms
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(300)
        self._busy_timer.timeout.connect(lambda: self.busy.setVisible(self.ctx.runner.busy))
        busy_changed = getattr(self.ctx.runner, "busy_changed", None)
        if busy_changed is not None:
            busy_changed.connect(self._busy_changed)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.setVisible(False)

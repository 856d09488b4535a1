"""GUI start-up: ``python main.py`` with no subcommand lands here.

Order: QApplication and preferences → language (translators) → database
(a :class:`UserError` becomes a message box, no traceback) → first-run
setup dialog → login dialog → main window (resuming the consultation left
open last time).  Log out returns to the login dialog; a language switch
rebuilds the main window in place.

Which database (:func:`choose_database`): ``--db``/``--database-url``, else
``LOANDESK_DATABASE_URL``, else the server remembered in the preferences
(chosen in the first-run dialog; stored without its password), else this
counter's own SQLite file.  On a first run the own file is created only when
the user picks "Set up this counter's own database", so a counter that joins
the group's server never makes a key of its own.  When the remembered
server cannot be used at start-up, the connection dialog says why and offers
to retry (e.g. with the password), change the address or go back to the own
database; the login dialog offers the same through "Change connection…".

``LOANDESK_BENCH_STARTUP=1`` (honoured only together with ``LOANDESK_HOME``,
i.e. a throw-away data folder) skips the login as the owner: the main window
shows first (frame, toolbar, menus, "Opening the database…"), then the data
layer is imported and the database opened behind it.  It prints
``LOANDESK_SHOWN`` once the window is on screen and ``LOANDESK_READY`` once
the home page's lists are loaded, and quits: it exists for
``bench/startup.py`` and nothing else.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from db.paths import ENV_HOME
from desktop import style
from desktop.preferences import APPLICATION, ORGANISATION, Preferences

BENCH_ENV = "LOANDESK_BENCH_STARTUP"
# packaging/smoke.py: the frozen bundle starts to its first dialog, says so, and quits
SMOKE_ENV = "LOANDESK_SMOKE"


# (PySide6 6.12's lost references to True/None: worked around on ``import desktop``.)
CONNECTED = "connected"  # run_setup's outcome: joined a server that already has an owner
NOT_OPENED = "not opened"  # login_while_opening's outcome: take the ordinary path


def choose_database(
    args: argparse.Namespace, prefs: Preferences, environ: dict[str, str] | None = None
) -> tuple[str | None, bool]:
    """(URL, remembered?): options > LOANDESK_DATABASE_URL > preferences > None (own file)."""
    from db.paths import ENV_DATABASE_URL, resolve_database_url

    env = os.environ if environ is None else environ
    db, url = getattr(args, "db", None), getattr(args, "database_url", None)
    if url or (db is not None and str(db)) or env.get(ENV_DATABASE_URL):
        return resolve_database_url(db, url, environ=env), False
    remembered = prefs.database_url
    if remembered:
        return remembered, True
    return None, False


def effective_language(prefs: Preferences) -> str:
    """The user's choice in Settings, else LOANDESK_LANG, else Chinese on a Chinese locale."""
    from resources.i18n import detect_language

    return prefs.language or detect_language()


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("LoanDesk")
    return app


def apply_font(app: QApplication, language: str) -> None:
    """On Windows pick the system's CJK UI font for Chinese; elsewhere fontconfig falls back."""
    if sys.platform == "win32" and language == "zh_CN":
        from PySide6.QtGui import QFont

        font = QFont("Microsoft YaHei UI")
        font.setPointSize(max(app.font().pointSize(), 9))
        app.setFont(font)


class Application(QObject):
    """Owns the database, the runner, the translators and the current main window."""

    def __init__(
        self,
        app: QApplication,
        *,
        url: str | None = None,
        prefs: Preferences | None = None,
        runner: Any = None,
        database: Any = None,
        splash: bool = False,
        remembered: bool = False,
    ) -> None:
        super().__init__(app)
        from desktop.i18n import Translators
        from desktop.tasks import TaskRunner

        self.app = app
        self.url = url  # None: this counter's own SQLite file
        self.remembered = remembered  # the URL came from the preferences (may be changed here)
        self.failed = False  # the database could not be opened (exit status 2)
        self.prefs = prefs or Preferences()
        self.runner = runner if runner is not None else TaskRunner(self)
        self.database = database
        self.translators = Translators(app)
        self.language = effective_language(self.prefs)
        self.translators.install(self.language)
        apply_font(app, self.language)
        # the login dialog comes at once when there is a database; else (the first run, the
        # setup dialog needs the data layer) something is on screen meanwhile
        self._splash: Any = (
            self._show_splash()
            if splash and database is None and not self._database_exists()
            else None
        )
        self.window: Any = None
        self.context: Any = None
        self.dialog: QWidget | None = None  # the open setup/login dialog (tests drive it)
        self.key_warning: QMessageBox | None = None  # shown when the key file is not private
        app.setQuitOnLastWindowClosed(False)

    # -- steps of start-up ---------------------------------------------------------
    def _show_splash(self) -> Any:
        """Something on screen at once while the data layer loads.

        A frameless label rather than ``QSplashScreen``: that one waits up to
        a second for the window system to confirm the window is exposed
        (the whole second on the offscreen platform) before returning.
        """
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QLabel

        splash = QLabel()
        splash.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
        splash.setFixedSize(420, 160)
        splash.setStyleSheet(f"QLabel {{ background: {style.ACCENT}; color: white; }}")
        title = QCoreApplication.translate("Application", "LoanDesk")
        message = QCoreApplication.translate("Application", "Opening the database…")
        splash.setText(
            f"<div style='font-size: 22pt; font-weight: bold'>{title}</div>"
            f"<div style='margin-top: 24px'>{message}</div>"
        )
        screen = self.app.primaryScreen()
        if screen is not None:
            splash.move(screen.availableGeometry().center() - splash.rect().center())
        splash.show()
        # Paint it now: the data layer import that follows blocks the event
        # loop.  Wait a moment for the window system to map the window (on a
        # real display that takes a few milliseconds), at most 200 ms.
        from PySide6.QtCore import QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(200)
        handle = splash.windowHandle()
        while handle is not None and not handle.isExposed() and not deadline.hasExpired():
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        splash.repaint()
        self.app.processEvents()
        return splash

    def _close_splash(self) -> None:
        if self._splash is not None:
            self._splash.close()
            self._splash.deleteLater()
            self._splash = None

    def open_database(self) -> bool:
        from lending.errors import UserError

        if self.database is not None:
            return True
        if not self._database_exists():
            return True  # first run: the setup dialog creates it if the user wants it
        try:
            self._open_now()
        except UserError as exc:
            return self._not_opened(exc)
        return True

    def _database_exists(self) -> bool:
        """A server URL, or this counter's own file is there (else: the first run)."""
        return self.url is not None or self._own_path().exists()

    def _open_now(self) -> None:
        """Open the database (raises UserError), warning about a key file others can read."""
        import warnings

        from db import open_database

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            self.database = open_database(self.url if self.url is not None else self._own_path())
        self._warn_about_key(caught)

    def _not_opened(self, exc: Any) -> bool:
        """``open_database`` refused: the connection dialog (a server) or the reason, then quit."""
        from desktop.login import show_startup_error

        self._close_splash()
        if self.remembered:
            return self.run_connect(exc)
        show_startup_error(exc)  # wrong key, damaged file ... in the user's language
        self.failed = True
        return False

    def _warn_about_key(self, caught: list[Any]) -> None:
        """A key file other users can read: say so (without stopping the start) and how to fix."""
        exposed = [w.message for w in caught if getattr(w.message, "key_path", None) is not None]
        if not exposed:
            return
        path = exposed[0].key_path
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Application", "LoanDesk"),
            QCoreApplication.translate(
                "Application",
                "Other users of this computer can read the key file {path}, which unlocks the "
                "customers' personal data. Make it private: chmod 600 {path}",
            ).format(path=path),
        )
        box.setModal(False)
        box.show()
        self.key_warning = box

    @staticmethod
    def _own_path() -> Any:
        from db.paths import default_db_path

        return default_db_path()

    def _open_own(self) -> Any:
        """On the worker (first run, "own database" chosen): create this counter's file."""
        from db import open_database

        return open_database(self._own_path())

    def _adopt(self, database: Any) -> None:
        """Work with ``database`` from now on (closing the one used before)."""
        if database is self.database:
            return
        if self.database is not None:
            self.database.close()
        self.database = database

    def _remember(self, url: str) -> None:
        self.url = url  # with the password: this run only
        self.remembered = True
        self.prefs.database_url = url  # the preferences strip the password
        self.prefs.sync()

    def _forget_server(self) -> None:
        self._adopt(None)
        self.url = None
        self.remembered = False
        self.prefs.use_own_database()
        self.prefs.sync()

    def run_connect(self, problem: Any = None) -> bool:
        """The connection dialog; True once a database is open (or the own one chosen)."""
        from desktop.server_setup import ConnectDialog

        dialog = ConnectDialog(self.url or "", self.runner, problem)
        self.dialog = dialog
        try:
            accepted = dialog.exec()
        finally:
            self.dialog = None
        if not accepted:
            if self.database is None:
                self.failed = problem is not None
            return False
        if dialog.use_own:
            self._forget_server()
            return self.open_database()
        self._adopt(dialog.database)
        self._remember(dialog.url)
        return True

    def fatal(self, message: str) -> None:
        QMessageBox.critical(
            None, QCoreApplication.translate("Application", "LoanDesk cannot start"), message
        )

    def needs_setup(self) -> bool:
        from db.services import staff

        return self.database is None or staff.needs_setup(self.database)

    def run_setup(self) -> Any:
        """The first-run dialog: an Actor, :data:`CONNECTED` (go to the login), or None (quit)."""
        from desktop.login import SetupDialog

        dialog = SetupDialog(self.database, self.runner, open_local=self._open_own)
        self.dialog = dialog
        smoke_test(dialog)
        try:
            accepted = dialog.exec()
        finally:
            self.dialog = None
        if dialog.database is not None:
            self._adopt(dialog.database)
        if dialog.server_url:
            self._remember(dialog.server_url)
        if not accepted:
            return None
        if dialog.actor is None:
            return CONNECTED if dialog.server_url else None
        self.prefs.last_username = dialog.actor.username
        return dialog.actor

    def run_login(self) -> Any:
        from db.connection import server_label
        from desktop.login_dialog import CHANGE_CONNECTION, LoginDialog

        while True:
            if self.needs_setup():  # the connection was changed to a new database
                outcome = self.run_setup()
                if outcome is not CONNECTED:
                    return outcome
            dialog = LoginDialog(
                self.database,
                self.runner,
                store_name=self._store_name(),
                username=self.prefs.last_username,
                store_id=self.prefs.last_store,
                server=server_label(self.database.url) if self.remembered else "",
            )
            result = self._run_login_dialog(dialog)
            if result == CHANGE_CONNECTION:
                self.run_connect()
                continue
            return self._logged_in(dialog, result)

    def _run_login_dialog(self, dialog: Any) -> int:
        self.dialog = dialog
        smoke_test(dialog)
        bench_login(dialog)
        try:
            return int(dialog.exec())
        finally:
            self.dialog = None

    def _logged_in(self, dialog: Any, result: int) -> Any:
        """The dialog's actor (None: the user quit), remembered for the next login."""
        if not result:
            return None
        self.prefs.last_username = dialog.actor.username if dialog.actor else ""
        if dialog.actor is not None:
            self.prefs.last_store = dialog.actor.store_id
        return dialog.actor

    def login_while_opening(self) -> Any:
        """The login dialog at once, the database opened behind it.

        The dialog needs nothing of the data layer to show: the user types
        while the worker imports SQLAlchemy, the models and the services;
        then the database is opened here (the GUI thread owns it) and "Log
        in" is enabled.  Returns the Actor, None (the user quit), or
        :data:`NOT_OPENED` when the database could not be opened, needs the
        first-run setup, or the user asked for another connection: the
        ordinary path (``open_database``, setup, ``run_login``) takes over.
        """
        from desktop.login_dialog import CHANGE_CONNECTION, LoginDialog
        from desktop.login_dialog import NOT_OPENED as WAIT_ENDED
        from lending.errors import UserError

        dialog = LoginDialog(
            None, self.runner, username=self.prefs.last_username, store_id=self.prefs.last_store
        )

        def imported(_none: None) -> None:
            if dialog.result() or not dialog.isVisible():
                return  # quit while the data layer was loading
            try:
                self._open_now()
            except UserError:
                dialog.done(WAIT_ENDED)  # said (or the connection offered) on the ordinary path
                return
            if self.needs_setup():
                dialog.done(WAIT_ENDED)
                return
            server = ""
            if self.remembered:
                from db.connection import server_label

                server = server_label(self.database.url)
            dialog.attach(self.database, store_name=self._store_name(), server=server)

        def failed(exc: BaseException) -> None:
            dialog.done(WAIT_ENDED)  # opened again on the ordinary path, which reports it

        self._close_splash()
        QTimer.singleShot(0, lambda: self.runner.run(_import_data_layer, imported, failed))
        result = self._run_login_dialog(dialog)
        if result in (WAIT_ENDED, CHANGE_CONNECTION):
            if result == CHANGE_CONNECTION:
                self.run_connect()
            return NOT_OPENED
        return self._logged_in(dialog, result)

    def _store_name(self, store_id: int | None = None) -> str:
        from db.services import settings as settings_service

        sid = store_id if store_id is not None else self.database.default_store_id()
        if sid is None:
            return ""
        return settings_service.get_store(self.database, sid).name

    def build_context(self, actor: Any) -> Any:
        from db.services import settings as settings_service
        from db.services import staff
        from desktop.context import AppContext

        display = next(
            (
                v.display_name
                for v in staff.list_staff(
                    self.database, actor, all_stores=actor.role.value == "owner"
                )
                if v.id == actor.staff_id
            ),
            actor.username,
        )
        return AppContext(
            database=self.database,
            staff=actor,
            runner=self.runner,
            language=self.language,
            settings=settings_service.load_settings(self.database, actor.store_id),
            store_name=self._store_name(actor.store_id),
            display_name=display,
        )

    def show_main(self, *, resume: bool = True, consultation: tuple[int, str] | None = None) -> Any:
        from desktop.main_window import MainWindow

        window = MainWindow(self.context, self.prefs)
        window.logout_requested.connect(self.log_out)
        window.language_chosen.connect(self.switch_language)
        window.database_restored.connect(self.database_restored)
        self.window = window
        window.show()
        window.home.refresh()
        if consultation is not None:
            window.open_consultation(consultation[0], step=consultation[1] or None)
        elif resume:
            window.resume()
        window.closed.connect(self._window_closed)
        return window

    def _window_closed(self) -> None:
        """The main window really closed (after the day's backup, if one was due)."""
        QTimer.singleShot(0, self.app.quit)

    def start(self) -> bool:
        """Everything up to the main window; False when the user quit on the way."""
        if bench_requested():
            return self._start_window_first()
        actor = None
        if self.database is None and self._database_exists():
            actor = self.login_while_opening()  # the usual start: the login dialog at once
            if actor is None:
                return False
        if actor is NOT_OPENED:
            actor = None
        first_run = False
        if actor is None:
            opened = self.open_database()
            self._close_splash()
            if not opened:
                return False
            if self.needs_setup():
                outcome = self.run_setup()
                if outcome is None:
                    return False
                if outcome is not CONNECTED:
                    actor = outcome
            first_run = actor is not None  # the owner was just created: the guided start follows
        if actor is None:
            actor = self.bench_actor() or self.run_login()
            if actor is None:
                return False
        self.context = self.build_context(actor)
        window = self.show_main()
        if first_run:
            window.open_guided_start()
        if bench_logs_in():
            bench_home_ready(window, self.runner, self.app)
        return True

    def bench_actor(self) -> Any:
        if not bench_requested():
            return None
        from db.services import staff

        return staff.owner_actor(self.database)

    def _start_window_first(self) -> bool:
        """Login skipped (the bench): the main window at once, the database behind it.

        The frame, toolbar and menus need nothing of the data layer.  Once
        the window is on screen the worker imports SQLAlchemy, the models and
        the services (most of start-up) while the event loop keeps the window
        alive; then the database is opened and the home page replaces the
        "Opening the database…" text.  Prints ``LOANDESK_SHOWN`` and
        ``LOANDESK_READY`` (home lists loaded) for bench/startup.py, then quits.
        """
        from desktop.main_window import MainWindow

        self._close_splash()
        waiting = QCoreApplication.translate("Application", "Opening the database…")
        self.window = MainWindow(None, self.prefs, waiting=waiting)
        self.window.show()
        self.window.closed.connect(self._window_closed)
        QTimer.singleShot(0, self._window_shown)
        return True

    def _window_shown(self) -> None:
        print("LOANDESK_SHOWN", flush=True)
        self.runner.run(_import_data_layer, lambda _none: self._open_session())

    def _open_session(self) -> None:
        if not self.open_database() or self.needs_setup():
            self.app.quit()
            return
        self.context = self.build_context(self.bench_actor())
        window = self.window
        window.backup_on_close = False  # a throw-away home: measure start-up, nothing else
        window.attach(self.context)
        window.logout_requested.connect(self.log_out)
        window.language_chosen.connect(self.switch_language)
        window.home.refresh()
        _settle_gc()
        quit_when_idle(self.runner, self.app)

    # -- while running ---------------------------------------------------------------
    def _drop_window(self) -> None:
        if self.window is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # e.g. never connected
                self.window.closed.disconnect(self._window_closed)
            self.window.close_for_rebuild()
            self.window.deleteLater()
            self.window = None

    def log_out(self) -> None:
        self._drop_window()
        self._sign_in_again()

    def _sign_in_again(self, *, resume: bool = True) -> Any:
        """The login dialog, then a new main window (None when the user quit)."""
        self.context = None
        actor = self.run_login()
        if actor is None:
            self.app.quit()
            return None
        self.context = self.build_context(actor)
        return self.show_main(resume=resume)

    def database_restored(self, database: Any, entry: Any) -> None:
        """A backup replaced the database: work on the reopened one, everyone signs in again."""
        from db.services.base import local_time_text

        self._drop_window()
        self._adopt(database)
        window = self._sign_in_again(resume=False)
        if window is not None:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Application", "The backup of {when} was restored."
                ).format(when=local_time_text(entry.made_at)),
                15000,
            )

    def switch_language(self, chosen: str) -> None:
        """Install the new translators and rebuild the window where the user was."""
        self.prefs.language = chosen
        self.language = effective_language(self.prefs)
        self.translators.install(self.language)
        apply_font(self.app, self.language)
        where = None
        if self.window is not None and self.window.consultation_id is not None:
            where = (self.window.consultation_id, self.window.flow.current_step.value)
        self._drop_window()
        self.context.language = self.language
        self.show_main(resume=False, consultation=where)

    def shutdown(self) -> None:
        self._drop_window()
        self.runner.shutdown()
        if self.database is not None:
            self.database.close()


def smoke_test(dialog: QDialog) -> None:
    """``LOANDESK_SMOKE=1`` with a throw-away ``LOANDESK_HOME``: once the dialog is on the
    screen, print its name and close it (the program then quits, status 0)."""
    if os.environ.get(SMOKE_ENV) != "1" or not os.environ.get(ENV_HOME):
        return

    def shown() -> None:
        print(f"LOANDESK_DIALOG {type(dialog).__name__} {dialog.isVisible()}", flush=True)
        dialog.reject()

    QTimer.singleShot(0, shown)


def bench_requested() -> bool:
    """``LOANDESK_BENCH_STARTUP=1`` with a throw-away ``LOANDESK_HOME``: bench/startup.py
    measures the main window with the login skipped."""
    return os.environ.get(BENCH_ENV) == "1" and bool(os.environ.get(ENV_HOME))


def bench_logs_in() -> bool:
    """``LOANDESK_BENCH_STARTUP=login`` with a throw-away ``LOANDESK_HOME``: the real start,
    the login dialog filled in by the program itself (:func:`bench_login`)."""
    return os.environ.get(BENCH_ENV) == "login" and bool(os.environ.get(ENV_HOME))


def bench_login(dialog: Any) -> None:
    """The bench's login: print ``LOANDESK_LOGIN_SHOWN`` when the dialog is on screen (with
    ``waiting`` while the database is being opened behind it, else ``ready``) and
    ``LOANDESK_LOGIN_READY`` when "Log in" works; then type ``LOANDESK_BENCH_USER`` and
    ``LOANDESK_BENCH_PASSWORD`` (a throw-away store's) and press it (``LOANDESK_SUBMITTED``)."""
    if not bench_logs_in():
        return

    def ready() -> None:
        print("LOANDESK_LOGIN_READY", flush=True)
        dialog.username.setText(os.environ.get("LOANDESK_BENCH_USER", "owner"))
        dialog.password.setText(os.environ.get("LOANDESK_BENCH_PASSWORD", ""))
        print("LOANDESK_SUBMITTED", flush=True)
        dialog.ok_button.click()

    def shown() -> None:
        state = "ready" if dialog.ok_button.isEnabled() else "waiting"
        print("LOANDESK_LOGIN_SHOWN", state, flush=True)
        if dialog.ok_button.isEnabled():
            ready()
        else:
            dialog.ready.connect(ready)

    QTimer.singleShot(0, shown)


def bench_home_ready(window: Any, runner: Any, app: QApplication) -> None:
    """The bench's home page: no backup on the quit, ``LOANDESK_READY`` once its lists are in."""
    window.backup_on_close = False  # a throw-away home: measure start-up, nothing else
    QTimer.singleShot(0, lambda: quit_when_idle(runner, app))


def quit_when_idle(runner: Any, app: QApplication) -> None:
    """Print ``LOANDESK_READY`` and quit once the runner has nothing left (the home lists)."""

    def ready(busy: bool = False) -> None:
        if not busy:
            print("LOANDESK_READY", flush=True)
            app.quit()

    if runner.busy:
        runner.busy_changed.connect(ready)
        QTimer.singleShot(30_000, app.quit)  # never hang a bench
    else:
        ready()


def _import_data_layer() -> None:
    """On the worker: what opening the database and the home page import."""
    import db.database
    import db.services.consultations
    import db.services.customers
    import db.services.followups
    import db.services.settings
    import db.services.staff  # noqa: F401


def _settle_gc() -> None:
    """Start-up is over: freeze what it made (later collections skip it), collector on."""
    gc.freeze()
    gc.enable()


def run_gui(args: argparse.Namespace) -> int:
    # Start-up imports SQLAlchemy, the models and the pages: ~100,000 new
    # objects and no garbage cycles worth collecting.  The collector is off
    # until the main window is shown with its session (about a tenth less
    # start-up time), then :func:`_settle_gc`.
    from lending.errors import UserError

    gc.disable()
    app = make_application()
    from desktop import crash

    crash.install()  # an unexpected error: a dialog and a report file, not a lost traceback
    prefs = Preferences()
    try:
        url, remembered = choose_database(args, prefs)
    except UserError as exc:  # a malformed --database-url or an impossible --db name
        from desktop.login import show_startup_error

        _settle_gc()
        show_startup_error(exc)
        return 2
    # the bench's window comes at once: no splash before it
    controller = Application(
        app, url=url, prefs=prefs, remembered=remembered, splash=not bench_requested()
    )
    started = False
    try:
        try:
            started = controller.start()
        finally:
            if controller.context is not None or not started:
                _settle_gc()  # else _open_session() does it, after the data layer
        if not started:
            return 2 if controller.failed else 0
        return int(app.exec())
    finally:
        controller.shutdown()

"""Background work: one worker thread for database jobs, results back by signal.

The pattern is Anki's ``taskman`` / Picard's ``run_task``:

* every job runs on **one** worker thread (SQLite likes one writer, and a
  job opens and closes its own unit of work through the ``db`` services);
* results and errors come back to the UI thread through a queued signal,
  and only there are ``on_done`` / ``on_error`` called;
* a job **never touches a widget**; it returns plain data (the services'
  frozen dataclasses) and the callback updates the screen.

Usage from a page::

    self.ctx.runner.run(
        lambda: consultations.load(self.ctx.database, self.ctx.staff, cid),
        self._show,                      # on_done(result) on the UI thread
        self._show_error,                # on_error(exc) on the UI thread
    )

A long job that reports progress and can be cancelled takes one argument,
the :class:`Job` control, **only when** ``progress=`` is given or
``cancellable=True``::

    def export(job: Job) -> Path:
        for i, row in enumerate(rows):
            job.check()                  # raises TaskCancelled after cancel()
            job.report(i, len(rows), "Writing rows")
        ...

    handle = runner.run(export, done, failed, progress=bar_update, cancellable=True)
    cancel_button.clicked.connect(handle.cancel)

When a job is cancelled, neither ``on_done`` nor ``on_error`` is called
(``on_cancelled`` is, when given).  When ``on_error`` is omitted the
exception is raised on the UI thread, where the application's error hook
(or pytest-qt, in tests) sees it; the main window sets
:attr:`TaskRunner.error_handler` to show :class:`UserError` texts in a
message box.

Tests use :class:`ImmediateRunner`: same API, runs the job at once on the
calling thread, callbacks before ``run`` returns.

Connection loss
    A job that fails because the database cannot be reached (see
    :func:`db.services.base.is_connection_error`) reaches its ``on_error``
    as :class:`~db.services.base.DatabaseUnavailable` (a ``UserError``, never
    a raw driver error), and the runner's :attr:`~TaskRunner.connection_changed`
    says ``False``; the next job that succeeds says ``True`` again.
    :class:`ConnectionIndicator` shows that in the status bar, and
    :class:`Backoff` gives the delays between tries (the step pages retry a
    save on their own, see ``desktop.pages.base``).
"""

from __future__ import annotations

import inspect
import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from desktop import style

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
Progress = Callable[[int, int, str], None]


class TaskCancelled(Exception):
    """Raised by :meth:`Job.check` inside a job after :meth:`TaskHandle.cancel`."""


RETRY_DELAYS_MS: tuple[int, ...] = (1000, 2000, 4000, 8000, 15000, 30000)
"""Waits between tries while the database is unreachable (the last one repeats)."""


class Backoff:
    """Growing delays for retries: 1 s, 2 s, 4 s ... then every 30 s."""

    def __init__(self, delays_ms: tuple[int, ...] = RETRY_DELAYS_MS) -> None:
        if not delays_ms:
            raise ValueError("at least one delay")
        self.delays_ms = delays_ms
        self.attempts = 0

    def next_ms(self) -> int:
        """The wait before the next try (and count it)."""
        delay = self.delays_ms[min(self.attempts, len(self.delays_ms) - 1)]
        self.attempts += 1
        return delay

    def reset(self) -> None:
        self.attempts = 0


def connection_error(exc: BaseException) -> BaseException | None:
    """``exc`` as a :class:`DatabaseUnavailable` when the database is unreachable, else None."""
    from db.services.base import DatabaseUnavailable, is_connection_error

    if not is_connection_error(exc):
        return None
    if isinstance(exc, DatabaseUnavailable):
        return exc
    orig = getattr(exc, "orig", None) or exc
    wrapped = DatabaseUnavailable(" ".join(str(orig).split())[:200])
    wrapped.__cause__ = exc
    return wrapped


class Job:
    """What a cancellable / progress-reporting job receives (thread-safe)."""

    def __init__(self, emit_progress: Callable[[int, int, str], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._emit_progress = emit_progress

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`TaskCancelled` when the user cancelled the job."""
        if self._cancel.is_set():
            raise TaskCancelled()

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        """Progress: ``done`` of ``total`` (0 = unknown), with an optional short text."""
        if self._emit_progress is not None:
            self._emit_progress(int(done), int(total), text)

    def _set_cancelled(self) -> None:
        self._cancel.set()


@dataclass(eq=False)
class TaskHandle:
    """A submitted job; :meth:`cancel` asks it to stop (safe to call any time)."""

    task_id: int
    job: Job
    on_done: Done | None
    on_error: Failed | None
    on_progress: Progress | None
    on_cancelled: Callable[[], None] | None
    cancellable: bool
    finished: bool = False
    _owner: Any = field(default=None, repr=False)

    @property
    def cancelled(self) -> bool:
        return self.job.cancelled

    @property
    def running(self) -> bool:
        return not self.finished

    def cancel(self) -> None:
        if self.finished or self.job.cancelled:
            return
        self.job._set_cancelled()
        if self._owner is not None:
            self._owner._cancelled(self)


class Runner(Protocol):
    """What widgets need from a runner (TaskRunner or ImmediateRunner)."""

    error_handler: Failed | None
    """Called for errors of jobs without ``on_error`` (the main window shows a message)."""

    @property
    def busy(self) -> bool:
        """True while any job is queued or running."""
        ...

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        progress: Progress | None = None,
        cancellable: bool = False,
        on_cancelled: Callable[[], None] | None = None,
    ) -> TaskHandle: ...

    def shutdown(self, wait_ms: int = 5000) -> None: ...


def _call(fn: Callable[..., Any], job: Job, wants_job: bool) -> Any:
    return fn(job) if wants_job else fn()


def _check_arity(fn: Callable[..., Any], wants_job: bool) -> None:
    """Catch the classic mistake early: a job that takes ``job`` but is not told so."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):  # builtins, C callables
        return
    required = [
        p
        for p in sig.parameters.values()
        if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    if wants_job and not sig.parameters:
        raise TypeError("a job run with progress= or cancellable=True takes one argument (job)")
    if not wants_job and required:
        raise TypeError("a job takes no arguments unless run with progress= or cancellable=True")


class _Relay(QObject):
    """Lives in the UI thread; the worker emits, Qt queues, the slots run here."""

    result = Signal(int, object)
    failure = Signal(int, object)
    progress = Signal(int, int, int, str)


class _BaseRunner(QObject):
    busy_changed = Signal(bool)
    """True while any job is queued or running (status bar spinner)."""
    connection_changed = Signal(bool)
    """False when a job found the database unreachable; True when one succeeds again."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._handles: dict[int, TaskHandle] = {}
        self.error_handler: Failed | None = None
        """Called for errors of jobs without ``on_error`` (the main window shows a message)."""
        self.database_reachable = True
        """As far as the last finished job knows."""

    def _set_reachable(self, reachable: bool) -> None:
        if reachable != self.database_reachable:
            self.database_reachable = reachable
            self.connection_changed.emit(reachable)

    # -- bookkeeping shared by both runners ------------------------------
    def _new_handle(
        self,
        fn: Callable[..., Any],
        on_done: Done | None,
        on_error: Failed | None,
        progress: Progress | None,
        cancellable: bool,
        on_cancelled: Callable[[], None] | None,
        emit_progress: Callable[[int, int, str], None] | None,
    ) -> TaskHandle:
        wants_job = progress is not None or cancellable
        _check_arity(fn, wants_job)
        task_id = next(self._ids)
        handle = TaskHandle(
            task_id=task_id,
            job=Job(emit_progress),
            on_done=on_done,
            on_error=on_error,
            on_progress=progress,
            on_cancelled=on_cancelled,
            cancellable=cancellable,
            _owner=self,
        )
        was_idle = not self._handles
        self._handles[task_id] = handle
        if was_idle:
            self.busy_changed.emit(True)
        return handle

    def _retire(self, handle: TaskHandle) -> None:
        handle.finished = True
        if self._handles.pop(handle.task_id, None) is not None and not self._handles:
            self.busy_changed.emit(False)

    def _finish_ok(self, handle: TaskHandle, value: Any) -> None:
        self._retire(handle)
        self._set_reachable(True)
        if handle.job.cancelled:
            if handle.on_cancelled is not None:
                handle.on_cancelled()
            return
        if handle.on_done is not None:
            handle.on_done(value)

    def _finish_error(self, handle: TaskHandle, exc: BaseException) -> None:
        self._retire(handle)
        if handle.job.cancelled or isinstance(exc, TaskCancelled):
            if handle.on_cancelled is not None:
                handle.on_cancelled()
            return
        unreachable = connection_error(exc)
        if unreachable is not None:
            exc = unreachable
            self._set_reachable(False)
        if handle.on_error is not None:
            try:
                handle.on_error(exc)
            except Exception as again:
                # a callback that handles only some errors passes the rest on: a user
                # error (e.g. the database unreachable) then gets the window's message
                # instead of a traceback
                from lending.errors import UserError

                if again is exc and isinstance(exc, UserError) and self.error_handler:
                    self.error_handler(exc)
                    return
                raise
        elif self.error_handler is not None:
            self.error_handler(exc)
        else:
            raise exc

    def _cancelled(self, handle: TaskHandle) -> None:
        """Hook for a cancel before the job finished (the worker will notice)."""

    @property
    def busy(self) -> bool:
        return bool(self._handles)


class TaskRunner(_BaseRunner):
    """One worker thread for database jobs; callbacks on the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setObjectName("loandesk-db-worker")
        self._relay = _Relay(self)
        self._relay.result.connect(self._on_result)
        self._relay.failure.connect(self._on_failure)
        self._relay.progress.connect(self._on_progress)
        self._closed = False

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        progress: Progress | None = None,
        cancellable: bool = False,
        on_cancelled: Callable[[], None] | None = None,
    ) -> TaskHandle:
        if self._closed:
            raise RuntimeError("the task runner has been shut down")
        relay = self._relay
        holder: list[int] = []

        def emit_progress(done: int, total: int, text: str) -> None:
            relay.progress.emit(holder[0], done, total, text)

        handle = self._new_handle(
            fn, on_done, on_error, progress, cancellable, on_cancelled, emit_progress
        )
        holder.append(handle.task_id)
        wants_job = progress is not None or cancellable
        job = handle.job
        task_id = handle.task_id

        def work() -> None:  # runs on the worker thread: no widgets here
            if job.cancelled:
                relay.failure.emit(task_id, TaskCancelled())
                return
            try:
                value = _call(fn, job, wants_job)
            except BaseException as exc:  # delivered to the UI thread
                relay.failure.emit(task_id, exc)
            else:
                relay.result.emit(task_id, value)

        self._pool.start(work)
        return handle

    @Slot(int, object)
    def _on_result(self, task_id: int, value: Any) -> None:
        handle = self._handles.get(task_id)
        if handle is not None:
            self._finish_ok(handle, value)

    @Slot(int, object)
    def _on_failure(self, task_id: int, exc: BaseException) -> None:
        handle = self._handles.get(task_id)
        if handle is not None:
            self._finish_error(handle, exc)

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, text: str) -> None:
        handle = self._handles.get(task_id)
        if handle is not None and handle.on_progress is not None and not handle.job.cancelled:
            handle.on_progress(done, total, text)

    def wait(self, timeout_ms: int = 5000) -> bool:
        """Block until the worker is idle (queued callbacks still need the event loop)."""
        return bool(self._pool.waitForDone(timeout_ms))

    def shutdown(self, wait_ms: int = 5000) -> None:
        """Refuse new work, let queued jobs finish (saves must not be lost), drop callbacks.

        Cancellable jobs (exports and the like) are cancelled instead.
        """
        self._closed = True
        for handle in list(self._handles.values()):
            if handle.cancellable:
                handle.job._set_cancelled()
        self._pool.waitForDone(wait_ms)
        for handle in list(self._handles.values()):
            handle.finished = True
        self._handles.clear()


class ImmediateRunner(_BaseRunner):
    """Runs each job at once on the calling thread (tests, headless tools)."""

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        progress: Progress | None = None,
        cancellable: bool = False,
        on_cancelled: Callable[[], None] | None = None,
    ) -> TaskHandle:
        box: list[TaskHandle] = []

        def emit_progress(done: int, total: int, text: str) -> None:
            h = box[0]
            if h.on_progress is not None and not h.job.cancelled:
                h.on_progress(done, total, text)

        handle = self._new_handle(
            fn, on_done, on_error, progress, cancellable, on_cancelled, emit_progress
        )
        box.append(handle)
        try:
            value = _call(fn, handle.job, progress is not None or cancellable)
        except Exception as exc:
            self._finish_error(handle, exc)
        else:
            self._finish_ok(handle, value)
        return handle

    def shutdown(self, wait_ms: int = 5000) -> None:
        self._handles.clear()


class ConnectionIndicator(QLabel):
    """Status bar note shown while the database cannot be reached (hidden otherwise)."""

    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(f"color: {style.RED}; font-weight: bold; padding: 0 6px;")
        self.setText(self.tr("Database unreachable: changes are kept, retrying"))
        self.setToolTip(
            self.tr(
                "The database cannot be reached. Unsaved changes stay in their forms and are "
                "saved as soon as the connection is back."
            )
        )
        self.setVisible(not getattr(runner, "database_reachable", True))
        signal = getattr(runner, "connection_changed", None)
        if signal is not None:
            signal.connect(lambda ok: self.setVisible(not ok))

"""TaskRunner: one worker thread, callbacks on the UI thread, errors, progress, cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from desktop.tasks import ImmediateRunner, Job, TaskCancelled, TaskRunner


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.shutdown()


def _is_ui_thread() -> bool:
    from PySide6.QtCore import QCoreApplication

    return QThread.currentThread() is QCoreApplication.instance().thread()


def test_result_comes_back_on_ui_thread(qtbot, runner):
    seen: dict[str, object] = {}

    def job() -> int:
        seen["job_thread"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["ui"] = _is_ui_thread()

    with qtbot.waitSignal(runner.busy_changed, timeout=3000, check_params_cb=lambda b: not b):
        handle = runner.run(job, done)
    assert seen["value"] == 42
    assert seen["ui"] is True
    assert seen["job_thread"] is not threading.main_thread()
    assert handle.finished and not runner.busy


def test_jobs_run_one_at_a_time_in_order(qtbot, runner):
    order: list[int] = []
    active = []
    overlap = []
    lock = threading.Lock()

    def make(i: int):
        def job() -> int:
            with lock:
                active.append(i)
                if len(active) > 1:
                    overlap.append(i)
            QThread.msleep(5)
            with lock:
                active.remove(i)
            return i

        return job

    for i in range(6):
        runner.run(make(i), order.append)
    qtbot.waitUntil(lambda: len(order) == 6, timeout=3000)
    assert order == list(range(6))
    assert overlap == []


def test_error_goes_to_on_error_on_ui_thread(qtbot, runner):
    errors: list[tuple[BaseException, bool]] = []
    done: list[object] = []

    def job() -> None:
        raise ValueError("boom")

    runner.run(job, done.append, lambda exc: errors.append((exc, _is_ui_thread())))
    qtbot.waitUntil(lambda: bool(errors), timeout=3000)
    assert isinstance(errors[0][0], ValueError) and errors[0][1]
    assert done == []


def test_error_without_handler_uses_error_handler(qtbot, runner):
    seen: list[BaseException] = []
    runner.error_handler = seen.append
    runner.run(lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert isinstance(seen[0], ZeroDivisionError)


def test_progress_and_cancel(qtbot, runner):
    started = threading.Event()
    progress: list[tuple[int, int, str]] = []
    done: list[object] = []
    errors: list[object] = []
    cancelled: list[bool] = []
    polled = threading.Event()

    def job(j: Job) -> str:
        j.report(1, 10, "first")
        started.set()
        for _ in range(500):
            if j.cancelled:
                polled.set()
            j.check()
            QThread.msleep(5)
        return "finished"

    handle = runner.run(
        job,
        done.append,
        errors.append,
        progress=lambda *a: progress.append(a),
        cancellable=True,
        on_cancelled=lambda: cancelled.append(True),
    )
    assert started.wait(3)
    qtbot.waitUntil(lambda: bool(progress), timeout=3000)
    assert progress[0] == (1, 10, "first")
    handle.cancel()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=3000)
    assert polled.is_set()
    assert done == [] and errors == []
    assert handle.cancelled and handle.finished


def test_cancel_before_start_skips_the_job(qtbot, runner):
    gate = threading.Event()
    ran: list[str] = []
    cancelled: list[bool] = []
    runner.run(lambda: gate.wait(3), lambda _v: ran.append("first"))
    second = runner.run(
        lambda j: ran.append("second ran"),
        lambda _v: ran.append("second done"),
        cancellable=True,
        on_cancelled=lambda: cancelled.append(True),
    )
    second.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(cancelled) and "first" in ran, timeout=3000)
    assert ran == ["first"]


def test_job_arity_mistakes_are_caught_early(qtbot, runner):
    with pytest.raises(TypeError):
        runner.run(lambda job: None, cancellable=False)
    with pytest.raises(TypeError):
        runner.run(lambda: None, cancellable=True)


def test_shutdown_refuses_new_work(qtbot):
    r = TaskRunner()
    r.shutdown()
    with pytest.raises(RuntimeError):
        r.run(lambda: None)


def test_immediate_runner_is_synchronous(qtbot):
    r = ImmediateRunner()
    out: list[object] = []
    r.run(lambda: 5, out.append)
    assert out == [5]
    r.run(lambda: int("x"), out.append, out.append)
    assert isinstance(out[1], ValueError)
    prog: list[tuple[int, int, str]] = []
    cancelled: list[bool] = []

    def job(j: Job) -> None:
        j.report(3, 4, "x")
        raise TaskCancelled()

    r.run(
        job,
        out.append,
        out.append,
        progress=lambda *a: prog.append(a),
        on_cancelled=lambda: cancelled.append(True),
    )
    assert prog == [(3, 4, "x")] and cancelled == [True] and len(out) == 2
    with pytest.raises(KeyError):
        r.run(lambda: {}["missing"])

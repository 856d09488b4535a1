"""Start-up time: process start -> login dialog usable, and password -> home page usable.

    python bench/startup.py [--runs 7] [--lang zh_CN|en] [--bundle dist/LoanDesk/LoanDesk]

All programs run as fresh processes in the same session, interleaved; the
clock runs from just before the process is spawned until it prints a mark.
LoanDesk runs on a throw-away ``LOANDESK_HOME`` with a set-up store.

The real start (``LOANDESK_BENCH_STARTUP=login``, honoured only with
``LOANDESK_HOME``): the program fills in the login dialog itself once "Log
in" works and presses it.  Figures:

* login shown: the login dialog is on screen (the user can type; the data
  layer is still loading behind it).
* login usable: the database is open, "Log in" is enabled.  Target 0.8 s.
* home after password: from pressing "Log in" to the home page with its two
  lists loaded (password check included).  Target 1.5 s.

And, with the login skipped (``LOANDESK_BENCH_STARTUP=1``): the main window
shown and usable, against the bare window and the bare window after
importing the data layer (the floor for any window that needs the database
before it can show).

``--bundle`` also times the frozen program (packaging/build.py) the same way;
the bare PySide6 window is the source Python's in both cases.  Ratios are to
the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARK = "LOANDESK_SHOWN"
READY = "LOANDESK_READY"
PASSWORD = "bench2026pw"  # the throw-away store's owner

BARE = f"""
import sys
{{preload}}
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1180, 780)
w.show()
QTimer.singleShot(0, lambda: (print("{MARK}", flush=True), app.quit()))
app.exec()
"""
# the floor for any window that needs the data layer before it can show
DATA_LAYER = "import db.database, db.services.consultations, db.services.staff"


def _marks(cmd: list[str], env: dict[str, str], last: str) -> dict[str, float]:
    """Seconds from spawning ``cmd`` to each mark it prints, up to ``last``."""
    start = time.perf_counter()
    seen: dict[str, float] = {}
    with subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        for line in proc.stdout:
            words = line.split()
            if words and words[0].startswith("LOANDESK_"):
                seen.setdefault(words[0], time.perf_counter() - start)
            if words and words[0] == last:
                break
        if last not in seen:
            err = proc.stderr.read()
            proc.wait()
            raise SystemExit(f"{' '.join(cmd)} never printed {last}:\n{err[-3000:]}")
        proc.wait(timeout=60)
    return seen


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds until the window is shown, and until it is ready (same when no READY line)."""
    seen = _marks(cmd, env, MARK if "LOANDESK_BENCH_STARTUP" not in env else READY)
    return seen[MARK], seen.get(READY, seen[MARK])


def _login(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """The real start: login shown, login usable, password -> home usable (seconds)."""
    seen = _marks(cmd, env, READY)
    return (
        seen["LOANDESK_LOGIN_SHOWN"],
        seen["LOANDESK_LOGIN_READY"],
        seen[READY] - seen["LOANDESK_SUBMITTED"],
    )


def _prepare(home: Path) -> None:
    """A set-up store (owner account, catalogue) so start-up reaches the main window."""
    code = (
        "from db import open_database\n"
        "from db.services import staff\n"
        "db = open_database()\n"
        "staff.create_owner(db, 'Bench store', 'owner', '" + PASSWORD + "')\n"
        "db.close()\n"
    )
    env = {**os.environ, "LOANDESK_HOME": str(home)}
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--bundle", type=Path, help="the frozen LoanDesk executable, timed too")
    args = parser.parse_args(argv)

    base_env = dict(os.environ)
    # An installed program runs from compiled bytecode; without this (CI sets
    # it) every run would re-compile ~700 modules and measure the compiler.
    # The warm-up run writes the (git-ignored) __pycache__ folders.
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not base_env.get("DISPLAY") and not base_env.get("WAYLAND_DISPLAY"):
        base_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    programs = {"source": [sys.executable, str(ROOT / "main.py")]}
    if args.bundle is not None:
        programs["bundle"] = [str(args.bundle.resolve())]
    with tempfile.TemporaryDirectory(prefix="loandesk-bench-") as tmp:
        home = Path(tmp)
        _prepare(home)
        app_env = {**base_env, "LOANDESK_HOME": str(home), "LOANDESK_LANG": args.lang}
        window_env = {**app_env, "LOANDESK_BENCH_STARTUP": "1"}
        login_env = {
            **app_env,
            "LOANDESK_BENCH_STARTUP": "login",
            "LOANDESK_BENCH_USER": "owner",
            "LOANDESK_BENCH_PASSWORD": PASSWORD,
        }
        bare_cmd = [sys.executable, "-c", BARE.format(preload="")]
        floor_cmd = [sys.executable, "-c", BARE.format(preload=DATA_LAYER)]
        # warm-up: disk cache, .pyc files, the compiled .qm catalogue, __pycache__
        _time(bare_cmd, base_env)
        _time(floor_cmd, app_env)
        for cmd in programs.values():
            _time(cmd, window_env)
            _login(cmd, login_env)
        bare: list[float] = []
        floor: list[float] = []
        shown: dict[str, list[float]] = {name: [] for name in programs}
        usable: dict[str, list[float]] = {name: [] for name in programs}
        login_shown: dict[str, list[float]] = {name: [] for name in programs}
        login_ready: dict[str, list[float]] = {name: [] for name in programs}
        home: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.runs):
            bare.append(_time(bare_cmd, base_env)[0])
            for name, cmd in programs.items():
                a, b, c = _login(cmd, login_env)
                login_shown[name].append(a)
                login_ready[name].append(b)
                home[name].append(c)
                s, r = _time(cmd, window_env)
                shown[name].append(s)
                usable[name].append(r)
            floor.append(_time(floor_cmd, app_env)[0])
    b = statistics.median(bare)

    def line(label: str, values: list[float], note: str = "") -> str:
        median = statistics.median(values) * 1000
        return (
            f"{label:<34}: {median:7.1f} ms (median; min {min(values) * 1000:.1f}; "
            f"ratio to bare {statistics.median(values) / b:5.2f}){note}"
        )

    print(
        f"platform: {base_env.get('QT_QPA_PLATFORM', 'native')}, runs: {args.runs}, "
        f"language: {args.lang}, cores: {os.cpu_count()}"
    )
    print(line("bare PySide6 QMainWindow", bare))
    print(line("bare window + data layer", floor, "  <- SQLAlchemy, models, services first"))
    for name in programs:
        print(f"-- {name}")
        print(line(f"{name}: login dialog shown", login_shown[name], "  <- the user can type"))
        print(line(f"{name}: login usable", login_ready[name], "  <- target <= 800 ms"))
        print(line(f"{name}: home after the password", home[name], "  <- target <= 1500 ms"))
        print(line(f"{name}: window shown (no login)", shown[name]))
        print(line(f"{name}: window usable (no login)", usable[name]))
    return 0


if __name__ == "__main__":
    sys.exit(main())

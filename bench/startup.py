"""Start-up time: process start -> LoanDesk main window shown, against a bare PySide6 window.

    python bench/startup.py [--runs 7] [--lang zh_CN|en]

Both programs run as fresh processes in the same session, interleaved; the
clock runs from just before the process is spawned until it prints that its
window is shown (after the first event-loop turn following ``show()``).
LoanDesk runs on a throw-away ``LOANDESK_HOME`` with a set-up store; the
login is skipped through ``LOANDESK_BENCH_STARTUP=1`` (honoured only with
``LOANDESK_HOME``).  Two LoanDesk figures:

* shown: the real main window is on screen - frame, menus, toolbar, status
  bar, and "Opening the database…" where the home page goes.  Nothing of
  the data layer is imported yet; the target applies to this one.
* usable: the data layer is imported (on the worker, the window stays
  alive), the database is open and checked, the home page is in place with
  a working search box and its two lists (due follow-ups, recent
  consultations) are loaded.

What a consultant sees: the splash at once, the login dialog once the data
layer is loaded (the login needs the database), and after the password
this main window with its home page straight away (the data layer is
loaded by then); the "usable" figure is the one to compare with that.

Printed: the bare window, LoanDesk shown, LoanDesk usable, the bare window
after importing the data layer (SQLAlchemy, the models, the services - the
floor for any window that needs the database before it can show), and the
ratios.  Target: ratio (shown / bare) <= 1.5.
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


def _time(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds until the window is shown, and until it is ready (same when no READY line)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    shown = ready = None
    for line in proc.stdout:
        if line.strip() == MARK:
            shown = time.perf_counter() - start
        elif line.strip() == READY:
            ready = time.perf_counter() - start
            break
    if shown is None:
        err = proc.stderr.read() if proc.stderr else ""
        proc.wait()
        raise SystemExit(f"{' '.join(cmd)} never showed its window:\n{err}")
    proc.wait(timeout=60)
    return shown, ready if ready is not None else shown


def _prepare(home: Path) -> None:
    """A set-up store (owner account, catalogue) so start-up reaches the main window."""
    code = (
        "from db import open_database\n"
        "from db.services import staff\n"
        "db = open_database()\n"
        "staff.create_owner(db, 'Bench store', 'owner', 'bench2026pw')\n"
        "db.close()\n"
    )
    env = {**os.environ, "LOANDESK_HOME": str(home)}
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)

    base_env = dict(os.environ)
    # An installed program runs from compiled bytecode; without this (CI sets
    # it) every run would re-compile ~700 modules and measure the compiler.
    # The warm-up run writes the (git-ignored) __pycache__ folders.
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not base_env.get("DISPLAY") and not base_env.get("WAYLAND_DISPLAY"):
        base_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="loandesk-bench-") as tmp:
        home = Path(tmp)
        _prepare(home)
        app_env = {
            **base_env,
            "LOANDESK_HOME": str(home),
            "LOANDESK_BENCH_STARTUP": "1",
            "LOANDESK_LANG": args.lang,
        }
        bare_cmd = [sys.executable, "-c", BARE.format(preload="")]
        floor_cmd = [sys.executable, "-c", BARE.format(preload=DATA_LAYER)]
        app_cmd = [sys.executable, str(ROOT / "main.py")]
        # warm-up: disk cache, .pyc files, the compiled .qm catalogue, __pycache__
        _time(bare_cmd, base_env)
        _time(app_cmd, app_env)
        _time(floor_cmd, app_env)
        bare, app, ready, floor = [], [], [], []
        for _ in range(args.runs):
            bare.append(_time(bare_cmd, base_env)[0])
            shown_at, ready_at = _time(app_cmd, app_env)
            app.append(shown_at)
            ready.append(ready_at)
            floor.append(_time(floor_cmd, app_env)[0])
    b, a, f = statistics.median(bare), statistics.median(app), statistics.median(floor)
    r = statistics.median(ready)

    def line(label: str, values: list[float], note: str = "") -> str:
        median = statistics.median(values) * 1000
        return f"{label:<25}: {median:7.1f} ms (median; min {min(values) * 1000:.1f}){note}"

    print(
        f"platform: {base_env.get('QT_QPA_PLATFORM', 'native')}, runs: {args.runs}, "
        f"language: {args.lang}"
    )
    print(line("bare PySide6 QMainWindow", bare))
    print(line("LoanDesk window shown", app, "  <- frame, menus, toolbar; opening the database"))
    print(line("LoanDesk usable", ready, "  <- home lists loaded, search works"))
    print(line("bare window + data layer", floor, "  <- SQLAlchemy, models, services first"))
    print(f"{'ratio':<25}: {a / b:7.2f}  (target <= 1.50)")
    print(f"{'ratio, usable':<25}: {r / b:7.2f}")
    print(f"{'usable / data-layer floor':<25}: {r / f:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The dashboard's figures for a store with 100,000 consultations, against the floor.

    python bench/dashboard.py [--consultations 100000] [--db bench-dashboard.sqlite3] [--runs 9]

Contenders, in the same process, interleaved, after one warm-up each:

* ``dashboard`` - ``reports.model.dashboard.build_dashboard``: this month and last
  month (consultations, signed, amount, approval rate, add-on attach), the funnel,
  the product mix and the follow-ups due and overdue, as the GUI's worker runs it;
* ``floor``     - the fastest plain way to the same rows: bare ``sqlite3`` counting
  the consultations with an event in the two months through the same indexes
  (no Decimal, no per-consultant split, no add-on look-ups).

Printed: the median and worst run of each (and the dashboard's CPU time, with
the load average: other work on the machine stretches the wall time),
dashboard / floor, and dashboard against the budget: the dashboard loads off
the UI thread in **< 300 ms** (exit status 1 when the median is over it).
Test data: ``db.demo.load_demo_data`` (``--db`` keeps the file for later runs;
generating 100,000 consultations takes a few minutes).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BUDGET_MS = 300.0


def _store(path: Path, n: int) -> None:
    from db import open_database
    from db.demo import load_demo_data

    database = open_database(path, key=path.with_suffix(".key"))
    try:
        load_demo_data(database, n, seed=1, today=date.today())
    finally:
        database.close()


def _floor(path: Path, bounds: list[tuple[str, str]]) -> None:
    conn = sqlite3.connect(path)
    try:
        for lo, hi in bounds:
            for col in ("contact_at", "signed_at", "approved_at", "lender_decided_at", "lost_at"):
                conn.execute(
                    f"SELECT count(*) FROM consultations WHERE store_id = 1 AND {col} >= ? "
                    f"AND {col} < ?",
                    (lo, hi),
                ).fetchall()
            conn.execute(
                "SELECT sum(p.amount) FROM consultations c JOIN plans p ON "
                "p.consultation_id = c.id AND p.chosen WHERE c.store_id = 1 AND "
                "c.signed_at >= ? AND c.signed_at < ?",
                (lo, hi),
            ).fetchall()
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--consultations", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="keep (or reuse) the generated store here")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    from db import open_database
    from db.services.staff import owner_actor
    from reports.model.dashboard import build_dashboard, months

    folder = Path(tempfile.mkdtemp(prefix="loandesk-bench-dashboard-"))
    path = args.db or folder / "dashboard.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        _store(path, args.consultations)
        print(
            f"store with {args.consultations:,} consultations built in "
            f"{time.perf_counter() - started:.0f} s"
        )
    database = open_database(path, key=path.with_suffix(".key"))
    try:
        actor = owner_actor(database)
        stamp = "%Y-%m-%d %H:%M:%S.%f"
        bounds = [
            tuple(m.replace(tzinfo=None).strftime(stamp) for m in p.bounds())
            for p in months(date.today())
        ]
        ours: list[float] = []
        cpu: list[float] = []
        floor: list[float] = []
        build_dashboard(database, actor)  # warm-up: statement caches, page cache
        _floor(path, bounds)  # type: ignore[arg-type]
        for _ in range(args.runs):
            t, c = time.perf_counter(), time.process_time()
            board = build_dashboard(database, actor)
            ours.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            t = time.perf_counter()
            _floor(path, bounds)  # type: ignore[arg-type]
            floor.append((time.perf_counter() - t) * 1000)
    finally:
        database.close()
    med, worst = statistics.median(ours), max(ours)
    fmed = statistics.median(floor)
    print(
        f"dashboard: median {med:.0f} ms, worst {worst:.0f} ms "
        f"({board.this_month.consultations:,} consultations this month, "
        f"{board.last_month.signed:,} loans signed last month)"
    )
    print(
        f"           CPU time median {statistics.median(cpu):.0f} ms; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (a busy machine stretches the "
        f"wall time)"
    )
    print(f"floor:     median {fmed:.1f} ms")
    print(f"dashboard / floor: {med / fmed:.1f}")
    verdict = "within" if med < BUDGET_MS else "OVER"
    print(f"dashboard / budget ({BUDGET_MS:.0f} ms): {med / BUDGET_MS:.2f} - {verdict} budget")
    return 0 if med < BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())

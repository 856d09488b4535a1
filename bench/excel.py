"""Benchmark: the owner report workbook for 100,000 consultations.

    python bench/excel.py [--consultations 100000] [--db bench.sqlite3] [--tracemalloc]

Contenders, each run in a fresh process: wall time, resident memory after
opening the database and its peak during the run (Linux: the high-water mark
is reset after opening, because opening checks the whole file), and with
``--tracemalloc`` the Python heap peak (runs are then slower):

* ``fetch``     - stream the consultation rows from the database (decrypt, mask) and
                  drop them: the floor every contender pays;
* ``loandesk``  - ``reports.excel.export_workbook``: every aggregate, eight sheets,
                  formats, charts, progress and cancel checks, temp file + rename;
* ``openpyxl``  - the same rows appended as plain tuples to a bare write-only
                  openpyxl sheet (no formats, no other sheets);
* ``xlsxwriter`` - the same rows with XlsxWriter ``constant_memory`` (reference).

Ratios: loandesk / openpyxl (target <= 1.5) and loandesk / xlsxwriter, both
whole runs; the "writer only" ratio subtracts the shared fetch time.

Test data: ``db.demo.load_demo_data`` (a realistic store, written by the
shared bulk path).  ``--db`` keeps the generated file for later runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KEY_NAME = "bench.key"


# ---------------------------------------------------------------------------
# data
# ---------------------------------------------------------------------------


def make_data(path: Path, n: int) -> None:
    from db import open_database

    database = open_database(path, key=path.with_name(KEY_NAME))
    started = time.perf_counter()
    try:
        from db.demo import load_demo_data

        load_demo_data(database, n)
    finally:
        database.close()
    print(
        f"generated {n:,} consultations in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )


# ---------------------------------------------------------------------------
# contenders (each in its own process)
# ---------------------------------------------------------------------------


def _open(path: Path) -> Any:
    from db import open_database

    return open_database(path, key=path.with_name(KEY_NAME))


def _period() -> Any:
    from reports.model import ReportPeriod

    today = date.today()
    return ReportPeriod(today - timedelta(days=800), today + timedelta(days=1))


def _rows(database: Any) -> Any:
    from reports.model import iter_consultation_rows

    return iter_consultation_rows(database, _period())


def _tuples(database: Any) -> Any:
    from operator import attrgetter

    from reports.model import ConsultationRow

    # shallow (dataclasses.astuple deep-copies every value)
    get = attrgetter(*ConsultationRow.__slots__)
    for r in _rows(database):
        yield get(r)


def run_fetch(database: Any, out: Path) -> int:
    return sum(1 for _ in _rows(database))


def run_loandesk(database: Any, out: Path) -> int:
    from db.services.staff import owner_actor
    from reports.excel import export_workbook

    ticks = []
    export_workbook(
        database,
        _period(),
        out,
        actor=owner_actor(database),
        progress=lambda d, t: ticks.append(d),
        cancelled=lambda: False,
    )
    return ticks[-1]


def run_openpyxl(database: Any, out: Path) -> int:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Consultations")
    n = 0
    for row in _tuples(database):
        ws.append(row)
        n += 1
    wb.save(out)
    return n


def run_xlsxwriter(database: Any, out: Path) -> int:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    ws = wb.add_worksheet("Consultations")
    n = 0
    for n, row in enumerate(_tuples(database), 1):
        ws.write_row(n, 0, [float(v) if isinstance(v, Decimal) else v for v in row])
    wb.close()
    return n


CONTENDERS = {
    "fetch": run_fetch,
    "loandesk": run_loandesk,
    "openpyxl": run_openpyxl,
    "xlsxwriter": run_xlsxwriter,
}


def _reset_peak() -> bool:
    """Linux: restart the resident-set high-water mark (so opening the database,
    which checks the whole file, does not count as the contender's peak)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(name: str, db: Path, out: Path, trace: bool) -> None:
    import gc
    import tracemalloc

    database = _open(db)
    gc.collect()
    _reset_peak()
    base_mb = _peak_rss_mb()
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    rows = CONTENDERS[name](database, out)
    seconds = time.perf_counter() - started
    heap = tracemalloc.get_traced_memory()[1] if trace else None
    database.close()
    peak_mb = _peak_rss_mb()
    size = out.stat().st_size if out.exists() else 0
    print(
        json.dumps(
            {
                "name": name,
                "seconds": seconds,
                "rows": rows,
                "rss_mb": peak_mb,
                "base_mb": base_mb,
                "heap_mb": heap / 2**20 if heap is not None else None,
                "file_mb": size / 2**20,
            }
        )
    )


def spawn(name: str, db: Path, folder: Path, trace: bool) -> dict[str, Any]:
    out = folder / f"{name}.xlsx"
    cmd = [sys.executable, __file__, "--child", name, "--db", str(db), "--out", str(out)]
    if trace:
        cmd.append("--tracemalloc")
    done = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, "LOANDESK_LANG": "en"},
    )
    if done.returncode:
        raise SystemExit(f"{name} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--consultations", type=int, default=100_000)
    ap.add_argument("--db", type=Path, help="keep / reuse the generated database here")
    ap.add_argument("--tracemalloc", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="runs per contender (best is kept)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.db, args.out, args.tracemalloc)
        return 0
    with tempfile.TemporaryDirectory(prefix="loandesk-bench-") as tmp:
        folder = Path(tmp)
        db = args.db or folder / "bench.sqlite3"
        if not db.exists():
            make_data(db, args.consultations)
        results = {}
        for name in CONTENDERS:
            runs = [spawn(name, db, folder, args.tracemalloc) for _ in range(args.repeat)]
            results[name] = min(runs, key=lambda r: r["seconds"])
        print(
            f"{'contender':<11} {'seconds':>8} {'RSS before':>11} {'peak RSS':>9} "
            f"{'heap peak':>10} {'file':>8}"
        )
        for name, r in results.items():
            heap = f"{r['heap_mb']:.1f}" if r["heap_mb"] is not None else "-"
            print(
                f"{name:<11} {r['seconds']:8.2f} {r['base_mb']:9.1f}MB {r['rss_mb']:7.1f}MB "
                f"{heap:>8}MB {r['file_mb']:6.1f}MB"
            )
        e, o, x, f = (
            results[k]["seconds"] for k in ("loandesk", "openpyxl", "xlsxwriter", "fetch")
        )
        rows = results["openpyxl"]["rows"]
        print(f"\nrows: {rows:,}")
        print(f"loandesk / bare openpyxl write-only: {e / o:.2f}  (target <= 1.5)")
        print(f"loandesk / xlsxwriter constant_memory: {e / x:.2f}  (reference)")
        if o > f and x > f:
            print(
                f"writer only (minus {f:.2f} s fetch): loandesk / openpyxl "
                f"{(e - f) / (o - f):.2f}, loandesk / xlsxwriter {(e - f) / (x - f):.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

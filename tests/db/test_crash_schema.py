"""Issue 11: SIGKILL during first-time creation, during a schema upgrade of a filled
file and during the saves that follow: no committed save lost, no file that
does not open.  Prints the figures."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from db import open_database
from db.demo import load_demo_data
from db.engine import loandesk_revision
from db.migrate import head_revision
from tests.db.test_migrate_filled import downgrade_plainly, earlier_revisions, snapshot

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.sqlite_only("SIGKILL against an SQLite file"),
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() for fast child start-up"),
]
CREATE_KILLS = 30
UPGRADE_KILLS = 25


class Worker:
    def __init__(self, key: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.db._crash_schema_worker", str(key)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.deadline = time.monotonic() + 240
        assert self.readline() == "ready"

    def readline(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line or time.monotonic() > self.deadline:
            raise AssertionError("crash worker stopped answering")
        return line.strip()

    def round(self, mode: str, path: Path, delay: float | None) -> tuple[int | None, set[int]]:
        """Run one writer; it kills itself after ``delay`` s (None: the test kills it
        once it has opened and saved).

        Returns the open time in ms (None if killed before it opened) and the
        committed customer ids it reported.
        """
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{mode} {path} {'-' if delay is None else f'{delay:.4f}'}\n")
        self.proc.stdin.flush()
        kind, value = self.readline().split()
        assert kind == "pid"
        pid = int(value)
        opened: int | None = None
        committed: set[int] = set()
        if delay is None:
            while not committed:
                kind, value = self.readline().split()
                if kind == "opened":
                    opened = int(value)
                elif kind == "customer":
                    committed.add(int(value))
            os.kill(pid, signal.SIGKILL)
        while True:
            kind, value = self.readline().split()
            if kind == "exit":
                assert os.WIFSIGNALED(int(value)) and os.WTERMSIG(int(value)) == signal.SIGKILL
                return opened, committed
            if kind == "opened":
                opened = int(value)
            elif kind == "customer":
                committed.add(int(value))

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        assert self.proc.stdout is not None
        self.proc.stdout.close()


def _customers(path: Path) -> set[int]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM customers")}
    finally:
        conn.close()


@pytest.mark.slow
def test_sigkill_during_creation_and_upgrade(tmp_path: Path) -> None:
    key = tmp_path / "crash.key"
    rng = random.Random(20261202)
    head = head_revision()

    # an older, filled file to upgrade: demo data at head, taken back to the first revision
    template = tmp_path / "template.sqlite3"
    with open_database(template, key=key) as database:
        load_demo_data(database, 30, seed=5, today=date(2026, 6, 15))
    downgrade_plainly(template, earlier_revisions()[-1])
    old_rows = snapshot(template)

    figures = {
        "kills": 0,
        "in_creation": 0,
        "in_upgrade": 0,
        "in_saves": 0,
        "saves_committed": 0,
        "saves_lost": 0,
        "unopenable": 0,
    }
    worker = Worker(key)
    try:
        plan = [("create", i) for i in range(CREATE_KILLS)] + [
            ("upgrade", i) for i in range(UPGRADE_KILLS)
        ]
        open_ms: dict[str, float] = {}
        for mode, i in plan:
            folder = tmp_path / f"{mode}-{i}"
            folder.mkdir()
            path = folder / "store.sqlite3"
            if mode == "upgrade":
                shutil.copyfile(template, path)
            # the first round of each kind measures how long opening takes
            delay = None if mode not in open_ms else rng.uniform(0, 1.8 * open_ms[mode])
            opened, committed = worker.round(mode, path, delay)
            if delay is None:
                assert opened is not None
                open_ms[mode] = opened / 1000
            figures["kills"] += 1
            if opened is None:
                figures["in_creation" if mode == "create" else "in_upgrade"] += 1
            else:
                figures["in_saves"] += 1
            figures["saves_committed"] += len(committed)
            # the file is either absent (killed before the new one was renamed in)
            # or a LoanDesk database that opens, upgraded, with everything committed
            try:
                before = loandesk_revision(path)
                assert before in (None, head) or mode == "upgrade", before
                with open_database(path, key=key) as database:
                    assert database.schema_revision == head
            except Exception:
                figures["unopenable"] += 1
                raise
            figures["saves_lost"] += len(committed - _customers(path))
            if mode == "upgrade":
                after = snapshot(path)
                for table, rows in old_rows.items():
                    for pk, row in rows.items():
                        assert {c: after[table][pk][c] for c in row} == row, (table, pk)
            leftovers = [p.name for p in folder.iterdir() if p.name.startswith(".~")]
            assert leftovers == [], leftovers
    finally:
        worker.close()

    print("crash figures:", figures, "open times (s):", open_ms)
    assert figures["kills"] >= 50
    assert figures["in_creation"] >= 5 and figures["in_upgrade"] >= 5, figures
    assert figures["saves_committed"] > 0, "no writer ever committed: the test proves nothing"
    assert figures["saves_lost"] == 0 and figures["unopenable"] == 0, figures

"""Item 8: SIGKILL in the middle of saving loses nothing committed, corrupts nothing."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import open_database
from db.services import staff

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.sqlite_only("SIGKILL against an SQLite file in WAL mode")
KILLS = 60


def _readline(proc: subprocess.Popen[str], deadline: float) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line or time.monotonic() > deadline:
        raise AssertionError("crash worker stopped answering")
    return line.strip()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() for fast child start-up")
def test_sigkill_loses_no_committed_row(tmp_path: Path) -> None:
    db_path, key_path = tmp_path / "crash.sqlite3", tmp_path / "crash.key"
    with open_database(db_path, key=key_path) as database:
        owner = staff.create_owner(database, "Crash Motors", "owner", "password123")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.db._crash_worker",
            str(db_path),
            str(key_path),
            str(owner.staff_id),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    assert proc.stdin is not None
    committed: dict[str, set[int]] = {"customer": set(), "consultation": set(), "reception": set()}
    rng = random.Random(20261123)
    deadline = time.monotonic() + 90
    killed_while_writing = 0
    try:
        assert _readline(proc, deadline) == "ready"
        for i in range(KILLS):
            proc.stdin.write("go\n")
            proc.stdin.flush()
            seen: dict[str, int] = {}

            def read_until(wanted: str, seen: dict[str, int] = seen) -> None:
                # lines from the forking parent and its writer may interleave
                nonlocal killed_while_writing
                while wanted not in seen:
                    kind, value = _readline(proc, deadline).split()
                    if kind in committed:
                        committed[kind].add(int(value))
                        killed_while_writing += 1
                    else:
                        seen[kind] = int(value)

            read_until("pid")
            # every fifth writer dies while opening the database (migration check,
            # key check); the others at a random moment of their saving loop
            if i % 5 == 0:
                time.sleep(rng.uniform(0.0, 0.05))
            else:
                read_until("opened")
                time.sleep(rng.uniform(0.02, 0.3))
            os.kill(seen["pid"], signal.SIGKILL)
            read_until("exit")
            assert os.WIFSIGNALED(seen["exit"])
            assert os.WTERMSIG(seen["exit"]) == signal.SIGKILL
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)
        assert proc.stdout is not None
        proc.stdout.close()

    print(
        f"{KILLS} kills, {killed_while_writing} commits seen",
        {k: len(v) for k, v in committed.items()},
    )
    assert killed_while_writing > 0, "no writer ever committed: the test proves nothing"
    assert len(committed["customer"]) >= KILLS // 2

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        customers = {r[0] for r in conn.execute("SELECT id FROM customers")}
        consultations = dict(conn.execute("SELECT id, reception_state FROM consultations"))
        consents = {r[0] for r in conn.execute("SELECT customer_id FROM consent_records")}
    finally:
        conn.close()
    assert committed["customer"] <= customers
    assert committed["customer"] <= consents
    assert committed["consultation"] <= set(consultations)
    assert all(consultations[i] == "complete" for i in committed["reception"])
    # and the application still opens it (key check, schema) without complaint
    open_database(db_path, key=key_path).close()

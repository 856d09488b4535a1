"""Child side of the schema crash test (see test_crash_schema.py); not a test module.

Run as ``python -m tests.db._crash_schema_worker KEY``.  Imports everything
once, then forks one writer per ``create PATH SECONDS`` / ``upgrade PATH
SECONDS`` line on stdin.  A writer opens the database (creating it, or
upgrading an older file), reports ``opened MS``, then saves customers in a
loop and reports each *committed* id with one atomic ``os.write``.  A timer
thread kills it with SIGKILL after SECONDS (``-``: the test kills it once
the first save is reported).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

import alembic.command  # noqa: F401  (imported before the fork: writers start fast)

import db.models  # noqa: F401
from db import open_database
from db.services import customers, staff

OWNER_PASSWORD = "Crash7Motors2026x"


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def writer(mode: str, path: str, key_path: str, kill_after: float | None) -> None:
    if kill_after is not None:  # from another thread: it fires inside SQLite's C code too
        threading.Timer(kill_after, os.kill, (os.getpid(), signal.SIGKILL)).start()
    started = time.perf_counter()
    database = open_database(path, key=key_path)
    _say(f"opened {int((time.perf_counter() - started) * 1000)}")
    if mode == "create":
        actor = staff.create_owner(database, "Crash Motors", "owner", OWNER_PASSWORD)
    else:
        actor = staff.owner_actor(database)
    n = 0
    while True:
        n += 1
        c = customers.create_customer(database, actor, f"客户{os.getpid()}-{n}")
        _say(f"customer {c.id}")


def main() -> None:
    key_path = sys.argv[1]
    _say("ready")
    for line in sys.stdin:
        parts = line.split()
        if len(parts) != 3 or parts[0] not in ("create", "upgrade"):
            break
        kill_after = None if parts[2] == "-" else float(parts[2])
        pid = os.fork()
        if pid == 0:
            try:
                writer(parts[0], parts[1], key_path, kill_after)
            finally:
                os._exit(1)
        _say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        _say(f"exit {status}")


if __name__ == "__main__":
    main()

"""Another counter in its own process, holding a database open (the lease tests)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HOLD_OPEN = textwrap.dedent(
    """
    import sys
    from db import open_database
    db = open_database(sys.argv[1], key=sys.argv[2] if len(sys.argv) > 2 else b"b" * 32)
    print("open", flush=True)
    sys.stdin.readline()
    db.close()
    """
)


@contextmanager
def another_counter(db_file: Path, key_file: Path | None = None) -> Iterator[subprocess.Popen]:
    """A second LoanDesk process with ``db_file`` open (raw test key, or ``key_file``)."""
    args = [sys.executable, "-c", HOLD_OPEN, str(db_file)]
    if key_file is not None:
        args.append(str(key_file))
    # the with block closes both pipes (an open one is a ResourceWarning, an error here)
    with subprocess.Popen(
        args, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as counter:
        try:
            assert counter.stdout is not None and counter.stdout.readline().strip() == "open"
            yield counter
        finally:
            assert counter.stdin is not None
            counter.stdin.write("\n")
            counter.stdin.close()
            counter.wait(timeout=30)

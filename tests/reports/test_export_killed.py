"""Issue 11, item 8: an unmasked export killed half-way leaves no personal data behind.

openpyxl's per-sheet scratch files used to go to TMPDIR and the unfinished
workbook stayed beside the destination as a ``.part`` file for ever.  Now
both live in the destination folder, and the next LoanDesk start removes
what a killed export left.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEY = b"b" * 32
pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")

EXPORT_AND_DIE = textwrap.dedent(
    """
    import os, signal, sys
    from db import open_database
    from db.services.staff import owner_actor
    from reports.excel import export_workbook
    from reports.model import ReportPeriod

    database = open_database(sys.argv[1], key=b"b" * 32)
    owner = owner_actor(database)

    def progress(done, total):
        if done > total // 2:  # half the consultation rows written, unmasked
            os.kill(os.getpid(), signal.SIGKILL)

    export_workbook(database, ReportPeriod.parse("2026-01-01", "2026-12-31"), sys.argv[2],
                    actor=owner, unmasked=True, progress=progress)
    """
)

NEXT_START = textwrap.dedent(
    """
    import sys
    from db import open_database
    open_database(sys.argv[1], key=b"b" * 32).close()
    """
)


def test_a_killed_unmasked_export_leaves_nothing(tmp_path: Path) -> None:
    from datetime import date

    from db import open_database
    from db.demo import load_demo_data

    db = tmp_path / "store.sqlite3"
    with open_database(db, key=KEY) as database:
        load_demo_data(database, 400, seed=3, today=date(2026, 6, 15))
    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "LOANDESK_HOME": str(tmp_path / "home")}
    killed = subprocess.run(
        [sys.executable, "-c", EXPORT_AND_DIE, str(db), str(out_dir / "year.xlsx")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert killed.returncode == -9, killed.stderr
    assert list(scratch.iterdir()) == []  # nothing ever went to TMPDIR
    assert not (out_dir / "year.xlsx").exists()
    subprocess.run(
        [sys.executable, "-c", NEXT_START, str(db)], cwd=ROOT, env=env, check=True, timeout=120
    )
    assert list(out_dir.iterdir()) == []  # the next start removed the unfinished export

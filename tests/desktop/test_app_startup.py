"""``python main.py`` as a consultant starts it: what start-up loads, and the bench marks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from db import open_database
from db.services import staff

ROOT = Path(__file__).resolve().parents[2]
# Only needed for a schema upgrade, a document or a report - never to open the window.
NOT_AT_START = ("alembic", "mako", "reportlab", "openpyxl", "pypdf", "reports")


def test_gui_start_shows_the_window_without_heavy_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    env = {
        **os.environ,
        "LOANDESK_HOME": str(home),
        "LOANDESK_BENCH_STARTUP": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("LOANDESK_DATABASE_URL", None)
    monkeypatch.setenv("LOANDESK_HOME", str(home))  # the same folder as the child's
    database = open_database()  # created and at head, as on every start after the first
    staff.create_owner(database, "Test store", "owner", "counter2026pw")
    database.close()

    out = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["LOANDESK_SHOWN", "LOANDESK_READY"]
    imported = set(re.findall(r"\|\s+([\w.]+)\s*$", out.stderr, flags=re.MULTILINE))
    roots = {name.split(".")[0] for name in imported}
    assert "sqlalchemy" in roots and "desktop" in roots  # the parse found the imports
    assert not roots & set(NOT_AT_START), sorted(roots & set(NOT_AT_START))


def test_the_login_dialog_comes_at_once_and_logs_in_when_the_database_is_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real start: the login dialog on screen while the database is still being opened
    ("Log in" disabled), then enabled, the password taken, the home page loaded."""
    home = tmp_path / "home"
    env = {
        **os.environ,
        "LOANDESK_HOME": str(home),
        "LOANDESK_BENCH_STARTUP": "login",
        "LOANDESK_BENCH_USER": "owner",
        "LOANDESK_BENCH_PASSWORD": "counter2026pw",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("LOANDESK_DATABASE_URL", None)
    monkeypatch.setenv("LOANDESK_HOME", str(home))
    database = open_database()
    staff.create_owner(database, "Test store", "owner", "counter2026pw")
    database.close()

    out = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == [
        "LOANDESK_LOGIN_SHOWN",
        "waiting",
        "LOANDESK_LOGIN_READY",
        "LOANDESK_SUBMITTED",
        "LOANDESK_READY",
    ]
    imported = set(re.findall(r"\|\s+([\w.]+)\s*$", out.stderr, flags=re.MULTILINE))
    roots = {name.split(".")[0] for name in imported}
    assert "sqlalchemy" in roots  # the parse found the imports
    assert not roots & set(NOT_AT_START), sorted(roots & set(NOT_AT_START))
    with open_database() as database:  # the login was the real one: audited, counted
        assert staff.owner_actor(database).username == "owner"

"""``python main.py`` with no subcommand goes straight to the GUI, same arguments as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import main

ROOT = Path(__file__).resolve().parents[2]

TOKENS = st.sampled_from(
    (
        *("--db", "--database-url", "x.sqlite3", "sqlite:///y", "--db=z", "--database-url="),
        *("-", "--", "--data", "--help", "-h", "quote", "backup", "--json", "--db=", "a=b"),
    )
)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "store.sqlite3"],
        ["--db=store.sqlite3"],
        ["--database-url", "postgresql+psycopg://u@h/db"],
        ["--database-url=sqlite:///x", "--db", "y"],
        ["--db", "a", "--db", "b"],
    ],
)
def test_gui_arguments_match_the_full_parser(argv: list[str]) -> None:
    assert main.gui_arguments(argv) == main.build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv", [["--help"], ["-h"], ["--db"], ["quote"], ["--db", "x", "backup"], ["--data", "x"]]
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert main.gui_arguments(argv) is None


@given(st.lists(TOKENS, max_size=5))
def test_fast_path_never_disagrees_with_argparse(argv: list[str]) -> None:
    fast = main.gui_arguments(argv)
    if fast is not None:
        assert fast == main.build_parser().parse_args(argv)


def test_gui_start_imports_no_command_module(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import desktop.app, main\n"
        "def fake(args):\n"
        "    heavy = ('reports', 'db.commands', 'db.database', 'sqlalchemy', 'alembic')\n"
        "    print(args.db, sorted(m for m in sys.modules if m.startswith(heavy)))\n"
        "    return 0\n"
        "desktop.app.run_gui = fake\n"
        "sys.exit(main.main(['--db', 'store.sqlite3']))\n"
    )
    env = {**os.environ, "LOANDESK_HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["store.sqlite3", "[]"]


def test_help_still_lists_the_commands() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    for command in ("quote", "print-quote", "export-report", "backup", "restore"):
        assert command in out.stdout

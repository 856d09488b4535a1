"""The database options work before and after the subcommand."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from main import build_parser
from tests.cli.test_db_commands import run, world  # noqa: F401  (module fixture)


@pytest.mark.parametrize(
    ("argv", "db", "url"),
    [
        (["--db", "a.sqlite3", "backup", "--out", "b"], "a.sqlite3", None),
        (["backup", "--db", "a.sqlite3", "--out", "b"], "a.sqlite3", None),
        (["--db", "top", "backup", "--db", "sub", "--out", "b"], "sub", None),
        (["--database-url", "sqlite:///x", "backup", "--out", "b"], None, "sqlite:///x"),
        (["backup", "--out", "b"], None, None),
    ],
)
def test_database_options_before_or_after_the_subcommand(
    argv: list[str], db: str | None, url: str | None
) -> None:
    args = build_parser().parse_args(argv)
    assert args.command == "backup"
    assert (args.db, args.database_url) == (db, url)


def test_db_before_the_subcommand_is_the_database_used(
    world: tuple[Path, Path, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    home, key, db = world
    out_file = tmp_path / "copy.sqlite3"
    out = run(home, "--db", str(db), "backup", "--out", str(out_file), key=key)
    assert out.returncode == 0, out.stderr
    with sqlite3.connect(out_file) as conn:
        (n,) = conn.execute("SELECT count(*) FROM consultations").fetchone()
    assert n == 400
    assert not (home / "data" / "loandesk.sqlite3").exists()  # the default was not touched

"""Nothing SQLite-only outside the engine setup, so PostgreSQL works later."""

from __future__ import annotations

import re
from pathlib import Path

DB = Path(__file__).resolve().parents[2] / "db"
PORTABLE = [
    *sorted((DB / "services").rglob("*.py")),  # consultations/ too
    *sorted((DB / "models").glob("*.py")),
    DB / "uow.py",
    DB / "database.py",
    DB / "crypto.py",
]
FORBIDDEN = [
    re.compile(r"PRAGMA", re.IGNORECASE),
    re.compile(r"(?<![\w.])(?<!def )text\("),
    re.compile(r"\bsa\.text\("),
    re.compile(r"from sqlalchemy import[^\n]*\btext\b"),
    re.compile(r"exec_driver_sql"),
    re.compile(r"import sqlite3"),
    re.compile(r"sqlite_master"),
    re.compile(r"AUTOINCREMENT|INSERT OR|ON CONFLICT", re.IGNORECASE),
]


def test_services_and_models_use_no_backend_specific_sql() -> None:
    assert PORTABLE
    for path in PORTABLE:
        code = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")
        )
        for pattern in FORBIDDEN:
            assert not pattern.search(code), f"{path.name}: {pattern.pattern}"

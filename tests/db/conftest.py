from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db import Database, open_database


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user's data or config folders."""
    monkeypatch.setenv("LOANDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LOANDESK_DATABASE_URL", raising=False)
    monkeypatch.delenv("LOANDESK_KEY_FILE", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def key_path(tmp_path: Path) -> Path:
    return tmp_path / "keys" / "loandesk.key"


@pytest.fixture
def database(db_path: Path, key_path: Path) -> Iterator[Database]:
    database = open_database(db_path, key=key_path)
    yield database
    database.close()

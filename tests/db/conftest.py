from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from db import Database, open_database
from db.models.enums import Role
from db.services import staff
from db.services.base import Actor
from lending.identity import generate_resident_id


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


@pytest.fixture
def owner(database: Database) -> Actor:
    return staff.create_owner(database, "Main Street Motors", "owner", "owner-pass-1")


def make_actor(database: Database, owner: Actor, username: str, role: Role) -> Actor:
    view = staff.add_staff(database, owner, username, "staff-pass-1", role)
    return staff.actor_for(database, view.id)


@pytest.fixture
def consultant(database: Database, owner: Actor) -> Actor:
    return make_actor(database, owner, "consultant", Role.CONSULTANT)


ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"


def valid_id(birth: date = date(1990, 5, 17), seq: int = 123) -> str:
    return generate_resident_id("110105", birth, seq)

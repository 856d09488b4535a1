"""GUI test fixtures: a fresh database, an owner, an ImmediateRunner, screenshots."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from db import Database, open_database
from db.services import staff
from db.services.base import Actor
from desktop.tasks import ImmediateRunner
from tests.artifacts import artifacts_dir

OWNER_PASSWORD = "counter2026"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform plugin warns whenever a top-level window with a
    # minimum size is shown; that is the test platform talking, not our code.
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(
                pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
            )


@pytest.fixture
def database(tmp_path: Path, migrated_sqlite: Callable[[Path], Path]) -> Iterator[Database]:
    db = open_database(migrated_sqlite(tmp_path / "loandesk.sqlite3"), key=b"k" * 32)
    yield db
    db.close()


@pytest.fixture
def owner(database: Database) -> Actor:
    return staff.create_owner(
        database, "Hengtong Used Cars", "owner", OWNER_PASSWORD, display_name="Wang Li"
    )


@pytest.fixture
def runner(qapp) -> ImmediateRunner:
    return ImmediateRunner()


def current_language() -> str:
    probe = QCoreApplication.translate("Labels", "Reception")
    return "zh_CN" if probe != "Reception" else "en"


@pytest.fixture
def screenshot(qapp) -> Callable[[QWidget, str], Path]:
    """``screenshot(widget, "home")`` -> <artifacts>/screenshots/<lang>/home.png (for people).

    See tests/artifacts.py: ``$LOANDESK_ARTIFACTS`` or the session's tmp folder.
    """

    def take(widget: QWidget, name: str) -> Path:
        folder = artifacts_dir("screenshots", current_language())
        path = folder / (re.sub(r"[^\w.-]+", "_", name) + ".png")
        qapp.processEvents()
        assert widget.grab().save(str(path)), path
        return path

    return take


# -- two counters on one database file (conflict and connection tests) --------------


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp, monkeypatch) -> Iterator[str]:
    """Both interface languages (modules with their own ``language`` fixture override it)."""
    from tests.desktop.pages.conftest import install_language

    monkeypatch.setenv("LOANDESK_LANG", request.param)
    translators = install_language(qapp, request.param)
    yield request.param
    translators.install("en")


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    return tmp_path / "keys" / "loandesk.key"


@pytest.fixture
def counter(
    db_file: Path, key_file: Path, migrated_sqlite: Callable[[Path], Path]
) -> Iterator[Database]:
    """The first counter: opens ``db_file`` (made at head from the template unless it exists)."""
    if not db_file.exists():
        migrated_sqlite(db_file)
    database = open_database(db_file, key=key_file)
    yield database
    database.close()


@pytest.fixture
def other(counter: Database, db_file: Path, key_file: Path) -> Iterator[Database]:
    """Another counter on the same file: its own engine and pool."""
    database = open_database(db_file, key=key_file)
    yield database
    database.close()

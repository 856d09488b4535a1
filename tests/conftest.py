"""Test-wide set-up: offscreen Qt, English unless a test asks, no real user folders.

Passwords are hashed at a cheap argon2 cost for the whole run (production
cost spends 0.2-0.5 s per account): ``db.services.staff.set_password_hasher``
is the hook, :data:`CHEAP_PASSWORD_HASHER` the cost, and the
``production_password_cost`` fixture gives one test the real hasher back
(tests/db/test_staff.py asserts its parameters).  Key exports are sealed at a
cheap scrypt cost the same way (``production_export_cost``; tests/db/test_keys.py).
Real subprocesses (the few command-line tests that need one) hash at production
cost; the command line run in this process (tests/cli/runner.py) does not.

A new SQLite database is a copy of one file migrated to head once per
session (per xdist worker), not a fresh migration (~0.4 s a test):
``migrated_sqlite(path)`` copies it to ``path``; the ``database`` fixtures
use it.  A database the program itself creates (``open_database`` on a new
path, ``demo-data``, the first start) goes through all of its creation - the
temporary file, its mode, the rename, the lease - but for the migration from
nothing to head, which becomes a copy of that same file
(:func:`_new_databases_from_the_template`).  Tests of creating or migrating a
database are marked ``real_migrations`` and migrate for real.

PostgreSQL: ``pg_databases`` (session, one template per xdist worker; see
tests/db/conftest.py).  Tests marked ``unprivileged`` check file modes and
skip where they do not apply (root); ``.ci/run`` runs them again without
root's capabilities.  Pictures for people: tests/artifacts.py.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from argon2 import PasswordHasher

if TYPE_CHECKING:
    from tests.db.conftest import PgDatabases

# Compiled modules are cached even where PYTHONDONTWRITEBYTECODE is set (it is on some
# build machines): without the cache every xdist worker and every ``python main.py`` a
# test starts compiles the project and the tests again, about 7 s per process.  The
# cache goes where Python puts it (``__pycache__``, ignored by git, or PYTHONPYCACHEPREFIX).
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LOANDESK_LANG"] = "en"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--pg-url",
        default=None,
        help="PostgreSQL server for the second run of the db tests (sets LOANDESK_TEST_PG_URL), "
        "e.g. postgresql+psycopg://loandesk@127.0.0.1:55432/loandesk_test",
    )


CHEAP_PASSWORD_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
"""argon2id at its smallest cost: tests check what is hashed, not how hard."""


def pytest_configure(config: pytest.Config) -> None:
    url = config.getoption("--pg-url")
    if url:
        os.environ["LOANDESK_TEST_PG_URL"] = url


UNPRIVILEGED_REQUIRED_ENV = "LOANDESK_TEST_UNPRIVILEGED_REQUIRED"
"""Set by ``.ci/run`` for its pass without root's file powers: fail, never skip."""


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("unprivileged") is not None and not _file_modes_apply():
        why = "file modes do not bind this process (root)"
        if os.environ.get(UNPRIVILEGED_REQUIRED_ENV):
            pytest.fail(f"{UNPRIVILEGED_REQUIRED_ENV} is set but {why}", pytrace=False)
        pytest.skip(
            f"{why}; .ci/run runs it again without root's capabilities (pytest -m unprivileged)"
        )


@functools.cache
def _file_modes_apply() -> bool:
    """Is this process refused a file in a read-only folder (not root with CAP_DAC_OVERRIDE)?"""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "read-only"
        folder.mkdir(mode=0o555)
        try:
            (folder / "probe").touch()
        except PermissionError:
            return True
        finally:
            folder.chmod(0o755)
        return False


@pytest.fixture
def production_password_cost() -> Iterator[None]:
    """Hash (and re-hash on login) at the application's real argon2 cost during the test."""
    from db.services import staff

    previous = staff.set_password_hasher(PasswordHasher.from_parameters(staff.PASSWORD_COST))
    try:
        yield
    finally:
        staff.set_password_hasher(previous)


@pytest.fixture(scope="session", autouse=True)
def _artifacts_default(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Pictures for people go to the session's tmp unless LOANDESK_ARTIFACTS says where."""
    from tests import artifacts

    artifacts.use_default(tmp_path_factory.getbasetemp() / "artifacts")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point every LoanDesk data/config folder at a temporary directory."""
    home = tmp_path_factory.mktemp("loandesk-home")
    monkeypatch.setenv("LOANDESK_HOME", str(home))
    monkeypatch.setenv("LOANDESK_LANG", "en")
    monkeypatch.delenv("LOANDESK_DATABASE_URL", raising=False)


@pytest.fixture(autouse=True)
def _language_detected_afresh() -> Iterator[None]:
    """The command line's translator is cached for the process (``resources.i18n``): a
    test that set LOANDESK_LANG=zh_CN must not leave its Chinese to the next test."""
    from resources.i18n import translator

    translator.cache_clear()
    yield
    translator.cache_clear()


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashing() -> Iterator[None]:
    """argon2id with cheap parameters in this process: logins in tests take microseconds.

    Hashes are still ``$argon2id$`` and verify with any ``PasswordHasher``;
    commands run as subprocesses keep the real parameters.
    """
    from db.services import staff

    previous = staff.set_password_hasher(CHEAP_PASSWORD_HASHER)
    yield
    staff.set_password_hasher(previous)


@pytest.fixture(autouse=True, scope="session")
def _cheap_key_exports() -> Iterator[None]:
    """Key exports sealed at a cheap scrypt cost in this process (production: about 0.1 s
    and 32 MiB each); ``production_export_cost`` gives one test the real cost back."""
    from db import crypto

    previous = crypto.set_export_cost(2**4, 8, 1)
    yield
    crypto.set_export_cost(*previous)


@pytest.fixture
def production_export_cost() -> Iterator[None]:
    from db import crypto

    previous = crypto.set_export_cost(*crypto.EXPORT_COST)
    try:
        yield
    finally:
        crypto.set_export_cost(*previous)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file at the head revision, built the way ``open_database`` builds one."""
    from db.migrate import run_sqlite_migrations
    from db.paths import sqlite_url

    path = tmp_path_factory.mktemp("sqlite-template") / "head.sqlite3"
    run_sqlite_migrations(sqlite_url(path), "head")
    leftovers = sorted(p.name for p in path.parent.iterdir() if p != path)
    assert leftovers == [], leftovers  # one self-contained file (no -wal beside it)
    return path


@pytest.fixture(autouse=True)
def _new_databases_from_the_template(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, sqlite_template: Path
) -> None:
    """Migrating a new, empty SQLite file to head copies the template into it instead.

    The template was built by the same ``run_sqlite_migrations(url, "head")`` on a
    new file; any other migration (an older file upgraded, a downgrade, a target
    other than head) runs for real.  ``real_migrations``: the test migrates anyway.
    """
    if request.node.get_closest_marker("real_migrations"):
        return
    from db import migrate
    from db.engine import sqlite_path

    real = migrate.run_sqlite_migrations

    def from_template(url: str, target: str, *, downgrade: bool = False) -> None:
        path = sqlite_path(url)
        new = path is not None and (not path.exists() or path.stat().st_size == 0)
        if target != "head" or downgrade or not new:
            real(url, target, downgrade=downgrade)
            return
        assert path is not None
        with (
            open(sqlite_template, "rb") as source,
            open(path, "r+b" if path.exists() else "xb") as dest,
        ):
            shutil.copyfileobj(source, dest)  # into the file made for it: its mode is kept

    monkeypatch.setattr(migrate, "run_sqlite_migrations", from_template)


@pytest.fixture
def migrated_sqlite(sqlite_template: Path) -> Callable[[Path], Path]:
    """``migrated_sqlite(path)``: a new database at head at ``path`` (a copy of the template)."""

    def copy(path: Path) -> Path:
        assert not path.exists(), path
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sqlite_template, path)
        return path

    return copy


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    """Throw-away databases on the test server, one template per xdist worker.

    Skips without ``LOANDESK_TEST_PG_URL``; fails instead when
    ``LOANDESK_TEST_PG_REQUIRED`` is set (``.ci/run``).
    """
    from tests.db.conftest import open_pg_databases

    databases = open_pg_databases()
    yield databases
    databases.close()

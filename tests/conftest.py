"""Test-wide set-up: offscreen Qt, English unless a test asks, no real user folders."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["LOANDESK_LANG"] = "en"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--pg-url",
        default=None,
        help="PostgreSQL server for the second run of the db tests (sets LOANDESK_TEST_PG_URL), "
        "e.g. postgresql+psycopg://loandesk@127.0.0.1:55432/loandesk_test",
    )


def pytest_configure(config: pytest.Config) -> None:
    url = config.getoption("--pg-url")
    if url:
        os.environ["LOANDESK_TEST_PG_URL"] = url


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point every LoanDesk data/config folder at a temporary directory."""
    home = tmp_path_factory.mktemp("loandesk-home")
    monkeypatch.setenv("LOANDESK_HOME", str(home))
    monkeypatch.setenv("LOANDESK_LANG", "en")
    monkeypatch.delenv("LOANDESK_DATABASE_URL", raising=False)


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashing() -> Iterator[None]:
    """argon2id with cheap parameters in this process: logins in tests take microseconds.

    Hashes are still ``$argon2id$`` and verify with any ``PasswordHasher``;
    commands run as subprocesses keep the real parameters.
    """
    from argon2 import PasswordHasher

    from db.services import staff

    previous = staff.set_password_hasher(
        PasswordHasher(time_cost=1, memory_cost=256, parallelism=1)
    )
    yield
    staff.set_password_hasher(previous)

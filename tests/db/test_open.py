"""Opening, creating, upgrading and refusing database files."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from db import open_database
from db.migrate import head_revision
from db.paths import (
    default_db_path,
    key_file_path,
    resolve_database_url,
    sqlite_url,
)
from lending.errors import UserError
from tests.db.conftest import PgDatabases


@pytest.mark.real_migrations  # the one creation that migrates from nothing, in this process
def test_new_file_is_created_at_head_with_pragmas(db_path: Path, key_path: Path) -> None:
    with open_database(db_path, key=key_path) as database:
        assert db_path.exists()
        assert database.schema_revision == head_revision()
        with database.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_key_file_created_owner_only(db_path: Path, key_path: Path) -> None:
    open_database(db_path, key=key_path).close()
    assert key_path.exists()
    if os.name == "posix":
        assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    # reopening uses the same key
    open_database(db_path, key=key_path).close()


def test_default_locations_honour_loandesk_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert default_db_path() == home / "data" / "loandesk.sqlite3"
    assert key_file_path() == home / "config" / "loandesk.key"
    with open_database() as database:
        assert database.path == (home / "data" / "loandesk.sqlite3").resolve()
        assert database.key_path == home / "config" / "loandesk.key"


def test_url_precedence(tmp_path: Path) -> None:
    env = {"LOANDESK_DATABASE_URL": "postgresql+psycopg://u@h/db", "LOANDESK_HOME": "/x"}
    assert resolve_database_url(None, "sqlite:///a.db", env) == "sqlite:///a.db"
    assert resolve_database_url(tmp_path / "b.db", None, env) == sqlite_url(tmp_path / "b.db")
    assert resolve_database_url(None, None, env) == "postgresql+psycopg://u@h/db"
    assert resolve_database_url(None, None, {"LOANDESK_HOME": "/x"}) == sqlite_url(
        "/x/data/loandesk.sqlite3"
    )


def test_wrong_key_is_refused_clearly(db_path: Path, key_path: Path, tmp_path: Path) -> None:
    open_database(db_path, key=key_path).close()
    other = tmp_path / "other.key"
    with pytest.raises(UserError) as info:
        open_database(db_path, key=other)
    assert info.value.code == "key_file_missing"
    open_database(tmp_path / "x.sqlite3", key=other).close()  # creates the other key
    with pytest.raises(UserError) as info:
        open_database(db_path, key=other)
    assert info.value.code == "wrong_key"
    assert "does not belong to this database" in info.value.message


def test_damaged_key_file(db_path: Path, key_path: Path) -> None:
    open_database(db_path, key=key_path).close()
    key_path.write_text("garbage")
    with pytest.raises(UserError) as info:
        open_database(db_path, key=key_path)
    assert info.value.code == "key_file_invalid"


def _assert_refused_untouched(path: Path, key_path: Path) -> None:
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(UserError) as info:
        open_database(path, key=key_path)
    assert info.value.code == "database_unusable"
    assert "restore" in info.value.message
    assert "was not changed" in info.value.message
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_random_bytes_file_is_refused_untouched(tmp_path: Path, key_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(os.urandom(50_000))
    _assert_refused_untouched(path, key_path)


def test_text_file_is_refused_untouched(tmp_path: Path, key_path: Path) -> None:
    path = tmp_path / "readme.txt"
    path.write_text("just some text, not a database\n" * 100)
    _assert_refused_untouched(path, key_path)


def test_truncated_database_is_refused_untouched(db_path: Path, key_path: Path) -> None:
    with open_database(db_path, key=key_path) as database, database.engine.begin() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    data = db_path.read_bytes()
    for p in db_path.parent.glob(db_path.name + "-*"):
        p.unlink()
    db_path.write_bytes(data[: len(data) // 2])
    _assert_refused_untouched(db_path, key_path)


def test_damaged_page_is_refused_untouched(db_path: Path, key_path: Path) -> None:
    with open_database(db_path, key=key_path) as database, database.engine.begin() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    for p in db_path.parent.glob(db_path.name + "-*"):
        p.unlink()
    data = bytearray(db_path.read_bytes())
    page = 4096
    # overwrite the b-tree pages after the first with noise (keep size and header)
    data[page : len(data)] = os.urandom(len(data) - page)
    db_path.write_bytes(bytes(data))
    _assert_refused_untouched(db_path, key_path)


def test_newer_schema_is_refused(db_path: Path, key_path: Path) -> None:
    open_database(db_path, key=key_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '29991231_01'")
    conn.commit()
    conn.close()
    with pytest.raises(UserError) as info:
        open_database(db_path, key=key_path)
    assert info.value.code == "schema_too_new"
    assert "newer version of LoanDesk" in info.value.message


@pytest.mark.real_migrations
def test_empty_existing_file_becomes_a_database(tmp_path: Path, key_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with open_database(path, key=key_path) as database:
        assert database.schema_revision == head_revision()


def test_older_file_is_upgraded_in_place(db_path: Path, key_path: Path) -> None:
    from alembic import command

    from db.migrate import alembic_config
    from db.services import customers, staff

    with open_database(db_path, key=key_path) as database:
        owner = staff.create_owner(database, "S", "owner", "owner-pass-1")
        customers.create_customer(database, owner, "张三")
    # an "older" file: every table gone back to base except our key check
    command.downgrade(alembic_config(sqlite_url(db_path)), "base")
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name='customers'").fetchone() == (
        0,
    )
    conn.close()
    with open_database(db_path, key=key_path) as database:
        assert database.schema_revision == head_revision()
        with database.engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM customers")).scalar() == 0


def test_read_file_revision(db_path: Path, key_path: Path, tmp_path: Path) -> None:
    from db.migrate import is_known_revision, read_file_revision

    open_database(db_path, key=key_path).close()
    assert read_file_revision(db_path) == head_revision()
    assert is_known_revision(head_revision()) and not is_known_revision("29991231_01")
    plain = tmp_path / "plain.sqlite3"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    assert read_file_revision(plain) is None
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(UserError):
        read_file_revision(junk)


@pytest.mark.postgres
def test_postgresql_opens_and_upgrades(pg_databases: PgDatabases, key_path: Path) -> None:
    name = pg_databases.create(empty=True)  # not the shared database: a run of its own
    try:
        with open_database(pg_databases.url_of(name), key=key_path) as database:
            assert database.schema_revision == head_revision()
            assert not database.is_sqlite
    finally:
        pg_databases.drop(name)


def test_file_at_first_revision_is_upgraded_keeping_data(db_path: Path, key_path: Path) -> None:
    from alembic import command

    from db.migrate import alembic_config, script_directory

    revisions = [r.revision for r in script_directory().walk_revisions()]
    first = revisions[-1]
    assert len(revisions) >= 2, "needs an older revision to upgrade from"
    command.upgrade(alembic_config(sqlite_url(db_path)), first)
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO stores (id, name, created_at) VALUES (1, 'Old Store', "
        "'2026-01-01 00:00:00.000000')"
    )
    conn.commit()
    conn.close()
    with open_database(db_path, key=key_path) as database:
        assert database.schema_revision == head_revision() != first
        with database.engine.connect() as c:
            assert c.execute(text("SELECT name FROM stores")).scalar() == "Old Store"


def test_unusable_database_urls_give_a_clear_error(key_path: Path) -> None:
    for url in ("nosuchdb://x/y", "postgresql+nosuchdriver://u@h/db"):
        with pytest.raises(UserError) as info:
            open_database(url, key=key_path)
        assert info.value.code == "database_url_unusable"


def test_unreachable_server_is_one_clear_line(key_path: Path) -> None:
    import psycopg  # noqa: F401  (a test dependency: missing, the test fails, not skips)

    with pytest.raises(UserError) as info:
        open_database("postgresql+psycopg://u@127.0.0.1:1/db", key=key_path)
    assert info.value.code == "database_server_unusable"
    assert "\n" not in info.value.message


@pytest.mark.parametrize("shared", [True, False])
def test_key_never_lands_in_the_database_folder(
    shared: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows/macOS platformdirs gives one folder for data and config."""
    import platformdirs

    from db import paths

    monkeypatch.delenv("LOANDESK_HOME", raising=False)
    monkeypatch.delenv("LOANDESK_KEY_FILE", raising=False)
    base = tmp_path / "AppData" / "LoanDesk"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(base))
    monkeypatch.setattr(
        platformdirs,
        "user_config_dir",
        lambda *a, **k: str(base if shared else tmp_path / "config" / "LoanDesk"),
    )
    db_folder = paths.default_db_path().parent
    key_folder = paths.key_file_path().parent
    assert db_folder != key_folder
    assert not key_folder.is_relative_to(db_folder)
    assert not db_folder.is_relative_to(key_folder)


def test_repr_of_a_database_shows_no_password_or_key() -> None:
    from sqlalchemy import create_engine

    from db.database import Database

    url = "postgresql+psycopg://counter2:s3cret-pw@dbserver/loandesk"
    engine = create_engine(url)
    shown = repr(Database(url=url, engine=engine, session_factory=None, cipher="KEY-BYTES"))  # type: ignore[arg-type]
    assert "s3cret-pw" not in shown and "KEY-BYTES" not in shown

"""Open the store's database: check the file, migrate, unlock the personal data."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from db import paths
from db.crypto import FieldCipher, create_key_file, read_key_file, wrong_key_error
from db.engine import is_sqlite_url, make_engine, schema_lock, sqlite_path, tidy_up
from db.migrate import upgrade_to_head
from db.models import DbMeta, Store
from db.uow import UnitOfWork
from lending.errors import UserError

KEY_CHECK = "key_check"


@dataclass
class Database:
    """An open database: engine, session factory and the field cipher."""

    url: str = field(repr=False)  # may hold a server password
    engine: Engine
    session_factory: sessionmaker[Session]
    cipher: FieldCipher = field(repr=False)  # holds the key
    key_path: Path | None = None
    schema_revision: str = ""
    _closed: bool = field(default=False, repr=False)

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite_url(self.url)

    @property
    def path(self) -> Path | None:
        """The SQLite file (None for a server database)."""
        return sqlite_path(self.url)

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.session_factory, self.cipher)

    def default_store_id(self) -> int | None:
        """The first store (a single-store installation has only one)."""
        with self.session_factory() as s:
            return s.scalar(select(Store.id).order_by(Store.id).limit(1))

    def close(self) -> None:
        if not self._closed:
            tidy_up(self.engine)
            self.engine.dispose()
            self._closed = True

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _to_url(url_or_path: str | os.PathLike[str]) -> str:
    text = str(url_or_path)
    return text if paths.is_url(text) else paths.sqlite_url(text)


def _load_key(key: bytes | os.PathLike[str] | None, has_check: bool) -> tuple[bytes, Path | None]:
    if isinstance(key, bytes):
        return key, None
    key_path = Path(key) if key is not None else paths.key_file_path()
    if key_path.exists() or has_check:
        return read_key_file(key_path), key_path
    try:
        return create_key_file(key_path), key_path
    except FileExistsError:  # another process created it a moment ago
        return read_key_file(key_path), key_path


def _unlock(
    engine: Engine, key: bytes | os.PathLike[str] | None
) -> tuple[sessionmaker[Session], FieldCipher, Path | None]:
    """The session factory and the cipher, after checking the key against the database."""
    factory = sessionmaker(engine, autoflush=False, expire_on_commit=False)
    with factory() as s:
        check = s.get(DbMeta, KEY_CHECK)
        master, key_path = _load_key(key, check is not None)
        cipher = FieldCipher(master)
        if check is None:
            s.add(DbMeta(key=KEY_CHECK, value=cipher.make_key_check()))
            s.commit()
        elif not cipher.verify_key_check(check.value):
            raise wrong_key_error(key_path)
    return factory, cipher, key_path


def open_database(
    url_or_path: str | os.PathLike[str] | None = None,
    *,
    key: bytes | os.PathLike[str] | None = None,
    echo: bool = False,
) -> Database:
    """Open (creating or upgrading as needed) the database and unlock personal data.

    ``url_or_path``: an SQLAlchemy URL or an SQLite file path; ``None`` means
    the default from :func:`db.paths.resolve_database_url`.
    ``key``: the raw 32-byte master key, or the key file path (default: the
    key file in the config directory, created on first run).

    Raises :class:`UserError` for a file that is not a database or is damaged
    (left untouched), a database from a newer LoanDesk, or the wrong key.
    """
    url = paths.resolve_database_url() if url_or_path is None else _to_url(url_or_path)
    engine = make_engine(url, echo=echo)
    try:
        try:
            with schema_lock(engine):
                revision = upgrade_to_head(engine)
                factory, cipher, key_path = _unlock(engine, key)
        except SADatabaseError as exc:
            detail = " ".join(str(exc.orig).split())  # one line for the command line
            if not is_sqlite_url(url):
                raise UserError(
                    f"The database server cannot be used: {detail}",
                    code="database_server_unusable",
                ) from None
            raise UserError(
                f"The database cannot be opened or upgraded: {detail}. "
                "Restore a backup with: python main.py restore --from BACKUP_FILE",
                code="database_unusable",
            ) from None
    except BaseException:
        engine.dispose()
        raise
    return Database(
        url=url,
        engine=engine,
        session_factory=factory,
        cipher=cipher,
        key_path=key_path,
        schema_revision=revision,
    )

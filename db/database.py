"""Open the store's database: check the file, migrate, unlock the personal data."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, event, select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from db import paths
from db.crypto import FieldCipher, create_key_file, read_key_file, wrong_key_error
from db.engine import (
    disk_full_error,
    is_disk_full,
    is_sqlite_url,
    loandesk_revision,
    make_engine,
    schema_lock,
    sqlite_path,
    tidy_up,
)
from db.lease import Lease
from db.migrate import upgrade_to_head
from db.models import DbMeta, Store
from db.program import program_name
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
    lease: Lease | None = field(default=None, repr=False)
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

    def close(self, *, tidy: bool = True) -> None:
        """Close the connections and drop the lease.

        ``tidy=False``: without the engine's last statistics pass (db.engine) (the file was just
        replaced by a restore: nothing of this connection's may reach it).
        """
        if not self._closed:
            if tidy:
                tidy_up(self.engine)
            self.engine.dispose()
            if self.lease is not None:
                self.lease.release()
            self._closed = True

    def alone(self, what: str) -> None:
        """Make sure no other counter has this SQLite file open (for destructive work).

        Raises :class:`db.lease.LeaseBusy` naming the counters that have it open.
        """
        if self.lease is None:
            return
        if not self.lease.try_exclusive():
            error = self.lease.busy_error(what)
            self.lease.shared()
            raise error

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
            try:
                s.commit()
            except IntegrityError:  # another counter, first on a new database, was faster
                s.rollback()
                check = s.get(DbMeta, KEY_CHECK)
        if check is not None and not cipher.verify_key_check(check.value):
            raise wrong_key_error(key_path)
    return factory, cipher, key_path


TR_CONTEXT = "database"


def _t(text: str) -> str:
    from resources.i18n import translator

    return translator()(TR_CONTEXT, text)


class DatabaseReplaced(UserError):
    """The SQLite file was swapped (restored, copied over) while this counter had it open."""


def _schema_too_new(revision: str) -> UserError:
    return UserError(
        f"This database was written by a newer version of LoanDesk (schema {revision}). "
        "Install the newer LoanDesk, or restore a backup made with this version.",
        code="schema_too_new",
    )


def _create_sqlite_file(path: Path) -> None:
    """Build the whole schema in a temporary file beside ``path``, then rename it in.

    Killed at any moment, this leaves either no database (the next start
    builds it again and removes the stale temporary file) or a complete one.
    """
    from db import files
    from db.migrate import run_sqlite_migrations

    for side in ("-wal", "-shm", "-journal"):  # of an empty file: nothing to keep
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + side).unlink()
    files.remove_stale_temp_files(path.parent)
    tmp = files.new_temp_file(path.parent, ".sqlite3")
    try:
        run_sqlite_migrations(paths.sqlite_url(tmp), "head")
        files.fsync_path(tmp)
        os.replace(tmp, path)
        files.fsync_dir(path.parent)
    finally:
        files.discard_temp_file(tmp)


def _prepare_sqlite_file(path: Path, *, must_exist: bool) -> Lease:
    """Refuse a foreign or newer file untouched, then create or upgrade ours under the lease."""
    from db import files
    from db.migrate import head_revision, is_known_revision, run_sqlite_migrations, script_head

    revision = loandesk_revision(path)
    files.remove_stale_temp_files(path.parent)  # e.g. of a creation that was killed
    if revision is None and must_exist:
        raise UserError(
            _t("There is no LoanDesk database at {path}.").format(path=path),
            code="database_missing",
        )
    head = script_head() or head_revision()
    if revision and revision != head and not is_known_revision(revision):
        raise _schema_too_new(revision)
    lease = Lease(path)

    def work() -> None:
        current = loandesk_revision(path)
        if current is None:
            _create_sqlite_file(path)
        elif current != head:
            run_sqlite_migrations(paths.sqlite_url(path), "head")

    try:
        if revision == head:
            lease.shared()
            return lease
        if lease.try_exclusive():
            work()
        else:
            lease.shared()  # waits while another counter creates or upgrades it
            if loandesk_revision(path) == head:
                return lease
            if not lease.try_exclusive():
                raise lease.busy_error(_t("Upgrading the database to this LoanDesk version"))
            work()
        lease.shared()
    except BaseException:
        lease.release()
        raise
    return lease


def _watch_for_replacement(engine: Engine, path: Path) -> None:
    """Before every transaction: is the file still the one this counter opened?"""
    st = path.stat()
    identity = (st.st_dev, st.st_ino)

    @event.listens_for(engine, "begin")
    def _same_file(_conn: Connection) -> None:
        try:
            now = path.stat()
        except OSError:
            now = None
        if now is None or (now.st_dev, now.st_ino) != identity:
            raise DatabaseReplaced(
                _t(
                    "The database file {path} was replaced (restored from a backup, or copied "
                    "over) while LoanDesk had it open, so nothing more is written into it. "
                    "Close LoanDesk and start it again."
                ).format(path=path),
                code="database_replaced",
            )


def open_database(
    url_or_path: str | os.PathLike[str] | None = None,
    *,
    key: bytes | os.PathLike[str] | None = None,
    echo: bool = False,
    must_exist: bool = False,
) -> Database:
    """Open (creating or upgrading as needed) the database and unlock personal data.

    ``url_or_path``: an SQLAlchemy URL or an SQLite file path; ``None`` means
    the default from :func:`db.paths.resolve_database_url`.
    ``key``: the raw 32-byte master key, or the key file path (default: the
    key file in the config directory, created on first run).

    ``must_exist``: refuse (untouched) a file that does not exist or is
    empty instead of creating the database - for commands that only read.

    Raises :class:`UserError` for a file that is not a database, is damaged or
    belongs to another program (left untouched, not even its header changed), a database
    from a newer LoanDesk, or the wrong key; :class:`db.lease.LeaseBusy` when
    an upgrade is needed while another counter has the file open.
    """
    from db import files

    files.remove_stale_temp_files()  # of LoanDesk processes killed while writing
    url = paths.resolve_database_url() if url_or_path is None else _to_url(url_or_path)
    if must_exist and is_sqlite_url(url):
        file = sqlite_path(url)
        if file is not None and not file.exists():
            raise UserError(
                _t("There is no LoanDesk database at {path}.").format(path=file),
                code="database_missing",
            )
    engine = make_engine(url, echo=echo)
    lease: Lease | None = None
    try:
        try:
            file = sqlite_path(url) if is_sqlite_url(url) else None
            if file is not None:
                lease = _prepare_sqlite_file(file, must_exist=must_exist)
                _watch_for_replacement(engine, file)
            with schema_lock(engine):
                revision = upgrade_to_head(engine)
                factory, cipher, key_path = _unlock(engine, key)
        except SADatabaseError as exc:
            detail = " ".join(str(exc.orig).split())  # one line for the command line
            file = sqlite_path(url) if is_sqlite_url(url) else None
            if file is not None and is_disk_full(exc.orig):
                raise disk_full_error(file) from None
            if not is_sqlite_url(url):
                raise UserError(
                    f"The database server cannot be used: {detail}",
                    code="database_server_unusable",
                ) from None
            raise UserError(
                f"The database cannot be opened or upgraded: {detail}. "
                f"Restore a backup with: {program_name()} restore --from BACKUP_FILE",
                code="database_unusable",
            ) from None
    except BaseException:
        engine.dispose()
        if lease is not None:
            lease.release()
        raise
    return Database(
        url=url,
        engine=engine,
        session_factory=factory,
        cipher=cipher,
        key_path=key_path,
        schema_revision=revision,
        lease=lease,
    )

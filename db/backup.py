"""Backup and restore of the SQLite database file (``backup`` / ``restore`` commands).

Backup uses SQLite's online backup API (``sqlite3.Connection.backup``) in
one step: the copy is a consistent snapshot even while LoanDesk is running
on the same file (in WAL mode the snapshot does not block the counter's
writes).  The copy is written to a temporary file beside the destination,
switched to a self-contained rollback-journal file, verified, flushed to
disk and only then moved into place, so an existing file at ``--out`` is
replaced only by a complete, verified backup.

A file counts as a LoanDesk backup when it is an SQLite database that
passes ``PRAGMA integrity_check``, carries an Alembic schema version this
LoanDesk knows (an older one is fine: it is upgraded when opened) and has
LoanDesk's ``db_meta`` table with the encryption key check.

Restore verifies the source first and refuses, with one clear message and
without touching anything, a file that is not a database, is damaged, is
not a LoanDesk database, comes from a newer LoanDesk, or was encrypted with
another key than the one installed.  It then copies the source to a
temporary file next to the database, verifies the copy, fsyncs it and swaps
it in with ``os.replace`` (atomic); a stale ``-wal``/``-shm`` of the old
database is moved aside *before* the swap, so the new file can never be
combined with the old database's write-ahead log.

The field-encryption key lives outside the database (see ``db.paths``): a
backup is only readable together with that key file, so keep a copy of it.

PostgreSQL databases are backed up with ``pg_dump``; these commands say so.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db.crypto import FieldCipher
from db.engine import SQLITE_HEADER, check_sqlite_file, is_sqlite_url, sqlite_path
from db.program import program_name
from lending.errors import UserError
from resources.i18n import translator

if TYPE_CHECKING:
    from db.lease import Lease

TR_CONTEXT = "cli"
MARKER_TABLE = "db_meta"
KEY_CHECK_KEY = "key_check"
BUSY_TIMEOUT_S = 10.0


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


class BackupError(UserError):
    """A backup could not be made, or a file cannot be restored (nothing was changed)."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size_bytes: int
    schema_revision: str
    seconds: float


# ---------------------------------------------------------------------------
# where
# ---------------------------------------------------------------------------


def sqlite_file_of(url: str) -> Path:
    """The SQLite file behind the database URL; other backends are refused (pg_dump)."""
    if not is_sqlite_url(url):
        raise BackupError(
            _t(
                "This database is on a server (not an SQLite file): back it up with the "
                "server's own tools (pg_dump for PostgreSQL); the backup and restore "
                "commands only handle SQLite files."
            ),
            code="backup_not_sqlite",
        )
    path = sqlite_path(url)
    if path is None:
        raise BackupError(
            _t("An in-memory database cannot be backed up or restored."),
            code="backup_in_memory",
        )
    return path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


# ---------------------------------------------------------------------------
# verification
# ---------------------------------------------------------------------------


def _known_revision(revision: str) -> bool:
    from db.migrate import script_directory

    try:
        return script_directory().get_revision(revision) is not None
    except Exception:
        return False


def verify_loandesk_file(
    path: Path, *, cipher: FieldCipher | None = None, thorough: bool = True
) -> str:
    """Check that ``path`` is a sound LoanDesk database; return its schema revision.

    Read-only: the file (and anything beside it) is never modified.  Raises
    :class:`BackupError` with one clear sentence otherwise.  ``thorough``
    runs ``integrity_check`` (else the faster ``quick_check``).  With ``cipher``,
    also check that the file's personal data was encrypted with that key.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BackupError(
            _t("The file {path} does not exist.").format(path=path), code="backup_missing"
        ) from None
    except OSError as exc:
        raise BackupError(
            _t("The file {path} cannot be read ({why}).").format(path=path, why=exc.strerror),
            code="backup_unreadable",
        ) from None
    if size == 0:
        raise BackupError(
            _t("{path} is empty, not a LoanDesk database.").format(path=path),
            code="backup_not_loandesk",
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise BackupError(
            _t("The file {path} cannot be read ({why}).").format(path=path, why=exc.strerror),
            code="backup_unreadable",
        ) from None
    if header != SQLITE_HEADER:
        raise BackupError(
            _t("{path} is not a LoanDesk database (it is not an SQLite database file).").format(
                path=path
            ),
            code="backup_not_loandesk",
        )
    try:
        check_sqlite_file(path, full=thorough)
    except UserError:
        raise BackupError(
            _t("{path} is damaged: the integrity check failed.").format(path=path),
            code="backup_damaged",
        ) from None
    try:
        conn = _open_read_only(path)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            key_check = None
            if MARKER_TABLE in tables:
                row = conn.execute(
                    f"SELECT value FROM {MARKER_TABLE} WHERE key = ?", (KEY_CHECK_KEY,)
                ).fetchone()
                key_check = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        raise BackupError(
            _t("{path} is damaged: the integrity check failed.").format(path=path),
            code="backup_damaged",
        ) from None
    if revision is None or MARKER_TABLE not in tables or key_check is None:
        raise BackupError(
            _t("{path} is an SQLite database but not a LoanDesk database.").format(path=path),
            code="backup_not_loandesk",
        )
    if not _known_revision(revision):
        raise BackupError(
            _t(
                "{path} was made by a newer version of LoanDesk (schema {revision}). "
                "Install that version to restore it."
            ).format(path=path, revision=revision),
            code="backup_schema_too_new",
        )
    if cipher is not None and not cipher.verify_key_check(bytes(key_check)):
        raise BackupError(
            _t(
                "{path} was encrypted with a different key than this computer's key file, so "
                "its customer data could not be read. Put the key file that belongs to the "
                "backup in place first."
            ).format(path=path),
            code="backup_wrong_key",
        )
    return str(revision)


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Open for reading without creating anything beside the file."""
    wal = path.with_name(path.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    uri = path.resolve().as_uri() + ("?mode=ro" if has_wal else "?mode=ro&immutable=1")
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)


# ---------------------------------------------------------------------------
# copying
# ---------------------------------------------------------------------------


def _remove_quietly(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _copy_online(source: sqlite3.Connection, dest_path: Path) -> None:
    """Snapshot ``source`` into a new self-contained file at ``dest_path``."""
    dest = sqlite3.connect(dest_path, timeout=BUSY_TIMEOUT_S)
    try:
        # pages=-1: the whole database in one step, one consistent snapshot
        source.backup(dest, pages=-1)
        dest.execute("PRAGMA journal_mode = DELETE")
        dest.commit()
    finally:
        dest.close()
    _remove_quietly(dest_path.with_name(dest_path.name + "-journal"))


def _copy_from(
    connect: Callable[[], sqlite3.Connection], dest: Path, failed: str, code: str
) -> None:
    """Snapshot the database ``connect`` opens into ``dest``; SQLite errors in one line."""
    try:
        source = connect()
        try:
            source.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            _copy_online(source, dest)
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise BackupError(failed.format(why=_sqlite_why(exc)), code=code) from None


def backup_database(
    url: str,
    out: Path,
    *,
    cipher: FieldCipher | None = None,
    check: Callable[[], None] | None = None,
) -> BackupInfo:
    """Write a verified backup of the database at ``url`` to ``out``.

    ``out`` is replaced only once the new backup is complete and verified
    (``integrity_check``; with ``cipher``, also that its personal data opens
    with that key).  ``check`` is called between the copy and the
    verification; an exception it raises (a cancel) discards the copy.
    """
    started = time.perf_counter()
    source_path = sqlite_file_of(url)
    out = Path(out)
    if not source_path.exists() or source_path.stat().st_size == 0:
        raise BackupError(
            _t("There is no database at {path} to back up.").format(path=source_path),
            code="backup_no_database",
        )
    if _same_file(source_path, out):
        raise BackupError(
            _t("The backup file must not be the database itself."), code="backup_same_file"
        )
    if out.is_dir():
        raise BackupError(
            _t("{path} is a folder; give a file name for the backup.").format(path=out),
            code="backup_out_is_dir",
        )
    if not out.parent.is_dir():
        raise BackupError(
            _t("The folder {path} does not exist.").format(path=out.parent),
            code="backup_no_folder",
        )
    # the source must itself be a sound LoanDesk database (read-only check)
    try:
        verify_loandesk_file(source_path, thorough=False)
    except BackupError as exc:
        raise BackupError(
            exc.message
            + " "
            + _t(
                "Nothing was backed up. To go back to an earlier backup, use: "
                "{program} restore --from BACKUP_FILE"
            ).format(program=program_name()),
            code=exc.code,
        ) from None
    from db import files
    from db.paths import key_file_path

    revision = ""

    def verified(temp: Path) -> None:
        nonlocal revision
        if check is not None:
            check()
        try:
            revision = verify_loandesk_file(temp, cipher=cipher)
        except BackupError as exc:
            raise BackupError(
                _t(
                    "The backup was written but failed verification, so it was discarded: {why}"
                ).format(why=exc.message),
                code="backup_verify_failed",
            ) from None

    with files.replacing(
        out, protect=[source_path, key_file_path()], suffix=".sqlite3", checked=verified
    ) as temp:
        _copy_from(
            lambda: sqlite3.connect(source_path, timeout=BUSY_TIMEOUT_S),
            temp,
            _t("The backup could not be written: {why}."),
            "backup_failed",
        )
    return BackupInfo(
        path=out,
        size_bytes=out.stat().st_size,
        schema_revision=revision,
        seconds=time.perf_counter() - started,
    )


def restore_database(
    url: str,
    source: Path,
    *,
    key: bytes | os.PathLike[str] | FieldCipher | None = None,
    held: Lease | None = None,
) -> BackupInfo:
    """Replace the database at ``url`` with the verified backup ``source``.

    ``key``: the raw key, key file or cipher whose key the backup must match
    (default: the installed key file, when there is one).  Nothing is changed
    unless every check passes.  Close LoanDesk on every counter before
    restoring.  ``held``: the caller already holds the database's lease
    exclusively (a counter restoring over the file it has open, see
    :mod:`db.auto_backup`); it is neither taken nor released here.
    """
    started = time.perf_counter()
    target = sqlite_file_of(url)
    source = Path(source)
    if _same_file(source, target):
        raise BackupError(
            _t("The backup to restore is the database itself; choose a backup file."),
            code="restore_same_file",
        )
    if not target.parent.is_dir():
        raise BackupError(
            _t("The folder {path} does not exist.").format(path=target.parent),
            code="backup_no_folder",
        )
    _check_restore_target(target)
    cipher = _installed_cipher(key)
    verify_restorable(source, cipher)
    from db import files
    from db.lease import Lease

    lease = held or Lease(target)
    try:
        if held is None and not lease.try_exclusive():
            raise BackupError(lease.busy_message(_t("Restoring a backup")), code="database_in_use")
        temp = files.new_temp_file(target.parent, ".sqlite3")
        try:
            _copy_from(
                lambda: _open_read_only(source),
                temp,
                _t("The backup could not be copied: {why}."),
                "restore_failed",
            )
            revision = verify_loandesk_file(temp, cipher=cipher)
            files.fsync_path(temp)
            _swap_in(temp, target)
        except OSError as exc:
            raise BackupError(
                files.os_error_message(exc, target)
                + " "
                + _t("Nothing was restored; the current database is unchanged."),
                code="restore_failed",
            ) from None
        finally:
            files.discard_temp_file(temp)
    finally:
        if held is None:
            lease.release()
    return BackupInfo(
        path=target,
        size_bytes=target.stat().st_size,
        schema_revision=revision,
        seconds=time.perf_counter() - started,
    )


def verify_restorable(source: Path, cipher: FieldCipher | None) -> str:
    """:func:`verify_loandesk_file`, its refusal ending "nothing was restored"."""
    try:
        return verify_loandesk_file(source, cipher=cipher)
    except BackupError as exc:
        raise BackupError(
            exc.message + " " + _t("Nothing was restored; the current database is unchanged."),
            code=exc.code,
        ) from None


def _installed_cipher(
    key: bytes | os.PathLike[str] | FieldCipher | None,
) -> FieldCipher | None:
    """The cipher of the key the restored database must match, if a key is installed."""
    from db import paths
    from db.crypto import read_key_file

    if isinstance(key, FieldCipher):
        return key
    if isinstance(key, bytes):
        return FieldCipher(key)
    key_path = Path(key) if key is not None else paths.key_file_path()
    if not key_path.exists():
        return None  # a fresh machine: the backup's key file is put back by hand
    return FieldCipher(read_key_file(key_path))


def _sqlite_why(exc: sqlite3.Error) -> str:
    from db.engine import is_disk_full

    if is_disk_full(exc):
        return _t("the disk is full")
    return " ".join(str(exc).split())


def is_loandesk_file(path: Path) -> bool:
    """Whether ``path`` is one of LoanDesk's own SQLite files (read-only).

    Its header carries LoanDesk's application id, or (older files) it has
    LoanDesk's schema version and meta table.  Raises ``OSError`` when the
    file cannot be read.
    """
    from db.engine import APPLICATION_ID, loandesk_revision

    with path.open("rb") as fh:
        header = fh.read(100)
    if header[:16] == SQLITE_HEADER and int.from_bytes(header[68:72], "big") == APPLICATION_ID:
        return True
    try:
        return bool(loandesk_revision(path))
    except UserError:
        return False


def _check_restore_target(target: Path) -> None:
    """Restore replaces only LoanDesk's own database, or creates a new file."""
    from db import files
    from db.paths import key_file_path

    try:
        files.check_output(target, protect=[key_file_path()], database=False)
    except files.OutputError as exc:
        raise BackupError(exc.message, code=exc.code) from None
    if not target.exists():
        return
    try:
        ours = is_loandesk_file(target)
    except OSError as exc:
        raise BackupError(files.os_error_message(exc, target), code="restore_failed") from None
    if not ours:
        raise BackupError(
            _t(
                "{path} is not a LoanDesk database, so restore will not replace it. Give "
                "LoanDesk's database with --db, or a file name that does not exist yet."
            ).format(path=target),
            code="restore_target_foreign",
        )


def _swap_in(temp: Path, target: Path) -> None:
    """Atomically replace ``target`` with ``temp``; the old WAL never meets the new file.

    The old ``-wal``/``-shm``/``-journal`` are moved aside first and moved back
    if the final rename fails, so a failed restore leaves the live database
    exactly as it was, write-ahead log included.
    """
    from db import files

    side = [target.with_name(target.name + s) for s in ("-wal", "-shm", "-journal")]
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    moved: list[tuple[Path, Path]] = []
    try:
        for p in side:
            if p.exists():
                aside = p.with_name(f"{p.name}.stale-{stamp}")
                os.replace(p, aside)
                moved.append((p, aside))
        os.replace(temp, target)
    except BaseException:
        for p, aside in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(aside, p)
        raise
    files.fsync_dir(target.parent)
    _remove_quietly(*(aside for _, aside in moved))

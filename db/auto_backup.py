"""Automatic backups: one verified copy a day, kept by a policy, restored from the list.

The GUI calls :func:`backup_daily_if_due` when the main window closes: the
first close of each (local) day writes ``loandesk-YYYYMMDD-HHMMSS.sqlite3``
into the database's backup folder (:func:`backup_folder`, under the user
data folder of :mod:`db.paths`) with :func:`db.backup.backup_database` -
SQLite's online backup, ``integrity_check`` and the key check against the
open database's key before the file is renamed into place (0600).  A copy
that fails verification never gets its name: the temporary file is removed
and the error is raised.

Then the folder is pruned by the store's :class:`~db.services.settings.BackupPolicy`
(the newest 14, and the first backup of each of the last 12 calendar months;
owner-settable): only files that are this module's own backups - the exact
name pattern, an ordinary file (not a link) and a LoanDesk SQLite file - are
ever deleted.  Anything else in the folder is left alone.

:func:`restore_from_backup` replaces the database this counter has open with
one of those backups: refused (naming the computer and user) while another
counter has the file open, verified first, swapped in atomically
(:func:`db.backup.restore_database`), then opened again and the restore
written to the restored database's audit log.

Servers (PostgreSQL) are backed up by the server's own tools: every function
here refuses them with :class:`db.backup.BackupError` (code
``backup_not_sqlite``), and :func:`applies_to` says so without raising.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from db import paths
from db.backup import (
    BackupError,
    backup_database,
    is_loandesk_file,
    restore_database,
    sqlite_file_of,
    verify_restorable,
)
from db.services.settings import BackupPolicy, backup_policy
from lending.errors import UserError
from resources.i18n import translator

if TYPE_CHECKING:
    from db.database import Database
    from db.services.base import Actor

TR_CONTEXT = "cli"
FOLDER_NAME = "backups"
LOCK_NAME = ".backup.lock"
NAME_RE = re.compile(r"^loandesk-(\d{8})-(\d{6})\.sqlite3$")
STAMP = "%Y%m%d-%H%M%S"


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


@dataclass(frozen=True)
class BackupEntry:
    """One automatic backup in the folder."""

    path: Path
    made_at: datetime
    """Local time (aware), from the file name."""
    size_bytes: int


# ---------------------------------------------------------------------------
# where
# ---------------------------------------------------------------------------


def applies_to(database: Database) -> bool:
    """Whether LoanDesk backs this database up itself (an SQLite file, not a server)."""
    return database.path is not None


def _file_of(database: Database) -> Path:
    """The SQLite file; a server database is refused (its own tools back it up)."""
    return sqlite_file_of(database.url)


def backup_folder(db_path: Path) -> Path:
    """The backup folder of the database file ``db_path``.

    ``<data folder>/backups`` for the default database; a sub-folder named
    after the file (and a hash of its full path) for any other, so the
    backups of two databases never mix.
    """
    base = paths.data_dir() / FOLDER_NAME
    resolved = Path(db_path).expanduser().resolve()
    if resolved == paths.default_db_path().expanduser().resolve():
        return base
    digest = hashlib.sha256(os.fsencode(resolved)).hexdigest()[:10]
    stem = "".join(c for c in resolved.stem if c.isalnum() or c in "-_")[:40] or "db"
    return base / f"{stem}-{digest}"


def _local(now: datetime | None) -> datetime:
    """``now`` (or the clock) as aware local time; a naive value counts as local."""
    return (now or datetime.now()).astimezone()


# ---------------------------------------------------------------------------
# the list
# ---------------------------------------------------------------------------


def _entry(path: Path) -> BackupEntry | None:
    """``path`` as one of our backups, or None for anything else (left alone)."""
    m = NAME_RE.match(path.name)
    if m is None:
        return None
    try:
        st = path.lstat()
        made = datetime.strptime(f"{m.group(1)}-{m.group(2)}", STAMP)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(st.st_mode):
        return None  # a link, folder, pipe ... with our name: not ours
    return BackupEntry(path=path, made_at=made.astimezone(), size_bytes=st.st_size)


def _entries(folder: Path) -> list[BackupEntry]:
    """Our backups in ``folder`` by name, newest first (no file content read)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = [e for e in (_entry(folder / n) for n in names) if e is not None]
    return sorted(found, key=lambda e: e.made_at, reverse=True)


def list_backups(database: Database) -> list[BackupEntry]:
    """The automatic backups of ``database``, newest first, with time and size."""
    return _entries(backup_folder(_file_of(database)))


def is_due(database: Database, now: datetime | None = None) -> bool:
    """Whether today (local) has no automatic backup yet (quick: lists one folder)."""
    if not applies_to(database):
        return False
    today = _local(now).date()
    return all(e.made_at.date() != today for e in list_backups(database))


# ---------------------------------------------------------------------------
# keeping
# ---------------------------------------------------------------------------


def to_keep(entries: list[BackupEntry], policy: BackupPolicy, now: datetime) -> set[Path]:
    """The backups the policy keeps: the newest ``keep_last``, and the first of
    each of the last ``keep_monthly`` calendar months (this one included)."""
    newest_first = sorted(entries, key=lambda e: e.made_at, reverse=True)
    keep = {e.path for e in newest_first[: max(policy.keep_last, 1)]}
    local = _local(now)
    this_month = local.year * 12 + local.month - 1
    first_of_month: dict[int, BackupEntry] = {}
    for e in reversed(newest_first):  # oldest first: the first seen is the month's first
        month = e.made_at.year * 12 + e.made_at.month - 1
        if 0 <= this_month - month < policy.keep_monthly:
            first_of_month.setdefault(month, e)
    keep.update(e.path for e in first_of_month.values())
    return keep


def prune(folder: Path, policy: BackupPolicy, now: datetime | None = None) -> list[Path]:
    """Delete the backups in ``folder`` the policy does not keep; return what was deleted.

    Only our own backup files are candidates: the name pattern, an ordinary
    file, and (checked just before deleting) a LoanDesk SQLite file.
    """
    removed: list[Path] = []
    entries = _entries(folder)
    keep = to_keep(entries, policy, _local(now))
    for e in entries:
        if e.path in keep:
            continue
        try:
            if not is_loandesk_file(e.path):
                continue
            e.path.unlink()
        except OSError:
            continue  # in use or gone: tried again after the next backup
        removed.append(e.path)
    return removed


# ---------------------------------------------------------------------------
# making one
# ---------------------------------------------------------------------------


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[bool]:
    """Only one LoanDesk at a time decides and writes the day's backup (POSIX).

    Yields False when another process holds it (that one is backing up).
    """
    try:
        import fcntl
    except ImportError:  # Windows: two counters closing in the same second may both back up
        yield True
        return
    try:
        fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        yield True
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def _make_folder(folder: Path) -> None:
    from db import files

    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(
            files.os_error_message(exc, folder / "x") + " " + _t("No backup was made."),
            code="backup_failed",
        ) from None


def _free_name(folder: Path, when: datetime) -> Path:
    """``loandesk-<local time>.sqlite3``; a second later when that name is taken."""
    for step in range(3600):
        path = folder / f"loandesk-{(when + timedelta(seconds=step)).strftime(STAMP)}.sqlite3"
        if not os.path.lexists(path):
            return path
    raise BackupError(
        _t("The backup folder {path} has no free name for a new backup.").format(path=folder),
        code="backup_failed",
    )


def backup_now(
    database: Database,
    now: datetime | None = None,
    *,
    check: Callable[[], None] | None = None,
) -> BackupEntry:
    """Write a verified backup into the folder, then prune it by the store's policy.

    Raises :class:`BackupError` when the copy cannot be made or fails
    verification (nothing is added and nothing is pruned).  ``check`` is
    called between the steps; what it raises (a cancel) stops the backup
    with nothing added.
    """
    source = _file_of(database)
    folder = backup_folder(source)
    _make_folder(folder)
    with _folder_lock(folder):
        return _write(database, source, folder, _local(now), check)


def _write(
    database: Database,
    source: Path,
    folder: Path,
    when: datetime,
    check: Callable[[], None] | None,
) -> BackupEntry:
    policy = backup_policy(database)  # read first: the copy should not wait on it
    if check is not None:
        check()
    out = _free_name(folder, when)
    backup_database(database.url, out, cipher=database.cipher, check=check)
    made = _entry(out)
    assert made is not None
    prune(folder, policy, when)
    return made


def backup_daily_if_due(
    database: Database,
    now: datetime | None = None,
    *,
    check: Callable[[], None] | None = None,
) -> BackupEntry | None:
    """The day's backup on the first close of the day; None when not due.

    Not due: a server database, today already has a backup, or another
    LoanDesk is writing today's backup at this moment.
    """
    if not applies_to(database):
        return None
    source = _file_of(database)
    folder = backup_folder(source)
    when = _local(now)
    if not is_due(database, when):
        return None
    _make_folder(folder)
    with _folder_lock(folder) as alone:
        if not alone or not is_due(database, when):
            return None
        return _write(database, source, folder, when, check)


# ---------------------------------------------------------------------------
# restoring one
# ---------------------------------------------------------------------------


def restore_from_backup(
    database: Database,
    actor: Actor,
    backup: Path,
    *,
    key: bytes | os.PathLike[str] | None = None,
) -> Database:
    """Owner: replace the open database with one of its automatic backups.

    Refused (:class:`db.lease.LeaseBusy`, naming the counters) while any other
    counter has the file open, and (:class:`BackupError`) for a file that is
    not one of the listed backups or fails verification - nothing changed,
    ``database`` still usable.  On success ``database`` is closed and the
    restored database is returned, opened with the same key (``key``, else
    ``database.key_path``), the restore recorded in its audit log.  Should
    that opening fail, the backup is in place, ``database`` is closed and
    :class:`BackupError` (code ``restored_not_reopened``) says to restart.
    """
    from db.database import open_database
    from db.services.base import Permission, require

    require(actor, Permission.MANAGE_BACKUPS)
    target = _file_of(database)
    chosen = next((e for e in list_backups(database) if _same(e.path, Path(backup))), None)
    if chosen is None:
        raise BackupError(
            _t("{path} is not one of this database's backups; nothing was restored.").format(
                path=backup
            ),
            code="restore_not_listed",
        )
    verify_restorable(chosen.path, database.cipher)  # before anything is let go
    database.alone(_t("Restoring a backup"))  # LeaseBusy: who has it open; nothing changed
    lease = database.lease
    try:
        database.engine.dispose()  # no connection of ours stays on the old file
        restore_database(database.url, chosen.path, key=database.cipher, held=lease)
    except BaseException:
        if lease is not None:
            lease.shared()  # back to an ordinary counter on the unchanged file
        raise
    database.close(tidy=False)
    try:
        restored = open_database(target, key=key if key is not None else database.key_path)
    except UserError as exc:
        raise BackupError(
            _t(
                "The backup was restored, but the database could not be opened again: {why} "
                "Close LoanDesk and start it again."
            ).format(why=exc.message),
            code="restored_not_reopened",
        ) from None
    try:
        _record_restore(restored, actor, chosen)
    except BaseException:
        restored.close()
        raise
    return restored


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _record_restore(database: Database, actor: Actor, entry: BackupEntry) -> None:
    from db.models import Store
    from db.models.enums import AuditAction
    from db.services import audit
    from db.services.base import transaction

    with transaction(database) as uow:
        store_id = actor.store_id
        if uow.session.get(Store, store_id) is None:  # the backup predates that store
            store_id = database.default_store_id() or store_id
        audit.record(
            uow,
            store_id=store_id,
            action=AuditAction.BACKUP_RESTORED,
            username=actor.username,  # the staff row may differ in the restored file
            target_type="backup",
            detail={"file": entry.path.name, "made_at": entry.made_at.isoformat()},
        )

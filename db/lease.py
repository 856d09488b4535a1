"""The counter lease: who has an SQLite database open, and who may replace it.

Every counter that opens a database file holds a *shared* lock on the lease
file beside it (``loandesk.sqlite3.lease``) for as long as it is open and
adds a line naming itself (computer, user, process).  Work that must be
alone with the file - ``restore``, ``demo-data``, creating or upgrading the
schema - takes the lock *exclusively* and is refused, naming the counters
that hold it, while any counter has the file open.

Locks are ``flock`` locks: the operating system drops them when a process
ends, however it ends, so a killed counter never blocks a restore.  (On
Windows, which has no ``flock``, the lease is not enforced; the replaced-
file check of :class:`db.database.Database` still stops a counter from
writing into a file that was swapped under it.)

The same file also serialises the creation of a new database: the first
counter builds it while holding the lock exclusively; one starting at the
same moment waits (:data:`WAIT_SECONDS`) and then opens the finished file.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from lending.errors import UserError
from resources.i18n import translator

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

TR_CONTEXT = "lease"
SUFFIX = ".lease"
WAIT_SECONDS = 30.0
MAX_LINES = 64


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


class LeaseBusy(UserError):
    """Another counter has the database open.

    ``holders``: (computer, user, process) of each counter that has it open,
    as far as the lease file knows, for a screen to word its own message.
    """

    holders: tuple[tuple[str, str, str], ...] = ()


def lease_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def _hostname() -> str:
    import socket  # here: not needed for the usual start

    return socket.gethostname() or "?"


def _me() -> str:
    import getpass

    try:
        user = getpass.getuser()
    except Exception:
        user = "?"
    return f"{_hostname()}\t{user}\t{os.getpid()}"


def _alive(line: str) -> bool:
    parts = line.split("\t")
    if len(parts) != 3:
        return False
    host, _, pid = parts
    if host != _hostname():
        return True  # another computer: cannot tell, so name it
    from db.files import process_alive

    try:
        return int(pid) != os.getpid() and process_alive(int(pid))
    except ValueError:
        return False


class Lease:
    """A lock on one database file; ``shared`` while open, ``exclusive`` for destructive work."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lease_path(db_path)
        self._fd: int | None = None
        self.mode: str | None = None

    # -- locking ---------------------------------------------------------

    def _open(self) -> int | None:
        """The lease file (readable by all: counters of other users take part too).

        A folder where it cannot be made (read-only media) gets no lease
        rather than an error: nothing can be written there anyway.
        """
        if self._fd is None:
            for flags in (os.O_RDWR | os.O_CREAT, os.O_RDONLY):
                try:
                    self._fd = os.open(self.path, flags, 0o644)
                    break
                except OSError:
                    continue
        return self._fd

    def _lock(self, op: int, wait: float) -> bool:
        if fcntl is None:
            return True
        fd = self._open()
        if fd is None:
            return True
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, op | fcntl.LOCK_NB)
                return True
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.02)

    def try_exclusive(self, wait: float = 0.0) -> bool:
        if self._lock(fcntl.LOCK_EX if fcntl else 0, wait):
            self.mode = "exclusive"
            return True
        return False

    def shared(self, wait: float = WAIT_SECONDS) -> None:
        """Hold the file as an ordinary counter (waits while a restore or creation runs)."""
        if not self._lock(fcntl.LOCK_SH if fcntl else 0, wait):
            raise LeaseBusy(
                _t(
                    "The database {path} is being restored, created or upgraded by another "
                    "LoanDesk; try again in a minute."
                ).format(path=self.db_path),
                code="database_busy",
            )
        self.mode = "shared"
        self._sign_in()

    def exclusive(self, what: str) -> None:
        """Be alone with the file, or raise :class:`LeaseBusy` naming who has it open."""
        if not self.try_exclusive():
            raise self.busy_error(what)

    def busy_error(self, what: str) -> LeaseBusy:
        """:class:`LeaseBusy` saying who has the file open (message and ``holders``)."""
        error = LeaseBusy(self.busy_message(what), code="database_in_use")
        error.holders = tuple(self.holders())
        return error

    def busy_message(self, what: str) -> str:
        holders = self.holders()
        who = "; ".join(
            _t("{user} on {host} (process {pid})").format(user=u, host=h, pid=p)
            for h, u, p in holders
        ) or _t("another LoanDesk")
        return _t(
            "{what} needs the database {path} to itself, but it is open in LoanDesk: {who}. "
            "Close LoanDesk there and try again; nothing was changed."
        ).format(what=what, path=self.db_path, who=who)

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)  # drops the lock
            self._fd = None
        self.mode = None

    # -- who holds it ----------------------------------------------------

    def _lines(self) -> list[str]:
        try:
            text = self.path.read_text("utf-8", errors="replace")
        except OSError:
            return []
        return [line for line in text.splitlines() if line.strip()]

    def holders(self) -> list[tuple[str, str, str]]:
        out: list[tuple[str, str, str]] = []
        for line in self._lines():
            if _alive(line):
                h, u, p = line.split("\t")
                out.append((h, u, p))
        return out

    def _sign_in(self) -> None:
        """Add this process to the list (dropping processes that are gone)."""
        keep = [line for line in self._lines() if _alive(line)][-MAX_LINES:]
        keep.append(_me())
        fd = self._open()
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, "".join(f"{line}\n" for line in keep).encode("utf-8"), 0)

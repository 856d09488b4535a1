"""Every write of a path the user chose goes through here.

``backup --out``, ``print-quote --out``, ``export-report --out``,
``key export --out``, the GUI's "save as" and the ``restore`` target all
use :func:`replacing` (or :func:`write_bytes` on top of it):

* :func:`check_output` refuses, with one translated sentence and before
  anything is written, a folder, a FIFO, a device node or socket, the
  database itself with its ``-wal``/``-shm``/``-journal`` and lease files,
  and the key file (also through a symbolic or hard link);
* the data goes to a new temporary file *in the destination folder*
  (created exclusively, mode 0600), is fsynced and renamed over the target
  in one step, then the folder is fsynced; on any failure the temporary file
  is removed and the target is left as it was;
* ``ENOSPC``, ``EACCES``/``EPERM``/``EROFS`` and over-long names become one
  clear line (:func:`os_error_message`).

Temporary files carry :data:`TEMP_PREFIX`, this computer's name and the
process id, and are listed in a per-process journal in the data folder
while they exist.  A process killed half-way leaves them behind; the next
LoanDesk start (:func:`remove_stale_temp_files`) and the next write into the
same folder delete those of processes that no longer run, so customer data
in an unfinished export never outlives its writer for long.

:func:`temp_files_in` points openpyxl's own temporary files (one per
write-only sheet, normally in ``TMPDIR``) into the destination folder with
the same naming and clean-up.

:func:`read_small_file` is the one way to read a file the user names as
input (a password, passphrase or key file): a size cap, and never a hang
on a FIFO, a device or a folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from lending.errors import UserError
from resources.i18n import translator

TR_CONTEXT = "files"
TEMP_PREFIX = ".~loandesk-"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
MAX_NAME_BYTES = 255
JOURNAL_DIR = ".temp-journal"


def _t(text: str, lang: str | None = None) -> str:
    return translator(lang)(TR_CONTEXT, text)


class OutputError(UserError):
    """A destination was refused or could not be written; nothing was changed.

    ``os_error`` and ``stage`` (``"create"``: no temporary file could be made
    in the folder; ``"write"``: writing or renaming failed) let a screen word
    the failure its own way.
    """

    os_error: OSError | None = None
    stage: str = ""


def _failed(exc: OSError, out: Path, lang: str | None, stage: str) -> OutputError:
    err = OutputError(os_error_message(exc, out, lang), code="output_failed")
    err.os_error, err.stage = exc, stage
    return err


# ---------------------------------------------------------------------------
# naming and the journal of this process's temporary files
# ---------------------------------------------------------------------------


def _host() -> str:
    import socket  # here: only when a temporary file is made or judged

    name = "".join(c for c in socket.gethostname() if c.isalnum() or c in "-_")
    return (name or "host")[:40]


def _owner_tag() -> str:
    return f"{_host()}-{os.getpid()}"


def is_own_temp_name(name: str) -> bool:
    return name.startswith(TEMP_PREFIX)


def _pid_of(name: str) -> tuple[str, int] | None:
    """(host, pid) from a temp file name ``.~loandesk-HOST-PID-RANDOM.suffix``."""
    rest = name[len(TEMP_PREFIX) :].split(".")[0]  # host names here have no dots
    parts = rest.split("-")
    if len(parts) < 3:
        return None
    try:
        return "-".join(parts[:-2]), int(parts[-2])
    except ValueError:
        return None


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name != "posix":
        return True  # without a cheap check, keep the file: never delete a live writer's data
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stale(name: str) -> bool:
    owner = _pid_of(name)
    if owner is None:
        return False
    host, pid = owner
    return host == _host() and pid != os.getpid() and not process_alive(pid)


_journal_lock = threading.Lock()


def _journal_path() -> Path | None:
    from db import paths

    try:
        return paths.data_dir() / JOURNAL_DIR / _owner_tag()
    except Exception:
        return None


def _journal(path: Path, add: bool) -> None:
    """Keep the list of this process's temporary files (best effort)."""
    journal = _journal_path()
    if journal is None:
        return
    with _journal_lock:
        try:
            lines = set(journal.read_text("utf-8").splitlines()) if journal.exists() else set()
            if add:
                lines.add(str(path))
            else:
                lines.discard(str(path))
            if lines:
                journal.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                journal.write_text("".join(f"{p}\n" for p in sorted(lines)), "utf-8")
            else:
                with contextlib.suppress(FileNotFoundError):
                    journal.unlink()
        except OSError:
            pass


def remove_stale_temp_files(folder: Path | None = None) -> list[Path]:
    """Delete temporary files left by LoanDesk processes that no longer run.

    Without ``folder``: every file named in the journals of dead processes
    (called once at start-up); with it: also our temp files in that folder.
    """
    removed: list[Path] = []

    def drop(p: Path) -> None:
        with contextlib.suppress(OSError):
            p.unlink()
            removed.append(p)

    journal = _journal_path()
    if journal is not None and journal.parent.is_dir():
        for entry in journal.parent.iterdir():
            if not _stale(TEMP_PREFIX + entry.name + "-x"):
                continue
            with contextlib.suppress(OSError):
                for line in entry.read_text("utf-8").splitlines():
                    p = Path(line)
                    if p.name.startswith(TEMP_PREFIX):
                        for q in (p, *(p.with_name(p.name + s) for s in SIDE_SUFFIXES)):
                            if q.exists():
                                drop(q)
                entry.unlink()
    if folder is not None:
        with contextlib.suppress(OSError):
            for p in folder.iterdir():
                if is_own_temp_name(p.name) and _stale(p.name):
                    drop(p)
    return removed


def new_temp_file(folder: Path, suffix: str = ".tmp") -> Path:
    """Create an empty 0600 file in ``folder`` under our temp naming; journaled."""
    import secrets

    for _ in range(20):
        path = folder / f"{TEMP_PREFIX}{_owner_tag()}-{secrets.token_hex(4)}{suffix}"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        _journal(path, add=True)
        return path
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def discard_temp_file(path: Path) -> None:
    for p in (path, *(path.with_name(path.name + s) for s in SIDE_SUFFIXES)):
        with contextlib.suppress(OSError):
            p.unlink()
    _journal(path, add=False)


# ---------------------------------------------------------------------------
# what may be written
# ---------------------------------------------------------------------------


def os_error_message(exc: OSError, path: Path, lang: str | None = None) -> str:
    """One line for an error while writing ``path``; nothing was written."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _t(
            "The disk holding {folder} is full; nothing was written. Free some space or "
            "choose another place.",
            lang,
        ).format(folder=path.parent)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _t(
            "LoanDesk may not write {path}; nothing was written. Choose a folder you may write to.",
            lang,
        ).format(path=path)
    if code == errno.ENAMETOOLONG:
        return _t(
            "The file name {name} is too long; nothing was written. Choose a shorter name.", lang
        ).format(name=_short(path.name))
    why = " ".join((exc.strerror or exc.__class__.__name__).split())
    return _t("{path} could not be written ({why}); nothing was written.", lang).format(
        path=path, why=why
    )


def _short(name: str) -> str:
    return name if len(name) <= 60 else name[:40] + "…" + name[-10:]


def protected_files(extra: Iterable[Path | None] = (), *, database: bool = True) -> list[Path]:
    """Files no output may replace: the databases and key files in play, with their side files.

    ``database=False`` (restore, which replaces the database on purpose)
    leaves out the default database but keeps its side files and the key file.
    """
    from db import paths

    bases: list[Path] = [p for p in extra if p is not None]
    with contextlib.suppress(Exception):
        bases.append(paths.key_file_path())
    default_db: Path | None = None
    with contextlib.suppress(Exception):
        from db.engine import sqlite_path

        default_db = sqlite_path(paths.resolve_database_url())
    if default_db is not None:
        bases.append(default_db)
    out: list[Path] = []
    for b in bases:
        if database or b != default_db:
            out.append(b)
        out.extend(b.with_name(b.name + s) for s in (*SIDE_SUFFIXES, ".lease"))
    return out


def _same(a: Path, b: Path) -> bool:
    try:
        if os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b)):
            return True
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and a.samefile(b)
    except (OSError, RuntimeError, ValueError):
        return False


def _refuse(text: str, code: str) -> OutputError:
    return OutputError(text, code=code)


def check_output(
    path: str | os.PathLike[str],
    *,
    protect: Iterable[Path | None] = (),
    lang: str | None = None,
    database: bool = True,
    own: bool = False,
) -> Path:
    """The destination as a Path, or :class:`OutputError` if it must not be written.

    ``database=False``: the default database itself may be the destination
    (restore); its side files and the key file never.  ``own=True``: the
    destination is LoanDesk's own file written on purpose (installing the key
    file, :func:`db.crypto.write_key_file`), so it is not refused as protected.
    """
    text = os.fspath(path)
    if not text.strip() or "\x00" in text:
        raise _refuse(_t("A file name is needed.", lang), "output_no_name")
    out = Path(text).expanduser()
    if len(os.fsencode(out.name)) > MAX_NAME_BYTES:
        raise _refuse(
            _t(
                "The file name {name} is too long; nothing was written. Choose a shorter name.",
                lang,
            ).format(name=_short(out.name)),
            "output_name_too_long",
        )
    try:
        st: os.stat_result | None = out.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _refuse(os_error_message(exc, out, lang), "output_unusable") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise _refuse(
            _t("{path} is a folder; give a file name.", lang).format(path=out), "output_is_dir"
        )
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise _refuse(
            _t(
                "{path} is not an ordinary file (a device, pipe or socket); nothing was "
                "written. Choose a file name.",
                lang,
            ).format(path=out),
            "output_not_regular",
        )
    for p in [] if own else protected_files(protect, database=database):
        if _same(out, p):
            raise _refuse(
                _t(
                    "{path} is LoanDesk's own database or key file and must not be "
                    "overwritten; choose another file name.",
                    lang,
                ).format(path=out),
                "output_protected",
            )
    folder = out.parent
    if not folder.is_dir():
        raise _refuse(
            _t("The folder {path} does not exist.", lang).format(path=folder), "output_no_folder"
        )
    return out


# ---------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def replacing(
    path: str | os.PathLike[str],
    *,
    protect: Iterable[Path | None] = (),
    lang: str | None = None,
    suffix: str = ".tmp",
    checked: Callable[[Path], None] | None = None,
    replace_error: Callable[[OSError], UserError | None] | None = None,
    own: bool = False,
) -> Iterator[Path]:
    """Yield a new temporary file beside ``path``; on success it replaces ``path``.

    The caller writes the temporary file (by name).  ``checked`` runs on the
    finished temporary file before the rename (e.g. verify a backup); any
    exception leaves ``path`` untouched and the temporary file removed.
    ``replace_error`` may turn an error of the final rename into the caller's
    own message (e.g. "the file is open in Excel").  ``own``: see :func:`check_output`.
    """
    protect = list(protect)
    out = check_output(path, protect=protect, lang=lang, own=own)
    remove_stale_temp_files(out.parent)
    try:
        tmp = new_temp_file(out.parent, suffix)
    except OSError as exc:
        raise _failed(exc, out, lang, "create") from None
    try:
        try:
            yield tmp
            if checked is not None:
                checked(tmp)
            fsync_path(tmp)
            check_output(out, protect=protect, lang=lang, own=own)  # nothing swapped in meanwhile
            try:
                os.replace(tmp, out)
            except OSError as exc:
                mine = replace_error(exc) if replace_error is not None else None
                if mine is not None:
                    raise mine from None
                raise
            fsync_dir(out.parent)
        except OSError as exc:
            raise _failed(exc, out, lang, "write") from None
    finally:
        discard_temp_file(tmp)


def write_bytes(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    protect: Iterable[Path | None] = (),
    lang: str | None = None,
    own: bool = False,
) -> Path:
    """Write ``data`` to ``path`` atomically (0600); return the path written."""
    with replacing(path, protect=protect, lang=lang, own=own) as tmp, tmp.open("wb") as fh:
        fh.write(data)
    return Path(os.fspath(path)).expanduser()


# ---------------------------------------------------------------------------
# reading a small file the user named
# ---------------------------------------------------------------------------


class InputFileError(UserError):
    """A file given as input cannot be used: missing, not an ordinary file, too big, unreadable.

    ``code`` is one of ``input_missing``, ``input_not_regular``, ``input_too_big``,
    ``input_unreadable``, so a caller can word it its own way.
    """


def read_small_file(path: str | os.PathLike[str], *, limit: int, lang: str | None = None) -> bytes:
    """The bytes of ``path``, at most ``limit`` of them, without ever blocking.

    Opened with ``O_NONBLOCK`` (a FIFO with no writer does not hang the
    open) and checked with ``fstat`` on the open descriptor (no race with a
    file swapped in between): a folder, FIFO, socket or device node
    (``/dev/zero``, a terminal) is refused before a byte is read; a file over
    ``limit`` bytes is refused without reading more than ``limit + 1``.
    """
    where = Path(os.fspath(path)).expanduser()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        if os.name != "posix":  # no O_NONBLOCK: look before opening
            st = where.stat()
            if not stat.S_ISREG(st.st_mode):
                raise _not_regular(where, lang)
        fd = os.open(where, flags)
    except FileNotFoundError:
        raise InputFileError(
            _t("There is no file {path}.", lang).format(path=where), code="input_missing"
        ) from None
    except OSError as exc:
        raise _unreadable(where, exc, lang) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _not_regular(where, lang)
        if st.st_size > limit:
            raise _too_big(where, limit, lang)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _unreadable(where, exc, lang) from None
    finally:
        os.close(fd)
    if size > limit:  # grew while being read
        raise _too_big(where, limit, lang)
    return b"".join(chunks)


def read_first_line(
    path: str | os.PathLike[str], *, limit: int = 4096, lang: str | None = None
) -> str:
    """The first line of a small UTF-8 text file (a password or passphrase file)."""
    data = read_small_file(path, limit=limit, lang=lang)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputFileError(
            _t("{path} is not a text file (UTF-8).", lang).format(path=os.fspath(path)),
            code="input_unreadable",
        ) from None
    lines = text.splitlines()
    return lines[0] if lines else ""


def _not_regular(path: Path, lang: str | None) -> InputFileError:
    return InputFileError(
        _t(
            "{path} is not an ordinary file (a folder, device, pipe or socket); give a file.", lang
        ).format(path=path),
        code="input_not_regular",
    )


def _too_big(path: Path, limit: int, lang: str | None) -> InputFileError:
    return InputFileError(
        _t("{path} is too big for this (more than {size} bytes).", lang).format(
            path=path, size=f"{limit:,}"
        ),
        code="input_too_big",
    )


def _unreadable(path: Path, exc: OSError, lang: str | None) -> InputFileError:
    why = " ".join((exc.strerror or exc.__class__.__name__).split())
    return InputFileError(
        _t("{path} cannot be read ({why}).", lang).format(path=path, why=why),
        code="input_unreadable",
    )


# ---------------------------------------------------------------------------
# openpyxl's own temporary files
# ---------------------------------------------------------------------------

_local = threading.local()
_patch_lock = threading.Lock()
_original: dict[str, Any] = {}


def _openpyxl_temp(suffix: str = "") -> str:
    folder: Path | None = getattr(_local, "folder", None)
    if folder is None:
        return str(_original["create_temporary_file"](suffix))
    path = new_temp_file(folder, suffix or ".xml")
    import openpyxl.worksheet._writer as writer

    writer.ALL_TEMP_FILES.append(str(path))
    created: list[Path] = _local.created
    created.append(path)
    return str(path)


@contextmanager
def temp_files_in(folder: Path) -> Iterator[None]:
    """While active (this thread), openpyxl keeps its temporary files in ``folder``."""
    import openpyxl.worksheet._writer as writer

    with _patch_lock:
        if "create_temporary_file" not in _original:
            _original["create_temporary_file"] = writer.create_temporary_file
            writer.create_temporary_file = _openpyxl_temp
    previous = getattr(_local, "folder", None), getattr(_local, "created", None)
    _local.folder, _local.created = folder, []
    try:
        yield
    finally:
        for p in _local.created:
            discard_temp_file(p)
            with contextlib.suppress(ValueError):
                writer.ALL_TEMP_FILES.remove(str(p))
        _local.folder, _local.created = previous

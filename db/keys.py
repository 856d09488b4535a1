"""Copying the encryption key between counters: export, import and install, once.

The command line (``key export|import``, :mod:`db.cli_keys`) and the GUI
(the server form's "Import the key file…", the guided start's key copy) call
these; they differ only in how they ask and what they print.

* :func:`read_export_file` + :func:`open_export`: the key in a
  passphrase-protected export file;
* :func:`install_key`: make it this counter's key file.  The new key is
  written atomically over the old one (:func:`db.crypto.write_key_file`, on
  :func:`db.files.write_bytes`); a different key that was there is first
  copied beside it (``loandesk.key.replaced-YYYYmmdd-HHMMSS``).  When writing
  fails the old key file is intact, the copy is removed and a
  :class:`KeyProblem` (``key_write_failed``) says so: the counter is never
  left without a key;
* :func:`install_server_key`: the GUI's whole import, checked against the
  server before anything is written;
* :func:`export_key_to`: the passphrase-protected copy.

Refusals are :class:`KeyProblem` with a ``code``; the message is the command
line's (naming the file), :func:`problem_reason` the screen's wording
(``MESSAGES``, context ``Reason``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from lending.errors import UserError
from lending.reasons import Reason
from resources.i18n import translator

TR_CONTEXT = "cli"
_NOT_EXPORT = "This is not a LoanDesk key file (or it cannot be read)."
MESSAGES = {
    "key_passphrase_wrong": "Wrong passphrase, or the file is damaged. Nothing was changed.",
    "key_not_this_database": (
        "This key belongs to another database, not to the server's. Nothing was changed; ask "
        "the owner for the right key file."
    ),
    "key_export_newer": "The file was made by a newer LoanDesk; update LoanDesk first.",
    "key_export_invalid": _NOT_EXPORT,
    "key_export_unreadable": _NOT_EXPORT,
    "key_write_failed": "The key could not be saved on this computer: {why}",
}


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


class KeyProblem(UserError):
    """The key was not installed (nothing changed); ``code`` says why, ``why`` the OS's words."""

    def __init__(self, message: str, *, code: str, why: str = "") -> None:
        super().__init__(message, code=code)
        self.why = why


def problem_reason(exc: UserError) -> Reason | None:
    """A key refusal as the screen words it (None: show ``exc.message``)."""
    code = exc.code or ""
    if code not in MESSAGES:
        return None
    return Reason.of(MESSAGES, code, why=getattr(exc, "why", ""))


# ---------------------------------------------------------------------------
# reading an export
# ---------------------------------------------------------------------------


def read_export_file(source: Path) -> bytes:
    """The bytes of the export file ``source`` (size-capped; never a device or a folder)."""
    from db.crypto import MAX_KEY_EXPORT_BYTES
    from db.files import InputFileError, read_small_file

    try:
        return read_small_file(source, limit=MAX_KEY_EXPORT_BYTES)
    except InputFileError as exc:
        if exc.code == "input_too_big":
            raise KeyProblem(
                _t("{path} is not a LoanDesk key export file.").format(path=source),
                code="key_export_invalid",
            ) from None
        raise KeyProblem(exc.message, code="key_export_unreadable") from None


def open_export(data: bytes, passphrase: str, source: Path) -> bytes:
    """The key sealed in an export file's ``data``; a wrong passphrase or a damaged file refused."""
    from db.crypto import import_key

    try:
        return import_key(data, passphrase, source=source)
    except UserError as exc:
        if exc.code == "key_passphrase_wrong":
            raise KeyProblem(
                _t(
                    "Wrong passphrase for {path}, or the file is damaged; nothing was changed."
                ).format(path=source),
                code="key_passphrase_wrong",
            ) from None
        if exc.code == "key_export_newer":
            raise KeyProblem(
                _t(
                    "{path} was made by a newer LoanDesk; update LoanDesk on this counter first."
                ).format(path=source),
                code="key_export_newer",
            ) from None
        raise KeyProblem(
            _t("{path} is not a LoanDesk key export file.").format(path=source),
            code="key_export_invalid",
        ) from None


# ---------------------------------------------------------------------------
# installing
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Installed:
    """What :func:`install_key` did."""

    path: Path  # this counter's key file
    fingerprint: str
    kept: Path | None = None  # the copy of the different key that was there
    unchanged: bool = False  # the counter already had this key: nothing written


def _write_failed(path: Path, exc: BaseException) -> KeyProblem:
    os_error = exc if isinstance(exc, OSError) else getattr(exc, "os_error", None)
    if os_error is not None:
        why = os_error.strerror or os_error.__class__.__name__
    else:
        why = exc.message if isinstance(exc, UserError) else exc.__class__.__name__
    return KeyProblem(
        _t("The key could not be written to {path}: {why}.").format(path=path, why=why),
        code="key_write_failed",
        why=why,
    )


def _kept_name(key_path: Path) -> Path:
    """A new name beside the key file for the key it replaces (never an earlier copy's)."""
    stem = f"{key_path.name}.replaced-{time.strftime('%Y%m%d-%H%M%S')}"
    kept, n = key_path.with_name(stem), 1
    while kept.exists():
        n += 1
        kept = key_path.with_name(f"{stem}-{n}")
    return kept


def install_key(key: bytes, key_path: Path, *, replace: bool) -> Installed:
    """Make ``key`` this counter's key file ``key_path``.

    The same key already there: nothing is written (``unchanged``).  A
    different one: refused (``key_different``) unless ``replace``; then its
    file is copied beside it (``kept``) before the new key replaces it in one
    step.  Any failure to write leaves ``key_path`` as it was and no copy
    behind (``key_write_failed``).
    """
    from db import files
    from db.crypto import key_fingerprint, read_key_file, write_key_file

    fingerprint = key_fingerprint(key)
    kept: Path | None = None
    if key_path.exists():
        try:
            current: bytes | None = read_key_file(key_path)
        except UserError:
            current = None
        if current == key:
            return Installed(key_path, fingerprint, unchanged=True)
        if not replace:
            raise KeyProblem(
                _t(
                    "A different key is already installed at {path}; nothing was changed. "
                    "Add --replace to replace it (the old key is kept beside it)."
                ).format(path=key_path),
                code="key_different",
            )
        kept = _kept_name(key_path)
        try:
            files.write_bytes(kept, key_path.read_bytes())
        except (OSError, UserError) as exc:
            raise _write_failed(key_path, exc) from None
    try:
        write_key_file(key_path, key)
    except (OSError, UserError) as exc:
        if kept is not None:
            kept.unlink(missing_ok=True)
        raise _write_failed(key_path, exc) from None
    return Installed(key_path, fingerprint, kept=kept)


def install_server_key(export_file: str, passphrase: str, url: str) -> Installed:
    """The GUI's import (slow: run it on a worker): the export checked against the server first.

    Nothing is written unless the passphrase opens the file and the key opens
    the database at ``url``; a different key on this counter is replaced
    (and kept beside it).
    """
    from db import open_database
    from db.paths import key_file_path

    source = Path(export_file)
    key = open_export(read_export_file(source), passphrase, source)
    try:
        open_database(url, key=key).close()
    except UserError as exc:
        if exc.code == "wrong_key":
            raise KeyProblem("The key does not fit.", code="key_not_this_database") from None
        raise
    return install_key(key, key_file_path(), replace=True)


# ---------------------------------------------------------------------------
# exporting
# ---------------------------------------------------------------------------


def read_key(path: Path) -> bytes:
    """This counter's key from ``path``, refused in one line when missing or damaged."""
    from db.crypto import read_key_file

    if not path.exists():
        raise UserError(
            _t("There is no key file at {path} on this counter.").format(path=path),
            code="key_missing",
        )
    try:
        return read_key_file(path)
    except UserError:
        raise UserError(
            _t("The key file {path} is damaged or not a LoanDesk key file.").format(path=path),
            code="key_unreadable",
        ) from None


def key_export_target(out: Path | str, key_path: Path) -> Path:
    """Where a key export may be written: a new file in an existing folder, never the
    key file, the database or a device (``db.files.check_output``)."""
    from db import files

    target = files.check_output(out, protect=[key_path])
    if target.exists():
        raise UserError(
            _t("{path} already exists; choose another file name.").format(path=target),
            code="file_exists",
        )
    if not target.parent.is_dir():
        raise UserError(
            _t("The folder {path} does not exist.").format(path=target.parent),
            code="folder_missing",
        )
    return target


def export_key_to(out: Path | str, key_path: Path, passphrase: str) -> str:
    """Write the passphrase-protected copy of the key in ``key_path`` to ``out``
    (the command line's ``key export`` and the guided start both use it).

    Returns the key's fingerprint.  Refusals are :class:`UserError` with a
    ``code``: ``file_exists``, ``folder_missing``, ``passphrase_short``,
    ``key_missing``, ``key_unreadable``, ``write_failed`` or one of
    ``db.files``' ``output_*``; nothing is written then.
    """
    from db.crypto import MIN_PASSPHRASE_LENGTH, key_fingerprint, write_key_export

    target = key_export_target(out, key_path)
    key = read_key(key_path)
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UserError(
            _t("The passphrase needs at least {n} characters.").format(n=MIN_PASSPHRASE_LENGTH),
            code="passphrase_short",
        )
    try:
        write_key_export(target, key, passphrase)
    except UserError:
        raise UserError(
            _t("{path} already exists; choose another file name.").format(path=target),
            code="file_exists",
        ) from None
    except OSError as exc:
        raise UserError(
            _t("The key could not be written to {path}: {why}.").format(
                path=target, why=exc.strerror or exc.__class__.__name__
            ),
            code="write_failed",
        ) from None
    return key_fingerprint(key)

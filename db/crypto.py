"""Field encryption for personal data (PIPL): AES-GCM at rest, HMAC for look-up.

* One 256-bit master key per installation, in a key file outside the
  database (created on first run, owner-only permissions).
* Two keys are derived from it with HKDF-SHA256: one for AES-GCM, one for
  HMAC-SHA256, so the look-up hashes reveal nothing about the cipher key.
* The associated data of every ciphertext is ``"table.column"``: a value
  copied into another column (or another table) fails to decrypt.
* The look-up hash is over the *normalised* value with a kind prefix, so the
  same ID typed with a lower-case ``x`` or spaces finds the same customer.

* The database keeps a key check (an encrypted constant in ``db_meta``):
  opening it with another key is refused with :func:`wrong_key_message`
  instead of showing garbage.
* Several counters on one database server share the key: the owner writes a
  passphrase-protected copy (:func:`export_key`: scrypt-derived key,
  AES-256-GCM, JSON) on the first counter and installs it on the others
  (:func:`import_key`, :func:`write_key_file`); :func:`key_fingerprint` lets
  people compare two counters' keys without showing them.  The commands are
  ``key export|import|show`` (``db.cli_keys``, on :mod:`db.keys`).

Nothing here logs or formats a plain value into an exception message.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from db.program import program_name
from lending.errors import UserError

KEY_BYTES = 32
NONCE_BYTES = 12
_FORMAT_V1 = b"\x01"
TR_CONTEXT = "cli"
"""The command line's context: these refusals are printed there (the GUI words them itself)."""


def _t(text: str) -> str:
    from resources.i18n import translator

    return translator()(TR_CONTEXT, text)


_KEY_FILE_HEADER = "loandesk-key-v1:"
KEY_CHECK_PLAINTEXT = b"LoanDesk key check"
KEY_CHECK_AAD = "db_meta.key_check"


class DecryptionError(UserError):
    """A stored value does not decrypt with this key (wrong key or tampered)."""


class KeyFileError(UserError):
    """The key file is missing, damaged, or does not belong to the database.

    ``key_path`` lets the GUI say the same in the user's language.
    """

    def __init__(self, message: str, *, code: str, key_path: Path | None = None) -> None:
        super().__init__(message, code=code)
        self.key_path = key_path


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(master)


# ---------------------------------------------------------------------------
# normalisation and masking (no lending.identity dependency: the hash input
# must never change once rows exist, so it is pinned here)
# ---------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\-]+")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def normalize_id_number(value: str) -> str:
    """Upper-case, no spaces or dashes; full-width characters folded."""
    folded = value.translate(_FULLWIDTH)
    return _SPACES.sub("", folded).upper()


def normalize_phone(value: str) -> str:
    """Digits only, without a leading +86 / 0086 / 86 country code."""
    folded = value.translate(_FULLWIDTH)
    digits = "".join(ch for ch in folded if ch.isdigit())
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            return digits[len(prefix) :]
    return digits


def mask_id(value: str) -> str:
    """``'11010519491231002X'`` -> ``'110105********002X'``."""
    v = normalize_id_number(value)
    if len(v) <= 10:
        return "*" * len(v)
    return v[:6] + "*" * (len(v) - 10) + v[-4:]


def mask_phone(value: str) -> str:
    """``'13812345678'`` -> ``'138****5678'``."""
    v = normalize_phone(value)
    if len(v) <= 7:
        return "*" * len(v)
    return v[:3] + "*" * (len(v) - 7) + v[-4:]


INCOME_BANDS: tuple[int, ...] = (0, 3_000, 6_000, 10_000, 15_000, 20_000, 30_000, 50_000)
"""Lower bounds (CNY a month) of the bands a masked income is shown as; the last is open."""


def income_band(value: Decimal | str | None) -> str:
    """A monthly income as the band it falls in: ``Decimal('12345.67')`` -> ``'10,000–15,000'``
    (lower bound included, upper excluded; ``'50,000+'`` at the top).

    Unlike a masked digit string it says nothing about the magnitude within the
    band, and every income of a band reads the same.  '' for none, ``'****'``
    for a value that is not a number.
    """
    if value is None:
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, ValueError):
        return "****"
    if not amount.is_finite():
        return "****"
    amount = max(amount, Decimal(0))
    lows = [b for b in INCOME_BANDS if amount >= b]
    i = len(lows) - 1
    if i == len(INCOME_BANDS) - 1:
        return f"{INCOME_BANDS[i]:,}+"
    return f"{INCOME_BANDS[i]:,}–{INCOME_BANDS[i + 1]:,}"


# ---------------------------------------------------------------------------
# key file
# ---------------------------------------------------------------------------


def _encode_key(key: bytes) -> str:
    return _KEY_FILE_HEADER + base64.b64encode(key).decode("ascii") + "\n"


def _decode_key(text: str, path: Path) -> bytes:
    text = text.strip()
    if not text.startswith(_KEY_FILE_HEADER):
        raise KeyFileError(
            _t(
                "The key file {path} is not a LoanDesk key file. "
                "Restore the key file from your backup."
            ).format(path=path),
            code="key_file_invalid",
            key_path=path,
        )
    try:
        key = base64.b64decode(text[len(_KEY_FILE_HEADER) :], validate=True)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyFileError(
            _t("The key file {path} is damaged. Restore the key file from your backup.").format(
                path=path
            ),
            code="key_file_invalid",
            key_path=path,
        )
    return key


MAX_KEY_EXPORT_BYTES = 64_000
"""A key export (JSON, one sealed key) is far smaller; a bigger file is not one, unread."""
MAX_KEY_FILE_BYTES = 4096
"""A key file is one short line; anything bigger is not ours (and is never read whole)."""


class KeyFileExposedWarning(UserWarning):
    """The key file can be read (or written) by other users of this computer (POSIX).

    Issued by :func:`read_key_file`; the command line prints it as one line
    with the fix (``chmod 600``), the GUI may show it.  ``key_path`` names the file.
    """

    def __init__(self, message: str, key_path: Path) -> None:
        super().__init__(message)
        self.key_path = key_path


def key_file_exposed(path: Path) -> bool:
    """True on POSIX when group or others have any access to the key file."""
    if os.name != "posix":
        return False
    try:
        return bool(os.stat(path).st_mode & 0o077)
    except OSError:
        return False


def read_key_file(path: Path) -> bytes:
    from db.files import InputFileError, read_small_file

    try:
        data = read_small_file(path, limit=MAX_KEY_FILE_BYTES)
    except InputFileError as exc:
        if exc.code == "input_missing":
            raise KeyFileError(
                _t(
                    "The encryption key file {path} is missing, so protected customer data "
                    "cannot be read. Import the key file from the first counter "
                    "({program} key import --from FILE --user NAME) or restore it from "
                    "your backup."
                ).format(path=path, program=program_name()),
                code="key_file_missing",
                key_path=path,
            ) from None
        why = {"input_not_regular": _t("not an ordinary file"), "input_too_big": _t("too big")}
        raise KeyFileError(
            _t("The key file {path} cannot be read ({why}).").format(
                path=path, why=why.get(exc.code or "", _t("not readable"))
            ),
            code="key_file_invalid",
            key_path=path,
        ) from None
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise KeyFileError(
            _t("The key file {path} cannot be read ({why}).").format(
                path=path, why="UnicodeDecodeError"
            ),
            code="key_file_invalid",
            key_path=path,
        ) from None
    key = _decode_key(text, path)
    if key_file_exposed(path):
        import warnings

        warnings.warn(
            KeyFileExposedWarning(
                f"The key file {path} can be read by other users of this computer; "
                f"make it private with: chmod 600 {path}",
                path,
            ),
            stacklevel=2,
        )
    return key


def _write_new_private(path: Path, data: bytes) -> None:
    """Write ``data`` to a new file readable by the owner only (0600), fsynced.

    An existing file is refused (``FileExistsError``) and left alone; a
    half-written new one is removed.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if os.name == "posix":
            os.chmod(path, 0o600)
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def write_key_file(path: Path, key: bytes) -> None:
    """Install ``key`` as the key file at ``path`` (replacing it atomically), 0600.

    Written with :func:`db.files.write_bytes` (a temporary file beside it,
    fsynced, renamed over it): a failure raises :class:`db.files.OutputError`
    and leaves the file that was there as it was.
    """
    from db import files

    if len(key) != KEY_BYTES:
        raise ValueError("the master key must be 32 bytes")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    files.write_bytes(path, _encode_key(key).encode("ascii"), own=True)


def create_key_file(path: Path) -> bytes:
    """Write a fresh random key, readable by the owner only; never overwrite."""
    key = secrets.token_bytes(KEY_BYTES)
    _write_new_private(path, _encode_key(key).encode("ascii"))
    return key


def key_fingerprint(key: bytes) -> str:
    """A short, safe-to-show name of a key (``'3f2a-91c0-7be4-d215'``).

    Derived with HKDF under its own label, so it reveals nothing of the key;
    two counters share a key exactly when their fingerprints match.
    """
    digest = _derive(key, b"loandesk/key-fingerprint/v1")[:8].hex()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def wrong_key_message(key_path: Path | None) -> str:
    """The one-line refusal when the key file does not belong to the database."""
    return _t(
        "The encryption key file {path} does not belong to this database: the database was "
        "encrypted with a different key, so customer data cannot be read. Import the key "
        "file from the first counter: {program} key import --from FILE --replace "
        "--user NAME"
    ).format(path=key_path or "", program=program_name())


def wrong_key_error(key_path: Path | None) -> KeyFileError:
    """Raise this when the database's key check fails (see ``db.database``)."""
    return KeyFileError(wrong_key_message(key_path), code="wrong_key", key_path=key_path)


# ---------------------------------------------------------------------------
# key export (passphrase-protected copy to carry to the other counters)
# ---------------------------------------------------------------------------

EXPORT_FORMAT = "loandesk-key-export"
EXPORT_VERSION = 1
MIN_PASSPHRASE_LENGTH = 10
_EXPORT_AAD = b"loandesk-key-export-v1"
EXPORT_COST = (2**15, 8, 1)  # scrypt's n, r, p: about 0.1 s and 32 MiB per export or import
_MAX_SCRYPT_N = 2**20
_export_cost = EXPORT_COST


def set_export_cost(n: int, r: int, p: int) -> tuple[int, int, int]:
    """Seal new exports with these scrypt parameters; returns the previous ones.

    For tests only (as :func:`db.services.staff.set_password_hasher`): an
    export records its parameters, so one sealed cheaply opens as cheaply.
    """
    global _export_cost
    previous, _export_cost = _export_cost, (n, r, p)
    return previous


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    kdf = Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8"))


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UserError(
            f"The passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters.",
            code="passphrase_short",
        )


def export_key(key: bytes, passphrase: str, *, now: datetime | None = None) -> bytes:
    """The key sealed with a passphrase (scrypt + AES-GCM), as the export file's bytes."""
    if len(key) != KEY_BYTES:
        raise ValueError("the master key must be 32 bytes")
    check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(NONCE_BYTES)
    n, r, p = _export_cost
    sealed = AESGCM(_scrypt(passphrase, salt, n, r, p)).encrypt(nonce, key, _EXPORT_AAD)

    def b64(b: bytes) -> str:
        return base64.b64encode(b).decode("ascii")

    doc = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "created": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "fingerprint": key_fingerprint(key),
        "kdf": {
            "name": "scrypt",
            "n": n,
            "r": r,
            "p": p,
            "salt": b64(salt),
        },
        "cipher": {"name": "AES-256-GCM", "nonce": b64(nonce), "sealed_key": b64(sealed)},
    }
    return (json.dumps(doc, indent=2) + "\n").encode("ascii")


def _not_export(path: Path | str) -> UserError:
    return UserError(
        f"{path} is not a LoanDesk key export file (make one with: {program_name()} key export).",
        code="key_export_invalid",
    )


def import_key(data: bytes, passphrase: str, *, source: Path | str = "the file") -> bytes:
    """The key from an export file's bytes; a wrong passphrase or a damaged file is refused."""
    try:
        doc = json.loads(data.decode("utf-8"))
        if doc.get("format") != EXPORT_FORMAT:
            raise _not_export(source)
        kdf, cipher = doc["kdf"], doc["cipher"]
        n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        salt = base64.b64decode(kdf["salt"], validate=True)
        nonce = base64.b64decode(cipher["nonce"], validate=True)
        sealed = base64.b64decode(cipher["sealed_key"], validate=True)
    except UserError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
        raise _not_export(source) from None
    if int(doc.get("version", 0)) > EXPORT_VERSION:
        raise UserError(
            f"{source} was made by a newer LoanDesk; update LoanDesk on this counter first.",
            code="key_export_newer",
        )
    if (
        kdf.get("name") != "scrypt"
        or not 2 <= n <= _MAX_SCRYPT_N
        or n & (n - 1)
        or not 1 <= r <= 32
        or not 1 <= p <= 16
        or len(nonce) != NONCE_BYTES
    ):
        raise _not_export(source)
    try:
        key = AESGCM(_scrypt(passphrase, salt, n, r, p)).decrypt(nonce, sealed, _EXPORT_AAD)
    except (InvalidTag, ValueError):
        raise UserError(
            f"Wrong passphrase for {source}, or the file is damaged.",
            code="key_passphrase_wrong",
        ) from None
    if len(key) != KEY_BYTES:
        raise _not_export(source)
    return key


def write_key_export(path: Path, key: bytes, passphrase: str) -> None:
    """Write the export file (owner-only permissions); never overwrite an existing file."""
    data = export_key(key, passphrase)
    try:
        _write_new_private(path, data)
    except FileExistsError:
        raise UserError(
            f"{path} already exists; choose another file name.", code="file_exists"
        ) from None


# ---------------------------------------------------------------------------
# the cipher
# ---------------------------------------------------------------------------


class FieldCipher:
    """Encrypts and hashes personal fields with keys derived from one master key."""

    def __init__(self, master_key: bytes) -> None:
        if len(master_key) != KEY_BYTES:
            raise ValueError("the master key must be 32 bytes")
        self._aead = AESGCM(_derive(master_key, b"loandesk/field-encryption/v1"))
        self._mac_key = _derive(master_key, b"loandesk/lookup-hmac/v1")

    # -- encryption ---------------------------------------------------------
    def encrypt(self, table: str, column: str, plaintext: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        ct = self._aead.encrypt(nonce, plaintext.encode("utf-8"), f"{table}.{column}".encode())
        return _FORMAT_V1 + nonce + ct

    def decrypt(self, table: str, column: str, blob: bytes) -> str:
        if not blob or blob[:1] != _FORMAT_V1 or len(blob) < 1 + NONCE_BYTES + 16:
            raise DecryptionError(
                f"A protected value in {table}.{column} is damaged.", code="decrypt_failed"
            )
        nonce, ct = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
        try:
            data = self._aead.decrypt(nonce, ct, f"{table}.{column}".encode())
        except InvalidTag:
            raise DecryptionError(
                f"A protected value in {table}.{column} cannot be decrypted with this key.",
                code="decrypt_failed",
            ) from None
        return data.decode("utf-8")

    def encrypt_optional(self, table: str, column: str, plaintext: str | None) -> bytes | None:
        return None if plaintext is None else self.encrypt(table, column, plaintext)

    def decrypt_optional(self, table: str, column: str, blob: bytes | None) -> str | None:
        return None if blob is None else self.decrypt(table, column, blob)

    # -- look-up hashes -----------------------------------------------------
    def _mac(self, kind: str, normalised: str) -> str:
        msg = f"{kind}:{normalised}".encode()
        return hmac.new(self._mac_key, msg, hashlib.sha256).hexdigest()

    def id_hash(self, id_number: str) -> str:
        return self._mac("id", normalize_id_number(id_number))

    def phone_hash(self, phone: str) -> str:
        return self._mac("phone", normalize_phone(phone))

    # -- key check ----------------------------------------------------------
    def make_key_check(self) -> bytes:
        table, column = KEY_CHECK_AAD.split(".")
        return self.encrypt(table, column, KEY_CHECK_PLAINTEXT.decode())

    def verify_key_check(self, blob: bytes) -> bool:
        table, column = KEY_CHECK_AAD.split(".")
        try:
            return self.decrypt(table, column, blob) == KEY_CHECK_PLAINTEXT.decode()
        except DecryptionError:
            return False

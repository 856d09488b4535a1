"""Field encryption for personal data (PIPL): AES-GCM at rest, HMAC for look-up.

* One 256-bit master key per installation, in a key file outside the
  database (created on first run, owner-only permissions).
* Two keys are derived from it with HKDF-SHA256: one for AES-GCM, one for
  HMAC-SHA256, so the look-up hashes reveal nothing about the cipher key.
* The associated data of every ciphertext is ``"table.column"``: a value
  copied into another column (or another table) fails to decrypt.
* The look-up hash is over the *normalised* value with a kind prefix, so the
  same ID typed with a lower-case ``x`` or spaces finds the same customer.

Nothing here logs or formats a plain value into an exception message.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from decimal import Decimal, InvalidOperation
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from lending.errors import UserError

KEY_BYTES = 32
NONCE_BYTES = 12
_FORMAT_V1 = b"\x01"
_KEY_FILE_HEADER = "loandesk-key-v1:"
KEY_CHECK_PLAINTEXT = b"LoanDesk key check"
KEY_CHECK_AAD = "db_meta.key_check"


class DecryptionError(UserError):
    """A stored value does not decrypt with this key (wrong key or tampered)."""


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


def mask_income(value: Decimal | str | None) -> str:
    """Only the magnitude stays: ``Decimal('12345.67')`` -> ``'1****'``."""
    if value is None:
        return ""
    try:
        whole = int(Decimal(value))
    except (InvalidOperation, ValueError):
        return "****"
    digits = str(abs(whole))
    return digits[0] + "*" * (len(digits) - 1) if len(digits) > 1 else "*"


# ---------------------------------------------------------------------------
# key file
# ---------------------------------------------------------------------------


def _encode_key(key: bytes) -> str:
    return _KEY_FILE_HEADER + base64.b64encode(key).decode("ascii") + "\n"


def _decode_key(text: str, path: Path) -> bytes:
    text = text.strip()
    if not text.startswith(_KEY_FILE_HEADER):
        raise UserError(
            f"The key file {path} is not a LoanDesk key file. "
            "Restore the key file from your backup.",
            code="key_file_invalid",
        )
    try:
        key = base64.b64decode(text[len(_KEY_FILE_HEADER) :], validate=True)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise UserError(
            f"The key file {path} is damaged. Restore the key file from your backup.",
            code="key_file_invalid",
        )
    return key


def read_key_file(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        raise UserError(
            f"The encryption key file {path} is missing, so protected customer data "
            "cannot be read. Restore the key file from your backup.",
            code="key_file_missing",
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(
            f"The key file {path} cannot be read ({exc.__class__.__name__}).",
            code="key_file_invalid",
        ) from None
    return _decode_key(text, path)


def create_key_file(path: Path) -> bytes:
    """Write a fresh random key, readable by the owner only; never overwrite."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = secrets.token_bytes(KEY_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, _encode_key(key).encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)
    return key


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

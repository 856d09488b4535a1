"""Key distribution: passphrase-protected export/import, fingerprints, the key check at open."""

from __future__ import annotations

import base64
import json
import os
import secrets
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import open_database
from db.crypto import (
    MIN_PASSPHRASE_LENGTH,
    create_key_file,
    export_key,
    import_key,
    key_fingerprint,
    read_key_file,
    write_key_export,
    write_key_file,
    wrong_key_error,
    wrong_key_message,
)
from db.services import customers, staff
from lending.errors import UserError

KEY = secrets.token_bytes(32)
PHRASE = "correct horse battery"


def test_export_round_trip_and_the_file_holds_no_key() -> None:
    data = export_key(KEY, PHRASE)
    assert import_key(data, PHRASE) == KEY
    doc = json.loads(data)
    assert doc["format"] == "loandesk-key-export" and doc["kdf"]["name"] == "scrypt"
    assert doc["fingerprint"] == key_fingerprint(KEY)
    assert base64.b64encode(KEY) not in data
    assert KEY.hex().encode() not in data
    # a fresh salt and nonce each time
    assert export_key(KEY, PHRASE) != data


def test_wrong_passphrase_is_refused() -> None:
    data = export_key(KEY, PHRASE)
    with pytest.raises(UserError) as info:
        import_key(data, PHRASE + "!")
    assert info.value.code == "key_passphrase_wrong"


def test_tampered_export_is_refused() -> None:
    doc = json.loads(export_key(KEY, PHRASE))
    sealed = bytearray(base64.b64decode(doc["cipher"]["sealed_key"]))
    sealed[0] ^= 1
    doc["cipher"]["sealed_key"] = base64.b64encode(bytes(sealed)).decode()
    with pytest.raises(UserError) as info:
        import_key(json.dumps(doc).encode(), PHRASE)
    assert info.value.code == "key_passphrase_wrong"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": "something-else"}',
        b'{"format": "loandesk-key-export", "version": 1}',
        b"loandesk-key-v1:" + base64.b64encode(KEY),
        "\u00ff".encode("latin-1"),
    ],
    ids=["empty", "not-json", "list", "other-format", "no-key", "raw-key-file", "latin-1"],
)
def test_not_an_export_file(data: bytes) -> None:
    with pytest.raises(UserError) as info:
        import_key(data, PHRASE)
    assert info.value.code == "key_export_invalid"


@pytest.mark.usefixtures("production_export_cost")
def test_an_export_is_sealed_at_the_production_scrypt_cost() -> None:
    doc = json.loads(export_key(KEY, PHRASE))
    assert (doc["kdf"]["n"], doc["kdf"]["r"], doc["kdf"]["p"]) == (2**15, 8, 1)
    assert import_key(json.dumps(doc).encode(), PHRASE) == KEY


def test_absurd_kdf_cost_is_refused_before_running_it() -> None:
    doc = json.loads(export_key(KEY, PHRASE))
    doc["kdf"]["n"] = 2**30
    with pytest.raises(UserError) as info:
        import_key(json.dumps(doc).encode(), PHRASE)
    assert info.value.code == "key_export_invalid"


def test_newer_export_is_refused() -> None:
    doc = json.loads(export_key(KEY, PHRASE))
    doc["version"] = 99
    with pytest.raises(UserError) as info:
        import_key(json.dumps(doc).encode(), PHRASE)
    assert info.value.code == "key_export_newer"


def test_short_passphrase_is_refused() -> None:
    with pytest.raises(UserError) as info:
        export_key(KEY, "x" * (MIN_PASSPHRASE_LENGTH - 1))
    assert info.value.code == "passphrase_short"


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=32, max_size=32), st.text(min_size=MIN_PASSPHRASE_LENGTH, max_size=40))
def test_any_key_and_passphrase_round_trip(key: bytes, phrase: str) -> None:
    assert import_key(export_key(key, phrase), phrase) == key


def test_fingerprint_is_stable_short_and_distinct() -> None:
    fp = key_fingerprint(KEY)
    assert fp == key_fingerprint(bytes(KEY))
    assert len(fp) == 19 and fp.count("-") == 3
    assert fp != key_fingerprint(secrets.token_bytes(32))
    assert KEY.hex()[:16] not in fp.replace("-", "")


def test_export_file_is_owner_only_and_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "key.export"
    write_key_export(out, KEY, PHRASE)
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = out.read_bytes()
    with pytest.raises(UserError) as info:
        write_key_export(out, secrets.token_bytes(32), PHRASE)
    assert info.value.code == "file_exists"
    assert out.read_bytes() == before


def test_write_key_file_replaces_atomically_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "loandesk.key"
    create_key_file(path)
    write_key_file(path, KEY)
    assert read_key_file(path) == KEY
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["loandesk.key"]  # no temp file left


def test_wrong_key_message_is_one_line_and_says_what_to_do(tmp_path: Path) -> None:
    msg = wrong_key_message(tmp_path / "loandesk.key")
    assert "\n" not in msg
    assert "different key" in msg and "python main.py key import" in msg
    assert wrong_key_error(None).code == "wrong_key"


def test_second_counter_with_the_imported_key_reads_the_data(db_path: Path, tmp_path: Path) -> None:
    """Counter 1 creates database and key; counter 2 imports the export and reads everything."""
    key1 = tmp_path / "counter1" / "loandesk.key"
    with open_database(db_path, key=key1) as database:
        owner = staff.create_owner(database, "Main store", "boss", "owner-pass-1")
        cid = customers.create_customer(
            database, owner, "张三", phone="13812345678", consent_purpose="Car loan"
        ).id
    export = tmp_path / "key.export"
    write_key_export(export, read_key_file(key1), PHRASE)

    key2 = tmp_path / "counter2" / "loandesk.key"
    with pytest.raises(UserError) as info:  # no key yet: says how to get one
        open_database(db_path, key=key2)
    assert info.value.code == "key_file_missing"
    assert "key import" in info.value.message
    assert not key2.exists()  # and did not invent one

    create_key_file(key2)  # a stray key of its own (e.g. an old single-counter install)
    with pytest.raises(UserError) as info:
        open_database(db_path, key=key2)
    assert info.value.code == "wrong_key"
    assert "\n" not in info.value.message
    assert "different key" in info.value.message
    assert "python main.py key import --from FILE" in info.value.message

    write_key_file(key2, import_key(export.read_bytes(), PHRASE))
    with open_database(db_path, key=key2) as database:
        owner = staff.owner_actor(database)
        view = customers.get_customer(database, owner, cid, unmasked=True)
        assert view.phone == "13812345678"

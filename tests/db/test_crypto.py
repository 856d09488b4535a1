"""Field encryption, look-up hashes, masking; nothing personal in the file."""

from __future__ import annotations

import secrets
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from db import Database
from db.crypto import (
    INCOME_BANDS,
    DecryptionError,
    FieldCipher,
    income_band,
    mask_id,
    mask_phone,
    normalize_id_number,
    normalize_phone,
)
from db.services import consultations, customers
from db.services.base import Actor
from tests.db.conftest import valid_id

KEY = secrets.token_bytes(32)


def test_masks_match_the_examples() -> None:
    assert mask_id("11010519491231002X") == "110105********002X"
    assert mask_id("110105194912310021") == "110105********0021"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("+86 138-1234-5678") == "138****5678"


def test_income_band_examples() -> None:
    assert income_band(Decimal("12345.67")) == "10,000–15,000"
    assert income_band("10000") == "10,000–15,000"  # the lower bound is in the band
    assert income_band(Decimal("9999.99")) == "6,000–10,000"
    assert income_band(Decimal("2500")) == "0–3,000"
    assert income_band(Decimal("80000")) == "50,000+"
    assert income_band(None) == "" and income_band("abc") == "****"


@given(st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False))
def test_income_band_holds_the_income_and_hides_its_digits(income: Decimal) -> None:
    band = income_band(income)
    parts = band.rstrip("+").split("–")
    low = Decimal(parts[0].replace(",", ""))
    assert low <= income
    if len(parts) == 2:
        assert income < Decimal(parts[1].replace(",", ""))
    else:
        assert band.endswith("+") and low == INCOME_BANDS[-1]
    # two incomes of the same band read the same: nothing of the income but its band shows
    assert band == income_band(low)


@given(st.text(alphabet="0123456789", min_size=11, max_size=11))
def test_mask_phone_hides_the_middle(phone: str) -> None:
    masked = mask_phone(phone)
    assert len(masked) == 11
    assert masked[:3] == phone[:3] and masked[-4:] == phone[-4:]
    assert masked[3:7] == "****"


@given(st.text(alphabet="0123456789X", min_size=18, max_size=18))
def test_mask_id_hides_the_birth_date(idn: str) -> None:
    masked = mask_id(idn)
    assert masked[:6] == idn[:6] and masked[-4:] == idn[-4:]
    assert masked[6:14] == "*" * 8


@given(st.text(max_size=200))
def test_encrypt_round_trip(value: str) -> None:
    cipher = FieldCipher(KEY)
    blob = cipher.encrypt("customers", "phone", value)
    assert cipher.decrypt("customers", "phone", blob) == value


def test_ciphertext_is_bound_to_table_and_column() -> None:
    cipher = FieldCipher(KEY)
    blob = cipher.encrypt("customers", "phone", "13812345678")
    with pytest.raises(DecryptionError):
        cipher.decrypt("customers", "id_number", blob)
    with pytest.raises(DecryptionError):
        cipher.decrypt("qualifications", "phone", blob)
    tampered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(DecryptionError):
        cipher.decrypt("customers", "phone", tampered)
    with pytest.raises(DecryptionError):
        FieldCipher(secrets.token_bytes(32)).decrypt("customers", "phone", blob)


def test_same_value_encrypts_differently_but_hashes_the_same() -> None:
    cipher = FieldCipher(KEY)
    a = cipher.encrypt("customers", "phone", "13812345678")
    b = cipher.encrypt("customers", "phone", "13812345678")
    assert a != b
    assert cipher.phone_hash("13812345678") == cipher.phone_hash("+86 138 1234 5678")
    assert cipher.id_hash("11010519491231002x") == cipher.id_hash(" 110105 19491231 002X ")
    assert cipher.id_hash("11010519491231002X") != FieldCipher(secrets.token_bytes(32)).id_hash(
        "11010519491231002X"
    )
    # kinds are separated: a phone hash never equals an ID hash of the same digits
    assert cipher.phone_hash("13812345678") != cipher.id_hash("13812345678")


def test_normalisation() -> None:
    assert normalize_id_number("１１０１０５19491231002x") == "11010519491231002X"
    assert normalize_phone("0086 13812345678") == "13812345678"
    assert normalize_phone("8613812345678") == "13812345678"


def test_raw_database_file_has_no_plain_personal_data(
    database: Database, owner: Actor, db_path: Path
) -> None:
    idn = valid_id()
    phone = "13987654321"
    c = customers.create_customer(
        database, owner, "王五", phone=phone, id_number=idn, consent_purpose="loan"
    )
    v = consultations.open_consultation(database, owner, c.id, source_channel="walk_in")
    consultations.save_qualification(
        database,
        owner,
        v.id,
        consultations.QualificationForm(
            monthly_income="13579.24",
            statement_average_income="13579.24",
            income_proof_months=6,
            residence_proof=True,
            work_proof=True,
        ),
    )
    with database.engine.begin() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    blobs = b"".join(
        p.read_bytes() for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)
    )
    for secret in (idn, phone, "13579.24", "1357924", idn[6:14], phone[3:]):
        assert secret.encode() not in blobs, secret
        assert secret.encode("utf-16-le") not in blobs
    assert "王五".encode() in blobs  # names are not encrypted: the search works on them

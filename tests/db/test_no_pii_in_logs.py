"""Personal data never reaches a log, even with SQL echo on at DEBUG level."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from db import open_database
from db.services import blacklist, consultations, customers, staff
from db.services.base import ValidationError
from tests.db.conftest import valid_id


def test_sql_echo_logs_no_personal_data(
    db_path: Path, key_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    idn, phone = valid_id(seq=321), "13766554433"
    caplog.set_level(logging.DEBUG)
    with open_database(db_path, key=key_path, echo=True) as database:
        owner = staff.create_owner(database, "S", "owner", "owner-pass-1")
        c = customers.create_customer(
            database, owner, "赵六", phone=phone, id_number=idn, consent_purpose="loan"
        )
        customers.find_customers(database, owner, phone=phone)
        customers.find_customers(database, owner, id_number=idn)
        customers.get_customer(database, owner, c.id, unmasked=True)
        blacklist.check(database, owner, id_number=idn, phone=phone)
        v = consultations.open_consultation(database, owner, c.id)
        consultations.save_qualification(
            database, owner, v.id, consultations.QualificationForm(monthly_income="24680.13")
        )
        with pytest.raises(ValidationError):
            customers.create_customer(
                database, owner, "重复", id_number=idn, consent_purpose="loan"
            )
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "INSERT INTO customers" in text  # echo really was on
    for secret in (idn, phone, "24680.13", idn[6:14]):
        assert secret not in text

"""Internal blacklist and industry CSV import."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import Database
from db.models.enums import BlacklistReason, BlacklistSource, Role
from db.services import blacklist
from db.services.base import Actor, PermissionDenied, ValidationError
from tests.db.conftest import ID_NUMBER, PHONE, make_actor, valid_id


def test_internal_entry_hits_by_id_or_phone(database: Database, owner: Actor) -> None:
    e = blacklist.add_entry(database, owner, id_number=ID_NUMBER, reason=BlacklistReason.FRAUD)
    assert e.id_masked == "110105********002X" and e.phone_masked is None
    hits = blacklist.check(database, owner, id_number=ID_NUMBER.lower(), phone=PHONE)
    assert [(h.source, h.reason, h.matched) for h in hits] == [
        (BlacklistSource.INTERNAL, BlacklistReason.FRAUD, "id_number")
    ]
    assert blacklist.check(database, owner, phone=PHONE) == []
    blacklist.remove_entry(database, owner, e.id)
    assert blacklist.check(database, owner, id_number=ID_NUMBER) == []


def test_consultants_cannot_edit_the_blacklist(database: Database, owner: Actor) -> None:
    consultant = make_actor(database, owner, "c1", Role.CONSULTANT)
    with pytest.raises(PermissionDenied):
        blacklist.add_entry(database, consultant, phone=PHONE)
    with pytest.raises(ValidationError):
        blacklist.add_entry(database, owner)
    with pytest.raises(ValidationError) as info:
        blacklist.add_entry(database, owner, phone="123")
    assert "phone" in info.value.errors


def test_industry_csv_import(database: Database, owner: Actor, tmp_path: Path) -> None:
    other = valid_id(seq=7)
    csv_text = (
        "身份证号,手机号,原因,备注\n"
        f"{ID_NUMBER},,serious_default,bank list\n"
        f",{PHONE},,\n"
        "123,,,bad row\n"
        f"{ID_NUMBER},,,\n"
        "\n"
        f"{other},13700000000,fraud,\n"
    )
    path = tmp_path / "industry.csv"
    path.write_bytes(csv_text.encode("gb18030"))
    result = blacklist.import_industry_csv(database, owner, path)
    assert (result.added, result.skipped) == (3, 1)
    assert [line for line, _ in result.errors] == [4]
    entries = blacklist.list_entries(database, owner, source=BlacklistSource.INDUSTRY)
    assert len(entries) == 3
    assert {e.reason for e in entries} == {
        BlacklistReason.SERIOUS_DEFAULT,
        BlacklistReason.INDUSTRY_LIST,
        BlacklistReason.FRAUD,
    }
    assert blacklist.check(database, owner, phone=PHONE)[0].source is BlacklistSource.INDUSTRY
    # a newer file replaces the old industry list, internal entries stay
    blacklist.add_entry(database, owner, phone="13600000000")
    again = blacklist.import_industry_csv(database, owner, f"id_number\n{other}\n")
    assert again.added == 1
    assert blacklist.check(database, owner, phone=PHONE) == []
    assert len(blacklist.list_entries(database, owner)) == 2


def test_csv_without_usable_header_imports_nothing(database: Database, owner: Actor) -> None:
    with pytest.raises(ValidationError) as info:
        blacklist.import_industry_csv(database, owner, f"name,age\n{ID_NUMBER},30\n")
    assert "file" in info.value.errors
    assert blacklist.list_entries(database, owner) == []

"""Catalogue export and import (issue 13 item 6): one versioned JSON with the catalogue and
the settings, an editable .xlsx of the catalogue; a round trip into a fresh store gives
the same catalogue and settings; a bad file is refused with its reasons, nothing changed."""

from __future__ import annotations

import copy
import dataclasses
import json
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from db import Database, open_database
from db.models import AuditEntry, Lender
from db.models.enums import AuditAction, Role
from db.services import addons_admin, catalogue, catalogue_io, staff
from db.services import settings as settings_service
from db.services.base import Actor, PermissionDenied
from db.services.catalogue_io import CatalogueFileError
from lending.addons import add_on_to_data
from tests.db.conftest import make_actor

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def shape_the_store(database: Database, owner: Actor) -> None:
    """A store that is not the sample any more: every kind of record changed."""
    rows = {r.code: r for r in catalogue.list_products(database, owner)}
    spec = dict(rows["finance_company"].spec)
    spec["apr_max_percent"] = "9.50"
    catalogue.save_product(database, owner, spec)
    balloon = copy.deepcopy(dict(rows["bank_mortgage"].spec))
    balloon.update(
        code="balloon_36",
        name="Balloon loan",
        name_zh="弹性尾款贷款",
        methods=["equal_installment", "balloon"],
        balloon_max_percent="40",
        terms=[24, 36],
        term_min_months=24,
        term_max_months=36,
    )
    balloon["grades"][0]["annual_rate"] = "4.99"
    catalogue.save_product(database, owner, balloon)
    catalogue.set_product_active(database, owner, "ultra_low_down_payment", False)
    add_ons = [add_on_to_data(r.add_on) for r in addons_admin.list_add_ons(database, owner)]
    add_ons[1].update(rule="fixed", amount="4800.50", required_by=["China Merchants Bank"])
    add_ons.append(
        {
            "code": "tyre_care",
            "kind": "service",
            "name": "Tyre care",
            "name_zh": "轮胎养护",
            "rule": "percent_of_price",
            "amount": "0.5",
        }
    )
    addons_admin.save_add_ons(database, owner, add_ons)
    with database.unit_of_work() as uow:
        uow.session.execute(
            update(Lender).where(Lender.name == "WeBank (example)").values(active=False)
        )
        uow.commit()
    words = (*settings_service.load_settings(database, owner.store_id).forbidden_words, "特惠")
    settings_service.save_store_settings(
        database,
        owner,
        {
            "lending.lpr_1y_percent": Decimal("3.10"),
            "lending.max_dti_percent": Decimal(45),
            "lending.forbidden_words": words,
            "onroad.gps_fee": Decimal(1200),
            "app.store.phone": "021-5555 1234",
            "app.store.logo": PNG,
            "app.catalogue.confirmed": True,
        },
    )


def fresh_store(tmp_path: Path, name: str = "Second store") -> tuple[Database, Actor]:
    database = open_database(tmp_path / f"{name}.sqlite3", key=tmp_path / f"{name}.key")
    return database, staff.create_owner(database, name, "boss", "owner-pass-1")


def snapshot(database: Database, actor: Actor) -> Any:
    """Everything an import may change, and how many audit rows there are."""
    set_up = catalogue_io.store_set_up(database, actor)
    with database.unit_of_work() as uow:
        audits = uow.session.scalar(select(func.count()).select_from(AuditEntry))
    return set_up.catalogue, set_up.settings, audits


@pytest.fixture
def shaped(database: Database, owner: Actor) -> Actor:
    shape_the_store(database, owner)
    return owner


def test_json_round_trip_into_a_fresh_store_is_identical(
    database: Database, shaped: Actor, tmp_path: Path
) -> None:
    out = catalogue_io.export_catalogue(database, shaped, tmp_path / "set-up.json")
    assert out.kind == "json" and out.counts["settings"] == 65
    document = json.loads(out.path.read_text("utf-8"))
    assert (document["format"], document["version"]) == ("loandesk-catalogue", 1)
    assert "store.name" not in document["settings"]
    target, boss = fresh_store(tmp_path)
    try:
        result = catalogue_io.import_catalogue(target, boss, out.path, with_profile=True)
        assert result.products == {"added": 1, "changed": 2, "deactivated": 0}
        assert result.lenders == {"added": 0, "changed": 1, "deactivated": 0}
        assert result.add_ons == {"added": 1, "changed": 1, "deactivated": 0}
        mine, theirs = (
            catalogue_io.store_set_up(database, shaped),
            catalogue_io.store_set_up(target, boss),
        )
        assert theirs.catalogue == mine.catalogue
        assert theirs.settings == mine.settings
        assert theirs.store == "Second store"  # the store keeps its own name
        assert catalogue.load_catalogue(
            target, boss.store_id, include_inactive=True
        ) == catalogue.load_catalogue(database, shaped.store_id, include_inactive=True)
        assert settings_service.load_store_settings(target, boss.store_id).profile.logo == PNG
        # importing the same file again changes nothing
        again = catalogue_io.import_catalogue(target, boss, out.path, with_profile=True)
        assert again.settings_changed == 0 and sum(again.products.values()) == 0
    finally:
        target.close()


def test_the_profile_stays_unless_asked(database: Database, shaped: Actor, tmp_path: Path) -> None:
    out = catalogue_io.export_catalogue(database, shaped, tmp_path / "set-up.json")
    target, boss = fresh_store(tmp_path)
    try:
        catalogue_io.import_catalogue(target, boss, out.path)
        settings = settings_service.load_store_settings(target, boss.store_id)
        assert settings.profile.phone == "" and settings.profile.logo == b""
        assert settings.profile.catalogue_confirmed  # part of the catalogue, not the profile
        assert settings.lending.lpr_1y_percent == Decimal("3.10")
    finally:
        target.close()


def test_xlsx_round_trip_gives_the_same_catalogue(
    database: Database, shaped: Actor, tmp_path: Path
) -> None:
    out = catalogue_io.export_catalogue(database, shaped, tmp_path / "set-up.xlsx")
    book = load_workbook(out.path)
    assert book.sheetnames[0] == catalogue_io.sheet_title("about")
    products = book[catalogue_io.sheet_title("products")]
    assert products.cell(1, 6).value == "年化利率下限（%）\nAPR from (%)"
    target, boss = fresh_store(tmp_path)
    try:
        before = settings_service.load_store_settings(target, boss.store_id)
        catalogue_io.import_catalogue(target, boss, out.path)
        assert catalogue.load_catalogue(
            target, boss.store_id, include_inactive=True
        ) == catalogue.load_catalogue(database, shaped.store_id, include_inactive=True)
        mine, theirs = (
            catalogue_io.store_set_up(database, shaped),
            catalogue_io.store_set_up(target, boss),
        )
        assert theirs.catalogue.lenders == mine.catalogue.lenders
        assert theirs.catalogue.add_ons == mine.catalogue.add_ons
        assert settings_service.load_store_settings(target, boss.store_id) == before
    finally:
        target.close()


def test_a_person_edits_the_workbook_and_the_store_takes_it(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    path = catalogue_io.export_catalogue(database, owner, tmp_path / "c.xlsx").path
    book = load_workbook(path)
    sheet = book[catalogue_io.sheet_title("grades")]
    headers = [c.value for c in sheet[1]]
    rate = headers.index("年利率（%）\nAnnual rate (%)") + 1
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "bank_mortgage")
    sheet.cell(row, rate).value = "4.6%"  # typed as text with a percent sign
    add_ons = book[catalogue_io.sheet_title("add_ons")]
    add_ons.cell(2, 8).value = "是"  # financeable, in Chinese
    add_ons.delete_rows(3)  # an add-on left out: deactivated
    book.save(path)
    catalogue_io.import_catalogue(database, owner, path)
    product = catalogue.load_catalogue(database, owner.store_id).product("bank_mortgage")
    assert product.grades[0].annual_rate == Decimal("4.6")
    rows = addons_admin.list_add_ons(database, owner)
    assert rows[0].add_on.financeable and not rows[-1].add_on.active


# --- refused files: every reason, nothing changed -----------------------------------------


def exported(database: Database, owner: Actor, tmp_path: Path) -> dict[str, Any]:
    path = catalogue_io.export_catalogue(database, owner, tmp_path / "good.json").path
    return json.loads(path.read_text("utf-8"))


def refused(database: Database, owner: Actor, path: Path) -> list[tuple[str, Any, str, str]]:
    before = snapshot(database, owner)
    with pytest.raises(CatalogueFileError) as info:
        catalogue_io.import_catalogue(database, owner, path, with_profile=True)
    assert snapshot(database, owner) == before
    return [(p.table, p.row, p.field, p.reason.code) for p in info.value.problems]


def write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def test_a_file_of_a_newer_version_or_another_kind_is_refused(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    doc = exported(database, owner, tmp_path)
    assert refused(database, owner, write(tmp_path / "v2.json", {**doc, "version": 2})) == [
        ("file", None, "", "catio.newer")
    ]
    assert refused(database, owner, write(tmp_path / "v0.json", {**doc, "version": "1"})) == [
        ("file", None, "", "catio.bad_version")
    ]
    assert refused(database, owner, write(tmp_path / "x.json", {"version": 1})) == [
        ("file", None, "", "catio.not_ours")
    ]
    (tmp_path / "broken.json").write_text('{"format": "loandesk-catalogue", ', "utf-8")
    assert refused(database, owner, tmp_path / "broken.json")[0][3] == "catio.not_json"
    (tmp_path / "twice.json").write_text(
        '{"format": "loandesk-catalogue", "version": 1, "version": 1}', "utf-8"
    )
    assert refused(database, owner, tmp_path / "twice.json")[0][3] == "catio.key_twice"
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    assert refused(database, owner, tmp_path / "deep.json")[0][3] == "catio.not_json"
    (tmp_path / "notes.txt").write_text("{}", "utf-8")
    assert refused(database, owner, tmp_path / "notes.txt")[0][3] == "catio.suffix"


def test_bad_apr_duplicate_ids_and_unknown_names_are_each_named(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    doc = exported(database, owner, tmp_path)
    body = doc["catalogue"]
    body["products"][0]["apr_min_percent"] = "-1"
    body["products"][2]["code"] = body["products"][1]["code"]
    body["products"][3]["example_lenders"] = ["Nobody Bank"]
    body["add_ons"][2]["code"] = body["add_ons"][0]["code"]
    body["lenders"].append(dict(body["lenders"][0]))
    doc["settings"]["lending.max_dti_percent"] = "500"
    doc["settings"]["lending.cooling_off_hours"] = "soon"
    doc["settings"]["lending.colour"] = "red"
    found = refused(database, owner, write(tmp_path / "bad.json", doc))
    code = body["products"][1]["code"]
    assert ("products", 1, "apr_min_percent", "catalogue.at_least") in found
    assert ("products", None, "", "catalogue.code_twice") in found
    assert ("products", 4, "example_lenders", "catio.lender_unknown") in found
    assert ("add_ons", 3, "code", "addon.code_twice") in found
    assert ("lenders", len(body["lenders"]), "name", "catio.lender_twice") in found
    assert ("settings", None, "lending.cooling_off_hours", "catio.setting_unreadable") in found
    assert ("settings", None, "lending.colour", "catio.setting_unknown") in found
    assert code  # the duplicate's own code is named in its reason
    with pytest.raises(CatalogueFileError) as info:
        catalogue_io.import_catalogue(database, owner, tmp_path / "bad.json")
    line = info.value.line("en")
    assert line.startswith(f"{len(found)} problems, nothing was changed: ")
    assert "Car loans, row 1, APR from (%): Enter at least 0, not -1." in line
    assert "\n" not in line
    zh = info.value.line("zh_CN")
    assert "车贷产品" in zh and "第 1 行" in zh and "未做任何更改" in zh


def test_a_settings_rule_is_refused_and_nothing_of_the_catalogue_changes(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    doc = exported(database, owner, tmp_path)
    doc["catalogue"]["products"][0]["apr_max_percent"] = "7"  # fine on its own
    doc["settings"]["lending.max_dti_percent"] = "500"
    assert refused(database, owner, write(tmp_path / "dti.json", doc)) == [
        ("settings", None, "lending.max_dti_percent", "setting.between")
    ]


def test_a_product_cannot_change_its_kind(database: Database, owner: Actor, tmp_path: Path) -> None:
    doc = exported(database, owner, tmp_path)
    body = doc["catalogue"]
    moved = copy.deepcopy(body["consumer_credit"][0])
    moved["code"] = body["products"][0]["code"]
    body["consumer_credit"].append(moved)
    del body["products"][0]
    found = refused(database, owner, write(tmp_path / "kind.json", doc))
    assert ("consumer_credit", 2, "code", "catio.kind_changed") in found


def test_huge_files_are_refused_unread(database: Database, owner: Actor, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (catalogue_io.MAX_FILE_BYTES + 1))
    assert refused(database, owner, big)[0][3] == "input_too_big"
    doc = exported(database, owner, tmp_path)
    doc["catalogue"]["add_ons"] = doc["catalogue"]["add_ons"] * 300
    assert ("add_ons", None, "", "catio.too_many_rows") in refused(
        database, owner, write(tmp_path / "many.json", doc)
    )
    bomb = tmp_path / "bomb.xlsx"  # 60 MB of zeros in a few kB
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\x00" * 60_000_000)
    assert refused(database, owner, bomb) == [("file", None, "", "catio.unpacks_big")]
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    assert refused(database, owner, fake) == [("file", None, "", "catio.not_workbook")]


def test_a_workbook_missing_a_column_or_with_bad_cells_is_refused(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    path = catalogue_io.export_catalogue(database, owner, tmp_path / "c.xlsx").path
    book = load_workbook(path)
    products = book[catalogue_io.sheet_title("products")]
    products.delete_cols(1)  # the Code column
    products.cell(2, 5).value = "abc"  # APR from
    products.cell(1, 30).value = "Colour"
    grades = book[catalogue_io.sheet_title("grades")]
    grades.cell(2, 1).value = "no_such_product"
    add_ons = book[catalogue_io.sheet_title("add_ons")]
    add_ons.cell(3, 8).value = "maybe"
    del book[catalogue_io.sheet_title("lenders")]
    book.save(path)
    found = refused(database, owner, path)
    assert ("products", 1, "code", "catio.missing_column") in found
    assert not any(p[2] == "code" and p[3] == "sheet.required" for p in found)  # said once
    assert ("products", 2, "apr_min_percent", "parse.not_a_number") in found
    assert ("products", 1, "", "catio.unknown_column") in found
    assert ("grades", 2, "product", "sheet.no_parent") in found
    assert ("add_ons", 3, "financeable", "sheet.not_yes_no") in found
    assert ("file", None, "", "catio.missing_sheet") in found


def test_a_workbook_of_a_newer_version_is_refused(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    path = catalogue_io.export_catalogue(database, owner, tmp_path / "c.xlsx").path
    book = load_workbook(path)
    book.worksheets[0].cell(2, 2).value = 7
    book.save(path)
    assert refused(database, owner, path) == [("file", None, "", "catio.newer")]


def test_a_bad_apr_in_the_workbook_names_sheet_row_and_column(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    path = catalogue_io.export_catalogue(database, owner, tmp_path / "c.xlsx").path
    book = load_workbook(path)
    grades = book[catalogue_io.sheet_title("grades")]
    grades.cell(3, 3).value = 99  # a rate outside its product's APR range
    book.save(path)
    assert refused(database, owner, path) == [("grades", 3, "annual_rate", "catalogue.rate")]
    with pytest.raises(CatalogueFileError) as info:
        catalogue_io.import_catalogue(database, owner, path)
    assert info.value.line("en") == (
        "Rates by grade, row 3, Annual rate (%): The rate 99% for grade A is outside the APR "
        "range 6-9%. Nothing was changed."
    )
    assert info.value.line("zh_CN") == (
        "分级利率，第 3 行，年利率（%）：A 级的利率 99% 超出年化利率范围 6%–9%。未做任何更改。"
    )


# --- writing the file ----------------------------------------------------------------------


def test_an_export_never_replaces_a_file_that_is_not_one(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.json"
    notes.write_text('{"mine": true}', "utf-8")
    with pytest.raises(Exception, match="not a catalogue export") as info:
        catalogue_io.export_catalogue(database, owner, notes)
    assert info.value.code == "file_exists" and notes.read_text("utf-8") == '{"mine": true}'
    for name in ("a.json", "a.xlsx"):
        first = catalogue_io.export_catalogue(database, owner, tmp_path / name).path
        again = catalogue_io.export_catalogue(database, owner, first)  # an export: replaced
        assert again.path == first
    with pytest.raises(Exception, match=r"\.json or \.xlsx"):
        catalogue_io.export_catalogue(database, owner, tmp_path / "a.csv")
    with pytest.raises(Exception, match="folder"):
        catalogue_io.export_catalogue(database, owner, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".~")) == []
    exports = [
        e for e in catalogue_io.audit.list_entries(database, owner, action=AuditAction.EXPORT)
    ]
    assert len(exports) == 4 and exports[0].target_type == "catalogue"


@pytest.mark.parametrize("role", [Role.MANAGER, Role.CONSULTANT])
def test_only_the_owner_exports_and_imports(
    database: Database, owner: Actor, tmp_path: Path, role: Role
) -> None:
    path = catalogue_io.export_catalogue(database, owner, tmp_path / "c.json").path
    other = make_actor(database, owner, f"x_{role.value}", role)
    with pytest.raises(PermissionDenied):
        catalogue_io.export_catalogue(database, other, tmp_path / "d.json")
    with pytest.raises(PermissionDenied):
        catalogue_io.import_catalogue(database, other, path)
    assert not (tmp_path / "d.json").exists()


def test_an_import_is_audited_in_one_summary_row(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    doc = exported(database, owner, tmp_path)
    doc["catalogue"]["products"][0]["apr_max_percent"] = "6.50"
    doc["settings"]["lending.lpr_1y_percent"] = "3.05"
    catalogue_io.import_catalogue(database, owner, write(tmp_path / "n.json", doc))
    [row] = catalogue_io.audit.list_entries(database, owner, action=AuditAction.IMPORT)
    assert row.target_type == "catalogue" and row.detail["file"] == "n.json"
    assert row.detail["products"]["changed"] == 1 and row.detail["settings_changed"] == 1
    [setting] = catalogue_io.audit.list_entries(database, owner, action=AuditAction.SETTINGS_CHANGE)
    assert setting.detail["changes"] == [
        {"key": "lending.lpr_1y_percent", "before": "3.00", "after": "3.05"}
    ]


def test_every_column_and_sheet_has_a_heading_in_both_languages() -> None:
    """A field added to a product, a lender or an add-on gets its column by itself (from
    the dataclasses); this asks for its heading, in Chinese and English."""
    for table in catalogue_io.catalogue_tables():
        assert catalogue_io.sheet_title(table.code) != table.code, table.code
        for column in table.columns:
            en = catalogue_io.column_label(table.code, column.key, "en")
            zh = catalogue_io.column_label(table.code, column.key, "zh_CN")
            assert en != column.key and zh != en, (table.code, column.key)


def test_card_instalments_travel_in_the_json_and_stay_put_for_a_workbook(
    database: Database, owner: Actor, tmp_path: Path
) -> None:
    from db.services import catalogue_admin
    from lending.products import CardFee, CardInstalment

    card = CardInstalment(
        "store_card",
        "Store card instalment",
        "本店信用卡分期",
        ("China Merchants Bank",),
        Decimal(200000),
        (CardFee(12, Decimal(4)), CardFee(24, Decimal("7.5"))),
    )
    catalogue_admin.save_product(database, owner, card)
    out = catalogue_io.export_catalogue(database, owner, tmp_path / "set-up.json")
    document = json.loads(out.path.read_text("utf-8"))
    assert [c["code"] for c in document["catalogue"]["card_instalments"]] == ["store_card"]
    target, boss = fresh_store(tmp_path)
    try:
        result = catalogue_io.import_catalogue(target, boss, out.path)
        assert result.products["added"] == 1
        assert catalogue.load_catalogue(target, boss.store_id).card_instalments == (card,)
        # a workbook holds no card instalments: importing one leaves the store's card alone
        book = catalogue_io.export_catalogue(database, owner, tmp_path / "set-up.xlsx")
        again = catalogue_io.import_catalogue(target, boss, book.path)
        assert again.products["deactivated"] == 0
        assert catalogue.load_catalogue(target, boss.store_id).card_instalments == (card,)
        # nor does a .json written before card instalments (no such list in it)
        del document["catalogue"]["card_instalments"]
        old = write(tmp_path / "old.json", document)
        catalogue_io.import_catalogue(target, boss, old)
        assert catalogue.load_catalogue(target, boss.store_id).card_instalments == (card,)
        # a .json listing none takes the card off new plans (deactivated, never deleted)
        document["catalogue"]["card_instalments"] = []
        catalogue_io.import_catalogue(target, boss, write(tmp_path / "none.json", document))
        assert catalogue.load_catalogue(target, boss.store_id).card_instalments == ()
        assert catalogue.load_catalogue(
            target, boss.store_id, include_inactive=True
        ).card_instalments == (dataclasses.replace(card, active=False),)
    finally:
        target.close()

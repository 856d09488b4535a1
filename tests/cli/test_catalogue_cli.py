"""``python main.py catalogue export|import`` (issue 13 item 6; ARCHITECTURE.md's contract):
the owner logs in; a bad file is one line on stderr, exit status 2, nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import open_database
from db.models.enums import Role
from db.services import catalogue, catalogue_io, staff, stores
from resources import default_catalogue_data
from resources.i18n import translator
from tests.cli.test_login import cli, refused

OWNER_PW = "owner-pass-1"


def secret(folder: Path, text: str) -> str:
    path = folder / f"pw-{abs(hash(text))}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """This counter's database: the owner boss, a manager mia, two stores."""
    with open_database() as database:
        boss = staff.create_owner(database, "Main store", "boss", OWNER_PW)
        staff.add_staff(database, boss, "mia", "staff-pass-1", Role.MANAGER)
        stores.add_store(database, boss, "Pudong store")
        spec = dict(
            next(
                r for r in catalogue.list_products(database, boss) if r.code == "bank_mortgage"
            ).spec
        )
        spec["apr_max_percent"] = "6.50"
        catalogue.save_product(database, boss, spec)
    return tmp_path


def login(folder: Path, user: str = "boss", password: str = OWNER_PW) -> list[str]:
    return ["--user", user, "--password-file", secret(folder, password)]


def set_up(store: str) -> catalogue_io.StoreSetUp:
    with open_database() as database:
        boss = staff.login(database, "boss", OWNER_PW)
        found = stores.find_store(database, store)
        return catalogue_io.store_set_up(database, stores.switch_store(database, boss, found.id))


def test_export_then_import_into_another_store(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = shop / "main.json"
    code, text, err = cli(capsys, "catalogue", "export", "--out", str(out), *login(shop))
    assert code == 0, err
    sample = default_catalogue_data()
    products = len(sample["products"]) + len(sample["consumer_credit"])
    lenders = len(
        {n for p in [*sample["products"], *sample["consumer_credit"]] for n in p["example_lenders"]}
    )
    assert text == (
        f"Catalogue written to {out}: {lenders} lenders, {products} products, "
        "7 add-ons, 65 settings.\n"
    )
    assert set_up("Pudong store").catalogue != set_up("Main store").catalogue
    code, text, err = cli(
        capsys, "catalogue", "import", "--from", str(out), "--store", "Pudong store", *login(shop)
    )
    assert code == 0, err
    assert "Products: 0 added, 1 changed, 0 deactivated." in text
    assert set_up("Pudong store").catalogue == set_up("Main store").catalogue
    xlsx = shop / "main.xlsx"
    code, text, _ = cli(capsys, "catalogue", "export", "--out", str(xlsx), *login(shop))
    assert code == 0 and text.endswith("7 add-ons.\n") and xlsx.stat().st_size > 0


def test_a_bad_file_is_one_line_and_changes_nothing(
    shop: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = shop / "main.json"
    cli(capsys, "catalogue", "export", "--out", str(out), *login(shop))
    doc = json.loads(out.read_text("utf-8"))
    doc["catalogue"]["products"][0]["apr_min_percent"] = "-1"
    doc["settings"]["lending.max_dti_percent"] = "500"
    bad = shop / "bad.json"
    bad.write_text(json.dumps(doc), "utf-8")
    before = set_up("Main store")
    line = refused(capsys, "catalogue", "import", "--from", str(bad), *login(shop))
    assert line == (
        "loandesk: bad.json: 2 problems, nothing was changed: Car loans, row 1, APR from (%): "
        "Enter at least 0, not -1.; Store settings, lending.max_dti_percent: Enter a value "
        "from 1 to 100."
    )
    monkeypatch.setenv("LOANDESK_LANG", "zh_CN")
    translator.cache_clear()  # the language is read once per process
    try:
        line = refused(capsys, "catalogue", "import", "--from", str(bad), *login(shop))
    finally:
        monkeypatch.setenv("LOANDESK_LANG", "en")
        translator.cache_clear()
    assert line.startswith("loandesk: bad.json: 共 2 处问题，未做任何更改：车贷产品，第 1 行，")
    assert set_up("Main store") == before


def test_who_may_and_what_is_refused(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = shop / "c.json"
    assert "needs a login" in refused(capsys, "catalogue", "export", "--out", str(out))
    line = refused(
        capsys, "catalogue", "export", "--out", str(out), *login(shop, "mia", "staff-pass-1")
    )
    assert "mia (manager) may not do this" in line
    cli(capsys, "catalogue", "export", "--out", str(shop / "good.json"), *login(shop))
    assert "Wrong user name or password" in refused(
        capsys,
        "catalogue",
        "import",
        "--from",
        str(shop / "good.json"),
        *login(shop, "boss", "nope"),
    )
    notes = shop / "notes.json"
    notes.write_text("mine", "utf-8")
    assert refused(capsys, "catalogue", "export", "--out", str(notes), *login(shop)) == (
        f"loandesk: {notes} exists and is not a catalogue export; choose another file name."
    )
    assert notes.read_text("utf-8") == "mine"
    assert refused(
        capsys, "catalogue", "export", "--out", str(shop / "c.csv"), *login(shop)
    ).endswith("The file name must end in .json or .xlsx.")
    assert "There is no file" in refused(
        capsys, "catalogue", "import", "--from", str(shop / "none.json"), *login(shop)
    )
    assert not out.exists()


def test_a_refusal_once_left_in_english_is_in_chinese(
    shop: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parser's refusals are Reasons (no English phrase matched to find them), so one
    the old phrase table did not know - a subsidised rate below the customer's - is in
    the counter's language too."""
    out = shop / "main.json"
    cli(capsys, "catalogue", "export", "--out", str(out), *login(shop))
    doc = json.loads(out.read_text("utf-8"))
    doc["catalogue"]["products"][0]["subsidy"] = {"lender_rate": "0.5", "by": "Maker"}
    bad = shop / "bad.json"
    bad.write_text(json.dumps(doc), "utf-8")
    before = set_up("Main store")
    line = refused(capsys, "catalogue", "import", "--from", str(bad), *login(shop))
    assert "The lender's rate 0.5% is below the customer's rate of grade" in line
    monkeypatch.setenv("LOANDESK_LANG", "zh_CN")
    translator.cache_clear()
    try:
        line = refused(capsys, "catalogue", "import", "--from", str(bad), *login(shop))
    finally:
        monkeypatch.setenv("LOANDESK_LANG", "en")
        translator.cache_clear()
    assert "资金方利率 0.5% 低于" in line and "lender" not in line, line
    assert set_up("Main store") == before

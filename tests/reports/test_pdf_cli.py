"""``print-quote``: documents of a saved consultation, from the database, headless."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from db import Database, open_database
from db.services import audit, customers, staff
from db.services import consultations as cs
from db.services.base import Actor
from lending.identity import generate_resident_id, generate_vin
from lending.money import format_cny
from main import main
from reports.pdf.data import QuoteData, RepaymentPlanData
from reports.pdf.saved import DocumentKind, load_document_data, make_document


@dataclass
class Saved:
    path: Path
    consultation_id: int
    chosen_plan_id: int
    other_plan_id: int


def text_of(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def _consultation(database: Database, owner: Actor) -> tuple[int, int, int]:
    c = customers.create_customer(
        database,
        owner,
        "王芳",
        phone="13912345678",
        id_number=generate_resident_id("110105", date(1990, 5, 17), 123),
        consent_purpose="loan",
    )
    v = cs.open_consultation(database, owner, c.id, source_channel="walk_in", intent_level="high")
    cs.save_reception(
        database,
        owner,
        v.id,
        source_channel="walk_in",
        intent_level="high",
        budget="150000",
        wished_down_payment="50000",
    )
    cs.save_qualification(
        database,
        owner,
        v.id,
        cs.QualificationForm(
            monthly_income="12000",
            income_proof_months=6,
            residence_proof=True,
            work_proof=True,
            monthly_debt_payments="1000",
            history_years="5",
            credit_kinds=2,
        ),
    )
    cs.save_appraisal(
        database,
        owner,
        v.id,
        cs.VehicleForm(
            brand="大众 Volkswagen",
            model="朗逸 Lavida",
            first_registration=date(2025, 6, 1),
            vin=generate_vin("LSVAU2180N228376"),
            mileage_km=15000,
            condition="excellent",
            market_price="130000",
            price="120000",
            registration_matches=True,
        ),
    )
    bank = cs.save_plan(
        database,
        owner,
        v.id,
        cs.PlanForm(
            product_code="bank_mortgage",
            method="equal_principal",
            term_months=60,
            down_payment="50000",
            start_date=date(2026, 12, 1),
        ),
    )
    finance = cs.save_plan(
        database,
        owner,
        v.id,
        cs.PlanForm(
            product_code="finance_company",
            method="equal_installment",
            term_months=36,
            down_payment="50000",
            start_date=date(2026, 12, 1),
            add_ons=(
                cs.AddOnInput("insurance", "全险 Full vehicle insurance", "4500", required=True),
                cs.AddOnInput("warranty", "延保 Extended warranty", "2800"),
            ),
        ),
    )
    cs.choose_plan(database, owner, finance.id)
    return v.id, finance.id, bank.id


@pytest.fixture
def saved(tmp_path: Path) -> Iterator[Saved]:
    path = tmp_path / "store.sqlite3"
    database = open_database(path)
    try:
        owner = staff.create_owner(database, "瑞丰二手车行", "owner", "owner-pass-1")
        cid, chosen, other = _consultation(database, owner)
    finally:
        database.close()
    yield Saved(path, cid, chosen, other)


def run(saved: Saved, *args: str) -> int:
    return main(["print-quote", "--db", str(saved.path), *args])


@pytest.mark.parametrize("document", ["quote", "plan", "disclosure"])
def test_print_each_document(
    saved: Saved, tmp_path: Path, document: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"{document}.pdf"
    assert (
        run(
            saved,
            "--consultation",
            str(saved.consultation_id),
            "--document",
            document,
            "--out",
            str(out),
            "--lang",
            "zh_CN",
        )
        == 0
    )
    assert str(out) in capsys.readouterr().out
    text = text_of(out.read_bytes())
    assert "瑞丰二手车行" in text and "王芳" in text
    assert "110105" not in text.replace("110105****", "")  # ID masked
    heading = {"quote": "汽车贷款报价单", "plan": "还款计划表", "disclosure": "贷款关键信息披露书"}
    assert heading[document] in text


def test_quote_compares_saved_plans_with_lending_figures(saved: Saved) -> None:
    database = open_database(saved.path)
    try:
        owner = staff.owner_actor(database)
        data = load_document_data(database, owner, saved.consultation_id, DocumentKind.QUOTE)
        assert isinstance(data, QuoteData)
        assert len(data.plans) == 2 and data.chosen is not None
        chosen = cs.get_plan(database, owner, saved.chosen_plan_id)
        assert data.chosen.first_payment == chosen.first_payment
        assert data.chosen.total_repayment == chosen.total_repayment
        assert {a.name for a in data.add_ons} == {a.name for a in chosen.add_ons}
        assert data.insurance_required
        pdf = make_document(database, owner, saved.consultation_id, "quote", "en")
        text = text_of(pdf)
        for plan in cs.list_plans(database, owner, saved.consultation_id):
            assert plan.first_payment is not None and plan.total_repayment is not None
            assert format_cny(plan.first_payment) in text
            assert format_cny(plan.total_repayment) in text
        plan_data = load_document_data(
            database, owner, saved.consultation_id, "plan", plan_id=saved.other_plan_id
        )
        assert isinstance(plan_data, RepaymentPlanData)
        schedule = cs.plan_schedule(database, owner, saved.other_plan_id)
        assert plan_data.rows == schedule.rows
        assert plan_data.total_interest == schedule.total_interest
    finally:
        database.close()


def test_cli_export_is_audited(saved: Saved, tmp_path: Path) -> None:
    assert (
        run(
            saved,
            "--consultation",
            str(saved.consultation_id),
            "--document",
            "plan",
            "--out",
            str(tmp_path / "p.pdf"),
        )
        == 0
    )
    database = open_database(saved.path)
    try:
        owner = staff.owner_actor(database)
        entries = audit.list_entries(database, owner)
        assert any(e.target_type == "document" for e in entries)
    finally:
        database.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--consultation", "abc"], "--consultation: 'abc' is not a record number"),
        (["--consultation", "0"], "--consultation: '0' is not a record number"),
        (["--consultation", "999"], "Consultation 999 does not exist."),
        (["--consultation", "{cid}", "--plan", "999"], "has no plan 999"),
        (["--consultation", "{cid}", "--document", "invoice"], "Unknown document 'invoice'"),
        (["--consultation", "{cid}", "--lang", "fr"], "--lang must be zh_CN or en"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    saved: Saved, tmp_path: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    args = [a.format(cid=saved.consultation_id) for a in args]
    assert run(saved, *args, "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()
    assert list(tmp_path.glob(".x.pdf.*")) == []


def test_missing_folder_and_missing_database(
    saved: Saved, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(saved, "--consultation", "1", "--out", str(tmp_path / "no" / "x.pdf")) == 2
    assert "does not exist" in capsys.readouterr().err
    assert (
        main(
            [
                "print-quote",
                "--db",
                str(tmp_path / "none.sqlite3"),
                "--consultation",
                "1",
                "--out",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 2
    )
    assert "There is no LoanDesk database" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def test_sample_watermark_until_the_owner_confirms_the_catalogue(saved: Saved) -> None:
    from db.models.enums import Role
    from db.services import settings as settings_service
    from db.services.base import PermissionDenied

    database = open_database(saved.path)
    try:
        owner = staff.owner_actor(database)
        assert settings_service.catalogue_confirmed(database, owner.store_id) is False
        for kind in DocumentKind:
            for lang in ("zh_CN", "en"):
                pdf = make_document(database, owner, saved.consultation_id, kind, lang)
                pages = [
                    re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages
                ]
                mark = "样例数据，非正式报价" if lang == "zh_CN" else "Sampledata—notanoffer"
                assert all(mark in p for p in pages), (kind, lang)
        view = staff.add_staff(database, owner, "sales9", "sales-pass-9", Role.CONSULTANT)
        seller = staff.actor_for(database, view.id)
        with pytest.raises(PermissionDenied):
            settings_service.confirm_catalogue(database, seller)
        settings_service.confirm_catalogue(database, owner)
        assert settings_service.catalogue_confirmed(database, owner.store_id) is True
        for kind in DocumentKind:
            text = text_of(make_document(database, owner, saved.consultation_id, kind, "zh_CN"))
            assert "样例数据" not in text and "notanoffer" not in text
    finally:
        database.close()


def test_second_print_is_a_reprint_with_the_quotes_own_date(saved: Saved, tmp_path: Path) -> None:
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    for out in (first, second):
        assert (
            run(
                saved,
                "--consultation",
                str(saved.consultation_id),
                "--document",
                "quote",
                "--out",
                str(out),
                "--lang",
                "en",
            )
            == 0
        )
    assert "Reprint" not in text_of(first.read_bytes())
    again = text_of(second.read_bytes())
    assert "Reprint,printed" in again and "重印" not in again  # the document's language
    database = open_database(saved.path)
    try:
        owner = staff.owner_actor(database)
        quote = load_document_data(database, owner, saved.consultation_id, "quote")
        assert isinstance(quote, QuoteData) and quote.reprinted_on == date.today()
        plan = cs.get_plan(database, owner, saved.chosen_plan_id)
        assert quote.issued_on == plan.created_at.astimezone().date()
    finally:
        database.close()


def test_a_reprint_compares_what_the_first_print_compared(saved: Saved, tmp_path: Path) -> None:
    """A plan saved after the quote was first printed is not on its reprint (the paper the
    customer took home is what a reprint repeats); a new quote of it is a first print."""
    from reports.pdf import snapshot

    out = tmp_path / "first.pdf"
    assert (
        run(
            saved,
            "--consultation",
            str(saved.consultation_id),
            "--document",
            "quote",
            "--out",
            str(out),
            "--lang",
            "en",
        )
        == 0
    )
    database = open_database(saved.path)
    try:
        owner = staff.owner_actor(database)
        before = load_document_data(database, owner, saved.consultation_id, "quote")
        assert isinstance(before, QuoteData) and before.reprinted_on is not None
        later = snapshot.save_plan(
            database,
            owner,
            saved.consultation_id,
            cs.PlanForm(
                product_code="ultra_low_down_payment",
                method="equal_installment",
                term_months=24,
                down_payment="30000",
                start_date=date(2026, 12, 1),
            ),
        )
        reprint = load_document_data(database, owner, saved.consultation_id, "quote")
        assert isinstance(reprint, QuoteData)
        assert len(reprint.plans) == len(before.plans) == 2  # not the plan saved since
        first = load_document_data(
            database, owner, saved.consultation_id, "quote", plan_id=later.id
        )
        assert isinstance(first, QuoteData) and first.reprinted_on is None
        assert len(first.plans) == 3  # its own first print compares every plan there is
    finally:
        database.close()

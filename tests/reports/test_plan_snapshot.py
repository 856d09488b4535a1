"""Paper from a snapshot (issue 10, item 3): a saved plan prints as it was shown.

Saving a plan keeps its offer; every later print renders that snapshot, never a
recomputation with the settings, catalogue or code of the day it is printed.
A document printed before says "重印" ("Reprint" in English) with the day it is printed
again and keeps its own date and validity.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import Database, open_database
from db.services import catalogue, customers, documents, staff
from db.services import consultations as cs
from db.services import settings as settings_service
from db.services.base import Actor, ValidationError
from lending.identity import generate_resident_id, generate_vin
from lending.settings import DEFAULT_SETTINGS, LendingSettings
from reports import lenders
from reports.formatting import formatter
from reports.pdf.data import DisclosureData, QuoteData, RepaymentPlanData
from reports.pdf.saved import (
    DocumentKind,
    load_document_data,
    make_document,
    record_document_export,
)
from reports.pdf.snapshot import (
    SCHEMA,
    PlanSnapshot,
    SnapshotError,
    build_snapshot,
    from_json,
    save_plan,
    to_json,
)

SAVED = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
QUOTE_DAY = SAVED.astimezone().date()
FIRST_PRINT = SAVED + timedelta(hours=2)
REPRINT_DAY = date(2027, 1, 15)
LANGS = ("zh_CN", "en")
FIGURE = re.compile(
    r"\d{1,3}(?:,\d{3})*\.\d{2}%?|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2} [A-Z][a-z]{2} \d{4}"
)


@dataclass
class Saved:
    database: Database
    owner: Actor
    consultation_id: int
    chosen: int
    other: int


def _consultation(database: Database, owner: Actor, save: Any) -> tuple[int, int, int]:
    c = customers.create_customer(
        database,
        owner,
        "王芳",
        phone="13912345678",
        id_number=generate_resident_id("110105", date(1990, 5, 17), 7),
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
    bank = save(
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
        now=SAVED,
    )
    finance = save(
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
        now=SAVED,
    )
    cs.choose_plan(database, owner, finance.id)
    return v.id, finance.id, bank.id


def _open(tmp_path: Path, save: Any) -> Iterator[Saved]:
    database = open_database(tmp_path / "store.sqlite3")
    try:
        owner = staff.create_owner(database, "瑞丰二手车行", "owner", "owner-pass-1")
        settings_service.update_store(database, owner, phone="010-12345678")
        cid, chosen, other = _consultation(database, owner, save)
        yield Saved(database, owner, cid, chosen, other)
    finally:
        database.close()


@pytest.fixture
def saved(tmp_path: Path) -> Iterator[Saved]:
    yield from _open(tmp_path, save_plan)


@pytest.fixture
def legacy(tmp_path: Path) -> Iterator[Saved]:
    """Plans saved the way they were before snapshots existed (no snapshot kept)."""
    yield from _open(tmp_path, cs.save_plan)


def pdftotext(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")


def figures(text: str) -> Counter[str]:
    """Every amount, rate and date a document prints, however the lines fall."""
    return Counter(FIGURE.findall(text))


def reprint_mark(lang: str, day: date) -> str:
    when = formatter(lang).date(day)
    return f"重印，打印日期 {when}" if lang == "zh_CN" else f"Reprint, printed {when}"


def print_all(s: Saved, day: date, now: datetime) -> dict[tuple[str, str], str]:
    """Print every document in both languages (as the counter does: render, then record)."""
    out = {}
    for kind in DocumentKind:
        for lang in LANGS:
            out[kind.value, lang] = pdftotext(
                make_document(s.database, s.owner, s.consultation_id, kind, lang, printed_on=day)
            )
        record_document_export(s.database, s.owner, s.consultation_id, kind, how="print", now=now)
    return out


def change_everything(s: Saved, monkeypatch: pytest.MonkeyPatch) -> None:
    """The owner changes LPR, caps, the DTI limit, rates, fees and names; the program's
    own lender names change too (a newer version)."""
    settings_service.update_settings(
        s.database,
        s.owner,
        {
            "lpr_1y_percent": "1.00",
            "rate_warn_lpr_multiple": "2",
            "apr_hard_cap_percent": "12",
            "max_dti_percent": "20",
            "cooling_off_hours": 72,
        },
    )
    for row in catalogue.list_products(s.database, s.owner):
        if row.code not in ("finance_company", "bank_mortgage"):
            continue
        spec = dict(row.spec)
        spec["name"], spec["name_zh"] = f"Renamed {row.code}", f"改名产品{row.code[:4]}"
        spec["approval_days_min"], spec["approval_days_max"] = 20, 30
        spec["grades"] = [dict(g, annual_rate=spec["apr_max_percent"]) for g in spec["grades"]]
        spec["fees"] = dict(
            spec["fees"], early_repayment_fee_percent="3", overdue_penalty_percent_per_day="0.1"
        )
        catalogue.save_product(s.database, s.owner, spec)
    settings_service.update_store(s.database, s.owner, phone="021-99999999")
    renamed = {
        key: (
            dict(entry, name_zh="改了名的银行", service_phone="400-000-0000")
            if key.startswith("lenders:")
            else entry
        )
        for key, entry in lenders._index().items()
    }
    monkeypatch.setattr(lenders, "_index", lambda: renamed)


def test_a_reprint_shows_the_offer_as_it_was_shown(
    saved: Saved, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = saved
    first = {
        kind: load_document_data(s.database, s.owner, s.consultation_id, kind)
        for kind in DocumentKind
    }
    assert first[DocumentKind.QUOTE].issued_on == QUOTE_DAY
    assert first[DocumentKind.QUOTE].valid_until == QUOTE_DAY + timedelta(days=7)
    assert all(d.reprinted_on is None for d in first.values())
    paper = print_all(s, date(2026, 11, 20), FIRST_PRINT)
    assert not any("Reprint" in text for text in paper.values())

    change_everything(s, monkeypatch)
    # the changes are real: the same plan built from today's data reads differently
    today = build_snapshot(
        s.database, s.owner, s.consultation_id, s.chosen, taken_at=datetime.now(UTC)
    )
    was = first[DocumentKind.DISCLOSURE]
    assert isinstance(was, DisclosureData) and today.disclosure is not None
    assert today.quote.plans[0].product_name != was.plan.product_name
    assert today.quote.plans[0].approval_days != was.plan.approval_days
    assert today.disclosure.fees.early_repayment_fee_percent != was.fees.early_repayment_fee_percent
    assert today.disclosure.dti != was.dti and today.quote.max_dti_percent != Decimal(50)
    assert today.disclosure.rate_notice != was.rate_notice
    assert today.disclosure.cooling_off_hours != was.cooling_off_hours
    assert today.quote.store.phone != was.store.phone
    offer = next(
        e
        for e in cs.evaluate_products(
            s.database,
            s.owner,
            s.consultation_id,
            down_payment="50000",
            term_months=36,
            method="equal_installment",
            start_date=date(2026, 12, 1),
        )
        if e.code == "finance_company"
    )
    assert not offer.eligible  # today's DTI limit refuses it
    assert offer.monthly_payment != first[DocumentKind.QUOTE].plans[1].first_payment

    again = {
        kind: load_document_data(
            s.database, s.owner, s.consultation_id, kind, printed_on=REPRINT_DAY
        )
        for kind in DocumentKind
    }
    for kind in DocumentKind:
        assert again[kind].reprinted_on == REPRINT_DAY
        assert replace(again[kind], reprinted_on=None) == first[kind], kind
    assert again[DocumentKind.QUOTE].issued_on == QUOTE_DAY  # the quote keeps its date

    reprint = print_all(s, REPRINT_DAY, datetime(2027, 1, 15, 2, tzinfo=UTC))
    for (kind, lang), text in reprint.items():
        mark = reprint_mark(lang, REPRINT_DAY)
        assert mark in text, (kind, lang)
        assert figures(text.replace(mark, "")) == figures(paper[kind, lang]), (kind, lang)
        assert formatter(lang).date(QUOTE_DAY) in text
        assert "改名产品" not in text and "Renamed" not in text
        assert "021-99999999" not in text and "400-000-0000" not in text
        assert "改了名的银行" not in text
    for lang in LANGS:
        valid = formatter(lang).date(QUOTE_DAY + timedelta(days=7))
        assert valid in reprint["quote", lang]
    assert "汽车金融公司贷款" in reprint["quote", "zh_CN"]
    assert "Finance-company loan" in reprint["quote", "en"]
    assert "上汽通用汽车金融" in reprint["plan", "zh_CN"]

    prints = documents.list_prints(s.database, s.owner, s.chosen)
    assert [(p.document, p.reprint) for p in prints] == [
        ("quote", False),
        ("plan", False),
        ("disclosure", False),
        ("quote", True),
        ("plan", True),
        ("disclosure", True),
    ]


def test_a_plan_saved_before_snapshots_gets_one_at_its_first_print(
    legacy: Saved, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = legacy
    assert all(
        p.snapshot is None for p in documents.stored_plans(s.database, s.owner, s.consultation_id)
    )
    # the preview is a read: it builds the snapshot in memory and keeps nothing
    preview = load_document_data(s.database, s.owner, s.consultation_id, "quote")
    assert preview.issued_on == QUOTE_DAY  # the plan's own day, not today
    assert all(
        p.snapshot is None for p in documents.stored_plans(s.database, s.owner, s.consultation_id)
    )
    paper = print_all(s, date(2026, 11, 20), FIRST_PRINT)
    stored = documents.stored_plans(s.database, s.owner, s.consultation_id)
    assert all(p.snapshot is not None for p in stored)
    kept = [from_json(p.snapshot) for p in stored]
    assert all(k.rebuilt and k.quote_date == QUOTE_DAY for k in kept)

    change_everything(s, monkeypatch)
    reprint = print_all(s, REPRINT_DAY, datetime(2027, 1, 15, 2, tzinfo=UTC))
    for (kind, lang), text in reprint.items():
        mark = reprint_mark(lang, REPRINT_DAY)
        assert mark in text
        assert figures(text.replace(mark, "")) == figures(paper[kind, lang]), (kind, lang)


def test_a_printed_plan_is_kept_and_a_snapshot_is_written_once(saved: Saved) -> None:
    s = saved
    record_document_export(
        s.database, s.owner, s.consultation_id, "plan", how="print", plan_id=s.other
    )
    with pytest.raises(ValidationError) as info:
        cs.delete_plan(s.database, s.owner, s.other)
    assert info.value.reasons["plan"].code == "plan.printed_cannot_delete"
    stored = next(
        p
        for p in documents.stored_plans(s.database, s.owner, s.consultation_id)
        if p.plan_id == s.other
    )
    with pytest.raises(ValidationError):
        documents.store_plan_snapshot(s.database, s.owner, s.other, stored.snapshot)


def test_previews_record_nothing_and_keep_nothing(legacy: Saved) -> None:
    """Previews are reads: no print is recorded and no snapshot kept until a print."""
    s = legacy
    for kind in DocumentKind:
        for lang in LANGS:
            make_document(s.database, s.owner, s.consultation_id, kind, lang)
    assert documents.list_prints(s.database, s.owner, s.chosen) == []
    assert all(
        p.snapshot is None for p in documents.stored_plans(s.database, s.owner, s.consultation_id)
    )
    # and the second preview of a document never printed is no reprint
    data = load_document_data(s.database, s.owner, s.consultation_id, "plan")
    assert data.reprinted_on is None


def test_the_stored_form_is_plain_versioned_json(saved: Saved) -> None:
    stored = next(
        p
        for p in documents.stored_plans(saved.database, saved.owner, saved.consultation_id)
        if p.plan_id == saved.chosen
    )
    data = stored.snapshot
    assert data["schema"] == SCHEMA and json.loads(json.dumps(data)) == data
    summary = data["quote"]["plans"][0]
    assert summary["first_payment"] == str(summary["first_payment"])  # Decimal as string
    assert Decimal(summary["apr"]) > 0 and summary["method"] == "equal_installment"
    assert summary["product_name"] == "Finance-company loan"
    assert summary["product_name_zh"] == "汽车金融公司贷款"
    assert data["settings"]["lpr_1y_percent"] == "3.00"
    assert {n["kind"] for n in data["quote"]["names"]} == {"lenders", "add_ons"}
    assert data["quote"]["customer"]["name"] == ""  # personal data is read at print time
    assert "王芳" not in json.dumps(data, ensure_ascii=False)
    assert from_json(data) == from_json(to_json(from_json(data)))
    # a field added later is read with its default; one unknown here is ignored
    older = json.loads(json.dumps(data))
    del older["rebuilt"]
    older["settings"]["a_setting_removed_since"] = "1"
    older["a_field_from_later"] = {"x": 1}
    assert from_json(older).rebuilt is False
    with pytest.raises(SnapshotError):
        from_json(dict(data, schema=SCHEMA + 1))


# money and rates are finite; the settings are their own (validated) type
st.register_type_strategy(
    Decimal, st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)
)
st.register_type_strategy(LendingSettings, st.just(DEFAULT_SETTINGS))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.builds(
        PlanSnapshot,
        taken_at=st.datetimes(timezones=st.just(UTC)),
        settings=st.builds(
            lambda dti: replace(DEFAULT_SETTINGS, max_dti_percent=dti),
            st.decimals(min_value=1, max_value=100, places=2),
        ),
        quote=st.from_type(QuoteData),
        plan=st.from_type(RepaymentPlanData),
        disclosure=st.none() | st.from_type(DisclosureData),
        rebuilt=st.booleans(),
    )
)
def test_json_round_trip(snapshot: PlanSnapshot) -> None:
    data = to_json(snapshot)
    assert from_json(json.loads(json.dumps(data))) == without_logo(snapshot)


def without_logo(snapshot: PlanSnapshot) -> PlanSnapshot:
    """The snapshot as stored: the store's logo is left out (documents print the current one)."""

    def bare(doc: Any) -> Any:
        return None if doc is None else replace(doc, store=replace(doc.store, logo=b""))

    return replace(
        snapshot,
        quote=bare(snapshot.quote),
        plan=bare(snapshot.plan),
        disclosure=bare(snapshot.disclosure),
    )


def _without_add_on_names(data: Any) -> Any:
    """The stored form as written before the add-on catalogue: add-on lines without
    ``name_zh`` and ``code``."""
    if isinstance(data, dict):
        return {
            k: (
                [{f: v for f, v in line.items() if f not in ("name_zh", "code")} for line in value]
                if k == "add_ons"
                else _without_add_on_names(value)
            )
            for k, value in data.items()
        }
    if isinstance(data, list):
        return [_without_add_on_names(x) for x in data]
    return data


def test_a_snapshot_from_before_the_add_on_catalogue_still_prints(saved: Saved) -> None:
    from db.models import Plan

    [stored] = [
        p
        for p in documents.stored_plans(saved.database, saved.owner, saved.consultation_id)
        if p.plan_id == saved.chosen
    ]
    old = _without_add_on_names(stored.snapshot)
    assert "name_zh" not in json.dumps(old["quote"]["add_ons"])
    with saved.database.unit_of_work() as uow:
        row = uow.session.get(Plan, saved.chosen)
        assert row is not None
        row.snapshot = old
        uow.commit()
    for lang in LANGS:
        for kind in ("quote", "disclosure"):
            text = pdftotext(
                make_document(
                    saved.database,
                    saved.owner,
                    saved.consultation_id,
                    kind,
                    lang,
                    plan_id=saved.chosen,
                )
            )
            assert "延保 Extended warranty" in text, (lang, kind)


def test_add_on_names_print_from_the_plan_not_the_sample_catalogue(saved: Saved) -> None:
    """A line of the store's add-on catalogue carries both names into the snapshot; the
    documents print those (not resources/catalogue.json's words for the same English)."""
    from db.services import addons_admin
    from lending.addons import add_on_to_data

    items = [
        add_on_to_data(r.add_on) for r in addons_admin.list_add_ons(saved.database, saved.owner)
    ]
    for item in items:  # the owner's own Chinese name for the sample's warranty
        if item["code"] == "extended_warranty_2y":
            item["name_zh"] = "店内两年延保"
    addons_admin.save_add_ons(saved.database, saved.owner, items)
    plan = save_plan(
        saved.database,
        saved.owner,
        saved.consultation_id,
        cs.PlanForm(
            product_code="finance_company",
            method="equal_installment",
            term_months=36,
            down_payment="50000",
            start_date=date(2026, 12, 1),
            add_ons=(cs.AddOnInput("warranty", "typed", "2800", code="extended_warranty_2y"),),
        ),
    )
    snap = from_json(
        next(
            p.snapshot
            for p in documents.stored_plans(saved.database, saved.owner, saved.consultation_id)
            if p.plan_id == plan.id
        )
    )
    [line] = snap.quote.add_ons
    assert (line.name, line.name_zh, line.code) == (
        "Extended warranty (2 years)",
        "店内两年延保",
        "extended_warranty_2y",
    )
    assert not [n for n in snap.quote.names if n.kind == "add_ons"]
    chinese = pdftotext(
        make_document(
            saved.database,
            saved.owner,
            saved.consultation_id,
            "disclosure",
            "zh_CN",
            plan_id=plan.id,
        )
    )
    assert "店内两年延保" in chinese and "延长保修" not in chinese
    english = pdftotext(
        make_document(
            saved.database, saved.owner, saved.consultation_id, "disclosure", "en", plan_id=plan.id
        )
    )
    assert "Extended warranty (2 years)" in english and "店内两年延保" not in english

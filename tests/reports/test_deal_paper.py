"""The whole deal on paper (issue 14 item 3): the quote prints the on-road breakdown, paid
today, the financed amount, the balloon with its date in bold, and for a subsidised plan the
customer's own APR with who subsidises it (never 零利率/无息/免息); the disclosure lists the
finance service fee with its amount.  All from the plan's snapshot."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from db import Database, open_database
from db.services import consultations as cs
from db.services import customers, documents, staff
from db.services.base import Actor
from db.services.deals import DealForm
from lending.identity import generate_resident_id, generate_vin
from reports.formatting import formatter
from reports.pdf.fonts import default_fonts
from reports.pdf.quote import QuoteDocument, StrongParagraph
from reports.pdf.saved import load_document_data, make_document
from reports.pdf.snapshot import from_json, save_plan, to_json
from tests.deal_product import CODE, SPEC, add_balloon_product

START = date(2026, 12, 1)
PRICE = Decimal(200000)
CENT = Decimal("0.01")
FORBIDDEN = ("零利率", "无息", "免息", "zero interest", "interest-free")


@dataclass
class Deal:
    database: Database
    owner: Actor
    cid: int
    plan_id: int


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def open_deal(tmp_path: Path, spec_changes: dict | None = None) -> Iterator[Deal]:
    database = open_database(tmp_path / "store.sqlite3")
    try:
        owner = staff.create_owner(database, "瑞丰汽车", "owner", "owner-pass-1")
        add_balloon_product(database, owner)
        if spec_changes:
            from db.services import catalogue

            catalogue.save_product(database, owner, {**SPEC, **spec_changes})
        c = customers.create_customer(
            database,
            owner,
            "王芳",
            phone="13912345678",
            id_number=generate_resident_id("110105", date(1990, 5, 17), 7),
            consent_purpose="loan",
        )
        v = cs.open_consultation(
            database, owner, c.id, source_channel="walk_in", intent_level="high"
        )
        cs.save_reception(
            database,
            owner,
            v.id,
            source_channel="walk_in",
            intent_level="high",
            budget="220000",
            wished_monthly_payment="3000",
        )
        cs.save_qualification(
            database,
            owner,
            v.id,
            cs.QualificationForm(
                monthly_income="20000",
                income_proof_months=6,
                residence_proof=True,
                work_proof=True,
                history_years="5",
                credit_kinds=2,
            ),
        )
        cs.save_appraisal(
            database,
            owner,
            v.id,
            cs.VehicleForm(
                brand="比亚迪 BYD",
                model="汉 Han EV",
                first_registration=date(2026, 11, 20),
                vin=generate_vin("LGXCE4CBP0123456"),
                mileage_km=10,
                condition="excellent",
                market_price="200000",
                price=str(PRICE),
                registration_matches=True,
            ),
        )
        deal = DealForm(
            vehicle_kind="new",
            energy="nev",
            overrides={"finance_service_fee": "3000"},
            financed={"finance_service_fee": False},
            trade_in_value="50000",
            trade_in_owed="20000",
            subsidies=[("报废更新补贴 Scrap-and-buy", "20000")],
            target_payment="3000",
        )
        plan = save_plan(
            database,
            owner,
            v.id,
            cs.PlanForm(
                product_code=CODE,
                method="balloon",
                term_months=36,
                down_payment="60000",
                start_date=START,
                balloon_percent="30",
                deal=deal,
            ),
        )
        cs.choose_plan(database, owner, plan.id)
        yield Deal(database, owner, v.id, plan.id)
    finally:
        database.close()


@pytest.fixture
def deal(tmp_path: Path) -> Iterator[Deal]:
    yield from open_deal(tmp_path)


def pdftotext(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_figures() -> dict[str, Decimal]:
    """The deal worked out here from DOMAIN.md, not by lending."""
    full = PRICE / Decimal("1.13") * Decimal("0.10")  # bought in 2026: NEV tax halved
    tax = money(full - min(full / 2, Decimal(15000)))
    cash = tax + 950 + 500 + 1000 + 3000  # 交强险, registration, GPS, service fee (cash)
    credit = Decimal(50000 - 20000 + 20000)
    loan = PRICE - 60000
    return {
        "tax": tax,
        "on_road": PRICE + cash,
        "paid_today": 60000 - credit + cash,
        "loan": loan,
        "balloon": money(loan * Decimal("0.30")),
        "credit": credit,
    }


def test_the_quote_prints_the_whole_deal(deal: Deal) -> None:
    want = expected_figures()
    for lang in ("zh_CN", "en"):
        fmt = formatter(lang)
        text = pdftotext(make_document(deal.database, deal.owner, deal.cid, "quote", lang))
        squeezed = flat(text)
        for key in ("tax", "on_road", "paid_today", "loan", "balloon", "credit"):
            assert fmt.money(want[key]) in text, (lang, key)
        due = fmt.date(date(2029, 12, 1))
        if lang == "zh_CN":
            assert "落地价" in text and "今日支付" in text
            assert flat(f"尾款 {fmt.cny(want['balloon'])}，于 {due}") in squeezed
            assert "贴息" in text and "一汽-大众" in text
            assert "1.99%" in text
        else:
            assert "On-the-road price" in text and "Paid today" in text
            assert flat(f"Balloon {fmt.cny(want['balloon'])}, due {due}") in squeezed
            assert "subsidised by FAW-Volkswagen" in text
        assert not any(word in text for word in FORBIDDEN)

    # the balloon line is bold; the deal comes from the snapshot, read back unchanged
    [stored] = documents.stored_plans(deal.database, deal.owner, deal.cid)
    snap = from_json(stored.snapshot)
    assert from_json(to_json(snap)) == snap
    assert snap.quote.deal is not None and snap.quote.deal.paid_today == want["paid_today"]
    chosen = snap.quote.plans[0]
    assert chosen.balloon == want["balloon"] and chosen.balloon_due == date(2029, 12, 1)
    # affordability names the payment it checks: the largest regular one, not the balloon
    schedule = cs.plan_schedule(deal.database, deal.owner, deal.plan_id)
    assert chosen.largest_payment == schedule.max_regular_payment < want["balloon"]
    assert snap.quote.dti is not None and snap.quote.dti.ok
    doc = QuoteDocument(snap.quote, lang="en", fonts=default_fonts())
    [para] = [f for f in doc.headline(chosen) if "Balloon" in getattr(f, "text", "")]
    assert isinstance(para, StrongParagraph) and para.style.fontName == doc.fonts.bold
    # a CJK font without a bold face is drawn bold (filled and outlined)
    assert para.fake_bold == (doc.fonts.bold == doc.fonts.regular)


def test_the_disclosure_lists_the_finance_service_fee(deal: Deal) -> None:
    data = load_document_data(deal.database, deal.owner, deal.cid, "disclosure")
    assert data.fees.finance_service_fee == Decimal(3000)
    # the product's own up-front fee (none) apart from the dealer's fee, both in the APR
    assert data.fees.upfront_fee == 0 and data.plan.upfront_fee == Decimal(3000)
    for lang, name in (("zh_CN", "金融服务费（经销商）"), ("en", "Finance service fee (dealer)")):
        text = pdftotext(make_document(deal.database, deal.owner, deal.cid, "disclosure", lang))
        line = next(x for x in text.splitlines() if name in x)
        assert formatter(lang).money(Decimal(3000)) in line
        assert not any(word in text for word in FORBIDDEN)


def test_a_zero_rate_subsidy_prints_numbers_only(tmp_path: Path) -> None:
    grades = [dict(g, annual_rate="0") for g in SPEC["grades"]]
    for d in open_deal(tmp_path, {"grades": grades}):
        for lang in ("zh_CN", "en"):
            text = pdftotext(make_document(d.database, d.owner, d.cid, "quote", lang))
            assert not any(word in text for word in FORBIDDEN)
            assert "0.00%" in text
            # the 3,000 service fee makes the "0 %" loan cost money: its APR is above 0
            data = load_document_data(d.database, d.owner, d.cid, "quote")
            assert data.plans[0].annual_rate == 0 and data.plans[0].apr > 0

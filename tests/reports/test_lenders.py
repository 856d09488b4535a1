"""Lender names in the reader's language, on paper and in the workbook."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from reports.lenders import add_on_name, lender_name, lender_phone
from reports.pdf import render_disclosure, render_plan, render_quote, samples
from resources import catalogue_names

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "catalogue.json"


def catalogue_lenders() -> set[str]:
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    products = [*data["products"], *data.get("consumer_credit", [])]
    return {name for p in products for name in p.get("example_lenders", [])}


def text_of(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in pages))


CJK = re.compile(r"[\u4e00-\u9fff]")


def known_lenders() -> dict[str, dict[str, str]]:
    return {e["name"]: e for e in catalogue_names()["lenders"]}


def test_every_catalogue_lender_has_a_chinese_name() -> None:
    known = known_lenders()
    assert catalogue_lenders() <= set(known)
    for name, entry in known.items():
        chinese = lender_name(name, "zh_CN")
        assert chinese == entry["name_zh"] != name and CJK.search(chinese), name
        assert lender_name(chinese, "en") == name


def test_every_catalogue_add_on_has_both_names() -> None:
    entries = catalogue_names()["add_ons"]
    assert {e["kind"] for e in entries} == {"insurance", "warranty", "service"}
    for e in entries:
        assert CJK.search(e["name_zh"]) and not CJK.search(e["name"])
        assert add_on_name(e["name"], "zh_CN") == e["name_zh"]
        assert add_on_name(e["name_zh"], "en") == e["name"]
    assert add_on_name("自选加装 A", "en") == "自选加装 A"


def test_lender_service_phones() -> None:
    assert lender_phone("Industrial and Commercial Bank of China") == "95588"
    assert lender_phone("中国建设银行") == "95533"
    assert lender_phone("Hengtong Leasing Co.") == ""


def test_unknown_lenders_keep_their_name() -> None:
    assert lender_name("Hengtong Leasing Co.", "zh_CN") == "Hengtong Leasing Co."
    assert lender_name(None, "zh_CN") == "" and lender_name("", "en") == ""
    assert lender_name("China Construction Bank", "en") == "China Construction Bank"
    assert lender_name("China Construction Bank", "zh_CN") == "中国建设银行"


@pytest.mark.parametrize("render", [render_quote, render_disclosure])
def test_chinese_documents_name_the_lender_in_chinese(render) -> None:  # type: ignore[no-untyped-def]
    data = samples.quote_data() if render is render_quote else samples.disclosure_data()
    plans = data.plans if render is render_quote else [data.plan]
    lenders = {p.lender for p in plans if p.lender}
    assert lenders
    zh, en = text_of(render(data, "zh_CN")), text_of(render(data, "en"))
    for name in lenders:
        assert re.sub(r"\s+", "", lender_name(name, "zh_CN")) in zh
        if name in known_lenders():
            assert re.sub(r"\s+", "", name) not in zh
        assert re.sub(r"\s+", "", name) in en


def test_repayment_plan_names_the_lender_in_chinese() -> None:
    data = samples.plan_data(12)
    assert data.plan.lender == "China Construction Bank"
    assert "中国建设银行" in text_of(render_plan(data, "zh_CN"))

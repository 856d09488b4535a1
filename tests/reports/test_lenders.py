"""Lender names in the reader's language, on paper and in the workbook."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from reports.lenders import TR_STRINGS, lender_name
from reports.pdf import render_disclosure, render_plan, render_quote, samples
from resources.i18n import translator

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "catalogue.json"


def catalogue_lenders() -> set[str]:
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    products = [*data["products"], *data.get("consumer_credit", [])]
    return {name for p in products for name in p.get("example_lenders", [])}


def text_of(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in pages))


def test_every_catalogue_lender_has_a_chinese_name() -> None:
    assert catalogue_lenders() <= set(TR_STRINGS)
    zh = translator("zh_CN")
    for name in TR_STRINGS:
        chinese = zh("Lender", name)
        assert chinese != name and re.search(r"[\u4e00-\u9fff]", chinese), name


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
        if name in TR_STRINGS:
            assert re.sub(r"\s+", "", name) not in zh
        assert re.sub(r"\s+", "", name) in en


def test_repayment_plan_names_the_lender_in_chinese() -> None:
    data = samples.plan_data(12)
    assert data.plan.lender == "China Construction Bank"
    assert "中国建设银行" in text_of(render_plan(data, "zh_CN"))

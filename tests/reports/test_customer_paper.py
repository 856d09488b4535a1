"""What the customer takes home: no staff instruction, no forbidden wording, honest facts.

Text is read back from the finished PDF both with poppler's ``pdftotext`` (what a
reader copies) and with pypdf, so a phrase split over two text runs is still found.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal

import pytest
from pypdf import PdfReader

from lending.compliance import (
    INTERNAL_INSTRUCTION_PHRASES,
    MESSAGES,
    find_forbidden_wording,
    find_internal_instructions,
)
from lending.reasons import Reason
from reports.pdf import render_disclosure, render_plan, render_quote, samples
from reports.pdf.base import InternalInstructionError
from resources.i18n import translator

LANGS = ("zh_CN", "en")


def pdf_text(pdf: bytes) -> str:
    """pdftotext's text and pypdf's, one after the other."""
    parts = [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]
    tool = shutil.which("pdftotext")
    assert tool is not None, "poppler-utils (pdftotext) is needed for these checks"
    done = subprocess.run(
        [tool, "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60
    )
    parts.append(done.stdout.decode("utf-8"))
    return "\n".join(parts)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_customer_clean(text: str) -> None:
    assert find_internal_instructions(text) == []
    assert find_internal_instructions(squash(text)) == []
    assert find_forbidden_wording(text) == []


def test_the_phrase_list_catches_the_staff_warning_in_both_languages() -> None:
    """The staff reason, as the screen shows it, is caught by the one phrase list."""
    staff = Reason.of(MESSAGES, "rate.warn", apr="13.66", multiple="4", limit="12.00")
    for lang in LANGS:
        shown = staff.render(translator(lang).reason)
        assert find_internal_instructions(shown), (lang, shown)
    assert len(set(INTERNAL_INSTRUCTION_PHRASES)) == len(INTERNAL_INSTRUCTION_PHRASES)


@pytest.mark.parametrize("lang", LANGS)
def test_above_lpr_plan_prints_the_fact_not_the_instruction(lang: str) -> None:
    quote = samples.quote_data()
    above = [p for p in quote.plans if p.apr > Decimal("12")]
    assert above, "the sample must hold a plan above 4 x LPR (12 %)"
    disclosure = samples.disclosure_data()
    heavy = replace(disclosure, plan=above[0], rate_notice=above[0].rate_notice)
    for pdf in (render_quote(quote, lang), render_disclosure(heavy, lang)):
        text = pdf_text(pdf)
        assert_customer_clean(text)
        flat = squash(text)
        # the neutral fact: the plan's APR, the threshold and the legal cap
        assert f"{above[0].apr}%" in flat
        assert "24.00%" in flat
        assert "12.00%" in flat


@pytest.mark.parametrize("lang", LANGS)
def test_a_document_with_an_internal_instruction_is_refused(lang: str) -> None:
    data = replace(samples.disclosure_data(), extra=("请向客户详细说明融资成本，并报店长审批",))
    with pytest.raises(InternalInstructionError):
        render_disclosure(data, lang)
    staff = Reason.of(MESSAGES, "rate.warn", apr="13.66", multiple="4", limit="12.00")
    plan = replace(
        samples.plan_data(12), plan=replace(samples.plan_data(12).plan, warnings=(staff,))
    )
    # the repayment plan prints no warnings at all; the quote would print them
    render_plan(plan, lang)
    quote = samples.quote_data()
    bad = replace(quote, plans=(replace(quote.plans[0], warnings=(staff,)), *quote.plans[1:]))
    with pytest.raises(InternalInstructionError):
        render_quote(bad, lang)


# --- affordability: the largest payment --------------------------------------


def fmt(amount: Decimal) -> str:
    return f"{amount:,.2f}"


@pytest.mark.parametrize("lang", LANGS)
def test_interest_first_affordability_uses_the_final_payment(lang: str) -> None:
    sc = samples.scenario("interest_first")
    rows = sc.schedule.rows
    # independent: interest only, then principal + interest + fee in the last period
    amount = sc.quote.plans[0].loan_amount
    last = rows[-1]
    assert last.principal == amount and last.payment == max(r.payment for r in rows)
    plan = sc.quote.plans[0]
    assert (plan.largest_payment, plan.largest_period) == (last.payment, len(rows))
    assert sc.quote.dti is not None
    income, debt = samples.INCOME, samples.EXISTING_DEBT
    expected = ((last.payment + debt) * 100 / income).quantize(Decimal("0.01"))
    assert sc.quote.dti.ratio_percent == expected and not sc.quote.dti.ok
    for pdf in (render_quote(sc.quote, lang), render_disclosure(sc.disclosure, lang)):
        flat = squash(pdf_text(pdf))
        assert fmt(last.payment) in flat
        assert f"{expected}%" in flat
        # says which payment and when it is due
        when = (
            f"{last.due_date.year}年{last.due_date.month}月{last.due_date.day}日"
            if lang == "zh_CN"
            else last.due_date.strftime("%d%b%Y")
        )
        assert when in flat
        assert last.due_date.isoformat() in flat  # the large-final-payment notice
        assert ("第24期" if lang == "zh_CN" else "payment24") in flat


@pytest.mark.parametrize("name", ["equal_principal", "fee_heavy"])
def test_the_quote_never_says_every_month_when_payments_differ(name: str) -> None:
    sc = samples.scenario(name)
    payments = {r.payment for r in sc.schedule.rows}
    assert len(payments) > 1
    for lang, same in (("zh_CN", "每月相同"), ("en", "every month")):
        text = pdf_text(render_quote(sc.quote, lang))
        key_box = text.split("\n")[:40]
        assert not any(same in line for line in key_box), name


# --- insurance: required is required, priced for the term, in the total cost ---------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(samples.SCENARIOS))
def test_required_insurance_is_priced_for_the_term_and_in_the_total_cost(
    name: str, lang: str
) -> None:
    sc = samples.scenario(name)
    rows = sc.schedule.rows
    term = len(rows)
    years = (term + 11) // 12
    required = [a for a in samples.ADD_ONS if a.required and a.kind == "insurance"]
    per_year = sum(a.price for a in required)
    insurance = per_year * years
    down = sc.quote.plans[0].down_payment
    assert down is not None
    repayment = sum(r.payment for r in rows) + sc.schedule.terms.upfront_fee
    total = down + repayment + insurance
    assert sc.quote.plans[0].total_cost == total == sc.disclosure.plan.total_cost
    for pdf in (render_quote(sc.quote, lang), render_disclosure(sc.disclosure, lang)):
        text = pdf_text(pdf)
        flat = squash(text)
        assert fmt(insurance) in flat and fmt(total) in flat
        assert ("购车总成本" if lang == "zh_CN" else "Totalcostofthecar") in flat
        # no sentence calls every insurance voluntary next to a lender-required row
        assert "均为自愿选购" not in flat
        assert "areoptional" not in flat.replace("Itemsmarkedoptional", "")
        choose = r"保险公司(由您)?自行?选" if lang == "zh_CN" else r"youchoosetheinsurer"
        assert re.search(choose, flat.lower())


# --- sample watermark ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_carries_the_sample_watermark_by_default(lang: str) -> None:
    sc = samples.scenario("equal_principal")
    long_plan = samples.plan_data(360)
    for pdf in (
        render_quote(sc.quote, lang),
        render_plan(long_plan, lang),
        render_disclosure(sc.disclosure, lang),
    ):
        pages = [squash(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]
        # in the document's language only, as every other word on it
        mark, other = (
            ("样例数据，非正式报价", "notanoffer")
            if lang == "zh_CN"
            else ("Sampledata—notanoffer", "样例数据")
        )
        assert pages and all(mark in p and other not in p for p in pages), pages[0][:300]
    confirmed = replace(sc.quote, store=replace(sc.quote.store, sample=False))
    assert mark not in squash(pdf_text(render_quote(confirmed, lang)))


# --- smaller points ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(samples.SCENARIOS))
def test_a_plan_of_up_to_36_months_prints_each_document_on_one_page(name: str, lang: str) -> None:
    sc = samples.scenario(name)
    assert len(sc.schedule.rows) <= 36
    for render, data in (
        (render_quote, sc.quote),
        (render_plan, sc.plan),
        (render_disclosure, sc.disclosure),
    ):
        assert len(PdfReader(io.BytesIO(render(data, lang))).pages) == 1  # type: ignore[arg-type]


@pytest.mark.parametrize("months", [12, 24, 36, 48, 60, 72, 96, 120])
def test_no_repayment_plan_page_holds_only_the_closing_notes(months: int) -> None:
    for lang in LANGS:
        pdf = render_plan(samples.plan_data(months), lang)
        pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]
        # every page shows installments (a due date) - no page of notes alone
        assert all(re.search(r"\d{4}-\d{2}-\d{2}", p) for p in pages), (months, lang)


def test_the_effective_rate_is_named_and_the_apr_leads() -> None:
    sc = samples.scenario("fee_heavy")
    text = squash(pdf_text(render_disclosure(sc.disclosure, "zh_CN")))
    assert "按月复利的实际年利率" in text
    assert not re.search(r"(?<!按月复利的)实际年利率", text)
    plan = sc.disclosure.plan
    # the key-figure box leads with the APR and holds no other rate
    from reports.pdf.disclosure import DisclosureDocument

    box = DisclosureDocument(sc.disclosure, lang="en").price()[1]
    values = [c.getPlainText() for c in box._cellvalues[1]]
    assert values[0] == f"{plan.apr}%"
    assert f"{plan.effective_annual_rate}%" not in values
    assert f"{plan.effective_annual_rate}%" in squash(
        pdf_text(render_disclosure(sc.disclosure, "en"))
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_complaint_channel_gives_the_store_and_lender_phones(lang: str) -> None:
    sc = samples.scenario("equal_principal")  # ICBC: 95588 in the catalogue
    assert sc.disclosure.plan.lender == "Industrial and Commercial Bank of China"
    text = squash(pdf_text(render_disclosure(sc.disclosure, lang)))
    complaints = text[text.index("投诉渠道" if lang == "zh_CN" else "Complaints") :]
    assert "95588" in complaints and squash(samples.STORE.phone) in complaints
    assert "12378" in complaints
    no_phone = replace(
        sc.disclosure,
        store=replace(sc.disclosure.store, phone=""),
        plan=replace(sc.disclosure.plan, lender="Hengtong Leasing Co."),
    )
    text = squash(pdf_text(render_disclosure(no_phone, lang)))
    assert "95588" not in text and (
        "电话：" not in text[text.index("投诉渠道") :] if lang == "zh_CN" else "Phone:" not in text
    )


def test_english_condition_is_capitalised() -> None:
    text = pdf_text(render_quote(samples.quote_data(), "en"))
    assert re.search(r"Condition\s+Good", text) and "good" not in text.split("Condition")[1][:30]


@pytest.mark.parametrize("lang", LANGS)
def test_required_insurance_without_a_priced_row_is_still_said(lang: str) -> None:
    quote = samples.quote_data()
    bare = samples.build_quote_data(
        list(quote.plans),
        store=quote.store,
        customer=quote.customer,
        consultant=quote.consultant,
        issued_on=quote.issued_on,
        insurance_required=True,
        add_ons=[a for a in samples.ADD_ONS if not a.required],
    )
    flat = squash(pdf_text(render_quote(bare, lang))).lower()
    assert ("保险公司由您自行选择" if lang == "zh_CN" else "youchoosetheinsurer") in flat
    # nothing required is priced, so the total cost is down payment + repayment only
    plan = bare.plans[0]
    assert plan.down_payment is not None
    assert plan.total_cost == plan.down_payment + plan.total_repayment

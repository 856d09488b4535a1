"""Customer documents: the data that goes in exactly, and that rendering succeeds.

Pages are also rendered to PNG in ``<artifacts>/pdf/`` (tests/artifacts.py)
when poppler's ``pdftoppm`` is installed, for people to look at.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from lending.compliance import ForbiddenWordingError
from lending.money import format_cny, rate2
from lending.schedule import RepaymentMethod
from lending.settings import DEFAULT_FORBIDDEN_WORDS
from reports.pdf import (
    AddOnLine,
    StoreInfo,
    build_plan_data,
    plan_summary,
    render_disclosure,
    render_plan,
    render_quote,
    samples,
    summary_from_offer,
)
from reports.pdf.base import normalise_language
from tests.artifacts import artifacts_dir


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def save_pngs(name: str, pdf: bytes) -> None:
    """Render pages to <artifacts>/pdf/<name>-N.png when pdftoppm is there (tests/artifacts.py)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return
    folder = artifacts_dir("pdf")
    target = folder / f"{name}.pdf"
    target.write_bytes(pdf)
    subprocess.run(
        [tool, "-png", "-r", "80", str(target), str(folder / name)], check=True, timeout=120
    )


# --- data ------------------------------------------------------------------


def test_plan_summary_takes_every_figure_from_the_schedule() -> None:
    schedule = samples.long_schedule(
        36,
        RepaymentMethod.EQUAL_PRINCIPAL,
        amount="120000",
        rate="7.2",
        monthly_fee_rate="0.1",
        upfront_fee="800",
    )
    s = plan_summary(schedule, product_name="P", down_payment=Decimal("30000"))
    assert s.first_payment == schedule.first_payment
    assert s.max_payment == schedule.max_payment
    assert s.last_payment == schedule.rows[-1].payment
    assert s.total_interest == schedule.total_interest
    assert s.total_fees == schedule.total_fees
    assert s.total_repayment == schedule.total_repayment
    assert s.apr == rate2(schedule.apr)
    assert s.effective_annual_rate == rate2(schedule.effective_annual_rate)
    assert s.monthly_fee == schedule.rows[0].fee == Decimal("120.00")
    assert s.net_proceeds == schedule.net_proceeds
    assert s.total_cost == Decimal("30000.00") + schedule.total_repayment


def test_plan_data_totals_equal_the_schedule_to_the_fen() -> None:
    schedule = samples.long_schedule(
        60, monthly_fee_rate="0.15", upfront_fee="1000", amount="88888.88", rate="9.8"
    )
    data = build_plan_data(
        schedule,
        plan_summary(schedule, product_name="P"),
        store=samples.STORE,
        customer=samples.CUSTOMER,
        issued_on=samples.ISSUED,
    )
    assert data.total_payments == sum(r.payment for r in schedule.rows)
    assert data.total_principal == sum(r.principal for r in schedule.rows) == Decimal("88888.88")
    assert data.total_interest == schedule.total_interest
    assert data.total_fees == schedule.total_periodic_fees
    assert data.total_payments + schedule.terms.upfront_fee == schedule.total_repayment


def test_summary_from_offer_uses_the_offer_schedule() -> None:
    s = samples.consultation()
    offer = s.chosen
    assert offer.schedule is not None
    summary = summary_from_offer(offer, vehicle_price=s.price, chosen=True)
    assert summary.first_payment == offer.monthly_payment
    assert summary.apr == offer.apr
    assert summary.down_payment == s.price - offer.loan_amount
    assert summary.approval_days == offer.approval_days
    assert summary.name("zh_CN") == offer.product.name_zh
    assert summary.name("en") == offer.product.name


def test_quote_data_refuses_two_chosen_plans() -> None:
    data = samples.quote_data()
    with pytest.raises(ValueError):
        samples.build_quote_data(
            [replace(p, chosen=True) for p in data.plans],
            store=data.store,
            customer=data.customer,
            consultant="x",
            issued_on=data.issued_on,
        )


def test_disclosure_fee_examples_come_from_lending() -> None:
    data = samples.disclosure_data()
    fees = samples.product("finance_company").fees
    assert data.fees.upfront_fee == fees.upfront_fee_for(data.plan.loan_amount)
    ex = data.fees.early_settlement_example
    assert ex is not None and ex.after_period == 12
    assert ex.early_repayment_fee == fees.early_repayment_fee_for(ex.remaining_principal)
    assert data.fees.overdue_example_penalty == fees.overdue_penalty_for(
        data.plan.first_payment, 10
    )
    assert data.insurance_required is True
    assert data.cooling_off_hours == 24


# --- rendering ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_quote_shows_every_plan_and_fits_one_page(lang: str) -> None:
    data = samples.quote_data()
    pdf = render_quote(data, lang)
    pages = pages_text(pdf)
    save_pngs(f"quote_{lang}", pdf)
    assert len(pages) == 1
    text = squash(pages[0])
    for plan in data.plans:
        assert format_cny(plan.first_payment) in text
        assert f"{plan.apr}%" in text
        assert format_cny(plan.total_repayment) in text
        assert squash(plan.name(lang)) in text
    for add_on in data.add_ons:
        assert format_cny(add_on.price) in text
    assert data.customer.id_number_masked in text
    if lang == "zh_CN":
        for heading in (
            "汽车贷款报价单",
            "方案对比",
            "月供",
            "首付",
            "年化利率",
            "已选方案",
            "第1页/共1页",
        ):
            assert heading in text
    else:
        for heading in ("Car loan quote", "Plans compared", "Chosen plan", "Page 1 of 1"):
            assert squash(heading) in text


def test_language_defaults_to_chinese() -> None:
    assert normalise_language(None) == "zh_CN"
    assert normalise_language("zh") == "zh_CN"
    assert normalise_language("en_US") == "en"
    text = squash(pages_text(render_quote(samples.quote_data()))[0])
    assert "汽车贷款报价单" in text


@pytest.mark.parametrize(("months", "pages"), [(12, 1), (60, 2), (360, 8)])
def test_repayment_plan_paginates_with_header_and_totals(months: int, pages: int) -> None:
    data = samples.plan_data(months)
    pdf = render_plan(data, "en")
    texts = pages_text(pdf)
    if months == 360:
        save_pngs("plan_360_en", pdf)
    assert len(texts) == pages
    for number, page in enumerate(texts, start=1):
        flat = squash(page)
        assert "PeriodDuedatePaymentPrincipalInterestFeeBalance" in flat  # repeated header
        assert f"Page{number}of{pages}" in flat
    every = squash("".join(texts))
    # every installment, in order, once
    positions = [every.index(r.due_date.isoformat() + format_cny(r.payment)) for r in data.rows]
    assert positions == sorted(positions)
    totals = "Total" + "".join(
        format_cny(x)
        for x in (data.total_payments, data.total_principal, data.total_interest, data.total_fees)
    )
    assert totals in squash(texts[-1])
    assert data.total_interest == data.plan.total_interest


def test_repayment_plan_in_chinese_with_fees() -> None:
    schedule = samples.long_schedule(
        24, amount="150000", rate="9", monthly_fee_rate="0.15", upfront_fee="1500"
    )
    data = build_plan_data(
        schedule,
        plan_summary(schedule, product_name="P", product_name_zh="超低首付贷款"),
        store=samples.STORE,
        customer=samples.CUSTOMER,
        issued_on=samples.ISSUED,
    )
    pdf = render_plan(data, "zh_CN")
    save_pngs("plan_24_zh_CN", pdf)
    text = squash("".join(pages_text(pdf)))
    for heading in ("还款计划表", "期数", "还款日", "本金", "利息", "剩余本金", "合计"):
        assert heading in text
    assert "合计" + format_cny(data.total_payments) + format_cny(data.total_principal) in text
    assert format_cny(data.total_fees) == "5,400.00"
    assert format_cny(schedule.total_repayment) in text


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_disclosure_lists_every_key_fact(lang: str) -> None:
    data = samples.disclosure_data()
    pdf = render_disclosure(data, lang)
    save_pngs(f"disclosure_{lang}", pdf)
    text = squash("".join(pages_text(pdf)))
    p = data.plan
    for figure in (
        p.loan_amount,
        p.total_interest,
        p.total_fees,
        p.total_repayment,
        data.fees.upfront_fee,
    ):
        assert format_cny(figure) in text
    assert f"{p.apr}%" in text and f"{p.effective_annual_rate}%" in text
    assert f"{p.annual_rate}%" in text
    assert "12378" in text
    if lang == "zh_CN":
        for fact in (
            "贷款关键信息披露书",
            "贷款机构",
            "年化利率",
            "实际年利率",
            "利息总额",
            "账户管理费",
            "提前还款手续费",
            "逾期罚息",
            "第一受益人",
            "自愿选购",
            "冷静期",
            "24小时",
            "投诉渠道",
            "客户签字",
            "日期",
            "等额本息",
        ):
            assert fact in text
    else:
        for fact in (
            "Keyfactsstatement",
            "Lender",
            "Accountmanagementfee",
            "Earlyrepaymentfee",
            "Overduepenaltyinterest",
            "firstbeneficiary",
            "optional",
            "Cooling-offperiod",
            "24hours",
            "Complaints",
            "Customersignature",
        ):
            assert fact in text


def test_disclosure_warns_when_dti_is_too_high() -> None:
    data = samples.disclosure_data()
    s = samples.consultation()
    assert s.chosen.schedule is not None
    dti = samples.dti_for(s.chosen.schedule, Decimal("3000"), Decimal("1000"))
    assert dti is not None and not dti.ok
    text = squash("".join(pages_text(render_disclosure(replace(data, dti=dti), "en"))))
    assert "Warning:" in text and "abovethe50.00%limit" in text


def test_complex_product_prints_cooling_off_in_days() -> None:
    data = replace(samples.disclosure_data(), cooling_off_days=20)
    text = squash("".join(pages_text(render_disclosure(data, "zh_CN"))))
    assert "20天" in text


@pytest.mark.parametrize("method", list(RepaymentMethod))
def test_quote_renders_every_repayment_method(method: RepaymentMethod) -> None:
    schedule = samples.long_schedule(36, method, amount="100000", rate="6")
    if method is RepaymentMethod.STEP_UP:
        from lending.schedule import LoanTerms, build_schedule

        schedule = build_schedule(
            LoanTerms(Decimal(100000), Decimal(6), 36, method, step_percent=Decimal(5)),
            samples.ISSUED,
        )
    data = replace(
        samples.quote_data(), plans=(plan_summary(schedule, product_name="P", chosen=True),)
    )
    text = squash(pages_text(render_quote(data, "en"))[0])
    assert format_cny(schedule.first_payment) in text


# --- forbidden wording --------------------------------------------------------


def test_quote_refuses_forbidden_wording_in_an_add_on() -> None:
    data = samples.quote_data()
    bad = replace(
        data, add_ons=(*data.add_ons, AddOnLine("service", "零首付 大礼包", Decimal("1.00")))
    )
    with pytest.raises(ForbiddenWordingError) as err:
        render_quote(bad, "zh_CN")
    assert "零首付" in err.value.words


def test_disclosure_refuses_forbidden_wording_anywhere() -> None:
    data = samples.disclosure_data()
    with pytest.raises(ForbiddenWordingError):
        render_disclosure(replace(data, extra=("Interest - Free for 3 months!",)), "en")
    with pytest.raises(ForbiddenWordingError):
        render_disclosure(replace(data, store=StoreInfo("无息车贷中心")), "en")
    with pytest.raises(ForbiddenWordingError):
        render_plan(
            replace(samples.plan_data(12), store=StoreInfo("Zero Down Payment Motors")), "en"
        )


@settings(max_examples=25, deadline=None)
@given(word=st.sampled_from(DEFAULT_FORBIDDEN_WORDS), upper=st.booleans())
def test_any_configured_forbidden_word_is_refused(word: str, upper: bool) -> None:
    data = samples.disclosure_data()
    text = word.upper() if upper else word
    with pytest.raises(ForbiddenWordingError):
        render_disclosure(replace(data, extra=(f"Special offer: {text}",)), "en")


def test_generated_documents_contain_no_forbidden_wording() -> None:
    """Our own texts, in both languages, never trip the guard (rendering succeeds)."""
    for lang in ("zh_CN", "en"):
        render_quote(samples.quote_data(), lang)
        render_disclosure(samples.disclosure_data(), lang)
        render_plan(samples.plan_data(12), lang)


def test_every_document_string_has_a_chinese_translation() -> None:
    from resources.ts_tool import missing

    gaps = [
        (area, source)
        for area, _, source in missing()
        if area in ("reports_pdf", "reports_pdf_cli")
    ]
    assert gaps == []


def test_fee_lines_say_not_charged_when_zero() -> None:
    data = samples.disclosure_data()
    text = squash("".join(pages_text(render_disclosure(data, "en"))))
    assert data.fees.monthly_fee == 0
    assert "Notchargedforthisloan." in text
    assert "Afixed" + "CNY500.00" in text

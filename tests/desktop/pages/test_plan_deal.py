"""The finance page's deal panel: on-road lines, trade-in, paid today, the target payment,
a balloon plan; saved with the plan and shown again when the consultation is reopened."""

from __future__ import annotations

import subprocess
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from PySide6.QtCore import Qt

from db.services import addons_admin
from db.services import consultations as cs
from desktop.context import AppContext
from desktop.pages.models import ComparisonModel
from desktop.pages.plan import PlanPage
from desktop.tasks import ImmediateRunner
from lending.addons import add_on_to_data
from lending.schedule import add_months
from tests.artifacts import artifacts_dir
from tests.deal_product import CODE, add_balloon_product
from tests.desktop.journey import type_text
from tests.desktop.pages.conftest import (
    complete_until,
    install_language,
    save_screenshot,
)

WARRANTY = "extended_warranty_2y"  # the sample catalogue's, quoted at the counter
PRICE = Decimal(130000)  # the selling price complete_until saves
CENT = Decimal("0.01")


def open_plan(open_page, database, consultant, owner, cid) -> PlanPage:
    add_balloon_product(database, owner)
    complete_until(database, consultant, cid, "plan")
    return open_page(PlanPage, cid, size=(1180, 1400))


def nev_tax(price: Decimal, on: date) -> Decimal:
    """Purchase tax written out from DOMAIN.md: price / 1.13 x 10 %, NEV relief by year."""
    full = price / Decimal("1.13") * Decimal("0.10")
    if on.year in (2024, 2025):
        full -= min(full, Decimal(30000))
    elif on.year in (2026, 2027):
        full -= min(full / 2, Decimal(15000))
    return full.quantize(CENT, rounding=ROUND_HALF_UP)


def set_new_nev(qtbot, page: PlanPage) -> None:
    panel = page.deal_panel
    panel.kind.setCurrentIndex(panel.kind.findData("new"))
    panel.energy.setCurrentIndex(panel.energy.findData("nev"))


def figure(page: PlanPage, key: str) -> Decimal:
    return Decimal(page.deal_panel.figures[key].text().replace(",", ""))


def test_on_road_lines_trade_in_and_paid_today(
    qtbot, open_page, consultation, database, consultant, owner
):
    page = open_plan(open_page, database, consultant, owner, consultation)
    panel = page.deal_panel
    # a used car (30,000 km): no purchase tax, a transfer fee
    assert panel.lines["transfer_fee"].amount.isVisible()
    assert panel.lines["purchase_tax"].amount.placeholderText() == "0.00"
    set_new_nev(qtbot, page)
    assert not panel.lines["transfer_fee"].amount.isVisible()
    tax = nev_tax(PRICE, date.today())
    assert panel.lines["purchase_tax"].amount.placeholderText() == f"{tax:,.2f}"
    assert panel.lines["vessel_tax"].amount.placeholderText() == "0.00"  # NEVs are exempt
    # this deal: a finance service fee of 2,000, financed; GPS 1,200 instead of 1,000
    qtbot.keyClicks(panel.lines["finance_service_fee"].amount, "2000")
    panel.lines["finance_service_fee"].financed.setChecked(True)
    qtbot.keyClicks(panel.lines["gps"].amount, "1200")
    qtbot.keyClicks(panel.trade_value, "60000")
    qtbot.keyClicks(panel.trade_owed, "20000")
    qtbot.keyClicks(panel.subsidies[0][0], "Scrap-and-buy subsidy")
    qtbot.keyClicks(panel.subsidies[0][1], "15000")
    page.down_spin.setValue(70000)
    cash = tax + 950 + 500 + 1200  # purchase tax, 交强险, registration, GPS
    assert panel.on_road_total.text() == f"{PRICE + cash + 2000:,.2f}"
    assert panel.trade_credit.text() == "55,000.00"  # 60,000 - 20,000 owed + 15,000
    assert figure(page, "cash_lines") == cash
    assert figure(page, "financed_total") == PRICE + 2000
    assert figure(page, "loan") == PRICE + 2000 - 70000
    assert figure(page, "paid_today") == 70000 - 55000 + cash
    # every product lends the price and the financed fee less the down payment, and has
    # the finance service fee in its up-front fee: in its APR
    for e in page.comparison.evaluations():
        assert e.loan_amount == PRICE + 2000 - 70000
        assert e.schedule.terms.upfront_fee == e.product.fees.upfront_fee_for(e.loan_amount) + 2000
    mine = page.comparison.evaluation(CODE)
    assert mine.apr > mine.schedule.terms.annual_rate  # the fee costs the customer
    # the total cost of the car: down payment, cash lines, the loan's repayment, with the
    # financed service fee (in the loan and in its fees) counted once
    model = page.comparison
    row = ComparisonModel.ROW_KEYS.index("car_cost")
    cost = 70000 + cash + mine.schedule.total_repayment - 2000
    assert model.data(model.index(row, model.column_of(CODE))) == f"{cost:,.2f}"
    # bad input: said under the field, nothing recomputed, nothing saved
    before = page.comparison.evaluation(CODE)
    qtbot.keyClicks(panel.trade_owed, "x")
    assert "amount" in page.shown_errors()["deal.trade_in_owed"].lower()
    page.down_spin.setValue(60000)
    assert page.comparison.evaluation(CODE) is before
    assert page.save() is False
    assert cs.list_plans(database, consultant, consultation) == []


def test_target_payment_solves_the_down_payment(
    qtbot, open_page, consultation, database, consultant, owner
):
    page = open_plan(open_page, database, consultant, owner, consultation)
    panel = page.deal_panel
    # pre-filled from reception's wished monthly payment
    assert panel.target.text() == "3,500.00"
    page._column_clicked(page.comparison.column_of("finance_company"))
    panel.target.clear()
    qtbot.keyClicks(panel.target, "3000")  # solved as typed
    down = Decimal(page.down_spin.value())
    e = page.selected_evaluation()
    assert e.code == "finance_company" and e.loan_amount == PRICE - down
    assert e.schedule.max_regular_payment <= 3000
    assert f"{down:,.2f}" in panel.target_status.text()
    # one yuan less breaks the target (or the product's minimum down payment)
    less = cs.evaluate_products(
        database,
        consultant,
        consultation,
        down_payment=down - 1,
        term_months=36,
        method="equal_installment",
    )
    worse = next(x for x in less if x.code == "finance_company")
    assert worse.schedule.max_regular_payment > 3000 or down - 1 < worse.min_down_payment
    # an unreachable target is said in words, the down payment stays
    panel.target.clear()
    qtbot.keyClicks(panel.target, "5")
    assert Decimal(page.down_spin.value()) == down
    assert "No down payment reaches" in panel.target_status.text()
    # a trade-in worth more than that goes into the down payment whole (no cash back)
    qtbot.keyClicks(panel.trade_value, "90000")
    panel.target.clear()
    qtbot.keyClicks(panel.target, "3000")
    assert Decimal(page.down_spin.value()) == 90000 > down
    assert figure(page, "paid_today") == figure(page, "cash_lines")


def test_balloon_plan_saved_with_its_deal_and_shown_again(
    qtbot, open_page, consultation, database, consultant, owner
):
    page = open_plan(open_page, database, consultant, owner, consultation)
    panel = page.deal_panel
    set_new_nev(qtbot, page)
    qtbot.keyClicks(panel.trade_value, "40000")
    qtbot.keyClicks(panel.trade_owed, "20000")
    page._column_clicked(page.comparison.column_of(CODE))
    page.method.setCurrentIndex(page.method.findData("balloon"))
    assert page.balloon.isVisible()
    page.balloon.setValue(30)
    page.down_spin.setValue(40000)
    e = page.selected_evaluation()
    balloon = (e.loan_amount * Decimal("0.30")).quantize(CENT, rounding=ROUND_HALF_UP)
    assert e.schedule.balloon == balloon
    due = add_months(date.today(), 36)
    assert page.balloon_label.text() == f"= {balloon:,.2f} CNY, due {due.isoformat()}"
    assert page.balloon_label.font().bold()
    assert "Subsidised by FAW-Volkswagen" in page.info.text()
    assert page.choose() is True
    [plan] = cs.list_plans(database, consultant, consultation)
    assert plan.balloon == balloon and plan.method.value == "balloon"
    assert plan.deal is not None and plan.deal.energy.value == "nev"
    assert plan.deal.trade_in_owed == Decimal(20000) and plan.deal.target_payment == 3500
    assert cs.plan_schedule(database, consultant, plan.id).rows == e.schedule.rows

    # reopened: the same deal, balloon and figures
    again = open_page(PlanPage, consultation)
    assert again.deal_panel.energy.currentData() == "nev"
    assert again.deal_panel.trade_value.text() == "40,000.00"
    assert again.deal_panel.trade_owed.text() == "20,000.00"
    assert again.balloon.value() == 30 and again.method.currentData() == "balloon"
    assert again.deal_panel.figures["paid_today"].text() == panel.figures["paid_today"].text()
    assert not again.dirty

    # another consultation on the same page: nothing of this deal stays
    customer = cs.get_consultation(database, consultant, consultation).customer_id
    cid = cs.open_consultation(database, consultant, customer).id
    complete_until(database, consultant, cid, "plan")
    again.load(cid)
    assert again.deal_panel.trade_value.text() == ""
    assert again.deal_panel.energy.currentData() == "petrol"
    assert again.method.currentData() == "equal_installment"


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp, monkeypatch):
    monkeypatch.setenv("LOANDESK_LANG", request.param)
    translators = install_language(qapp, request.param)
    yield request.param
    translators.install("en")


def test_screenshots_of_the_deal_panel_and_the_quote(
    qtbot, language, open_page, consultation, database, consultant, owner, ctx
):
    """For people to look at: the deal panel of a balloon plan with a trade-in, and the
    quote it prints, in both languages (artifacts/screenshots/<lang>/)."""
    from reports.pdf.saved import make_document

    lang_ctx = AppContext(
        database=database,
        staff=consultant,
        runner=ImmediateRunner(),
        language=language,
        settings=ctx.settings,
    )
    add_balloon_product(database, owner)
    complete_until(database, consultant, consultation, "plan")
    page = open_page(PlanPage, consultation, context=lang_ctx, size=(1180, 1400))
    panel = page.deal_panel
    set_new_nev(qtbot, page)
    qtbot.keyClicks(panel.trade_value, "40000")
    qtbot.keyClicks(panel.trade_owed, "20000")
    type_text(
        qtbot,
        panel.subsidies[0][0],
        "报废更新补贴" if language == "zh_CN" else "Scrap-and-buy subsidy",
    )
    qtbot.keyClicks(panel.subsidies[0][1], "15000")
    qtbot.keyClicks(panel.lines["finance_service_fee"].amount, "2000")
    page._column_clicked(page.comparison.column_of(CODE))
    page.method.setCurrentIndex(page.method.findData("balloon"))
    page.balloon.setValue(30)
    qtbot.mouseClick(panel.solve_button, Qt.MouseButton.LeftButton)
    assert page.selected_evaluation().eligible
    assert save_screenshot(panel, language, "4_plan_deal_panel").stat().st_size > 10_000
    save_screenshot(page, language, "4_plan_deal_page")
    assert page.choose() is True
    pdf = make_document(database, consultant, consultation, "quote", language)
    folder = artifacts_dir("screenshots", language)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-", str(folder / "quote_deal")],
        input=pdf,
        check=True,
        timeout=60,
    )
    assert sorted(folder.glob("quote_deal*.png"))


def test_add_ons_are_financed_where_the_product_allows(
    qtbot, open_page, consultation, database, consultant, owner
):
    # the owner lets the sample's extended warranty be financed (Tools, Add-ons…)
    items = [add_on_to_data(r.add_on) for r in addons_admin.list_add_ons(database, owner)]
    for item in items:
        item["financeable"] = item["financeable"] or item["code"] == WARRANTY
    addons_admin.save_add_ons(database, owner, items)
    page = open_plan(open_page, database, consultant, owner, consultation)
    warranty = page.addons.row(WARRANTY)
    warranty.tick.setChecked(True)
    qtbot.keyClicks(warranty.price, "3000")
    page._column_clicked(page.comparison.column_of("finance_company"))
    assert not warranty.financed.isEnabled()  # this lender does not finance add-ons
    page._column_clicked(page.comparison.column_of(CODE))
    assert warranty.financed.isEnabled()
    warranty.financed.setChecked(True)
    down = Decimal(page.down_spin.value())
    assert page.comparison.evaluation(CODE).loan_amount == PRICE + 3000 - down
    assert page.comparison.evaluation("finance_company").loan_amount == PRICE - down
    assert figure(page, "loan") == PRICE + 3000 - down
    assert page.choose() is True
    [plan] = cs.list_plans(database, consultant, consultation)
    assert plan.amount == PRICE + 3000 - down and plan.deal.financed_add_ons == (WARRANTY,)
    again = open_page(PlanPage, consultation)
    assert again.addons.row(WARRANTY).financed.isChecked()
    assert again.addons.row(WARRANTY).tick.isChecked()

"""The Products and lenders dialog for the subsidy, consumer credit and card instalments.

The journey: the owner (Tools -> Products and lenders…) adds a lender, a subsidised
balloon product (贴息: the lender earns more than the customer pays) and a bank card
instalment with its fee table, all by typing into the dialog; a consultant at another
counter takes a customer to the finance page, which offers the balloon product at the
customer's rate with the subsidy spelled out and the card instalment with its true APR;
the owner deactivates the card and new plans no longer see it.  Other tests: an invalid
card or consumer credit line shows its reasons and saves nothing; copies of each kind;
screenshots of the new parts in both languages.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from db import Database
from db.models import AuditEntry
from db.models.enums import AuditAction, Step
from db.services import catalogue, catalogue_admin
from db.services.base import Actor
from desktop.catalogue_editor import CatalogueEditorDialog
from lending.deal import card_instalment_schedule
from lending.products import CardFee, CardInstalment, PromotionKind, Subsidy
from lending.qualification import Grade
from tests.catalogue_sample import LENDER, PRODUCT, expected_rate
from tests.desktop.journey import FIVE, Counter
from tests.desktop.test_catalogue_editor import (  # noqa: F401  (fixtures)
    add_lender_in,
    catalogue_audits,
    click,
    error_of,
    fill_product,
    make_dialog,
    product_count,
    questions,
    shop,
    tick,
    tick_lender,
    type_cell,
    type_over,
)

D = Decimal
SUBSIDY = Subsidy(D("7.50"), "FAW-Volkswagen", "一汽-大众")
CARD_FEES = (("12", "4"), ("24", "8"), ("48", "14"))
CARD = CardInstalment(
    "",
    "Harbour card instalment",
    "海港信用卡分期",
    (LENDER.name,),
    D(300000),
    tuple(CardFee(int(m), D(f)) for m, f in CARD_FEES),
)


def add_kind(dialog: CatalogueEditorDialog, kind: str) -> None:
    box = dialog.add_kind
    box.setCurrentIndex(box.findData(kind))
    click(dialog.qtbot, dialog.add_product_button)


def fill_subsidy(qtbot: Any, form: Any) -> None:
    form.tabs.setCurrentIndex(5)
    tick(qtbot, form.subsidised)
    type_over(qtbot, form.lines["subsidy.lender_rate"], "7.50")
    type_over(qtbot, form.lines["subsidy.by"], SUBSIDY.by)
    type_over(qtbot, form.lines["subsidy.by_zh"], SUBSIDY.by_zh)
    tick(qtbot, form.finance_add_ons)


def fill_card(qtbot: Any, form: Any, fees: tuple[tuple[str, str], ...] = CARD_FEES) -> None:
    type_over(qtbot, form.lines["name"], CARD.name)
    type_over(qtbot, form.lines["name_zh"], CARD.name_zh)
    tick_lender(qtbot, form, LENDER.name)
    type_over(qtbot, form.lines["line_max"], "300,000")
    for months, fee in fees:
        click(qtbot, form.add_fee_button)
        row = form.fee_model.rowCount() - 1
        type_cell(qtbot, form.fee_view, row, 0, months)
        type_cell(qtbot, form.fee_view, row, 1, fee)


def owner_dialog(qtbot: Any, boss: Counter) -> CatalogueEditorDialog:
    boss.window.catalogue_action.trigger()
    boss.idle()
    dialog = boss.window.dialog
    assert isinstance(dialog, CatalogueEditorDialog)
    dialog.qtbot = qtbot  # type: ignore[attr-defined]
    return dialog


def test_owner_adds_a_subsidised_balloon_and_a_card_the_finance_page_offers_them(
    qtbot,
    counter: Database,
    other: Database,
    shop: dict[str, Actor],  # noqa: F811
) -> None:
    boss = Counter(qtbot, counter, shop["owner"], "Wang Li")
    dialog = owner_dialog(qtbot, boss)
    add_lender_in(qtbot, dialog, boss.idle)
    dialog.tabs.setCurrentIndex(0)
    add_kind(dialog, catalogue.KIND_CAR)
    fill_product(qtbot, dialog.product_form)
    fill_subsidy(qtbot, dialog.product_form)
    click(qtbot, dialog.save_product_button, boss.idle)
    assert "Saved" in dialog.message.text(), dialog.message.text()
    code = next(p.code for p in dialog.view.products if p.name == PRODUCT.name)
    stored = catalogue.load_catalogue(counter, shop["owner"].store_id).product(code)
    assert stored == dataclasses.replace(PRODUCT, code=code, subsidy=SUBSIDY, finance_add_ons=True)

    add_kind(dialog, catalogue.KIND_CARD)
    assert dialog.form is dialog.card_form
    fill_card(qtbot, dialog.card_form)
    # the fee table shows each term's true APR as lending computes it
    assert (
        dialog.card_form.fee_model.data(dialog.card_form.fee_model.index(1, 2))
        == f"{card_instalment_schedule(D(100000), 24, D(8), date(2026, 1, 1)).apr:.2f}%"
    )
    click(qtbot, dialog.save_product_button, boss.idle)
    assert "Saved" in dialog.message.text(), dialog.message.text()
    card_code = next(p.code for p in dialog.view.products if p.name == CARD.name)
    cards = catalogue.load_catalogue(counter, shop["owner"].store_id).card_instalments
    assert cards == (dataclasses.replace(CARD, code=card_code),)
    *_, audit = catalogue_audits(counter)
    assert audit["code"] == card_code
    assert {c["key"]: c["after"] for c in audit["changes"]}["fees"] == [
        {"months": int(m), "fee_percent": f} for m, f in CARD_FEES
    ]
    assert all(c["before"] is None for c in audit["changes"])

    # a consultant: the balloon product with the subsidy spelled out, the card's true APR
    desk = Counter(qtbot, other, shop["zhangwei"], "张伟")
    customer = dataclasses.replace(FIVE[0], product=code, term=48)
    desk.new_consultation(customer)
    desk.fill_reception(customer)
    q = desk.page(Step.QUALIFICATION)
    desk.fill_qualification(customer)
    grade = q.grade.text()
    desk.fill_appraisal(customer)
    p = desk.page(Step.PLAN)
    desk.choose(p.term, "48")
    desk.idle()
    offer = p.comparison.evaluation(code)
    assert offer is not None and offer.eligible, [str(r) for r in offer.reasons]
    rate = expected_rate(grade, 48, D(customer.wished_down) * 100 / D(customer.price))
    assert offer.annual_rate == rate and Grade(grade) in stored.accepted_grades
    header = p.comparison_view.horizontalHeader()  # the consultant clicks its column
    column = p.comparison.column_of(code)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    desk.idle()
    assert p.selected_evaluation() is not None and p.selected_evaluation().code == code
    info = p.info.text()
    assert f"Subsidised by {SUBSIDY.by}: the customer pays {rate.normalize()}% a year" in info
    assert "the lender earns 7.5%" in info
    bank = p.comparison.evaluation("bank_mortgage")
    card = card_instalment_schedule(bank.loan_amount, 48, D(14), p._result.request.base.start_date)
    assert p.card_offers.isVisible()
    assert f"{CARD.name}: 48 months" in p.card_offers.text()
    assert f"true APR {card.apr:.2f}%" in p.card_offers.text(), p.card_offers.text()

    # deactivated: gone from new plans
    dialog.products_table.selectRow(dialog.product_model.row_of(card_code))
    assert dialog.form is dialog.card_form
    click(qtbot, dialog.toggle_product_button, boss.idle)
    assert not dialog.view.product(card_code).active
    assert catalogue.load_catalogue(other, shop["owner"].store_id).card_instalments == ()
    desk.show(Step.APPRAISAL)
    again = desk.show(Step.PLAN)  # a new look at the finance page
    desk.idle()
    assert again.comparison.evaluation(code) is not None
    assert CARD.name not in again.card_offers.text() and not again.card_offers.isVisible()
    desk.close()
    dialog.reject()
    boss.close()


def test_an_invalid_card_shows_its_reasons_and_saves_nothing(
    qtbot, database, owner, runner
) -> None:
    catalogue_admin.save_lender(database, owner, LENDER)
    d = make_dialog(qtbot, database, owner, runner)
    d.qtbot = qtbot
    before = product_count(database), catalogue_audits(database)
    add_kind(d, catalogue.KIND_CARD)
    form = d.card_form
    type_over(qtbot, form.lines["name"], "Card")
    fill_card(qtbot, form, (("24", "8"), ("12", "60")))
    type_over(qtbot, form.lines["name_zh"], "")
    click(qtbot, d.save_product_button)
    assert error_of(form, "name_zh") == "Enter the product's name in Chinese."
    assert error_of(form, "fees") == "List each term once, from the shortest to the longest."
    assert "Nothing was saved" in d.message.text()
    assert (product_count(database), catalogue_audits(database)) == before
    # in order, the 60% fee over 12 months is far above the store's cap
    type_cell(qtbot, form.fee_view, 0, 0, "12")
    type_cell(qtbot, form.fee_view, 0, 1, "60")
    type_cell(qtbot, form.fee_view, 1, 0, "24")
    type_cell(qtbot, form.fee_view, 1, 1, "8")
    assert error_of(form, "fees").startswith("The 12-month fee of 60% comes to a true APR of")
    type_cell(qtbot, form.fee_view, 0, 1, "abc")
    assert (
        form.fee_model.data(form.fee_model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
        == "'abc' is not a number."
    )
    click(qtbot, d.save_product_button)
    assert error_of(form, "fees") == "Row 1: 'abc' is not a number."
    assert (product_count(database), catalogue_audits(database)) == before
    type_cell(qtbot, form.fee_view, 0, 1, "4")
    type_over(qtbot, form.lines["name_zh"], "卡分期")
    click(qtbot, d.save_product_button)
    assert "Saved" in d.message.text(), d.message.text()
    assert product_count(database) == before[0] + 1


def test_an_invalid_subsidy_shows_its_reasons(qtbot, database, owner, runner) -> None:
    d = make_dialog(qtbot, database, owner, runner)
    d.products_table.selectRow(d.product_model.row_of("bank_mortgage"))
    form = d.product_form
    before = catalogue_audits(database)
    form.tabs.setCurrentIndex(5)
    tick(qtbot, form.subsidised)
    type_over(qtbot, form.lines["subsidy.lender_rate"], "3")
    click(qtbot, d.save_product_button)
    assert error_of(form, "subsidy.lender_rate") == (
        "The lender's rate (3%) is below the customer's rate of 4.8% (grade A): a subsidy "
        "pays the lender the difference, so the customer's rate must be below the lender's."
    )
    assert error_of(form, "subsidy.by").startswith("Enter who pays the subsidy, in English")
    assert error_of(form, "subsidy.by_zh").startswith("Enter who pays the subsidy, in Chinese")
    assert form.tabs.currentIndex() == 5
    assert catalogue_audits(database) == before
    assert (
        catalogue.load_catalogue(database, owner.store_id).product("bank_mortgage").subsidy is None
    )
    # corrected: saved, and audited with who, when and before -> after
    type_over(qtbot, form.lines["subsidy.lender_rate"], "5.20")
    type_over(qtbot, form.lines["subsidy.by"], "the dealer")
    type_over(qtbot, form.lines["subsidy.by_zh"], "经销商")
    click(qtbot, d.save_product_button)
    assert "Saved" in d.message.text(), d.message.text()
    assert catalogue.load_catalogue(database, owner.store_id).product(
        "bank_mortgage"
    ).subsidy == Subsidy(D("5.20"), "the dealer", "经销商")
    with database.unit_of_work() as uow:
        row = uow.session.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == AuditAction.CATALOGUE_CHANGE.value)
            .order_by(AuditEntry.id.desc())
        ).first()
        assert row is not None and row.at is not None
        assert (row.staff_id, row.username) == (owner.staff_id, owner.username)
        assert row.detail["changes"] == [
            {"key": "subsidy.by", "before": None, "after": "the dealer"},
            {"key": "subsidy.by_zh", "before": None, "after": "经销商"},
            {"key": "subsidy.lender_rate", "before": None, "after": "5.20"},
        ]


def test_consumer_credit_edited_with_its_promotion(qtbot, database, owner, runner) -> None:
    d = make_dialog(qtbot, database, owner, runner)
    d.qtbot = qtbot
    d.products_table.selectRow(d.product_model.row_of("consumer_credit"))
    form = d.credit_form
    assert d.form is form and form.lines["name"].text() == "Unsecured consumer credit"
    assert form.grades_model.data(form.grades_model.index(1, 1)) == "9.00"
    form.tabs.setCurrentIndex(3)
    assert form.promoted.isChecked()
    form.promotion_kind.setCurrentIndex(form.promotion_kind.findData("rate_discount"))
    type_over(qtbot, form.lines["first_loan_promotion.rate_discount_percent"], "0")
    type_over(qtbot, form.lines["first_loan_promotion.periods"], "48")
    form.tabs.setCurrentIndex(2)
    type_cell(qtbot, form.grades_view, 1, 1, "30")  # grade B's rate above the APR range
    before = catalogue_audits(database)
    click(qtbot, d.save_product_button)
    assert error_of(form, "grades") == "The rate 30% for grade B is outside the APR range 8-24%."
    assert error_of(form, "first_loan_promotion.rate_discount_percent") == (
        "Give the rate discount (more than 0%)."
    )
    assert error_of(form, "first_loan_promotion.periods") == (
        "The promotion lasts 48 months, longer than the longest term (36 months)."
    )
    assert catalogue_audits(database) == before
    type_cell(qtbot, form.grades_view, 1, 1, "9.50")
    form.tabs.setCurrentIndex(3)
    type_over(qtbot, form.lines["first_loan_promotion.rate_discount_percent"], "50")
    type_over(qtbot, form.lines["first_loan_promotion.periods"], "3")
    click(qtbot, d.save_product_button)
    assert "Saved" in d.message.text(), d.message.text()
    saved = catalogue.load_catalogue(database, owner.store_id).consumer_credit[0]
    assert saved.grades[1].annual_rate == D("9.50")
    promo = saved.first_loan_promotion
    assert promo is not None and (promo.kind, promo.periods, promo.rate_discount_percent) == (
        PromotionKind.RATE_DISCOUNT,
        3,
        D(50),
    )
    *_, last = catalogue_audits(database)
    keys = {c["key"] for c in last["changes"]}
    assert keys == {
        "grades",
        "first_loan_promotion.kind",
        "first_loan_promotion.rate_discount_percent",
    }, keys
    # a copy of a consumer credit line is one too, not yet offered
    click(qtbot, d.copy_button)
    copy = d.current_product()
    assert copy is not None and copy.kind == catalogue.KIND_CONSUMER and not copy.active
    assert d.form is form and form.lines["name"].text() == "Unsecured consumer credit (copy)"


def test_screenshots_of_the_new_parts(qtbot, language, database, owner, runner, screenshot) -> None:
    catalogue_admin.save_lender(database, owner, LENDER)
    catalogue_admin.save_product(
        database, owner, dataclasses.replace(PRODUCT, subsidy=SUBSIDY, finance_add_ons=True)
    )
    catalogue_admin.save_product(database, owner, CARD)
    from desktop.context import AppContext
    from lending.settings import DEFAULT_SETTINGS

    ctx = AppContext(database, owner, runner, language, DEFAULT_SETTINGS, "恒通二手车", "王力")
    d = CatalogueEditorDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.qtbot = qtbot
    code = next(p.code for p in d.view.products if p.name == PRODUCT.name)
    d.products_table.selectRow(d.product_model.row_of(code))
    d.product_form.tabs.setCurrentIndex(5)
    assert d.product_form.lines["subsidy.by_zh"].text() == SUBSIDY.by_zh
    screenshot(d, "owner_catalogue_subsidy")
    card = next(p.code for p in d.view.products if p.name == CARD.name)
    d.products_table.selectRow(d.product_model.row_of(card))
    assert d.form is d.card_form and d.card_form.fee_model.rowCount() == 3
    screenshot(d, "owner_catalogue_card")
    d.products_table.selectRow(d.product_model.row_of("consumer_credit"))
    for index in range(d.credit_form.tabs.count()):
        d.credit_form.tabs.setCurrentIndex(index)
        screenshot(d, f"owner_catalogue_credit_{index + 1}")
    add_kind(d, catalogue.KIND_CARD)
    type_over(qtbot, d.card_form.lines["name"], "Card")
    click(qtbot, d.card_form.add_fee_button)
    type_cell(qtbot, d.card_form.fee_view, 0, 0, "12")
    type_cell(qtbot, d.card_form.fee_view, 0, 1, "60")
    click(qtbot, d.save_product_button)
    assert not d.card_form.errors["fees"].isHidden()
    screenshot(d, "owner_catalogue_card_reasons")
    click(qtbot, d.revert_button)


def test_a_manager_reads_the_card_and_the_credit_line(qtbot, database, owner, runner) -> None:
    from db.models.enums import Role
    from db.services import staff

    catalogue_admin.save_lender(database, owner, LENDER)
    catalogue_admin.save_product(database, owner, CARD)
    manager = staff.actor_for(
        database, staff.add_staff(database, owner, "liqiang", "staff-pass-1", Role.MANAGER).id
    )
    d = make_dialog(qtbot, database, manager, runner)
    assert not d.add_kind.isVisible()
    card = next(p.code for p in d.view.products if p.name == CARD.name)
    d.products_table.selectRow(d.product_model.row_of(card))
    form = d.card_form
    assert d.form is form and form.lines["line_max"].text() == "300,000"
    assert form.lines["name"].isReadOnly() and not form.add_fee_button.isVisible()
    cell = form.fee_model.index(0, 1)
    assert not form.fee_model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert not form.fee_model.setData(cell, "1")
    d.products_table.selectRow(d.product_model.row_of("consumer_credit"))
    assert d.form is d.credit_form and d.credit_form.lines["line_min"].isReadOnly()
    assert not d.credit_form.promoted.isEnabled()
    d._save_shortcut()
    assert catalogue_audits(database)[-1]["code"] == card  # nothing after the owner's save

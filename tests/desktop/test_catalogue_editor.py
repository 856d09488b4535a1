"""The owner's Products and lenders dialog, driven through its real widgets.

The journey: the owner (Tools -> Products and lenders…) adds a lender and a balloon
product with a rate sheet by typing into the dialog; a consultant at another counter
takes a customer through the real main window and the finance page offers the
product at the sheet's rate for the customer's grade, term and down payment; the
owner deactivates it and it is gone from new plans while the saved plan still prints.
Other tests: an invalid product shows its reasons and saves nothing; a manager reads.
Each checks the database through the services, never the widgets alone.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import func, select

from db import Database
from db.models import AuditEntry
from db.models import Product as ProductRow
from db.models.enums import AuditAction, Role, Step
from db.services import catalogue, catalogue_admin, staff
from db.services.base import Actor
from desktop.catalogue_editor import CatalogueEditorDialog
from desktop.catalogue_form import ProductForm
from desktop.context import AppContext
from lending.settings import DEFAULT_SETTINGS
from tests.catalogue_sample import DOWN_BANDS, LENDER, PRODUCT, RATES, TERM_BANDS, expected_rate
from tests.desktop.journey import FIVE, Counter, type_text
from tests.desktop.test_guided_start import pdftotext

D = Decimal


class Questions(list):
    """The "discard the changes?" questions asked, answered with :attr:`answer`."""

    answer: Any = None


@pytest.fixture(autouse=True)
def questions(monkeypatch) -> Questions:
    """No test waits on a message box: each question is noted and answered (Cancel unless
    the test says otherwise)."""
    from PySide6.QtWidgets import QMessageBox

    asked = Questions()
    asked.answer = QMessageBox.StandardButton.Cancel

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        asked.append(text)
        return asked.answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


# --- typing into the dialog --------------------------------------------------------------


def type_over(qtbot: Any, line: QLineEdit, text: str) -> None:
    """Select the field's text, type over it, leave it (as a person would)."""
    line.setFocus()
    line.selectAll()
    if text:
        type_text(qtbot, line, text)
    else:
        qtbot.keyClick(line, Qt.Key.Key_Delete)
    line.editingFinished.emit()


def type_cell(qtbot: Any, view: Any, row: int, column: int, text: str) -> None:
    """Type a rate into a cell of a table, as a person: go there, type, press Enter."""
    index = view.model().index(row, column)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)  # the edit key opens the cell's editor
    editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1, editors
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits the cell from the event loop
    assert view.model().data(index) == text.strip()


def tick(qtbot: Any, box: Any, on: bool = True) -> None:
    if box.isChecked() != on:
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() == on


def click(qtbot: Any, button: Any, idle: Any = None) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    if idle is not None:
        idle()


def add_lender_in(qtbot: Any, dialog: CatalogueEditorDialog, idle: Any = None) -> None:
    dialog.tabs.setCurrentIndex(1)
    click(qtbot, dialog.add_lender_button)
    f = dialog.lender_form
    for line, text in (
        (f.name, LENDER.name),
        (f.name_zh, LENDER.name_zh),
        (f.service_phone, LENDER.service_phone),
        (f.complaint_channel, LENDER.complaint_channel),
    ):
        type_over(qtbot, line, text)
    f.payout_rules.setFocus()
    type_text(qtbot, f.payout_rules, LENDER.payout_rules)
    click(qtbot, dialog.save_lender_button, idle)


def tick_lender(qtbot: Any, form: ProductForm, name: str) -> None:
    row = next(
        r
        for r in range(form.lender_model.rowCount())
        if form.lender_model.item(r).data(Qt.ItemDataRole.UserRole) == name
    )
    form.tabs.setCurrentIndex(0)
    form.lender_list.setFocus()
    form.lender_list.setCurrentIndex(form.lender_model.index(row, 0))
    qtbot.keyClick(form.lender_list, Qt.Key.Key_Space)
    assert form.lender_model.item(row).checkState() == Qt.CheckState.Checked


def fill_product(qtbot: Any, form: ProductForm) -> None:
    """The sample product (tests/catalogue_sample.py), field by field."""
    p = PRODUCT
    form.tabs.setCurrentIndex(0)
    type_over(qtbot, form.lines["name"], p.name)
    type_over(qtbot, form.lines["name_zh"], p.name_zh)
    tick_lender(qtbot, form, LENDER.name)
    type_over(qtbot, form.lines["approval_days_min"], "1")
    type_over(qtbot, form.lines["approval_days_max"], "3")
    form.tabs.setCurrentIndex(1)
    tick(qtbot, form.method_boxes[p.methods[1]])  # balloon
    type_over(qtbot, form.lines["terms"], "12, 24, 36, 48")
    type_over(qtbot, form.lines["balloon_min_percent"], "10")
    type_over(qtbot, form.lines["balloon_max_percent"], "40")
    form.tabs.setCurrentIndex(2)
    type_over(qtbot, form.lines["max_financing_ratio_percent"], "80")
    type_over(qtbot, form.lines["max_vehicle_age_years"], "6")
    type_over(qtbot, form.lines["max_mileage_km"], "150,000")
    tick(qtbot, form.full_insurance)
    form.tabs.setCurrentIndex(3)
    type_over(qtbot, form.lines["fees.upfront_fee"], "500")
    type_over(qtbot, form.lines["fees.early_repayment_fee_percent"], "2")
    type_over(qtbot, form.lines["fees.overdue_penalty_percent_per_day"], "0.05")
    form.tabs.setCurrentIndex(4)
    type_over(qtbot, form.lines["apr_min_percent"], "3.50")
    type_over(qtbot, form.lines["apr_max_percent"], "8.00")
    for row, (lo, hi) in enumerate((("90", "98"), ("70", "80"))):
        type_cell(qtbot, form.grades_view, row, 1, lo)
        type_cell(qtbot, form.grades_view, row, 2, hi)
    type_over(qtbot, form.lines["term_bands"], ", ".join(str(t) for t in TERM_BANDS))
    type_over(qtbot, form.lines["down_bands"], ", ".join(DOWN_BANDS))
    assert form.sheet.rowCount() == 2 and form.sheet.columnCount() == 4
    for row, grade in enumerate(RATES):
        for t in range(len(TERM_BANDS)):
            for d in range(len(DOWN_BANDS)):
                type_cell(qtbot, form.sheet_view, row, t * len(DOWN_BANDS) + d, RATES[grade][t][d])


def catalogue_audits(database: Database) -> list[dict]:
    with database.unit_of_work() as uow:
        return [
            e.detail
            for e in uow.session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == AuditAction.CATALOGUE_CHANGE.value)
                .order_by(AuditEntry.id)
            )
        ]


def product_count(database: Database) -> int:
    with database.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(ProductRow)) or 0


# --- the journey ---------------------------------------------------------------------------


@pytest.fixture
def shop(counter: Database) -> dict[str, Actor]:
    owner = staff.create_owner(counter, "Main Street Motors", "owner", "owner-pass-1")
    made = {"owner": owner}
    for username, role in (("zhangwei", Role.CONSULTANT), ("liqiang", Role.MANAGER)):
        view = staff.add_staff(counter, owner, username, "staff-pass-1", role)
        made[username] = staff.actor_for(counter, view.id)
    return made


def test_owner_adds_a_product_a_consultant_offers_it_deactivated_it_still_prints(
    qtbot, counter: Database, other: Database, shop: dict[str, Actor]
) -> None:
    boss = Counter(qtbot, counter, shop["owner"], "Wang Li")
    assert boss.window.catalogue_action.isVisible()
    boss.window.catalogue_action.trigger()
    boss.idle()
    dialog = boss.window.dialog
    assert isinstance(dialog, CatalogueEditorDialog)
    add_lender_in(qtbot, dialog, boss.idle)
    assert dialog.view is not None and dialog.view.lender(LENDER.name).details == LENDER

    dialog.tabs.setCurrentIndex(0)
    click(qtbot, dialog.add_product_button)
    fill_product(qtbot, dialog.product_form)
    click(qtbot, dialog.save_product_button, boss.idle)
    assert "Saved" in dialog.message.text(), dialog.message.text()
    entry = next(p for p in dialog.view.products if p.name == PRODUCT.name)
    code = entry.code
    stored = catalogue.load_catalogue(counter, shop["owner"].store_id).product(code)
    assert stored == dataclasses.replace(PRODUCT, code=code)
    assert dialog.current_product() is not None and dialog.current_product().code == code

    # a consultant at another counter: the finance page offers it at the sheet's rate
    desk = Counter(qtbot, other, shop["zhangwei"], "张伟")
    customer = dataclasses.replace(FIVE[0], product=code, term=48)
    cid = desk.new_consultation(customer)
    desk.fill_reception(customer)
    q = desk.page(Step.QUALIFICATION)
    desk.fill_qualification(customer)
    grade = q.grade.text()
    desk.fill_appraisal(customer)
    p = desk.page(Step.PLAN)
    desk.choose(p.term, "48")
    desk.idle()
    offer = p.comparison.evaluation(code)
    assert offer is not None and offer.eligible, [str(r) for r in offer.reasons] if offer else ()
    down_percent = D(customer.wished_down) * 100 / D(customer.price)
    rate = expected_rate(grade, 48, down_percent)
    assert offer.annual_rate == rate
    desk.choose_plan(customer)  # picks the product's column and chooses the plan
    plan_page = desk.page(Step.PLAN)
    assert f"at {rate.normalize()}% a year" in plan_page.schedule_summary.text()

    # the owner takes it off the catalogue: gone from new plans ...
    dialog.products_table.selectRow(dialog.product_model.row_of(code))
    assert dialog.toggle_product_button.text() == "Deactivate"
    click(qtbot, dialog.toggle_product_button, boss.idle)
    assert not dialog.view.product(code).active
    assert code not in [
        x.code for x in catalogue.load_catalogue(other, shop["owner"].store_id).products
    ]
    again = desk.show(Step.PLAN)
    desk.idle()
    assert again.comparison.column_of(code) == -1
    assert again.comparison.column_of("bank_mortgage") >= 0
    # ... while the saved plan is still there and still prints as it was
    items = [again.saved_list.item(i).text() for i in range(again.saved_list.count())]
    assert len(items) == 1 and items[0].startswith("[chosen]"), items
    from reports.pdf.saved import make_document

    def unspaced(text: str) -> str:
        return "".join(text.split())  # pdftotext's text has no blanks

    english = pdftotext(make_document(other, shop["zhangwei"], cid, "quote", "en"))
    assert unspaced(PRODUCT.name) in english and unspaced(LENDER.name) in english
    chinese = pdftotext(make_document(other, shop["zhangwei"], cid, "disclosure", "zh_CN"))
    assert PRODUCT.name_zh in chinese and LENDER.name_zh in chinese and "95599" in chinese
    desk.close()
    dialog.reject()
    boss.close()


# --- the dialog alone ----------------------------------------------------------------------


def make_dialog(qtbot, database, actor, runner) -> CatalogueEditorDialog:
    ctx = AppContext(database, actor, runner, "en", DEFAULT_SETTINGS, "Hengtong", "Wang Li")
    d = CatalogueEditorDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def error_of(form: Any, key: str) -> str:
    label = form.errors[key]
    return "" if label.isHidden() else label.text()


def test_an_invalid_product_shows_its_reasons_and_saves_nothing(
    qtbot, database, owner, runner
) -> None:
    catalogue_admin.save_lender(database, owner, LENDER)
    d = make_dialog(qtbot, database, owner, runner)
    before = product_count(database), catalogue_audits(database)
    click(qtbot, d.add_product_button)
    form = d.product_form
    type_over(qtbot, form.lines["name"], "Half-done loan")
    # a reason shows as soon as the field is left
    form.tabs.setCurrentIndex(2)
    type_over(qtbot, form.lines["max_financing_ratio_percent"], "150")
    assert error_of(form, "max_financing_ratio_percent") == (
        "'150' is out of range: give a number from 1 to 100."
    )
    form.tabs.setCurrentIndex(4)
    type_over(qtbot, form.lines["apr_min_percent"], "9")
    type_over(qtbot, form.lines["apr_max_percent"], "8")
    type_cell(qtbot, form.sheet_view, 0, 0, "4,8O")  # a letter O
    form.tabs.setCurrentIndex(1)
    tick(qtbot, form.method_boxes[PRODUCT.methods[0]], False)
    click(qtbot, d.save_product_button)
    assert error_of(form, "name_zh") == "Enter the product's name in Chinese."
    assert error_of(form, "example_lenders") == "Choose at least one lender."
    assert error_of(form, "methods") == "Choose at least one repayment method."
    assert error_of(form, "max_financing_ratio_percent").startswith("'150' is out of range")
    assert error_of(form, "rate_sheet") == (
        "Grade A, up to 36 months, from 0% down: '4,8O' is not a number."
    )
    assert "Nothing was saved" in d.message.text()
    assert form.tabs.currentIndex() == 0  # the first field to correct is shown
    # the cell that cannot be read is marked in the sheet itself
    cell = form.sheet.index(0, 0)
    assert form.sheet.data(cell, Qt.ItemDataRole.ToolTipRole) == "'4,8O' is not a number."
    assert (product_count(database), catalogue_audits(database)) == before

    # corrected field by field, the min/max rule is the last one standing
    form.tabs.setCurrentIndex(0)
    type_over(qtbot, form.lines["name_zh"], "半成品贷")
    tick_lender(qtbot, form, LENDER.name)
    form.tabs.setCurrentIndex(1)
    tick(qtbot, form.method_boxes[PRODUCT.methods[0]])
    form.tabs.setCurrentIndex(2)
    type_over(qtbot, form.lines["max_financing_ratio_percent"], "80")
    form.tabs.setCurrentIndex(4)
    for column in range(form.sheet.columnCount()):
        for row in range(form.sheet.rowCount()):
            type_cell(qtbot, form.sheet_view, row, column, "8.50")
    click(qtbot, d.save_product_button)
    assert error_of(form, "apr_min_percent") == "The lowest value (9) is above the highest (8)."
    assert error_of(form, "name_zh") == ""
    assert (product_count(database), catalogue_audits(database)) == before
    type_over(qtbot, form.lines["apr_min_percent"], "4")
    click(qtbot, d.save_product_button)
    assert error_of(form, "rate_sheet") == (
        "The rate 8.5% for grade A is outside the APR range 4-8%."
    )
    type_over(qtbot, form.lines["apr_max_percent"], "9")
    click(qtbot, d.save_product_button)
    assert "Saved" in d.message.text(), d.message.text()
    assert product_count(database) == before[0] + 1
    saved = catalogue.load_catalogue(database, owner.store_id).product("half_done_loan")
    assert saved.rate_sheet == () and {g.annual_rate for g in saved.grades} == {D("8.50")}


def test_editing_a_cell_of_a_seeded_product(qtbot, database, owner, runner) -> None:
    d = make_dialog(qtbot, database, owner, runner)
    d.products_table.selectRow(d.product_model.row_of("bank_mortgage"))
    form = d.product_form
    assert form.lines["name"].text() == "Bank mortgage loan"
    assert form.sheet.data(form.sheet.index(0, 0)) == "4.80"
    form.tabs.setCurrentIndex(4)
    type_cell(qtbot, form.sheet_view, 0, 0, "4.95")
    d._save_shortcut()  # Ctrl+S
    assert "Saved" in d.message.text()
    assert catalogue.load_catalogue(database, owner.store_id).product("bank_mortgage").grades[
        0
    ].annual_rate == D("4.95")
    *_, last = catalogue_audits(database)
    assert last["code"] == "bank_mortgage"
    assert last["changes"] == [
        {
            "key": "grades",
            "before": [
                {
                    "grade": "A",
                    "annual_rate": "4.80",
                    "approval_likelihood_min_percent": "95",
                    "approval_likelihood_max_percent": "99",
                    "monthly_fee_rate_percent": None,
                }
            ],
            "after": [
                {
                    "grade": "A",
                    "annual_rate": "4.95",
                    "approval_likelihood_min_percent": "95",
                    "approval_likelihood_max_percent": "99",
                    "monthly_fee_rate_percent": None,
                }
            ],
        }
    ]


def test_a_lender_with_bad_fields_shows_reasons(qtbot, database, owner, runner) -> None:
    d = make_dialog(qtbot, database, owner, runner)
    d.tabs.setCurrentIndex(1)
    lenders_before = len(d.view.lenders)
    click(qtbot, d.add_lender_button)
    f = d.lender_form
    type_over(qtbot, f.name, "WeBank (example)")
    type_over(qtbot, f.service_phone, "call us")
    click(qtbot, d.save_lender_button)
    assert (
        f.errors["name"].text() == "Another lender of the store is already called "
        "'WeBank (example)'."
    )
    assert f.errors["name_zh"].text() == "Enter the lender's name in Chinese."
    assert f.errors["service_phone"].text().startswith("A service phone is digits")
    assert len(catalogue_admin.load_catalogue_view(database, owner).lenders) == lenders_before


def test_a_manager_reads_and_cannot_change(qtbot, database, owner, runner) -> None:
    manager = staff.actor_for(
        database, staff.add_staff(database, owner, "liqiang", "staff-pass-1", Role.MANAGER).id
    )
    d = make_dialog(qtbot, database, manager, runner)
    form = d.product_form
    assert form.lines["name"].text() == "Bank mortgage loan"
    for button in (
        d.add_product_button,
        d.copy_button,
        d.toggle_product_button,
        d.save_product_button,
        d.add_lender_button,
        d.save_lender_button,
    ):
        assert not button.isVisible()
    assert form.lines["name"].isReadOnly() and not form.method_boxes[PRODUCT.methods[0]].isEnabled()
    cell = form.sheet.index(0, 0)
    assert not form.sheet.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert not form.sheet.setData(cell, "1.00")
    assert (
        not form.grades_model.flags(form.grades_model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    )
    assert d.lender_form.name.isReadOnly()
    d._save_shortcut()
    d._new_shortcut()
    assert catalogue_audits(database) == []
    assert "Only the owner" in " ".join(w.text() for w in d.findChildren(type(d.message)))


def test_the_menu_entry_by_role(qtbot, database, owner, runner) -> None:
    from desktop.main_window import MainWindow
    from desktop.preferences import Preferences

    for role, visible in ((Role.OWNER, True), (Role.MANAGER, True), (Role.CONSULTANT, False)):
        actor = (
            owner
            if role is Role.OWNER
            else staff.actor_for(
                database,
                staff.add_staff(database, owner, f"user_{role.value}", "staff-pass-1", role).id,
            )
        )
        ctx = AppContext(database, actor, runner, "en", DEFAULT_SETTINGS, "Hengtong", "x")
        window = MainWindow(ctx, Preferences())
        qtbot.addWidget(window)
        assert window.catalogue_action.isVisible() is visible
        window.close_for_rebuild()


def test_copy_then_offer(qtbot, database, owner, runner) -> None:
    d = make_dialog(qtbot, database, owner, runner)
    d.products_table.selectRow(d.product_model.row_of("finance_company"))
    click(qtbot, d.copy_button)
    entry = d.current_product()
    assert entry is not None and entry.code == "finance_company_loan_copy"
    assert not entry.active and d.product_form.lines["name"].text() == "Finance-company loan (copy)"
    d.product_form.tabs.setCurrentIndex(0)
    tick(qtbot, d.product_form.active)
    type_over(qtbot, d.product_form.lines["name"], "Finance-company loan, 2027 rates")
    click(qtbot, d.save_product_button)
    offered = catalogue.load_catalogue(database, owner.store_id).product(entry.code)
    assert offered.active and offered.name == "Finance-company loan, 2027 rates"
    assert d.products_table.currentIndex() != QModelIndex()


# --- screenshots, for people to look at ----------------------------------------------------


def test_screenshots(qtbot, language, database, owner, runner, screenshot) -> None:
    catalogue_admin.save_lender(database, owner, LENDER)
    catalogue_admin.save_product(database, owner, PRODUCT)
    ctx = AppContext(database, owner, runner, language, DEFAULT_SETTINGS, "恒通二手车", "王力")
    d = CatalogueEditorDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    code = next(p.code for p in d.view.products if p.name == PRODUCT.name)
    d.products_table.selectRow(d.product_model.row_of(code))
    form = d.product_form
    assert form.lines["name"].text() == PRODUCT.name
    assert form.sheet.columnCount() == 4 and form.sheet.rowCount() == 2
    for index in range(form.tabs.count()):
        form.tabs.setCurrentIndex(index)
        screenshot(d, f"owner_catalogue_{index + 1}")
    # an invalid product: the reasons under the fields
    d.add_product()
    type_over(qtbot, form.lines["name"], "Test")
    form.tabs.setCurrentIndex(4)
    type_over(qtbot, form.lines["apr_max_percent"], "30")
    type_cell(qtbot, form.sheet_view, 0, 0, "abc")
    click(qtbot, d.save_product_button)
    assert not form.errors["name_zh"].isHidden()
    form.tabs.setCurrentIndex(4)
    assert not form.errors["apr_max_percent"].isHidden()
    assert not form.errors["rate_sheet"].isHidden()
    screenshot(d, "owner_catalogue_reasons")
    click(qtbot, d.revert_button)  # let the unsaved edits go (closing would ask)
    assert not d.product_dirty
    d.tabs.setCurrentIndex(1)
    d.lenders_table.selectRow(d.lender_model.row_of(d.view.lender(LENDER.name).id))
    assert d.lender_form.name_zh.text() == LENDER.name_zh
    screenshot(d, "owner_catalogue_lenders")


def test_unsaved_edits_are_not_lost_without_asking(
    qtbot, database, owner, runner, questions
) -> None:
    from PySide6.QtWidgets import QMessageBox

    d = make_dialog(qtbot, database, owner, runner)
    d.products_table.selectRow(d.product_model.row_of("bank_mortgage"))
    form = d.product_form
    type_over(qtbot, form.lines["name"], "Bank loan, new name")
    d.products_table.selectRow(d.product_model.row_of("finance_company"))
    assert questions == ["The changes to Bank mortgage loan are not saved. Discard them?"]
    # Cancel: the edits stay, and so does the row they belong to
    assert form.lines["name"].text() == "Bank loan, new name"
    assert d.current_product().code == "bank_mortgage"
    questions.answer = QMessageBox.StandardButton.Discard
    d.products_table.selectRow(d.product_model.row_of("finance_company"))
    assert form.lines["name"].text() == "Finance-company loan" and not d.product_dirty
    assert (
        catalogue.load_catalogue(database, owner.store_id).product("bank_mortgage").name
        == "Bank mortgage loan"
    )

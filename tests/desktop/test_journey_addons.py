"""Journey (issue 13, add-ons): the owner adds two add-ons in Tools > Add-ons… - a GPS
tracker the balloon product's lender requires and a tyre cover that may be financed - and a
consultant at another counter offers them on the finance page.

Driven through the real :class:`~desktop.main_window.MainWindow` windows with the threaded
runner (``tests/desktop/journey.py``): the required add-on is ticked and kept, financing
the optional one adds exactly its price to the loan, the printed quote (``pdftotext``)
names both in the reader's language from the plan's snapshot (a later rename in the
catalogue does not change it), and the next customer starts with nothing of it ticked.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from db import Database
from db.models.enums import Role, Step
from db.services import addons_admin, staff
from db.services import consultations as cs
from db.services import settings as settings_service
from db.services.base import Actor
from desktop.addon_editor import AddOnDialog
from lending.addons import PriceRule, add_on_to_data
from lending.money import format_cny
from reports.pdf.saved import make_document
from tests.deal_product import CODE, add_balloon_product
from tests.desktop.journey import FIVE, Counter, install_watch
from tests.desktop.test_addon_editor import cell, choose_in, type_chinese, type_into

LENDER = "Volkswagen Finance (China)"  # the balloon product's lender
BUYER = replace(FIVE[0], name="刘洋", phone="13612340077", product=CODE, term=36, seq=77)
NEXT = replace(FIVE[4], name="何静", phone="13612340078", seq=78)


@pytest.fixture
def owner(counter: Database) -> Actor:
    owner = staff.create_owner(counter, "Main Street Motors", "owner", "owner-pass-1")
    add_balloon_product(counter, owner)
    settings_service.confirm_catalogue(counter, owner)
    return owner


@pytest.fixture
def consultant(counter: Database, owner: Actor) -> Actor:
    view = staff.add_staff(
        counter, owner, "zhangwei", "staff-pass-1", Role.CONSULTANT, display_name="张伟"
    )
    return staff.actor_for(counter, view.id)


def pdftotext(pdf: bytes) -> str:
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    return re.sub(r"\s+", " ", text)


def add_row(
    qtbot, d: AddOnDialog, *, code: str, name_zh: str, name: str, kind: str, amount: str
) -> int:
    """A new add-on as the owner types it: Chinese name first (the editor opens it), then
    the English name, kind, a fixed price and the code."""
    qtbot.mouseClick(d.add_button, Qt.MouseButton.LeftButton)
    row = len(d.model.rows) - 1
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_chinese(editor, name_zh)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    type_into(qtbot, d, row, "name", name)
    choose_in(qtbot, d, row, "kind", kind)
    # the closed combo box goes before the next one opens (choose_in finds the editor)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    choose_in(qtbot, d, row, "rule", PriceRule.FIXED.value)
    type_into(qtbot, d, row, "amount", amount)
    d.table.setCurrentIndex(cell(d, row, "name_zh"))
    d.code.clear()
    qtbot.keyClicks(d.code, code)
    return row


def owner_adds_the_add_ons(qtbot, counter: Database, owner: Actor) -> None:
    desk = Counter(qtbot, counter, owner, "店主")
    desk.window.add_ons_action.trigger()
    d = desk.window.dialog
    assert isinstance(d, AddOnDialog)
    desk.idle()  # the catalogue loads on the worker
    qtbot.waitExposed(d)
    d.activateWindow()
    assert d.loaded
    add_row(
        qtbot,
        d,
        code="lender_gps",
        name_zh="资金方 GPS 定位器",
        name="Lender GPS tracker",
        kind="gps",
        amount="1,800",
    )
    d.tick_lender(LENDER)  # beside the table, for the selected row
    row = add_row(
        qtbot,
        d,
        code="tyre_care",
        name_zh="轮胎轮毂保障",
        name="Tyre and rim care",
        kind="service",
        amount="2,400",
    )
    d.model.setData(
        cell(d, row, "financeable"), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert d.problem_lines() == []
    desk.click(d.save_button)
    assert d.message.text().startswith("Saved"), d.message.text()
    d.close()
    desk.close()


def test_required_and_financed_add_ons_on_paper(
    qtbot, monkeypatch, counter: Database, owner: Actor, consultant: Actor
) -> None:
    owner_adds_the_add_ons(qtbot, counter, owner)
    watch = install_watch(monkeypatch)
    desk = Counter(qtbot, counter, consultant, "张伟")
    cid = desk.new_consultation(BUYER)
    desk.fill_reception(BUYER)
    desk.fill_qualification(BUYER)
    desk.fill_appraisal(BUYER)
    p = desk.page(Step.PLAN)
    desk.idle()
    p._column_clicked(p.comparison.column_of(CODE))
    desk.idle()
    p.tabs.setCurrentWidget(p.addons)
    gps, tyres = p.addons.row("lender_gps"), p.addons.row("tyre_care")
    # both listed; the tracker required by the product's lender: ticked, not untickable
    assert gps.tick.text() == "Lender GPS tracker" and tyres.tick.text() == "Tyre and rim care"
    assert gps.tick.isChecked() and gps.tick.font().bold()
    qtbot.mouseClick(gps.tick, Qt.MouseButton.LeftButton, pos=QPoint(8, gps.tick.height() // 2))
    assert gps.tick.isChecked()  # a click does not untick it
    assert f"Required by {LENDER} for this loan" in gps.note.text()
    assert not tyres.tick.isChecked() and tyres.tick.isEnabled()
    e = p.selected_evaluation()
    assert e.code == CODE and e.eligible, [str(r) for r in e.reasons]
    loan = e.loan_amount
    desk.tick(tyres.tick)
    desk.idle()
    assert p.selected_evaluation().loan_amount == loan  # ticked, paid apart
    desk.tick(tyres.financed)
    desk.idle()
    assert p.selected_evaluation().loan_amount - loan == Decimal("2400.00")
    desk.click(p.choose_button)
    [plan] = cs.list_plans(counter, consultant, cid)
    assert plan.chosen and plan.amount == loan + 2400
    assert [(a.code, a.required) for a in plan.add_ons] == [
        ("lender_gps", True),
        ("tyre_care", False),
    ]

    # the quote as the consultant opens it, in English
    dialog = p.documents_button.open_document("quote")
    qtbot.waitUntil(lambda: dialog.pdf_bytes("quote") is not None, timeout=30000)
    english = pdftotext(dialog.pdf_bytes("quote"))
    dialog.close()
    assert "Lender GPS tracker" in english and "Tyre and rim care" in english
    assert "资金方" not in english and "轮胎" not in english
    assert format_cny(Decimal(2400)) in english
    # the owner renames them later: the paper keeps the names the offer was made with
    items = [add_on_to_data(r.add_on) for r in addons_admin.list_add_ons(counter, owner)]
    for item in items:
        if item["code"] == "tyre_care":
            item["name_zh"], item["name"] = "轮胎保障（新）", "Tyre cover (new)"
    addons_admin.save_add_ons(counter, owner, items)
    chinese = pdftotext(make_document(counter, consultant, cid, "quote", "zh_CN"))
    assert "资金方 GPS 定位器" in chinese and "轮胎轮毂保障" in chinese
    assert "Tyre" not in chinese and "Lender GPS" not in chinese and "（新）" not in chinese
    disclosure = pdftotext(make_document(counter, consultant, cid, "disclosure", "zh_CN"))
    assert "资金方 GPS 定位器" in disclosure and "轮胎轮毂保障" in disclosure

    # the next customer: nothing of the last one's add-ons is ticked
    desk.next_step()
    second = desk.new_consultation(NEXT)
    assert second != cid
    desk.fill_reception(NEXT)
    desk.fill_qualification(NEXT)
    desk.fill_appraisal(NEXT)
    p = desk.page(Step.PLAN)
    desk.idle()
    tyres = p.addons.row("tyre_care")
    assert tyres.tick.text() == "Tyre cover (new)"  # the catalogue of today
    assert not tyres.tick.isChecked() and not tyres.financed.isChecked()
    selected = p.selected_evaluation()
    assert selected.code != CODE  # the first eligible product: another lender
    assert not p.addons.row("lender_gps").tick.isChecked()
    p._column_clicked(p.comparison.column_of(CODE))
    desk.idle()
    assert p.addons.row("lender_gps").tick.isChecked()  # this lender requires it
    assert not tyres.tick.isChecked()
    assert watch.notices == [] and watch.boxes == []
    desk.close()

"""Add-ons… and Copy the set-up… (issue 13 items 2 and 6), driven through the real dialogs:
edits in place, reasons beside the cells, nothing saved on a problem, a manager reads,
export and import through the same service as the command line; screenshots in both
languages."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from db import open_database
from db.models.enums import AuditAction, Role
from db.services import addons_admin, audit, catalogue, staff
from db.services import settings as settings_service
from desktop.addon_editor import COLUMNS, AddOnDialog
from desktop.catalogue_transfer import CatalogueTransferDialog
from desktop.context import AppContext
from desktop.i18n import Translators
from desktop.main_window import MainWindow
from desktop.preferences import Preferences
from lending.addons import PriceRule
from lending.settings import DEFAULT_SETTINGS


def make_ctx(database, actor, runner, language="en") -> AppContext:
    return AppContext(database, actor, runner, language, DEFAULT_SETTINGS, "Hengtong", "Wang Li")


@pytest.fixture
def dialog(qtbot, database, owner, runner) -> AddOnDialog:
    d = AddOnDialog(make_ctx(database, owner, runner))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def cell(d: AddOnDialog, row: int, field: str):
    return d.model.index(row, COLUMNS.index(field))


def type_into(qtbot, d: AddOnDialog, row: int, field: str, text: str) -> None:
    """Edit a cell in place as a person does: F2, select all, type, Enter."""
    index = cell(d, row, field)
    d.table.setCurrentIndex(index)
    d.table.setFocus()
    qtbot.keyClick(d.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call


def type_chinese(editor: QLineEdit, text: str) -> None:
    """Chinese arrives as an input method's commit (QTest types ASCII keys only)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(editor, event)


def choose_in(qtbot, d: AddOnDialog, row: int, field: str, code: str) -> None:
    index = cell(d, row, field)
    d.table.setCurrentIndex(index)
    d.table.edit(index)
    combo = d.table.findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findData(code))
    qtbot.keyClick(combo, Qt.Key.Key_Return)  # the delegate commits and closes the editor
    QApplication.processEvents()  # ... through a queued call
    assert d.model.rows[row][field] == code
    assert d.table.state() != d.table.State.EditingState


def test_the_owner_edits_in_place_and_saves_audited(qtbot, dialog, database, owner) -> None:
    d = dialog
    assert d.model.rows[0]["code"] == "compulsory_insurance"
    assert d.model.data(cell(d, 0, "kind")) == "Compulsory insurance"
    assert d.model.data(cell(d, 0, "amount")) == "950 / 1,100"
    assert d.model.data(cell(d, 0, "amount"), Qt.ItemDataRole.ToolTipRole) == (
        "As in the store settings' on-road costs: 950 CNY for a car with fewer than 6 seats, "
        "1,100 CNY from 6 seats."
    )
    d.table.setCurrentIndex(cell(d, 0, "name"))
    assert d.code.text() == "compulsory_insurance" and d.code.isReadOnly()  # saved: fixed
    choose_in(qtbot, d, 1, "rule", PriceRule.FIXED.value)
    assert "amount" in d.problem_lines()[0].lower() or "price" in d.problem_lines()[0].lower()
    type_into(qtbot, d, 1, "amount", "4,800.50")
    d.table.setCurrentIndex(cell(d, 1, "name_zh"))
    d.tick_lender("China Merchants Bank")
    assert d.model.data(cell(d, 1, "required_by")) == "China Merchants Bank"
    assert d.problem_lines() == []
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    assert "Saved" in d.message.text()
    saved = addons_admin.list_add_ons(database, owner)[1].add_on
    assert (saved.rule, saved.amount, saved.required_by) == (
        PriceRule.FIXED,
        Decimal("4800.50"),
        ("China Merchants Bank",),
    )
    [entry] = audit.list_entries(database, owner, action=AuditAction.CATALOGUE_CHANGE)
    assert entry.detail["changes"][0]["before"]["rule"] == "quoted"


def test_a_new_add_on_with_problems_shows_them_and_saves_nothing(
    qtbot, dialog, database, owner
) -> None:
    d = dialog
    before = addons_admin.list_add_ons(database, owner)
    qtbot.mouseClick(d.add_button, Qt.MouseButton.LeftButton)
    row = len(d.model.rows) - 1
    editor = QApplication.focusWidget()  # the Chinese name opens for typing at once
    assert isinstance(editor, QLineEdit)
    type_chinese(editor, "零首付 轮胎险")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    choose_in(qtbot, d, row, "rule", PriceRule.PERCENT_OF_PRICE.value)
    type_into(qtbot, d, row, "amount", "150")
    lines = d.problem_lines()
    assert any(
        line.startswith(f"Row {row + 1}, Chinese name:") and "零首付" in line for line in lines
    ), lines
    assert any(line.startswith(f"Row {row + 1}, English name:") for line in lines), lines
    assert any(line.startswith(f"Row {row + 1}, Price (CNY) or %:") for line in lines), lines
    assert d.model.data(cell(d, row, "amount"), Qt.ItemDataRole.ToolTipRole)  # beside the cell
    assert d.model.data(cell(d, row, "amount"), Qt.ItemDataRole.BackgroundRole) is not None
    qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    assert d.message.text() == "Nothing was saved: correct the cells marked in red."
    assert addons_admin.list_add_ons(database, owner) == before
    d.problem_list.itemClicked.emit(d.problem_list.item(0))  # a click goes to the cell
    assert d.table.currentIndex().row() == row
    d.code.clear()
    qtbot.keyClicks(d.code, "Tyre 1")  # a new row's code is typed beside the table
    assert any(line.startswith(f"Row {row + 1}, Code:") for line in d.problem_lines()), (
        d.problem_lines(),
        d.code.text(),
        d.code.isReadOnly(),
        d.current_row(),
        row,
    )
    qtbot.mouseClick(d.remove_button, Qt.MouseButton.LeftButton)  # a new row may go
    assert len(d.model.rows) == len(before) and d.problem_lines() == []


def test_a_saved_add_on_is_deactivated_not_removed(qtbot, dialog, database, owner) -> None:
    d = dialog
    d.table.setCurrentIndex(cell(d, 2, "name"))
    assert not d.remove_button.isEnabled()
    d.model.setData(
        cell(d, 2, "active"), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    d.save()
    rows = addons_admin.list_add_ons(database, owner)
    assert not rows[2].add_on.active and len(rows) == len(d.model.rows)


def test_the_service_refusal_lands_on_the_cell(qtbot, dialog, database, owner) -> None:
    """A lender deleted meanwhile: the service refuses; the reason shows on its row."""
    d = dialog
    d.table.setCurrentIndex(cell(d, 1, "name"))
    d.tick_lender("China Construction Bank")
    d.model.lenders = [*d.model.lenders, "Gone Bank"]
    d.model.rows[1]["required_by"] = ["Gone Bank"]
    d.model.check()
    assert d.problem_lines() == []  # still a lender as far as the dialog knew
    d.save()
    assert d.problem_lines()[0].startswith("Row 2, Required by:")
    assert "Nothing was saved" in d.message.text()
    assert addons_admin.list_add_ons(database, owner)[1].add_on.required_by == ()


def test_a_manager_reads_but_cannot_change(qtbot, database, owner, runner) -> None:
    view = staff.add_staff(database, owner, "mia", "counter88", Role.MANAGER)
    d = AddOnDialog(make_ctx(database, staff.actor_for(database, view.id), runner))
    qtbot.addWidget(d)
    assert d.model.rows and not d.save_button.isVisible() and not d.add_button.isVisible()
    assert not d.model.flags(cell(d, 1, "name")) & Qt.ItemFlag.ItemIsEditable
    assert not d.model.setData(cell(d, 1, "name"), "x")
    assert d.note.text() == "Only the owner can change the add-ons; you can read them here."
    d.table.setCurrentIndex(cell(d, 1, "name"))
    assert d.code.isReadOnly() and not d.lender_model.item(0).isCheckable()


def test_the_tools_menu_offers_both_to_whom_it_should(qtbot, database, owner, runner) -> None:
    window = MainWindow(make_ctx(database, owner, runner), Preferences())
    qtbot.addWidget(window)
    assert window.add_ons_action.isVisible() and window.transfer_action.isVisible()
    window.add_ons_action.trigger()
    assert isinstance(window.dialog, AddOnDialog)
    window.dialog.reject()
    window.transfer_action.trigger()
    assert isinstance(window.dialog, CatalogueTransferDialog)
    window.dialog.reject()
    for role, add_ons, transfer in ((Role.MANAGER, True, False), (Role.CONSULTANT, False, False)):
        view = staff.add_staff(database, owner, f"u{role.value}", "counter88", role)
        w = MainWindow(
            make_ctx(database, staff.actor_for(database, view.id), runner), Preferences()
        )
        qtbot.addWidget(w)
        assert w.add_ons_action.isVisible() is add_ons, role
        assert w.transfer_action.isVisible() is transfer, role


# --- copy the set-up -------------------------------------------------------------------


def test_export_then_import_into_a_fresh_store(qtbot, database, owner, runner, tmp_path) -> None:
    spec = dict(
        next(r for r in catalogue.list_products(database, owner) if r.code == "bank_mortgage").spec
    )
    spec["apr_max_percent"] = "6.40"
    catalogue.save_product(database, owner, spec)
    settings_service.save_store_settings(
        database, owner, {"lending.lpr_1y_percent": Decimal("3.15")}
    )
    d = CatalogueTransferDialog(make_ctx(database, owner, runner))
    qtbot.addWidget(d)
    d.export_to(tmp_path / "main.json")
    assert d.message.text().startswith(f"Written to {tmp_path / 'main.json'}: 10 lenders")
    other = open_database(tmp_path / "other.sqlite3", key=tmp_path / "other.key")
    try:
        boss = staff.create_owner(other, "Pudong", "boss", "counter2026")
        ctx = make_ctx(other, boss, runner)
        t = CatalogueTransferDialog(ctx)
        qtbot.addWidget(t)
        t.choose(tmp_path / "main.json")
        assert t.profile.isEnabled()
        qtbot.mouseClick(t.import_button, Qt.MouseButton.LeftButton)
        assert "Imported main.json." in t.message.text(), t.message.text()
        assert "Products: 0 added, 1 changed, 0 deactivated." in t.message.text()
        assert catalogue.load_catalogue(other, boss.store_id) == catalogue.load_catalogue(
            database, owner.store_id
        )
        assert ctx.settings.lpr_1y_percent == Decimal("3.15")  # used from now on
    finally:
        other.close()


def test_a_bad_file_lists_every_problem_and_changes_nothing(
    qtbot, database, owner, runner, tmp_path
) -> None:
    d = CatalogueTransferDialog(make_ctx(database, owner, runner))
    qtbot.addWidget(d)
    d.export_to(tmp_path / "main.json")
    doc = json.loads((tmp_path / "main.json").read_text("utf-8"))
    doc["catalogue"]["products"][1]["apr_min_percent"] = "-2"
    doc["catalogue"]["add_ons"][0]["code"] = "BAD CODE"
    doc["settings"]["lending.max_dti_percent"] = "500"
    (tmp_path / "bad.json").write_text(json.dumps(doc), "utf-8")
    before = catalogue.load_catalogue(database, owner.store_id)
    d.choose(tmp_path / "bad.json")
    d.start_import()
    assert d.problem_lines() == [
        "Car loans, row 2, APR from (%): Enter at least 0, not -2.",
        "Store settings, Debt-to-income limit: Enter a value from 1 to 100.",
        "Add-ons, row 1, Code: Use 1 to 40 lower-case letters, digits and _, starting with "
        "a letter.",
    ]
    assert d.message.text().startswith("The file was not imported: 3 problem(s)")
    assert catalogue.load_catalogue(database, owner.store_id) == before
    notes = tmp_path / "notes.json"
    notes.write_text("mine", "utf-8")
    d.export_to(notes)
    assert "not a catalogue export" in d.message.text() and notes.read_text("utf-8") == "mine"


# --- screenshots, both languages ------------------------------------------------------


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    translators = Translators(qapp)
    translators.install(request.param)
    yield request.param
    translators.install("en")


def test_screenshots(qtbot, language, database, owner, runner, screenshot, tmp_path) -> None:
    ctx = make_ctx(database, owner, runner, language)
    d = AddOnDialog(ctx)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.table.setCurrentIndex(cell(d, 1, "name_zh"))
    d.tick_lender("Industrial and Commercial Bank of China")
    d.model.setData(cell(d, 1, "rule"), PriceRule.FIXED.value)
    d.model.setData(cell(d, 1, "amount"), "4800")
    screenshot(d, "owner_add_ons")
    d.model.setData(cell(d, 4, "rule"), PriceRule.PERCENT_OF_PRICE.value)
    d.model.setData(cell(d, 4, "amount"), "abc")
    d.model.setData(cell(d, 3, "name_zh"), "免息保险")
    d.save()
    assert len(d.problem_lines()) == 2
    screenshot(d, "owner_add_ons_problems")
    t = CatalogueTransferDialog(ctx)
    qtbot.addWidget(t)
    t.show()
    qtbot.waitExposed(t)
    t.export_to(tmp_path / "set-up.json")
    doc = json.loads((tmp_path / "set-up.json").read_text("utf-8"))
    doc["catalogue"]["products"][0]["apr_min_percent"] = "-1"
    doc["settings"]["lending.cooling_off_hours"] = "-3"
    (tmp_path / "bad.json").write_text(json.dumps(doc), "utf-8")
    t.choose(tmp_path / "bad.json")
    t.start_import()
    assert len(t.problem_lines()) == 2
    screenshot(t, "owner_copy_set_up")

"""The owner's "Store settings…" dialog, driven through its real widgets.

Each test types into the dialog's fields and presses Save, then checks the
database through the services (and the audit log) - never the widgets alone.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit
from sqlalchemy import select

from db.models import AuditEntry
from db.models.enums import AuditAction, Role
from db.services import settings as settings_service
from db.services import staff
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.preferences import Preferences
from desktop.store_settings import StoreSettingsDialog
from lending.settings import DEFAULT_SETTINGS

STORE = "Hengtong Used Cars"


def make_ctx(database, actor, runner) -> AppContext:
    return AppContext(database, actor, runner, "en", DEFAULT_SETTINGS, STORE, "Wang Li")


@pytest.fixture
def dialog(qtbot, database, owner, runner) -> StoreSettingsDialog:
    d = StoreSettingsDialog(make_ctx(database, owner, runner))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def edit(dialog: StoreSettingsDialog, key: str) -> QLineEdit:
    widget = dialog.fields[key].focus
    assert isinstance(widget, QLineEdit)
    return widget


def type_into(qtbot, dialog: StoreSettingsDialog, key: str, text: str) -> None:
    """Select the field's text, type over it, leave the field (as a person would)."""
    line = edit(dialog, key)
    dialog.tabs.setCurrentIndex(dialog.editor.tab_of[key])
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    line.editingFinished.emit()


def settings_audits(database) -> list:
    with database.unit_of_work() as uow:
        return [
            e.detail
            for e in uow.session.scalars(
                select(AuditEntry).where(AuditEntry.action == AuditAction.SETTINGS_CHANGE.value)
            )
        ]


def error_text(dialog: StoreSettingsDialog, key: str) -> str:
    label = dialog.fields[key].error
    return "" if label.isHidden() else label.text()


def test_the_dialog_shows_every_stored_value(dialog, database, owner) -> None:
    assert edit(dialog, "store.name").text() == STORE
    assert edit(dialog, "lending.max_dti_percent").text() == "50"
    assert edit(dialog, "lending.quote_valid_days").text() == "7"
    assert edit(dialog, "onroad.gps_fee").text() == "1,000"  # thousands grouped as on paper
    assert dialog.editor.bands_model.rowCount() == 6
    assert dialog.editor.nev_model.rowCount() == 3
    assert "零首付" in dialog.editor.words_model.stringList()
    assert dialog.save_button.isVisible() and dialog.save_button.isEnabled()


def test_an_invalid_value_shows_its_reason_beside_the_field_and_saves_nothing(
    qtbot, dialog, database, owner
) -> None:
    type_into(qtbot, dialog, "lending.max_dti_percent", "500")
    # the reason is there as soon as the field is left, before Save
    assert error_text(dialog, "lending.max_dti_percent") == "Enter a value from 1 to 100."
    type_into(qtbot, dialog, "lending.lpr_1y_percent", "3.1O")  # a letter O, not a zero
    type_into(qtbot, dialog, "onroad.gps_fee", "1288")  # fine on its own
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error_text(dialog, "lending.lpr_1y_percent") == "Enter a number, e.g. 3.45."
    assert error_text(dialog, "lending.max_dti_percent") == "Enter a value from 1 to 100."
    assert "Nothing was saved" in dialog.message.text()
    # nothing at all reached the database, not even the good value
    loaded = settings_service.load_store_settings(database, owner.store_id)
    assert loaded.lending == DEFAULT_SETTINGS and loaded.on_road.gps_fee == 1000
    assert settings_audits(database) == []
    # the tab with the first problem is shown
    assert dialog.tabs.currentIndex() == dialog.editor.tab_of["lending.lpr_1y_percent"]


def test_a_rule_between_two_fields_is_shown_on_the_one_to_correct(
    qtbot, dialog, database, owner
) -> None:
    type_into(qtbot, dialog, "lending.min_customer_age", "65")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error_text(dialog, "lending.min_customer_age") == (
        "The lower limit cannot be above the upper limit (60)."
    )
    assert settings_audits(database) == []


def test_a_valid_change_is_saved_audited_and_used_from_now_on(
    qtbot, dialog, database, owner
) -> None:
    type_into(qtbot, dialog, "lending.lpr_1y_percent", "3.10")
    type_into(qtbot, dialog, "lending.quote_valid_days", "10")
    type_into(qtbot, dialog, "app.store.licence_no", "91110105MA01ABCD2X")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error_text(dialog, "lending.lpr_1y_percent") == ""
    assert "Saved 3 change(s)" in dialog.message.text()
    loaded = settings_service.load_store_settings(database, owner.store_id)
    assert loaded.lending.lpr_1y_percent == Decimal("3.10")
    assert loaded.lending.quote_valid_days == 10
    assert loaded.profile.licence_no == "91110105MA01ABCD2X"
    [detail] = settings_audits(database)
    assert {c["key"]: (c["before"], c["after"]) for c in detail["changes"]} == {
        "lending.lpr_1y_percent": ("3.00", "3.10"),
        "lending.quote_valid_days": (7, 10),
        "store.licence_no": ("", "91110105MA01ABCD2X"),
    }
    # the open session works with the new values (new plans use them)
    assert dialog.ctx.settings.lpr_1y_percent == Decimal("3.10")


def test_tables_words_logo_and_lines_are_saved(qtbot, dialog, database, owner) -> None:
    model = dialog.editor.bands_model
    model.setData(model.index(0, 1), "200")
    words = dialog.editor.words_model
    words.setStringList([*words.stringList(), "保证通过"])
    dialog.fields["onroad.financed_lines"].show(("gps", "purchase_tax"))
    png = io.BytesIO()
    Image.new("RGB", (90, 30), "navy").save(png, format="PNG")
    dialog.editor.set_logo(png.getvalue())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    loaded = settings_service.load_store_settings(database, owner.store_id)
    assert loaded.on_road.vessel_tax_bands[0] == (Decimal("1.0"), Decimal(200))
    assert loaded.on_road.financed_lines == ("purchase_tax", "gps")
    assert "保证通过" in loaded.lending.forbidden_words
    assert loaded.profile.logo == png.getvalue()
    # a table cell that is not a number: its reason under the table, nothing saved
    model.setData(model.index(1, 0), "one point six")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error_text(dialog, "onroad.vessel_tax_bands") == "Enter a number, e.g. 3.45."
    assert len(settings_audits(database)) == 1


def test_the_catalogue_is_confirmed_in_the_dialog(qtbot, dialog, database, owner) -> None:
    box = dialog.fields["app.catalogue.confirmed"].focus
    assert isinstance(box, QCheckBox) and not box.isChecked()
    box.click()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert settings_service.catalogue_confirmed(database, owner.store_id) is True
    [detail] = settings_audits(database)
    assert detail["changes"] == [{"key": "catalogue.confirmed", "before": False, "after": True}]


def test_a_manager_reads_but_cannot_change(qtbot, database, owner, runner) -> None:
    view = staff.add_staff(database, owner, "boss", "counter88", Role.MANAGER)
    manager = staff.actor_for(database, view.id)
    d = StoreSettingsDialog(make_ctx(database, manager, runner))
    qtbot.addWidget(d)
    d.show()
    assert edit(d, "lending.max_dti_percent").text() == "50"
    assert edit(d, "lending.max_dti_percent").isReadOnly()
    assert not d.save_button.isVisible()
    assert not d.fields["app.catalogue.confirmed"].focus.isEnabled()
    assert not d.editor.bands_model.setData(d.editor.bands_model.index(0, 1), "1")
    d.save()  # even when called: nothing is sent
    assert settings_audits(database) == []


def test_the_tools_menu_opens_it_for_owner_and_manager_only(
    qtbot, database, owner, runner, tmp_path
) -> None:
    prefs = Preferences()
    window = MainWindow(make_ctx(database, owner, runner), prefs)
    qtbot.addWidget(window)
    assert window.store_settings_action.isVisible()
    window.store_settings_action.trigger()
    assert isinstance(window.dialog, StoreSettingsDialog)
    type_into(qtbot, window.dialog, "store.name", "Hengtong Chaoyang")
    window.dialog.save()
    window.dialog.reject()
    assert window.dialog is None
    assert "Hengtong Chaoyang" in window.windowTitle()
    view = staff.add_staff(database, owner, "sales", "counter88", Role.CONSULTANT)
    seller = MainWindow(make_ctx(database, staff.actor_for(database, view.id), runner), prefs)
    qtbot.addWidget(seller)
    assert not seller.store_settings_action.isVisible()

"""Screenshots of the owner's dialogs in English and Chinese, for people to look at.

Store settings (every tab, one with a reason under a field), the blacklist
(with entries, an import report, the Add and Lift forms) and each step of the
guided start, saved to ``artifacts/screenshots/<lang>/owner_*.png``.  The
assertions are about state, never pixels.
"""

from __future__ import annotations

import pytest

from db import open_database
from db.models.enums import BlacklistReason
from db.services import blacklist, staff
from desktop.blacklist import BlacklistDialog
from desktop.context import AppContext
from desktop.guided_start import GuidedStartDialog
from desktop.i18n import Translators
from desktop.store_settings import StoreSettingsDialog
from lending.settings import DEFAULT_SETTINGS
from tests.db.conftest import ID_NUMBER, PHONE, valid_ids

STORE = "恒通二手车朝阳店"


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    translators = Translators(qapp)
    translators.install(request.param)
    yield request.param
    translators.install("en")


def ctx_for(database, actor, runner, language) -> AppContext:
    return AppContext(database, actor, runner, language, DEFAULT_SETTINGS, STORE, "王力")


def test_store_settings_screenshots(qtbot, language, database, owner, runner, screenshot):
    d = StoreSettingsDialog(ctx_for(database, owner, runner, language))
    qtbot.addWidget(d)
    d.show()
    d.fields["lending.max_dti_percent"].focus.setText("500")
    d.editor.check_field("lending.max_dti_percent")
    assert not d.fields["lending.max_dti_percent"].error.isHidden()
    for index in range(d.tabs.count()):
        d.tabs.setCurrentIndex(index)
        screenshot(d, f"owner_settings_{index + 1}")


def test_blacklist_screenshots(qtbot, language, database, owner, runner, screenshot, tmp_path):
    blacklist.add_entry(
        database,
        owner,
        id_number=ID_NUMBER,
        reason=BlacklistReason.FAKE_DOCUMENTS,
        note="伪造银行流水",
    )
    blacklist.add_entry(database, owner, phone=PHONE, reason=BlacklistReason.SERIOUS_DEFAULT)
    d = BlacklistDialog(ctx_for(database, owner, runner, language))
    qtbot.addWidget(d)
    d.show()
    path = tmp_path / "industry.csv"
    path.write_text(
        "身份证号,原因\n" + "\n".join(f"{n},fraud" for n in valid_ids(120)) + "\n12345,fraud\n",
        "utf-8",
    )
    d.start_import(path)
    assert d.page is not None and d.page.total == 122
    screenshot(d, "owner_blacklist")
    d.add_button.click()
    d.form.phone.setText("1381234")
    d.form.ok_button.click()
    screenshot(d.form, "owner_blacklist_add")
    d.form.reject()
    d.table.selectRow(d.model.rowCount() - 1)
    d.lift_button.click()
    d.form.ok_button.click()
    screenshot(d.form, "owner_blacklist_lift")
    d.form.reject()


def test_guided_start_screenshots(qtbot, language, tmp_path, runner, screenshot):
    database = open_database(tmp_path / "g.sqlite3", key=tmp_path / "keys" / "loandesk.key")
    try:
        owner = staff.create_owner(database, STORE, "owner", "counter2026")
        g = GuidedStartDialog(ctx_for(database, owner, runner, language))
        qtbot.addWidget(g)
        g.show()
        g.editor.fields["app.store.phone"].focus.setText("call us")
        g.next()
        screenshot(g, "owner_start_1_profile")
        g.editor.fields["app.store.phone"].focus.setText("010-6478 0000")
        g.next()
        assert g.step == g.CATALOGUE
        screenshot(g, "owner_start_2_catalogue")
        g.next()
        screenshot(g, "owner_start_3_key")
        g.next()
        screenshot(g, "owner_start_4_staff")
        g.reject()
    finally:
        database.close()

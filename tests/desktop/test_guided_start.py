"""The guided start after the first-run setup: store profile -> catalogue -> key copy -> staff.

Driven through the real dialog; each step is checked in the database (settings, audit
log, staff), the key copy is opened again with its passphrase, and confirming the
catalogue removes the "sample data" watermark from a quote printed afterwards.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from db import open_database
from db.crypto import import_key, read_key_file
from db.models import AuditEntry
from db.models.enums import AuditAction, Role
from db.services import consultations as cs
from db.services import settings as settings_service
from db.services import staff
from desktop.app import Application, make_application
from desktop.context import AppContext
from desktop.guided_start import GuidedStartDialog
from desktop.staff_dialogs import AddStaffDialog
from lending.settings import DEFAULT_SETTINGS
from reports.pdf import snapshot
from reports.pdf.saved import make_document
from tests.reports.test_pdf_cli import _consultation


@pytest.fixture
def keyed(tmp_path):
    """A database whose key is a file (as on a real counter), and its owner."""
    key_file = tmp_path / "keys" / "loandesk.key"
    database = open_database(tmp_path / "store.sqlite3", key=key_file)
    owner = staff.create_owner(database, "Hengtong Used Cars", "owner", "counter2026")
    yield database, owner, key_file
    database.close()


def make_guide(qtbot, database, owner, runner) -> GuidedStartDialog:
    ctx = AppContext(database, owner, runner, "en", DEFAULT_SETTINGS, "Hengtong Used Cars")
    guide = GuidedStartDialog(ctx)
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    return guide


def line(guide: GuidedStartDialog, key: str):
    return guide.editor.fields[key].focus


def audits(database) -> list[dict]:
    with database.unit_of_work() as uow:
        return [
            e.detail
            for e in uow.session.scalars(
                select(AuditEntry)
                .where(AuditEntry.action == AuditAction.SETTINGS_CHANGE.value)
                .order_by(AuditEntry.id)
            )
        ]


def pdftotext(pdf: bytes) -> str:
    tool = shutil.which("pdftotext")
    assert tool is not None, "poppler-utils (pdftotext) is needed"
    done = subprocess.run([tool, "-", "-"], input=pdf, capture_output=True, check=True, timeout=60)
    return re.sub(r"\s+", "", done.stdout.decode("utf-8"))


def test_the_four_steps_in_order(qtbot, keyed, runner, tmp_path) -> None:
    database, owner, key_file = keyed
    guide = make_guide(qtbot, database, owner, runner)
    assert guide.step == guide.PROFILE and not guide.back_button.isEnabled()

    # 1. the store profile: a bad phone stays on the step with its reason, nothing saved
    line(guide, "app.store.address").setText("北京市朝阳区望京街 8 号")
    qtbot.keyClicks(line(guide, "app.store.phone"), "call us")
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert guide.step == guide.PROFILE
    assert guide.editor.fields["app.store.phone"].error.text() == (
        "Only digits, spaces and + - ( ) in a phone number."
    )
    assert settings_service.get_store(database, owner.store_id).address == ""
    line(guide, "app.store.phone").setText("010-6478 0000")
    qtbot.keyClicks(line(guide, "app.store.licence_no"), "91110105MA01ABCD2X")
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert guide.step == guide.CATALOGUE
    store = settings_service.get_store(database, owner.store_id)
    assert (store.address, store.phone, store.licence_no) == (
        "北京市朝阳区望京街 8 号",
        "010-6478 0000",
        "91110105MA01ABCD2X",
    )

    # 2. the catalogue: listed, then confirmed (audited)
    assert guide.catalogue_model.rowCount() >= 3
    names = [
        guide.catalogue_model.item(r, 0).text() for r in range(guide.catalogue_model.rowCount())
    ]
    assert all(names)
    guide.editor.fields["app.catalogue.confirmed"].focus.click()
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert guide.step == guide.KEY
    assert settings_service.catalogue_confirmed(database, owner.store_id)
    assert audits(database)[-1]["changes"] == [
        {"key": "catalogue.confirmed", "before": False, "after": True}
    ]

    # 3. the key copy: the passphrase rules beside the fields, then the copy opens again
    assert guide.next_button.text() == "Skip for now"
    out = tmp_path / "copy.export"
    guide.key_path.setText(str(out))
    qtbot.keyClicks(guide.passphrase, "short")
    guide.export_button.click()
    assert guide.key_errors["passphrase"].text() == "The passphrase needs at least 10 characters."
    guide.passphrase.setText("correct horse 42")
    guide.passphrase_again.setText("correct horse 43")
    guide.export_button.click()
    assert guide.key_errors["again"].text() == "The two passphrases are not the same."
    assert not out.exists()
    guide.passphrase_again.setText("correct horse 42")
    guide.export_button.click()
    assert out.exists() and guide.key_written == out
    assert import_key(out.read_bytes(), "correct horse 42") == read_key_file(key_file)
    assert "fingerprint" in guide.key_done.text()
    assert guide.next_button.text() == "Next"
    # the same name again is refused, the copy stays as it was
    guide.passphrase.setText("another phrase 9")
    guide.passphrase_again.setText("another phrase 9")
    before = out.read_bytes()
    guide.export_button.click()
    assert guide.key_errors["path"].text() == "That file already exists; choose another name."
    assert out.read_bytes() == before
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)

    # 4. staff: the staff tab of "Staff and stores", then Finish
    assert guide.step == guide.STAFF and guide.next_button.text() == "Finish"
    guide.staff_tab.add_button.click()
    form = guide.staff_tab.dialog
    assert isinstance(form, AddStaffDialog)
    form.username.setText("lina")
    form.display_name.setText("Li Na")
    form.role.setCurrentIndex(form.role.findData(Role.CONSULTANT.value))
    form.password.setText("counter88")
    form.confirm.setText("counter88")
    form.ok_button.click()
    assert "lina" in [v.username for v in staff.list_staff(database, owner)]
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert guide.result() == GuidedStartDialog.DialogCode.Accepted


def test_confirming_the_catalogue_removes_the_watermark_from_a_new_quote(
    qtbot, keyed, runner
) -> None:
    database, owner, _ = keyed
    cid, _, _ = _consultation(database, owner)
    form = cs.PlanForm(
        product_code="finance_company",
        method="equal_installment",
        term_months=24,
        down_payment="50000",
        start_date=date(2026, 12, 1),
    )
    before_plan = snapshot.save_plan(database, owner, cid, form)
    before = pdftotext(
        make_document(database, owner, cid, "quote", "zh_CN", plan_id=before_plan.id)
    )
    assert "样例数据" in before and "notanoffer" not in before  # Chinese paper: Chinese only
    guide = make_guide(qtbot, database, owner, runner)
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)  # profile unchanged
    assert guide.step == guide.CATALOGUE
    guide.editor.fields["app.catalogue.confirmed"].focus.click()
    qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    after_plan = snapshot.save_plan(database, owner, cid, form)
    after = pdftotext(make_document(database, owner, cid, "quote", "zh_CN", plan_id=after_plan.id))
    assert "样例数据" not in after and "notanoffer" not in after
    assert "HengtongUsedCars" in after
    # a plan made on the unconfirmed catalogue keeps its mark (its snapshot is as shown)
    again = pdftotext(make_document(database, owner, cid, "plan", "zh_CN", plan_id=before_plan.id))
    assert "样例数据" in again


def test_leaving_the_catalogue_unconfirmed_keeps_the_watermark(qtbot, keyed, runner) -> None:
    database, owner, _ = keyed
    guide = make_guide(qtbot, database, owner, runner)
    for _ in range(2):
        qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert guide.step == guide.KEY
    assert settings_service.catalogue_confirmed(database, owner.store_id) is False
    assert audits(database) == []  # nothing changed, nothing recorded
    guide.later_button.click()
    assert guide.result() == GuidedStartDialog.DialogCode.Rejected


def test_the_first_run_opens_the_guided_start(qtbot, tmp_path, runner) -> None:
    from tests.desktop.test_login import _drive

    ctl = Application(make_application(), url=str(tmp_path / "first.sqlite3"), runner=runner)

    def setup(d):
        d.store_name.setText("Hengtong Used Cars")
        d.username.setText("boss")
        d.password.setText("boss2026a")
        d.confirm.setText("boss2026a")
        d.ok_button.click()

    pending = _drive(ctl, [setup])
    assert ctl.start()
    assert not pending
    assert isinstance(ctl.window.dialog, GuidedStartDialog)
    assert ctl.window.guided_start_action.isVisible()
    ctl.window.dialog.reject()
    ctl.shutdown()

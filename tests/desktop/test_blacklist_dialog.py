"""The Blacklist… dialog: list and search, add, lift with a reason, import with progress
and Cancel; codes never reach the screen."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from db.models import AuditEntry
from db.models.enums import AuditAction, BlacklistReason, BlacklistSource, Role
from db.services import blacklist, staff
from desktop.blacklist import AddEntryDialog, BlacklistDialog, LiftDialog
from desktop.context import AppContext
from desktop.main_window import MainWindow
from desktop.pages.texts import tr_reason
from desktop.preferences import Preferences
from desktop.tasks import TaskRunner
from lending.settings import DEFAULT_SETTINGS
from tests.db.conftest import ID_NUMBER, PHONE
from tests.db.conftest import valid_ids as ids

CODES = ("internal", "industry", "fraud", "serious_default", "fake_documents", "industry_list")


def make_ctx(database, actor, runner, language="en") -> AppContext:
    return AppContext(database, actor, runner, language, DEFAULT_SETTINGS, "Hengtong", "Wang Li")


@pytest.fixture
def dialog(qtbot, database, owner, runner) -> BlacklistDialog:
    d = BlacklistDialog(make_ctx(database, owner, runner))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def shown_rows(d: BlacklistDialog) -> list[list[str]]:
    m = d.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def csv_file(tmp_path, numbers: list[str], name: str = "list.csv"):
    path = tmp_path / name
    path.write_text("身份证号,原因\n" + "\n".join(f"{n},fraud" for n in numbers), "utf-8")
    return path


def test_entries_are_listed_in_words_never_codes(qtbot, database, owner, runner, language) -> None:
    blacklist.add_entry(
        database, owner, id_number=ID_NUMBER, reason=BlacklistReason.FAKE_DOCUMENTS, note="假流水"
    )
    blacklist.import_industry_csv(database, owner, f"手机号\n{PHONE}\n")
    d = BlacklistDialog(make_ctx(database, owner, runner, language))
    qtbot.addWidget(d)
    rows = shown_rows(d)
    assert len(rows) == 2
    text = " ".join(" ".join(r) for r in rows)
    assert not any(code in text.split() for code in CODES)
    if language == "zh_CN":
        assert any(r[:2] == ["行业黑名单", "行业名单"] for r in rows)
        assert any(r[:2] == ["内部黑名单", "虚假材料"] for r in rows)
    else:
        assert any(r[:2] == ["Internal blacklist", "Fake documents"] for r in rows)
    assert d.count.text() in ("2 entries", "共 2 条")


def test_a_hit_reads_in_the_users_language(database, owner, language) -> None:
    blacklist.add_entry(database, owner, phone=PHONE, reason=BlacklistReason.SERIOUS_DEFAULT)
    [hit] = blacklist.check(database, owner, phone=PHONE)
    text = tr_reason(blacklist.hit_reason(hit))
    assert "serious_default" not in text
    if language == "zh_CN":
        assert "内部黑名单" in text and "严重违约" in text and "internal" not in text
    else:
        assert "on the internal blacklist (serious default)" in text


def test_search_by_number_and_by_note(qtbot, dialog, database, owner) -> None:
    blacklist.add_entry(database, owner, id_number=ID_NUMBER, note="forged payslip")
    blacklist.add_entry(database, owner, phone=PHONE)
    dialog.refresh()
    assert len(shown_rows(dialog)) == 2
    qtbot.keyClicks(dialog.search, PHONE)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert [r[3] for r in shown_rows(dialog)] == ["138****5678"]
    dialog.search.setText("payslip")
    dialog.refresh()
    assert [r[2] for r in shown_rows(dialog)] == ["110105********002X"]


def test_add_shows_the_reason_beside_the_field_then_adds(qtbot, dialog, database, owner) -> None:
    dialog.add_button.click()
    form = dialog.form
    assert isinstance(form, AddEntryDialog)
    form.phone.setText("1381234")
    form.ok_button.click()
    assert form.errors["phone"].text() and not form.errors["phone"].isHidden()
    assert blacklist.search_entries(database, owner).total == 0
    form.phone.setText(PHONE)
    form.reason.setCurrentIndex(form.reason.findData("fake_documents"))
    form.note.setText("fake bank statements")
    form.ok_button.click()
    assert dialog.form is None
    [entry] = blacklist.search_entries(database, owner).rows
    assert (entry.reason, entry.note) == (BlacklistReason.FAKE_DOCUMENTS, "fake bank statements")
    assert shown_rows(dialog)[0][1] == "Fake documents"


def test_lift_needs_a_reason_and_is_audited(qtbot, dialog, database, owner) -> None:
    blacklist.add_entry(database, owner, id_number=ID_NUMBER)
    dialog.refresh()
    dialog.table.selectRow(0)
    dialog.lift_button.click()
    form = dialog.form
    assert isinstance(form, LiftDialog)
    form.ok_button.click()
    assert form.error.text() == "Say why the entry is lifted."
    assert blacklist.check(database, owner, id_number=ID_NUMBER)
    qtbot.keyClicks(form.reason, "Identity theft confirmed by the police")
    form.ok_button.click()
    assert blacklist.check(database, owner, id_number=ID_NUMBER) == []
    assert shown_rows(dialog) == []
    with database.unit_of_work() as uow:
        details = [
            e.detail
            for e in uow.session.scalars(
                select(AuditEntry).where(AuditEntry.action == AuditAction.BLACKLIST_CHANGE.value)
            )
        ]
    assert details[-1]["reason"] == "Identity theft confirmed by the police"
    assert details[-1]["event"] == "lifted"


def test_import_an_excel_file_reports_what_it_did(qtbot, dialog, database, owner, tmp_path) -> None:
    book = Workbook()
    for row in (
        ["id_number", "phone", "reason"],
        [ID_NUMBER, None, "严重违约"],
        [None, PHONE, None],
        ["12345", None, None],
    ):
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    path = tmp_path / "industry.xlsx"
    path.write_bytes(data.getvalue())
    dialog.start_import(path)
    assert "Imported 2 entries" in dialog.message.text()
    assert "line 4" in dialog.message.text()
    assert not dialog.progress.isVisible() and dialog.import_button.isEnabled()
    assert blacklist.search_entries(database, owner, source=BlacklistSource.INDUSTRY).total == 2


def test_import_shows_progress_and_cancel_keeps_the_earlier_list(
    qtbot, database, owner, tmp_path
) -> None:
    blacklist.import_industry_csv(database, owner, "id_number\n" + "\n".join(ids(50, "310104")))
    runner = TaskRunner()
    try:
        d = BlacklistDialog(make_ctx(database, owner, runner))
        qtbot.addWidget(d)
        d.show()
        qtbot.waitUntil(lambda: d.page is not None, timeout=5000)
        seen: list[int] = []
        d.progress.valueChanged.connect(seen.append)
        d.start_import(csv_file(tmp_path, ids(40_000)))
        assert d.progress.isVisible() and d.cancel_button.isVisible()
        assert not d.import_button.isEnabled()
        qtbot.waitUntil(lambda: d.progress.maximum() > 0 and d.progress.value() > 0, timeout=30_000)
        qtbot.mouseClick(d.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: d.handle is None, timeout=30_000)
        assert "cancelled" in d.message.text()
        assert seen and seen == sorted(seen)
        qtbot.waitUntil(lambda: d.page is not None and d.page.total == 50, timeout=5000)
        assert blacklist.search_entries(database, owner).total == 50
        assert blacklist.check(database, owner, id_number=ids(50, "310104")[0])
    finally:
        runner.shutdown()


def test_the_tools_menu_offers_it_to_manager_and_owner_only(qtbot, database, owner, runner) -> None:
    window = MainWindow(make_ctx(database, owner, runner), Preferences())
    qtbot.addWidget(window)
    window.blacklist_action.trigger()
    assert isinstance(window.dialog, BlacklistDialog)
    window.dialog.reject()
    for role, shown in ((Role.MANAGER, True), (Role.FINANCE, False), (Role.CONSULTANT, False)):
        view = staff.add_staff(database, owner, f"u{role.value}", "counter88", role)
        w = MainWindow(
            make_ctx(database, staff.actor_for(database, view.id), runner), Preferences()
        )
        qtbot.addWidget(w)
        assert w.blacklist_action.isVisible() is shown, role

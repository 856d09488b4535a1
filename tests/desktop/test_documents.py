"""The document dialog over a real consultation: preview, print, save, errors, wiring.

Every consultation is built through the ``db`` services; the figures asserted
come from ``lending`` (``consultations.plan_schedule``), read back out of the
PDF with pypdf.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageRanges, QPageSize
from PySide6.QtPrintSupport import QPrinter

import db.files as files_module
from db import Database
from db.models.enums import AuditAction, Role
from db.services import audit, customers, staff
from db.services import consultations as cs
from db.services import settings as settings_service
from db.services.base import Actor
from desktop import documents as documents_module
from desktop.context import AppContext
from desktop.documents import DOCUMENT_KINDS, DocumentDialog
from desktop.tasks import ImmediateRunner, TaskRunner
from lending.money import format_cny
from tests.desktop.pages.conftest import complete_until, install_language, save_screenshot

# -- fixtures ----------------------------------------------------------------------------


@pytest.fixture
def consultant(database: Database, owner: Actor) -> Actor:
    view = staff.add_staff(database, owner, "consultant", "staff-pass-1", Role.CONSULTANT)
    return staff.actor_for(database, view.id)


def make_ctx(database: Database, actor: Actor, language: str = "en", runner=None) -> AppContext:
    return AppContext(
        database=database,
        staff=actor,
        runner=runner or ImmediateRunner(),
        language=language,
        settings=settings_service.load_settings(database, actor.store_id),
        store_name="Hengtong Used Cars",
        display_name="consultant",
    )


@pytest.fixture
def ctx(qapp, database: Database, consultant: Actor) -> AppContext:
    return make_ctx(database, consultant)


def new_consultation(database: Database, actor: Actor, name: str = "Wang Fang") -> int:
    c = customers.create_customer(database, actor, name)
    return cs.open_consultation(database, actor, c.id).id


@pytest.fixture
def consultation(database: Database, consultant: Actor) -> int:
    """Reception, qualification, appraisal done; a 36-month plan chosen for signing."""
    cid = new_consultation(database, consultant)
    complete_until(database, consultant, cid, "signing")
    return cid


def chosen_plan(database: Database, actor: Actor, cid: int) -> cs.PlanView:
    return next(p for p in cs.list_plans(database, actor, cid) if p.chosen)


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pages_in(path_or_bytes: Path | bytes) -> int:
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    return len(PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def open_dialog(qtbot, ctx) -> Iterator:
    """``open_dialog(cid, kind, context=...)``: shown; closed before the database is."""
    opened: list[DocumentDialog] = []

    def factory(
        cid: int, kind: str = "quote", *, context: AppContext | None = None, **kwargs
    ) -> DocumentDialog:
        dialog = DocumentDialog(context or ctx, cid, kind, **kwargs)
        opened.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    yield factory
    for dialog in opened:
        dialog.close()
        dialog.deleteLater()


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


# -- preview -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", DOCUMENT_KINDS)
def test_preview_shows_the_chosen_plans_monthly_payment(
    open_dialog, database, consultant, consultation, kind
) -> None:
    plan = chosen_plan(database, consultant, consultation)
    monthly = cs.plan_schedule(database, consultant, plan.id).first_payment

    dialog = open_dialog(consultation, kind)

    assert dialog.error_text() == ""
    assert dialog.page_count() > 0
    assert dialog.stack.currentWidget() is dialog.view
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert dialog.page_label.text() == f"Page 1 of {dialog.page_count()}"
    pdf = dialog.pdf_bytes()
    assert pdf is not None and pages_in(pdf) == dialog.page_count()
    text = text_of(pdf)
    assert format_cny(monthly) in text
    assert "Wang Fang" in text
    # the ID number is masked in every document
    from tests.desktop.pages.conftest import ID_NUMBER

    assert ID_NUMBER not in text and ID_NUMBER[-4:] in text


def test_generation_runs_on_the_worker_and_switching_documents_keeps_each_one(
    qtbot, open_dialog, database, consultant, consultation
) -> None:
    runner = TaskRunner()
    try:
        context = make_ctx(database, consultant, runner=runner)
        dialog = open_dialog(consultation, "quote", context=context)
        assert dialog.busy() and dialog.page_count() == 0  # the UI thread did not wait
        assert not dialog.print_button.isEnabled()
        with qtbot.waitSignal(dialog.generated, timeout=20000) as blocker:
            pass
        assert blocker.args == ["quote"]
        quote_pages = dialog.page_count()
        assert quote_pages > 0

        with qtbot.waitSignal(dialog.generated, timeout=20000) as blocker:
            dialog.set_kind("plan")
        assert blocker.args == ["plan"] and dialog.kind == "plan"
        assert "Repayment plan" in text_of(dialog.pdf_bytes() or b"")

        # back to the quote: shown from what was made, no second job
        with qtbot.assertNotEmitted(dialog.generation_failed):
            dialog.set_kind("quote")
        assert not dialog.busy() and dialog.page_count() == quote_pages
    finally:
        runner.shutdown()


def test_closing_while_generating_drops_the_result(
    qtbot, database, consultant, consultation
) -> None:
    runner = TaskRunner()
    try:
        dialog = DocumentDialog(
            make_ctx(database, consultant, runner=runner), consultation, "disclosure"
        )
        qtbot.addWidget(dialog)
        dialog.show()
        with qtbot.assertNotEmitted(dialog.generated, wait=300):
            dialog.close()
            assert runner.wait(20000)
        assert dialog.pdf_bytes() is None
    finally:
        runner.shutdown()


def test_chinese_documents_in_the_chinese_app(
    open_dialog, database, consultant, consultation
) -> None:
    context = make_ctx(database, consultant, "zh_CN")
    dialog = open_dialog(consultation, "plan", context=context)
    assert dialog.page_count() > 0
    assert "还款计划" in text_of(dialog.pdf_bytes() or b"")


def test_zoom_and_fit_width(open_dialog, consultation) -> None:
    from PySide6.QtPdfWidgets import QPdfView

    dialog = open_dialog(consultation, "plan")
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    dialog.zoom_in()
    bigger = dialog.view.zoomFactor()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    dialog.zoom_out()
    assert dialog.view.zoomFactor() < bigger
    dialog.fit_width()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


# -- errors in plain words -----------------------------------------------------------------


def test_no_plan_yet_is_said_in_plain_words(open_dialog, database, consultant) -> None:
    cid = new_consultation(database, consultant, "Li Qiang")
    dialog = open_dialog(cid, "disclosure")
    assert dialog.page_count() == 0
    assert "no finance plan yet" in dialog.error_text()
    assert dialog.status_text.text() == dialog.error_text()
    assert dialog.stack.currentWidget() is not dialog.view
    assert "Traceback" not in dialog.error_text()
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.print_document() is False and dialog.save_as() is False


def test_forbidden_wording_is_refused_with_the_words(
    open_dialog, database, consultant, consultation
) -> None:
    plan = chosen_plan(database, consultant, consultation)
    bad = cs.save_plan(
        database,
        consultant,
        consultation,
        cs.PlanForm(
            product_code=plan.product_code,
            method=plan.method.value,
            term_months=plan.term_months,
            down_payment=plan.down_payment,
            add_ons=(cs.AddOnInput("service", "零首付 大礼包", "100"),),
        ),
    )
    cs.choose_plan(database, consultant, bad.id)
    dialog = open_dialog(consultation, "quote")
    assert dialog.page_count() == 0
    assert "零首付" in dialog.error_text()
    assert "wording" in dialog.error_text()
    assert not dialog.save_button.isEnabled()


def test_an_unexpected_failure_is_one_sentence(open_dialog, consultation, monkeypatch) -> None:
    import reports.pdf.saved as saved

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    real = saved.make_document
    monkeypatch.setattr(saved, "make_document", broken)
    dialog = open_dialog(consultation, "quote")
    assert dialog.error_text().startswith("The document could not be made (disk on fire)")
    assert dialog.retry_button.isVisible()
    monkeypatch.setattr(saved, "make_document", real)
    dialog.retry_button.click()
    assert dialog.error_text() == "" and dialog.page_count() > 0
    assert not dialog.retry_button.isVisible()


def test_a_refusal_offers_no_retry(open_dialog, database, consultant) -> None:
    dialog = open_dialog(new_consultation(database, consultant, "Li Qiang"), "quote")
    assert dialog.error_text() and not dialog.retry_button.isVisible()


# -- save as PDF ------------------------------------------------------------------------------


def test_save_writes_the_previewed_pdf(
    open_dialog, database, owner, consultation, tmp_path, monkeypatch
) -> None:
    dialog = open_dialog(consultation, "plan")
    target = tmp_path / "out" / "plan"
    target.parent.mkdir()
    monkeypatch.setattr(dialog, "ask_save_path", lambda: str(target))
    shown = dialog.pdf_bytes()
    assert shown is not None and "Reprint" not in text_of(shown)
    dialog.save_button.click()

    written = target.with_name("plan.pdf")
    assert written.read_bytes() == shown
    assert pages_in(written) == dialog.page_count()
    # given to the customer once: the preview is now the reprint, with today's date
    again = dialog.pdf_bytes()
    assert again is not None and again != shown and "Reprint" in text_of(again)
    assert list(target.parent.iterdir()) == [written]  # no temporary file left
    assert "Saved" in dialog.message.text() and dialog.message.isVisible()
    entries = audit.list_entries(database, owner, action=AuditAction.EXPORT)
    assert any(
        e.detail and e.detail.get("document") == "plan" and e.detail.get("how") == "save"
        for e in entries
    )


def test_cancelled_save_dialog_writes_nothing(
    open_dialog, consultation, tmp_path, monkeypatch
) -> None:
    dialog = open_dialog(consultation, "quote")
    monkeypatch.setattr(dialog, "ask_save_path", lambda: None)
    assert dialog.save_as() is False
    assert not dialog.message.isVisible()


def test_unwritable_folder_says_so_and_writes_nothing(
    open_dialog, consultation, tmp_path, monkeypatch
) -> None:
    dialog = open_dialog(consultation, "quote")
    folder = tmp_path / "locked"
    folder.mkdir()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files_module, "new_temp_file", refuse)
    assert dialog.save_to(folder / "quote.pdf") is False
    assert "Cannot save in" in dialog.message.text()
    assert "Permission denied" in dialog.message.text()
    assert dialog.message.isVisible()
    assert list(folder.iterdir()) == []


@pytest.mark.unprivileged
@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_read_only_folder(open_dialog, consultation, tmp_path) -> None:
    dialog = open_dialog(consultation, "quote")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert dialog.save_to(folder / "quote.pdf") is False
        assert "Cannot save in" in dialog.message.text()
    finally:
        folder.chmod(0o755)
    assert list(folder.iterdir()) == []


def test_failed_rename_leaves_nothing_half_written(
    open_dialog, consultation, tmp_path, monkeypatch
) -> None:
    dialog = open_dialog(consultation, "quote")
    target = tmp_path / "docs" / "quote.pdf"
    target.parent.mkdir()
    target.write_bytes(b"the old file")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(documents_module.os, "replace", fail)
    assert dialog.save_to(target) is False
    assert "No space left on device" in dialog.message.text()
    assert "Nothing was written" in dialog.message.text()
    assert target.read_bytes() == b"the old file"
    assert list(target.parent.iterdir()) == [target]


def test_missing_folder_and_folder_as_name(open_dialog, consultation, tmp_path) -> None:
    dialog = open_dialog(consultation, "quote")
    assert dialog.save_to(tmp_path / "nowhere" / "q.pdf") is False
    assert "does not exist" in dialog.message.text()
    assert not (tmp_path / "nowhere").exists()
    (tmp_path / "d.pdf").mkdir()
    assert dialog.save_to(tmp_path / "d.pdf") is False
    assert "is a folder" in dialog.message.text()


# -- printing ---------------------------------------------------------------------------------


def test_print_every_page_to_a_pdf_printer(
    open_dialog, database, owner, consultant, tmp_path
) -> None:
    cid = new_consultation(database, consultant, "Zhao Lei")
    complete_until(database, consultant, cid, "plan")
    plan = cs.save_plan(
        database,
        consultant,
        cid,
        cs.PlanForm(
            product_code="bank_mortgage",
            method="equal_installment",
            term_months=60,
            down_payment="65000",
        ),
    )
    cs.choose_plan(database, consultant, plan.id)
    dialog = open_dialog(cid, "plan")
    count = dialog.page_count()
    assert count >= 2  # 60 periods do not fit on one page

    out = tmp_path / "printed.pdf"
    assert dialog.print_to(pdf_printer(out)) == count
    assert pages_in(out) == count
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    assert "Sent 2" in dialog.message.text() or f"Sent {count}" in dialog.message.text()
    entries = audit.list_entries(database, owner, action=AuditAction.EXPORT)
    assert any(e.detail and e.detail.get("how") == "print" for e in entries)

    # a page range: only the second page
    ranged = tmp_path / "page2.pdf"
    printer = pdf_printer(ranged)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert dialog.print_to(printer) == 1
    assert pages_in(ranged) == 1

    ranges = QPageRanges()
    ranges.addRange(1, 1)
    ranges.addPage(count)
    printer = pdf_printer(tmp_path / "ends.pdf")
    printer.setPageRanges(ranges)
    assert dialog.pages_to_print(printer) == [0, count - 1]


def test_print_button_uses_the_print_dialog_seam(
    open_dialog, consultation, tmp_path, monkeypatch
) -> None:
    dialog = open_dialog(consultation, "disclosure")
    out = tmp_path / "disclosure.pdf"
    asked: list[QPrinter] = []

    def choose_pdf_printer(printer: QPrinter) -> bool:
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(dialog, "ask_printer", choose_pdf_printer)
    dialog.print_button.click()
    assert len(asked) == 1
    assert asked[0].pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert pages_in(out) == dialog.page_count()

    # Cancel in the print dialog prints nothing
    monkeypatch.setattr(dialog, "ask_printer", lambda printer: False)
    out.unlink()
    assert dialog.print_document() is False
    assert not out.exists()


# -- from the pages --------------------------------------------------------------------------


@pytest.mark.parametrize("page_name", ["plan", "signing"])
def test_documents_button_on_the_pages(qtbot, ctx, consultation, page_name) -> None:
    from desktop.pages.plan import PlanPage
    from desktop.pages.signing import SigningPage

    cls = PlanPage if page_name == "plan" else SigningPage
    page = cls(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 760)
    page.show()
    qtbot.waitExposed(page)
    page.load(consultation)
    button = page.documents_button
    assert button.isVisible()
    assert set(button.actions_by_kind) == set(DOCUMENT_KINDS)
    assert button.text() == "Customer documents"
    previous = None
    try:
        for kind in DOCUMENT_KINDS:
            button.actions_by_kind[kind].trigger()
            dialog = button.dialog
            assert dialog is not None and dialog.isVisible() and dialog.kind == kind
            assert dialog is not previous
            if previous is not None:
                assert not previous.isVisible()
            assert dialog.consultation_id == consultation
            assert dialog.page_count() > 0
            previous = dialog
        previous.close()
        assert button.dialog is None
    finally:
        if button.dialog is not None:
            button.dialog.close()


# -- screenshots (for people) ------------------------------------------------------------------


def wait_for_ink(qtbot, dialog: DocumentDialog) -> None:
    """QPdfView renders pages on its own thread: wait until text shows on the page."""

    def inked() -> bool:
        image = dialog.view.viewport().grab().toImage()
        w, h = image.width(), image.height()
        dark = sum(
            1
            for x in range(w // 10, w * 9 // 10, 7)
            for y in range(0, h // 3, 5)
            if image.pixelColor(x, y).lightness() < 100
        )
        return dark > 20

    qtbot.waitUntil(inked, timeout=10000)


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp, monkeypatch):
    monkeypatch.setenv("LOANDESK_LANG", request.param)
    translators = install_language(qapp, request.param)
    yield request.param
    translators.install("en")


def test_screenshots_in_both_languages(
    qtbot, language, open_dialog, database, consultant, consultation
) -> None:
    context = make_ctx(database, consultant, language)
    dialog = open_dialog(consultation, "quote", context=context)
    dialog.resize(880, 900)
    for kind in DOCUMENT_KINDS:
        dialog.set_kind(kind)
        assert dialog.page_count() > 0
        if language == "zh_CN":
            assert dialog.print_button.text() != "Print…"
        wait_for_ink(qtbot, dialog)
        save_screenshot(dialog, language, f"6_documents_{kind}")
    blank = new_consultation(database, consultant, "Sun Mei")
    empty = open_dialog(blank, "quote", context=context)
    empty.resize(880, 600)
    save_screenshot(empty, language, "6_documents_no_plan")


def test_unsaved_plan_edits_are_saved_before_the_documents_open(
    qtbot, ctx, database, consultant, consultation
) -> None:
    from desktop.pages.plan import PlanPage

    page = PlanPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 760)
    page.show()
    qtbot.waitExposed(page)
    page.load(consultation)
    page.term.setCurrentIndex(page.term.findData(24))
    assert page.dirty
    dialog = page.documents_button.open_document("quote")
    try:
        assert not page.dirty
        terms = {p.term_months for p in cs.list_plans(database, consultant, consultation)}
        assert 24 in terms
        assert dialog is not None and dialog.page_count() > 0
    finally:
        if dialog is not None:
            dialog.close()


def test_from_the_main_window_with_the_real_worker(
    qtbot, database, consultant, consultation, tmp_path, monkeypatch
) -> None:
    """The consultant's way: open the consultation, signing step, Customer documents."""
    from db.models.enums import Step
    from desktop.app import Application, make_application

    runner = TaskRunner()
    ctl = Application(make_application(), database=database, runner=runner)
    try:
        ctl.context = ctl.build_context(consultant)
        window = ctl.show_main(resume=False)
        window.open_consultation(consultation)
        qtbot.waitUntil(lambda: window.flow.title.text().endswith("Wang Fang"), timeout=5000)
        window.flow.show_step(Step.SIGNING)
        page = window.flow.current_page()
        qtbot.waitUntil(
            lambda: page.consultation_id == consultation and not runner.busy, timeout=5000
        )
        button = page.documents_button
        assert button.isVisible()
        button.actions_by_kind["plan"].trigger()
        dialog = button.dialog
        assert dialog is not None and dialog.isVisible() and dialog.isModal()
        qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=20000)
        plan = chosen_plan(database, consultant, consultation)
        monthly = cs.plan_schedule(database, consultant, plan.id).first_payment
        assert format_cny(monthly) in text_of(dialog.pdf_bytes() or b"")

        monkeypatch.setattr(dialog, "ask_save_path", lambda: str(tmp_path / "plan.pdf"))
        dialog.save_button.click()
        assert pages_in(tmp_path / "plan.pdf") == dialog.page_count()
        # the print is recorded, then the preview is made again as a reprint
        qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=20000)
        assert "Reprint" in text_of(dialog.pdf_bytes() or b"")

        def to_file(printer: QPrinter) -> bool:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "printed.pdf"))
            return True

        monkeypatch.setattr(dialog, "ask_printer", to_file)
        dialog.print_button.click()
        assert pages_in(tmp_path / "printed.pdf") == dialog.page_count()
        dialog.close_button.click()
        assert button.dialog is None
        qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    finally:
        ctl._drop_window()
        runner.shutdown()


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_a_printer_that_cannot_start_is_said_plainly(open_dialog, consultation, tmp_path) -> None:
    dialog = open_dialog(consultation, "quote")
    printer = pdf_printer(tmp_path / "no such folder" / "out.pdf")
    assert dialog.print_to(printer) == 0
    assert "printer could not be started" in dialog.message.text()
    assert dialog.tabs.isEnabled()
    assert not (tmp_path / "no such folder").exists()


def test_zoom_steps_from_the_fitted_width(qtbot, open_dialog, consultation) -> None:
    dialog = open_dialog(consultation, "quote")
    dialog.resize(880, 900)
    bar = dialog.view.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() == 0)  # fitted: nothing to scroll sideways
    dialog.zoom_in()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    fitted_width = dialog.view.viewport().width()
    assert bar.maximum() < fitted_width  # one step bigger, not a jump
    dialog.fit_width()
    dialog.zoom_out()
    qtbot.waitUntil(lambda: bar.maximum() == 0)


def test_the_system_print_dialog_is_set_up_for_the_document(
    open_dialog, consultation, monkeypatch
) -> None:
    seen = {}

    def fake_exec(self) -> int:
        seen["range"] = (self.minPage(), self.maxPage())
        seen["page_range"] = self.testOption(self.PrintDialogOption.PrintPageRange)
        seen["a4"] = self.printer().pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
        return 0  # Cancel

    monkeypatch.setattr(documents_module.QPrintDialog, "exec", fake_exec)
    dialog = open_dialog(consultation, "quote")
    assert dialog.print_document() is False
    assert seen == {"range": (1, dialog.page_count()), "page_range": True, "a4": True}
    assert not dialog.message.isVisible()

"""Vehicle appraisal page: VIN decode, reference kind, every adjustment from lending, the
mileage flag, the figures to confirm, the date pickers, and a manager's approval of an
override on the same screen."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QLabel

from db.models.enums import AuditAction, Role, Step, StepState
from db.services import audit, staff
from db.services import consultations as cs
from db.services.base import Actor
from desktop.datefield import DateField
from desktop.overrides import OverrideQueueDialog
from desktop.pages.appraisal import AppraisalPage
from desktop.pages.decisions import ManagerApprovalDialog
from desktop.pages.models import MaintenanceModel
from desktop.pages.plan import PlanPage
from desktop.pages.texts import tr_reason
from lending import appraisal as la
from lending.identity import generate_vin
from tests.desktop.pages.conftest import VIN, complete_until, on_next_dialog, tick

TODAY = date.today()
REG = date(TODAY.year - 3, 3, 1).isoformat()
VIN_2023 = generate_vin("LSVAB2BM" + "P" + "J123456")  # model year 2023
MANAGER_PASSWORD = "manager-pass-1"


@pytest.fixture
def manager(database, owner) -> Actor:
    view = staff.add_staff(database, owner, "manager", MANAGER_PASSWORD, Role.MANAGER)
    return staff.actor_for(database, view.id)


def type_date(qtbot, field: DateField, text: str) -> None:
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, text)


def fill_good(qtbot, page: AppraisalPage, vin: str = VIN) -> None:
    qtbot.keyClicks(page.vin, vin)
    qtbot.keyClicks(page.brand, "Volkswagen")
    qtbot.keyClicks(page.model_name, "Lavida")
    type_date(qtbot, page.first_registration, REG)
    qtbot.keyClicks(page.mileage, "45000")
    page.condition.setCurrentIndex(page.condition.findData("good"))
    page.registration.setCurrentIndex(1)
    qtbot.keyClicks(page.market_price, "150000")
    qtbot.keyClicks(page.price, "120000")


def shown_lines(page: AppraisalPage) -> list[tuple[str, str]]:
    """The value box as staff read it: (label, amount) of every visible row."""
    rows = []
    for name, value in page._lines.values():
        if name.isVisibleTo(page):
            rows.append((name.text(), value.text()))
    return rows


def test_maintenance_model_without_view(qtbot):
    model = MaintenanceModel()
    model.add_row("2024-01-10", "30000")
    model.add_row("2025-01-10", "20000")
    model.add_row("bad", "x")
    assert model.rowCount() == 3 and model.columnCount() == 3
    assert model.records() == [(date(2024, 1, 10), 30000), (date(2025, 1, 10), 20000)]
    assert set(model.problems()) == {3}
    flags = la.odometer_flags(25000, Decimal(2), model.records(), date.today())
    model.set_flags(flags)
    assert 1 in model.flagged_rows()
    assert model.data(model.index(1, MaintenanceModel.FLAG)) == "Possible tampering"
    assert model.setData(model.index(2, 0), "2025-06-01")
    model.remove_row(2)
    assert model.rowCount() == 2
    assert "YYYY" not in " ".join(model.headers())


def test_every_adjustment_is_lendings_own_line(
    qtbot, open_page, consultation, database, consultant
):
    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation)
    qtbot.keyClicks(page.vin, VIN[:10])
    assert "10 of 17" in page.vin_hint.text()
    page.vin.setText(VIN[:8] + ("0" if VIN[8] != "0" else "1") + VIN[9:])
    assert "check character" in page.error_label("vin").text()
    page.vin.clear()
    fill_good(qtbot, page)
    r = page.result
    assert r is not None and r.reference is la.ReferenceKind.USED_MARKET
    # what `python main.py appraise` prints: the reference, then lending's adjustments
    expected = la.appraise(page._input(page._read()[0], "good"), page.ctx.settings)
    assert [x.code for x in expected.adjustments] == ["mileage", "condition"]  # no age

    def signed(amount: Decimal) -> str:
        return ("+" if amount > 0 else "−" if amount < 0 else "") + f"{abs(amount):,.2f}"

    assert shown_lines(page) == [
        ("Reference price (Used-car market price (this model and year))", "150,000.00"),
        *[(tr_reason(x.reason), signed(x.amount)) for x in expected.adjustments],
        ("Computed value", f"{expected.computed_value:,.2f}"),
    ]
    # 45,000 km in over 3 years is below the typical 20,000 a year: value added, said why
    assert re.match(
        r"[\d,]+ km below the typical [\d,]+ km for the age, 6% per 20,000 km$",
        page._lines["mileage"][0].text(),
    )
    assert page._lines["mileage"][1].text().startswith("+")
    assert page._lines["condition"][1].text() == "0.00"  # "good" is the reference's own
    # the same car against the new-car guide price: age comes off as well, said so
    page.reference_kind.setCurrentIndex(page.reference_kind.findData("new-guide"))
    assert page.result is not None and page.result.reference is la.ReferenceKind.NEW_GUIDE
    age = page._lines["age"][0]
    assert age.isVisibleTo(page) and "new-car guide price" in age.text()
    assert page._lines["age"][1].text().startswith("−")
    assert page.result.computed_value < r.computed_value
    assert "its age is taken off" in page.reference_hint.text()
    # a later record with fewer km: possible tampering, shown on the row
    page.records.add_row(date(TODAY.year - 1, 1, 5).isoformat(), "60000")
    assert page.records.flagged_rows() == [0]
    assert "fewer than" in page.flags.text()  # today's 45,000 km is below the record
    tick(qtbot, page.flood)
    assert "Flood" in page.exclusions.text()


def test_vin_shows_manufacturer_and_model_year_and_checks_the_registration(
    qtbot, open_page, consultation, database, consultant, ctx
):
    page = open_page(AppraisalPage, consultation)
    qtbot.keyClicks(page.vin, VIN_2023)
    assert page.vin_hint.text() == "Valid VIN: SAIC Volkswagen, model year 2023"
    type_date(qtbot, page.first_registration, "2023-06-01")
    assert page.vin_hint.text() == "Valid VIN: SAIC Volkswagen, model year 2023"
    type_date(qtbot, page.first_registration, "2019-06-01")  # 4 years before the model year
    assert page.vin_hint.text().splitlines() == [
        "Valid VIN: SAIC Volkswagen, model year 2023",
        "The VIN says model year 2023, but the car was first registered in 2019; check the "
        "VIN and the registration certificate.",
    ]
    unknown = generate_vin("LZZAB2BM" + "R" + "J123456")
    page.vin.setText(unknown)
    assert "manufacturer code LZZ not in the table" in page.vin_hint.text()
    # in Chinese the manufacturer's Chinese name
    from dataclasses import replace

    zh = open_page(AppraisalPage, consultation, context=replace(ctx, language="zh_CN"))
    qtbot.keyClicks(zh.vin, VIN_2023)
    assert "上汽大众" in zh.vin_hint.text() and "SAIC" not in zh.vin_hint.text()


def test_mileage_implausible_for_the_age_is_flagged_next_to_the_field(
    qtbot, open_page, consultation
):
    page = open_page(AppraisalPage, consultation)
    type_date(qtbot, page.first_registration, REG)  # 3 years and some months old
    qtbot.keyClicks(page.mileage, "1500")  # about 400 km a year
    assert "less than 1,000 km a year" in page.mileage_hint.text()
    assert page.mileage_hint.isVisibleTo(page)
    page.mileage.setText("250000")  # about 70,000 km a year
    assert "more than 60,000 km a year" in page.mileage_hint.text()
    page.mileage.setText("45000")
    assert not page.mileage_hint.isVisibleTo(page)
    # with the whole car typed it stays next to the mileage, not in the flags box too
    page.mileage.setText("1500")
    qtbot.keyClicks(page.market_price, "150000")
    page.condition.setCurrentIndex(page.condition.findData("good"))
    assert page.result is not None and any(
        f.code == "odometer.too_low_for_age" for f in page.result.odometer_flags
    )
    assert "1,000 km a year" not in page.flags.text()


def test_figures_far_off_are_confirmed_before_saving(
    qtbot, open_page, consultation, database, consultant
):
    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation)
    fill_good(qtbot, page)
    assert not page.confirm_figures.isVisibleTo(page)
    page.market_price.setText("6")  # six yuan
    assert "outside the usual 5,000 to 5,000,000" in page.sanity.text()
    assert "more than 30% away" in page.sanity.text()  # the 120,000 selling price
    assert page.confirm_figures.isVisibleTo(page)
    assert page.save() is False
    assert "tick the box" in page.shown_errors()["confirm_figures"]
    assert cs.get_appraisal(database, consultant, consultation) is None
    tick(qtbot, page.confirm_figures)
    assert page.save() is True
    assert cs.get_appraisal(database, consultant, consultation).market_price == Decimal("6.00")
    # other figures to confirm: confirmed again
    page.market_price.setText("7000000")
    assert not page.confirm_figures.isChecked() and page.save() is False


# the offscreen platform cannot raise a popup or grab the keyboard for it
@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing")
def test_dates_are_typed_or_picked_from_a_calendar(qtbot, open_page, consultation):
    page = open_page(AppraisalPage, consultation)
    field = page.first_registration
    assert isinstance(field, DateField) and field.calendarPopup()
    assert field.typed_text() == "" and field.day() is None
    type_date(qtbot, field, "2023/3/1")
    assert field.day() == date(2023, 3, 1)  # read as typed ...
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == "2023-03-01"  # ... and written out in full once taken
    type_date(qtbot, field, "2022-13-01")  # no 13th month
    assert field.day() is None
    assert "not a date" in page._read()[1]["first_registration"]
    # the calendar: it opens on this month for an empty field; a click picks the day
    field.set_day(None)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(field.width() - 6, 8))
    calendar = field.calendarWidget()
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
    calendar.setSelectedDate(QDate(2021, 5, 17))
    calendar.activated.emit(QDate(2021, 5, 17))
    assert field.day() == date(2021, 5, 17)
    # a service record's date: the same field in the table
    page._add_record()
    editor = page.records_view.findChild(DateField)
    assert editor is not None and editor.calendarPopup()
    type_date(qtbot, editor, "2024-02-29")
    page.records_view.commitData(editor)
    assert page.records.data(page.records.index(0, MaintenanceModel.DATE)) == "2024-02-29"


def test_bad_input_shows_reasons_and_saves_nothing(
    qtbot, open_page, consultation, database, consultant
):
    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation)
    qtbot.keyClicks(page.vin, "LSVAB2BMXLJ12345I")
    type_date(qtbot, page.first_registration, "2022-13-01")
    qtbot.keyClicks(page.mileage, "45k")
    qtbot.keyClicks(page.market_price, "abc")
    assert page.save() is False
    shown = page.shown_errors()
    assert {"vin", "first_registration", "mileage_km", "market_price"} <= set(shown)
    assert "I, O or Q" in shown["vin"]
    # locally fine, but the service wants brand/model/condition, and an override reason
    page.vin.setText(VIN)
    type_date(qtbot, page.first_registration, REG)
    page.mileage.setText("45000")
    page.market_price.setText("150000")
    page.override_value.setText("140000")
    assert page.save() is False
    shown = page.shown_errors()
    assert {"brand", "model", "condition"} <= set(shown)
    page.brand.setText("VW")
    page.model_name.setText("Lavida")
    page.condition.setCurrentIndex(page.condition.findData("fair"))
    # live, from lending: the reason from the list and in words
    assert "Choose from the list" in page.error_label("override_reason_code").text()
    assert "written reason" in page.error_label("override_reason").text()
    assert page.save() is False
    assert "written reason" in page.shown_errors()["override_reason"]
    assert cs.get_appraisal(database, consultant, consultation) is None


def test_good_input_saves_and_an_override_within_the_limit_stands(
    qtbot, open_page, consultation, database, consultant
):
    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation)
    states: list[str] = []
    page.state_changed.connect(states.append)
    fill_good(qtbot, page)
    page.records.add_row(date(TODAY.year - 2, 3, 1).isoformat(), "15000")
    assert page.result is not None
    within = (page.result.computed_value * Decimal("1.08")).quantize(Decimal(1))
    qtbot.keyClicks(page.override_value, str(within))
    page.override_reason_code.setCurrentIndex(page.override_reason_code.findData("service_history"))
    qtbot.keyClicks(page.override_reason, "Full service history, new tyres")
    assert not page.approve_button.isVisibleTo(page)
    assert re.fullmatch(r"\+[78]\.\d\d% from the computed value", page.override_change.text())
    assert page.save() is True
    assert states[-1] == "complete"
    saved = cs.get_appraisal(database, consultant, consultation)
    assert saved is not None and saved.override_status is None
    assert saved.computed_value == page.result.computed_value and saved.value == within
    assert saved.override_reason_code == "service_history"
    assert saved.maintenance_records == ((date(TODAY.year - 2, 3, 1), 15000),)
    view = cs.get_consultation(database, consultant, consultation)
    assert view.steps[Step.APPRAISAL] is StepState.COMPLETE
    again = open_page(AppraisalPage, consultation)
    assert again.vin.text() == VIN and again.records.rowCount() == 1
    assert again.first_registration.text() == REG
    assert again.override_reason_code.currentData() == "service_history"
    assert again.result is not None and again.value == saved.value


def override_by(qtbot, page: AppraisalPage, factor: str, why: str = "Customer insists") -> Decimal:
    """Type an override of ``factor`` x the computed value, with its reasons."""
    from tests.desktop.journey import type_text

    assert page.result is not None
    high = (page.result.computed_value * Decimal(factor)).quantize(Decimal("0.01"))
    page.override_value.setText(str(high))
    page.override_reason_code.setCurrentIndex(page.override_reason_code.findData("other"))
    type_text(qtbot, page.override_reason, why)
    return high


def test_a_manager_approves_the_override_on_the_same_screen(
    qtbot, open_page, consultation, database, consultant, manager, owner
):
    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation)
    fill_good(qtbot, page)
    computed = page.result.computed_value
    high = override_by(qtbot, page, "1.52")
    assert page.override_change.text() == "+52.00% from the computed value"
    assert "a manager must approve it" in page.approval.text()
    assert page.approve_button.isVisibleTo(page)
    assert page.value == computed  # not lent on yet
    assert "is not approved" in page.final_value.text()
    assert page.save() is True  # saved, waiting
    assert cs.get_appraisal(database, consultant, consultation).override_pending

    seen: dict[str, str] = {}

    def approve(dialog) -> None:
        assert isinstance(dialog, ManagerApprovalDialog)
        assert "+52.00%" in dialog.intro.text() and "Customer insists" in dialog.intro.text()
        qtbot.keyClicks(dialog.username, "manager")
        qtbot.keyClicks(dialog.password, "wrong-password")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["wrong"] = dialog.general_error.text()  # the login service's own check
        assert dialog.isVisible() and dialog.password.text() == ""
        qtbot.keyClicks(dialog.password, MANAGER_PASSWORD)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    on_next_dialog(approve)
    assert page.request_approval() is True
    assert "Wrong user name or password. 4 attempt(s) left" in seen["wrong"]
    saved = cs.get_appraisal(database, consultant, consultation)
    assert saved.override_status is cs.OverrideStatus.APPROVED and saved.value == high
    assert saved.override_decided_by == "manager"
    assert page.approval.text().startswith("Approved by manager on ")
    assert not page.approve_button.isVisibleTo(page) and page.value == high
    [entry] = audit.list_entries(database, owner, action=AuditAction.OVERRIDE_APPROVED)
    assert entry.username == "manager" and entry.detail["after"] == str(high)
    assert not page.dirty
    # the plan page no longer says to wait
    plan = open_page(PlanPage, consultation)
    assert "manager has to approve" not in plan.prereq.text()


def test_refused_on_screen_needs_a_note_and_a_consultant_cannot_approve(
    qtbot, open_page, consultation, database, consultant, manager
):
    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation)
    fill_good(qtbot, page)
    computed = page.result.computed_value
    override_by(qtbot, page, "0.7")
    seen: dict[str, str] = {}

    def refuse(dialog) -> None:
        qtbot.keyClicks(dialog.username, "consultant")
        qtbot.keyClicks(dialog.password, "staff-pass-1")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["consultant"] = dialog.general_error.text()
        dialog.username.setText("manager")
        qtbot.keyClicks(dialog.password, MANAGER_PASSWORD)
        qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)
        seen["no note"] = dialog._errors["note"].text()
        qtbot.keyClicks(dialog.note, "No evidence for the lower value")
        qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)

    on_next_dialog(refuse)
    assert page.request_approval() is True
    assert "consultant may not approve overrides" in seen["consultant"]
    assert "Say why" in seen["no note"]
    saved = cs.get_appraisal(database, consultant, consultation)
    assert saved.override_status is cs.OverrideStatus.REFUSED and saved.value == computed
    assert "Refused by manager" in page.approval.text()
    assert "No evidence for the lower value" in page.approval.text()
    assert page.value == computed


def test_until_approved_the_plan_page_says_why(
    qtbot, open_page, consultation, database, consultant
):
    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation)
    fill_good(qtbot, page)
    override_by(qtbot, page, "1.52")
    assert page.save() is True
    plan = open_page(PlanPage, consultation)
    text = plan.prereq.text()
    assert "a manager has to approve it first" in text and "Overrides awaiting approval" in text
    assert not plan.choose_button.isEnabled()


def test_a_manager_decides_later_from_the_queue(
    qtbot, open_page, consultation, database, consultant, manager, ctx
):
    from dataclasses import replace

    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation)
    fill_good(qtbot, page)
    high = override_by(qtbot, page, "1.52")
    assert page.save() is True
    queue = OverrideQueueDialog(replace(ctx, staff=manager))
    qtbot.addWidget(queue)
    assert queue.model.rowCount() == 1
    row = [queue.model.index(0, c).data() for c in range(queue.model.columnCount())]
    assert row[0] == str(consultation) and row[4] == f"{high:,.2f}" and row[5] == "+52.00%"
    assert row[6] == "Other: Customer insists" and row[7] == "consultant"
    qtbot.mouseClick(queue.refuse_button, Qt.MouseButton.LeftButton)
    assert "Say why" in queue.message.text()  # refusing needs a note
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    assert queue.model.rowCount() == 0 and queue.empty.isVisibleTo(queue)
    assert "Approved" in queue.done_label.text()
    assert cs.get_appraisal(database, consultant, consultation).value == high


def test_screenshots_in_both_languages_without_english_on_chinese_screens(
    qtbot, language, open_page, consultation, database, consultant, manager, ctx
):  # language: en and zh_CN (tests/desktop/conftest.py)
    """The page with a pending override, a new-car reference and figures to confirm, and
    the manager's dialog - photographed; a Chinese screen shows no English word."""
    from dataclasses import replace
    from types import SimpleNamespace

    from tests.desktop.pages.conftest import save_screenshot
    from tests.desktop.test_journeys import latin_words

    lang_ctx = replace(ctx, language=language)
    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation, context=lang_ctx, size=(1180, 860))
    fill_good(qtbot, page, vin=VIN_2023)
    page.records.add_row(date(TODAY.year - 2, 3, 1).isoformat(), "15000")
    page.records.add_row(date(TODAY.year - 1, 3, 1).isoformat(), "12000")
    override_by(qtbot, page, "1.52", "客户坚持" if language == "zh_CN" else "Customer insists")
    assert page.save() is True
    # data, not the program's words: the car, the customer's and the staff's names
    own = SimpleNamespace(
        brand="Volkswagen Wang Fang consultant manager", model="Lavida", vin=VIN_2023
    )
    save_screenshot(page, language, "3_appraisal_override_pending")
    shown: dict[str, dict[str, str]] = {"pending": latin_words(page, own)}

    page.reference_kind.setCurrentIndex(page.reference_kind.findData("new-guide"))
    page.market_price.setText("6")
    page.mileage.setText("1500")
    save_screenshot(page, language, "3_appraisal_new_guide_to_confirm")
    shown["new guide"] = latin_words(page, own)
    assert page.confirm_figures.isVisibleTo(page) and page.mileage_hint.isVisibleTo(page)

    page.reference_kind.setCurrentIndex(page.reference_kind.findData("used-market"))
    page.market_price.setText("150000")
    page.mileage.setText("45000")

    def photograph(dialog) -> None:
        dialog.resize(520, dialog.sizeHint().height())
        qtbot.keyClicks(dialog.username, "manager")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no password: said so
        save_screenshot(dialog, language, "3_appraisal_manager_approval")
        shown["dialog"] = latin_words(dialog, own)
        dialog.reject()

    on_next_dialog(photograph)
    page.request_approval()
    queue = OverrideQueueDialog(replace(lang_ctx, staff=manager))
    qtbot.addWidget(queue)
    queue.resize(980, 360)
    queue.show()
    qtbot.waitExposed(queue)
    save_screenshot(queue, language, "3_appraisal_overrides_queue")
    shown["queue"] = latin_words(queue, own)
    if language == "zh_CN":
        assert {k: v for k, v in shown.items() if v} == {}
        assert "上汽大众" in page.vin_hint.text()
        assert "YYYY" not in "".join(w.text() for w in page.findChildren(QLabel))

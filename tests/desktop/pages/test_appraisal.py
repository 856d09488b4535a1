"""Vehicle appraisal: VIN check, live value and breakdown, tampering flag, override reason."""

from __future__ import annotations

from datetime import date

from db.models.enums import Step, StepState
from db.services import consultations as cs
from desktop.pages.appraisal import AppraisalPage
from desktop.pages.models import MaintenanceModel
from lending import appraisal as la
from tests.desktop.pages.conftest import VIN, complete_until, tick

REG = date(date.today().year - 3, 3, 1).isoformat()


def fill_good(qtbot, page: AppraisalPage) -> None:
    qtbot.keyClicks(page.vin, VIN)
    qtbot.keyClicks(page.brand, "Volkswagen")
    qtbot.keyClicks(page.model_name, "Lavida")
    qtbot.keyClicks(page.first_registration, REG)
    qtbot.keyClicks(page.mileage, "45000")
    page.condition.setCurrentIndex(page.condition.findData("good"))
    page.registration.setCurrentIndex(1)
    qtbot.keyClicks(page.market_price, "150000")
    qtbot.keyClicks(page.price, "120000")


def test_maintenance_model_without_view(qtbot):
    model = MaintenanceModel()
    model.add_row("2024-01-10", "30000")
    model.add_row("2025-01-10", "20000")
    model.add_row("bad", "x")
    assert model.rowCount() == 3 and model.columnCount() == 3
    assert model.records() == [(date(2024, 1, 10), 30000), (date(2025, 1, 10), 20000)]
    assert set(model.problems()) == {3}
    flags = la.odometer_flags(25000, __import__("decimal").Decimal(2), model.records(),
                              date.today())
    model.set_flags(flags)
    assert 1 in model.flagged_rows()
    assert model.data(model.index(1, MaintenanceModel.FLAG)) == "Possible tampering"
    assert model.setData(model.index(2, 0), "2025-06-01")
    model.remove_row(2)
    assert model.rowCount() == 2


def test_live_value_matches_lending_and_flags_tampering(qtbot, open_page, consultation, database,
                                                        consultant):
    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation)
    qtbot.keyClicks(page.vin, VIN[:10])
    assert "10 of 17" in page.vin_hint.text()
    page.vin.setText(VIN[:8] + ("0" if VIN[8] != "0" else "1") + VIN[9:])
    assert "check character" in page.error_label("vin").text()
    page.vin.clear()
    fill_good(qtbot, page)
    assert page.result is not None
    expected = la.appraise(page._input(page._read()[0], "good"), ctx_settings(page))
    assert page.result.computed_value == expected.computed_value
    assert page._lines["computed"][1].text() == f"{expected.computed_value:,.2f}"
    # 45,000 km is below the 20,000 km a year typical for a car over 3 years old: value
    # added, shown with a plus; "good" is the reference's own condition: nothing
    assert page._lines["mileage"][1].text().startswith("+")
    assert page._percents["mileage"].text().startswith("+")
    assert page._lines["condition"][1].text() == "0.00"
    # a later record with fewer km: possible tampering, shown on the row
    page.records.add_row(date(date.today().year - 1, 1, 5).isoformat(), "60000")
    assert page.records.flagged_rows() == [0]
    assert "fewer than" in page.flags.text()  # today's 45,000 km is below the record
    # flood: excluded
    tick(qtbot, page.flood)
    assert "Flood" in page.exclusions.text()


def ctx_settings(page):
    return page.ctx.settings


def test_bad_input_shows_reasons_and_saves_nothing(qtbot, open_page, consultation, database,
                                                   consultant):
    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation)
    qtbot.keyClicks(page.vin, "LSVAB2BMXLJ12345I")
    qtbot.keyClicks(page.first_registration, "2022-13-01")
    qtbot.keyClicks(page.mileage, "45k")
    qtbot.keyClicks(page.market_price, "abc")
    assert page.save() is False
    shown = page.shown_errors()
    assert {"vin", "first_registration", "mileage_km", "market_price"} <= set(shown)
    assert "I, O or Q" in shown["vin"]
    # locally fine, but the service wants brand/model/condition, and an override reason
    page.vin.setText(VIN)
    page.first_registration.setText(REG)
    page.mileage.setText("45000")
    page.market_price.setText("150000")
    page.override_value.setText("90000")
    assert page.save() is False
    shown = page.shown_errors()
    assert {"brand", "model", "condition"} <= set(shown)
    page.brand.setText("VW")
    page.model_name.setText("Lavida")
    page.condition.setCurrentIndex(page.condition.findData("fair"))
    assert "written reason" in page.error_label("override_reason").text()  # live, from lending
    assert page.save() is False
    assert "written reason" in page.shown_errors()["override_reason"]
    assert cs.get_appraisal(database, consultant, consultation) is None


def test_good_input_saves_and_override_needs_reason(qtbot, open_page, consultation, database,
                                                    consultant):
    complete_until(database, consultant, consultation, "appraisal")
    page = open_page(AppraisalPage, consultation)
    states: list[str] = []
    page.state_changed.connect(states.append)
    fill_good(qtbot, page)
    page.records.add_row(date(date.today().year - 2, 3, 1).isoformat(), "15000")
    qtbot.keyClicks(page.override_value, "100000")
    qtbot.keyClicks(page.override_reason, "Full service history, new tyres")
    assert page.save() is True
    assert states[-1] == "complete"
    saved = cs.get_appraisal(database, consultant, consultation)
    assert saved is not None
    assert saved.computed_value == page.result.computed_value
    assert str(saved.value) == "100000.00" and saved.override_reason.startswith("Full service")
    assert saved.maintenance_records == ((date(date.today().year - 2, 3, 1), 15000),)
    view = cs.get_consultation(database, consultant, consultation)
    assert view.steps[Step.APPRAISAL] is StepState.COMPLETE
    again = open_page(AppraisalPage, consultation)
    assert again.vin.text() == VIN and again.records.rowCount() == 1
    assert again.result is not None and again.result.value == saved.value

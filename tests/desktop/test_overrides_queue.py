"""Tools > Overrides awaiting approval: there for managers only, opens the consultation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt

from db.models.enums import Role, Step
from db.services import consultations as cs
from db.services import customers, staff
from desktop.main_window import MainWindow
from desktop.overrides import OverrideQueueDialog
from desktop.preferences import Preferences
from tests.desktop.pages.conftest import VIN, complete_until, on_next_dialog
from tests.desktop.test_main_window import make_ctx


def pending_override(database, consultant) -> int:
    c = customers.create_customer(database, consultant, "Wang Fang")
    cid = cs.open_consultation(database, consultant, c.id).id
    complete_until(database, consultant, cid, "appraisal")
    form = dict(
        brand="Volkswagen",
        model="Lavida",
        first_registration=date(2023, 3, 1),
        vin=VIN,
        mileage_km=45000,
        condition="good",
        market_price="150000",
        price="120000",
    )
    computed = cs.save_appraisal(database, consultant, cid, cs.VehicleForm(**form))
    assert computed.computed_value is not None
    high = (computed.computed_value * Decimal("1.4")).quantize(Decimal("0.01"))
    saved = cs.save_appraisal(
        database,
        consultant,
        cid,
        cs.VehicleForm(
            **form,
            override_value=high,
            override_reason="Customer insists",
            override_reason_code="other",
        ),
    )
    assert saved.override_pending
    return cid


def test_only_managers_see_the_queue_and_it_opens_the_appraisal(qtbot, database, owner, runner):
    consultant = staff.actor_for(
        database, staff.add_staff(database, owner, "lin", "lin2026xx", Role.CONSULTANT).id
    )
    manager = staff.actor_for(
        database, staff.add_staff(database, owner, "boss", "boss2026xx", Role.MANAGER).id
    )
    cid = pending_override(database, consultant)
    windows = []
    for actor in (consultant, manager):
        w = MainWindow(make_ctx(database, actor, runner), Preferences())
        windows.append(w)
        w.resize(1180, 800)
        w.show()
        qtbot.waitExposed(w)
    seen, boss = windows
    try:
        assert not seen.overrides_action.isVisible()
        assert boss.overrides_action.isVisible()
        tools = next(a.menu() for a in boss.menuBar().actions() if a.text() == "&Tools")
        assert boss.overrides_action in tools.actions()

        def open_it(dialog) -> None:
            assert isinstance(dialog, OverrideQueueDialog)
            assert dialog.model.rowCount() == 1 and dialog.selected().consultation_id == cid
            qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

        on_next_dialog(open_it)
        boss.overrides_action.trigger()
        assert boss.flow.consultation_id == cid and boss.flow.current_step is Step.APPRAISAL
        page = boss.flow.current_page()
        assert page.approve_button.isVisibleTo(page)  # the manager can decide right here

        def approve(dialog) -> None:
            qtbot.keyClicks(dialog.username, "boss")
            qtbot.keyClicks(dialog.password, "boss2026xx")
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

        on_next_dialog(approve)
        assert page.request_approval() is True  # the appraiser is still the consultant
        saved = cs.get_appraisal(database, consultant, cid)
        assert saved.override_status is cs.OverrideStatus.APPROVED
        assert saved.override_decided_by == "boss"
    finally:
        for w in windows:
            w.close_for_rebuild()
            w.deleteLater()

"""The finance page's deal panel: on-road lines, trade-in, paid today, the target payment,
a balloon plan; saved with the plan and shown again when the consultation is reopened."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from db.services import consultations as cs
from desktop.pages.plan import PlanPage
from lending.onroad import Energy, VehicleKind, on_road_costs
from tests.desktop.deal_product import CODE, add_balloon_product
from tests.desktop.pages.conftest import complete_until, save_screenshot


def open_plan(open_page, database, consultant, owner, cid, **kw) -> PlanPage:
    add_balloon_product(database, owner)
    complete_until(database, consultant, cid, "plan")
    return open_page(PlanPage, cid, size=(1180, 1400), **kw)


def test_look(qtbot, open_page, consultation, database, consultant, owner):
    page = open_plan(open_page, database, consultant, owner, consultation)
    page._column_clicked(page.comparison.column_of(CODE))
    page._set_combo(page.method, "balloon")
    save_screenshot(page, "en", "deal_probe")

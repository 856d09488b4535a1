"""Journey (issue 14): "I can pay 3,000 a month" - a customer with a trade-in that still
has 20,000 owed on it buys a new-energy car today on a balloon plan.

Driven through the real :class:`~desktop.main_window.MainWindow` with the threaded
runner (``tests/desktop/journey.py``).  The quote PDF the consultant opens from the
finance page is read back with ``pdftotext`` and its on-the-road total and paid-today
figure are checked against the deal worked out here, from DOMAIN.md's rules, not by
``lending``.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from PySide6.QtCore import QPoint, Qt

from db import Database
from db.models.enums import Role, Step
from db.services import consultations as cs
from db.services import settings as settings_service
from db.services import staff
from db.services.base import Actor
from lending.money import format_cny
from lending.schedule import add_months
from tests.deal_product import CODE, add_balloon_product
from tests.desktop.journey import FIVE, Counter, install_watch
from tests.desktop.pages.conftest import save_screenshot

PRICE = 180000
TRADE_IN, OWED = 45000, 20000
TARGET = 3000
CENT = Decimal("0.01")
# a new NEV (10 km on the clock), bought today
BUYER = replace(
    FIVE[3],
    name="陈静",
    phone="13612340006",
    wished_down=0,
    wished_monthly=TARGET,
    budget=200000,
    brand="BYD",
    model="Seal",
    age_years=0,
    mileage=10,
    condition="Excellent",
    market_price=PRICE,
    price=PRICE,
    product=CODE,
    seq=66,
)


@pytest.fixture
def consultant(counter: Database) -> Actor:
    owner = staff.create_owner(counter, "Main Street Motors", "owner", "owner-pass-1")
    add_balloon_product(counter, owner)  # the owner's catalogue offers the balloon product
    settings_service.confirm_catalogue(counter, owner)  # the real offer: no sample watermark
    view = staff.add_staff(
        counter, owner, "zhangwei", "staff-pass-1", Role.CONSULTANT, display_name="张伟"
    )
    return staff.actor_for(counter, view.id)


def pdftotext(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")


def on_road_today(price: int) -> tuple[Decimal, Decimal]:
    """(purchase tax, cash lines) for a new NEV bought today with the store's defaults:
    tax = price / 1.13 x 10 %, exempt up to 30,000 in 2024-2025, halved (at most 15,000
    off) in 2026-2027; 交强险 950 (5 seats), registration 500, GPS 1,000; no vessel tax."""
    full = Decimal(price) / Decimal("1.13") * Decimal("0.10")
    year = date.today().year
    if year in (2024, 2025):
        full -= min(full, Decimal(30000))
    elif year in (2026, 2027):
        full -= min(full / 2, Decimal(15000))
    tax = full.quantize(CENT, rounding=ROUND_HALF_UP)
    return tax, tax + 950 + 500 + 1000


def test_target_trade_in_nev_balloon_quote(
    qtbot, monkeypatch, counter: Database, consultant: Actor
) -> None:
    watch = install_watch(monkeypatch)
    desk = Counter(qtbot, counter, consultant, "张伟")
    cid = desk.new_consultation(BUYER)
    # reception: no wished down payment, "I can pay 3,000 a month"
    r = desk.page(Step.RECEPTION)
    desk.tick(r.consent)
    desk.type_into(r.id_number, BUYER.id_number)
    desk.choose(r.channel, BUYER.channel)
    desk.choose(r.intent, BUYER.intent)
    desk.type_into(r.budget, str(BUYER.budget))
    desk.type_into(r.wished_monthly, str(TARGET))
    desk.next_step()
    desk.fill_qualification(BUYER)
    desk.fill_appraisal(BUYER)

    p = desk.page(Step.PLAN)
    assert desk.flow.current_step is Step.PLAN
    desk.idle()
    panel = p.deal_panel
    assert panel.target.text() == format_cny(Decimal(TARGET))  # from reception
    assert panel.kind.currentData() == "new"  # 10 km: a new car
    desk.choose(panel.energy, "New energy")
    desk.idle()
    desk.type_into(panel.trade_value, str(TRADE_IN))
    desk.type_into(panel.trade_owed, str(OWED))
    desk.idle()
    # the balloon product, balloon method, 36 months, a 30 % balloon
    header = p.comparison_view.horizontalHeader()
    column = p.comparison.column_of(CODE)
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    desk.idle()
    desk.choose(p.method, "Balloon")
    desk.choose(p.term, "36")
    p.balloon.setFocus()
    p.balloon.setValue(30)
    desk.idle()
    # "what down payment for 3,000 a month?"
    desk.click(panel.solve_button)
    e = p.selected_evaluation()
    assert e is not None and e.code == CODE and e.eligible, [str(x) for x in e.reasons]
    down = Decimal(p.down_spin.value())
    assert e.schedule.max_regular_payment <= TARGET
    assert e.schedule.balloon == (e.loan_amount * Decimal("0.3")).quantize(CENT)
    assert format_cny(down) in panel.target_status.text()
    save_screenshot(desk.window, "en", "journey-deal-plan")
    desk.click(p.choose_button)
    [plan] = cs.list_plans(counter, consultant, cid)
    assert plan.chosen and plan.balloon == e.schedule.balloon

    # the quote, as the consultant opens it from the finance page
    dialog = p.documents_button.open_document("quote")
    qtbot.waitUntil(lambda: dialog.pdf_bytes("quote") is not None, timeout=30000)
    text = pdftotext(dialog.pdf_bytes("quote"))
    dialog.close()

    tax, cash = on_road_today(PRICE)
    on_road_total = Decimal(PRICE) + cash
    credit = Decimal(TRADE_IN - OWED)
    paid_today = down - credit + cash
    assert re.search(rf"On-the-road price\s+{re.escape(format_cny(on_road_total))}", text), text
    assert re.search(rf"Paid today\s+{re.escape(format_cny(paid_today))}", text), text
    assert re.search(rf"Purchase tax\s+{re.escape(format_cny(tax))}", text)
    assert re.search(
        rf"Financed \(loan amount\)\s+{re.escape(format_cny(Decimal(PRICE) - down))}", text
    )
    due = add_months(date.today(), 36)
    balloon_line = f"Balloon CNY {format_cny(plan.balloon)}, due {due.strftime('%d %b %Y')}"
    assert balloon_line in re.sub(r"\s+", " ", text)
    assert watch.notices == [] and watch.boxes == []
    desk.close()

"""Pages over a real temporary SQLite database, through the db services, jobs run at once."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from db import Database, open_database
from db.models.enums import Role
from db.services import consultations as cs
from db.services import customers, staff
from db.services import settings as settings_service
from db.services.base import Actor
from desktop.context import AppContext
from desktop.tasks import ImmediateRunner
from lending.identity import generate_resident_id, generate_vin
from tests.artifacts import artifacts_dir

ID_NUMBER = generate_resident_id("110105", date(1991, 5, 17), 123)
PHONE = "13812345678"
VIN = generate_vin("LSVAB2BM" + "LJ123456")


@pytest.fixture
def database(tmp_path: Path, migrated_sqlite: Callable[[Path], Path]) -> Iterator[Database]:
    db = open_database(
        migrated_sqlite(tmp_path / "store.sqlite3"), key=tmp_path / "keys" / "loandesk.key"
    )
    yield db
    db.close()


@pytest.fixture
def owner(database: Database) -> Actor:
    return staff.create_owner(database, "Main Street Motors", "owner", "owner-pass-1")


@pytest.fixture
def consultant(database: Database, owner: Actor) -> Actor:
    view = staff.add_staff(database, owner, "consultant", "staff-pass-1", Role.CONSULTANT)
    return staff.actor_for(database, view.id)


@pytest.fixture
def ctx(qtbot, database: Database, consultant: Actor) -> AppContext:
    return AppContext(
        database=database,
        staff=consultant,
        runner=ImmediateRunner(),
        language=os.environ.get("LOANDESK_LANG", "en"),
        settings=settings_service.load_settings(database, consultant.store_id),
        store_name="Main Street Motors",
        display_name="consultant",
    )


@pytest.fixture
def consultation(database: Database, consultant: Actor) -> int:
    """A new consultation for a customer known only by name (as 'New consultation' makes)."""
    c = customers.create_customer(database, consultant, "Wang Fang")
    return cs.open_consultation(database, consultant, c.id).id


def complete_until(database: Database, actor: Actor, cid: int, step: str) -> None:
    """Save the steps before ``step`` through the services (good data)."""
    view = cs.get_consultation(database, actor, cid)
    order = ["reception", "qualification", "appraisal", "plan", "signing"]
    todo = order[: order.index(step)]
    if "reception" in todo:
        customers.record_consent(database, actor, view.customer_id)
        customers.update_customer(
            database, actor, view.customer_id, phone=PHONE, id_number=ID_NUMBER
        )
        cs.save_reception(
            database,
            actor,
            cid,
            source_channel="walk_in",
            intent_level="high",
            budget="150000",
            wished_down_payment="40000",
            wished_monthly_payment="3500",
        )
    if "qualification" in todo:
        cs.save_qualification(
            database,
            actor,
            cid,
            cs.QualificationForm(
                monthly_income="18000",
                income_proof_months=6,
                residence_proof=True,
                work_proof=True,
                history_years="6",
                credit_kinds=2,
            ),
        )
    if "appraisal" in todo:
        cs.save_appraisal(
            database,
            actor,
            cid,
            cs.VehicleForm(
                brand="Volkswagen",
                model="Lavida",
                first_registration=date.today().replace(year=date.today().year - 2, day=1),
                vin=VIN,
                mileage_km=30000,
                condition="good",
                market_price="150000",
                price="130000",
            ),
        )
    if "plan" in todo:
        plan = cs.save_plan(
            database,
            actor,
            cid,
            cs.PlanForm(
                product_code="finance_company",
                method="equal_installment",
                term_months=36,
                down_payment="65000",
            ),
        )
        cs.choose_plan(database, actor, plan.id)


def install_language(qapp, language: str):
    """Install the zh_CN catalogue (or none for English); returns the Translators object."""
    from desktop.i18n import Translators

    translators = Translators(qapp)
    translators.install(language)
    return translators


def save_screenshot(widget, language: str, name: str) -> Path:
    """<artifacts>/screenshots/<language>/<name>.png (see tests/artifacts.py)."""
    path = artifacts_dir("screenshots", language) / f"{name}.png"
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # let pending layout requests run so the picture is what staff see
        QApplication.processEvents()
    widget.grab().save(str(path))
    return path


@pytest.fixture
def open_page(qtbot, ctx):
    """``open_page(PageClass, consultation_id)``: shown, loaded; closed before the DB is."""
    opened = []

    def factory(cls, cid: int, *, context: AppContext | None = None, size=(1000, 760)):
        page = cls(context or ctx)
        opened.append(page)
        page.resize(*size)
        page.show()
        qtbot.waitExposed(page)
        page.load(cid)
        return page

    yield factory
    for page in opened:
        page.close()
        page.deleteLater()


def on_next_dialog(act) -> None:
    """Run ``act(dialog)`` on the next modal dialog (opened by the click that follows)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, later)
            return
        act(dialog)

    QTimer.singleShot(0, later)


def accept_next_dialog(qtbot, prepare=None) -> None:
    """The next dialog is answered with OK (after ``prepare(dialog)``, e.g. a date)."""
    from PySide6.QtCore import Qt

    def act(dialog) -> None:
        if prepare is not None:
            prepare(dialog)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    on_next_dialog(act)


def tick(qtbot, box) -> None:
    """Tick / untick a check box the way staff do: a mouse click on the box."""
    from PySide6.QtCore import QPoint, Qt

    box.ensurePolished()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def pytest_collection_modifyitems(items):
    # The offscreen platform warns when a top-level widget is shown; nothing to fix there.
    for item in items:
        if "desktop/pages" in str(item.fspath).replace("\\", "/"):
            item.add_marker(
                pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
            )

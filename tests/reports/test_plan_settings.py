"""A settings change applies to new plans only: a saved plan's documents keep its figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import update

from db import open_database
from db.models import Plan
from db.services import consultations as cs
from db.services import settings as settings_service
from db.services import staff
from db.services.documents import document_inputs
from reports.pdf.saved import load_document_data
from tests.reports.test_pdf_cli import _consultation


def test_saved_plans_keep_their_settings_new_plans_take_the_new_ones(tmp_path: Path) -> None:
    database = open_database(tmp_path / "store.sqlite3")
    try:
        owner = staff.create_owner(database, "瑞丰二手车行", "owner", "owner-pass-1")
        cid, chosen, _ = _consultation(database, owner)
        settings_service.save_store_settings(database, owner, {
            "lending.cooling_off_hours": 48, "lending.max_dti_percent": Decimal(40)})
        old = load_document_data(database, owner, cid, "disclosure", plan_id=chosen)
        assert (old.cooling_off_hours, old.max_dti_percent) == (24, Decimal(50))
        inputs = document_inputs(database, owner, cid, plan_id=chosen)
        assert inputs.settings.cooling_off_hours == 24
        new = cs.save_plan(database, owner, cid, cs.PlanForm(
            product_code="finance_company", method="equal_installment", term_months=24,
            down_payment="50000", start_date=date(2026, 12, 1)))
        fresh = load_document_data(database, owner, cid, "disclosure", plan_id=new.id)
        assert (fresh.cooling_off_hours, fresh.max_dti_percent) == (48, Decimal(40))
        # a plan saved before plans kept their settings prints with today's
        with database.unit_of_work() as uow:
            uow.session.execute(update(Plan).where(Plan.id == chosen).values(settings=None))
            uow.commit()
        older = load_document_data(database, owner, cid, "disclosure", plan_id=chosen)
        assert older.cooling_off_hours == 48
    finally:
        database.close()

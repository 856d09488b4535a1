"""Bounded memory: the Python heap peak of an export does not grow with the row count."""

from __future__ import annotations

import gc
import random
import tracemalloc
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from db import Database, open_database
from db.models import Consultation, Customer, Plan
from db.services import staff
from db.services.base import Actor
from reports.excel import export_workbook
from reports.model import ReportPeriod

PERIOD = ReportPeriod(date(2026, 1, 1), date(2026, 12, 31), UTC)


def _store(path: Path, n: int) -> tuple[Database, Actor]:
    database = open_database(path, key=path.with_suffix(".key"))
    owner = staff.create_owner(
        database, "Memory store", "owner", "owner-password-1", seed_catalogue=False
    )
    cipher = database.cipher
    rnd = random.Random(n)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    customers, consultations, plans = [], [], []
    for i in range(1, n + 1):
        phone = f"139{i:08d}"
        customers.append(
            {
                "id": i,
                "store_id": owner.store_id,
                "name": "测试客户",
                "tier": "regular",
                "phone_enc": cipher.encrypt("customers", "phone", phone),
                "phone_hmac": cipher.phone_hash(phone),
                "version_id": 1,
                "created_at": start,
                "updated_at": start,
            }
        )
        t = start + timedelta(minutes=rnd.randrange(360 * 24 * 60))
        signed = t + timedelta(days=3) if i % 3 == 0 else None
        consultations.append(
            {
                "id": i,
                "store_id": owner.store_id,
                "customer_id": i,
                "consultant_id": owner.staff_id,
                "status": "open",
                "source_channel": "walk_in",
                "contact_at": t,
                "plan_offered_at": t if signed else None,
                "signed_at": signed,
                "created_at": t,
                "updated_at": t,
                "version_id": 1,
            }
        )
        if signed:
            plans.append(
                {
                    "id": i,
                    "store_id": owner.store_id,
                    "consultation_id": i,
                    "product_code": "bank_mortgage",
                    "lender_name": "ICBC",
                    "method": "equal_installment",
                    "amount": Decimal("100000.00"),
                    "term_months": 36,
                    "annual_rate": Decimal("6"),
                    "apr": Decimal("6.17"),
                    "first_payment": Decimal("3042.19"),
                    "chosen": True,
                    "created_at": t,
                }
            )
    with database.engine.begin() as conn:
        conn.execute(insert(Customer), customers)
        conn.execute(insert(Consultation), consultations)
        conn.execute(insert(Plan), plans)
    return database, owner


def _heap_peak(database: Database, actor: Actor, out: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        export_workbook(database, PERIOD, out, actor=actor)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_heap_peak_does_not_grow_with_rows(tmp_path: Path) -> None:
    small_db, small_owner = _store(tmp_path / "small.sqlite3", 1_500)
    big_db, big_owner = _store(tmp_path / "big.sqlite3", 6_000)
    try:
        # first runs fill imports and each engine's statement cache
        export_workbook(small_db, PERIOD, tmp_path / "warm1.xlsx", actor=small_owner)
        export_workbook(big_db, PERIOD, tmp_path / "warm2.xlsx", actor=big_owner)
        small = _heap_peak(small_db, small_owner, tmp_path / "small.xlsx")
        big = _heap_peak(big_db, big_owner, tmp_path / "big.xlsx")
    finally:
        small_db.close()
        big_db.close()
    # both are above the fetch batch (1,000 rows): four times the rows, about the same
    # memory (holding the rows in a list would take about four times as much)
    assert big < small * 1.5, (small, big)
    with closing(load_workbook(tmp_path / "big.xlsx", read_only=True)) as wb:
        assert sum(1 for _ in wb["Consultations"].iter_rows(min_row=4, max_col=1)) == 6_000

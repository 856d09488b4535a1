"""Overdue rates M1+ / M3+ by salesperson, product and lender, against direct SQL, and
the workbook's Overdue sheet."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from db import Database
from db.services.loan_status import import_loan_status, load_mapping
from db.services.staff import owner_actor
from reports.excel import export_workbook, sheet_titles
from reports.model import ReportPeriod, build_report
from tests.db.test_loan_status import loans as loans  # the same demo store and its loans
from tests.db.test_loan_status import store as store
from tests.db.test_loan_status import write_csv

CST = timezone(timedelta(hours=8))
PERIOD = ReportPeriod(date(2026, 1, 1), date(2026, 4, 30), CST)
SNAPSHOTS = (date(2026, 2, 28), date(2026, 3, 31), date(2026, 5, 31))


@pytest.fixture(scope="module")
def imported(
    store: Database, loans: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> Database:
    """Three month-end snapshots; the May one is after the period and must not count."""
    rows = []
    for k, day in enumerate(SNAPSHOTS):
        for i, (ref, _) in enumerate(loans["signed"]):
            days = [0, 0, 0, 12, 35, 70, 95][(i + k) % 7]
            state = "settled" if (i + k) % 11 == 0 else ("overdue" if days else "current")
            rows.append([ref, state, days if state == "overdue" else 0, day.isoformat()])
    path = write_csv(tmp_path_factory.mktemp("overdue") / "book.csv", rows)
    result = import_loan_status(store, owner_actor(store), path, load_mapping("generic"))
    assert not result.unmatched
    return store


def _rate(part: int, whole: int) -> Decimal | None:
    return (Decimal(part * 100) / whole).quantize(Decimal("0.01")) if whole else None


def test_overdue_rates_against_sql(imported: Database) -> None:
    report = build_report(imported, PERIOD)
    o = report.overdue
    assert o is not None and o.as_of == (date(2026, 3, 31),)
    with imported.engine.connect() as conn:
        rows = conn.execute(
            text("""
            SELECT c.consultant_id, p.product_code, p.lender_name, s.status, s.overdue_days
            FROM loan_statuses s
            JOIN consultations c ON c.id = s.consultation_id
            JOIN plans p ON p.id = s.plan_id
            WHERE s.as_of = (SELECT MAX(t.as_of) FROM loan_statuses t
                             WHERE t.consultation_id = s.consultation_id
                             AND t.as_of <= :end)"""),
            {"end": "2026-04-30"},
        ).all()
    want: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for consultant, product, lender, status, days in rows:
        for key in (
            ("salesperson", str(consultant)),
            ("product", product),
            ("lender", lender),
            ("total", ""),
        ):
            g = want[key]
            if status == "settled":
                g[1] += 1
                continue
            g[0] += 1
            g[2] += days >= 1
            g[3] += days >= 61
    got = {(x.kind, x.key): [x.loans, x.settled, x.m1, x.m3] for x in (*o.lines, o.total)}
    assert got == dict(want)
    for x in (*o.lines, o.total):
        assert (x.m1_rate, x.m3_rate) == (_rate(x.m1, x.loans), _rate(x.m3, x.loans))
    assert 0 < o.total.m3 < o.total.m1 < o.total.loans
    assert {x.kind for x in o.lines} == {"salesperson", "product", "lender"}


def test_no_status_imported_before_the_first_snapshot(imported: Database) -> None:
    early = ReportPeriod(date(2026, 1, 1), date(2026, 1, 31), CST)
    assert build_report(imported, early).overdue is None


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_overdue_sheet(imported: Database, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "r.xlsx"
    export_workbook(imported, PERIOD, out, actor=owner_actor(imported), lang=lang)
    ws = load_workbook(out)[sheet_titles(lang)["overdue"]]
    o = build_report(imported, PERIOD).overdue
    assert o is not None
    values = [list(r) for r in ws.iter_rows(min_row=4, values_only=True)]
    people = o.of("salesperson")
    first = values[: len(people) + 1]
    assert [r[1:4] for r in first] == [[x.loans, x.settled, x.m1] for x in (*people, o.total)]
    assert first[-1][6] == pytest.approx(float(o.total.m3_rate) / 100)
    # product and lender sections follow, each with its heading row and total
    names = [r[0] for r in values]
    zh = lang == "zh_CN"
    assert ("产品" if zh else "Product") in names and ("贷款机构" if zh else "Lender") in names
    assert names.count("合计" if zh else "Total") == 3
    if zh:
        assert "银行按揭贷款" in names and "中国工商银行" in names

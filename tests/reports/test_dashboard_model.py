"""The dashboard's figures agree with the owner report for the same months, and every
figure's drill-down lists exactly the consultations it counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from db import Database
from db.models import Staff
from db.models.enums import Role
from db.services.base import PermissionDenied
from db.services.staff import actor_for, owner_actor
from reports.model import build_report
from reports.model.dashboard import FIGURES, Drill, build_dashboard, drill_down, months
from tests.reports.test_report_model_demo import CST
from tests.reports.test_report_model_demo import store as store  # the same demo store

TODAY = date(2026, 5, 20)


def actor_of(database: Database, role: Role) -> Any:
    with database.session_factory() as s:
        sid = s.scalar(select(Staff.id).where(Staff.role == role.value))
    return actor_for(database, sid)


@pytest.fixture(scope="module")
def board(store: Database) -> Any:
    return build_dashboard(store, owner_actor(store), today=TODAY, tz=CST)


def test_months_are_this_month_so_far_and_the_whole_last_month() -> None:
    this, last = months(date(2026, 3, 31))
    assert (this.start, this.end, last.start, last.end) == (
        date(2026, 3, 1),
        date(2026, 3, 31),
        date(2026, 2, 1),
        date(2026, 2, 28),
    )
    this, last = months(date(2026, 1, 5))
    assert (last.start, last.end) == (date(2025, 12, 1), date(2025, 12, 31))


def test_figures_are_the_reports(store: Database, board: Any) -> None:
    for figures, period in zip(
        (board.this_month, board.last_month), months(TODAY, CST), strict=True
    ):
        s = build_report(store, period).summary
        assert (
            figures.consultations,
            figures.signed,
            figures.loan_amount,
            figures.approval_rate,
            figures.add_on_attach,
        ) == (s.consultations, s.signed, s.loan_amount, s.approval_rate, s.add_on_attach_rate)
        assert figures.label == period.start.strftime("%Y-%m")
    assert board.last_month.signed > 0 and board.this_month.consultations > 0
    report = build_report(store, months(TODAY, CST)[0])
    assert board.funnel == report.funnel.overall
    assert board.products == report.products


def test_follow_ups_due_and_overdue_against_sql(store: Database, board: Any) -> None:
    this = months(TODAY, CST)[0]
    lo, hi = this.moment(TODAY), this.moment(date(2026, 5, 21))
    fmt = "%Y-%m-%d %H:%M:%S.%f"
    with store.engine.connect() as conn:
        overdue, due = conn.execute(
            text(
                "SELECT SUM(CASE WHEN due_at < :lo THEN 1 ELSE 0 END), "
                "SUM(CASE WHEN due_at >= :lo AND due_at < :hi THEN 1 ELSE 0 END) "
                "FROM follow_ups WHERE done_at IS NULL"
            ),
            {
                "lo": lo.replace(tzinfo=None).strftime(fmt),
                "hi": hi.replace(tzinfo=None).strftime(fmt),
            },
        ).one()
    assert (board.follow_ups_overdue, board.follow_ups_due) == (overdue, due)
    assert overdue > 0


def test_every_figure_drills_down_to_what_it_counts(store: Database, board: Any) -> None:
    owner = owner_actor(store)

    def n(kind: str, month: int = 0, key: str = "") -> int:
        return len(drill_down(store, owner, None, Drill(kind, month, key), today=TODAY, tz=CST))

    for month, f in enumerate((board.this_month, board.last_month)):
        assert n("consultations", month) == min(f.consultations, 500)
        assert n("signed", month) == n("loan_amount", month) == f.signed
        assert n("approval_rate", month) == f.approved + f.declined
        assert n("add_on_attach", month) == f.with_add_on
    for step in board.funnel:
        assert n("stage", 0, step.stage) == min(step.count, 500)
    for p in board.products:
        assert n("product", 0, p.product_code) == p.loans
    rows = drill_down(store, owner, None, Drill("follow_ups_overdue"), today=TODAY, tz=CST)
    assert 0 < len(rows) <= board.follow_ups_overdue
    assert set(FIGURES) == {
        "consultations",
        "signed",
        "loan_amount",
        "approval_rate",
        "add_on_attach",
    }


def test_names_masked_for_a_manager_and_the_dashboard_closed_to_consultants(
    store: Database,
) -> None:
    manager = actor_of(store, Role.MANAGER)
    shown = drill_down(store, owner_actor(store), None, Drill("signed", 1), today=TODAY, tz=CST)
    masked = drill_down(store, manager, None, Drill("signed", 1), today=TODAY, tz=CST)
    assert [r.id for r in shown] == [r.id for r in masked] and shown
    assert all("*" not in r.customer for r in shown)
    assert all(r.customer[1:] == "*" * (len(r.customer) - 1) for r in masked)
    with pytest.raises(PermissionDenied):
        build_dashboard(store, actor_of(store, Role.CONSULTANT), today=TODAY)
    with pytest.raises(PermissionDenied):  # a manager: own store only
        build_dashboard(store, manager, [manager.store_id + 1], today=TODAY)


def test_overdue_rates_and_their_loans(store: Database, tmp_path: Path) -> None:
    """Before any lender's file: no overdue figures; after one, the report's, and the
    drill-down lists the overdue loans."""
    from db.services.loan_status import import_loan_status, load_mapping
    from tests.db.test_loan_status import write_csv

    owner = owner_actor(store)
    assert build_dashboard(store, owner, today=TODAY, tz=CST).overdue is None
    with store.engine.connect() as conn:
        refs = [
            f"P-{c:06d}-{p}"
            for c, p in conn.execute(
                text(
                    "SELECT c.id, p.id FROM consultations c JOIN plans p ON p.consultation_id = "
                    "c.id "
                    "AND p.chosen WHERE c.signed_at IS NOT NULL ORDER BY c.id"
                )
            )
        ]
    rows = [
        [
            ref,
            "overdue" if i % 5 == 0 else "current",
            [0, 3, 70][i % 3] if i % 5 == 0 else 0,
            "2026-04-30",
        ]
        for i, ref in enumerate(refs)
    ]
    rows = [[r[0], "current" if r[2] == 0 else r[1], r[2], r[3]] for r in rows]
    import_loan_status(store, owner, write_csv(tmp_path / "s.csv", rows), load_mapping("generic"))
    board = build_dashboard(store, owner, today=TODAY, tz=CST)
    report = build_report(store, months(TODAY, CST)[0]).overdue
    assert board.overdue is not None and report is not None
    assert board.overdue.total == report.total and board.overdue.total.m3 > 0
    for kind, n in (("overdue_m1", report.total.m1), ("overdue_m3", report.total.m3)):
        assert len(drill_down(store, owner, None, Drill(kind), today=TODAY, tz=CST)) == n

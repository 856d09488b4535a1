"""Reports per store and for the dealer group (owner), headless and through the service."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from openpyxl import load_workbook

import main
from db import Database, demo, open_database
from db.models.enums import Role
from db.services import consultations, customers, staff, stores
from db.services.base import Actor, PermissionDenied
from reports.excel import export_workbook
from reports.model import ReportPeriod, build_report, iter_consultation_rows

CST = timezone(timedelta(hours=8))
TODAY = date(2026, 6, 30)
PERIOD = ReportPeriod(date(2026, 1, 1), date(2026, 5, 31), CST)
NOW = datetime(2026, 6, 30, 12, 0, tzinfo=CST)
B_CONSULTATIONS = 3


@dataclass(frozen=True)
class Group:
    database: Database
    owner: Actor
    a: int
    b: int
    manager_b: Actor


@pytest.fixture(scope="module")
def group(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Group]:
    """Store A filled with demo data; store B with a few consultations of its own."""
    folder = tmp_path_factory.mktemp("group-report")
    database = open_database(folder / "group.sqlite3", key=folder / "group.key")
    demo.load_demo_data(database, 200, seed=5, today=TODAY)
    owner = staff.owner_actor(database)
    b = stores.add_store(database, owner, "Pudong store").id
    view = staff.add_staff(database, owner, "bob", "staff-pass-1", Role.CONSULTANT, store_id=b)
    cons_b = staff.actor_for(database, view.id)
    mview = staff.add_staff(database, owner, "bella", "staff-pass-1", Role.MANAGER, store_id=b)
    for i in range(B_CONSULTATIONS):
        when = datetime(2026, 2, 3 + i, 10, 0, tzinfo=CST)
        c = customers.create_customer(database, cons_b, f"客户{i}", phone=f"1390000{i:04d}")
        con = consultations.open_consultation(database, cons_b, c.id, now=when)
        if i == 0:
            consultations.mark_lost(database, cons_b, con.id, "price", now=when + timedelta(days=1))
    yield Group(database, owner, owner.store_id, b, staff.actor_for(database, mview.id))
    database.close()


COUNTS = (
    "consultations",
    "plans_offered",
    "plans_priced",
    "approved",
    "signed",
    "delivered",
    "lost",
)


def rows_in(path: Path) -> int:
    """Rows of the Consultations sheet (header lines included)."""
    with closing(load_workbook(path, read_only=True)) as wb:  # read-only keeps the file open
        rows = wb["Consultations"].iter_rows(values_only=True)
        return sum(1 for row in rows if any(v is not None for v in row))


def test_group_report_sums_the_stores_and_lists_each(group: Group) -> None:
    db = group.database
    one_a = build_report(db, PERIOD, store_id=group.a, now=NOW)
    one_b = build_report(db, PERIOD, store_id=group.b, now=NOW)
    both = build_report(db, PERIOD, store_ids=(group.a, group.b), now=NOW)

    assert one_b.summary.consultations == B_CONSULTATIONS and one_b.summary.lost == 1
    assert one_a.summary.consultations > 0
    for name in COUNTS:
        assert getattr(both.summary, name) == getattr(one_a.summary, name) + getattr(
            one_b.summary, name
        ), name
    assert both.summary.loan_amount == one_a.summary.loan_amount + one_b.summary.loan_amount
    assert both.summary.store_ids == (group.a, group.b) and both.summary.store_id == 0
    assert "Pudong store" in both.summary.store_name
    # the per-store breakdown is exactly each store's own summary
    assert both.stores == (one_a.summary, one_b.summary)
    assert one_a.stores == () and one_a.summary.store_ids == (group.a,)
    # the other tables cover both stores too
    assert both.consultation_rows == one_a.consultation_rows + one_b.consultation_rows
    assert [s.count for s in both.funnel.overall] == [
        x.count + y.count for x, y in zip(one_a.funnel.overall, one_b.funnel.overall, strict=True)
    ]
    assert both.channel_total.leads == one_a.channel_total.leads + one_b.channel_total.leads
    assert both.product_total.loans == one_a.product_total.loans + one_b.product_total.loans
    rows = list(iter_consultation_rows(db, PERIOD, store_ids=(group.a, group.b)))
    assert len(rows) == both.consultation_rows


def test_single_store_report_is_unchanged_by_the_group_code(group: Group) -> None:
    default = build_report(group.database, PERIOD, now=NOW)  # the first store
    one_a = build_report(group.database, PERIOD, store_id=group.a, now=NOW)
    same = build_report(group.database, PERIOD, store_ids=[group.a], now=NOW)
    assert dataclasses.replace(default, generated_at=NOW) == dataclasses.replace(
        one_a, generated_at=NOW
    )
    assert same.summary == one_a.summary and same.stores == ()


def test_missing_store_is_refused(group: Group) -> None:
    from lending.errors import UserError

    with pytest.raises(UserError):
        build_report(group.database, PERIOD, store_ids=(group.a, 999), now=NOW)


def test_owner_exports_the_group_manager_only_their_store(group: Group, tmp_path: Path) -> None:
    db = group.database
    out_owner = export_workbook(db, PERIOD, tmp_path / "group.xlsx", actor=group.owner, now=NOW)
    out_b = export_workbook(db, PERIOD, tmp_path / "b.xlsx", actor=group.manager_b, now=NOW)
    n_owner, n_b = rows_in(out_owner), rows_in(out_b)
    one_a = build_report(db, PERIOD, store_id=group.a, now=NOW)
    assert n_owner - n_b == one_a.consultation_rows
    # the group's Summary sheet lists each store's own figures
    with closing(load_workbook(out_owner, read_only=True)) as wb:
        summary = [(*r, None, None) for r in wb["Summary"].iter_rows(values_only=True)]
    heads = [i for i, r in enumerate(summary) if str(r[0] or "").startswith("Store: ")]
    assert len(heads) == 2 and summary[heads[1]][0] == "Store: Pudong store"
    b_lines = {r[0]: r[1] for r in summary[heads[1] + 1 : heads[1] + 6]}
    assert b_lines["Consultations"] == B_CONSULTATIONS and b_lines["Lost"] == 1
    a_lines = {r[0]: r[1] for r in summary[heads[0] + 1 : heads[0] + 6]}
    assert a_lines["Consultations"] == one_a.summary.consultations
    with closing(load_workbook(out_b, read_only=True)) as wb:
        only_b = list(wb["Summary"].iter_rows(values_only=True))
    assert not any(str((r or (None,))[0] or "").startswith("Store: ") for r in only_b)
    with pytest.raises(PermissionDenied):
        export_workbook(
            db, PERIOD, tmp_path / "a.xlsx", actor=group.manager_b, store_ids=(group.a,), now=NOW
        )
    assert not (tmp_path / "a.xlsx").exists()


def _cli(group: Group, monkeypatch: pytest.MonkeyPatch, out: Path, *extra: str) -> int:
    monkeypatch.setenv("LOANDESK_KEY_FILE", str(group.database.key_path))
    path = group.database.path
    assert path is not None
    return main.main(
        [
            "export-report", "--db", str(path), "--from", "2026-01-01", "--to", "2026-05-31",
            "--out", str(out), *extra,
        ]
    )  # fmt: skip


def test_export_report_store_option(
    group: Group,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    by_name = tmp_path / "pudong.xlsx"
    assert _cli(group, monkeypatch, by_name, "--store", "pudong store") == 0
    by_id = tmp_path / "b.xlsx"
    assert _cli(group, monkeypatch, by_id, "--store", str(group.b)) == 0
    whole = tmp_path / "group.xlsx"
    assert _cli(group, monkeypatch, whole) == 0
    rows = {p.name: rows_in(p) for p in (by_name, by_id, whole)}
    assert rows["pudong.xlsx"] == rows["b.xlsx"]
    assert rows["group.xlsx"] > rows["b.xlsx"]
    capsys.readouterr()
    bad = tmp_path / "x.xlsx"
    assert _cli(group, monkeypatch, bad, "--store", "Nowhere") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Store Nowhere does not exist" in err
    assert _cli(group, monkeypatch, bad, "--store", " ") == 2
    assert "--store" in capsys.readouterr().err
    assert not bad.exists()


def test_print_quote_finds_a_consultation_of_any_store(
    group: Group,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Headless commands run as the owner, who reaches every store's consultations."""
    monkeypatch.setenv("LOANDESK_KEY_FILE", str(group.database.key_path))
    path = group.database.path
    assert path is not None
    in_b = stores.switch_store(group.database, group.owner, group.b)
    con_b = consultations.list_consultations(group.database, in_b)[0].id
    out = tmp_path / "q.pdf"
    argv = ["print-quote", "--db", str(path), "--consultation", str(con_b), "--document", "quote",
            "--out", str(out)]  # fmt: skip
    assert main.main(argv) == 2
    err = capsys.readouterr().err
    assert "has no finance plan yet" in err  # found in store B (not "does not exist")
    assert not out.exists()


def test_owner_serving_in_another_store_is_named_in_its_report(
    database: Database, owner: Actor
) -> None:
    b = stores.add_store(database, owner, "Pudong store", seed_catalogue=False)
    in_b = stores.switch_store(database, owner, b.id)
    when = datetime(2026, 2, 3, 10, 0, tzinfo=CST)
    c = customers.create_customer(database, in_b, "客户", phone="13900001234")
    consultations.open_consultation(database, in_b, c.id, now=when)
    report = build_report(database, PERIOD, store_id=b.id, now=NOW)
    assert report.summary.consultations == 1
    names = [r.name for r in report.kpis.rows]
    assert "owner" in names and not any(n.startswith("#") for n in names)
    rows = list(iter_consultation_rows(database, PERIOD, store_id=b.id))
    assert [r.consultant for r in rows] == ["owner"]


def test_unmasked_group_rows_are_audited_in_every_store(database: Database, owner: Actor) -> None:
    from sqlalchemy import select

    from db.models import AuditEntry
    from db.models.enums import AuditAction

    b = stores.add_store(database, owner, "Pudong store", seed_catalogue=False)
    list(iter_consultation_rows(database, PERIOD, store_ids=(owner.store_id, b.id),
                                unmasked=True, actor=owner))  # fmt: skip
    with database.unit_of_work() as uow:
        logged = uow.session.scalars(
            select(AuditEntry.store_id).where(AuditEntry.action == AuditAction.VIEW_PII.value)
        ).all()
    assert sorted(logged) == sorted([owner.store_id, b.id])

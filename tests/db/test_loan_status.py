"""Importing the lenders' post-loan status: 10,000 rows with 3 % unmatched, malformed files
that change nothing, Excel exports with a lender's own headings, and re-imports."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select, text

from db import Database, demo, open_database
from db.models import LoanStatus
from db.models.enums import AuditAction, Role
from db.services import audit, loan_status
from db.services.base import PermissionDenied
from db.services.loan_status import (
    LoanStatusFileError,
    import_loan_status,
    load_mapping,
    parse_reference,
    read_mapping,
)
from db.services.staff import actor_for, owner_actor

TODAY = date(2026, 6, 30)
GENERIC = ["reference", "status", "overdue_days", "as_of"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("loan-status")
    database = open_database(folder / "demo.sqlite3", key=folder / "demo.key")
    demo.load_demo_data(database, 1200, seed=5, today=TODAY)
    yield database
    database.close()


@pytest.fixture(scope="module")
def loans(store: Database) -> dict[str, Any]:
    """Signed loans (reference, lender) and plans that are not a signed loan."""
    with store.engine.connect() as conn:
        signed = conn.execute(
            text(
                "SELECT c.id, p.id, p.lender_name FROM consultations c JOIN plans p "
                "ON p.consultation_id = c.id AND p.chosen WHERE c.signed_at IS NOT NULL "
                "ORDER BY c.id"
            )
        ).all()
        unsigned = conn.execute(
            text(
                "SELECT c.id, p.id FROM consultations c JOIN plans p ON p.consultation_id = c.id "
                "WHERE c.signed_at IS NULL OR NOT p.chosen ORDER BY p.id"
            )
        ).all()
    return {
        "signed": [(f"P-{c:06d}-{p}", lender) for c, p, lender in signed],
        "unsigned": [f"P-{c:06d}-{p}" for c, p in unsigned],
    }


def write_csv(
    path: Path, rows: list[list[Any]], header: list[str] = GENERIC, encoding: str = "utf-8"
) -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def count(store: Database) -> int:
    with store.session_factory() as s:
        return s.scalar(select(func.count(LoanStatus.id))) or 0


def big_file(loans: dict[str, Any], tmp_path: Path) -> tuple[Path, dict[int, str]]:
    """10,000 rows: 9,700 of signed loans (weekly snapshots), 300 that cannot match."""
    signed = [ref for ref, _ in loans["signed"]]
    rows: list[list[Any]] = []
    week = 0
    while len(rows) < 9_700:
        day = date(2026, 1, 4) + timedelta(weeks=week)
        for i, ref in enumerate(signed):
            if len(rows) == 9_700:
                break
            days = (i * 7 + week) % 120 if i % 9 == 0 else 0
            state = "settled" if i % 23 == 0 else ("overdue" if days else "current")
            rows.append([ref, state, days, day.isoformat()])
        week += 1
    bad: list[list[Any]] = []
    for i in range(300):
        kind = i % 3
        ref = (
            f"X-{i}"
            if kind == 0
            else f"P-{990000 + i:06d}-{i + 1}"
            if kind == 1
            else loans["unsigned"][i % len(loans["unsigned"])]
        )
        bad.append([ref, "current", 0, "2026-03-01"])
    # the unmatched rows spread through the file
    lines: dict[int, str] = {}
    out: list[list[Any]] = []
    for n, row in enumerate(rows):
        if n % 33 == 0 and bad:
            b = bad.pop()
            lines[len(out) + 2] = b[0]
            out.append(b)
        out.append(row)
    for b in bad:
        lines[len(out) + 2] = b[0]
        out.append(b)
    assert len(out) == 10_000
    return write_csv(tmp_path / "status.csv", out), lines


@pytest.mark.slow  # a large data set: 10,000 rows
def test_ten_thousand_rows_with_three_percent_unmatched(
    store: Database, loans: dict[str, Any], tmp_path: Path
) -> None:
    owner = owner_actor(store)
    path, unmatched_lines = big_file(loans, tmp_path)
    before = count(store)
    seen: list[tuple[int, int]] = []
    result = import_loan_status(
        store,
        owner,
        path,
        load_mapping("generic"),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert (result.rows, result.matched, len(result.unmatched)) == (10_000, 9_700, 300)
    # every unmatched row reported with its line, its reference and why
    assert {u.line: u.reference for u in result.unmatched} == unmatched_lines
    why = Counter(u.reason.code for u in result.unmatched)
    assert why == {
        "loan_status.not_a_reference": 100,
        "loan_status.no_such_plan": 100,
        "loan_status.not_signed": 100,
    }
    assert count(store) == before + 9_700
    assert result.by_state["overdue"] > 0 and result.by_state["settled"] > 0
    # progress goes up to the total
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    entries = audit.list_entries(store, owner, action=AuditAction.IMPORT)
    assert entries and entries[0].detail["unmatched"] == 300
    # the same file again replaces what it imported: nothing doubles
    again = import_loan_status(store, owner, path, load_mapping("generic"))
    assert again.replaced == 9_700 and count(store) == before + 9_700


@pytest.mark.parametrize(
    ("row", "code", "line"),
    [
        (["P-000001-1", "frozen", 0, "2026-03-01"], "loan_status.bad_status", 5_002),
        (["P-000001-1", "overdue", "ten", "2026-03-01"], "loan_status.bad_days", 5_002),
        (["P-000001-1", "overdue", 0, "2026-03-01"], "loan_status.overdue_without_days", 5_002),
        (["P-000001-1", "current", 0, "01.03.2026"], "loan_status.bad_date", 5_002),
        (["", "current", 0, "2026-03-01"], "loan_status.no_reference", 5_002),
    ],
)
def test_a_malformed_file_changes_nothing(
    store: Database, loans: dict[str, Any], tmp_path: Path, row: list[Any], code: str, line: int
) -> None:
    owner = owner_actor(store)
    good = [[ref, "current", 0, "2026-02-01"] for ref, _ in loans["signed"]]
    rows = (good * 20)[:5_000]
    rows = [
        [r[0], r[1], r[2], (date(2026, 2, 1) + timedelta(days=i // len(good))).isoformat()]
        for i, r in enumerate(rows)
    ]
    path = write_csv(tmp_path / "bad.csv", [*rows, row, *rows[:10]])
    before = count(store)
    with pytest.raises(LoanStatusFileError) as err:
        import_loan_status(store, owner, path, load_mapping("generic"))
    assert err.value.reason.code == code
    assert f"Line {line}" in err.value.message
    assert count(store) == before


def test_files_that_cannot_be_read(store: Database, tmp_path: Path) -> None:
    owner = owner_actor(store)
    generic = load_mapping("generic")
    cases = {
        "loan_status.missing_column": write_csv(
            tmp_path / "a.csv", [["x", "current"]], header=["contract", "status"]
        ),
        "loan_status.empty": write_csv(tmp_path / "b.csv", []),
        "loan_status.kind": tmp_path / "c.pdf",
        "loan_status.unreadable": tmp_path / "d.xlsx",
        "loan_status.duplicate": write_csv(
            tmp_path / "e.csv",
            [["P-1-1", "current", 0, "2026-03-01"], ["p-000001-1 ", "current", 0, "2026-03-01"]],
        ),
        "loan_status.no_as_of": write_csv(
            tmp_path / "f.csv", [["P-1-1", "current"]], header=["reference", "status"]
        ),
    }
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "d.xlsx").write_bytes(b"not a zip")
    before = count(store)
    for code, path in cases.items():
        with pytest.raises(LoanStatusFileError) as err:
            import_loan_status(store, owner, path, generic)
        assert err.value.reason.code == code, path.name
    assert count(store) == before
    with pytest.raises(LoanStatusFileError):
        load_mapping("no-such-lender")


def test_excel_export_with_the_lenders_own_headings(
    store: Database, loans: dict[str, Any], tmp_path: Path
) -> None:
    """ICBC's export: Chinese headings and words, dates as Excel dates; a loan that is
    with another lender is reported, not stored; --as-of not needed."""
    owner = owner_actor(store)
    icbc = [
        ref
        for ref, lender in loans["signed"]
        if lender == "Industrial and Commercial Bank of China"
    ][:5]
    other = next(
        ref
        for ref, lender in loans["signed"]
        if lender != "Industrial and Commercial Bank of China"
    )
    assert len(icbc) == 5
    wb = Workbook()
    ws = wb.active
    ws.append(["经销商订单号", "客户姓名", "贷款状态", "逾期天数", "数据日期"])
    from datetime import datetime

    for i, ref in enumerate(icbc):
        ws.append(
            [
                ref,
                "（略）",
                ["正常", "逾期", "结清", "正常", "逾期"][i],
                [0, 45, 0, 0, 95][i],
                datetime(2026, 5, 31),
            ]
        )
    ws.append([other, "（略）", "正常", 0, datetime(2026, 5, 31)])
    path = tmp_path / "icbc.xlsx"
    wb.save(path)
    result = import_loan_status(store, owner, path, load_mapping("icbc"))
    assert result.matched == 5 and result.as_of == (date(2026, 5, 31),)
    assert dict(result.by_state) == {"current": 2, "overdue": 2, "settled": 1}
    (u,) = result.unmatched
    assert (u.line, u.reference, u.reason.code) == (7, other, "loan_status.other_lender")
    with store.session_factory() as s:
        got = sorted(
            s.execute(
                select(LoanStatus.status, LoanStatus.overdue_days).where(
                    LoanStatus.as_of == date(2026, 5, 31), LoanStatus.lender == "icbc"
                )
            ).all()
        )
    assert got == [("current", 0), ("current", 0), ("overdue", 45), ("overdue", 95), ("settled", 0)]


def test_a_mapping_of_ones_own_and_gb18030_csv(
    store: Database, loans: dict[str, Any], tmp_path: Path
) -> None:
    """Days only (no status column), the date for the whole file given apart."""
    mine = tmp_path / "my-lender.json"
    mine.write_text(
        '{"mine": {"name": "My lender", "columns": {"reference": ["订单"], '
        '"overdue_days": ["逾期(天)"]}}}',
        encoding="utf-8",
    )
    mapping = read_mapping(mine)
    ref = loans["signed"][0][0]
    path = write_csv(
        tmp_path / "gbk.csv", [[ref, 12]], header=["订单", "逾期(天)"], encoding="gb18030"
    )
    result = import_loan_status(store, owner_actor(store), path, mapping, as_of=date(2026, 4, 30))
    assert result.matched == 1 and result.by_state == {"overdue": 1}


def test_only_managers_and_the_owner_import(store: Database, tmp_path: Path) -> None:
    with store.session_factory() as s:
        from db.models import Staff

        cid = s.scalar(select(Staff.id).where(Staff.role == Role.CONSULTANT.value))
    path = write_csv(tmp_path / "x.csv", [["P-1-1", "current", 0, "2026-03-01"]])
    with pytest.raises(PermissionDenied):
        import_loan_status(store, actor_for(store, cid), path, load_mapping("generic"))


@given(
    st.integers(1, 10**9 - 1),
    st.integers(1, 10**9 - 1),
    st.sampled_from(["P-", "Q-", "D-", "p-", "", "P - "]),
    st.integers(0, 3),
)
def test_references_round_trip(cid: int, pid: int, prefix: str, pad: int) -> None:
    assert parse_reference(f"{prefix}{cid:0{6 + pad}d}-{pid}") == (cid, pid)
    assert parse_reference(f"{prefix}{cid}/{pid}") is None
    assert parse_reference(f"{cid}") is None


def test_built_in_mappings_read() -> None:
    known = loan_status.mappings()
    assert {"generic", "icbc", "ccb", "auto_finance"} <= set(known)
    for m in known.values():
        assert m.columns["reference"] and (m.columns["status"] or m.columns["overdue_days"])


# ---------------------------------------------------------------------------
# the command
# ---------------------------------------------------------------------------


@pytest.fixture
def cli_db(store: Database, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LOANDESK_KEY_FILE", str(store.key_path))
    monkeypatch.setenv("LOANDESK_LANG", "en")
    assert store.path is not None
    return str(store.path)


def test_command_reports_unmatched_rows(
    cli_db: str, loans: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import main

    good = [[ref, "current", 0] for ref, _ in loans["signed"][:30]]
    bad = [["X-1", "current", 0], ["P-999999-1", "overdue", 31]]
    path = write_csv(
        tmp_path / "s.csv", [*good, *bad], header=["reference", "status", "overdue_days"]
    )
    out = tmp_path / "unmatched.csv"
    code = main.main(
        [
            "import-loan-status",
            "--db",
            cli_db,
            "--file",
            str(path),
            "--lender",
            "generic",
            "--as-of",
            "2026-06-15",
            "--unmatched",
            str(out),
        ]
    )
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert "32 rows read: 30 stored" in printed.out and "2 unmatched" in printed.out
    assert "line 32: X-1 - not a LoanDesk plan reference" in printed.out
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["line", "reference", "reason"] and [r[:2] for r in rows[1:]] == [
        ["32", "X-1"],
        ["33", "P-999999-1"],
    ]


def test_command_malformed_file_is_one_line_and_status_2(
    cli_db: str, store: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import main

    path = write_csv(tmp_path / "s.csv", [["P-1-1", "on hold", 0, "2026-06-01"]])
    before = count(store)
    code = main.main(
        ["import-loan-status", "--db", cli_db, "--file", str(path), "--lender", "generic"]
    )
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert "Line 2: the status 'on hold'" in err and "Traceback" not in err
    assert count(store) == before
    for args in (["--lender", "nobody"], ["--lender", "generic", "--as-of", "30.6.2026"]):
        code = main.main(["import-loan-status", "--db", cli_db, "--file", str(path), *args])
        assert code == 2 and len(capsys.readouterr().err.strip().splitlines()) == 1
    assert count(store) == before


def test_command_as_a_logged_in_member_of_staff(
    cli_db: str,
    store: Database,
    loans: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--user: a manager may import (audited as the manager), a consultant may not."""
    import main

    secret = tmp_path / "pw.txt"
    secret.write_text(demo.DEMO_PASSWORD + "\n", encoding="utf-8")
    path = write_csv(tmp_path / "s.csv", [[loans["signed"][1][0], "current", 0, "2026-06-20"]])
    base = [
        "import-loan-status",
        "--db",
        cli_db,
        "--file",
        str(path),
        "--lender",
        "generic",
        "--password-file",
        str(secret),
    ]
    assert main.main([*base, "--user", "demo.sales1"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert main.main([*base, "--user", "demo.manager"]) == 0
    assert "1 rows read: 1 stored" in capsys.readouterr().out
    entry = audit.list_entries(store, owner_actor(store), action=AuditAction.IMPORT)[0]
    assert entry.username == "demo.manager"

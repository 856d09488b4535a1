"""The workbook read back with openpyxl: every figure of the hand-built store, masking,
atomic writes, cancel, bad destinations and the ``export-report`` command."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

import main
from db.models.enums import AuditAction
from db.services import audit
from db.services.base import PermissionDenied
from lending.errors import UserError
from reports.excel import SHEETS, ExportCancelled, export_workbook, sheet_titles
from reports.excel import workbook as workbook_module
from reports.excel.layout import display_width
from reports.model import ReportPeriod
from tests.reports.test_report_model_data import NOW, Dataset, build_dataset

JAN = ReportPeriod(date(2026, 1, 1), date(2026, 1, 31), UTC)
TITLES = sheet_titles("en")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dataset]:
    ds = build_dataset(tmp_path_factory.mktemp("excel") / "store.sqlite3")
    yield ds
    ds.database.close()


@pytest.fixture(scope="module")
def book(data: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("excel-out") / "january.xlsx"
    export_workbook(data.database, JAN, out, actor=data.manager, lang="en", now=NOW)
    return load_workbook(out)


def table(ws: Worksheet, first: int = 4, last: int | None = None) -> list[list[Any]]:
    """Data rows as values, floats rounded to 6 places (Excel keeps doubles)."""
    out = []
    for row in ws.iter_rows(min_row=first, max_row=last, values_only=True):
        out.append([round(v, 6) if isinstance(v, float) else v for v in row])
    return out


def headings(ws: Worksheet) -> list[Any]:
    return [c.value for c in ws[3]]


# ---------------------------------------------------------------------------
# every figure
# ---------------------------------------------------------------------------


def test_sheets_frame(book: Any) -> None:
    assert book.sheetnames == [TITLES[k] for k in SHEETS]
    for ws in book.worksheets:
        assert ws.freeze_panes in ("A4", "B4"), ws.title
        assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A3:"), ws.title
        assert ws["A1"].font.b and ws["A3"].font.b
        for letter, dim in ws.column_dimensions.items():
            assert 6 <= (dim.width or 0) <= 60, (ws.title, letter)
    assert [len(book[TITLES[k]]._charts) for k in SHEETS] == [0, 1, 1, 1, 0, 1, 0, 0, 0]


def test_summary_sheet(book: Any) -> None:
    ws = book[TITLES["summary"]]
    assert ws["A2"].value == "Jinqiao Used Cars, 2026-01-01 to 2026-01-31"
    assert table(ws, 4, 27) == [
        ["Store", "Jinqiao Used Cars"],
        ["Period", "2026-01-01 – 2026-01-31"],
        ["Generated at", datetime(2026, 1, 31, 18, 0)],
        ["Consultations", 8],
        ["Plans offered", 4],
        ["Plans priced", 5],
        ["Approved by the lender", 3],
        ["Declined by the lender", 1],
        ["Approval rate (approved / decided by the lender)", 0.75],
        ["Withdrawn by the customer", 0],
        ["Refused by us (eligibility, suspected fraud)", 0],
        ["Signed", 4],
        ["Delivered", 1],
        ["Lost", 2],
        ["Loan amount (CNY)", 350000],
        ["Average APR (weighted by loan amount)", 0.0686],
        ["Lender-required insurance", 0.75],
        ["Add-on attach rate (optional add-ons)", 0.75],
        ["Add-on attach rate: Insurance", 0],
        ["Add-on attach rate: Extended warranty", 0.75],
        ["Add-on attach rate: Service package", 0],
        ["Add-on attach rate: Other", 0],
        ["Average days to close", 9.8],
        ["Personal data", "masked"],
    ]
    assert ws["B18"].number_format == "#,##0.00"
    assert ws["B19"].number_format == "0.00%"
    assert ws["B26"].number_format == "0.0"
    assert ws.auto_filter.ref == "A3:B27"
    assert ws["A29"].value == "Notes" and ws["A30"].value.startswith("Summary and salesperson")


def test_kpi_sheet(book: Any) -> None:
    ws = book[TITLES["kpis"]]
    kpis = [
        "Loans closed",
        "Loan amount",
        "Approval rate",
        "Customer satisfaction",
        "Add-on attach rate",
        "Referrals",
    ]
    assert headings(ws)[:8] == ["Salesperson", *kpis, "Weighted score"]
    # three narrow tables one under the other: actual figures under their targets,
    # achievement, then the lender's decisions and the time to close
    assert table(ws, 4, 22) == [
        ["Target (per salesperson)", 15, 1500000, 0.85, 90, 0.7, 3, 100, None],
        ["Alice", 3, 230000, 0.6667, 90, 0.6667, 1, 44.45, None],
        ["Bob", 1, 120000, 1, 100, 1, 0, 39, None],
        ["Unassigned", 0, 0, None, None, None, 0, 0, None],
        ["All salespeople", 4, 350000, 0.75, 93.33, 0.75, 1, 41.83, None],
        [None] * 9,
        ["Achievement (actual / target)"] + [None] * 8,
        ["Salesperson", *kpis, "Weighted score", "Target"],
        ["Alice", 0.2, 0.1533, 0.7844, 1, 0.9524, 0.3333, 44.45, 100],
        ["Bob", 0.0667, 0.08, 1.1765, 1.1111, 1.4286, 0, 39, 100],
        ["Unassigned", 0, 0, None, None, None, 0, 0, 100],
        ["All salespeople", 0.1333, 0.1167, 0.8824, 1.037, 1.0714, 0.1667, 41.83, 100],
        [None] * 9,
        ["The lender's decisions and the time to close"] + [None] * 8,
        [
            "Salesperson",
            "Approved by the lender",
            "Declined by the lender",
            "Approval rate",
            "Withdrawn by the customer",
            "Refused by us",
            "Average days to close",
            "Average APR (weighted by loan amount)",
            None,
        ],
        # Alice: c3 declined; contact to signing 5, 10 and 14 days; APR weighted by amount
        ["Alice", 2, 1, 0.6667, 0, 0, 9.7, 0.0757, None],
        ["Bob", 1, 0, 1, 0, 0, 10, 0.055, None],
        ["Unassigned", 0, 0, None, 0, 0, None, None, None],
        ["All salespeople", 3, 1, 0.75, 0, 0, 9.8, 0.0686, None],
    ]
    assert ws["A8"].font.b  # totals row
    assert ws["C4"].number_format == "#,##0.00" and ws["B12"].number_format == "0.00%"
    assert ws.auto_filter.ref == "A3:H7"  # the totals row stays out of the filter
    assert "Loans closed 30%" in ws["A2"].value
    # the chart: each salesperson's weighted score (not "Unassigned") against 100
    (chart,) = ws._charts
    assert chart.tagname == "barChart"
    assert chart.series[0].val.numRef.f.endswith("$H$12:$H$13")
    assert chart.series[0].cat.numRef.f.endswith("$A$12:$A$13")


def test_funnel_sheet(book: Any) -> None:
    ws = book[TITLES["funnel"]]
    assert headings(ws)[:4] == [
        "Stage",
        "Count",
        "Conversion from previous stage",
        "Conversion from contact",
    ]
    assert table(ws, 4, 11) == [
        ["Contact", 8, None, 1] + [None] * 6,
        ["Needs confirmed", 7, 0.875, 0.875] + [None] * 6,
        ["Qualified", 4, 0.5714, 0.5] + [None] * 6,
        ["Plan offered", 4, 1, 0.5] + [None] * 6,
        ["Approved", 3, 0.75, 0.375] + [None] * 6,
        ["Signed", 3, 1, 0.375] + [None] * 6,
        ["Disbursed", 2, 0.6667, 0.25] + [None] * 6,
        ["Delivered", 2, 1, 0.25] + [None] * 6,
    ]
    # the chart under the funnel, in rows kept empty for it; the months below
    assert all(r == [None] * 10 for r in table(ws, 12, 28))
    assert ws._charts[0].anchor._from.row + 1 == 13
    assert table(ws, 29, 31) == [
        ["By month"] + [None] * 9,
        [
            "Month",
            "Contact",
            "Needs confirmed",
            "Qualified",
            "Plan offered",
            "Approved",
            "Signed",
            "Disbursed",
            "Delivered",
            "Contact to signed",
        ],
        ["2026-01", 8, 7, 4, 4, 3, 3, 2, 2, 0.375],
    ]
    chart = ws._charts[0]
    assert chart.tagname == "barChart"


def test_products_sheet(book: Any) -> None:
    ws = book[TITLES["products"]]
    apr = "Average APR (weighted by loan amount)"
    assert headings(ws) == [
        "Product",
        "Loans",
        "Share of loans",
        "Loan amount (CNY)",
        "Share of amount",
        apr,
        "Average term (months)",
    ]
    rows = table(ws)
    assert rows[:3] == [
        # the mix: one line per product
        ["Bank mortgage loan", 3, 0.75, 270000, 0.7714, 0.0652, 36],
        ["Finance-company loan", 1, 0.25, 80000, 0.2286, 0.08, 24],
        ["Total", 4, 1, 350000, 1, 0.0686, 33],
    ]
    # rows kept empty for the chart, then the detail
    assert all(r == [None] * 7 for r in rows[3:15])
    assert rows[15:] == [
        ["By lender and repayment method"] + [None] * 6,
        [
            "Product",
            "Lender",
            "Repayment method",
            "Loans",
            "Loan amount (CNY)",
            apr,
            "Average term (months)",
        ],
        ["Bank mortgage loan", "ICBC", "Equal installment", 2, 150000, 0.0733, 24],
        ["Bank mortgage loan", "ICBC", "Equal principal", 1, 120000, 0.055, 60],
        ["Finance-company loan", "Ping An", "Equal installment", 1, 80000, 0.08, 24],
    ]
    assert ws.auto_filter.ref == "A3:G5"
    (chart,) = ws._charts
    # one bar per product: categories are the mix's product names, the values its shares
    assert chart.series[0].cat.numRef.f.endswith("$A$4:$A$5")
    assert chart.series[0].val.numRef.f.endswith("$C$4:$C$5")


def test_rejections_sheet(book: Any) -> None:
    ws = book[TITLES["rejections"]]
    assert table(ws) == [
        ["Lost", "Monthly payment too high", 1, 0.5],  # typed, no category
        ["Lost", "Bought elsewhere", 1, 0.5],  # the category picked, its note not split out
        [
            "Qualification refused",
            "Income proof covers … months; … months of payslips or bank statements are required.",
            1,
            0.5,
        ],
        [
            "Qualification refused",
            "Proof of work (labour contract or business licence) is required.",
            1,
            0.5,
        ],
        ["Vehicle refused", "Accident vehicles cannot be financed.", 1, 1],
        ["Declined by the lender", "Other reason", 1, 1],
        ["Blacklist hit", "Blacklist hit", 1, 1],
    ]


def test_channels_sheet(book: Any) -> None:
    ws = book[TITLES["channels"]]
    assert table(ws) == [
        ["Walk-in", 3, 2, 0.6667, 220000],
        ["Online platform", 1, 0, 0, 0],
        ["Referral", 1, 1, 1, 80000],
        ["Partner dealer", 1, 0, 0, 0],
        ["Social media", 1, 0, 0, 0],
        ["Not recorded", 1, 0, 0, 0],
        ["Total", 8, 3, 0.375, 300000],
    ]


def test_follow_up_sheet(book: Any) -> None:
    ws = book[TITLES["follow_ups"]]
    assert headings(ws) == [
        "Salesperson",
        "Due",
        "Done on time",
        "Done late",
        "Missed",
        "Still open",
        "On-time rate",
    ]
    assert table(ws) == [
        ["Alice", 3, 1, 1, 1, 0, 0.3333],
        ["Bob", 2, 1, 0, 0, 1, 1],
        ["Total", 5, 2, 1, 1, 1, 0.5],
    ]


def test_consultation_sheet_masked(book: Any, data: Dataset) -> None:
    ws = book[TITLES["consultations"]]
    rows = table(ws)
    assert len(rows) == 8 and ws.auto_filter.ref == "A3:AA11"
    assert rows[0] == [
        data.ids["c1"],
        datetime(2026, 1, 5, 10, 0),
        "王**",
        "138****5671",
        "110105********0117",
        "10,000–15,000",
        "Potential",
        "Walk-in",
        "High",
        "Alice",
        "Delivered",
        "Delivered",
        None,
        "A",
        "Bank mortgage loan",
        "ICBC",
        "Equal installment",
        100000,
        36,
        0.06,
        1000,
        "Yes",
        datetime(2026, 1, 10, 10, 0),
        datetime(2026, 1, 12, 10, 0),
        None,
        None,
        95,
    ]
    # the category picked and the staff's own words, each in its column
    assert rows[1][0] == data.ids["c5"] and rows[1][24:26] == [
        "Bought elsewhere",
        "the 4S store across the road",
    ]
    assert rows[1][11] == "Needs confirmed" and rows[1][21] is None
    # c3: declined by the lender; its reason was typed without a category
    c3 = next(r for r in rows if r[0] == data.ids["c3"])
    assert c3[12] == "Declined" and c3[24:26] == ["Monthly payment too high", None]
    # no plain phone or ID anywhere in a masked workbook
    for row in rows:
        assert "*" in row[3] and "*" in row[4]
    assert ws["B4"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["T4"].number_format == "0.00%"


# ---------------------------------------------------------------------------
# roles, audit, language
# ---------------------------------------------------------------------------


def test_roles_and_audit(data: Dataset, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    with pytest.raises(PermissionDenied):
        export_workbook(data.database, JAN, out, actor=data.alice, now=NOW)
    with pytest.raises(PermissionDenied):
        export_workbook(data.database, JAN, out, actor=data.manager, unmasked=True, now=NOW)
    assert list(tmp_path.iterdir()) == []
    exports = len(audit.list_entries(data.database, data.owner, action=AuditAction.EXPORT))
    export_workbook(data.database, JAN, out, actor=data.owner, unmasked=True, now=NOW)
    ws = load_workbook(out)[TITLES["consultations"]]
    first = [c.value for c in ws[4]]
    assert first[2:6] == ["王小明", "13812345671", first[4], 12345.67]
    assert "*" not in first[4] and first[4].startswith("11010519900101")
    assert ws["F4"].number_format == "#,##0.00"
    assert "unmasked" in load_workbook(out)[TITLES["summary"]]["B27"].value
    entries = audit.list_entries(data.database, data.owner, action=AuditAction.EXPORT)
    assert len(entries) == exports + 1
    assert entries[0].username == "boss" and entries[0].detail["unmasked"] is True
    assert entries[0].detail["rows"] == 8 and entries[0].detail["from"] == "2026-01-01"
    pii = audit.list_entries(data.database, data.owner, action=AuditAction.VIEW_PII)
    assert pii[0].target_type == "report"


def test_chinese_headings(data: Dataset, tmp_path: Path) -> None:
    out = export_workbook(
        data.database, JAN, tmp_path / "zh.xlsx", actor=data.owner, lang="zh_CN", now=NOW
    )
    wb = load_workbook(out)
    titles = sheet_titles("zh_CN")
    assert wb.sheetnames == [titles[k] for k in SHEETS]
    assert titles["summary"] != "Summary" and all(len(t) <= 31 for t in titles.values())
    ws = wb[titles["funnel"]]
    assert ws["A4"].value != "Contact" and ws["B4"].value == 8
    assert display_width("汇总") == 4


def test_chinese_workbook_names_products_in_chinese(data: Dataset, tmp_path: Path) -> None:
    import json

    from resources import CATALOGUE

    catalogue = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    chinese = {p["name"]: p["name_zh"] for p in catalogue["products"]}
    out = export_workbook(
        data.database, JAN, tmp_path / "zh.xlsx", actor=data.owner, lang="zh_CN", now=NOW
    )
    wb = load_workbook(out)
    titles = sheet_titles("zh_CN")
    rows = table(wb[titles["products"]])
    assert [row[0] for row in rows[:3]] == ["银行按揭贷款", "汽车金融公司贷款", "合计"]
    details = rows[-3:]
    names = [row[0] for row in details]
    assert names == ["银行按揭贷款", "银行按揭贷款", "汽车金融公司贷款"]
    assert set(names) <= set(chinese.values())
    # the method column too (these lenders' names are typed ones the catalogue lacks)
    assert [row[1:3] for row in details] == [
        ["ICBC", "等额本息"],
        ["ICBC", "等额本金"],
        ["Ping An", "等额本息"],
    ]


# ---------------------------------------------------------------------------
# atomic writes, cancel, progress, bad destinations
# ---------------------------------------------------------------------------


def test_progress_reaches_the_total(data: Dataset, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_workbook(
        data.database,
        JAN,
        tmp_path / "p.xlsx",
        actor=data.owner,
        now=NOW,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[-1][0] == seen[-1][1] == 8 + len(SHEETS) + 1
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_leaves_no_file(
    data: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook_module, "ROW_TICK", 2)
    old = tmp_path / "keep.xlsx"
    old.write_bytes(b"previous report")
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 10  # part-way through the consultation rows

    with pytest.raises(ExportCancelled):
        export_workbook(data.database, JAN, old, actor=data.owner, now=NOW, cancelled=cancelled)
    assert old.read_bytes() == b"previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.xlsx"]
    with pytest.raises(ExportCancelled):
        export_workbook(
            data.database, JAN, tmp_path / "new.xlsx", actor=data.owner, cancelled=lambda: True
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.xlsx"]


def test_a_failure_leaves_the_old_file(
    data: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old")

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(workbook_module, "_consultations", boom)
    with pytest.raises(RuntimeError):
        export_workbook(data.database, JAN, out, actor=data.owner)
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]


def test_replaces_an_existing_report(data: Dataset, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old")
    export_workbook(data.database, JAN, out, actor=data.owner, now=NOW)
    assert load_workbook(out).sheetnames[0] == "Summary"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing/r.xlsx", "does not exist"),
        ("r.csv", "must end in .xlsx"),
        ("folder.xlsx", "is a folder"),
        ("locked.xlsx", "open in another program"),
        ("locked2.xlsx", "open in another program"),
    ],
)
def test_bad_destinations(data: Dataset, tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "folder.xlsx").mkdir()
    (tmp_path / "locked.xlsx").write_bytes(b"x")
    (tmp_path / "~$locked.xlsx").write_bytes(b"excel lock")
    (tmp_path / ".~lock.locked2.xlsx#").write_text("libreoffice lock")
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(UserError, match=message):
        export_workbook(data.database, JAN, tmp_path / name, actor=data.owner)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "locked.xlsx").read_bytes() == b"x"


@pytest.mark.unprivileged
@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_unwritable_folder(data: Dataset, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(UserError, match="Cannot write"):
            export_workbook(data.database, JAN, folder / "r.xlsx", actor=data.owner)
    finally:
        folder.chmod(0o755)


# ---------------------------------------------------------------------------
# the command
# ---------------------------------------------------------------------------


@pytest.fixture
def cli_env(data: Dataset, monkeypatch: pytest.MonkeyPatch) -> Path:
    key = Path(str(data.database.key_path))
    monkeypatch.setenv("LOANDESK_KEY_FILE", str(key))
    path = data.database.path
    assert path is not None
    return path


def test_command_writes_the_report(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cli.xlsx"
    code = main.main(
        [
            "export-report",
            "--db",
            str(cli_env),
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
            "--out",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert str(out) in capsys.readouterr().out
    wb = load_workbook(out)
    assert wb["Summary"]["B7"].value == 8
    assert "*" in wb["Consultations"]["D4"].value


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-02-01", "--to", "2026-01-31"], "--to (2026-01-31) is before --from"),
        (["--from", "2026-13-01", "--to", "2026-01-31"], "--from: '2026-13-01' is not a date"),
        (["--from", "2026-01-01", "--to", "soon"], "--to: 'soon' is not a date"),
        (["--from", "2026-01-01", "--to", "2026-01-31", "--store", "x"], "--store"),
        (["--from", "2026-01-01", "--to", "2026-01-31", "--store", "9"], "Store 9"),
    ],
)
def test_command_bad_input(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    out = tmp_path / "r.xlsx"
    code = main.main(["export-report", "--db", str(cli_env), "--out", str(out), *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and err.count("\n") == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_command_destination_and_database_errors(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["export-report", "--from", "2026-01-01", "--to", "2026-01-31"]
    assert main.main([*base, "--db", str(cli_env), "--out", str(tmp_path / "no" / "r.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err
    missing = tmp_path / "none.sqlite3"
    assert main.main([*base, "--db", str(missing), "--out", str(tmp_path / "r.xlsx")]) == 2
    assert "no LoanDesk database" in capsys.readouterr().err
    assert not missing.exists() and list(tmp_path.iterdir()) == []


def test_typed_text_is_never_a_formula(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from reports.excel.layout import Column, Table

    wb = Workbook(write_only=True)
    t = Table(wb, "T", "=title", "ctx", [Column("Name"), Column("Amount", "money")])
    t.row(['=HYPERLINK("http://x")', 5])
    t.plain(["=1+2"])
    t.finish()
    wb.save(tmp_path / "t.xlsx")
    ws = load_workbook(tmp_path / "t.xlsx")["T"]
    assert ws["A4"].data_type == "s" and ws["A4"].value == '=HYPERLINK("http://x")'
    assert ws["A5"].data_type == "s" and ws["A1"].data_type == "s"
    assert ws["B4"].value == 5


def test_unwritable_folder_reported(
    data: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reports.excel import export as export_module

    monkeypatch.setattr(export_module.os, "access", lambda *a, **k: False)
    with pytest.raises(UserError, match="Cannot write to the folder"):
        export_workbook(data.database, JAN, tmp_path / "r.xlsx", actor=data.owner)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "text", "lang", "shown"),
    [
        (
            "price",
            "Price or monthly payment too high: wants 3,000",
            "zh_CN",
            "价格或月供过高：wants 3,000",
        ),
        ("price", "价格或月供过高：太贵", "en", "Price or monthly payment too high: 太贵"),
        ("bought_elsewhere", "Bought elsewhere", "zh_CN", ""),
        ("", "customer postponed", "zh_CN", "customer postponed"),
    ],
)
def test_lost_reasons_print_their_category_in_the_workbook_language(
    code: str, text: str, lang: str, shown: str
) -> None:
    from resources.i18n import translator

    if code == "bought_elsewhere":  # whatever the .ts says, not the English words
        shown = translator("zh_CN").reason("Bought elsewhere")
        assert shown != "Bought elsewhere"
    assert workbook_module.lost_text(code, text, lang) == shown

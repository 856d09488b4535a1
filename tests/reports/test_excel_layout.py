"""The workbook as a reader prints it: charts beside no data, every sheet one page wide
with its headings repeated and a footer; in both languages, on a demo store."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from db import Database
from db.services.staff import owner_actor
from reports.excel import export_workbook, sheet_titles
from reports.excel.layout import HEADER_ROW
from tests.reports.test_report_model_demo import NOW, PERIOD, demo
from tests.reports.test_report_model_demo import store as store  # the same demo store

EMU_PER_CM = 360_000
ROW_CM = 15 / 72 * 2.54  # a default row, 15 points
DEFAULT_WIDTH = 8.43  # Excel's default column width in characters


def _export(store: Database, lang: str, folder: Path) -> Any:
    out = folder / "report.xlsx"
    export_workbook(store, PERIOD, out, actor=owner_actor(store), lang=lang, now=NOW)
    return load_workbook(out)


@pytest.fixture(scope="module", params=["en", "zh_CN"])
def book(
    request: pytest.FixtureRequest, store: Database, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Any]:
    lang = request.param
    return lang, _export(store, lang, tmp_path_factory.mktemp(f"layout-{lang}"))


def _column_cm(ws: Any, index: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(index))
    width = dim.width if dim is not None and dim.width else DEFAULT_WIDTH
    return (width * 7 + 5) / 96 * 2.54


def covered_cells(ws: Any, chart: Any) -> tuple[int, int, int, int]:
    """(first row, last row, first column, last column), 1-based, under the chart."""
    anchor = chart.anchor
    row0, col0 = anchor._from.row + 1, anchor._from.col + 1
    if hasattr(anchor, "to") and anchor.to is not None:
        return row0, anchor.to.row + 1, col0, anchor.to.col + 1
    width_cm = anchor.ext.width / EMU_PER_CM
    height_cm = anchor.ext.height / EMU_PER_CM
    col, acc = col0, _column_cm(ws, col0)
    while acc < width_cm:
        col += 1
        acc += _column_cm(ws, col)
    rows = math.ceil(height_cm / ROW_CM - 1e-6)  # rows the chart's bottom edge reaches into
    return row0, row0 + rows - 1, col0, col


def test_every_chart_covers_no_cell_with_data(book: tuple[str, Any]) -> None:
    lang, wb = book
    charts = 0
    for ws in wb.worksheets:
        for chart in ws._charts:
            charts += 1
            r0, r1, c0, c1 = covered_cells(ws, chart)
            under = [
                (cell.coordinate, cell.value)
                for row in ws.iter_rows(min_row=r0, max_row=r1, min_col=c0, max_col=c1)
                for cell in row
                if cell.value not in (None, "")
            ]
            assert under == [], (lang, ws.title, chart.tagname)
    assert charts == 4  # KPIs, funnel, products, channels


def test_every_sheet_prints_one_page_wide_with_its_headings_and_a_footer(
    book: tuple[str, Any],
) -> None:
    lang, wb = book
    page = "第 &P 页 / 共 &N 页" if lang == "zh_CN" else "Page &P of &N"
    period = "2026-01-01 至 2026-05-31" if lang == "zh_CN" else "2026-01-01 to 2026-05-31"
    assert (PERIOD.start.isoformat(), PERIOD.end.isoformat()) == ("2026-01-01", "2026-05-31")
    assert len(wb.worksheets) == len(sheet_titles(lang))
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows == f"$1:${HEADER_ROW}", ws.title
        assert ws.oddFooter.left.text == demo.DEMO_STORE_NAME
        assert ws.oddFooter.center.text == period
        assert ws.oddFooter.right.text == page


def test_chinese_workbook_has_no_english_label(store: Database, tmp_path: Path) -> None:
    """Product names, lenders, methods, loss categories, stages: Chinese in a Chinese
    workbook (the staff's typed notes and the store's own name aside)."""
    wb = _export(store, "zh_CN", tmp_path)
    titles = sheet_titles("zh_CN")
    import re

    latin = re.compile(r"[A-Za-z]{3,}")
    note_column = None
    for ws in wb.worksheets:
        is_rows = ws.title == titles["consultations"]
        if is_rows:
            heads = [c.value for c in ws[HEADER_ROW]]
            note_column = heads.index("流失原因：备注") + 1
        for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, 400)):
            for cell in row:
                v = cell.value
                if not isinstance(v, str) or (is_rows and cell.column == note_column):
                    continue
                v = v.replace(demo.DEMO_STORE_NAME, "")  # data, as the owner named it
                words = set(latin.findall(v)) - {"VIP"}  # 贵宾 customers are "VIP 客户"
                assert not words, (ws.title, cell.coordinate, v)

"""Cell formats, column kinds and a streaming table writer over openpyxl write-only sheets.

Every sheet has the same frame: row 1 a title, row 2 one line of context,
row 3 the column headings (frozen, with an autofilter), data from row 4.
Text that starts with ``=`` (a customer name, a typed lost reason) is
written as text, never as a formula.  Columns declare a *kind*; the kind
decides the number format and a width that fits.  Each column keeps one
styled prototype cell that is refilled for every row (write-only sheets
write a row as soon as it is appended), so a styled row costs no more style
look-ups than a plain one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.pagebreak import Break

from lending.money import format_cny

HEADER_ROW = 3
FIRST_DATA_ROW = HEADER_ROW + 1

FORMATS: dict[str, str] = {
    "text": "General",
    "int": "#,##0",
    "id": "0",
    "count": "#,##0.0",
    "money": "#,##0.00",
    "percent": "0.00%",
    "number": "0.00",
    "decimal1": "0.0",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
}
WIDTHS: dict[str, int] = {
    "text": 12,
    "int": 8,
    "id": 8,
    "count": 8,
    "money": 14,
    "percent": 9,
    "number": 8,
    "decimal1": 8,
    "date": 11,
    "datetime": 17,
}
MAX_WIDTH = 60

TITLE_FONT = Font(bold=True, size=14)
NOTE_FONT = Font(italic=True, color="555555")
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="top")
TOTAL_FONT = Font(bold=True)


def display_width(text: str) -> int:
    """Columns a text needs: CJK and full-width characters count twice."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def _text_cell(ws: Any, value: Any) -> Cell:
    c = WriteOnlyCell(ws, value)
    if isinstance(value, str) and value.startswith("="):
        c.data_type = "s"  # typed text, never a formula
    return c


@dataclass(frozen=True)
class Column:
    heading: str
    """Already translated."""
    kind: str = "text"
    width: int | None = None
    """Fixed width; None = fit the heading and (small sheets) the values."""


def cell_value(kind: str, value: Any) -> Any:
    """What goes into the cell: percent Decimals become fractions for the % format."""
    if value is None:
        return None
    if kind == "percent":
        return Decimal(value) / 100
    if kind in ("date", "datetime") and isinstance(value, datetime) and value.tzinfo is not None:
        raise ValueError("aware datetimes must be converted to the store's local time first")
    return value


def _shown(kind: str, value: Any) -> str:
    """Rough text of a value, for fitting a column."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if kind == "money":
        return format_cny(Decimal(value))
    if kind == "percent":
        return "100.00%"
    if kind == "date" or (isinstance(value, date) and not isinstance(value, datetime)):
        return "2026-01-31"
    if kind == "datetime":
        return "2026-01-31 23:59"
    return str(value)


ROW_HEIGHT_CM = 15 / 72 * 2.54
"""A default row (15 points) in centimetres, as openpyxl sizes charts."""


def column_cm(width: float) -> float:
    """A column ``width`` characters wide in centimetres (7 px a character + 5, 96 dpi)."""
    return (width * 7 + 5) / 96 * 2.54


@dataclass(frozen=True)
class PageFrame:
    """How every sheet prints: landscape, one page wide, the heading rows repeated on
    each page, and a footer with the store, the period and "page x of y"."""

    store: str
    period: str
    page: str
    """The page number text with ``{page}`` and ``{pages}`` (e.g. "Page {page} of {pages}")."""

    def apply(self, ws: Any) -> None:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as it needs
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = f"1:{HEADER_ROW}"
        ws.print_options.gridLines = False
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top, ws.page_margins.bottom = 0.5, 0.6
        ws.oddFooter.left.text = _footer_text(self.store)
        ws.oddFooter.center.text = _footer_text(self.period)
        ws.oddFooter.right.text = _footer_text(self.page, codes=True)
        for part in (ws.oddFooter.left, ws.oddFooter.center, ws.oddFooter.right):
            part.size = 8


PRINTABLE_CM = (27.6, 17.5)
"""Width and height a landscape A4 page leaves for the sheet within the margins above."""


def _page_of(row: int, widths: Sequence[float]) -> int:
    """Which printed page (0 first) a row lands on, fitted to one page wide (an estimate:
    the office program decides the exact scale)."""
    scale = min(1.0, PRINTABLE_CM[0] / max(sum(column_cm(w) for w in widths), 1.0))
    per_page = max(int(PRINTABLE_CM[1] / (ROW_HEIGHT_CM * scale)), HEADER_ROW + 5)
    if row <= per_page:
        return 0
    return 1 + (row - per_page - 1) // (per_page - HEADER_ROW)  # headings repeat


def _footer_text(text: str, *, codes: bool = False) -> str:
    """Footer text with ``&`` escaped; ``codes``: ``{page}``/``{pages}`` become &P/&N."""
    out = text.replace("&", "&&")
    if codes:
        out = out.replace("{page}", "&P").replace("{pages}", "&N")
    return out


class Table:
    """One sheet: title, context line, headings, rows, optional totals row."""

    def __init__(
        self,
        wb: Workbook,
        title: str,
        heading: str,
        context: str,
        columns: Sequence[Column],
        *,
        rows_for_width: Sequence[Sequence[Any]] = (),
        freeze_column: int = 0,
        min_columns: int = 0,
        page: PageFrame | None = None,
    ) -> None:
        ws = wb.create_sheet(title)
        assert isinstance(ws, WriteOnlyWorksheet)
        # Any: the stubs leave out what a write-only sheet takes from a worksheet
        # (column_dimensions, row_breaks, add_chart, auto_filter)
        self.ws: Any = cast(Any, ws)
        self.columns = tuple(columns)
        self.rows_written = 0
        self.widths: list[float] = []
        if page is not None:  # before the first row: the sheet's head is written with it
            page.apply(ws)
        for i, col in enumerate(self.columns, 1):
            width = col.width
            if width is None:
                width = max(
                    WIDTHS.get(col.kind, 10),
                    min(display_width(col.heading), 24) + 2,
                    *(display_width(_shown(col.kind, r[i - 1])) + 2 for r in rows_for_width),
                )
            self.ws.column_dimensions[get_column_letter(i)].width = min(width, MAX_WIDTH)
            self.widths.append(min(width, MAX_WIDTH))
        for i in range(len(self.columns) + 1, min_columns + 1):
            self.ws.column_dimensions[get_column_letter(i)].width = 12
            self.widths.append(12)
        ws.freeze_panes = f"{get_column_letter(freeze_column + 1)}{FIRST_DATA_ROW}"
        t = _text_cell(ws, heading)
        t.font = TITLE_FONT
        ws.append([t])
        n = _text_cell(ws, context)
        n.font = NOTE_FONT
        ws.append([n])
        heads = []
        for col in self.columns:
            h = _text_cell(ws, col.heading)
            h.font, h.fill, h.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGN
            heads.append(h)
        ws.append(heads)
        self._kinds = tuple(col.kind for col in self.columns)
        # one prototype per (column, kind, bold): never the same object twice in a row,
        # because every value of a row is filled in before the row is appended
        self._protos: dict[tuple[int, str, bool], Cell] = {}

    def _proto(self, index: int, kind: str, bold: bool) -> Cell:
        key = (index, kind, bold)
        c = self._protos.get(key)
        if c is None:
            c = self._protos[key] = WriteOnlyCell(self.ws)
            fmt = FORMATS.get(kind, "General")
            if fmt != "General":
                c.number_format = fmt
            if bold:
                c.font = TOTAL_FONT
        return c

    def row(
        self, values: Sequence[Any], *, total: bool = False, kinds: Sequence[str] | None = None
    ) -> None:
        """One data row; ``kinds`` overrides the columns' kinds for this row only."""
        out: list[Any] = []
        for i, (kind, value) in enumerate(zip(kinds or self._kinds, values, strict=True)):
            if (
                kind == "text"
                and not total
                and (not isinstance(value, str) or not value.startswith("="))
            ):
                # unstyled: a plain value is cheaper for openpyxl than a cell object
                out.append(value)
                continue
            v = cell_value(kind, value)
            if v is None:
                out.append(None)
            else:
                proto = self._proto(i, kind, total)
                proto.value = v
                if isinstance(v, str) and v.startswith("="):
                    proto.data_type = "s"  # typed text, never a formula
                out.append(proto)
        self.ws.append(out)
        self.rows_written += 1

    def blank(self) -> None:
        self.ws.append([])
        self.rows_written += 1

    def plain(self, values: Sequence[Any], *, bold: bool = False) -> None:
        """A free row (sub-headings, notes) outside the column kinds."""
        out = []
        for v in values:
            c = _text_cell(self.ws, v)
            if bold:
                c.font = HEADER_FONT
            out.append(c)
        self.ws.append(out)
        self.rows_written += 1

    @property
    def last_row(self) -> int:
        return HEADER_ROW + self.rows_written

    def add_chart_below(
        self,
        chart: Any,
        *,
        height_rows: int = 18,
        max_width_cm: float = 24.0,
        reserve: bool = False,
    ) -> None:
        """Anchor ``chart`` two rows under the last row written, as wide as the table
        (within ``max_width_cm``), ``height_rows`` rows high: it covers no cell with
        data and prints inside the table's page width.  Call after the last row, or
        with ``reserve`` to write that many empty rows under it and go on below."""
        start = self.last_row + 2
        if _page_of(start, self.widths) != _page_of(start + height_rows - 1, self.widths):
            # it would be cut by a page break: start it on the next page
            self.ws.row_breaks.append(Break(id=self.last_row + 1))
        chart.anchor = f"A{start}"
        chart.width = max(12.0, min(sum(column_cm(w) for w in self.widths), max_width_cm))
        chart.height = height_rows * ROW_HEIGHT_CM
        self.ws.add_chart(chart)
        if reserve:
            for _ in range(height_rows + 2):
                self.blank()

    def finish(self, filter_rows: int | None = None) -> None:
        """Autofilter over the headings and ``filter_rows`` data rows (default: all)."""
        rows = self.rows_written if filter_rows is None else filter_rows
        last = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(rows, 0)}"


Translate = Callable[[str], str]

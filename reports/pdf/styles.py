"""One named stylesheet and the table styles every document shares."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.platypus import TableStyle

from reports.pdf.fonts import FontSet

# A sober bank palette: dark navy text accents, light blue-grey fills.
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#5b6470")
ACCENT = colors.HexColor("#0b3d6e")
ACCENT_LIGHT = colors.HexColor("#e8f0f8")
CHOSEN = colors.HexColor("#fff4d6")
CHOSEN_EDGE = colors.HexColor("#c98a00")
RULE = colors.HexColor("#9aa5b1")
GRID = colors.HexColor("#c8d0d8")
ZEBRA = colors.HexColor("#f5f7fa")
WARN = colors.HexColor("#8a1c1c")
WARN_LIGHT = colors.HexColor("#fcecec")
WATERMARK = colors.Color(0.72, 0.1, 0.1, alpha=0.16)
"""The sample-data watermark, drawn over the page content, see-through."""

BASE_SIZE = 9
TABLE_SIZE = 8


@lru_cache(maxsize=8)
def stylesheet(fonts: FontSet) -> StyleSheet1:
    """Named paragraph styles; CJK line breaking everywhere."""
    sheet = StyleSheet1()
    regular, bold = fonts.regular, fonts.bold

    def add(name: str, **kw: Any) -> None:
        parent = kw.pop("parent", None)
        base: dict[str, Any] = {
            "fontName": regular,
            "fontSize": BASE_SIZE,
            "leading": BASE_SIZE * 1.45,
            "textColor": INK,
            "wordWrap": "CJK",
        }
        if parent is not None:
            sheet.add(ParagraphStyle(name, parent=sheet[str(parent)], **kw))
        else:
            base.update(kw)
            sheet.add(ParagraphStyle(name, **base))

    add("Normal")
    add("Small", parent="Normal", fontSize=7.5, leading=10.5, textColor=MUTED)
    add("Note", parent="Normal", fontSize=8, leading=11)
    add("StoreName", parent="Normal", fontName=bold, fontSize=15, leading=19, textColor=ACCENT)
    add("StoreLine", parent="Small")
    add(
        "DocTitle",
        parent="Normal",
        fontName=bold,
        fontSize=16,
        leading=20,
        alignment=TA_RIGHT,
        textColor=ACCENT,
    )
    add("DocMeta", parent="Small", alignment=TA_RIGHT)
    add(
        "Section",
        parent="Normal",
        fontName=bold,
        fontSize=10.5,
        leading=14,
        textColor=ACCENT,
        spaceBefore=5,
        spaceAfter=3,
    )
    add("Label", parent="Normal", fontSize=8, leading=11, textColor=MUTED)
    add("Value", parent="Normal", fontSize=9, leading=12)
    add("Cell", parent="Normal", fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.35)
    add("CellBold", parent="Cell", fontName=bold)
    add("CellRight", parent="Cell", alignment=TA_RIGHT)
    add("CellBoldRight", parent="CellBold", alignment=TA_RIGHT)
    add("CellHead", parent="Cell", fontName=bold, textColor=colors.white, alignment=TA_CENTER)
    add("KeyLabel", parent="Normal", fontSize=8, leading=11, textColor=MUTED, alignment=TA_CENTER)
    add(
        "KeyValue",
        parent="Normal",
        fontName=bold,
        fontSize=15,
        leading=19,
        textColor=ACCENT,
        alignment=TA_CENTER,
    )
    add("KeyUnit", parent="Small", alignment=TA_CENTER)
    add("Warning", parent="Note", textColor=WARN)
    add("Emphasis", parent="Normal", fontName=bold, fontSize=10.5, leading=14)
    add(
        "Reprint",
        parent="Normal",
        fontName=bold,
        fontSize=9.5,
        leading=13,
        textColor=WARN,
        borderColor=WARN,
        borderWidth=0.8,
        borderPadding=(3, 5, 3, 5),
        spaceAfter=8,
        alignment=TA_CENTER,
    )
    add("Signature", parent="Normal", fontSize=9.5, leading=16, alignment=TA_LEFT)
    return sheet


def grid_table_style(fonts: FontSet, *, header_rows: int = 1) -> list[tuple[object, ...]]:
    """A data table: navy header, fine grid, numbers right-aligned by the caller."""
    cmds: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.regular, TABLE_SIZE, TABLE_SIZE * 1.3),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.7),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT),
            ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white),
            ("FONT", (0, 0), (-1, header_rows - 1), fonts.bold, TABLE_SIZE, TABLE_SIZE * 1.3),
            ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        ]
    return cmds


def table_style(cmds: Sequence[Any]) -> TableStyle:
    return TableStyle(cmds)

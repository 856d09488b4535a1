"""What every sheet of the owner's workbook shares: its words, titles and page frame.

The translation (context ``ExcelReport``, in the workbook's own language), the sheets'
titles, the heading that says which store and period a sheet covers, the print frame,
and how a list or a member of staff is written in a cell.
"""

from __future__ import annotations

from collections.abc import Callable

from reports.excel.layout import PageFrame
from reports.model import Report, word
from resources.i18n import translator

TR_CONTEXT = "ExcelReport"

Tick = Callable[[int], None]
"""Called with the number of units of work just done (may raise to cancel)."""

ROW_TICK = 500
"""The consultations sheet reports progress (and checks for cancel) every this many rows."""


def _t(text: str, lang: str | None) -> str:
    return translator(lang)(TR_CONTEXT, text)


def sheet_titles(lang: str | None) -> dict[str, str]:
    """Sheet key -> translated sheet title (at most 31 characters, as Excel requires)."""
    return {
        "summary": _t("Summary", lang),
        "kpis": _t("Salesperson KPIs", lang),
        "funnel": _t("Funnel", lang),
        "products": _t("Products and lenders", lang),
        "rejections": _t("Rejections and losses", lang),
        "channels": _t("Channels", lang),
        "follow_ups": _t("Follow-ups", lang),
        "overdue": _t("Overdue", lang),
        "consultations": _t("Consultations", lang),
    }


SHEETS = tuple(sheet_titles("en"))


def _context(report: Report, lang: str | None) -> str:
    p = report.period
    return _t("{store}, {start} to {end}", lang).format(
        store=report.summary.store_name, start=p.start.isoformat(), end=p.end.isoformat()
    )


def _frame(report: Report, lang: str | None) -> PageFrame:
    """Landscape, one page wide, headings repeated; footer: store, period, page x of y."""
    p = report.period
    return PageFrame(
        store=report.summary.store_name,
        period=_t("{start} to {end}", lang).format(
            start=p.start.isoformat(), end=p.end.isoformat()
        ),
        page=_t("Page {page} of {pages}", lang),
    )


def _list(items: list[str], lang: str | None) -> str:
    """Join a list the way the language does (``a, b`` / ``a、b``)."""
    separator = _t("{a}, {b}", lang).format(a="", b="")
    return separator.join(items)


def _person(name: str, staff_id: int | None, lang: str | None) -> str:
    return word(name, lang) if staff_id is None else name

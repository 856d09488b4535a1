"""The workbook's breakdown sheets: products, refusals, channels, follow-ups, overdue.

Each takes the report model (:mod:`reports.model`) and writes one sheet with frozen
headers, number formats and, where it helps, a chart; the summary, KPI, funnel and
consultation sheets are in :mod:`reports.excel.workbook`.
"""

from __future__ import annotations

from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.workbook import Workbook

from reports.excel.layout import FIRST_DATA_ROW, HEADER_ROW, Column, Table
from reports.excel.sheet_common import (
    _context,
    _frame,
    _list,
    _person,
    _t,
)
from reports.lenders import lender_name
from reports.model import Report, label, word
from reports.model.sql import template_label
from resources.i18n import translator


def _products(wb: Workbook, title: str, report: Report, lang: str | None) -> None:
    shown = lang or translator().language
    apr = _t("Average APR (weighted by loan amount)", lang)
    cols = [
        Column(_t("Product", lang), "text"),
        Column(_t("Loans", lang), "int"),
        Column(_t("Share of loans", lang), "percent"),
        Column(_t("Loan amount (CNY)", lang), "money"),
        Column(_t("Share of amount", lang), "percent"),
        Column(apr, "percent"),
        Column(_t("Average term (months)", lang), "decimal1"),
    ]
    mix = [
        [
            p.name(shown),
            p.loans,
            p.loan_share,
            p.amount,
            p.amount_share,
            p.average_apr,
            p.average_term,
        ]
        for p in report.products
    ]
    t = report.product_total
    total = [
        word("Total", lang),
        t.loans,
        t.loan_share,
        t.amount,
        t.amount_share,
        t.average_apr,
        t.average_term,
    ]
    detail_heads = [
        _t("Product", lang),
        _t("Lender", lang),
        _t("Repayment method", lang),
        _t("Loans", lang),
        _t("Loan amount (CNY)", lang),
        apr,
        _t("Average term (months)", lang),
    ]
    details = [
        [
            p.name(shown),
            lender_name(p.lender, lang),
            label("method", p.method, lang),
            p.loans,
            p.amount,
            p.average_apr,
            p.average_term,
        ]
        for p in report.product_details
    ]
    context = _context(report, lang) + " · " + _t("Loans signed in the period.", lang)
    table = Table(
        wb,
        title,
        _t("Products and lenders", lang),
        context,
        cols,
        rows_for_width=[*mix, total, *details, detail_heads],
        page=_frame(report, lang),
    )
    for v in mix:
        table.row(v)
    last = table.last_row
    table.row(total, total=True)
    if mix:  # right under the mix it describes, in rows kept empty for it
        chart = BarChart()
        chart.type = "bar"
        chart.title = _t("Product mix: share of loans", lang)
        chart.x_axis.scaling.orientation = "maxMin"  # largest product at the top
        chart.x_axis.tickLblSkip = 1  # every product named
        chart.y_axis.number_format = "0%"
        chart.legend = None
        chart.add_data(
            Reference(table.ws, min_col=3, min_row=HEADER_ROW, max_row=last), titles_from_data=True
        )
        chart.set_categories(Reference(table.ws, min_col=1, min_row=FIRST_DATA_ROW, max_row=last))
        table.add_chart_below(chart, height_rows=min(15, 2 * len(mix) + 6), reserve=True)
    # the detail: by product, lender and repayment method (its own headings)
    table.plain([_t("By lender and repayment method", lang)], bold=True)
    table.plain(detail_heads, bold=True)
    detail_kinds = ("text", "text", "text", "int", "money", "percent", "decimal1")
    for v in details:
        table.row(v, kinds=detail_kinds)
    table.finish(len(mix))


def _rejections(wb: Workbook, title: str, report: Report, lang: str | None) -> None:
    tr = translator(lang)
    cols = [
        Column(_t("Kind", lang), "text"),
        Column(_t("Reason", lang), "text"),
        Column(_t("Count", lang), "int"),
        Column(_t("Share within kind", lang), "percent"),
    ]
    body = []
    for r in report.rejections:
        if r.kind == "lost" and r.code.startswith("lost."):
            text = template_label(tr.reason(r.reason))  # a category picked in the GUI
        elif r.kind == "lost":
            text = r.reason or _t("(no reason given)", lang)
        elif r.kind in ("blacklist", "withdrawn"):
            text = label("rejection", r.kind, lang)
        else:
            text = template_label(tr.reason(r.reason))
        body.append([label("rejection", r.kind, lang), text, r.count, r.share])
    context = _context(report, lang) + " · " + _t("Lost, refused or blocked in the period.", lang)
    table = Table(
        wb,
        title,
        _t("Rejections and losses", lang),
        context,
        cols,
        rows_for_width=body,
        page=_frame(report, lang),
    )
    for v in body:
        table.row(v)
    table.finish()


def _channels(wb: Workbook, title: str, report: Report, lang: str | None) -> None:
    cols = [
        Column(_t("Source channel", lang), "text"),
        Column(_t("Leads", lang), "int"),
        Column(_t("Signed", lang), "int"),
        Column(_t("Conversion", lang), "percent"),
        Column(_t("Loan amount (CNY)", lang), "money"),
    ]
    body = [
        [label("channel", c.channel, lang), c.leads, c.signed, c.conversion, c.amount]
        for c in report.channels
    ]
    t = report.channel_total
    total = [word("Total", lang), t.leads, t.signed, t.conversion, t.amount]
    context = (
        _context(report, lang)
        + " · "
        + _t("Leads first contacted in the period and how many of them signed.", lang)
    )
    table = Table(
        wb,
        title,
        _t("Channels", lang),
        context,
        cols,
        rows_for_width=[*body, total],
        page=_frame(report, lang),
    )
    for v in body:
        table.row(v)
    table.row(total, total=True)
    table.finish(len(body))
    if body:
        chart = BarChart()
        chart.title = _t("Leads and signed loans by channel", lang)
        last = HEADER_ROW + len(body)
        chart.add_data(
            Reference(table.ws, min_col=2, max_col=3, min_row=HEADER_ROW, max_row=last),
            titles_from_data=True,
        )
        chart.set_categories(Reference(table.ws, min_col=1, min_row=FIRST_DATA_ROW, max_row=last))
        table.add_chart_below(chart, height_rows=18)


def _follow_ups(wb: Workbook, title: str, report: Report, lang: str | None) -> None:
    cols = [
        Column(_t("Salesperson", lang), "text"),
        Column(_t("Due", lang), "int"),
        Column(_t("Done on time", lang), "int"),
        Column(_t("Done late", lang), "int"),
        Column(_t("Missed", lang), "int"),
        Column(_t("Still open", lang), "int"),
        Column(_t("On-time rate", lang), "percent"),
    ]

    def values(f: Any) -> list[Any]:
        return [
            _person(f.name, f.staff_id, lang),
            f.due,
            f.on_time,
            f.late,
            f.missed,
            f.open,
            f.on_time_rate,
        ]

    body = [values(f) for f in report.follow_ups]
    total = values(report.follow_up_total)
    context = (
        _context(report, lang)
        + " · "
        + _t("Follow-ups due in the period; on time = done by the end of the day it was due.", lang)
    )
    table = Table(
        wb,
        title,
        _t("Follow-ups", lang),
        context,
        cols,
        rows_for_width=[*body, total],
        page=_frame(report, lang),
    )
    for v in body:
        table.row(v)
    table.row(total, total=True)
    table.finish(len(body))


def _overdue(wb: Workbook, title: str, report: Report, lang: str | None) -> None:
    """Overdue rates M1+ and M3+ by salesperson, product and lender (the lenders' files)."""
    o = report.overdue
    first = _t("Salesperson", lang)

    def heads(name: str) -> list[str]:
        return [
            name,
            _t("Loans being repaid", lang),
            _t("Settled", lang),
            _t("Overdue M1+ (1+ days)", lang),
            _t("M1+ rate", lang),
            _t("Overdue M3+ (61+ days)", lang),
            _t("M3+ rate", lang),
        ]

    kinds = ("text", "int", "int", "int", "percent", "int", "percent")
    cols = [Column(h, k) for h, k in zip(heads(first), kinds, strict=True)]
    if o is None:
        context = (
            _context(report, lang)
            + " · "
            + _t(
                "No post-loan status imported yet: import the lenders' files under Tools → "
                "Import lender status….",
                lang,
            )
        )
        Table(wb, title, _t("Overdue", lang), context, cols, page=_frame(report, lang)).finish(0)
        return
    shown = lang or translator().language

    def values(x: Any) -> list[Any]:
        if x.kind == "salesperson":
            name = x.name if x.key else word("Unassigned", lang)
        elif x.kind == "lender":
            name = lender_name(x.name, lang)
        elif x.kind == "total":
            name = word("Total", lang)
        else:
            name = x.label(shown)
        return [name, x.loans, x.settled, x.m1, x.m1_rate, x.m3, x.m3_rate]

    sections = [
        (first, o.of("salesperson")),
        (_t("Product", lang), o.of("product")),
        (_t("Lender", lang), o.of("lender")),
    ]
    body = {k: [values(x) for x in xs] for k, xs in sections}
    total = values(o.total)
    context = (
        _context(report, lang)
        + " · "
        + _t(
            "Each signed loan's latest status from the lenders' files up to {end} (as of "
            "{dates}); rate = overdue loans / loans being repaid.",
            lang,
        ).format(
            end=report.period.end.isoformat(),
            dates=_list([d.isoformat() for d in o.as_of[-3:]], lang)
            + (" …" if len(o.as_of) > 3 else ""),
        )
    )
    table = Table(
        wb,
        title,
        _t("Overdue", lang),
        context,
        cols,
        rows_for_width=[
            *(r for rows in body.values() for r in rows),
            total,
            *(heads(k) for k, _ in sections),
        ],
        page=_frame(report, lang),
    )
    for i, (name, _) in enumerate(sections):
        if i:
            table.blank()
            table.plain(heads(name), bold=True)
        for v in body[name]:
            table.row(v, kinds=kinds)
        table.row(total, kinds=kinds, total=True)
        if i == 0:
            n_first = len(body[name])
    table.finish(n_first)

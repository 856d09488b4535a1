"""Lay the report model out as sheets: the workbook only arranges numbers it is given.

Sheets: Summary, Salesperson KPIs, Funnel, Products and lenders, Rejections
and losses, Channels, Follow-ups, Overdue, Consultations (streamed, one row per
consultation).  Headings, codes (stages, methods, loss categories) and catalogue
names (products, lenders) in the workbook's language (English or Simplified
Chinese).  Every sheet prints landscape and one page wide with its headings
repeated and a footer (store, period, page x of y); charts sit in rows of their
own (``Table.add_chart_below``), never over a figure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC
from decimal import Decimal
from typing import Any

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.workbook import Workbook

from reports.excel.layout import FIRST_DATA_ROW, HEADER_ROW, Column, PageFrame, Table
from reports.lenders import lender_name
from reports.model import ConsultationRow, Report, label, word
from reports.model.sql import template_label
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


def write_report(
    wb: Workbook,
    report: Report,
    rows: Iterable[ConsultationRow],
    *,
    lang: str | None = None,
    masked: bool = True,
    tick: Tick = lambda n: None,
) -> int:
    """Add every sheet to a write-only workbook; returns the consultation rows written."""
    titles = sheet_titles(lang)
    _summary(wb, titles["summary"], report, lang, masked)
    tick(1)
    _kpis(wb, titles["kpis"], report, lang)
    tick(1)
    _funnel(wb, titles["funnel"], report, lang)
    tick(1)
    _products(wb, titles["products"], report, lang)
    tick(1)
    _rejections(wb, titles["rejections"], report, lang)
    tick(1)
    _channels(wb, titles["channels"], report, lang)
    tick(1)
    _follow_ups(wb, titles["follow_ups"], report, lang)
    tick(1)
    _overdue(wb, titles["overdue"], report, lang)
    tick(1)
    n = _consultations(wb, titles["consultations"], report, rows, lang, masked, tick)
    tick(1)
    return n


# ---------------------------------------------------------------------------
# summary
# ---------------------------------------------------------------------------


def _summary(wb: Workbook, title: str, report: Report, lang: str | None, masked: bool) -> None:
    s = report.summary
    p = report.period
    lines: list[tuple[str, str, Any]] = [
        (_t("Store", lang), "text", s.store_name),
        (_t("Period", lang), "text", f"{p.start.isoformat()} – {p.end.isoformat()}"),
        (_t("Generated at", lang), "datetime", p.local(report.generated_at.astimezone(UTC))),
        (_t("Consultations", lang), "int", s.consultations),
        (_t("Plans offered", lang), "int", s.plans_offered),
        (_t("Plans priced", lang), "int", s.plans_priced),
        (_t("Approved by the lender", lang), "int", s.approved),
        (_t("Declined by the lender", lang), "int", s.declined),
        (_t("Approval rate (approved / decided by the lender)", lang), "percent", s.approval_rate),
        (_t("Withdrawn by the customer", lang), "int", s.withdrawn),
        (_t("Refused by us (eligibility, suspected fraud)", lang), "int", s.refused),
        (_t("Signed", lang), "int", s.signed),
        (_t("Delivered", lang), "int", s.delivered),
        (_t("Lost", lang), "int", s.lost),
        (_t("Loan amount (CNY)", lang), "money", s.loan_amount),
        (_t("Average APR (weighted by loan amount)", lang), "percent", s.average_apr),
        (_t("Lender-required insurance", lang), "percent", s.required_insurance_rate),
        (_t("Add-on attach rate (optional add-ons)", lang), "percent", s.add_on_attach_rate),
        *(
            (
                _t("Add-on attach rate: {kind}", lang).format(kind=label("add_on_kind", k, lang)),
                "percent",
                rate,
            )
            for k, rate in s.add_on_attach_by_kind
        ),
        (_t("Average days to close", lang), "decimal1", s.average_days_to_close),
        (
            _t("Personal data", lang),
            "text",
            _t("masked", lang) if masked else _t("unmasked (owner export)", lang),
        ),
    ]
    table = Table(
        wb,
        title,
        _t("Owner report", lang),
        _context(report, lang),
        [Column(_t("Figure", lang), "text"), Column(_t("Value", lang), "text", width=24)],
        rows_for_width=[(name, None) for name, _, _ in lines],
        page=_frame(report, lang),
    )
    for name, kind, value in lines:
        table.row([name, value], kinds=("text", kind))
    data_rows = table.rows_written
    for store in report.stores:  # a dealer group's report: the same figures per store
        table.blank()
        table.plain([_t("Store", lang) + ": " + store.store_name], bold=True)
        for name, kind, value in (
            (_t("Consultations", lang), "int", store.consultations),
            (_t("Signed", lang), "int", store.signed),
            (_t("Lost", lang), "int", store.lost),
            (_t("Loan amount (CNY)", lang), "money", store.loan_amount),
            (
                _t("Approval rate (approved / decided by the lender)", lang),
                "percent",
                store.approval_rate,
            ),
            (_t("Average APR (weighted by loan amount)", lang), "percent", store.average_apr),
        ):
            table.row([name, value], kinds=("text", kind))
    table.blank()
    table.plain([_t("Notes", lang)], bold=True)
    for note in report.notes:
        table.plain([translator(lang)("ReportModel", note)])
    table.finish(data_rows)


# ---------------------------------------------------------------------------
# KPIs
# ---------------------------------------------------------------------------

_KPI_KINDS = {
    "loans_closed": ("count", "int"),
    "loan_amount": ("money", "money"),
    "approval_rate": ("percent", "percent"),
    "satisfaction": ("number", "number"),
    "insurance_attach": ("percent", "percent"),
    "referrals": ("count", "int"),
}


def _kpis(wb: Workbook, title: str, report: Report, lang: str | None) -> None:
    """Three narrow tables one under the other, so the sheet prints readable on one
    page width: actual figures (with the targets on top), achievement against the
    targets with the weighted score, and the lender's decisions with the speed; then
    the achievement chart."""
    k = report.kpis
    names = [label("kpi", code, lang) for code in _KPI_KINDS]
    score = _t("Weighted score", lang)
    cols = [
        Column(_t("Salesperson", lang), "text"),
        *(Column(n, kinds[1]) for n, kinds in zip(names, _KPI_KINDS.values(), strict=True)),
        Column(score, "number"),
    ]
    weights = _list(
        [
            f"{label('kpi', code, lang)} {k.targets.weight(code).normalize():f}%"
            for code in _KPI_KINDS
        ],
        lang,
    )
    context = _t(
        "Weights: {weights}. Monthly targets x {months} months; achievement counts up to "
        "{cap}% in the score.",
        lang,
    ).format(
        weights=weights,
        months=f"{k.months.normalize():f}",
        cap=f"{k.targets.score_cap_percent.normalize():f}",
    )
    everyone = [*k.rows, k.total]

    def name(r: Any) -> str:
        return _person(r.name, r.staff_id, lang)

    target_row = [
        _t("Target (per salesperson)", lang),
        *(k.targets.target(code, k.months) for code in _KPI_KINDS),
        Decimal(100),
    ]
    actuals = [[name(r), *(r.line(c).actual for c in _KPI_KINDS), r.score] for r in everyone]
    target_kinds = ("text", *(v[0] for v in _KPI_KINDS.values()), "number")
    achievement_heads = [_t("Salesperson", lang), *names, score, _t("Target", lang)]
    achievements = [
        [name(r), *(r.line(c).achievement for c in _KPI_KINDS), r.score, Decimal(100)]
        for r in everyone
    ]
    decision_heads = [
        _t("Salesperson", lang),
        _t("Approved by the lender", lang),
        _t("Declined by the lender", lang),
        label("kpi", "approval_rate", lang),
        _t("Withdrawn by the customer", lang),
        _t("Refused by us", lang),
        _t("Average days to close", lang),
        _t("Average APR (weighted by loan amount)", lang),
    ]
    decisions = [
        [
            name(r),
            r.approved,
            r.declined,
            r.line("approval_rate").actual,
            r.withdrawn,
            r.refused,
            r.average_days_to_close,
            r.average_apr,
        ]
        for r in everyone
    ]
    table = Table(
        wb,
        title,
        _t("Salesperson KPIs", lang),
        context,
        cols,
        rows_for_width=[
            target_row,
            *actuals,
            achievement_heads,
            *achievements,
            decision_heads,
            *decisions,
        ],
        freeze_column=1,
        page=_frame(report, lang),
    )
    table.row(target_row, kinds=target_kinds)
    for v in actuals[:-1]:
        table.row(v)
    table.row(actuals[-1], total=True)
    n_filtered = len(actuals)

    table.blank()
    table.plain([_t("Achievement (actual / target)", lang)], bold=True)
    table.plain(achievement_heads, bold=True)
    first = table.last_row + 1
    achievement_kinds = ("text", *(["percent"] * len(names)), "number", "int")
    for v in achievements[:-1]:
        table.row(v, kinds=achievement_kinds)
    staffed = sum(1 for r in k.rows if r.staff_id is not None)  # "Unassigned" comes last
    last_person = first + staffed - 1
    table.row(achievements[-1], kinds=achievement_kinds, total=True)

    table.blank()
    table.plain([_t("The lender's decisions and the time to close", lang)], bold=True)
    table.plain(decision_heads, bold=True)
    decision_kinds = ("text", "int", "int", "percent", "int", "int", "decimal1", "percent")
    for decided in decisions[:-1]:
        table.row(decided, kinds=decision_kinds)
    table.row(decisions[-1], kinds=decision_kinds, total=True)
    table.finish(n_filtered)

    if staffed:
        score_col = len(names) + 2
        bars = BarChart()
        bars.title = _t("Achievement per salesperson (100 = every target met)", lang)
        bars.y_axis.title = score
        bars.y_axis.scaling.min = 0
        bars.y_axis.scaling.max = max(
            120, int(max((r.score for r in k.rows), default=Decimal(0))) + 10
        )
        # bars: each salesperson's weighted score; the line: 100, every target met
        bars.add_data(
            Reference(table.ws, min_col=score_col, min_row=first - 1, max_row=last_person),
            titles_from_data=True,
        )
        cats = Reference(table.ws, min_col=1, min_row=first, max_row=last_person)
        bars.set_categories(cats)
        target = LineChart()
        target.add_data(
            Reference(table.ws, min_col=score_col + 1, min_row=first - 1, max_row=last_person),
            titles_from_data=True,
        )
        target.set_categories(cats)
        bars += target
        bars.legend.position = "b"
        table.add_chart_below(bars, height_rows=18)


# ---------------------------------------------------------------------------
# funnel
# ---------------------------------------------------------------------------


def _funnel(wb: Workbook, title: str, report: Report, lang: str | None) -> None:
    f = report.funnel
    stages = [label("stage", s, lang) for s in f.stages]
    cols = [
        Column(_t("Stage", lang), "text"),
        Column(_t("Count", lang), "int"),
        Column(_t("Conversion from previous stage", lang), "percent"),
        Column(_t("Conversion from contact", lang), "percent"),
    ]
    context = _t(
        "Consultations first contacted in the period, by the furthest stage reached.", lang
    )
    table = Table(
        wb,
        title,
        _t("Sales funnel", lang),
        _context(report, lang) + " · " + context,
        cols,
        rows_for_width=[(s, None, None, None) for s in stages],
        min_columns=len(stages) + 2,
        page=_frame(report, lang),
    )
    for name, step in zip(stages, f.overall, strict=True):
        table.row([name, step.count, step.step_conversion, step.overall_conversion])
    n_overall = len(f.overall)
    # the chart right under the funnel it draws, in rows kept empty for it
    chart = BarChart()
    chart.type = "bar"
    chart.title = _t("Sales funnel", lang)
    chart.y_axis.title = _t("Count", lang)
    chart.x_axis.scaling.orientation = "maxMin"  # first stage at the top
    chart.x_axis.tickLblSkip = 1  # every stage named
    chart.legend = None
    data = Reference(table.ws, min_col=2, min_row=HEADER_ROW, max_row=HEADER_ROW + n_overall)
    cats = Reference(table.ws, min_col=1, min_row=FIRST_DATA_ROW, max_row=HEADER_ROW + n_overall)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    table.add_chart_below(chart, height_rows=15, reserve=True)
    # per month, below: month, one count per stage, contact -> signed conversion
    table.plain([_t("By month", lang)], bold=True)
    month_cols = [_t("Month", lang), *stages, _t("Contact to signed", lang)]
    table.plain(month_cols, bold=True)
    signed_index = f.stages.index("signed")
    month_kinds = ("text", *(["int"] * len(stages)), "percent")
    for m in f.by_month:
        counts = [s.count for s in m.steps]
        table.row([m.label, *counts, m.steps[signed_index].overall_conversion], kinds=month_kinds)
    table.finish(n_overall)


# ---------------------------------------------------------------------------
# products, rejections, channels, follow-ups
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# consultations (the big one: streamed)
# ---------------------------------------------------------------------------


def consultation_columns(lang: str | None, masked: bool = True) -> list[Column]:
    return [
        Column(_t("ID", lang), "id", 8),
        Column(_t("First contact", lang), "datetime"),
        Column(_t("Customer", lang), "text", 12),
        Column(_t("Mobile", lang), "text", 14),
        Column(_t("ID number", lang), "text", 21),
        Column(_t("Monthly income (CNY)", lang), "text" if masked else "money", 14),
        Column(_t("Tier", lang), "text", 10),
        Column(_t("Source channel", lang), "text", 14),
        Column(_t("Intent", lang), "text", 8),
        Column(_t("Consultant", lang), "text", 14),
        Column(_t("Status", lang), "text", 10),
        Column(_t("Stage reached", lang), "text", 16),
        Column(_t("Lender's decision", lang), "text", 14),
        Column(_t("Grade", lang), "text", 7),
        Column(_t("Product", lang), "text", 24),
        Column(_t("Lender", lang), "text", 24),
        Column(_t("Repayment method", lang), "text", 16),
        Column(_t("Loan amount (CNY)", lang), "money"),
        Column(_t("Term (months)", lang), "int"),
        Column(_t("APR", lang), "percent"),
        Column(_t("First payment (CNY)", lang), "money"),
        Column(_t("Insurance", lang), "text", 10),
        Column(_t("Signed", lang), "datetime"),
        Column(_t("Delivered", lang), "datetime"),
        Column(_t("Lost reason", lang), "text", 24),
        Column(_t("Lost reason: note", lang), "text", 30),
        Column(_t("Satisfaction", lang), "int"),
    ]


def lost_parts(code: str, text: str, lang: str | None) -> tuple[str, str]:
    """A lost reason as (category in the workbook's language, the staff's own words as
    typed).  Without a category (older rows, imports) the text as typed is the reason."""
    from db.services.messages import MESSAGES as SERVICE_MESSAGES

    template = SERVICE_MESSAGES.get(f"lost.{code}", "") if code else ""
    if not template:
        return text, ""
    label = translator(lang).reason(template)
    note = text
    for shown in (template, translator("zh_CN").reason(template)):
        for sep in (": ", "："):
            if note.startswith(shown + sep):
                note = note[len(shown + sep) :]
        if note == shown:
            note = ""
    return label, note


def lost_text(code: str, text: str, lang: str | None) -> str:
    """A lost reason in one cell: the category, translated, then the staff's words."""
    label, note = lost_parts(code, text, lang)
    sep = "：" if (lang or translator().language).startswith("zh") else ": "
    return f"{label}{sep}{note}" if note else label


def _lookup(kind: str, codes: Iterable[str], lang: str | None) -> dict[str, str]:
    return {c: label(kind, c, lang) for c in codes}


def _consultations(
    wb: Workbook,
    title: str,
    report: Report,
    rows: Iterable[ConsultationRow],
    lang: str | None,
    masked: bool,
    tick: Tick,
) -> int:
    cols = consultation_columns(lang, masked)
    context = (
        _context(report, lang)
        + " · "
        + (
            _t("Personal data masked.", lang)
            if masked
            else _t("Unmasked personal data: handle under the store's privacy rules.", lang)
        )
    )
    table = Table(
        wb,
        title,
        _t("Consultations", lang),
        context,
        cols,
        freeze_column=1,
        page=_frame(report, lang),
    )
    from db.models.enums import FUNNEL_ORDER, Channel, ConsultationStatus, Intent

    channels = _lookup("channel", [c.value for c in Channel] + [""], lang)
    stages = _lookup("stage", [s.value for s in FUNNEL_ORDER], lang)
    statuses = _lookup("status", [s.value for s in ConsultationStatus], lang)
    intents = _lookup("intent", [i.value for i in Intent] + [""], lang)
    decisions = _lookup("decision", ["approved", "declined", "withdrawn", ""], lang)
    methods: dict[str, str] = {}
    tiers = {
        "vip": _t("VIP", lang),
        "regular": _t("Regular", lang),
        "potential": _t("Potential", lang),
        "": "",
    }
    yes, no = _t("Yes", lang), _t("No", lang)
    zh = (lang or translator().language).startswith("zh")
    append = table.row
    n = 0
    for r in rows:
        method = methods.get(r.method)
        if method is None:
            method = methods[r.method] = label("method", r.method, lang)
        append(
            [
                r.id,
                r.contact_at,
                r.customer_name,
                r.phone,
                r.id_number,
                r.monthly_income,
                tiers.get(r.tier, r.tier),
                channels.get(r.channel, r.channel),
                intents.get(r.intent, r.intent),
                r.consultant,
                statuses.get(r.status, r.status),
                stages.get(r.stage, r.stage),
                decisions.get(r.lender_outcome, r.lender_outcome),
                r.grade,
                r.product_zh if zh and r.product_zh else r.product,
                lender_name(r.lender, lang),
                method,
                r.amount,
                r.term_months,
                r.apr,
                r.first_payment,
                None if r.insurance is None else (yes if r.insurance else no),
                r.signed_at,
                r.delivered_at,
                *lost_parts(r.lost_reason_code, r.lost_reason, lang),
                r.satisfaction,
            ]
        )
        n += 1
        if n % ROW_TICK == 0:
            tick(ROW_TICK)
    tick(n % ROW_TICK)
    table.finish()
    return n

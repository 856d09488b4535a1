"""Lay the report model out as sheets: the workbook only arranges numbers it is given.

Sheets: Summary, Salesperson KPIs, Funnel, Products and lenders, Rejections
and losses, Channels, Follow-ups, Overdue, Consultations (streamed, one row per
consultation).  Headings, codes (stages, methods, loss categories) and catalogue
names (products, lenders) in the workbook's language (English or Simplified
Chinese).  Every sheet prints landscape and one page wide with its headings
repeated and a footer (store, period, page x of y); charts sit in rows of their
own (``Table.add_chart_below``), never over a figure.  This module writes the
summary, KPI, funnel and consultation sheets; the breakdowns are in
:mod:`reports.excel.breakdowns`, what all sheets share in :mod:`reports.excel.sheet_common`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC
from decimal import Decimal
from typing import Any

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.workbook import Workbook

from reports.excel.breakdowns import (
    _channels,
    _follow_ups,
    _overdue,
    _products,
    _rejections,
)
from reports.excel.layout import FIRST_DATA_ROW, HEADER_ROW, Column, Table
from reports.excel.sheet_common import (
    ROW_TICK,
    Tick,
    _context,
    _frame,
    _list,
    _person,
    _t,
    sheet_titles,
)
from reports.lenders import lender_name
from reports.model import ConsultationRow, Report, label
from resources.i18n import translator


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

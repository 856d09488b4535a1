"""Customer documents as PDF: quote, repayment plan, disclosure sheet.

Build the data from lending objects with the ``build_*`` functions in
:mod:`reports.pdf.data`, then render it to bytes::

    pdf = render_plan(build_plan_data(schedule, summary, store=..., customer=...,
                                      issued_on=today), lang="zh_CN")
"""

from reports.pdf.data import (
    AddOnLine,
    CustomerInfo,
    DisclosureData,
    PlanSummary,
    QuoteData,
    RepaymentPlanData,
    StoreInfo,
    VehicleInfo,
    build_disclosure_data,
    build_plan_data,
    build_quote_data,
    plan_summary,
    summary_from_offer,
    vehicle_info,
)
from reports.pdf.disclosure import render_disclosure
from reports.pdf.fonts import FontSet, default_fonts, find_fonts
from reports.pdf.plan import render_plan
from reports.pdf.quote import render_quote

__all__ = [
    "AddOnLine",
    "CustomerInfo",
    "DisclosureData",
    "FontSet",
    "PlanSummary",
    "QuoteData",
    "RepaymentPlanData",
    "StoreInfo",
    "VehicleInfo",
    "build_disclosure_data",
    "build_plan_data",
    "build_quote_data",
    "default_fonts",
    "find_fonts",
    "plan_summary",
    "render_disclosure",
    "render_plan",
    "render_quote",
    "summary_from_offer",
    "vehicle_info",
]

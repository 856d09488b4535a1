"""The owner report's figures, computed from the database, free of openpyxl and Qt.

    period = ReportPeriod.parse("2026-01-01", "2026-01-31")
    report = build_report(database, period)          # every aggregate
    for row in iter_consultation_rows(database, period):   # streamed, masked
        ...

The Excel writer (``reports.excel``) and the GUI dashboard lay out the same
numbers.  Conventions: money ``Decimal`` 0.01; rates and shares ``Decimal``
percent with 2 decimals; ``None`` = no data.
"""

from reports.model.build import build_report
from reports.model.figures import (
    KPI_CODES,
    ChannelLine,
    FollowUpLine,
    Funnel,
    FunnelMonth,
    FunnelStep,
    KpiLine,
    KpiTable,
    KpiTargets,
    Overdue,
    OverdueLine,
    ProductLine,
    RejectionLine,
    Report,
    SalespersonKpis,
    Summary,
)
from reports.model.kpi import load_kpi_targets, targets_from_json
from reports.model.labels import english, label, word
from reports.model.period import MonthBucket, PeriodError, ReportPeriod
from reports.model.rows import ConsultationRow, check_unmasked, iter_consultation_rows, mask_name

__all__ = [
    "KPI_CODES",
    "ChannelLine",
    "ConsultationRow",
    "FollowUpLine",
    "Funnel",
    "FunnelMonth",
    "FunnelStep",
    "KpiLine",
    "KpiTable",
    "KpiTargets",
    "MonthBucket",
    "Overdue",
    "OverdueLine",
    "PeriodError",
    "ProductLine",
    "RejectionLine",
    "Report",
    "ReportPeriod",
    "SalespersonKpis",
    "Summary",
    "build_report",
    "check_unmasked",
    "english",
    "iter_consultation_rows",
    "label",
    "load_kpi_targets",
    "mask_name",
    "targets_from_json",
    "word",
]

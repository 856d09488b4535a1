"""The owner report as an Excel workbook (openpyxl, write-only sheets).

Public API::

    from reports.excel import export_workbook, ExportCancelled
    path = export_workbook(database, period, "report.xlsx", actor=actor,
                           unmasked=False, lang=None,
                           progress=lambda done, total: ..., cancelled=lambda: False)

Figures come from :mod:`reports.model`; this package only lays them out.
"""

from reports.excel.export import (
    ExportCancelled,
    check_output_path,
    export_workbook,
    lock_files,
)
from reports.excel.sheet_common import SHEETS, sheet_titles
from reports.excel.workbook import write_report

__all__ = [
    "SHEETS",
    "ExportCancelled",
    "check_output_path",
    "export_workbook",
    "lock_files",
    "sheet_titles",
    "write_report",
]

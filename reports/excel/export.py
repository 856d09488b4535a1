"""Export the owner report to an .xlsx file: checked, atomic, cancellable, audit-logged.

    export_workbook(database, ReportPeriod.parse("2026-01-01", "2026-01-31"), "jan.xlsx",
                    actor=actor, progress=on_progress, cancelled=is_cancelled)

* Only roles with ``export_reports`` (manager, owner) may export; unmasked
  personal data only for the owner (``unmasked=True``), and that is written
  to the audit log (``view_pii``); every complete workbook gets an
  ``export`` audit row, written just before the file is moved into place.
* The workbook is written to a temporary file in the destination folder
  and moved over the destination with ``os.replace`` only when complete:
  an error or a cancel leaves no file and never a half-written one, and an
  existing file is only replaced by a finished report.
* ``progress(done, total)`` is called from the exporting thread; the GUI
  forwards it through a signal.  ``cancelled()`` is polled between sheets and
  every few hundred rows; a cancel raises :class:`ExportCancelled`.
* Bounded memory: every sheet is an openpyxl write-only sheet and the
  consultation rows are streamed from the database.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from db.database import Database
from db.services import audit
from db.services.base import Actor, Permission, require
from lending.errors import UserError
from reports.excel.sheet_common import SHEETS
from reports.excel.workbook import write_report
from reports.model import (
    KpiTargets,
    ReportPeriod,
    build_report,
    check_unmasked,
    iter_consultation_rows,
)
from resources.i18n import translator

TR_CONTEXT = "ExcelExport"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

AUDIT_WHAT = "owner_report_xlsx"


def _t(text: str, lang: str | None) -> str:
    return translator(lang)(TR_CONTEXT, text)


class ExportCancelled(Exception):
    """The user cancelled; no file was written."""


def lock_files(path: Path) -> list[Path]:
    """Lock files an office program keeps beside a workbook it has open.

    Excel: ``~$name.xlsx``; LibreOffice: ``.~lock.name.xlsx#``.
    """
    return [
        p
        for p in (path.with_name("~$" + path.name), path.with_name(f".~lock.{path.name}#"))
        if p.exists()
    ]


def check_output_path(path: Path, lang: str | None = None) -> Path:
    """Refuse, with one sentence, a destination that cannot take the report."""
    path = Path(path).expanduser()
    if path.suffix.lower() != ".xlsx":
        raise UserError(
            _t("The report file name must end in .xlsx, got '{name}'.", lang).format(
                name=path.name
            ),
            code="bad_suffix",
        )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(
            _t("The folder {folder} does not exist.", lang).format(folder=folder),
            code="no_folder",
        )
    if path.is_dir():
        raise UserError(
            _t("{path} is a folder; give a file name ending in .xlsx.", lang).format(path=path),
            code="is_folder",
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(
            _t("Cannot write to the folder {folder}; choose another place.", lang).format(
                folder=folder
            ),
            code="not_writable",
        )
    if lock_files(path) or (path.exists() and not _can_open(path)):
        raise UserError(
            _t(
                "{name} is open in another program (Excel or LibreOffice); close it and "
                "try again, or choose another file name.",
                lang,
            ).format(name=path.name),
            code="file_locked",
        )
    return path


def _can_open(path: Path) -> bool:
    """On Windows, a workbook open in Excel cannot be opened for writing."""
    try:
        with path.open("r+b"):
            return True
    except PermissionError:
        return False
    except OSError:
        return True  # not our concern here; os.replace reports real problems


def _discard(wb: Workbook) -> None:
    """Close a write-only workbook that will not be saved and remove its temp files."""
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        rows = getattr(ws, "_rows", None)
        with contextlib.suppress(Exception):
            if rows is not None:
                rows.close()
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()
            with contextlib.suppress(Exception):
                writer.cleanup()


def export_workbook(
    database: Database,
    period: ReportPeriod,
    out_path: str | os.PathLike[str],
    *,
    actor: Actor,
    unmasked: bool = False,
    lang: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    targets: KpiTargets | None = None,
    now: datetime | None = None,
    store_ids: Sequence[int] | None = None,
) -> Path:
    """Write the owner report for ``period``; return the file's path.

    Stores: ``store_ids`` if given (see ``db.services.stores.report_store_ids``),
    else the whole group for the owner and the actor's own store for anyone else.

    Raises :class:`UserError` (bad destination, permission) before anything
    is written, :class:`ExportCancelled` on cancel; either way no file is left.
    """
    require(actor, Permission.EXPORT_REPORTS)
    if unmasked:
        check_unmasked(actor)
    out = check_output_path(Path(out_path), lang).resolve()
    is_cancelled = cancelled or (lambda: False)

    def check() -> None:
        if is_cancelled():
            raise ExportCancelled()

    check()
    from db.services.stores import allowed_store_ids, report_store_ids

    if store_ids is None:
        store_ids = report_store_ids(database, actor)
    else:
        store_ids = allowed_store_ids(actor, store_ids)
    report = build_report(database, period, store_ids=store_ids, targets=targets, now=now)
    total = report.consultation_rows + len(SHEETS) + 1
    done = 1
    if progress:
        progress(done, total)

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress and n:
            progress(min(done, total), total)
        check()

    check()
    from db import files

    def locked(exc: OSError) -> UserError | None:
        if isinstance(exc, PermissionError):
            return UserError(
                _t(
                    "{name} is open in another program (Excel or LibreOffice); close it and "
                    "try again, or choose another file name.",
                    lang,
                ).format(name=out.name),
                code="file_locked",
            )
        return None

    written = 0

    def audited(_tmp: Path) -> None:
        check()
        # logged before the file appears: a report never exists without its audit row
        audit.record_export(
            database,
            actor,
            what=AUDIT_WHAT,
            detail={
                "from": period.start.isoformat(),
                "to": period.end.isoformat(),
                "rows": written,
                "unmasked": unmasked,
                "file": out.name,
            },
        )

    # every byte of the workbook - openpyxl's per-sheet scratch files included -
    # stays in the destination folder and is removed on any failure
    with (
        files.replacing(
            out,
            protect=(database.path, database.key_path),
            lang=lang,
            suffix=".xlsx.part",
            checked=audited,
            replace_error=locked,
        ) as tmp,
        files.temp_files_in(out.parent),
    ):
        wb = Workbook(write_only=True)
        saved = False
        try:
            rows = iter_consultation_rows(
                database, period, store_ids=store_ids, unmasked=unmasked, actor=actor
            )
            try:
                written = write_report(wb, report, rows, lang=lang, masked=not unmasked, tick=tick)
            finally:
                close = getattr(rows, "close", None)
                if close is not None:
                    close()
            check()
            wb.save(tmp)
            saved = True
        finally:
            if not saved:
                _discard(wb)
    if progress:
        progress(total, total)
    return out

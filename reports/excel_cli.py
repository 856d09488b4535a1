"""``python main.py export-report --from D --to D --out FILE.xlsx``: the owner report, headless.

Runs as the store's owner (headless commands have no login; see
``db.services.staff.owner_actor``).  Personal data is masked unless
``--unmasked`` is given; either way the export is written to the audit log.
Bad input (dates, an end before the start, a folder that does not exist or
cannot be written, a file open in Excel) is one line on stderr and exit
status 2, with no file written.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from lending.errors import UserError
from resources.i18n import translator

TR_CONTEXT = "ExcelCli"


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "export-report",
        parents=[common],
        help="export the owner report (Excel workbook) for a period",
    )
    p.add_argument("--from", dest="date_from", required=True, metavar="YYYY-MM-DD",
                   help="first day of the period")
    p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD",
                   help="last day of the period (inclusive)")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="the workbook to write")
    p.add_argument("--store", metavar="ID", help="store id (default: the first store)")
    p.add_argument("--unmasked", action="store_true",
                   help="include unmasked ID numbers, phones and incomes (audit-logged)")
    p.set_defaults(handler=run_export_report)


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(_t("{option} must be a date like 2026-01-31, got '{value}'.").format(
            option=option, value=text)) from None


def _store(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if value <= 0:
        raise UserError(_t("--store must be a store number, got '{value}'.").format(value=text))
    return value


def run_export_report(args: argparse.Namespace) -> int:
    from reports.excel import check_output_path, export_workbook
    from reports.model import ReportPeriod

    start = _day(args.date_from, "--from")
    end = _day(args.date_to, "--to")
    if end < start:
        raise UserError(_t("--to ({end}) is before --from ({start}).").format(
            end=end.isoformat(), start=start.isoformat()))
    store_id = _store(args.store)
    out = check_output_path(Path(args.out))
    period = ReportPeriod(start, end)

    database = _open(args)
    try:
        actor = _owner(database, store_id)
        done = export_workbook(database, period, out, actor=actor, unmasked=args.unmasked)
    finally:
        database.close()
    print(_t("Report written to {path}").format(path=done))
    if args.unmasked:
        print(_t("The workbook holds unmasked personal data; the export was logged."),
              file=sys.stderr)
    return 0


def _open(args: argparse.Namespace) -> Any:
    """Open an existing database; never create an empty one just to export it."""
    from db import open_database
    from db.engine import sqlite_path
    from db.paths import resolve_database_url

    url = resolve_database_url(args.db, args.database_url)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(_t("There is no LoanDesk database at {path}.").format(path=path))
    return open_database(url)


def _owner(database: Any, store_id: int | None) -> Any:
    from sqlalchemy import select

    from db.models import Staff
    from db.models.enums import Role
    from db.services.staff import actor_of

    with database.session_factory() as s:
        q = select(Staff).where(Staff.role == Role.OWNER.value, Staff.active.is_(True))
        if store_id is not None:
            q = q.where(Staff.store_id == store_id)
        owner = s.scalar(q.order_by(Staff.id).limit(1))
        if owner is None:
            if store_id is not None:
                raise UserError(_t("Store {store} does not exist or has no owner.").format(
                    store=store_id))
            raise UserError(_t("LoanDesk is not set up yet: start the program once to create "
                               "the owner account."))
        return actor_of(owner)

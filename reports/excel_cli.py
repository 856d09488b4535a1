"""``python main.py export-report --from D --to D --out FILE.xlsx [--store ID|NAME]``.

The owner report, headless.  Runs as the owner (headless commands have no
login; see ``db.services.staff.owner_actor``): without ``--store`` the
workbook covers the whole dealer group (every store, with one summary line
per store); ``--store`` (a store's number or name, see ``python main.py
store list``) exports that store only.  Personal data is masked unless
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

from db import cli_args as arg
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
                   type=arg.day, help="first day of the period")
    p.add_argument("--to", dest="date_to", required=True, metavar="YYYY-MM-DD",
                   type=arg.day, help="last day of the period (inclusive)")
    p.add_argument("--out", required=True, metavar="FILE.xlsx", type=arg.file_name,
                   help="the workbook to write")
    p.add_argument("--store", metavar="ID|NAME", type=arg.store,
                   help="one store, by number or name (default: every store of the group)")
    p.add_argument("--unmasked", action="store_true",
                   help="include unmasked ID numbers, phones and incomes (audit-logged)")
    p.set_defaults(handler=run_export_report)


def run_export_report(args: argparse.Namespace) -> int:
    from reports.excel import check_output_path, export_workbook
    from reports.model import ReportPeriod

    start: date = args.date_from
    end: date = args.date_to
    if end < start:
        raise UserError(_t("--to ({end}) is before --from ({start}).").format(
            end=end.isoformat(), start=start.isoformat()))
    store = None if args.store is None else str(args.store)
    out = check_output_path(Path(args.out))
    period = ReportPeriod(start, end)

    database = _open(args)
    try:
        actor = _owner(database)
        store_ids = _store_ids(database, actor, store)
        done = export_workbook(
            database, period, out, actor=actor, unmasked=args.unmasked, store_ids=store_ids
        )
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
    return open_database(url, must_exist=True)


def _owner(database: Any) -> Any:
    from db.services.staff import owner_actor

    try:
        return owner_actor(database)
    except UserError:
        raise UserError(_t("LoanDesk is not set up yet: start the program once to create "
                           "the owner account.")) from None


def _store_ids(database: Any, actor: Any, store: str | None) -> tuple[int, ...]:
    from db.services import stores

    if store is None:
        return stores.report_store_ids(database, actor)
    try:
        found = stores.find_store(database, store)
    except UserError:
        raise UserError(_t("Store {store} does not exist (--store takes a store's number or "
                           "name from: python main.py store list).").format(store=store)) from None
    return stores.report_store_ids(database, actor, found.id)

"""``python main.py export-report --from D --to D --out FILE.xlsx [--store ID|NAME]``.

The owner report, headless.  Without ``--user`` it runs as the owner (see
``db.services.staff.owner_actor``) with personal data masked; with ``--user
NAME`` (password asked, or ``--password-file``) as that member of staff,
whose role must allow reports.  ``--unmasked`` (full ID numbers, phones and
incomes) needs the login, and a role that may export unmasked data
(``Permission.EXPORT_UNMASKED``, the owner).  Without ``--store`` the
workbook covers what the user may see - for the owner the whole dealer
group, with one summary line per store; ``--store`` (a store's number or
name, see ``python main.py store list``) exports that store only.  Either
way the export is written to the audit log under the user's name.
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
from db.program import program_name
from lending.errors import UserError
from resources.i18n import translator

TR_CONTEXT = "ExcelCli"


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from db.cli_login import login_options

    p = sub.add_parser(
        "export-report",
        parents=[common, login_options()],
        help="export the owner report (Excel workbook) for a period",
    )
    p.add_argument(
        "--from",
        dest="date_from",
        required=True,
        metavar="YYYY-MM-DD",
        type=arg.day,
        help="first day of the period",
    )
    p.add_argument(
        "--to",
        dest="date_to",
        required=True,
        metavar="YYYY-MM-DD",
        type=arg.day,
        help="last day of the period (inclusive)",
    )
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE.xlsx",
        type=arg.file_name,
        help="the workbook to write",
    )
    p.add_argument(
        "--store",
        metavar="ID|NAME",
        type=arg.store,
        help="one store, by number or name (default: every store of the group)",
    )
    p.add_argument(
        "--unmasked",
        action="store_true",
        help="include unmasked ID numbers, phones and incomes (needs --user; audit-logged)",
    )
    p.set_defaults(handler=run_export_report)
    from reports import loan_status_cli  # the lenders' side of the same report

    loan_status_cli.register(sub, common)


def run_export_report(args: argparse.Namespace) -> int:
    from db.cli_login import require_login_option
    from reports.excel import check_output_path, export_workbook
    from reports.model import ReportPeriod

    if args.unmasked:
        require_login_option(args, "export-report --unmasked")
    start: date = args.date_from
    end: date = args.date_to
    if end < start:
        raise UserError(
            _t("--to ({end}) is before --from ({start}).").format(
                end=end.isoformat(), start=start.isoformat()
            )
        )
    store = None if args.store is None else str(args.store)
    out = check_output_path(Path(args.out))
    period = ReportPeriod(start, end)

    database = _open(args)
    try:
        actor = _actor(database, args)
        store_ids = _store_ids(database, actor, store)
        done = export_workbook(
            database, period, out, actor=actor, unmasked=args.unmasked, store_ids=store_ids
        )
    finally:
        database.close()
    print(_t("Report written to {path}").format(path=done))
    if args.unmasked:
        print(
            _t("The workbook holds unmasked personal data; the export was logged."), file=sys.stderr
        )
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


def _actor(database: Any, args: argparse.Namespace) -> Any:
    """The logged-in user (``--user``), else the owner; checked against the permission table."""
    from db.cli_login import log_in, wants_login
    from db.services.base import Permission

    if wants_login(args):
        needs = [Permission.EXPORT_REPORTS]
        if args.unmasked:
            needs += [Permission.EXPORT_UNMASKED, Permission.VIEW_PII]
        return log_in(database, args, needs=needs)
    return _owner(database)


def _owner(database: Any) -> Any:
    from db.services.staff import owner_actor

    try:
        return owner_actor(database)
    except UserError:
        raise UserError(
            _t("LoanDesk is not set up yet: start the program once to create the owner account.")
        ) from None


def _store_ids(database: Any, actor: Any, store: str | None) -> tuple[int, ...]:
    from db.services import stores

    if store is None:
        return stores.report_store_ids(database, actor)
    try:
        found = stores.find_store(database, store)
    except UserError:
        raise UserError(
            _t(
                "Store {store} does not exist (--store takes a store's number or "
                "name from: {program} store list)."
            ).format(store=store, program=program_name())
        ) from None
    return stores.report_store_ids(database, actor, found.id)

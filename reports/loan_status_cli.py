"""``python main.py import-loan-status --file F (--lender KEY | --mapping FILE) [--as-of D]``.

Reads a lender's post-loan export (CSV or Excel) with the lender's column
mapping (``--lender``: a built-in one, see README "Overdue rate"; ``--mapping``:
a JSON file of the owner's own) and stores each matched loan's status for the
overdue rate.  Runs as the owner, like ``export-report``, or with ``--user NAME``
as that member of staff (a manager or the owner).  Prints what was
stored and every row that matched no signed loan (line, reference, why; all
of them into ``--unmatched FILE.csv`` when given).  A malformed file is one
line on stderr, exit status 2, and nothing stored.
"""

from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path
from typing import Any

from db import cli_args as arg
from lending.errors import UserError
from lending.reasons import ReasonsError
from resources.i18n import translator

TR_CONTEXT = "LoanStatusCli"

SHOWN_UNMATCHED = 20
"""Unmatched rows listed on the terminal (all of them go into --unmatched)."""


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from db.cli_login import login_options

    p = sub.add_parser(
        "import-loan-status",
        parents=[common, login_options()],
        help="import a lender's post-loan status file (CSV or Excel) for the overdue rate",
    )
    p.add_argument(
        "--file",
        required=True,
        metavar="FILE",
        type=arg.file_name,
        help="the lender's .csv or .xlsx",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--lender",
        metavar="KEY",
        help="a built-in column mapping: generic, icbc, ccb, auto_finance",
    )
    which.add_argument(
        "--mapping", metavar="FILE.json", type=arg.file_name, help="a column mapping of your own"
    )
    p.add_argument(
        "--as-of",
        dest="as_of",
        metavar="YYYY-MM-DD",
        type=arg.day,
        help="the date the figures are as of, when the file has no date column",
    )
    p.add_argument(
        "--store",
        metavar="ID|NAME",
        type=arg.store,
        help="one store, by number or name (default: every store of the group)",
    )
    p.add_argument(
        "--unmatched",
        metavar="FILE.csv",
        type=arg.file_name,
        help="write every unmatched row (line, reference, reason) to this file",
    )
    p.set_defaults(handler=run_import_loan_status)


def _render(exc: ReasonsError) -> str:
    tr = translator()
    return " ".join(r.render(tr.reason) for r in exc.reasons)


def run_import_loan_status(args: argparse.Namespace) -> int:
    from db.services import loan_status
    from reports.excel_cli import _open, _store_ids

    path = Path(args.file).expanduser()
    if not path.is_file():
        raise UserError(_t("There is no file {path}.").format(path=path))
    as_of: date | None = args.as_of
    out = Path(args.unmatched).expanduser() if args.unmatched else None
    if out is not None and not out.parent.is_dir():
        raise UserError(_t("The folder {folder} does not exist.").format(folder=out.parent))
    from db import files

    try:
        mapping = (
            loan_status.read_mapping(Path(args.mapping))
            if args.mapping
            else loan_status.load_mapping(args.lender)
        )
        database = _open(args)
        protect = (database.path, database.key_path)
        try:
            if out is not None:  # refused now, before anything is stored
                files.check_output(out, protect=protect)
            actor = _actor(database, args)
            stores = _store_ids(database, actor, None if args.store is None else str(args.store))
            result = loan_status.import_loan_status(
                database,
                actor,
                path,
                mapping,
                as_of=as_of,
                store_ids=stores,
                progress=_progress() if sys.stderr.isatty() else None,
            )
        finally:
            database.close()
    except ReasonsError as exc:
        raise UserError(_render(exc), code=exc.reason.code) from None
    tr = translator()
    print(
        _t(
            "{rows} rows read: {matched} stored ({replaced} replacing an earlier import), "
            "{unmatched} unmatched."
        ).format(
            rows=f"{result.rows:,}",
            matched=f"{result.matched:,}",
            replaced=f"{result.replaced:,}",
            unmatched=f"{len(result.unmatched):,}",
        )
    )
    if result.as_of:
        print(_t("As of: {dates}").format(dates=", ".join(d.isoformat() for d in result.as_of)))
    for u in result.unmatched[:SHOWN_UNMATCHED]:
        print(
            _t("  line {line}: {reference} - {why}").format(
                line=u.line, reference=u.reference, why=u.reason.render(tr.reason)
            )
        )
    if len(result.unmatched) > SHOWN_UNMATCHED and out is None:
        print(
            _t("  ... and {n} more (--unmatched FILE.csv lists them all)").format(
                n=len(result.unmatched) - SHOWN_UNMATCHED
            )
        )
    if out is not None:
        with (
            files.replacing(out, protect=protect, suffix=".csv.part") as tmp,
            tmp.open("w", newline="", encoding="utf-8-sig") as fh,
        ):
            w = csv.writer(fh)
            w.writerow([_t("line"), _t("reference"), _t("reason")])
            for u in result.unmatched:
                w.writerow([u.line, u.reference, u.reason.render(tr.reason)])
        print(_t("Unmatched rows written to {path}").format(path=out))
    return 0


def _actor(database: Any, args: argparse.Namespace) -> Any:
    """The logged-in user (``--user``; a role that may work with reports), else the owner."""
    from db.cli_login import log_in, wants_login
    from db.services.base import Permission
    from reports.excel_cli import _owner

    if wants_login(args):
        return log_in(database, args, needs=[Permission.EXPORT_REPORTS])
    return _owner(database)


def _progress() -> Any:
    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{done:,} / {total:,}", end=end, file=sys.stderr, flush=True)

    return show

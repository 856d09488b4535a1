"""``python main.py print-quote --consultation ID --document quote|plan|disclosure --out FILE.pdf``.

Runs as the owner, or with ``--user NAME`` (password asked, or
``--password-file``) as that member of staff, who sees their own store's
consultations only; the export is audited under that name.  Personal data on
these documents is masked, so no login is required.  The document
is written to a temporary file beside ``--out`` and moved into place only
when complete, so a failed run leaves nothing half-written.  Bad input (an
id that is not a number or does not exist, a folder that does not exist,
forbidden wording) is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path
from typing import Any

from db import cli_args as arg
from lending.errors import UserError
from resources.i18n import CHINESE, ENGLISH, detect_language, translator

TR_CONTEXT = "PdfCli"

DOCUMENTS = ("quote", "plan", "disclosure")


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from db.cli_login import login_options

    p = sub.add_parser(
        "print-quote",
        parents=[common, login_options()],
        help="write a consultation's quote, repayment plan or disclosure sheet as PDF",
    )
    p.add_argument(
        "--consultation",
        required=True,
        metavar="ID",
        type=arg.record_id,
        help="consultation number",
    )
    p.add_argument(
        "--document",
        default="quote",
        metavar="|".join(DOCUMENTS),
        help="which document (default: quote)",
    )
    p.add_argument(
        "--plan",
        metavar="ID",
        type=arg.record_id,
        help="plan number (default: the chosen plan, else the latest)",
    )
    p.add_argument(
        "--out", required=True, metavar="FILE.pdf", type=arg.file_name, help="the PDF file to write"
    )
    p.add_argument(
        "--lang", metavar="zh_CN|en", help="document language (default: the program's language)"
    )
    p.set_defaults(handler=run_print_quote)


def _document(text: str) -> str:
    value = text.strip().lower()
    if value not in DOCUMENTS:
        raise UserError(
            _t("Unknown document '{value}'; use one of: {choices}.").format(
                value=text, choices=", ".join(DOCUMENTS)
            )
        )
    return value


def _language(text: str | None) -> str:
    if text is None:
        return detect_language()
    value = text.strip().lower()
    if value.startswith("zh"):
        return CHINESE
    if value.startswith("en"):
        return ENGLISH
    raise UserError(_t("--lang must be zh_CN or en, got '{value}'.").format(value=text))


def _output(text: str, args: argparse.Namespace | None = None) -> Path:
    out = Path(text).expanduser()
    if out.is_dir():
        raise UserError(_t("--out must be a file name, but {path} is a folder.").format(path=out))
    if not out.parent.is_dir():
        raise UserError(_t("The folder {path} does not exist.").format(path=out.parent))
    from db import files
    from db.engine import sqlite_path
    from db.paths import resolve_database_url

    db = None
    if args is not None:
        with contextlib.suppress(UserError, ValueError):
            db = sqlite_path(resolve_database_url(args.db, args.database_url))
    return files.check_output(out, protect=[db])


def write_atomically(out: Path, data: bytes, *, protect: tuple[Path | None, ...] = ()) -> None:
    """Write beside ``out`` and rename, so ``out`` is never half-written (see db.files)."""
    from db import files

    files.write_bytes(out, data, protect=protect)


def _open(args: argparse.Namespace) -> Any:
    """Open an existing database; never create an empty one just to print from it."""
    from db import open_database
    from db.engine import sqlite_path
    from db.paths import resolve_database_url

    url = resolve_database_url(args.db, args.database_url)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(_t("There is no LoanDesk database at {path}.").format(path=path))
    return open_database(url, must_exist=True)


def run_print_quote(args: argparse.Namespace) -> int:
    from db.cli_login import log_in, wants_login
    from db.services.base import NotFound
    from db.services.staff import owner_actor
    from reports.pdf.saved import make_document, record_document_export

    consultation_id: int = args.consultation
    plan_id: int | None = args.plan
    kind = _document(args.document)
    lang = _language(args.lang)
    out = _output(args.out, args)

    database = _open(args)
    try:
        actor = log_in(database, args) if wants_login(args) else owner_actor(database)
        from db.models import Consultation
        from db.services.stores import owner_in_store_of

        actor = owner_in_store_of(database, actor, Consultation, consultation_id)  # any store
        try:
            pdf = make_document(database, actor, consultation_id, kind, lang, plan_id=plan_id)
        except NotFound as exc:
            if exc.code == "no_plan":
                raise UserError(
                    _t("Consultation {id} has no finance plan yet.").format(id=consultation_id)
                ) from None
            if plan_id is not None:
                raise UserError(
                    _t("Consultation {id} has no plan {plan}.").format(
                        id=consultation_id, plan=plan_id
                    )
                ) from None
            raise UserError(
                _t("Consultation {id} does not exist.").format(id=consultation_id)
            ) from None
        write_atomically(out, pdf, protect=(database.path, database.key_path))
        record_document_export(database, actor, consultation_id, kind, how="cli", plan_id=plan_id)
    finally:
        database.close()
    print(_t("Written {path}").format(path=out))
    return 0

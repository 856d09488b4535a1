"""``catalogue export`` / ``catalogue import``: copy a store's set-up as one file.

    python main.py catalogue export --out F.json|F.xlsx [--store ID|NAME] --user NAME
    python main.py catalogue import --from F.json|F.xlsx [--store ID|NAME]
        [--with-profile] --user NAME

``.json`` carries the catalogue (lenders, products with their rates by
grade, add-ons) and every store setting; ``.xlsx`` the catalogue only, as a
workbook a person edits (see :mod:`db.services.catalogue_io`).  Both run as
the logged-in owner (``--user``, the password asked or ``--password-file``);
``--store`` works on another store of the group.  The import checks the
whole file first: any problem is one line on stderr (how many, the first
few with their sheet, row and field), exit status 2, and nothing changed.
The store keeps its own name; its profile (address, phone, licence, logo)
is taken from the file only with ``--with-profile``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from db import cli_args as arg
from lending.errors import UserError
from resources.i18n import translator

TR_CONTEXT = "cli"


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from db.cli_login import login_options

    login = login_options()
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument(
        "--store",
        metavar="ID|NAME",
        type=arg.store,
        help="another store of the group, by number or name (default: your own)",
    )
    top = sub.add_parser(
        "catalogue",
        parents=[common],
        help="export or import the catalogue and settings (to copy a store's set-up)",
    )
    actions = top.add_subparsers(dest="catalogue_command", metavar="ACTION", parser_class=type(top))
    actions.required = True
    export = actions.add_parser(
        "export",
        parents=[common, where, login],
        help="write the catalogue and settings (.json) or the catalogue (.xlsx)",
    )
    export.add_argument(
        "--out",
        required=True,
        metavar="FILE.json|FILE.xlsx",
        type=arg.file_name,
        help="the file to write",
    )
    export.set_defaults(handler=run_export)
    imp = actions.add_parser(
        "import",
        parents=[common, where, login],
        help="replace the catalogue (and settings) with a file's; checked first",
    )
    imp.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="FILE.json|FILE.xlsx",
        type=arg.file_name,
        help="the file to read",
    )
    imp.add_argument(
        "--with-profile",
        action="store_true",
        help="also take the store profile (address, phone, licence, logo)",
    )
    imp.set_defaults(handler=run_import)


def _logged_in(database: Any, args: argparse.Namespace, what: str) -> Any:
    from db.cli_login import logged_in
    from db.commands import _store_of
    from db.services.base import Permission

    me = logged_in(
        database, args, what, needs=[Permission.EDIT_CATALOGUE, Permission.EDIT_SETTINGS]
    )
    return _store_of(database, me, args.store)


def run_export(args: argparse.Namespace) -> int:
    from db.cli_login import require_login_option
    from db.commands import _open_existing
    from db.services import catalogue_io

    require_login_option(args, "catalogue export")
    out = catalogue_io.export_target(args.out)  # refused before the login
    with _open_existing(args) as database:
        actor = _logged_in(database, args, "catalogue export")
        done = catalogue_io.export_catalogue(
            database, actor, out, protect=(database.path, database.key_path)
        )
    c = done.counts
    text = _t(
        "Catalogue written to {path}: {lenders} lenders, {products} products, {add_ons} add-ons"
    ).format(path=done.path, lenders=c["lenders"], products=c["products"], add_ons=c["add_ons"])
    if done.kind == "json":
        text += _t(", {n} settings").format(n=c["settings"])
    print(text + ".")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from db.cli_login import require_login_option
    from db.commands import _open_existing
    from db.services import catalogue_io

    require_login_option(args, "catalogue import")
    source = Path(args.source).expanduser()
    try:
        set_up = catalogue_io.read_catalogue_file(source)  # every cell, before the login
        with _open_existing(args) as database:
            actor = _logged_in(database, args, "catalogue import")
            result = catalogue_io.import_catalogue(
                database, actor, set_up, with_profile=args.with_profile
            )
    except catalogue_io.CatalogueFileError as exc:
        raise UserError(
            f"{source.name}: {exc.line(translator().language)}", code=exc.code
        ) from None

    def counts(c: Any) -> str:
        return _t("{added} added, {changed} changed, {deactivated} deactivated").format(**c)

    print(_t("Imported {file}.").format(file=source.name))
    print(_t("Lenders: {counts}.").format(counts=counts(result.lenders)))
    print(_t("Products: {counts}.").format(counts=counts(result.products)))
    print(_t("Add-ons: {counts}.").format(counts=counts(result.add_ons)))
    if set_up.settings is not None:
        print(_t("Settings changed: {n}.").format(n=result.settings_changed))
    print(_t("New plans use the imported catalogue; saved plans keep theirs."))
    return 0

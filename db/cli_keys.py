"""Headless commands that carry the encryption key from one counter to another.

    python main.py key export --out FILE [--passphrase-file FILE] --user NAME
    python main.py key import --from FILE [--passphrase-file FILE] [--replace] --user NAME
    python main.py key show

Every counter that opens the same database (a shared PostgreSQL server)
needs the same key file.  The owner exports it, protected by a passphrase,
from the first counter and imports it on each other counter; ``key show``
prints the key's fingerprint so two counters can be compared.  Export and
import need the owner's login (``--user NAME``, :mod:`db.cli_login`) on the
database the key belongs to.  Reading, installing and exporting the key is
:mod:`db.keys`, the same procedure the GUI uses.  Registered by
:func:`db.commands.register`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from db import cli_args as arg
from db.commands import _database_url, _file_option
from db.program import program_name
from lending.errors import UserError
from resources.i18n import translator

TR_CONTEXT = "cli"


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    key = sub.add_parser(
        "key", parents=[common], help="copy the encryption key from one counter to another"
    )
    from db.cli_login import login_options

    login = login_options()
    actions = key.add_subparsers(dest="key_command", metavar="ACTION", parser_class=type(key))
    actions.required = True
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument(
        "--key-file",
        metavar="FILE",
        type=arg.file_name,
        help="this counter's key file (default: LOANDESK_KEY_FILE or the LoanDesk config folder)",
    )
    secret = argparse.ArgumentParser(add_help=False)
    secret.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=arg.file_name,
        help="read the passphrase from the first line of FILE (default: ask)",
    )

    export = actions.add_parser(
        "export",
        parents=[common, where, secret, login],
        help="write the key, protected by a passphrase, to carry to the other counters",
    )
    export.add_argument(
        "--out", required=True, metavar="FILE", type=arg.file_name, help="export file to write"
    )
    export.set_defaults(handler=run_key_export)

    imp = actions.add_parser(
        "import",
        parents=[common, where, secret, login],
        help="install a key exported on another counter",
    )
    imp.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="FILE",
        type=arg.file_name,
        help="export file to read",
    )
    imp.add_argument(
        "--replace",
        action="store_true",
        help="replace a different key already on this counter (the old one is kept aside)",
    )
    imp.set_defaults(handler=run_key_import)

    show = actions.add_parser(
        "show", parents=[common, where], help="print where the key file is and its fingerprint"
    )
    show.set_defaults(handler=run_key_show)


# ---------------------------------------------------------------------------
# the encryption key
# ---------------------------------------------------------------------------


def _key_path(args: argparse.Namespace) -> Path:
    from db.paths import key_file_path

    given = getattr(args, "key_file", None)
    return _file_option(given, "--key-file") if given is not None else key_file_path()


def _passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    from db.cli_login import ask_secret, secret_from_file
    from db.crypto import check_passphrase

    given = getattr(args, "passphrase_file", None)
    if given is not None:
        phrase = secret_from_file(given, "--passphrase-file")
    else:
        ask = {
            "no_terminal": _t("No terminal to ask the passphrase: use --passphrase-file FILE."),
            "none_given": _t("No passphrase given; nothing was written."),
        }
        phrase = ask_secret(_t("Passphrase: "), **ask)
        if confirm and ask_secret(_t("Repeat the passphrase: "), **ask) != phrase:
            raise UserError(_t("The two passphrases differ; nothing was written."))
    if confirm:
        try:
            check_passphrase(phrase)
        except UserError:
            raise UserError(
                _t("The passphrase needs at least {n} characters.").format(n=_min_passphrase())
            ) from None
    return phrase


def _min_passphrase() -> int:
    from db.crypto import MIN_PASSPHRASE_LENGTH

    return MIN_PASSPHRASE_LENGTH


def _database_check(args: argparse.Namespace) -> tuple[str, bytes] | None:
    """(where, the database's key-check value) when a database can be read, else None.

    Reads ``db_meta`` only: no migration, no key needed, nothing written.
    """
    from sqlalchemy import inspect, select
    from sqlalchemy.exc import SQLAlchemyError

    from db.connection import hide_password
    from db.database import KEY_CHECK
    from db.engine import make_engine, sqlite_path
    from db.models import DbMeta

    url = _database_url(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        return None
    try:
        engine = make_engine(url)
    except UserError:
        return None
    try:
        if not inspect(engine).has_table(DbMeta.__tablename__):
            return None
        with engine.connect() as conn:
            value = conn.scalar(select(DbMeta.value).where(DbMeta.key == KEY_CHECK))
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()
    if value is None:
        return None
    return (str(path) if path is not None else hide_password(url)), bytes(value)


def _matches_database(args: argparse.Namespace, key: bytes) -> tuple[str, bool] | None:
    from db.crypto import FieldCipher

    found = _database_check(args)
    if found is None:
        return None
    where, check = found
    return where, FieldCipher(key).verify_key_check(check)


def _log_in_for_key(
    args: argparse.Namespace, key: bytes, verdict: tuple[str, bool] | None, what: str
) -> None:
    """Log ``--user`` in (``manage_keys``) on the database this key belongs to.

    The database is opened with ``key`` itself (checked to fit just before),
    so a counter that has no key yet can log in to install one.
    """
    from db import open_database
    from db.cli_login import logged_in
    from db.services.base import Permission

    if verdict is None:
        raise UserError(
            _t(
                "{what} needs a login to the LoanDesk database this key belongs to: give it "
                "with --db PATH or --database-url URL."
            ).format(what=what)
        )
    with open_database(_database_url(args), key=key, must_exist=True) as database:
        logged_in(database, args, what, needs=[Permission.MANAGE_KEYS])


def run_key_export(args: argparse.Namespace) -> int:
    from db.cli_login import require_login_option
    from db.keys import export_key_to, key_export_target, read_key

    require_login_option(args, "key export")
    key_path = _key_path(args)
    out = key_export_target(_file_option(args.out, "--out"), key_path)
    key = read_key(key_path)
    verdict = _matches_database(args, key)
    if verdict is not None and not verdict[1]:
        raise UserError(
            _t(
                "The key file {key} does not belong to the database {db}; nothing was exported."
            ).format(key=key_path, db=verdict[0])
        )
    _log_in_for_key(args, key, verdict, "key export")
    phrase = _passphrase(args, confirm=True)
    fingerprint = export_key_to(out, key_path, phrase)
    print(
        _t("Key exported to {path} (fingerprint {fingerprint}).").format(
            path=out, fingerprint=fingerprint
        )
    )
    print(
        _t(
            "Carry the file and, separately, the passphrase to each counter and run there: "
            "{program} key import --from FILE --user NAME"
        ).format(program=program_name()),
        file=sys.stderr,
    )
    return 0


def run_key_import(args: argparse.Namespace) -> int:
    from db.cli_login import require_login_option
    from db.crypto import key_fingerprint
    from db.keys import install_key, open_export, read_export_file

    require_login_option(args, "key import")
    source = _file_option(args.source, "--from")
    data = read_export_file(source)
    phrase = _passphrase(args, confirm=False)
    key = open_export(data, phrase, source)
    verdict = _matches_database(args, key)
    if verdict is not None and not verdict[1]:
        raise UserError(
            _t(
                "This key (fingerprint {fingerprint}) does not belong to the database {db}; "
                "nothing was changed."
            ).format(fingerprint=key_fingerprint(key), db=verdict[0])
        )
    _log_in_for_key(args, key, verdict, "key import")
    done = install_key(key, _key_path(args), replace=args.replace)
    if done.unchanged:
        print(
            _t("This counter already has this key ({path}, fingerprint {fingerprint}).").format(
                path=done.path, fingerprint=done.fingerprint
            )
        )
        return 0
    print(
        _t("Key installed at {path} (fingerprint {fingerprint}).").format(
            path=done.path, fingerprint=done.fingerprint
        )
    )
    if done.kept is not None:
        print(_t("The previous key was kept as {path}.").format(path=done.kept), file=sys.stderr)
    return 0


def run_key_show(args: argparse.Namespace) -> int:
    from db.crypto import key_fingerprint
    from db.keys import read_key

    key_path = _key_path(args)
    key = read_key(key_path)
    verdict = _matches_database(args, key)  # first: a bad --database-url prints nothing
    print(
        _t("Key file {path}, fingerprint {fingerprint}").format(
            path=key_path, fingerprint=key_fingerprint(key)
        )
    )
    if verdict is not None:
        if verdict[1]:
            print(_t("It matches the database {db}.").format(db=verdict[0]))
        else:
            raise UserError(
                _t("The key file {key} does not belong to the database {db}.").format(
                    key=key_path, db=verdict[0]
                )
            )
    return 0

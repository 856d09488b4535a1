"""Headless database commands: demo data, backup, stores and the encryption key.

    python main.py demo-data --consultations 1000 [--seed 1]
    python main.py backup --out FILE
    python main.py restore --from FILE
    python main.py store list [--user NAME]
    python main.py store add --name NAME --user NAME
    python main.py staff list [--store ID|NAME] [--user NAME]
    python main.py staff add --username U --role ROLE [--store ID|NAME]
        [--display-name N] [--new-password-file FILE] --user NAME
    python main.py key export --out FILE [--passphrase-file FILE] --user NAME
    python main.py key import --from FILE [--passphrase-file FILE] [--replace] --user NAME
    python main.py key show

Changing stores, staff or keys needs a login (``--user NAME``, the password
asked or read with ``--password-file FILE``; see :mod:`db.cli_login`).  The
one exception is bootstrapping: on a database without any staff account
(or none yet), ``staff add --role owner --store NAME`` creates the store and
its first owner, as the program's first start does.

Key distribution: every counter that opens the same database (a shared
PostgreSQL server) needs the same key file.  The owner exports it, protected
by a passphrase, from the first counter and imports it on each other counter;
``key show`` prints the key's fingerprint so two counters can be compared.

All take ``--db PATH`` / ``--database-url URL`` (the common parent parser).
Bad input raises :class:`lending.errors.UserError`: one line on stderr,
exit status 2, nothing written.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from db import cli_args as arg
from lending.errors import UserError
from resources.i18n import translator

TR_CONTEXT = "cli"
MAX_DEMO_CONSULTATIONS = 2_000_000
MAX_SEED = 2**31 - 1
MAX_WORKERS = 64


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    demo = sub.add_parser(
        "demo-data",
        parents=[common],
        help="fill an empty database with realistic synthetic data for one store",
    )
    demo.add_argument("--consultations", required=True, metavar="N",
                      type=arg.whole(0, MAX_DEMO_CONSULTATIONS), help="number of consultations")
    demo.add_argument("--seed", default="1", metavar="S", type=arg.whole(0, MAX_SEED),
                      help="random seed (default 1)")
    demo.add_argument(
        "--workers", default=None, metavar="W", type=arg.whole(1, MAX_WORKERS),
        help="worker processes (default: one per CPU)",
    )
    demo.set_defaults(handler=run_demo_data)

    backup = sub.add_parser(
        "backup", parents=[common], help="write a verified copy of the database file"
    )
    backup.add_argument("--out", required=True, metavar="FILE", type=arg.file_name,
                        help="backup file to write")
    backup.set_defaults(handler=run_backup)

    restore = sub.add_parser(
        "restore", parents=[common], help="replace the database with a verified backup"
    )
    restore.add_argument(
        "--from", dest="source", required=True, metavar="FILE", type=arg.file_name,
        help="backup file to restore",
    )
    restore.set_defaults(handler=run_restore)

    _register_store(sub, common)
    _register_staff(sub, common)
    _register_key(sub, common)


def _register_store(sub: Any, common: argparse.ArgumentParser) -> None:
    from db.cli_login import login_options

    login = login_options()
    store = sub.add_parser("store", parents=[common], help="list or add the group's stores")
    actions = store.add_subparsers(dest="store_command", metavar="ACTION", parser_class=type(store))
    actions.required = True
    listing = actions.add_parser("list", parents=[common, login], help="list the stores")
    listing.set_defaults(handler=run_store_list)
    add = actions.add_parser(
        "add", parents=[common, login], help="add a store (logged in as the owner)"
    )
    add.add_argument("--name", required=True, metavar="NAME", type=arg.label,
                     help="the new store's name")
    add.set_defaults(handler=run_store_add)


def _register_staff(sub: Any, common: argparse.ArgumentParser) -> None:
    from db.cli_login import login_options

    login = login_options()
    accounts = sub.add_parser(
        "staff", parents=[common], help="list or add staff accounts of any store (as the owner)"
    )
    actions = accounts.add_subparsers(
        dest="staff_command", metavar="ACTION", parser_class=type(accounts)
    )
    actions.required = True
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument(
        "--store", metavar="ID|NAME", type=arg.store,
        help="the store, by number or name (default: the first)",
    )
    listing = actions.add_parser(
        "list", parents=[common, where, login], help="list a store's staff"
    )
    listing.set_defaults(handler=run_staff_list)
    add = actions.add_parser(
        "add",
        parents=[common, where, login],
        help="add a staff account (logged in; the first owner of a new database without)",
    )
    add.add_argument("--username", required=True, metavar="U", help="the login name")
    add.add_argument(
        "--role", required=True, metavar="ROLE",
        help="consultant, finance, manager or owner",
    )
    add.add_argument("--display-name", metavar="NAME", help="shown on screens and reports")
    add.add_argument(
        "--new-password-file", metavar="FILE", type=arg.file_name,
        help="read the new account's password from the first line of FILE (default: ask)",
    )
    add.set_defaults(handler=run_staff_add)


def _register_key(sub: Any, common: argparse.ArgumentParser) -> None:
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
    export.add_argument("--out", required=True, metavar="FILE", type=arg.file_name,
                        help="export file to write")
    export.set_defaults(handler=run_key_export)

    imp = actions.add_parser(
        "import",
        parents=[common, where, secret, login],
        help="install a key exported on another counter",
    )
    imp.add_argument(
        "--from", dest="source", required=True, metavar="FILE", type=arg.file_name,
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


def _database_url(args: argparse.Namespace) -> str:
    from db.paths import resolve_database_url

    return resolve_database_url(getattr(args, "db", None), getattr(args, "database_url", None))


def _file_option(text: str, option: str) -> Path:
    if not text.strip():
        raise UserError(_t("{option} needs a file name.").format(option=option))
    return Path(text).expanduser()


# ---------------------------------------------------------------------------
# demo-data
# ---------------------------------------------------------------------------


class _Progress:
    """Progress on stderr: one updating line on a terminal, a few lines otherwise."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.tty = sys.stderr.isatty()
        self.last_tenth = -1

    def __call__(self, done: int, total: int) -> None:
        elapsed = time.perf_counter() - self.started
        text = _t("demo-data: {done} of {total} consultations ({seconds:.0f} s)").format(
            done=f"{done:,}", total=f"{total:,}", seconds=elapsed
        )
        if self.tty:
            end = "\n" if done >= total else ""
            print("\r" + text, end=end, file=sys.stderr, flush=True)
            return
        tenth = 10 * done // total if total else 10
        if tenth != self.last_tenth:
            self.last_tenth = tenth
            print(text, file=sys.stderr, flush=True)


def run_demo_data(args: argparse.Namespace) -> int:
    count, seed, workers = args.consultations, args.seed, args.workers

    from db import open_database
    from db.demo import DEMO_PASSWORD, load_demo_data

    with open_database(_database_url(args)) as database:
        database.alone(_t("demo-data"))
        summary = load_demo_data(database, count, seed=seed, workers=workers, progress=_Progress())
    c = summary.counts
    print(
        _t(
            "Loaded {consultations} consultations ({customers} customers, {plans} plans, "
            "{follow_ups} follow-ups) in {seconds:.1f} s (seed {seed})."
        ).format(
            consultations=f"{c.get('consultations', 0):,}",
            customers=f"{c.get('customers', 0):,}",
            plans=f"{c.get('plans', 0):,}",
            follow_ups=f"{c.get('follow_ups', 0):,}",
            seconds=summary.seconds,
            seed=seed,
        )
    )
    if summary.staff_created:
        print(
            _t("Demo staff accounts {names} use the password {password}.").format(
                names=", ".join(summary.staff_created), password=DEMO_PASSWORD
            )
        )
    return 0


# ---------------------------------------------------------------------------
# backup / restore
# ---------------------------------------------------------------------------


def _key_note() -> str:
    from db.paths import key_file_path

    return _t(
        "Keep a copy of the key file {key} with your backups: without it the customers' "
        "protected data cannot be read (python main.py key export --out FILE writes a "
        "passphrase-protected copy)."
    ).format(key=key_file_path())


def run_backup(args: argparse.Namespace) -> int:
    from db.backup import backup_database

    out = _file_option(args.out, "--out")
    info = backup_database(_database_url(args), out)
    print(
        _t("Backup written to {path} ({size} MB, schema {revision}); verified.").format(
            path=info.path, size=f"{info.size_bytes / 1e6:,.1f}", revision=info.schema_revision
        )
    )
    print(_key_note(), file=sys.stderr)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from db.backup import restore_database, sqlite_file_of

    source = _file_option(args.source, "--from")
    url = _database_url(args)
    info = restore_database(url, source)
    print(
        _t("Restored {source} into {path} (schema {revision}).").format(
            source=source, path=sqlite_file_of(url), revision=info.schema_revision
        )
    )
    return 0


# ---------------------------------------------------------------------------
# stores
# ---------------------------------------------------------------------------


def _open_existing(args: argparse.Namespace) -> Any:
    """Open the database; never create an empty one for a command that reads it."""
    from db import open_database
    from db.engine import sqlite_path

    url = _database_url(args)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise UserError(_t("There is no LoanDesk database at {path}.").format(path=path))
    return open_database(url, must_exist=True)


def _acting(database: Any, args: argparse.Namespace) -> Any:
    """The logged-in user with ``--user``; without it the owner (read-only listings)."""
    from db.cli_login import log_in, wants_login
    from db.services import staff

    return log_in(database, args) if wants_login(args) else staff.owner_actor(database)


def run_store_list(args: argparse.Namespace) -> int:
    from db.services import stores

    with _open_existing(args) as database:
        rows = stores.list_stores(database, _acting(database, args))
    for row in rows:
        print(
            _t("{id}\t{name}\t{staff} staff").format(
                id=row.id, name=row.name, staff=row.staff_count
            )
        )
    return 0


def run_store_add(args: argparse.Namespace) -> int:
    from db.cli_login import logged_in, require_login_option
    from db.services import stores
    from db.services.base import Permission, ValidationError

    require_login_option(args, "store add")
    name: str = args.name
    with _open_existing(args) as database:
        actor = logged_in(database, args, "store add", needs=[Permission.MANAGE_STORES])
        try:
            row = stores.add_store(database, actor, name)
        except ValidationError as exc:
            if "already exists" in exc.message:
                raise UserError(
                    _t("A store named '{name}' already exists.").format(name=name)
                ) from None
            why = exc.message
            raise UserError(_t("The store's name is not valid: {why}").format(why=why)) from None
    print(_t("Added store {id}: {name}").format(id=row.id, name=row.name))
    return 0


def _store_of(database: Any, actor: Any, given: int | str | None) -> Any:
    """``actor`` working in the store named by ``--store`` (default: their own)."""
    from db.cli_login import not_allowed
    from db.services import stores
    from db.services.base import PermissionDenied

    if given is None:
        return actor
    wanted = str(given)
    try:
        found = stores.find_store(database, wanted)
    except UserError:
        raise UserError(
            _t("Store {store} does not exist (see: python main.py store list).").format(
                store=wanted
            )
        ) from None
    try:
        return stores.switch_store(database, actor, found.id)
    except PermissionDenied:
        raise not_allowed(actor) from None


def run_staff_list(args: argparse.Namespace) -> int:
    from db.cli_login import not_allowed
    from db.services import staff
    from db.services.base import PermissionDenied

    with _open_existing(args) as database:
        actor = _store_of(database, _acting(database, args), args.store)
        try:
            rows = staff.list_staff(database, actor, store_id=actor.store_id)
        except PermissionDenied:
            raise not_allowed(actor) from None
    for row in rows:
        state = _t("active") if row.active else _t("disabled")
        print(f"{row.id}\t{row.username}\t{row.display_name}\t{row.role.value}\t{state}")
    return 0


def _new_password(args: argparse.Namespace, username: str) -> str:
    """The new account's password: ``--new-password-file``, else asked twice."""
    from db.cli_login import ask_secret, secret_from_file

    given = getattr(args, "new_password_file", None)
    if given is not None:
        return secret_from_file(given, "--new-password-file")
    ask = {
        "no_terminal": _t("No terminal to ask the password: use --new-password-file FILE."),
        "none_given": _t("No password given; nothing was written."),
    }
    first = ask_secret(_t("Password for the new account {name}: ").format(name=username), **ask)
    if ask_secret(_t("Repeat the new password: "), **ask) != first:
        raise UserError(_t("The two passwords differ; nothing was written."))
    return first


def _account_error(exc: Any, username: str) -> UserError:
    """A refused new account (``ValidationError``) as one translated line."""
    errors = exc.errors
    if "username" in errors and "taken" in errors["username"]:
        return UserError(_t("The user name {name} is already taken.").format(name=username))
    if "username" in errors and not username:
        return UserError(_t("--username needs a user name."))
    if "username" in errors:
        return UserError(_t("A user name has at most 64 characters and no spaces."))
    reason = exc.reasons.get("password")
    if reason is not None:
        return UserError(reason.render(translator().reason), code=reason.code)
    if "store_name" in errors:
        return UserError(_t("--store needs the name of the store to create."))
    return UserError(_t("The account was not added: {why}").format(why=exc.message))


def _role_of(text: str) -> Any:
    from db.models.enums import Role

    try:
        return Role(text.strip().lower())
    except ValueError:
        raise UserError(
            _t("--role must be one of {roles}, got '{value}'.").format(
                roles=", ".join(r.value for r in Role), value=text
            )
        ) from None


def run_staff_add(args: argparse.Namespace) -> int:
    from db.cli_login import logged_in, require_login_option, wants_login
    from db.models.enums import Role
    from db.services import staff
    from db.services.base import Permission, ValidationError

    role = _role_of(args.role)
    username = args.username.strip()
    if not wants_login(args) and role is Role.OWNER:
        return _first_owner(args, username)
    require_login_option(args, "staff add")
    with _open_existing(args) as database:
        me = logged_in(database, args, "staff add", needs=[Permission.MANAGE_STAFF])
        where = _store_of(database, me, args.store)
        password = _new_password(args, username)
        try:
            view = staff.add_staff(
                database, me, args.username, password, role,
                display_name=args.display_name, store_id=where.store_id,
            )  # fmt: skip
        except ValidationError as exc:
            raise _account_error(exc, username) from None
    print(
        _t("Added {role} {name} to store {store}.").format(
            role=view.role.value, name=view.username, store=view.store_id
        )
    )
    return 0


def _first_owner(args: argparse.Namespace, username: str) -> int:
    """Bootstrapping: the first account of a new (or still empty) database, no login.

    Only while the database has no staff account at all; it creates the
    store named by ``--store`` and its owner, as the GUI's first start does.
    Once anyone exists, ``staff add`` needs ``--user``.
    """
    from db import open_database
    from db.cli_login import require_login_option
    from db.services import staff
    from db.services.base import ValidationError

    store = "" if args.store is None else str(args.store)  # blanks collapsed by arg.store
    url = _database_url(args)
    if _has_staff(url):
        require_login_option(args, "staff add")
    if not store:
        raise UserError(
            _t(
                "The first owner of a new database needs --store NAME, the name of the "
                "store to create (everyone after that: log in with --user)."
            )
        )
    password = _new_password(args, username)
    problems = staff.check_new_account(args.username, password)
    if problems:  # before a new database file is made
        raise _account_error(ValidationError(problems), username)
    with open_database(url) as database:
        try:
            actor = staff.create_owner(
                database, store, args.username, password, display_name=args.display_name
            )
        except ValidationError as exc:
            raise _account_error(exc, username) from None
        except UserError as exc:
            if exc.code == "already_set_up":  # another process was first
                require_login_option(args, "staff add")
            raise
    print(
        _t(
            "Created store {store} with its owner {name}; from now on log in with --user {name}."
        ).format(store=store, name=actor.username)
    )
    return 0


def _has_staff(url: str) -> bool:
    """Whether the database at ``url`` holds any staff account (reads only; none: False)."""
    from sqlalchemy import func, inspect, select
    from sqlalchemy.exc import SQLAlchemyError

    from db.engine import loandesk_revision, make_engine, sqlite_path
    from db.models import Staff

    path = sqlite_path(url)
    if path is not None and (not path.exists() or loandesk_revision(path) is None):
        return False  # no database yet (a foreign file is refused, untouched)
    engine = make_engine(url)
    try:
        if not inspect(engine).has_table(Staff.__tablename__):
            return False
        with engine.connect() as conn:
            return bool(conn.scalar(select(func.count()).select_from(Staff)))
    except SQLAlchemyError:
        return True  # cannot tell: do not offer the way around the login
    finally:
        engine.dispose()


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


def _read_key(path: Path) -> bytes:
    from db.crypto import read_key_file

    if not path.exists():
        raise UserError(
            _t("There is no key file at {path} on this counter.").format(path=path),
            code="key_missing",
        )
    try:
        return read_key_file(path)
    except UserError:
        raise UserError(
            _t("The key file {path} is damaged or not a LoanDesk key file.").format(path=path),
            code="key_unreadable",
        ) from None


def _database_check(args: argparse.Namespace) -> tuple[str, bytes] | None:
    """(where, the database's key-check value) when a database can be read, else None.

    Reads ``db_meta`` only: no migration, no key needed, nothing written.
    """
    from sqlalchemy import inspect, select
    from sqlalchemy.exc import SQLAlchemyError

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
    return (str(path) if path is not None else _hide_password(url)), bytes(value)


def _hide_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "the database server"


def _matches_database(args: argparse.Namespace, key: bytes) -> tuple[str, bool] | None:
    from db.crypto import FieldCipher

    found = _database_check(args)
    if found is None:
        return None
    where, check = found
    return where, FieldCipher(key).verify_key_check(check)


def key_export_target(out: Path | str, key_path: Path) -> Path:
    """Where a key export may be written: a new file in an existing folder, never the
    key file, the database or a device (``db.files.check_output``)."""
    from db import files

    target = files.check_output(out, protect=[key_path])
    if target.exists():
        raise UserError(
            _t("{path} already exists; choose another file name.").format(path=target),
            code="file_exists",
        )
    if not target.parent.is_dir():
        raise UserError(
            _t("The folder {path} does not exist.").format(path=target.parent),
            code="folder_missing",
        )
    return target


def export_key_to(out: Path | str, key_path: Path, passphrase: str) -> str:
    """Write the passphrase-protected copy of the key in ``key_path`` to ``out``
    (the command line's ``key export`` and the guided start both use it).

    Returns the key's fingerprint.  Refusals are :class:`UserError` with a
    ``code``: ``file_exists``, ``folder_missing``, ``passphrase_short``,
    ``key_missing``, ``key_unreadable``, ``write_failed`` or one of
    ``db.files``' ``output_*``; nothing is written then.
    """
    from db.crypto import MIN_PASSPHRASE_LENGTH, key_fingerprint, write_key_export

    target = key_export_target(out, key_path)
    key = _read_key(key_path)
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UserError(
            _t("The passphrase needs at least {n} characters.").format(n=MIN_PASSPHRASE_LENGTH),
            code="passphrase_short",
        )
    try:
        write_key_export(target, key, passphrase)
    except UserError:
        raise UserError(
            _t("{path} already exists; choose another file name.").format(path=target),
            code="file_exists",
        ) from None
    except OSError as exc:
        raise UserError(
            _t("The key could not be written to {path}: {why}.").format(
                path=target, why=exc.strerror or exc.__class__.__name__
            ),
            code="write_failed",
        ) from None
    return key_fingerprint(key)


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

    require_login_option(args, "key export")
    key_path = _key_path(args)
    out = key_export_target(_file_option(args.out, "--out"), key_path)
    key = _read_key(key_path)
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
            "python main.py key import --from FILE --user NAME"
        ),
        file=sys.stderr,
    )
    return 0


def run_key_import(args: argparse.Namespace) -> int:
    from db.cli_login import require_login_option
    from db.crypto import (
        MAX_KEY_EXPORT_BYTES,
        import_key,
        key_fingerprint,
        read_key_file,
        write_key_file,
    )
    from db.files import InputFileError, read_small_file

    require_login_option(args, "key import")
    source = _file_option(args.source, "--from")
    try:
        data = read_small_file(source, limit=MAX_KEY_EXPORT_BYTES)
    except InputFileError as exc:
        if exc.code == "input_too_big":
            raise UserError(
                _t("{path} is not a LoanDesk key export file.").format(path=source)
            ) from None
        raise
    phrase = _passphrase(args, confirm=False)
    try:
        key = import_key(data, phrase, source=source)
    except UserError as exc:
        if exc.code == "key_passphrase_wrong":
            raise UserError(
                _t(
                    "Wrong passphrase for {path}, or the file is damaged; nothing was changed."
                ).format(path=source)
            ) from None
        if exc.code == "key_export_newer":
            raise UserError(
                _t(
                    "{path} was made by a newer LoanDesk; update LoanDesk on this counter first."
                ).format(path=source)
            ) from None
        raise UserError(
            _t("{path} is not a LoanDesk key export file.").format(path=source)
        ) from None
    fingerprint = key_fingerprint(key)
    verdict = _matches_database(args, key)
    if verdict is not None and not verdict[1]:
        raise UserError(
            _t(
                "This key (fingerprint {fingerprint}) does not belong to the database {db}; "
                "nothing was changed."
            ).format(fingerprint=fingerprint, db=verdict[0])
        )
    _log_in_for_key(args, key, verdict, "key import")
    key_path = _key_path(args)
    kept: Path | None = None
    if key_path.exists():
        try:
            current = read_key_file(key_path)
        except UserError:
            current = None
        if current == key:
            print(
                _t("This counter already has this key ({path}, fingerprint {fingerprint}).").format(
                    path=key_path, fingerprint=fingerprint
                )
            )
            return 0
        if not args.replace:
            raise UserError(
                _t(
                    "A different key is already installed at {path}; nothing was changed. "
                    "Add --replace to replace it (the old key is kept beside it)."
                ).format(path=key_path)
            )
        kept = key_path.with_name(f"{key_path.name}.replaced-{time.strftime('%Y%m%d-%H%M%S')}")
        key_path.replace(kept)
    try:
        write_key_file(key_path, key)
    except OSError as exc:
        if kept is not None and not key_path.exists():
            kept.replace(key_path)
        raise UserError(
            _t("The key could not be written to {path}: {why}.").format(
                path=key_path, why=exc.strerror or exc.__class__.__name__
            )
        ) from None
    print(
        _t("Key installed at {path} (fingerprint {fingerprint}).").format(
            path=key_path, fingerprint=fingerprint
        )
    )
    if kept is not None:
        print(_t("The previous key was kept as {path}.").format(path=kept), file=sys.stderr)
    return 0


def run_key_show(args: argparse.Namespace) -> int:
    from db.crypto import key_fingerprint

    key_path = _key_path(args)
    key = _read_key(key_path)
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

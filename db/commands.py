"""Headless database commands: demo data, backup, stores and the encryption key.

    python main.py demo-data --consultations 1000 [--seed 1]
    python main.py backup --out FILE
    python main.py restore --from FILE
    python main.py store list
    python main.py store add --name NAME
    python main.py staff list [--store ID|NAME]
    python main.py staff add --username U --role ROLE [--store ID|NAME]
        [--display-name N] [--password-file FILE]
    python main.py key export --out FILE [--passphrase-file FILE]
    python main.py key import --from FILE [--passphrase-file FILE] [--replace]
    python main.py key show

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
import getpass
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
    store = sub.add_parser("store", parents=[common], help="list or add the group's stores")
    actions = store.add_subparsers(dest="store_command", metavar="ACTION", parser_class=type(store))
    actions.required = True
    listing = actions.add_parser("list", parents=[common], help="list the stores")
    listing.set_defaults(handler=run_store_list)
    add = actions.add_parser("add", parents=[common], help="add a store (as the owner)")
    add.add_argument("--name", required=True, metavar="NAME", type=arg.label,
                     help="the new store's name")
    add.set_defaults(handler=run_store_add)


def _register_staff(sub: Any, common: argparse.ArgumentParser) -> None:
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
    listing = actions.add_parser("list", parents=[common, where], help="list a store's staff")
    listing.set_defaults(handler=run_staff_list)
    add = actions.add_parser("add", parents=[common, where], help="add a staff account")
    add.add_argument("--username", required=True, metavar="U", help="the login name")
    add.add_argument(
        "--role", required=True, metavar="ROLE",
        help="consultant, finance, manager or owner",
    )
    add.add_argument("--display-name", metavar="NAME", help="shown on screens and reports")
    add.add_argument(
        "--password-file", metavar="FILE", type=arg.file_name,
        help="read the first password from the first line of FILE (default: ask)",
    )
    add.set_defaults(handler=run_staff_add)


def _register_key(sub: Any, common: argparse.ArgumentParser) -> None:
    key = sub.add_parser(
        "key", parents=[common], help="copy the encryption key from one counter to another"
    )
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
        parents=[common, where, secret],
        help="write the key, protected by a passphrase, to carry to the other counters",
    )
    export.add_argument("--out", required=True, metavar="FILE", type=arg.file_name,
                        help="export file to write")
    export.set_defaults(handler=run_key_export)

    imp = actions.add_parser(
        "import", parents=[common, where, secret], help="install a key exported on another counter"
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


def run_store_list(args: argparse.Namespace) -> int:
    from db.services import staff, stores

    with _open_existing(args) as database:
        owner = staff.owner_actor(database)
        rows = stores.list_stores(database, owner)
    for row in rows:
        print(
            _t("{id}\t{name}\t{staff} staff").format(
                id=row.id, name=row.name, staff=row.staff_count
            )
        )
    return 0


def run_store_add(args: argparse.Namespace) -> int:
    from db.services import staff, stores
    from db.services.base import ValidationError

    name: str = args.name
    with _open_existing(args) as database:
        owner = staff.owner_actor(database)
        try:
            row = stores.add_store(database, owner, name)
        except ValidationError as exc:
            if "already exists" in exc.message:
                raise UserError(
                    _t("A store named '{name}' already exists.").format(name=name)
                ) from None
            why = exc.message
            raise UserError(_t("The store's name is not valid: {why}").format(why=why)) from None
    print(_t("Added store {id}: {name}").format(id=row.id, name=row.name))
    return 0


def _store_of(database: Any, owner: Any, given: int | str | None) -> Any:
    """The owner's actor working in the store named by ``--store`` (or the first store)."""
    from db.services import stores

    if given is None:
        return owner
    wanted = str(given)
    try:
        found = stores.find_store(database, wanted)
    except UserError:
        raise UserError(
            _t("Store {store} does not exist (see: python main.py store list).").format(
                store=wanted
            )
        ) from None
    return stores.switch_store(database, owner, found.id)


def run_staff_list(args: argparse.Namespace) -> int:
    from db.services import staff

    with _open_existing(args) as database:
        actor = _store_of(database, staff.owner_actor(database), args.store)
        rows = staff.list_staff(database, actor, store_id=actor.store_id)
    for row in rows:
        state = _t("active") if row.active else _t("disabled")
        print(f"{row.id}\t{row.username}\t{row.display_name}\t{row.role.value}\t{state}")
    return 0


def _password(args: argparse.Namespace) -> str:
    given = getattr(args, "password_file", None)
    if given is not None:
        path = _file_option(given, "--password-file")
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            raise UserError(
                _t("The password file {path} cannot be read.").format(path=path)
            ) from None
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        raise UserError(_t("No terminal to ask the password: use --password-file FILE."))
    try:
        first = getpass.getpass(_t("Password: "))
        if getpass.getpass(_t("Repeat the password: ")) != first:
            raise UserError(_t("The two passwords differ; nothing was written."))
    except EOFError:
        raise UserError(_t("No password given; nothing was written.")) from None
    return first


def run_staff_add(args: argparse.Namespace) -> int:
    from db.models.enums import Role
    from db.services import staff
    from db.services.base import ValidationError

    try:
        role = Role(args.role.strip().lower())
    except ValueError:
        raise UserError(
            _t("--role must be one of {roles}, got '{value}'.").format(
                roles=", ".join(r.value for r in Role), value=args.role
            )
        ) from None
    with _open_existing(args) as database:
        owner = staff.owner_actor(database)
        actor = _store_of(database, owner, args.store)
        password = _password(args)
        try:
            view = staff.add_staff(
                database, owner, args.username, password, role,
                display_name=args.display_name, store_id=actor.store_id,
            )  # fmt: skip
        except ValidationError as exc:
            if "username" in exc.errors and "taken" in exc.errors["username"]:
                raise UserError(
                    _t("The user name {name} is already taken.").format(name=args.username.strip())
                ) from None
            if "username" in exc.errors and not args.username.strip():
                raise UserError(_t("--username needs a user name.")) from None
            if "username" in exc.errors:
                raise UserError(
                    _t("A user name has at most 64 characters and no spaces.")
                ) from None
            raise UserError(
                _t("A password needs at least {n} characters.").format(
                    n=staff.MIN_PASSWORD_LENGTH
                )
            ) from None
    print(
        _t("Added {role} {name} to store {store}.").format(
            role=view.role.value, name=view.username, store=view.store_id
        )
    )
    return 0


# ---------------------------------------------------------------------------
# the encryption key
# ---------------------------------------------------------------------------


def _key_path(args: argparse.Namespace) -> Path:
    from db.paths import key_file_path

    given = getattr(args, "key_file", None)
    return _file_option(given, "--key-file") if given is not None else key_file_path()


def _passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    from db.crypto import check_passphrase

    given = getattr(args, "passphrase_file", None)
    if given is not None:
        path = _file_option(given, "--passphrase-file")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise UserError(
                _t("The passphrase file {path} cannot be read.").format(path=path)
            ) from None
        lines = text.splitlines()
        phrase = lines[0] if lines else ""
    else:
        if not sys.stdin.isatty():
            raise UserError(_t("No terminal to ask the passphrase: use --passphrase-file FILE."))
        try:
            phrase = getpass.getpass(_t("Passphrase: "))
            if confirm and getpass.getpass(_t("Repeat the passphrase: ")) != phrase:
                raise UserError(_t("The two passphrases differ; nothing was written."))
        except EOFError:
            raise UserError(_t("No passphrase given; nothing was written.")) from None
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
        raise UserError(_t("There is no key file at {path} on this counter.").format(path=path))
    try:
        return read_key_file(path)
    except UserError:
        raise UserError(
            _t("The key file {path} is damaged or not a LoanDesk key file.").format(path=path)
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


def run_key_export(args: argparse.Namespace) -> int:
    from db import files
    from db.crypto import key_fingerprint, write_key_export

    out = files.check_output(_file_option(args.out, "--out"), protect=[_key_path(args)])
    if out.exists():
        raise UserError(_t("{path} already exists; choose another file name.").format(path=out))
    if not out.parent.is_dir():
        raise UserError(_t("The folder {path} does not exist.").format(path=out.parent))
    key_path = _key_path(args)
    key = _read_key(key_path)
    verdict = _matches_database(args, key)
    if verdict is not None and not verdict[1]:
        raise UserError(
            _t(
                "The key file {key} does not belong to the database {db}; nothing was exported."
            ).format(key=key_path, db=verdict[0])
        )
    phrase = _passphrase(args, confirm=True)
    try:
        write_key_export(out, key, phrase)
    except UserError:
        raise UserError(
            _t("{path} already exists; choose another file name.").format(path=out)
        ) from None
    except OSError as exc:
        raise UserError(
            _t("The key could not be written to {path}: {why}.").format(
                path=out, why=exc.strerror or exc.__class__.__name__
            )
        ) from None
    print(
        _t("Key exported to {path} (fingerprint {fingerprint}).").format(
            path=out, fingerprint=key_fingerprint(key)
        )
    )
    print(
        _t(
            "Carry the file and, separately, the passphrase to each counter and run there: "
            "python main.py key import --from FILE"
        ),
        file=sys.stderr,
    )
    return 0


def run_key_import(args: argparse.Namespace) -> int:
    from db.crypto import import_key, key_fingerprint, read_key_file, write_key_file

    source = _file_option(args.source, "--from")
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise UserError(_t("There is no file {path}.").format(path=source)) from None
    except OSError as exc:
        raise UserError(
            _t("{path} cannot be read: {why}.").format(
                path=source, why=exc.strerror or exc.__class__.__name__
            )
        ) from None
    if len(data) > 64_000:
        raise UserError(_t("{path} is not a LoanDesk key export file.").format(path=source))
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

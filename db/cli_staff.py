"""Headless commands for the dealer group's stores and staff accounts.

    python main.py store list [--user NAME]
    python main.py store add --name NAME --user NAME
    python main.py staff list [--store ID|NAME] [--user NAME]
    python main.py staff add --username U --role ROLE [--store ID|NAME]
        [--display-name N] [--new-password-file FILE] --user NAME

Changing stores or staff needs a login (``--user NAME``, the password asked
or read with ``--password-file FILE``; see :mod:`db.cli_login`).  The one
exception is bootstrapping: on a database without any staff account (or
none yet), ``staff add --role owner --store NAME`` creates the store and its
first owner, as the program's first start does.  Registered by
:func:`db.commands.register`.
"""

from __future__ import annotations

import argparse
from typing import Any

from db import cli_args as arg
from db.commands import _acting, _database_url, _open_existing, _store_of
from lending.errors import UserError
from resources.i18n import translator

TR_CONTEXT = "cli"


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    _register_store(sub, common)
    _register_staff(sub, common)


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
    add.add_argument(
        "--name", required=True, metavar="NAME", type=arg.label, help="the new store's name"
    )
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
        "--store",
        metavar="ID|NAME",
        type=arg.store,
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
        "--role",
        required=True,
        metavar="ROLE",
        help="consultant, finance, manager or owner",
    )
    add.add_argument("--display-name", metavar="NAME", help="shown on screens and reports")
    add.add_argument(
        "--new-password-file",
        metavar="FILE",
        type=arg.file_name,
        help="read the new account's password from the first line of FILE (default: ask)",
    )
    add.set_defaults(handler=run_staff_add)


# ---------------------------------------------------------------------------
# stores
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# staff
# ---------------------------------------------------------------------------


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

"""Logging in on the command line: ``--user NAME`` and ``--password-file FILE``.

Commands that change staff, stores, keys or settings, or export unmasked
personal data, run only as a logged-in member of staff (ARCHITECTURE.md):

    python main.py store add --name "Pudong store" --user boss
    python main.py key export --out k.export --user boss --password-file pw.txt

The password is asked on the terminal (``getpass``, not echoed) or read
from the first line of ``--password-file`` (through
:func:`db.files.read_small_file`: a size cap, never a FIFO or a device).
The check is the GUI's own (:func:`db.services.staff.login`): argon2,
the same lock-out after five wrong passwords, an audit row for the login
(``via: cli``) and every change audited as that user.  What the user may do
comes from the one permission table (:data:`db.services.base.ROLE_PERMISSIONS`).

A wrong password, an unknown user, a locked or a disabled account is one
line on stderr and exit status 2 (a :class:`~lending.errors.UserError`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from lending.errors import UserError
from resources.i18n import translator

if TYPE_CHECKING:
    from db.database import Database
    from db.services.base import Actor, Permission

TR_CONTEXT = "cli"
MAX_SECRET_FILE_BYTES = 4096
"""A password or passphrase file holds one line; a bigger file is refused unread."""


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


def login_options() -> argparse.ArgumentParser:
    """The parent parser with ``--user`` and ``--password-file``.

    Both are read by the command line's bounded types (:mod:`db.cli_args`):
    a user name that no account can have (empty, over 64 characters, a
    control character) or a file name no file system takes is refused while
    the arguments are parsed, before any database is opened.
    """
    from db import cli_args as arg

    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("login")
    group.add_argument(
        "--user",
        metavar="NAME",
        type=arg.user_name,
        help="log in as this member of staff (the password is asked)",
    )
    group.add_argument(
        "--password-file",
        metavar="FILE",
        type=arg.file_name,
        help="read the login password from the first line of FILE instead of asking",
    )
    return parent


def secret_from_file(text: str, option: str) -> str:
    """The first line of the file named by ``option`` (a password or passphrase file)."""
    from db.files import InputFileError, read_first_line

    if not text.strip():
        raise UserError(_t("{option} needs a file name.").format(option=option))
    try:
        return read_first_line(text, limit=MAX_SECRET_FILE_BYTES)
    except InputFileError as exc:
        raise UserError(f"{option}: {exc.message}", code=exc.code) from None


def ask_secret(prompt: str, *, no_terminal: str, none_given: str) -> str:
    """Ask on the terminal without echo; ``no_terminal`` / ``none_given`` are the refusals."""
    import getpass

    if not sys.stdin.isatty():
        raise UserError(no_terminal)
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UserError(none_given) from None


def wants_login(args: argparse.Namespace) -> bool:
    return getattr(args, "user", None) is not None


def require_login_option(args: argparse.Namespace, what: str) -> None:
    """Refuse before anything is read or asked when ``--user`` is missing."""
    if not wants_login(args):
        raise UserError(
            _t(
                "{what} needs a login: add --user NAME (the password is asked, or read "
                "with --password-file FILE)."
            ).format(what=what)
        )


def _login_error(exc: Any) -> UserError:
    """The staff service's refusal, in the command line's words (one line)."""
    from db.services.staff import LOCK_MINUTES

    if exc.code == "locked" and exc.locked_until is not None:
        local = exc.locked_until.astimezone()
        text = _t(
            "This account is locked after too many wrong passwords. Try again after "
            "{time} ({date}), or ask the owner to unlock it."
        ).format(time=f"{local:%H:%M}", date=f"{local:%Y-%m-%d}")
    elif exc.code == "disabled":
        text = _t("This account is disabled. Ask the owner.")
    elif exc.attempts_left is not None:
        text = _t(
            "Wrong user name or password. {left} attempt(s) left before the account is "
            "locked for {minutes} minutes."
        ).format(left=exc.attempts_left, minutes=LOCK_MINUTES)
    else:
        text = _t("Wrong user name or password.")
    return UserError(text, code=exc.code)


def log_in(
    database: Database,
    args: argparse.Namespace,
    *,
    needs: Iterable[Permission] = (),
) -> Actor:
    """Check ``--user``'s password against ``database``; the actor, or UserError (exit 2).

    ``needs``: permissions the user's role must have (else one line, nothing done).
    """
    from db.services import staff
    from db.services.base import require

    user = str(args.user)
    given = getattr(args, "password_file", None)
    if given is not None:
        password = secret_from_file(given, "--password-file")
    else:
        password = ask_secret(
            _t("Password for {user}: ").format(user=user),
            no_terminal=_t("No terminal to ask the password: use --password-file FILE."),
            none_given=_t("No password given; nothing was done."),
        )
    try:
        actor = staff.login(database, user, password, via="cli")
    except staff.LoginError as exc:
        raise _login_error(exc) from None
    for permission in needs:
        try:
            require(actor, permission)
        except UserError:
            raise not_allowed(actor) from None
    return actor


def not_allowed(actor: Actor) -> UserError:
    """The actor's role may not do what the command asked (one line, nothing done)."""
    return UserError(
        _t("{user} ({role}) may not do this; log in as a member of staff who may.").format(
            user=actor.username, role=actor.role.value
        ),
        code="permission_denied",
    )


def logged_in(
    database: Database,
    args: argparse.Namespace,
    what: str,
    *,
    needs: Iterable[Permission] = (),
) -> Actor:
    """:func:`log_in`, refusing first when ``--user`` was not given."""
    require_login_option(args, what)
    return log_in(database, args, needs=needs)

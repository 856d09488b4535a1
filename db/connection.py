"""Reaching the dealer group's database server: URLs, connecting, why it failed.

The one copy the GUI (``desktop.server_setup``: the server form, the
start-up connection dialog) and the command line use:

* URL helpers: :func:`build_server_url` from a form's fields,
  :func:`with_password` / :func:`url_without_password` (the password is never
  written to disk), :func:`hide_password` and :func:`server_label` (what may
  be shown);
* :func:`connect_server` opens a server's database, looking before it writes
  (a database holding other data is refused untouched), and says whether it
  still needs its first owner;
* :func:`problem_reason` turns a refusal (``ServerProblem``, a key problem of
  ``open_database``) into a :class:`lending.reasons.Reason` the caller renders
  in the user's language (``MESSAGES``, context ``Reason``).

Installing the key the server's data was encrypted with is :mod:`db.keys`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lending.errors import UserError
from lending.reasons import Reason
from resources.i18n import translator

if TYPE_CHECKING:
    from db.database import Database

TR_CONTEXT = "cli"
SERVER_DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
URL_EXAMPLE = "postgresql+psycopg://user@server:5432/loandesk"
# open_database's key refusals: the counter lacks the group's key (import it)
KEY_PROBLEMS = ("wrong_key", "key_file_missing", "key_file_invalid")

_WRONG_KEY = (
    "The server's customer data was encrypted with the dealer group's key, and this counter "
    "has a different key. Import the key file the owner exported ({program} key export on "
    "the first counter)."
)
MESSAGES = {
    "server_unreachable": (
        "The server {server} does not answer. Check the address and port, that the server is "
        "running and that this computer is on the dealership's network."
    ),
    "server_password": (
        "The server refused the user name or password. Check them with your IT person."
    ),
    "server_password_needed": (
        "The server asks for the password. It is not saved on this computer: enter it and connect."
    ),
    "server_not_allowed": (
        "The server does not let this computer or this user in. Ask your IT person to allow "
        "it (pg_hba.conf on the server)."
    ),
    "server_no_database": "There is no database {server}. Check the database name.",
    "not_loandesk": (
        "The database {server} holds other data, not LoanDesk's. Nothing was changed; check "
        "the database name."
    ),
    "wrong_key": _WRONG_KEY,
    "key_file_invalid": _WRONG_KEY,
    "key_file_missing": (
        "This counter does not have the dealer group's encryption key yet. Import the key "
        "file the owner exported ({program} key export on the first counter)."
    ),
    "database_url_unusable": "This is not a database address LoanDesk can use.",
    "schema_too_new": (
        "The server's database was written by a newer LoanDesk. Install the newer LoanDesk "
        "on this counter."
    ),
    "server_unusable": "The server cannot be used: {detail}",
}


def _t(text: str) -> str:
    return translator()(TR_CONTEXT, text)


# ---------------------------------------------------------------------------
# URLs
# ---------------------------------------------------------------------------


def build_server_url(
    host: str, port: int, database: str, user: str = "", password: str = ""
) -> str:
    """The SQLAlchemy URL for the fields of the form (user and password quoted)."""
    from sqlalchemy.engine import URL

    return URL.create(
        SERVER_DRIVER,
        username=user or None,
        password=password or None,
        host=host,
        port=port,
        database=database,
    ).render_as_string(hide_password=False)


def url_password(url: str) -> str:
    """The password in ``url`` ("" when none, or when it is not a URL)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).password or ""
    except ArgumentError:
        return ""


def with_password(url: str, password: str) -> str:
    """``url`` with its password set to ``password`` (removed when "")."""
    from sqlalchemy.engine import make_url

    return make_url(url)._replace(password=password or None).render_as_string(hide_password=False)


def url_without_password(url: str) -> str:
    """``url`` with any password removed (what may be written to disk)."""
    from sqlalchemy.exc import ArgumentError

    try:
        return with_password(url, "")
    except ArgumentError:
        return "" if "@" in url else url  # unparseable: never risk keeping a secret


def hide_password(url: str) -> str:
    """``url`` with the password shown as ``***`` (for messages)."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return _t("the database server")


def server_label(url: str) -> str:
    """``host:port/database`` (or the file) - never the password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        u = make_url(url)
    except ArgumentError:
        return _t("the database server")
    if u.get_backend_name() == "sqlite":
        return u.database or ""
    where = u.host or "localhost"
    if u.port:
        where += f":{u.port}"
    return f"{where}/{u.database or ''}"


def is_server_url(url: str | None) -> bool:
    """Whether ``url`` names a database server (anything but a SQLite file)."""
    if not url:
        return False
    from db.engine import is_sqlite_url

    try:
        return not is_sqlite_url(url)
    except Exception:
        return True


# ---------------------------------------------------------------------------
# connecting
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Connection:
    """An open server database and how it was reached."""

    database: Database
    url: str  # with the password, for this run only
    needs_setup: bool  # a new, empty database: no owner yet


class ServerProblem(UserError):
    """Connecting to the server failed: ``code`` says why (see :func:`problem_reason`)."""

    def __init__(self, message: str, *, code: str, detail: str = "") -> None:
        super().__init__(message, code=code)
        self.detail = detail


_UNREACHABLE = (
    "connection refused",
    "could not translate host name",
    "name or service not known",
    "timeout expired",
    "timed out",
    "no route to host",
    "network is unreachable",
    "could not connect",
    "connection to server",
)


def classify(detail: str) -> str | None:
    """A driver's connection error as one of the codes of ``MESSAGES`` (None: say it as it is)."""
    text = detail.lower()
    if "no password supplied" in text:
        return "server_password_needed"
    if "password authentication failed" in text or ("role" in text and "does not exist" in text):
        return "server_password"
    if "no pg_hba.conf entry" in text:
        return "server_not_allowed"
    if "database" in text and "does not exist" in text:
        return "server_no_database"
    if any(marker in text for marker in _UNREACHABLE):
        return "server_unreachable"
    return None


def connect_server(url: str) -> Connection:
    """Open the server's database (slow: run it on a worker) and whether it needs its first owner.

    Looks before it writes: a database that holds tables but no LoanDesk
    schema is refused (``not_loandesk``) and left untouched.  An empty one is
    given the schema (the group's first counter).  Key problems come back as
    :class:`db.crypto.KeyFileError` (codes in :data:`KEY_PROBLEMS`).
    """
    from sqlalchemy import inspect
    from sqlalchemy.exc import DBAPIError, SQLAlchemyError

    from db import open_database
    from db.engine import make_engine, sqlite_path
    from db.services import staff

    path = sqlite_path(url) if not is_server_url(url) else None
    if path is not None and not path.exists():
        raise ServerProblem(f"There is no database at {path}.", code="server_no_database")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    except DBAPIError as exc:
        detail = " ".join(str(exc.orig).split())
        code = classify(detail) or "server_unusable"
        raise ServerProblem(detail, code=code, detail=detail) from None
    except SQLAlchemyError as exc:
        detail = " ".join(str(exc).split())
        raise ServerProblem(detail, code="server_unusable", detail=detail) from None
    finally:
        engine.dispose()
    if tables and "alembic_version" not in tables:
        raise ServerProblem("Not a LoanDesk database.", code="not_loandesk")
    database = open_database(url)
    try:
        return Connection(database, url, staff.needs_setup(database))
    except BaseException:
        database.close()
        raise


def problem_reason(exc: UserError, url: str) -> Reason | None:
    """Why connecting to ``url`` failed, as a reason to render (None: show ``exc.message``)."""
    from db.program import program_name

    code = exc.code or ""
    detail = getattr(exc, "detail", "") or exc.message.split(": ", 1)[-1]
    if code == "database_server_unusable":  # open_database's refusal, at start-up
        code = classify(detail) or "server_unusable"
    if code not in MESSAGES:
        return None
    return Reason.of(
        MESSAGES, code, server=server_label(url), detail=detail, program=program_name()
    )

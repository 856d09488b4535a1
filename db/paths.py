"""Where LoanDesk keeps its files: one module decides, everything else asks.

Order of precedence for the database:

1. ``--database-url URL`` (any SQLAlchemy URL, e.g. ``postgresql+psycopg://...``)
2. ``--db PATH`` (an SQLite file)
3. the ``LOANDESK_DATABASE_URL`` environment variable
4. ``$LOANDESK_HOME/data/loandesk.sqlite3`` when ``LOANDESK_HOME`` is set (tests)
5. ``loandesk.sqlite3`` in the platformdirs user data directory

The field-encryption key file lives in the config directory (never beside the
database, so a copied database file alone reveals nothing):
``LOANDESK_KEY_FILE`` overrides it, else ``$LOANDESK_HOME/config/loandesk.key``,
else ``loandesk.key`` in the platformdirs user config directory.

On Windows and macOS platformdirs gives the same folder for data and config;
there the database goes to its ``data`` sub-folder and the key to ``keys``, so
copying the database folder never copies the key with it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "LoanDesk"
DB_FILENAME = "loandesk.sqlite3"
KEY_FILENAME = "loandesk.key"

ENV_DATABASE_URL = "LOANDESK_DATABASE_URL"
ENV_HOME = "LOANDESK_HOME"
ENV_KEY_FILE = "LOANDESK_KEY_FILE"
MAX_URL_CHARS = 4096
TR_CONTEXT = "database"


def _env(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def _platform_dirs() -> tuple[Path, Path]:
    """(data, config) folders; separate sub-folders where the platform shares one."""
    import platformdirs  # here, not at the top: the GUI's first frame does not need it

    data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    config = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    if data == config:
        return data / "data", config / "keys"
    return data, config


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Directory for the database (and future backups)."""
    home = _env(environ).get(ENV_HOME)
    if home:
        return Path(home) / "data"
    return _platform_dirs()[0]


def log_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Directory for crash reports (never holding personal data: see desktop/crash.py)."""
    home = _env(environ).get(ENV_HOME)
    if home:
        return Path(home) / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Directory for what can be rebuilt at any time (the compiled translations)."""
    home = _env(environ).get(ENV_HOME)
    if home:
        return Path(home) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def preferences_file(environ: Mapping[str, str] | None = None) -> Path | None:
    """The ini file of the GUI's per-machine preferences when ``LOANDESK_HOME`` is set
    (tests, portable installs); None: the platform's native store (the registry on
    Windows, ``~/.config/LoanDesk`` on Linux), never a file this module decides."""
    home = _env(environ).get(ENV_HOME)
    return Path(home) / "config" / "desktop.ini" if home else None


def config_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Directory for the key file and per-machine configuration."""
    home = _env(environ).get(ENV_HOME)
    if home:
        return Path(home) / "config"
    return _platform_dirs()[1]


def default_db_path(environ: Mapping[str, str] | None = None) -> Path:
    return data_dir(environ) / DB_FILENAME


def key_file_path(environ: Mapping[str, str] | None = None) -> Path:
    env = _env(environ)
    override = env.get(ENV_KEY_FILE)
    if override:
        return Path(override)
    return config_dir(environ) / KEY_FILENAME


def sqlite_url(path: str | os.PathLike[str]) -> str:
    """SQLAlchemy URL for an SQLite file (absolute path)."""
    return "sqlite+pysqlite:///" + str(Path(path).expanduser().resolve())


def is_url(text: str) -> bool:
    return "://" in text


def resolve_database_url(
    db: str | os.PathLike[str] | None = None,
    database_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """Pick the database from the command-line options and environment.

    A malformed address or an impossible file name is refused here
    (:func:`check_database_url`), with one sentence, before anything uses it.
    """
    if database_url:
        return check_database_url(database_url)
    if db is not None and str(db):
        text = str(db)
        return check_database_url(text) if is_url(text) else sqlite_url(_file_name(text))
    env_url = _env(environ).get(ENV_DATABASE_URL)
    if env_url:
        return check_database_url(env_url) if is_url(env_url) else sqlite_url(_file_name(env_url))
    return sqlite_url(default_db_path(environ))


def _t(text: str) -> str:
    from resources.i18n import translator

    return translator()(TR_CONTEXT, text)


def user_path(text: str) -> str:
    """A path as typed, checked: any file system takes it, and a leading ``~user`` has a home.

    Returned unchanged (``Path.expanduser`` later expands it; it raises for
    ``~nosuchuser``, which is refused here).  Raises ``lending.parse.ParseError``.
    """
    from lending.parse import ParseError, file_name

    file_name(text)
    if text.startswith("~") and os.path.expanduser(text).startswith("~"):
        raise ParseError("parse.no_such_home", text)
    return text


def database_path(text: str) -> str:
    """:func:`user_path` for a database file: never another database's side file.

    A database made at ``loandesk.sqlite3-shm`` would later be taken by SQLite
    for the shared-memory file of ``loandesk.sqlite3`` (and ruin both).
    """
    from db.files import SIDE_SUFFIXES
    from db.lease import SUFFIX
    from lending.parse import ParseError

    user_path(text)
    if text.rstrip("/").endswith((*SIDE_SUFFIXES, SUFFIX)):
        raise ParseError("parse.side_file", text)
    return text


def _file_name(text: str) -> str:
    from lending.errors import UserError
    from lending.parse import ParseError
    from resources.i18n import translator

    try:
        return database_path(text)
    except ParseError as exc:
        raise UserError(
            _t("The database file cannot be used: {why}").format(
                why=exc.reason.render(translator().reason)
            ),
            code="database_url_invalid",
        ) from None


def check_database_url(url: str) -> str:
    """``url`` if SQLAlchemy can read it as a database address, else one clear UserError.

    The address is not repeated in the message: it may hold a password.
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    from lending import parse
    from lending.errors import UserError

    def refused(why: str) -> UserError:
        return UserError(
            _t(
                "The database address is not valid: {why}. Give one like "
                "postgresql+psycopg://user@host/dbname, or an SQLite file with --db."
            ).format(why=why),
            code="database_url_invalid",
        )

    if "\x00" in url or len(url) > MAX_URL_CHARS or not url.isprintable():
        raise refused(_t("it is too long or holds characters no address has"))
    try:
        parsed = make_url(url)
        port = parsed.port
    except (ArgumentError, ValueError):
        raise refused(_t("it cannot be read as an address")) from None
    try:
        parsed.get_dialect()
    except NoSuchModuleError:
        raise refused(
            _t("LoanDesk does not know the database kind {kind}").format(
                kind=parse.shown(parsed.drivername)
            )
        ) from None
    if port is not None and not 1 <= port <= 65535:
        raise refused(_t("the port must be a number from 1 to 65535"))
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        _file_name(parsed.database)
    return url

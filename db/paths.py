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
    """Pick the database from the command-line options and environment."""
    if database_url:
        return database_url
    if db is not None and str(db):
        text = str(db)
        return text if is_url(text) else sqlite_url(text)
    env_url = _env(environ).get(ENV_DATABASE_URL)
    if env_url:
        return env_url if is_url(env_url) else sqlite_url(env_url)
    return sqlite_url(default_db_path(environ))

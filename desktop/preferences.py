"""Per-machine GUI preferences (QSettings), every key declared once here.

Where they live (qutebrowser's ``standarddir`` idea: :mod:`db.paths` decides every
folder and file of the program):

* ``$LOANDESK_HOME/config/desktop.ini`` when ``LOANDESK_HOME`` is set
  (tests, portable installs) - never the real user's settings;
* otherwise the platform's native store under organisation ``LoanDesk``,
  application ``LoanDesk`` (registry on Windows, ``~/.config/LoanDesk``
  on Linux).

The database this counter uses (when neither ``--db``/``--database-url`` nor
``LOANDESK_DATABASE_URL`` is given) is remembered here as a URL *without* its
password: the password is asked in the connection dialog at start-up when
the server wants one and kept in memory only (a ``~/.pgpass`` file or the
server's own authentication set up by the IT person avoids the question).

Store-wide lending values (LPR, DTI limit, ...) are not here: they live in
the database (``db.services.settings``) because every counter PC of a store
must use the same ones.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from db.connection import url_without_password

ORGANISATION = "LoanDesk"
APPLICATION = "LoanDesk"

# key -> default
LANGUAGE = "ui/language"  # "" = follow the system (Chinese on a Chinese locale)
GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
LAST_USERNAME = "login/last_username"
LAST_STORE = "login/last_store"  # the store this counter picked last (dealer groups)
LAST_CONSULTATION = "resume/consultation/{username}"
LAST_STEP = "resume/step/{username}"
DATABASE_URL = "database/url"  # the dealer group's server, WITHOUT its password ("" = own file)

DEFAULTS: dict[str, object] = {
    LANGUAGE: "",
    LAST_USERNAME: "",
}


def settings_file() -> Path | None:
    """The ini file used instead of the native store (:func:`db.paths.preferences_file`)."""
    from db import paths

    return paths.preferences_file()


class Preferences:
    """Typed access to the GUI's QSettings."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        if qsettings is None:
            path = settings_file()
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                qsettings = QSettings(str(path), QSettings.Format.IniFormat)
            else:
                qsettings = QSettings(
                    QSettings.Format.NativeFormat,
                    QSettings.Scope.UserScope,
                    ORGANISATION,
                    APPLICATION,
                )
        self.qsettings = qsettings

    # -- language ----------------------------------------------------------
    @property
    def language(self) -> str:
        """``"zh_CN"``, ``"en"`` or ``""`` (follow the system)."""
        value = str(self.qsettings.value(LANGUAGE, DEFAULTS[LANGUAGE]) or "")
        return value if value in ("zh_CN", "en") else ""

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue(LANGUAGE, value if value in ("zh_CN", "en") else "")

    # -- window ------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.qsettings.value(GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.qsettings.value(WINDOW_STATE)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue(GEOMETRY, geometry)
        self.qsettings.setValue(WINDOW_STATE, state)

    # -- login ---------------------------------------------------------------
    @property
    def last_username(self) -> str:
        return str(self.qsettings.value(LAST_USERNAME, DEFAULTS[LAST_USERNAME]) or "")

    @last_username.setter
    def last_username(self, value: str) -> None:
        self.qsettings.setValue(LAST_USERNAME, value)

    @property
    def last_store(self) -> int | None:
        """The store picked at the last login on this counter (None: never picked)."""
        value = self.qsettings.value(LAST_STORE)
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    @last_store.setter
    def last_store(self, value: int | None) -> None:
        if value is None:
            self.qsettings.remove(LAST_STORE)
        else:
            self.qsettings.setValue(LAST_STORE, int(value))

    # -- database --------------------------------------------------------------
    @property
    def database_url(self) -> str:
        """The remembered server URL (never with a password); "" = this counter's own file."""
        return str(self.qsettings.value(DATABASE_URL, "") or "")

    @database_url.setter
    def database_url(self, value: str) -> None:
        clean = url_without_password(value) if value else ""
        if clean:
            self.qsettings.setValue(DATABASE_URL, clean)
        else:
            self.qsettings.remove(DATABASE_URL)

    def use_own_database(self) -> None:
        """Back to this counter's own SQLite file (forget the server)."""
        self.qsettings.remove(DATABASE_URL)

    # -- resume --------------------------------------------------------------
    def last_consultation(self, username: str) -> int | None:
        value = self.qsettings.value(LAST_CONSULTATION.format(username=username))
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    def last_step(self, username: str) -> str:
        return str(self.qsettings.value(LAST_STEP.format(username=username), "") or "")

    def set_last_consultation(
        self, username: str, consultation_id: int | None, step: str = ""
    ) -> None:
        key = LAST_CONSULTATION.format(username=username)
        if consultation_id is None:
            self.qsettings.remove(key)
            self.qsettings.remove(LAST_STEP.format(username=username))
        else:
            self.qsettings.setValue(key, int(consultation_id))
            self.qsettings.setValue(LAST_STEP.format(username=username), step)

    def sync(self) -> None:
        self.qsettings.sync()

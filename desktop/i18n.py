"""Load the zh_CN catalogue into Qt: compile the ``.ts`` files, install translators.

Decision: the ``.qm`` files are **compiled at start-up into a cache folder**
(``$LOANDESK_HOME/cache/qm`` or the platform's user cache folder) when they
are missing or stale, instead of committing ``.qm`` files.  Reasons:

* the ``.ts`` files are edited by several people at once (one per area);
  committed binaries would be stale after nearly every commit and a stale
  ``.qm`` shows English silently - exactly the bug the translation test
  is there to stop;
* ``pyside6-lrelease`` ships with PySide6 itself (a hard dependency), so it
  is always available where the GUI runs;
* all areas are merged into **one** ``zh_CN.qm`` by a single ``lrelease``
  call (about 0.1 s, only after a ``.ts`` changed); a stamp of file names,
  sizes and modification times decides staleness, so normal start-ups
  only compare a few ``stat()`` results.

Should ``lrelease`` be missing or fail, :class:`TableTranslator` serves the
same ``.ts`` content from Python (``resources.i18n.load_ts``), so the GUI is
never left untranslated.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources.i18n import CHINESE, ENGLISH, load_ts, ts_files

log = logging.getLogger(__name__)

QT_CATALOGUES = ("qtbase",)


def cache_dir() -> Path:
    """Where the compiled catalogues go (:func:`db.paths.cache_dir`)."""
    from db import paths

    return paths.cache_dir() / "qm"


def _stamp(sources: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sources:
        st = p.stat()
        h.update(f"{p.name}:{st.st_size}:{st.st_mtime_ns};".encode())
    return h.hexdigest()


def _lrelease() -> list[str] | None:
    import shutil  # only when a catalogue must be (re)compiled: not on a normal start-up

    exe = shutil.which("pyside6-lrelease")
    if exe:
        return [exe]
    try:
        import PySide6

        base = Path(PySide6.__file__).parent
    except ImportError:  # pragma: no cover
        return None
    for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
        candidate = base / name
        if candidate.exists():
            return [str(candidate)]
    return None


def compiled_catalogue(language: str = CHINESE, *, target: Path | None = None) -> Path | None:
    """The merged ``.qm`` for ``language``, (re)compiled when missing or stale.

    Returns None when it cannot be compiled (the caller falls back to
    :class:`TableTranslator`).
    """
    from resources import COMPILED_TRANSLATIONS

    shipped = COMPILED_TRANSLATIONS / f"loandesk_{language}.qm"
    if target is None and shipped.is_file():  # the frozen bundle: compiled at build time
        return shipped
    sources = ts_files(language)
    if not sources:
        return None
    folder = target or cache_dir()
    qm = folder / f"loandesk_{language}.qm"
    stamp_file = qm.with_suffix(".stamp")
    stamp = _stamp(sources)
    if qm.exists() and stamp_file.exists() and stamp_file.read_text() == stamp:
        return qm
    tool = _lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found; using the Python translation table")
        return None
    import subprocess

    from db import files
    from lending.errors import UserError

    try:
        folder.mkdir(parents=True, exist_ok=True)
        with files.replacing(qm, suffix=".qm") as tmp:  # the one atomic write
            subprocess.run(
                [*tool, "-silent", *map(str, sources), "-qm", str(tmp)],
                check=True,
                capture_output=True,
                timeout=60,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0)
                if sys.platform == "win32"
                else 0,
            )
        stamp_file.write_text(stamp)
    except (OSError, subprocess.SubprocessError, UserError) as exc:
        log.warning("pyside6-lrelease failed (%s); using the Python translation table", exc)
        return None
    return qm


class TableTranslator(QTranslator):
    """A translator that reads the ``.ts`` table directly (fallback)."""

    def __init__(self, language: str, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self._table = load_ts(language)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return self._table.get((context, source), "")

    def isEmpty(self) -> bool:
        return not self._table


class Translators:
    """The translators installed in the application, swappable at run time."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = ENGLISH
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> None:
        """Remove the current translators and install ``language``'s (no-op for English)."""
        for tr in self._installed:
            self.app.removeTranslator(tr)
        self._installed.clear()
        self.language = language
        if language == ENGLISH:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            return
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in QT_CATALOGUES:
            qt_tr = QTranslator(self.app)
            if qt_tr.load(f"{name}_{language}", qt_dir):
                self._add(qt_tr)
        ours: QTranslator | None = None
        qm = compiled_catalogue(language)
        if qm is not None:
            candidate = QTranslator(self.app)
            if candidate.load(str(qm)):
                ours = candidate
        if ours is None:
            ours = TableTranslator(language, self.app)
        self._add(ours)

    def _add(self, translator: QTranslator) -> None:
        self.app.installTranslator(translator)
        self._installed.append(translator)

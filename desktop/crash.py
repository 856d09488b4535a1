"""Unexpected errors in the GUI: a dialog in the user's language and a crash report file.

Without this, an exception in a slot is a console traceback nobody sees (the
frozen Windows program hides its console) and the click silently did nothing.
:func:`install` replaces ``sys.excepthook`` and ``threading.excepthook``:
the report - program version, platform, the exception's type and the
traceback's frames - goes to a new file in :func:`db.paths.log_dir`, and a
dialog says what happened, that saved work is safe, where the report is, and
offers "Copy details".

No personal data: a report holds file names, line numbers, function names
and source lines of *our code*, and the exception's message with every run
of four or more digits and every Chinese character replaced by ``#`` / ``*``
(ID numbers, phones, amounts, names); no local variables, no arguments.
"""

from __future__ import annotations

import platform
import re
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

_DIGITS = re.compile(r"\d{4,}")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_shown = threading.Event()  # one dialog at a time: an error in a loop must not flood


TR_CONTEXT = "Crash"


def _t(text: str) -> str:
    return QCoreApplication.translate(TR_CONTEXT, text)


def scrub(text: str) -> str:
    """The message without digits runs (IDs, phones, amounts) or Chinese text (names)."""
    return _CJK.sub("*", _DIGITS.sub(lambda m: "#" * len(m.group()), text))


def report_text(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("loandesk")
    except PackageNotFoundError:
        ours = "unknown"
    lines = [
        f"LoanDesk {ours} - {datetime.now().isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} on {platform.platform()}"
        f"{' (frozen)' if getattr(sys, 'frozen', False) else ''}",
        "",
        "Traceback (most recent call last):",
    ]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{Path(frame.filename).name}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {scrub(frame.line.strip())}")
    lines.append(f"{kind.__module__}.{kind.__qualname__}: {scrub(str(value))}")
    return "\n".join(lines) + "\n"


def write_report(text: str) -> Path | None:
    """A new ``crash-<time>.txt`` in the log folder (0600); None when it cannot be written."""
    import os

    from db.paths import log_dir

    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        return path
    except OSError:
        return None


class CrashDialog(QDialog):
    """What happened, that saved work is safe, where the report is; Copy details, Close."""

    def __init__(self, text: str, path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.setWindowTitle(_t("LoanDesk - unexpected error"))
        lay = QVBoxLayout(self)
        head = QLabel(_t("Something went wrong inside LoanDesk; the last action did not finish."))
        font = head.font()
        font.setBold(True)
        head.setFont(font)
        head.setWordWrap(True)
        lay.addWidget(head)
        where = (
            _t("A report for support was written to:\n{path}").format(path=path)
            if path
            else _t("The report could not be written to a file; use Copy details.")
        )
        self.info = QLabel(
            _t("What was saved before is safe. Check the page, then try again.") + "\n\n" + where
        )
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.info)
        self.details = QPlainTextEdit(text)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 180)
        lay.addWidget(self.details)
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(
            _t("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = buttons.addButton(_t("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.close_button.setFocus()

    def copy(self) -> None:
        QApplication.clipboard().setText(self.text)
        self.copy_button.setText(_t("Copied"))


def show_dialog(text: str, path: Path | None) -> None:
    if _shown.is_set() or QApplication.instance() is None:
        return
    _shown.set()
    try:
        CrashDialog(text, path, QApplication.activeWindow()).exec()
    finally:
        _shown.clear()


def handle(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    text = report_text(kind, value, tb)
    path = write_report(text)
    if threading.current_thread() is threading.main_thread():
        show_dialog(text, path)
    else:  # a worker thread: the dialog belongs to the GUI thread
        app = QApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app, lambda: show_dialog(text, path))


def install() -> None:
    sys.excepthook = handle
    threading.excepthook = lambda args: handle(
        args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
    )

"""An unexpected error: a dialog in the user's language, a report file without personal data."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop import crash


def _raise_with_personal_data() -> None:
    name, id_number, phone = "王建华", "110105198804120011", "13812340001"
    raise ValueError(f"cannot save {name} {id_number} phone {phone} income 22000")


def _caught() -> tuple[type[BaseException], BaseException, object]:
    try:
        _raise_with_personal_data()
    except ValueError:
        kind, value, tb = sys.exc_info()
        assert kind is not None and value is not None
        return kind, value, tb
    raise AssertionError("no exception")


def test_the_report_names_the_code_but_no_personal_data() -> None:
    text = crash.report_text(*_caught())  # type: ignore[arg-type]
    assert "_raise_with_personal_data" in text and "builtins.ValueError" in text
    assert "test_crash.py" in text
    assert not re.search(r"\d{4,}", text.split("\n", 2)[2])  # (the header has the date)
    for secret in ("王建华", "110105198804120011", "13812340001", "22000"):
        assert secret not in text


def test_an_error_writes_a_private_report_and_shows_a_dialog(qtbot, qapp) -> None:
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, crash.CrashDialog):
            QTimer.singleShot(20, look)
            return
        seen["info"] = dialog.info.text()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        seen["still_open"] = dialog.isVisible()
        seen["clipboard"] = QApplication.clipboard().text()
        dialog.close_button.click()

    QTimer.singleShot(0, look)
    crash.handle(*_caught())  # type: ignore[arg-type]
    reports = list((Path(os.environ["LOANDESK_HOME"]) / "logs").glob("crash-*.txt"))
    assert len(reports) == 1, reports
    report = reports[0]
    if os.name == "posix":
        assert stat.S_IMODE(report.stat().st_mode) == 0o600
    text = report.read_text(encoding="utf-8")
    assert "110105198804120011" not in text and "ValueError" in text
    assert str(report) in str(seen["info"])
    assert seen["still_open"] is True  # copying does not close the dialog
    assert seen["clipboard"] == text


def test_the_dialog_speaks_chinese(qtbot, qapp) -> None:
    from tests.desktop.pages.conftest import install_language

    translators = install_language(qapp, "zh_CN")
    try:
        dialog = crash.CrashDialog("details", None)
        qtbot.addWidget(dialog)
        words = dialog.windowTitle() + dialog.info.text() + dialog.copy_button.text()
        assert not re.search(r"[A-Za-z]{3,}", words.replace("LoanDesk", "")), words
    finally:
        translators.install("en")

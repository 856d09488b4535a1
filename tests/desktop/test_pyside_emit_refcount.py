"""PySide6 6.12 drops a reference to True on every emit() and to None on every read of an
item's None data; LoanDesk must not crash from it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import desktop  # the work-around is applied on import
from PySide6.QtCore import QCoreApplication, QObject, Signal

app = QCoreApplication([])


class Source(QObject):
    changed = Signal(int)


s = Source()
s.changed.connect(lambda v: None)
for i in range(20_000):  # a long day at the counter
    s.changed.emit(i)
from PySide6.QtCore import QTimer

t = QTimer()
for i in range(200_000):  # methods returning nothing drop a reference to None
    t.setInterval(i)
print("ok")
"""


def test_many_signal_emits_do_not_abort_the_program() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"


NONE_SCRIPT = """
import desktop  # the work-around is applied on import
from PySide6.QtWidgets import QApplication, QComboBox

app = QApplication([])
combo = QComboBox()
combo.addItem("Not checked yet", None)  # as the appraisal page's registration choice
for _ in range(200_000):  # more than None's whole reference count at start-up
    combo.itemData(0)
    combo.currentData()
print("ok")
"""


def test_reading_none_item_data_does_not_abort_the_program() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", NONE_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"

"""GUI start-up: ``python main.py`` with no subcommand lands here."""

from __future__ import annotations

import argparse
import sys


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle(QApplication.translate("MainWindow", "LoanDesk"))
    window.setCentralWidget(QLabel(QApplication.translate("MainWindow", "LoanDesk")))
    window.resize(1024, 700)
    window.show()
    return app.exec()

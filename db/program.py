"""The program's command name, for messages that tell the user what to run.

From the source tree it is ``python main.py``; in the frozen bundle
(PyInstaller sets ``sys.frozen``, see ``packaging/``) it is the executable's
own name, e.g. ``LoanDesk.exe``.  Messages keep it out of the translated
text: ``"... run {program} key export ..."`` formatted with
``program=program_name()``.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_COMMAND = "python main.py"


def program_name() -> str:
    """What to type to run LoanDesk on this computer (``python main.py`` or ``LoanDesk.exe``)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name or "LoanDesk"
    return SOURCE_COMMAND

"""Where tests put pictures for people to look at (screenshots, rendered PDF pages).

Never into the repository: under ``$LOANDESK_ARTIFACTS`` when it is set
(``LOANDESK_ARTIFACTS=artifacts python -m pytest`` keeps them in ./artifacts),
otherwise in the test session's temporary folder (``tests/conftest.py`` sets
it).  ``artifacts_dir("screenshots", "zh_CN")`` -> ``<root>/screenshots/zh_CN``.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "LOANDESK_ARTIFACTS"

_default: list[Path] = []


def use_default(folder: Path) -> None:
    """The folder used when ``$LOANDESK_ARTIFACTS`` is not set (the session's tmp)."""
    _default[:] = [folder]


def artifacts_dir(*parts: str) -> Path:
    """The folder for one kind of picture, created."""
    root = os.environ.get(ENV)
    if root:
        base = Path(root).resolve()
    elif _default:
        base = _default[0]
    else:
        raise RuntimeError("tests/conftest.py sets the default artifacts folder")
    folder = base.joinpath(*parts)
    folder.mkdir(parents=True, exist_ok=True)
    return folder

"""Data shipped with LoanDesk: the default catalogue, translations, icons.

Only this package knows where those files live.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
TRANSLATIONS = ROOT / "translations"
CATALOGUE = ROOT / "catalogue.json"


def default_catalogue_data() -> Any:
    """The default product catalogue as parsed JSON (see lending.products)."""
    with CATALOGUE.open(encoding="utf-8") as fh:
        return json.load(fh)

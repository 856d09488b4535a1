"""Data shipped with LoanDesk: the default catalogue, translations, icons.

Only this package knows where those files live.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
TRANSLATIONS = ROOT / "translations"
CATALOGUE = ROOT / "catalogue.json"


def default_catalogue_data() -> Any:
    """The default product catalogue as parsed JSON (see lending.products)."""
    with CATALOGUE.open(encoding="utf-8") as fh:
        return json.load(fh)


@lru_cache(maxsize=1)
def catalogue_names() -> dict[str, tuple[dict[str, str], ...]]:
    """The catalogue's display names: ``lenders`` (name, name_zh, service_phone) and
    ``add_ons`` (code, kind, name, name_zh)."""
    data = default_catalogue_data()
    return {key: tuple({k: str(v) for k, v in entry.items()} for entry in data.get(key, ()))
            for key in ("lenders", "add_ons")}

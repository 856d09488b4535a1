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
# Only in the frozen bundle (packaging/build.py stages them): the compiled zh_CN
# catalogue, and a CJK TrueType font for the PDFs on a PC that has none.
COMPILED_TRANSLATIONS = TRANSLATIONS / "qm"
FONTS = ROOT / "fonts"


def default_catalogue_data() -> Any:
    """The default product catalogue as parsed JSON (see lending.products)."""
    with CATALOGUE.open(encoding="utf-8") as fh:
        return json.load(fh)


WMI_TABLE = ROOT / "wmi_china.csv"


def wmi_table(path: Path | None = None) -> dict[str, Any]:
    """WMI -> :class:`lending.vin.Manufacturer` from the shipped table (or ``path``)."""
    import csv

    from lending.vin import Manufacturer

    with (path or WMI_TABLE).open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {
            row["wmi"].strip().upper(): Manufacturer(
                row["wmi"].strip().upper(), row["name_en"].strip(), row["name_zh"].strip()
            )
            for row in rows
        }


@lru_cache(maxsize=1)
def catalogue_names() -> dict[str, tuple[dict[str, str], ...]]:
    """The catalogue's display names: ``lenders`` (name, name_zh, service_phone) and
    ``add_ons`` (code, kind, name, name_zh)."""
    data = default_catalogue_data()
    return {
        key: tuple({k: str(v) for k, v in entry.items()} for entry in data.get(key, ()))
        for key in ("lenders", "add_ons")
    }

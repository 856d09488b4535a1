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

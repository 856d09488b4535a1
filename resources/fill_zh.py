"""Fill Chinese translations from a JSON file: ``python -m resources.fill_zh FILE.json``.

The file maps ``"<ts file>|<context>|<source>"`` to the Chinese text; every
entry must already be in the ``.ts`` file (``python -m resources.ts_tool``
collects them first).  Used by developers; the program never runs it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from resources import TRANSLATIONS
from resources.ts_tool import read_ts, write_ts


def fill(table: dict[str, str]) -> list[str]:
    """Write the translations; return the keys that matched no message."""
    by_file: dict[str, dict[tuple[str, str], str]] = {}
    for key, text in table.items():
        name, context, source = key.split("|", 2)
        by_file.setdefault(name, {})[(context, source)] = text
    unknown: list[str] = []
    for name, items in by_file.items():
        path = TRANSLATIONS / "zh_CN" / name
        entries = read_ts(path)
        for k, text in items.items():
            if k not in entries:
                unknown.append(f"{name}|{k[0]}|{k[1]}")
                continue
            entries[k] = text
        write_ts(path, entries)
    return unknown


def main(argv: list[str]) -> int:
    table = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    unknown = fill(table)
    for key in unknown:
        print(f"not in the catalogue: {key}", file=sys.stderr)
    return 1 if unknown else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

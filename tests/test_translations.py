"""Every user-visible string has a Simplified Chinese translation (all areas, strict).

``resources.ts_tool.missing()`` reads the source code (``tr()``,
``translate()``, ``_t()`` with ``TR_CONTEXT``, ``TR_STRINGS`` and lending's
``MESSAGES``) and the zh_CN ``.ts`` files.  Fix a failure with
``python -m resources.ts_tool`` and then translate the new entries of your
area's ``.ts`` file.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from resources import TRANSLATIONS
from resources.ts_tool import collect, missing, read_ts

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def test_no_string_lacks_a_chinese_translation() -> None:
    gaps = missing()
    report = "\n".join(f"{area}.ts [{context}] {source!r}" for area, context, source in gaps)
    assert not gaps, f"{len(gaps)} string(s) without a zh_CN translation:\n{report}"


def test_translations_keep_every_placeholder() -> None:
    """A translation that drops or renames {name} would raise KeyError or lose a figure."""
    wrong = []
    for area in collect():
        for (context, source), text in read_ts(TRANSLATIONS / "zh_CN" / f"{area}.ts").items():
            if text and sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
                wrong.append(f"{area}.ts [{context}] {source!r} -> {text!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_ts_files_are_well_formed() -> None:
    files = sorted((TRANSLATIONS / "zh_CN").glob("*.ts"))
    assert files
    for path in files:
        root = ET.parse(path).getroot()
        assert root.tag == "TS" and root.get("language") == "zh_CN", path.name

"""Translations without Qt, for the command line and printed documents.

The zh_CN Qt Linguist sources (``translations/zh_CN/*.ts``, one per area)
are the one catalogue: the GUI loads them compiled (``.qm``) through
``QTranslator``; the command line and the documents read the same ``.ts``
files here with ElementTree.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from resources import TRANSLATIONS

ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (CHINESE, ENGLISH)


def ts_files(language: str) -> list[Path]:
    """The language's Qt Linguist sources, one per area (cli, lending, desktop, ...)."""
    return sorted((TRANSLATIONS / language).glob("*.ts"))


def detect_language(env: Mapping[str, str] | None = None) -> str:
    """``LOANDESK_LANG`` if set, else Chinese on a Chinese locale, else English."""
    env = os.environ if env is None else env
    chosen = env.get("LOANDESK_LANG", "").strip()
    if chosen:
        return CHINESE if chosen.lower().startswith("zh") else ENGLISH
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            return CHINESE if value.lower().startswith("zh") else ENGLISH
    return ENGLISH


@lru_cache(maxsize=4)
def load_ts(language: str) -> dict[tuple[str, str], str]:
    """(context, source) -> translation for every finished message."""
    import xml.etree.ElementTree as ET  # here: the GUI's normal start-up reads the compiled .qm

    table: dict[tuple[str, str], str] = {}
    if language == ENGLISH:
        return table
    for path in ts_files(language):
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                source = message.findtext("source", "")
                node = message.find("translation")
                if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                if node.text:
                    table[(name, source)] = node.text
    return table


class Translator:
    def __init__(self, language: str) -> None:
        self.language = language
        self._table = load_ts(language)

    def __call__(self, context: str, source: str) -> str:
        return self._table.get((context, source), source)

    def reason(self, source: str) -> str:
        """Translate a ``lending.reasons.Reason`` template."""
        return self("Reason", source)


@lru_cache(maxsize=4)
def translator(language: str | None = None) -> Translator:
    return Translator(language or detect_language())

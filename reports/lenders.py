"""Catalogue names in the reader's language: lenders and add-ons.

Lenders and add-ons are stored by the name staff saw when saving (English
for the default catalogue and the demo; what the owner or staff typed
otherwise). The default catalogue (resources/catalogue.json) carries each
lender's and add-on's English and Chinese name, and a lender's service phone,
so a Chinese quote says 中国工商银行 and 车辆全险（1 年）, an English one
"Industrial and Commercial Bank of China". A name the catalogue does not
know is printed as typed.
"""

from __future__ import annotations

from functools import lru_cache

from resources import catalogue_names


@lru_cache(maxsize=1)
def _index() -> dict[str, dict[str, str]]:
    """Every known English or Chinese name -> its catalogue entry."""
    out: dict[str, dict[str, str]] = {}
    for kind in ("lenders", "add_ons"):
        for entry in catalogue_names()[kind]:
            for key in (entry.get("name", ""), entry.get("name_zh", "")):
                if key:
                    out[f"{kind}:{key.strip()}"] = entry
    return out


def _name(kind: str, name: str | None, lang: str | None) -> str:
    if not name:
        return ""
    entry = _index().get(f"{kind}:{name.strip()}")
    if entry is None:
        return name
    zh = (lang or _app_language()).startswith("zh")
    return (entry.get("name_zh") or entry["name"]) if zh else entry["name"]


def _app_language() -> str:
    from resources.i18n import translator

    return translator().language


def lender_name(name: str | None, lang: str | None = None) -> str:
    """``name`` as the reader of ``lang`` knows the lender ('' for none)."""
    return _name("lenders", name, lang)


def add_on_name(name: str | None, lang: str | None = None) -> str:
    """An add-on's name (insurance, warranty, service) in the reader's language."""
    return _name("add_ons", name, lang)


def lender_phone(name: str | None) -> str:
    """The lender's customer-service phone from the catalogue ('' when unknown)."""
    if not name:
        return ""
    entry = _index().get(f"lenders:{name.strip()}")
    return entry.get("service_phone", "") if entry else ""

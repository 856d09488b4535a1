"""Catalogue names in the reader's language: lenders and add-ons.

Lenders and add-ons are stored by the name staff saw when saving (English
for the default catalogue and the demo; what the owner or staff typed
otherwise). The default catalogue (resources/catalogue.json) carries each
lender's and add-on's English and Chinese name, and a lender's service phone,
so a Chinese quote says 中国工商银行 and 车辆全险（1 年）, an English one
"Industrial and Commercial Bank of China". A name the catalogue does not
know is printed as typed.

A saved offer keeps the names it printed (:func:`kept_names`, in the plan's
snapshot): its documents pass them as ``kept`` and print them as they were,
whatever the catalogue says today.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class KeptName:
    """A lender's or add-on's display names as they were when an offer was made."""

    kind: str
    """``lenders`` or ``add_ons``."""
    name: str
    """As stored with the plan."""
    name_en: str
    name_zh: str = ""
    service_phone: str = ""


def kept_names(
    lenders: Iterable[str],
    add_ons: Iterable[str] = (),
    store_lenders: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[KeptName, ...]:
    """The display names of these lenders and add-ons as the catalogue has them now
    (a name it does not know is kept as typed, in both languages).  ``store_lenders``:
    the store's own lenders by English name (the owner's editor), looked up first."""
    out: list[KeptName] = []
    own = {k.strip(): v for k, v in (store_lenders or {}).items()}
    for kind, names in (("lenders", lenders), ("add_ons", add_ons)):
        for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
            mine = own.get(name) if kind == "lenders" else None
            e = mine if mine and mine.get("name_zh") else _index().get(f"{kind}:{name}")
            if e is None:
                out.append(KeptName(kind, name, name, name))
            else:
                out.append(
                    KeptName(
                        kind, name, e["name"], e.get("name_zh", ""), e.get("service_phone", "")
                    )
                )
    return tuple(out)


def _entry(kind: str, name: str, kept: Sequence[KeptName]) -> dict[str, str] | None:
    key = name.strip()
    for k in kept:
        if k.kind == kind and k.name == key:
            return {"name": k.name_en, "name_zh": k.name_zh, "service_phone": k.service_phone}
    return _index().get(f"{kind}:{key}")


def _name(kind: str, name: str | None, lang: str | None, kept: Sequence[KeptName]) -> str:
    if not name:
        return ""
    entry = _entry(kind, name, kept)
    if entry is None:
        return name
    zh = (lang or _app_language()).startswith("zh")
    return (entry.get("name_zh") or entry["name"]) if zh else entry["name"]


def _app_language() -> str:
    from resources.i18n import translator

    return translator().language


def lender_name(name: str | None, lang: str | None = None, kept: Sequence[KeptName] = ()) -> str:
    """``name`` as the reader of ``lang`` knows the lender ('' for none); ``kept``: the
    names an offer kept, used first."""
    return _name("lenders", name, lang, kept)


def add_on_name(name: str | None, lang: str | None = None, kept: Sequence[KeptName] = ()) -> str:
    """An add-on's name (insurance, warranty, service) in the reader's language."""
    return _name("add_ons", name, lang, kept)


def lender_phone(name: str | None, kept: Sequence[KeptName] = ()) -> str:
    """The lender's customer-service phone from the catalogue ('' when unknown)."""
    if not name:
        return ""
    entry = _entry("lenders", name, kept)
    return entry.get("service_phone", "") if entry else ""

"""Lender names in the reader's language.

Lenders are stored by their English name (the catalogue's data and what the
owner types). The default catalogue's lenders have a Chinese name here, in
the ``Lender`` translation context, so a Chinese quote says 中国工商银行 and
not "Industrial and Commercial Bank of China". A lender the owner added
keeps the name as typed.
"""

from __future__ import annotations

from resources.i18n import translator

TR_CONTEXT = "Lender"

# Every lender in resources/catalogue.json (a test keeps this list complete).
TR_STRINGS = (
    "Industrial and Commercial Bank of China",
    "China Construction Bank",
    "China Merchants Bank",
    "SAIC-GMAC",
    "Toyota Motor Finance (China)",
    "Volkswagen Finance (China)",
    "Ping An Auto Finance (example)",
    "WeBank (example)",
    "Dealer partner finance company (example)",
    "Consumer finance company (example)",
)


def lender_name(name: str | None, lang: str | None = None) -> str:
    """``name`` as the reader of ``lang`` knows the lender ('' for none)."""
    if not name:
        return ""
    return translator(lang)(TR_CONTEXT, name)

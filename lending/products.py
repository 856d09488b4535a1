"""The product catalogue: what each lender offers, as validated data.

The default catalogue ships as ``resources/catalogue.json`` and the owner
edits it; ``lending`` only *parses and validates* the decoded JSON
(:func:`parse_catalogue`) and turns a catalogue back into JSON-ready data
(:func:`catalogue_to_data`).  Reading the file is done elsewhere.

This module is the catalogue's public import path; the code lives by job in
:mod:`lending.product_types` (the dataclasses and their rules) and
:mod:`lending.catalogue_json` (parsing and writing).

JSON keys are exactly the dataclass field names below.  Decimals may be
written as strings (preferred: ``"4.50"``) or numbers; percentages are
percent (``"80"`` means 80 %).

Two product families:

* :class:`Product` - secured car loans (the four products of DOMAIN.md's
  table).  ``grades`` lists the risk grades a product accepts and the one
  nominal annual rate every customer of that grade gets (same price for the
  same grade), with the approval likelihood for that grade.  A product may
  carry a **rate sheet** (``rate_sheet``): the rate by grade x term band x
  down-payment band (:meth:`Product.rate_for`); every customer of the same
  grade, term band and down-payment band still gets the same price.
* :class:`ConsumerCreditProduct` - unsecured consumer credit lines.
* :class:`CardInstalment` - bank card instalment (信用卡分期): no interest, a
  flat fee per term; its true APR comes from
  :func:`lending.deal.card_instalment_schedule`.
"""

from lending.catalogue_json import (
    CatalogueError,
    catalogue_to_data,
    parse_catalogue,
)
from lending.product_types import (
    CATALOGUE_FORMAT_VERSION,
    MESSAGES,
    STANDARD_TERMS,
    CardFee,
    CardInstalment,
    Catalogue,
    ConsumerCreditProduct,
    Fees,
    FirstLoanPromotion,
    GradeLikelihood,
    GradeTerms,
    Product,
    PromotionKind,
    RateCell,
    StepUp,
    Strictness,
    Subsidy,
    rate_sheet_reasons,
)

__all__ = [
    "CATALOGUE_FORMAT_VERSION",
    "MESSAGES",
    "STANDARD_TERMS",
    "CardFee",
    "CardInstalment",
    "Catalogue",
    "CatalogueError",
    "ConsumerCreditProduct",
    "Fees",
    "FirstLoanPromotion",
    "GradeLikelihood",
    "GradeTerms",
    "Product",
    "PromotionKind",
    "RateCell",
    "StepUp",
    "Strictness",
    "Subsidy",
    "catalogue_to_data",
    "parse_catalogue",
    "rate_sheet_reasons",
]

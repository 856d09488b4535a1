"""The tables the demo fills, in insert order, and the one bulk writer that writes them.

A generator task builds :data:`Rows` (Python values per table, every column,
ids numbered by the task); :func:`demo_writer` gives the shared
:class:`db.bulk_writer.BulkWriter` for these tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table

from db.bulk_writer import BulkWriter, row_template
from db.models import (
    Appraisal,
    BlacklistEntry,
    ConsentRecord,
    Consultation,
    Customer,
    FollowUp,
    Plan,
    PlanAddOn,
    Qualification,
    SigningItem,
    Vehicle,
)
from db.models.base import Base

# Tables in insert order (parents first).
TABLE_ORDER: tuple[str, ...] = (
    "customers",
    "consent_records",
    "consultations",
    "qualifications",
    "vehicles",
    "appraisals",
    "plans",
    "plan_add_ons",
    "signing_items",
    "follow_ups",
    "blacklist",
)
MODELS: Mapping[str, type[Base]] = {
    "customers": Customer,
    "consent_records": ConsentRecord,
    "consultations": Consultation,
    "qualifications": Qualification,
    "vehicles": Vehicle,
    "appraisals": Appraisal,
    "plans": Plan,
    "plan_add_ons": PlanAddOn,
    "signing_items": SigningItem,
    "follow_ups": FollowUp,
    "blacklist": BlacklistEntry,
}

Rows = dict[str, list[dict[str, Any]]]


def table(name: str) -> Table:
    t = MODELS[name].__table__
    assert isinstance(t, Table)
    return t


def templates() -> dict[str, dict[str, Any]]:
    """One full row per table (every column, scalar defaults filled, else None)."""
    return {name: row_template(table(name)) for name in TABLE_ORDER}


def demo_writer(dialect: Any) -> BulkWriter:
    """The bulk writer for the demo's tables on ``dialect``."""
    return BulkWriter(dialect, [table(name) for name in TABLE_ORDER])

"""The add-on catalogue of a store: insurance, warranty, GPS, maintenance, services.

Like a product, an add-on keeps its definition as the JSON that
``lending.addons.read_add_on`` reads (kind, names, price rule, the lenders
requiring it, whether it may be financed); the columns are what lists sort
and look up by.  Plans keep their own copy of the add-ons they were offered
(``plan_add_ons``), so a change here never alters a saved plan.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, JSONText, StoreOwned, UTCDateTime, utcnow


class AddOn(StoreOwned, Base):
    __tablename__ = "add_ons"
    __table_args__ = (UniqueConstraint("store_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    spec: Mapped[Any] = mapped_column(JSONText())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

"""Lenders and products (owner-editable, seeded from resources/catalogue.json).

A product's full definition (ratios, rate range, terms, methods, fees, limits)
is kept as the JSON that ``lending.products.parse_catalogue`` reads, so the
schema does not change each time the product model grows a field; the
columns here are the ones reports filter and sort by.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, JSONText, StoreOwned, UTCDateTime, utcnow


class Lender(StoreOwned, Base):
    __tablename__ = "lenders"
    __table_args__ = (UniqueConstraint("store_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    """The English name: how products (``example_lenders``) and plans name the lender."""
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    name_zh: Mapped[str] = mapped_column(String(200), default="", server_default="")
    service_phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    complaint_channel: Mapped[str] = mapped_column(String(200), default="", server_default="")
    payout_rules: Mapped[str] = mapped_column(String(500), default="", server_default="")
    """Where the lender pays the loan out (the dealer's account only) and what it needs."""


class Product(StoreOwned, Base):
    __tablename__ = "products"
    __table_args__ = (UniqueConstraint("store_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(200))
    lender_id: Mapped[int | None] = mapped_column(ForeignKey("lenders.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    spec: Mapped[Any] = mapped_column(JSONText())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

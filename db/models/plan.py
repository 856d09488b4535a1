"""Step 4: finance plans (several per consultation, at most one chosen)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, JSONText, Money, Rate, StoreOwned, UTCDateTime, utcnow


class Plan(StoreOwned, Base):
    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    product_code: Mapped[str] = mapped_column(String(60))
    lender_name: Mapped[str] = mapped_column(String(200), default="")
    method: Mapped[str] = mapped_column(String(30))
    vehicle_price: Mapped[Decimal | None] = mapped_column(Money())
    down_payment: Mapped[Decimal | None] = mapped_column(Money())
    amount: Mapped[Decimal] = mapped_column(Money())
    term_months: Mapped[int] = mapped_column(Integer)
    annual_rate: Mapped[Decimal] = mapped_column(Rate())
    upfront_fee: Mapped[Decimal] = mapped_column(Money(), default=Decimal("0"))
    monthly_fee_rate: Mapped[Decimal] = mapped_column(Rate(), default=Decimal("0"))
    step_percent: Mapped[Decimal | None] = mapped_column(Rate())
    step_months: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[date | None] = mapped_column(Date)
    bundle: Mapped[str | None] = mapped_column(String(20))
    # computed by lending.schedule / lending.apr at save time
    first_payment: Mapped[Decimal | None] = mapped_column(Money())
    max_payment: Mapped[Decimal | None] = mapped_column(Money())
    total_interest: Mapped[Decimal | None] = mapped_column(Money())
    total_fees: Mapped[Decimal | None] = mapped_column(Money())
    total_add_ons: Mapped[Decimal | None] = mapped_column(Money())
    total_repayment: Mapped[Decimal | None] = mapped_column(Money())
    apr: Mapped[Decimal | None] = mapped_column(Rate())
    effective_annual_rate: Mapped[Decimal | None] = mapped_column(Rate())
    warnings: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    chosen: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    balloon: Mapped[Decimal | None] = mapped_column(Money())
    """Balloon method: the lump paid with the last payment (None for other methods)."""
    deal: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    """The whole deal the plan was priced with (``db.services.deals``: on-road lines,
    trade-in, target payment, financed add-ons); None for plans saved before deals."""
    snapshot: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    """The offer as it was shown when the plan was saved: every figure, check, date and
    setting the printed documents need (``reports.pdf.snapshot``; versioned by its
    ``schema`` key, Decimals as strings).  Documents print from it, never from today's
    settings.  None for plans saved before snapshots existed (built at their first print)."""


class PlanAddOn(StoreOwned, Base):
    """Optional (or lender-required) insurance, warranty, service lines: own price each."""

    __tablename__ = "plan_add_ons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[Decimal] = mapped_column(Money())
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    code: Mapped[str] = mapped_column(String(60), default="", server_default="")
    """The add-on catalogue's code ('' : saved before the catalogue, or typed)."""
    name_zh: Mapped[str] = mapped_column(String(200), default="", server_default="")
    """The Chinese name (``name`` is the English one) as the catalogue had it."""


class DocumentPrint(StoreOwned, Base):
    """One printed (or saved) customer document of a plan: the first, then the reprints."""

    __tablename__ = "document_prints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    document: Mapped[str] = mapped_column(String(20))
    """``quote``, ``plan`` or ``disclosure``."""
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    how: Mapped[str] = mapped_column(String(10))
    """``print``, ``save`` (as PDF) or ``cli``."""
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    printed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

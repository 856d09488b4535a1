"""A consultation: the five steps, their state and the funnel timestamps."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, JSONText, Money, Rate, StoreOwned, Timestamps, UTCDateTime


class Consultation(StoreOwned, Timestamps, Base):
    __tablename__ = "consultations"
    __table_args__ = (
        Index("ix_consultations_store_contact", "store_id", "contact_at"),
        Index("ix_consultations_store_status", "store_id", "status"),
        # the dashboard finds this and last month's events without reading every row
        Index("ix_consultations_store_signed", "store_id", "signed_at"),
        Index("ix_consultations_store_approved", "store_id", "approved_at"),
        Index("ix_consultations_store_decided", "store_id", "lender_decided_at"),
        Index("ix_consultations_store_lost", "store_id", "lost_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="open")

    # reception
    source_channel: Mapped[str | None] = mapped_column(String(30))
    intent_level: Mapped[str | None] = mapped_column(String(10))
    purpose: Mapped[str | None] = mapped_column(Text)
    budget: Mapped[Decimal | None] = mapped_column(Money())
    wished_down_payment: Mapped[Decimal | None] = mapped_column(Money())
    wished_monthly_payment: Mapped[Decimal | None] = mapped_column(Money())

    # step states
    reception_state: Mapped[str] = mapped_column(String(20), default="not_started")
    qualification_state: Mapped[str] = mapped_column(String(20), default="not_started")
    appraisal_state: Mapped[str] = mapped_column(String(20), default="not_started")
    plan_state: Mapped[str] = mapped_column(String(20), default="not_started")
    signing_state: Mapped[str] = mapped_column(String(20), default="not_started")

    # funnel
    contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    needs_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    qualified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    plan_offered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    disbursed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    lost_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    lost_reason: Mapped[str | None] = mapped_column(Text)
    lost_reason_code: Mapped[str | None] = mapped_column(String(30))
    """Why it was lost: a ``LostReason`` code (price, lender_rejected, ...)."""
    lender_outcome: Mapped[str | None] = mapped_column(String(20))
    """``approved`` / ``declined`` / ``withdrawn`` (the reports count these)."""
    lender_decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    lender_decision: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    """The lender's answer to the application: {"outcome": approved|declined|withdrawn,
    "on", "by", "username", "approved_amount", "approved_rate", "reason_code", "note"}."""

    # checks
    blacklist_hit: Mapped[bool] = mapped_column(Boolean, default=False)
    blocked_reasons: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    warnings: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    approvals: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    """Exceptions a manager approved: [{"code", "by", "at", "note"}]."""
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    referred_by_customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))

    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    """Who saved the row last (with ``updated_at``: named in a concurrent-edit message)."""
    version_id: Mapped[int] = mapped_column(Integer, nullable=False)
    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012


class Qualification(StoreOwned, Base):
    """Step 2: documents present, credit facts, the grade and its reasons."""

    __tablename__ = "qualifications"

    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), primary_key=True)
    # encrypted (AES-GCM, associated data "qualifications.<column>")
    monthly_income_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    statement_income_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    # documents
    income_proof_months: Mapped[int] = mapped_column(Integer, default=0)
    residence_proof: Mapped[bool] = mapped_column(Boolean, default=False)
    work_proof: Mapped[bool] = mapped_column(Boolean, default=False)
    id_valid: Mapped[bool] = mapped_column(Boolean, default=False)
    # credit facts
    overdue_count_24m: Mapped[int] = mapped_column(Integer, default=0)
    worst_overdue_days: Mapped[int] = mapped_column(Integer, default=0)
    current_debt: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    monthly_debt_payments: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    card_utilisation_percent: Mapped[Decimal] = mapped_column(Rate(), default=Decimal(0))
    recent_applications_3m: Mapped[int] = mapped_column(Integer, default=0)
    history_years: Mapped[Decimal | None] = mapped_column(Rate())
    credit_kinds: Mapped[int | None] = mapped_column(Integer)
    declared_age: Mapped[int | None] = mapped_column(Integer)
    # result of lending.qualification.qualify
    grade: Mapped[str | None] = mapped_column(String(2), index=True)
    score: Mapped[int | None] = mapped_column(Integer)
    passed: Mapped[bool | None] = mapped_column(Boolean)
    hard_failures: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    reasons: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    warnings: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    recommendations: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    assessed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    assessed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class Vehicle(StoreOwned, Base):
    """Step 3 input: the car (one per consultation)."""

    __tablename__ = "vehicles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), unique=True)
    brand: Mapped[str] = mapped_column(String(100))
    model: Mapped[str] = mapped_column(String(100))
    first_registration: Mapped[date | None] = mapped_column(Date)
    vin: Mapped[str | None] = mapped_column(String(17), index=True)
    mileage_km: Mapped[int | None] = mapped_column(Integer)
    colour: Mapped[str | None] = mapped_column(String(40))
    energy: Mapped[str | None] = mapped_column(String(20))
    """``lending.onroad.Energy`` (petrol, diesel, hybrid, nev); None: not said."""
    registration_matches: Mapped[bool | None] = mapped_column(Boolean)
    condition_grade: Mapped[str | None] = mapped_column(String(20))
    accident: Mapped[bool] = mapped_column(Boolean, default=False)
    flood: Mapped[bool] = mapped_column(Boolean, default=False)
    fire: Mapped[bool] = mapped_column(Boolean, default=False)
    market_price: Mapped[Decimal | None] = mapped_column(Money())
    reference_kind: Mapped[str | None] = mapped_column(String(20))
    """What ``market_price`` is (``lending.appraisal.ReferenceKind``); None: used-market."""
    price: Mapped[Decimal | None] = mapped_column(Money())
    maintenance_records: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)


class Appraisal(StoreOwned, Base):
    """Step 3 result: computed value, optional override with its reason."""

    __tablename__ = "appraisals"

    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicles.id"), primary_key=True)
    computed_value: Mapped[Decimal | None] = mapped_column(Money())
    override_value: Mapped[Decimal | None] = mapped_column(Money())
    override_reason: Mapped[str | None] = mapped_column(Text)
    override_reason_code: Mapped[str | None] = mapped_column(String(30))
    override_status: Mapped[str | None] = mapped_column(String(20), index=True)
    """``pending`` / ``approved`` / ``refused`` for an override that needs a manager;
    None otherwise (``db.services.consultations.OverrideStatus``)."""
    override_decided_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    override_decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    override_decision_note: Mapped[str | None] = mapped_column(Text)
    final_value: Mapped[Decimal | None] = mapped_column(Money())
    acceptable: Mapped[bool | None] = mapped_column(Boolean)
    reasons: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    appraised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    appraised_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

"""Customers (personal fields encrypted) and their consent records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, StoreOwned, Timestamps, UTCDateTime, utcnow


class Customer(StoreOwned, Timestamps, Base):
    __tablename__ = "customers"
    __table_args__ = (
        Index("ix_customers_store_name", "store_id", "name"),
        Index("ix_customers_store_phone_hmac", "store_id", "phone_hmac"),
        Index("ix_customers_store_id_hmac", "store_id", "id_hmac"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # encrypted (AES-GCM, associated data "customers.<column>")
    id_number_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    # keyed hashes (HMAC-SHA256 hex) of the normalised values
    id_hmac: Mapped[str | None] = mapped_column(String(64))
    phone_hmac: Mapped[str | None] = mapped_column(String(64))
    tier: Mapped[str] = mapped_column(String(20), default="potential")
    source_channel: Mapped[str | None] = mapped_column(String(30))
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    """Who saved the row last (with ``updated_at``: named in a concurrent-edit message)."""
    version_id: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version_id}  # noqa: RUF012


class ConsentRecord(StoreOwned, Base):
    """Consent to personal-information processing: who recorded it, when, what for."""

    __tablename__ = "consent_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    purpose: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

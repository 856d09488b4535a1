"""Step 5: the signing checklist, and follow-ups after it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, StoreOwned, UTCDateTime, utcnow


class SigningItem(StoreOwned, Base):
    __tablename__ = "signing_items"
    __table_args__ = (UniqueConstraint("consultation_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(60))
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str | None] = mapped_column(Text)


class FollowUp(StoreOwned, Base):
    __tablename__ = "follow_ups"
    __table_args__ = (Index("ix_follow_ups_store_open_due", "store_id", "done_at", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int | None] = mapped_column(ForeignKey("consultations.id"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[str] = mapped_column(String(30))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    note: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    """What came of it (recorded when it is completed)."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

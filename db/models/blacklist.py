"""Internal blacklist and the imported industry list (keyed hashes only)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, StoreOwned, UTCDateTime, utcnow


class BlacklistEntry(StoreOwned, Base):
    __tablename__ = "blacklist"
    __table_args__ = (
        Index("ix_blacklist_store_id_hmac", "store_id", "id_hmac"),
        Index("ix_blacklist_store_phone_hmac", "store_id", "phone_hmac"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(30))
    id_hmac: Mapped[str | None] = mapped_column(String(64))
    phone_hmac: Mapped[str | None] = mapped_column(String(64))
    # masked forms only, so staff can tell entries apart
    id_masked: Mapped[str | None] = mapped_column(String(30))
    phone_masked: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)
    import_batch: Mapped[str | None] = mapped_column(String(60))
    added_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

"""After the loan: the lender's word on how it is being repaid (imported, as of a date)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, StoreOwned, UTCDateTime, utcnow


class LoanStatus(StoreOwned, Base):
    """One loan's status in a lender's post-loan export (``db.services.loan_status``).

    One row per loan and as-of date; a later import for the same date replaces it.
    No personal data: the reference is the plan number LoanDesk printed.
    """

    __tablename__ = "loan_statuses"
    __table_args__ = (
        UniqueConstraint("consultation_id", "as_of"),
        Index("ix_loan_statuses_store_as_of", "store_id", "as_of"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id"))
    reference: Mapped[str] = mapped_column(String(100))
    """As written in the lender's file."""
    lender: Mapped[str] = mapped_column(String(60))
    """The column mapping the file was read with (``generic``, ``icbc``, ...)."""
    status: Mapped[str] = mapped_column(String(20))
    """``current``, ``overdue`` or ``settled`` (``LoanState``)."""
    overdue_days: Mapped[int] = mapped_column(Integer, default=0)
    as_of: Mapped[date] = mapped_column(Date)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

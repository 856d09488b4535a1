"""The reporting period: calendar days in the store's time zone, turned into UTC bounds.

Every timestamp in the database is aware UTC.  A report for "2026-01-01 to
2026-01-31" means those days on the store's clock, so the bounds are local
midnights converted to UTC: ``[start 00:00, end + 1 day 00:00)``.  ``tz=None``
means the machine's local time zone (the counter PC's clock), like the
follow-up lists in ``db.services.followups``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal

from lending.errors import UserError

MAX_PERIOD_DAYS = 366 * 10


class PeriodError(UserError):
    """A period that cannot be reported on (end before start, too long)."""


@dataclass(frozen=True)
class MonthBucket:
    """One calendar month of the period (clipped to the period at both ends)."""

    year: int
    month: int
    first_day: date
    last_day: date
    lo: datetime
    """Aware UTC start (inclusive)."""
    hi: datetime
    """Aware UTC end (exclusive)."""

    @property
    def label(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class ReportPeriod:
    start: date
    end: date
    """Inclusive."""
    tz: tzinfo | None = None
    """The store's time zone; None = this machine's local time zone."""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(
                f"The end date {self.end.isoformat()} is before the start date "
                f"{self.start.isoformat()}.",
                code="period_reversed",
            )
        if (self.end - self.start).days >= MAX_PERIOD_DAYS:
            raise PeriodError(
                "A report covers at most ten years; choose a shorter period.",
                code="period_too_long",
            )

    @classmethod
    def parse(cls, start: str, end: str, tz: tzinfo | None = None) -> ReportPeriod:
        """From ``YYYY-MM-DD`` strings; raises :class:`PeriodError` with one sentence."""
        days = []
        for text in (start, end):
            try:
                days.append(date.fromisoformat(text.strip()))
            except ValueError:
                raise PeriodError(
                    f"'{text}' is not a date; write it like 2026-01-31.", code="bad_date"
                ) from None
        return cls(days[0], days[1], tz)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def moment(self, day: date) -> datetime:
        """Local midnight at the start of ``day``, as aware UTC."""
        if self.tz is None:
            return datetime.combine(day, time.min).astimezone().astimezone(UTC)
        return datetime.combine(day, time.min, tzinfo=self.tz).astimezone(UTC)

    def bounds(self) -> tuple[datetime, datetime]:
        """``[lo, hi)`` in aware UTC."""
        return self.moment(self.start), self.moment(self.end + timedelta(days=1))

    def local(self, moment: datetime) -> datetime:
        """An aware datetime on the store's clock, without tzinfo (Excel has no zones)."""
        shown = moment.astimezone() if self.tz is None else moment.astimezone(self.tz)
        return shown.replace(tzinfo=None)

    def months(self) -> tuple[MonthBucket, ...]:
        out = []
        y, m = self.start.year, self.start.month
        while date(y, m, 1) <= self.end:
            last = date(y, m, calendar.monthrange(y, m)[1])
            first_day = max(date(y, m, 1), self.start)
            last_day = min(last, self.end)
            out.append(
                MonthBucket(
                    y,
                    m,
                    first_day,
                    last_day,
                    self.moment(first_day),
                    self.moment(last_day + timedelta(days=1)),
                )
            )
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return tuple(out)

    def month_equivalents(self) -> Decimal:
        """How many months the period covers, partial months pro rata by days.

        2026-01-01..2026-12-31 is 12; 2026-02-01..2026-02-28 is 1; half of
        a 30-day month is 0.5.  Monthly targets are multiplied by this.
        """
        total = Decimal(0)
        for b in self.months():
            in_month = calendar.monthrange(b.year, b.month)[1]
            total += Decimal((b.last_day - b.first_day).days + 1) / Decimal(in_month)
        return total.quantize(Decimal("0.0001"))

"""The demo's calendar: the store's time zone, its "now", and when customers walk in."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta, timezone

from db.demo.draws import randint

STORE_TZ = timezone(timedelta(hours=8))  # China Standard Time, no daylight saving


def data_cutoff(day: date) -> datetime:
    """The generator's "now": the start of ``today`` in the store's time zone, as UTC.

    Everything generated happened before today (nothing lies in the future
    whatever the time of the run), and a run later the same day gives the
    same data.
    """
    return datetime.combine(day, time(0, 0), STORE_TZ).astimezone(UTC)


def contact_times(seed: int, today: date, n: int) -> list[datetime]:
    """Visit times over the 365 days up to ``today``: busier at weekends, slowly growing."""
    rng = random.Random(f"loandesk-demo:{seed}:contacts")
    days = [today - timedelta(days=d) for d in range(365, 0, -1)]
    weights = [
        (1.6 if day.weekday() >= 5 else 1.0) * (0.8 + 0.4 * i / 365) for i, day in enumerate(days)
    ]
    picked = rng.choices(days, weights=weights, k=n)
    now = data_cutoff(today)
    out = []
    for day in picked:
        minute = randint(rng, 9 * 60, 20 * 60 + 30)
        local = datetime.combine(day, time(minute // 60, minute % 60), STORE_TZ)
        out.append(min(local.astimezone(UTC), now))
    out.sort()
    return out

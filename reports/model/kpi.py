"""The owner's KPI targets (an app setting) and the scoring of each salesperson against them.

Targets are read from ``report.kpi_targets`` with defaults for what is not
set; the scoring is pure (actuals in, a :class:`~reports.model.figures.KpiTable`
out) and capped as the targets say.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from db.database import Database
from reports.model.figures import (
    ADD_ON_KINDS,
    CENT,
    KPI_CODES,
    TENTH,
    KpiLine,
    KpiTargets,
    SalespersonKpis,
    mean,
    percent,
    weighted_mean,
)
from reports.model.sql import KPI_TARGETS_SETTING

# ---------------------------------------------------------------------------
# targets
# ---------------------------------------------------------------------------


def load_kpi_targets(database: Database, store_id: int) -> KpiTargets:
    """The owner's KPI targets (app setting ``report.kpi_targets``), defaults otherwise.

    The setting is a JSON object ``{"loans_closed": "20", ...,
    "weights": {"loans_closed": "30", ...}}``; unreadable values are ignored.
    """
    from db.services.settings import get_app_setting

    data = get_app_setting(database, store_id, KPI_TARGETS_SETTING, None)
    return targets_from_json(data)


def targets_from_json(data: Any) -> KpiTargets:
    defaults = KpiTargets()
    if not isinstance(data, Mapping):
        return defaults
    values: dict[str, Any] = {}
    for code in (*KPI_CODES, "score_cap_percent"):
        try:
            v = Decimal(str(data[code]))
        except Exception:  # missing or unreadable: keep the default
            continue
        if v.is_finite() and v >= 0:
            values[code] = v
    weights = data.get("weights")
    if isinstance(weights, Mapping):
        merged = dict(defaults.weights)
        for code in KPI_CODES:
            try:
                w = Decimal(str(weights[code]))
            except Exception:
                continue
            if w.is_finite() and w >= 0:
                merged[code] = w
        values["weights"] = tuple((c, merged[c]) for c in KPI_CODES)
    return KpiTargets(**values)


# ---------------------------------------------------------------------------
# KPI scoring (pure)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiActuals:
    """The raw sums for one salesperson (or the store)."""

    loans_closed: int = 0
    loan_amount: Decimal = Decimal(0)
    approved: int = 0
    declined: int = 0
    withdrawn: int = 0
    refused: int = 0
    satisfaction_sum: int = 0
    satisfaction_n: int = 0
    with_add_on: int = 0
    """Signed loans whose plan carries an optional add-on."""
    required_insurance: int = 0
    signed_with_plan: int = 0
    referrals: int = 0
    optional_insurance: int = 0
    optional_warranty: int = 0
    optional_service: int = 0
    optional_other: int = 0
    close_seconds: int = 0
    close_n: int = 0
    apr_weighted: Decimal = Decimal(0)
    """sum(APR x amount) over the signed loans with an APR."""
    apr_amount: Decimal = Decimal(0)
    """sum(amount) over the same loans."""

    def __add__(self, other: KpiActuals) -> KpiActuals:
        return KpiActuals(
            *(getattr(self, f) + getattr(other, f) for f in self.__dataclass_fields__)
        )

    def actual(self, code: str) -> Decimal | None:
        if code == "loans_closed":
            return Decimal(self.loans_closed)
        if code == "loan_amount":
            return self.loan_amount
        if code == "approval_rate":
            return self.approval_rate
        if code == "satisfaction":
            return mean(self.satisfaction_sum, self.satisfaction_n)
        if code == "insurance_attach":
            return self.add_on_attach_rate
        if code == "referrals":
            return Decimal(self.referrals)
        raise KeyError(code)

    @property
    def approval_rate(self) -> Decimal | None:
        return percent(self.approved, self.approved + self.declined)

    @property
    def add_on_attach_rate(self) -> Decimal | None:
        return percent(self.with_add_on, self.signed_with_plan)

    @property
    def required_insurance_rate(self) -> Decimal | None:
        return percent(self.required_insurance, self.signed_with_plan)

    def add_on_by_kind(self) -> tuple[tuple[str, Decimal | None], ...]:
        return tuple(
            (kind, percent(getattr(self, f"optional_{kind}"), self.signed_with_plan))
            for kind in ADD_ON_KINDS
        )

    @property
    def average_days_to_close(self) -> Decimal | None:
        return mean(Decimal(self.close_seconds) / Decimal(86400), self.close_n, TENTH)

    @property
    def average_apr(self) -> Decimal | None:
        """Weighted by amount."""
        return weighted_mean(self.apr_weighted, self.apr_amount)


def score_kpis(
    staff_id: int | None,
    name: str,
    actuals: KpiActuals,
    targets: KpiTargets,
    months: Decimal,
    *,
    scale: int = 1,
) -> SalespersonKpis:
    """Lines and weighted score.

    ``scale``: how many salespeople a totals row stands for (count and amount
    targets are multiplied by it; the "unassigned" row does not count).
    """
    lines = []
    cap = targets.score_cap_percent
    for code in KPI_CODES:
        target = targets.target(code, months)
        if code in KpiTargets.SCALED:
            target = target * scale
        actual = actuals.actual(code)
        achievement = percent(actual, target) if actual is not None and target else None
        weight = targets.weight(code)
        points = (
            (weight * min(achievement, cap) / 100).quantize(CENT, ROUND_HALF_UP)
            if achievement is not None
            else Decimal("0.00")
        )
        lines.append(KpiLine(code, weight, target, actual, achievement, points))
    return SalespersonKpis(
        staff_id=staff_id,
        name=name,
        lines=tuple(lines),
        score=sum((x.points for x in lines), Decimal("0.00")),
        approved=actuals.approved,
        declined=actuals.declined,
        satisfaction_responses=actuals.satisfaction_n,
        withdrawn=actuals.withdrawn,
        refused=actuals.refused,
        average_days_to_close=actuals.average_days_to_close,
        average_apr=actuals.average_apr,
    )

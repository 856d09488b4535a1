"""The demo's figures, every one from ``lending``: appraisal, price, schedule, affordability.

Nothing here decides a rule.  The appraisal is ``lending.appraisal.appraise``
with the store's settings; a plan is priced by ``lending.eligibility.loan_terms``
(the product's rate sheet via :meth:`lending.products.Product.rate_for`, its
fees, the step-up terms) and scheduled by ``lending.schedule``; affordability
is ``lending.compliance.dti_within_limit`` (the rule ``check_dti`` reports) on
``lending.eligibility.dti_payment``; a vehicle's fit with a product is
``lending.appraisal.vehicle_limit_reasons``.  The schedule figures are cached
(the same terms repeat a lot; they are pure).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from db.services.base import reasons_to_json
from db.services.consultations.views import RATE_PLACES
from lending import appraisal as lending_appraisal
from lending.compliance import dti_within_limit
from lending.eligibility import PlanRequest, dti_payment, loan_terms
from lending.products import Product
from lending.qualification import Grade
from lending.reasons import Reason
from lending.schedule import LoanTerms, RepaymentMethod, Schedule, build_schedule
from lending.settings import DEFAULT_SETTINGS, LendingSettings

REF_START = date(2026, 1, 15)
"""The start date the cached figures are computed for (they do not depend on it)."""

Figures = tuple[Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal]


def fast_appraise(
    market: Decimal,
    first_registration: date,
    on: date,
    mileage_km: int,
    condition: lending_appraisal.Condition,
    accident: bool = False,
    flood: bool = False,
    fire: bool = False,
    settings: LendingSettings = DEFAULT_SETTINGS,
) -> lending_appraisal.Appraisal:
    """``lending.appraisal.appraise`` of a used-market reference, no override."""
    return lending_appraisal.appraise(
        lending_appraisal.AppraisalInput(
            market_reference_price=market,
            first_registration=first_registration,
            appraisal_date=on,
            mileage_km=mileage_km,
            condition=condition,
            accident=accident,
            flood=flood,
            fire=fire,
        ),
        settings,
    )


def fits(product: Product, grade: Grade, appraisal: lending_appraisal.Appraisal) -> bool:
    """The product accepts the grade and the vehicle is within its age and mileage limits."""
    return product.accepts(grade) and not lending_appraisal.vehicle_limit_reasons(
        appraisal.age_years,
        appraisal.mileage_km,
        product.max_vehicle_age_years,
        product.max_mileage_km,
    )


def plan_terms(
    product: Product,
    grade: Grade,
    price: Decimal,
    amount: Decimal,
    term: int,
    method: RepaymentMethod,
) -> LoanTerms | None:
    """The terms ``product`` prices this loan at (None: no rate for the grade and bands)."""
    request = PlanRequest(
        vehicle_price=price,
        down_payment=price - amount,
        term_months=term,
        method=method,
        start_date=REF_START,
    )
    return loan_terms(product, grade, request, amount)


@lru_cache(maxsize=200_000)
def schedule_figures(terms: LoanTerms) -> Figures:
    """first, max, interest, fees, repayment, apr, ear, dti payment (start-date independent)."""
    s: Schedule = build_schedule(terms, REF_START)
    return (
        s.first_payment,
        s.max_payment,
        s.total_interest,
        s.total_fees,
        s.total_repayment,
        s.apr.quantize(RATE_PLACES),
        s.effective_annual_rate.quantize(RATE_PLACES),
        dti_payment(s),
    )


def affordable(
    figures: Figures, monthly_debt: Decimal, income: Decimal, settings: LendingSettings
) -> bool:
    """Lending's debt-to-income rule for the plan's DTI payment and the existing debt."""
    return dti_within_limit(figures[7], monthly_debt, income, settings)


_REASONS_JSON: dict[tuple[Reason, ...], list[dict[str, Any]]] = {}


def reasons_json(reasons: Sequence[Reason]) -> list[dict[str, Any]]:
    """``reasons_to_json`` (the services' form), one shared list per equal reasons
    (the bulk writer encodes a shared list once)."""
    key = tuple(reasons)
    found = _REASONS_JSON.get(key)
    if found is None:
        if len(_REASONS_JSON) > 50_000:
            _REASONS_JSON.clear()
        found = reasons_to_json(key)
        _REASONS_JSON[key] = found
    return found

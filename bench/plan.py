"""Benchmark: the finance page's refresh against the bare schedule builds it needs.

    python bench/plan.py [--repeat N]

The refresh evaluates every product for one customer (the comparison) and
the chosen product's payment grid: 4 down-payment shares of the price plus
the current down payment, x 5 terms = 25 cells.  It is timed as
``lending.eligibility.evaluate_products`` + ``lending.deal.payment_grid``
(what the page asks of ``lending``), and against the floor: building just
the schedules it shows and their APRs, nothing else.  It also counts the
schedules built, to check that none is built that is not shown (the
grid's current cell reuses the comparison's evaluation), and prints what
the page's former way (every product for every grid cell) would build.

Target (issue 14): <= 50 ms for 6 products x 25 cells on this machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import lending.eligibility as le
from bench.quote import best_of
from lending.appraisal import AppraisalInput, Condition, appraise
from lending.deal import grid_down_payments, payment_grid
from lending.products import Catalogue, Product, parse_catalogue
from lending.qualification import Grade
from lending.schedule import LoanTerms, RepaymentMethod, Schedule, build_schedule
from resources import default_catalogue_data

GRID_PERCENTS = (20, 30, 40, 50)
GRID_TERMS = (12, 24, 36, 48, 60)
START = date(2026, 12, 1)
PRICE = Decimal(150000)


def six_products(catalogue: Catalogue) -> tuple[Product, ...]:
    """The default catalogue's products, padded with copies to six (a store's usual count)."""
    products = list(catalogue.active_products)
    i = 0
    while len(products) < 6:
        base = catalogue.active_products[i % len(catalogue.active_products)]
        products.append(dataclasses.replace(base, code=f"{base.code}_{len(products)}"))
        i += 1
    return tuple(products)


class CountingBuilds:
    """Counts ``build_schedule`` calls made through ``lending.eligibility``."""

    def __init__(self) -> None:
        self.count = 0
        self._original = le.build_schedule

    def __enter__(self) -> CountingBuilds:
        def counted(terms: LoanTerms, start: date) -> Schedule:
            self.count += 1
            return self._original(terms, start)

        le.build_schedule = counted  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        le.build_schedule = self._original  # type: ignore[assignment]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    products = six_products(parse_catalogue(default_catalogue_data()))
    customer = le.CustomerProfile(
        grade=Grade.A, monthly_income=Decimal(15000), existing_monthly_debt=Decimal(1000)
    )
    vehicle = le.VehicleProfile.from_appraisal(
        appraise(
            AppraisalInput(
                market_reference_price=Decimal(160000),
                first_registration=date(2024, 6, 1),
                appraisal_date=START,
                mileage_km=45000,
                condition=Condition.GOOD,
            )
        )
    )
    request = le.PlanRequest(PRICE, Decimal(40000), 36, RepaymentMethod.EQUAL_INSTALLMENT, START)
    downs = grid_down_payments(PRICE, GRID_PERCENTS, request.down_payment)
    chosen = products[1]

    def refresh() -> int:
        evaluations = le.evaluate_products(products, customer, vehicle, request)
        known = next(e for e in evaluations if e.product.code == chosen.code)
        cells = payment_grid(chosen, customer, vehicle, request, downs, GRID_TERMS, known=known)
        return len([e.schedule.apr for e in (*evaluations, *cells.values()) if e.schedule])

    # The terms of every schedule the refresh shows, for the floor.
    evaluations = le.evaluate_products(products, customer, vehicle, request)
    known = next(e for e in evaluations if e.product.code == chosen.code)
    cells = payment_grid(chosen, customer, vehicle, request, downs, GRID_TERMS, known=known)
    # the current cell is the comparison's own evaluation: counted once
    shown = [*evaluations, *(c for c in cells.values() if c is not known)]
    shown_terms = [e.schedule.terms for e in shown if e.schedule is not None]

    def bare() -> int:
        return len([build_schedule(t, START).apr for t in shown_terms])

    with CountingBuilds() as counter:
        refresh()
    former = len(downs) * len(GRID_TERMS) * len(products) + len(products)

    page, page_med = best_of(refresh, args.repeat)
    floor, floor_med = best_of(bare, args.repeat)
    print(
        f"Finance page refresh: {len(products)} products + a {len(downs)} x {len(GRID_TERMS)}"
        f" payment grid, best of {args.repeat}:"
    )
    print(
        f"  refresh (evaluate + grid)         {page * 1000:8.2f} ms  (median "
        f"{page_med * 1000:.2f})  target <= 50 ms"
    )
    print(
        f"  bare schedule builds + APR        {floor * 1000:8.2f} ms  (median "
        f"{floor_med * 1000:.2f})"
    )
    print(f"  ratio refresh/bare                {page / floor:8.3f}")
    print(
        f"  schedules built {counter.count}, shown {len(shown_terms)} "
        f"(evaluating every product per grid cell would build {former})"
    )
    return 0 if counter.count == len(shown_terms) else 1


if __name__ == "__main__":
    sys.exit(main())

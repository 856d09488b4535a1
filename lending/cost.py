"""What the car costs the customer with a loan, required insurance included.

A lender may require full vehicle insurance for the whole term (the customer
picks the insurer).  Insurance is priced per year, so the required cover
costs its yearly price for every started year of the term.  Optional items
(extended warranty, service packages, optional insurance) are never part of
this total: they keep their own price lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lending.money import ZERO, money


def insurance_years(term_months: int) -> int:
    """Years of cover a term needs: every started year counts (36 -> 3, 40 -> 4)."""
    if term_months < 1:
        raise ValueError("the term must be at least one month")
    return -(-term_months // 12)


@dataclass(frozen=True)
class CarCost:
    down_payment: Decimal
    total_repayment: Decimal
    """Principal, interest and every fee of the loan."""
    required_insurance_per_year: Decimal
    insurance_years: int
    required_insurance: Decimal
    """The required cover for the whole term: per year x years."""

    @property
    def total(self) -> Decimal:
        """The total cost of the car: down payment + total repayment + required insurance."""
        return self.down_payment + self.total_repayment + self.required_insurance


def car_cost(
    down_payment: Decimal,
    total_repayment: Decimal,
    term_months: int,
    required_insurance_per_year: Decimal = ZERO,
) -> CarCost:
    if down_payment < 0 or total_repayment < 0 or required_insurance_per_year < 0:
        raise ValueError("amounts cannot be negative")
    years = insurance_years(term_months)
    per_year = money(required_insurance_per_year)
    return CarCost(
        down_payment=money(down_payment),
        total_repayment=money(total_repayment),
        required_insurance_per_year=per_year,
        insurance_years=years,
        required_insurance=money(per_year * years),
    )

"""Total cost of the car: required insurance priced per year for the whole term."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lending.cost import car_cost, insurance_years

D = Decimal


@pytest.mark.parametrize(
    ("months", "years"), [(1, 1), (12, 1), (13, 2), (24, 2), (36, 3), (40, 4), (60, 5)]
)
def test_every_started_year_needs_cover(months: int, years: int) -> None:
    assert insurance_years(months) == years


def test_worked_example() -> None:
    cost = car_cost(D("23000"), D("91668.14"), 36, D("6800"))
    assert cost.required_insurance == D("20400.00")
    assert cost.total == D("135068.14")


@given(
    down=st.integers(0, 10**7),
    repay=st.integers(0, 10**8),
    per_year=st.integers(0, 10**6),
    months=st.integers(1, 480),
)
def test_total_is_the_sum_of_its_parts(down: int, repay: int, per_year: int, months: int) -> None:
    cents = [D(x) / 100 for x in (down, repay, per_year)]
    cost = car_cost(cents[0], cents[1], months, cents[2])
    years = (months + 11) // 12
    assert cost.insurance_years == years
    assert cost.required_insurance == cents[2] * years
    assert cost.total == cents[0] + cents[1] + cents[2] * years


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(ValueError):
        car_cost(D(-1), D(0), 12)
    with pytest.raises(ValueError):
        insurance_years(0)

"""Random draws for the demo generator: cheap, reproducible stand-ins for ``random``'s helpers.

Each draw uses exactly one ``rng.random()`` call, so a seed always gives the
same sequence (and the same data) whatever Python's ``choice`` / ``randint``
implementations do.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from decimal import ROUND_DOWN, Decimal
from functools import lru_cache
from itertools import accumulate
from typing import Any, TypeVar

_T = TypeVar("_T")


def choice(rng: random.Random, seq: Sequence[_T]) -> _T:
    """``rng.choice`` from one ``random()`` draw (cheaper than ``getrandbits`` rejection)."""
    return seq[int(rng.random() * len(seq))]


def randint(rng: random.Random, a: int, b: int) -> int:
    return a + int(rng.random() * (b - a + 1))


def randrange(rng: random.Random, a: int, b: int | None = None) -> int:
    if b is None:
        a, b = 0, a
    return a + int(rng.random() * (b - a))


@lru_cache(maxsize=64)
def cumulative(weights: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(accumulate(weights))


def pick(rng: random.Random, population: Sequence[Any], weights: tuple[int, ...]) -> Any:
    """``rng.choices(population, weights)[0]`` with the running totals computed once."""
    cum = cumulative(weights)
    return population[bisect(cum, rng.random() * cum[-1])]


def round_down(value: Decimal, step: int) -> Decimal:
    return (value / step).quantize(Decimal(1), rounding=ROUND_DOWN) * step

"""True APR by the IRR method, in Decimal.

The customer's cash flows are: at month 0 they *receive* the net proceeds
(loan amount less any up-front fee), then at month k they *pay* the k-th
installment including periodic fees.  The monthly IRR ``r`` solves

    net - sum(payment_k / (1 + r)^k) = 0

and the APR is ``12 * r`` (percent).  With ``x = 1/(1+r)`` the left side is
a polynomial in ``x``, evaluated with its derivative by Horner's rule in one
pass.  For a loan (one inflow, then outflows) the polynomial is decreasing
and concave on x > 0, so Newton's method started at ``x = 1`` (r = 0)
converges monotonically; bisection on a bracket is the fallback for any
other shape of cash flows.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext

from lending.money import HUNDRED, TWELVE

TOLERANCE = Decimal("1e-10")  # on the monthly rate
_PRECISION = 34
_MAX_NEWTON = 100
_MAX_BISECT = 200


class IrrError(ArithmeticError):
    """The cash flows have no internal rate of return."""


def _horner(flows: Sequence[Decimal], x: Decimal) -> tuple[Decimal, Decimal]:
    """P(x) = sum flows[k] * x**k and P'(x)."""
    value = Decimal(0)
    slope = Decimal(0)
    for c in reversed(flows):
        slope = slope * x + value
        value = value * x + c
    return value, slope


def _newton(flows: Sequence[Decimal]) -> Decimal | None:
    x = Decimal(1)
    for _ in range(_MAX_NEWTON):
        value, slope = _horner(flows, x)
        if slope == 0:
            return None
        step = value / slope
        x -= step
        if x <= 0:
            return None
        # |dr| = |dx| / x^2 near the root; stop once the rate is pinned down.
        if abs(step) / (x * x) < TOLERANCE / 10:
            return x
    return None


def _bisect(flows: Sequence[Decimal]) -> Decimal:
    # Search r in (-0.99, 1000) per month, i.e. x in (1/1001, 100).
    lo, hi = Decimal(1) / Decimal(1001), Decimal(100)
    f_lo, _ = _horner(flows, lo)
    f_hi, _ = _horner(flows, hi)
    if f_lo == 0:
        return lo
    if f_hi == 0:
        return hi
    if (f_lo > 0) == (f_hi > 0):
        raise IrrError("cash flows do not change sign over the searchable range")
    for _ in range(_MAX_BISECT):
        mid = (lo + hi) / 2
        f_mid, _ = _horner(flows, mid)
        if f_mid == 0 or (hi - lo) / (mid * mid) < TOLERANCE / 10:
            return mid
        if (f_mid > 0) == (f_lo > 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2


def monthly_irr(flows: Sequence[Decimal]) -> Decimal:
    """Monthly internal rate of return of ``flows`` (flows[0] at month 0)."""
    if len(flows) < 2:
        raise IrrError("need at least two cash flows")
    if all(c >= 0 for c in flows) or all(c <= 0 for c in flows):
        raise IrrError("cash flows never change sign")
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        x = _newton(flows)
        if x is None:
            x = _bisect(flows)
        return +(1 / x - 1)


def apr_percent(net_proceeds: Decimal, payments: Sequence[Decimal]) -> Decimal:
    """APR in percent (12 x monthly IRR), to 1e-8 percent."""
    r = monthly_irr([net_proceeds, *(-p for p in payments)])
    return (r * TWELVE * HUNDRED).quantize(Decimal("1e-8"))


def effective_annual_percent(apr: Decimal) -> Decimal:
    """(1 + APR/12)^12 - 1, in percent, to 1e-8 percent."""
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        r = apr / HUNDRED / TWELVE
        return (((1 + r) ** 12 - 1) * HUNDRED).quantize(Decimal("1e-8"))

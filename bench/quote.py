"""Benchmark: a 360-month schedule plus its APR, against numpy-financial.

    python bench/quote.py [--repeat N]

Our path is exact Decimal (rounded per period, last period absorbing the
rounding) with an IRR solved to 1e-10; numpy-financial computes the same
schedule in binary floating point with pmt/ipmt/ppmt and the APR with
``irr`` (eigenvalues of the companion matrix).  Both are timed in this run
and the ratios printed: ours / theirs (below 1.0 means we are faster).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lending.apr import apr_percent
from lending.schedule import LoanTerms, RepaymentMethod, build_schedule

AMOUNT, RATE, MONTHS = 1_000_000, 4.9, 360


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def ours_schedule_and_apr() -> Decimal:
    terms = LoanTerms(Decimal(AMOUNT), Decimal("4.9"), MONTHS, RepaymentMethod.EQUAL_INSTALLMENT)
    schedule = build_schedule(terms, date(2026, 11, 22))
    return schedule.apr


def ours_apr_only(payments: list[Decimal]) -> Decimal:
    return apr_percent(Decimal(AMOUNT), payments)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    try:
        import numpy as np
        import numpy_financial as npf
    except ImportError:
        print("numpy-financial is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2

    r = RATE / 1200
    periods = np.arange(1, MONTHS + 1)

    def theirs_schedule() -> object:
        payment = npf.pmt(r, MONTHS, -AMOUNT)
        interest = npf.ipmt(r, periods, MONTHS, -AMOUNT)
        principal = npf.ppmt(r, periods, MONTHS, -AMOUNT)
        return payment, interest, principal

    def theirs_apr() -> float:
        payment = npf.pmt(r, MONTHS, -AMOUNT)
        return 12 * 100 * npf.irr([AMOUNT] + [-payment] * MONTHS)

    def theirs_schedule_and_apr() -> float:
        theirs_schedule()
        return theirs_apr()

    schedule = build_schedule(
        LoanTerms(Decimal(AMOUNT), Decimal("4.9"), MONTHS, RepaymentMethod.EQUAL_INSTALLMENT),
        date(2026, 11, 22),
    )
    payments = [row.payment for row in schedule.rows]

    ours_total, ours_total_med = best_of(ours_schedule_and_apr, args.repeat)
    theirs_total, theirs_total_med = best_of(theirs_schedule_and_apr, args.repeat)
    ours_apr, _ = best_of(lambda: ours_apr_only(payments), args.repeat)
    theirs_irr, _ = best_of(theirs_apr, args.repeat)
    theirs_sched, _ = best_of(theirs_schedule, args.repeat)

    print(f"360-month schedule + APR, best of {args.repeat}:")
    print(
        f"  LoanDesk (Decimal, exact to the fen)   {ours_total * 1000:9.2f} ms"
        f"  (median {ours_total_med * 1000:.2f})"
    )
    print(
        f"  numpy-financial (pmt/ipmt/ppmt + irr)  {theirs_total * 1000:9.2f} ms"
        f"  (median {theirs_total_med * 1000:.2f})"
    )
    print(
        f"  ratio ours/theirs                      {ours_total / theirs_total:9.3f}"
        "  (target <= 1.0)"
    )
    print("APR solve alone:")
    print(f"  LoanDesk IRR (Decimal Newton)          {ours_apr * 1000:9.2f} ms")
    print(f"  numpy_financial.irr                    {theirs_irr * 1000:9.2f} ms")
    print(
        f"  speed-up theirs/ours                   {theirs_irr / ours_apr:9.1f}x  (target >= 100x)"
    )
    print(f"(numpy-financial schedule alone, no APR: {theirs_sched * 1000:.2f} ms)")
    print(f"APR ours {schedule.apr:.6f}%  theirs {theirs_apr():.6f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())

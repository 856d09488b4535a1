"""Benchmark: the customer documents against bare ReportLab, in the same run.

    python bench/pdf.py [--repeat N]

1. The 360-period repayment plan (``render_plan``: letterhead, summary box,
   numbered "page x of y" canvas, forbidden-wording check, totals) against
   the same 361-row table written with bare ReportLab platypus
   (``SimpleDocTemplate`` + ``Table`` with ``repeatRows=1``, same font, same
   strings).  Ratio = ours / bare; target <= 1.3.
2. The one-page quote (three plans, add-ons); target < 150 ms.

The CJK font is loaded once before timing (a process does that once); both
sides embed the same TrueType subset.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from lending.money import format_cny
from reports.pdf import render_plan, render_quote, samples
from reports.pdf.data import RepaymentPlanData
from reports.pdf.fonts import default_fonts
from reports.pdf.plan import COLUMNS_MM

QUOTE_TARGET_MS = 150.0
RATIO_TARGET = 1.3


def bare_platypus(data: RepaymentPlanData, font: str) -> bytes:
    """The same rows as the plan's table, the plainest way ReportLab allows."""
    rows = [["Period", "Due date", "Payment", "Principal", "Interest", "Fee", "Balance"]]
    rows += [
        [
            str(r.period),
            r.due_date.isoformat(),
            format_cny(r.payment),
            format_cny(r.principal),
            format_cny(r.interest),
            format_cny(r.fee),
            format_cny(r.balance),
        ]
        for r in data.rows
    ]
    rows.append(
        [
            "Total",
            "",
            format_cny(data.total_payments),
            format_cny(data.total_principal),
            format_cny(data.total_interest),
            format_cny(data.total_fees),
            "",
        ]
    )
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=16 * mm,
        rightMargin=16 * mm,
        topMargin=22 * mm,
        bottomMargin=18 * mm,
    )
    table = Table(rows, colWidths=[w * mm for w in COLUMNS_MM], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 8),
                ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, "grey"),
            ]
        )
    )
    doc.build([table])
    return buffer.getvalue()


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    fonts = default_fonts()
    plan = samples.plan_data(360)
    quote = samples.quote_data()
    # warm up: font parsing, style sheets, translations
    render_plan(plan, "zh_CN", fonts=fonts)
    render_quote(quote, "zh_CN", fonts=fonts)
    bare_platypus(plan, fonts.regular)

    ours, bare, quotes = [], [], []
    for _ in range(args.repeat):  # interleaved so both sides see the same machine state
        ours.append(timed(lambda: render_plan(plan, "zh_CN", fonts=fonts)))
        bare.append(timed(lambda: bare_platypus(plan, fonts.regular)))
        quotes.append(timed(lambda: render_quote(quote, "zh_CN", fonts=fonts)))

    ours_ms = statistics.median(ours) * 1000
    bare_ms = statistics.median(bare) * 1000
    quote_ms = statistics.median(quotes) * 1000
    ratio = ours_ms / bare_ms
    print(f"font: {fonts.source} (embedded: {fonts.embedded})")
    print(
        f"360-period repayment plan: ours {ours_ms:.1f} ms, bare platypus {bare_ms:.1f} ms, "
        f"ratio {ratio:.2f} (target <= {RATIO_TARGET})  [median of {args.repeat}]"
    )
    print(f"quote (3 plans, add-ons): {quote_ms:.1f} ms (target < {QUOTE_TARGET_MS:.0f} ms)")
    ok = ratio <= RATIO_TARGET and quote_ms < QUOTE_TARGET_MS
    print("OK" if ok else "ABOVE TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

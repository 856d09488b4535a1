"""The screen words and rounds figures as paper does (one label table, one rounding)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from desktop.labels import method_label
from desktop.pages.texts import pct
from lending.schedule import RepaymentMethod
from reports.formatting import Formatter


def test_methods_on_screen_are_the_paper_words(language: str) -> None:
    paper = Formatter(language)
    for method in RepaymentMethod:
        assert method_label(method) == paper.method(method)


def test_half_a_hundredth_rounds_up_on_screen_as_on_paper() -> None:
    assert pct(Decimal("6.125")) == "6.13%"
    assert pct(Decimal("6.135")) == "6.14%"
    assert pct(None) == ""


@given(st.decimals(min_value=0, max_value=100, places=6, allow_nan=False))
def test_screen_percent_equals_paper_percent(value: Decimal) -> None:
    # independent: half-up by integer arithmetic on the hundredths
    scaled = value * 100
    whole = int(scaled)
    if scaled - whole >= Decimal("0.5"):
        whole += 1
    expected = f"{Decimal(whole) / 100:.2f}%"
    assert pct(value) == expected == Formatter("en").percent(value)

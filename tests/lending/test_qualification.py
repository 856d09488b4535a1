"""lending.qualification: age, the credit score and grade, the basic requirements, hand-computed."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from lending.qualification import (
    CreditFacts,
    Documents,
    Grade,
    QualificationInput,
    age_on,
    qualify,
    score_credit,
)
from lending.settings import DEFAULT_SETTINGS

D = Decimal
ALL_DOCS = Documents(income_proof_months=6, residence_proof=True, work_proof=True, id_valid=True)
APPLIED = date(2026, 11, 23)
BORN_1992 = date(1992, 5, 17)  # 34 on the application date


def make(credit: CreditFacts | None = None, **kw: object) -> QualificationInput:
    base = QualificationInput(
        documents=ALL_DOCS,
        credit=credit or CreditFacts(),
        monthly_income=D(10000),
        birth_date=BORN_1992,
        application_date=APPLIED,
    )
    return dataclasses.replace(base, **kw)  # type: ignore[arg-type]


def test_age_on_birthday_boundaries() -> None:
    assert age_on(date(2004, 11, 23), APPLIED) == 22
    assert age_on(date(2004, 11, 24), APPLIED) == 21
    assert age_on(date(2000, 2, 29), date(2026, 2, 28)) == 25
    assert age_on(date(2000, 2, 29), date(2026, 3, 1)) == 26


def test_clean_customer_is_grade_a_with_hand_computed_score() -> None:
    # payment history 35, debt: dti 10 % -> 15, utilisation 20 % -> 10,
    # debt 50,000 / 120,000 = 41.7 % -> 5; history unknown 9, mix unknown 6,
    # 1 application -> 10.  Total 35 + 30 + 9 + 6 + 10 = 90.
    credit = CreditFacts(
        current_debt=D(50000),
        monthly_debt_payments=D(1000),
        card_utilisation_percent=D(20),
        recent_applications_3m=1,
    )
    q = qualify(make(credit))
    assert q.grade is Grade.A
    assert q.score == 90
    assert (q.breakdown.payment_history, q.breakdown.debt_level) == (35, 30)
    assert q.age == 34
    assert q.hard_failures == ()
    assert q.warnings == ()
    assert q.recommendations == ()
    assert q.reasons[0].render() == "Grade A: score 90 of 100, good credit and stable income."
    assert "Credit history length not given (9 of 15 points, neutral)." in [
        r.render() for r in q.reasons
    ]


def test_minor_overdue_gives_grade_b() -> None:
    # 1 overdue of 15 days: 35 - 4 - 5 = 26; debt 15+10+5; 9 + 6 + 10 -> 81
    q = qualify(make(CreditFacts(overdue_count_24m=1, worst_overdue_days=15)))
    assert q.score == 26 + 30 + 9 + 6 + 10
    assert q.grade is Grade.B
    assert [r.code for r in q.reasons[:2]] == ["grade.b", "grade.not_a_overdue"]
    assert q.recommendations == ()


def test_serious_overdue_gives_grade_c_with_advice() -> None:
    q = qualify(make(CreditFacts(overdue_count_24m=2, worst_overdue_days=45)))
    # 35 - 8 - 15 = 12 -> total 12 + 30 + 25 = 67, but worst overdue > 30 days
    assert q.score == 67
    assert q.grade is Grade.C
    codes = [r.code for r in q.reasons]
    assert "grade.c_worst_overdue" in codes
    assert [r.code for r in q.recommendations] == [
        "advice.higher_down_payment",
        "advice.shorter_term",
    ]


def test_heavy_debt_low_score_is_c() -> None:
    credit = CreditFacts(
        monthly_debt_payments=D(6000),
        card_utilisation_percent=D(95),
        current_debt=D(300000),
        recent_applications_3m=6,
        history_years=D("0.5"),
        credit_kinds=0,
    )
    q = qualify(make(credit))
    # 35 + 0 + 3 + 3 + 0 = 41
    assert q.score == 41
    assert q.grade is Grade.C
    assert "grade.c_low_score" in [r.code for r in q.reasons]
    assert [w.code for w in q.warnings] == ["warn.many_applications"]


def test_hard_failures_are_all_listed_and_block_the_grade() -> None:
    q = qualify(
        make(
            documents=Documents(income_proof_months=3),
            monthly_income=D(0),
            birth_date=date(1960, 1, 1),
        )
    )
    assert q.grade is None
    assert not q.passed
    assert [r.code for r in q.hard_failures] == [
        "hard.age_out_of_range",
        "hard.id_invalid",
        "hard.income_proof_short",
        "hard.no_residence_proof",
        "hard.no_work_proof",
        "hard.no_income",
    ]
    assert q.hard_failures[0].render() == (
        "The customer is 66 years old on the application date; applicants must be between "
        "22 and 60."
    )


def test_age_limits_come_from_settings() -> None:
    young = make(birth_date=date(2005, 1, 1))  # 21
    assert qualify(young).grade is None
    relaxed = dataclasses.replace(DEFAULT_SETTINGS, min_customer_age=18)
    assert qualify(young, relaxed).grade is Grade.A


def test_warnings_for_contradicting_facts() -> None:
    q = qualify(make(declared_age=30, statement_average_income=D(7000)))
    assert [w.code for w in q.warnings] == ["warn.age_mismatch", "warn.income_mismatch"]
    assert q.warnings[1].render() == (
        "Declared income of 10,000.00 CNY differs from the bank statement average of "
        "7,000.00 CNY by 30.00%."
    )
    # income fluctuation keeps an otherwise perfect customer at B
    assert q.grade is Grade.B
    assert "grade.not_a_income" in [r.code for r in q.reasons]
    # within 20 % is fine
    assert qualify(make(statement_average_income=D(8000))).grade is Grade.A


def test_known_history_and_mix() -> None:
    b = score_credit(CreditFacts(history_years=D(8), credit_kinds=3), D(10000))
    assert (b.history_length, b.credit_mix) == (15, 10)
    b = score_credit(CreditFacts(history_years=D("1.5"), credit_kinds=1), D(10000))
    assert (b.history_length, b.credit_mix) == (6, 5)


credit_facts = st.builds(
    CreditFacts,
    overdue_count_24m=st.integers(0, 30),
    worst_overdue_days=st.integers(0, 400),
    current_debt=st.decimals(min_value=0, max_value=2_000_000, places=2),
    monthly_debt_payments=st.decimals(min_value=0, max_value=50_000, places=2),
    card_utilisation_percent=st.decimals(min_value=0, max_value=150, places=1),
    recent_applications_3m=st.integers(0, 20),
    history_years=st.none() | st.decimals(min_value=0, max_value=30, places=1),
    credit_kinds=st.none() | st.integers(0, 6),
)


@st.composite
def worse_pair(draw: st.DrawFn) -> tuple[CreditFacts, CreditFacts]:
    """Two credit facts where the second is equal or worse in every respect."""
    good = draw(credit_facts)
    worse = dataclasses.replace(
        good,
        overdue_count_24m=good.overdue_count_24m + draw(st.integers(0, 5)),
        worst_overdue_days=good.worst_overdue_days + draw(st.integers(0, 100)),
        current_debt=good.current_debt
        + draw(st.decimals(min_value=0, max_value=500_000, places=2)),
        monthly_debt_payments=good.monthly_debt_payments
        + draw(st.decimals(min_value=0, max_value=10_000, places=2)),
        card_utilisation_percent=good.card_utilisation_percent
        + draw(st.decimals(min_value=0, max_value=50, places=1)),
        recent_applications_3m=good.recent_applications_3m + draw(st.integers(0, 5)),
    )
    return good, worse


@given(worse_pair(), st.decimals(min_value=1, max_value=100_000, places=2))
def test_worse_credit_never_gives_better_grade(
    pair: tuple[CreditFacts, CreditFacts], income: Decimal
) -> None:
    good, worse = pair
    q_good = qualify(make(good, monthly_income=income))
    q_worse = qualify(make(worse, monthly_income=income))
    assert q_worse.score <= q_good.score
    assert q_good.grade is not None and q_worse.grade is not None
    assert q_worse.grade.rank >= q_good.grade.rank


@given(
    credit_facts,
    st.decimals(min_value=1, max_value=100_000, places=2),
    st.decimals(min_value=1, max_value=100_000, places=2),
)
def test_lower_income_never_gives_better_grade(credit: CreditFacts, a: Decimal, b: Decimal) -> None:
    low, high = sorted((a, b))
    q_low = qualify(make(credit, monthly_income=low))
    q_high = qualify(make(credit, monthly_income=high))
    assert q_low.grade is not None and q_high.grade is not None
    assert q_low.grade.rank >= q_high.grade.rank


@given(credit_facts, st.decimals(min_value=0, max_value=100_000, places=2))
def test_score_in_range_and_grade_c_always_has_advice(credit: CreditFacts, income: Decimal) -> None:
    q = qualify(make(credit, monthly_income=income))
    assert 0 <= q.score <= 100
    assert (q.grade is Grade.C) == bool(q.recommendations)
    for r in (*q.reasons, *q.warnings, *q.hard_failures, *q.recommendations):
        r.render()

"""Customer qualification: hard requirements, a scorecard and a risk grade.

Hard requirements (any failure -> no grade): age between the settings'
``min_customer_age`` and ``max_customer_age`` on the application date, a
valid ID, income proof covering :data:`REQUIRED_INCOME_PROOF_MONTHS` months,
residence proof, work proof and a positive monthly income.

Scorecard (0-100, integer points; every part is non-increasing in every
"worse" credit fact, so worse facts never give a better grade):

* payment history, 35 points: 35 minus 4 per overdue in the last 24 months
  (at most 20) minus a severity penalty for the worst overdue:
  0 days 0, 1-30 days 5, 31-60 days 15, 61-90 days 25, over 90 days 35;
  never below 0.
* debt level, 30 points:
  existing monthly debt / monthly income (15): <=10 % 15, <=20 % 12,
  <=30 % 9, <=40 % 6, <=50 % 3, above 0;
  card utilisation (10): <=30 % 10, <=50 % 7, <=70 % 4, <=90 % 2, above 0;
  outstanding debt / annual income (5): <=0.5 5, <=1 3, <=2 1, above 0.
* length of credit history, 15 points: >=7 years 15, >=4 12, >=2 9, >=1 6,
  below 3; unknown -> neutral 9.
* credit mix (kinds of credit accounts: card, mortgage, car loan, ...),
  10 points: >=3 kinds 10, 2 kinds 8, 1 kind 5, none 3; unknown -> neutral 6.
* new credit (applications in the last 3 months), 10 points: 0-1 10, 2 8,
  3 6, 4-5 3, 6 or more 0.

Grade (DOMAIN.md: A good credit and stable income, B minor blemishes or
income fluctuation, C overdue records or weak income proof):

* A: score >= 80, no overdue in 24 months, income consistent with the
  statements (when a statement average is given);
* B: score >= 60 and worst overdue <= 30 days;
* C: everything else that passed the hard requirements.

Warnings (do not change the grade by themselves): 3 or more applications in
3 months, declared age differs from the age on the ID, declared income
differs from the statement average by more than 20 % (this one also keeps
the grade from A: income fluctuation).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from lending.identity import age_on
from lending.money import CENT, HUNDRED, TWELVE, format_cny
from lending.reasons import Reason
from lending.settings import DEFAULT_SETTINGS, LendingSettings

REQUIRED_INCOME_PROOF_MONTHS = 6
GRADE_A_MIN_SCORE = 80
GRADE_B_MIN_SCORE = 60
GRADE_B_MAX_WORST_OVERDUE_DAYS = 30
MANY_APPLICATIONS_3M = 3
INCOME_MISMATCH_PERCENT = Decimal(20)
NEUTRAL_HISTORY_POINTS = 9
NEUTRAL_MIX_POINTS = 6

MESSAGES: dict[str, str] = {
    # hard requirements
    "hard.age_out_of_range": (
        "The customer is {age} years old on the application date; applicants must be "
        "between {min} and {max}."
    ),
    "hard.id_invalid": "A valid ID card is required.",
    "hard.income_proof_short": (
        "Income proof covers {months} months; {required} months of payslips or bank "
        "statements are required."
    ),
    "hard.no_residence_proof": "Proof of residence (property deed or lease) is required.",
    "hard.no_work_proof": "Proof of work (labour contract or business licence) is required.",
    "hard.no_income": "A monthly income above zero is required.",
    # grade
    "grade.a": "Grade A: score {score} of 100, good credit and stable income.",
    "grade.b": "Grade B: score {score} of 100, minor blemishes or fluctuating income.",
    "grade.c": "Grade C: score {score} of 100, overdue records or weak income.",
    "grade.not_a_overdue": "Overdue payments in the last 24 months keep the grade below A.",
    "grade.not_a_income": (
        "Declared income does not match the bank statements, which keeps the grade below A."
    ),
    "grade.c_worst_overdue": (
        "An overdue of {days} days (more than {limit}) limits the grade to C."
    ),
    "grade.c_low_score": "A score below {min} limits the grade to C.",
    # scorecard parts
    "score.payment_history": (
        "Payment history: {count} overdue payments in 24 months, worst {days} days "
        "({points} of 35 points)."
    ),
    "score.debt_level": (
        "Debt level: existing payments are {dti}% of income, card utilisation {utilisation}%, "
        "outstanding debt {debt} CNY ({points} of 30 points)."
    ),
    "score.history_length": "Credit history of {years} years ({points} of 15 points).",
    "score.history_unknown": "Credit history length not given ({points} of 15 points, neutral).",
    "score.credit_mix": "{kinds} kinds of credit accounts ({points} of 10 points).",
    "score.mix_unknown": "Credit mix not given ({points} of 10 points, neutral).",
    "score.new_credit": (
        "{count} credit applications in the last 3 months ({points} of 10 points)."
    ),
    # warnings
    "warn.many_applications": (
        "{count} credit applications in the last 3 months: ask why, lenders see this as a "
        "risk sign."
    ),
    "warn.age_mismatch": (
        "The declared age ({declared}) does not match the age on the ID ({actual})."
    ),
    "warn.income_mismatch": (
        "Declared income of {declared} CNY differs from the bank statement average of "
        "{statement} CNY by {diff}%."
    ),
    # recommendations
    "advice.higher_down_payment": (
        "Grade C: suggest a higher down payment to lower the loan amount."
    ),
    "advice.shorter_term": "Grade C: suggest a shorter term to improve approval chances.",
}


class Grade(StrEnum):
    """Risk grade; A is best."""

    A = "A"
    B = "B"
    C = "C"

    @property
    def rank(self) -> int:
        """0 for A, 1 for B, 2 for C: higher is worse."""
        return "ABC".index(self.value)


@dataclass(frozen=True)
class Documents:
    income_proof_months: int = 0
    residence_proof: bool = False
    work_proof: bool = False
    id_valid: bool = False


@dataclass(frozen=True)
class CreditFacts:
    """Facts entered from the credit report.  Money in CNY, utilisation in percent."""

    overdue_count_24m: int = 0
    worst_overdue_days: int = 0
    current_debt: Decimal = Decimal(0)
    monthly_debt_payments: Decimal = Decimal(0)
    card_utilisation_percent: Decimal = Decimal(0)
    recent_applications_3m: int = 0
    history_years: Decimal | None = None
    credit_kinds: int | None = None


@dataclass(frozen=True)
class QualificationInput:
    documents: Documents
    credit: CreditFacts
    monthly_income: Decimal | None
    birth_date: date
    application_date: date
    declared_age: int | None = None
    statement_average_income: Decimal | None = None


@dataclass(frozen=True)
class ScoreBreakdown:
    payment_history: int
    debt_level: int
    history_length: int
    credit_mix: int
    new_credit: int

    @property
    def total(self) -> int:
        return (
            self.payment_history
            + self.debt_level
            + self.history_length
            + self.credit_mix
            + self.new_credit
        )


@dataclass(frozen=True)
class Qualification:
    grade: Grade | None
    score: int
    breakdown: ScoreBreakdown
    age: int
    hard_failures: tuple[Reason, ...]
    reasons: tuple[Reason, ...]
    warnings: tuple[Reason, ...]
    recommendations: tuple[Reason, ...]

    @property
    def passed(self) -> bool:
        return self.grade is not None


def _band(value: Decimal, bands: Sequence[tuple[Decimal, int]], above: int) -> int:
    for limit, points in bands:
        if value <= limit:
            return points
    return above


def _payment_history_points(c: CreditFacts) -> int:
    count_penalty = min(4 * max(c.overdue_count_24m, 0), 20)
    worst = max(c.worst_overdue_days, 0)
    if worst == 0:
        severity = 0
    elif worst <= 30:
        severity = 5
    elif worst <= 60:
        severity = 15
    elif worst <= 90:
        severity = 25
    else:
        severity = 35
    return max(35 - count_penalty - severity, 0)


def _ratio_percent(part: Decimal, whole: Decimal | None) -> Decimal | None:
    if whole is None or whole <= 0:
        return None
    return part * HUNDRED / whole


def _debt_points(c: CreditFacts, income: Decimal | None) -> int:
    dti = _ratio_percent(c.monthly_debt_payments, income)
    dti_points = (
        0
        if dti is None
        else _band(
            dti,
            [
                (Decimal(10), 15),
                (Decimal(20), 12),
                (Decimal(30), 9),
                (Decimal(40), 6),
                (Decimal(50), 3),
            ],
            0,
        )
    )
    util_points = _band(
        c.card_utilisation_percent,
        [(Decimal(30), 10), (Decimal(50), 7), (Decimal(70), 4), (Decimal(90), 2)],
        0,
    )
    annual = None if income is None else income * TWELVE
    debt_ratio = _ratio_percent(c.current_debt, annual)
    debt_points = (
        0
        if debt_ratio is None
        else _band(debt_ratio, [(Decimal(50), 5), (Decimal(100), 3), (Decimal(200), 1)], 0)
    )
    return dti_points + util_points + debt_points


def _history_points(years: Decimal | None) -> int:
    if years is None:
        return NEUTRAL_HISTORY_POINTS
    for limit, points in ((7, 15), (4, 12), (2, 9), (1, 6)):
        if years >= limit:
            return points
    return 3


def _mix_points(kinds: int | None) -> int:
    if kinds is None:
        return NEUTRAL_MIX_POINTS
    return {0: 3, 1: 5, 2: 8}.get(kinds, 10) if kinds >= 0 else 3


def _new_credit_points(applications: int) -> int:
    if applications <= 1:
        return 10
    if applications == 2:
        return 8
    if applications == 3:
        return 6
    if applications <= 5:
        return 3
    return 0


def score_credit(credit: CreditFacts, monthly_income: Decimal | None) -> ScoreBreakdown:
    """The scorecard alone (see the module docstring for the bands)."""
    return ScoreBreakdown(
        payment_history=_payment_history_points(credit),
        debt_level=_debt_points(credit, monthly_income),
        history_length=_history_points(credit.history_years),
        credit_mix=_mix_points(credit.credit_kinds),
        new_credit=_new_credit_points(credit.recent_applications_3m),
    )


def _pct(value: Decimal | None) -> str:
    if value is None:
        return "-"
    return str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def _hard_failures(q: QualificationInput, age: int, s: LendingSettings) -> list[Reason]:
    found: list[Reason] = []
    if not s.min_customer_age <= age <= s.max_customer_age:
        found.append(
            Reason.of(
                MESSAGES,
                "hard.age_out_of_range",
                age=age,
                min=s.min_customer_age,
                max=s.max_customer_age,
            )
        )
    d = q.documents
    if not d.id_valid:
        found.append(Reason.of(MESSAGES, "hard.id_invalid"))
    if d.income_proof_months < REQUIRED_INCOME_PROOF_MONTHS:
        found.append(
            Reason.of(
                MESSAGES,
                "hard.income_proof_short",
                months=max(d.income_proof_months, 0),
                required=REQUIRED_INCOME_PROOF_MONTHS,
            )
        )
    if not d.residence_proof:
        found.append(Reason.of(MESSAGES, "hard.no_residence_proof"))
    if not d.work_proof:
        found.append(Reason.of(MESSAGES, "hard.no_work_proof"))
    if q.monthly_income is None or q.monthly_income <= 0:
        found.append(Reason.of(MESSAGES, "hard.no_income"))
    return found


def _income_mismatch(q: QualificationInput) -> Decimal | None:
    """Percent difference between declared and statement income, if over the limit."""
    declared, statement = q.monthly_income, q.statement_average_income
    if declared is None or declared <= 0 or statement is None:
        return None
    diff = abs(declared - statement) * HUNDRED / declared
    return diff if diff > INCOME_MISMATCH_PERCENT else None


def qualify(q: QualificationInput, settings: LendingSettings = DEFAULT_SETTINGS) -> Qualification:
    """Grade a customer.  Deterministic; see the module docstring for every threshold."""
    c = q.credit
    age = age_on(q.birth_date, q.application_date)
    hard = _hard_failures(q, age, settings)
    breakdown = score_credit(c, q.monthly_income)
    score = breakdown.total

    warnings: list[Reason] = []
    if c.recent_applications_3m >= MANY_APPLICATIONS_3M:
        warnings.append(
            Reason.of(MESSAGES, "warn.many_applications", count=c.recent_applications_3m)
        )
    if q.declared_age is not None and q.declared_age != age:
        warnings.append(
            Reason.of(MESSAGES, "warn.age_mismatch", declared=q.declared_age, actual=age)
        )
    mismatch = _income_mismatch(q)
    if mismatch is not None:
        assert q.monthly_income is not None and q.statement_average_income is not None
        warnings.append(
            Reason.of(
                MESSAGES,
                "warn.income_mismatch",
                declared=format_cny(q.monthly_income),
                statement=format_cny(q.statement_average_income),
                diff=_pct(mismatch),
            )
        )

    reasons: list[Reason] = []
    grade: Grade | None = None
    if not hard:
        worst = c.worst_overdue_days
        if score < GRADE_B_MIN_SCORE or worst > GRADE_B_MAX_WORST_OVERDUE_DAYS:
            grade = Grade.C
        elif (
            score >= GRADE_A_MIN_SCORE
            and c.overdue_count_24m <= 0
            and worst <= 0
            and mismatch is None
        ):
            grade = Grade.A
        else:
            grade = Grade.B
        reasons.append(Reason.of(MESSAGES, f"grade.{grade.value.lower()}", score=score))
        if grade is not Grade.A:
            if c.overdue_count_24m > 0 or worst > 0:
                reasons.append(Reason.of(MESSAGES, "grade.not_a_overdue"))
            if mismatch is not None:
                reasons.append(Reason.of(MESSAGES, "grade.not_a_income"))
        if grade is Grade.C:
            if worst > GRADE_B_MAX_WORST_OVERDUE_DAYS:
                reasons.append(
                    Reason.of(
                        MESSAGES,
                        "grade.c_worst_overdue",
                        days=worst,
                        limit=GRADE_B_MAX_WORST_OVERDUE_DAYS,
                    )
                )
            if score < GRADE_B_MIN_SCORE:
                reasons.append(Reason.of(MESSAGES, "grade.c_low_score", min=GRADE_B_MIN_SCORE))

    reasons.extend(_score_reasons(c, q.monthly_income, breakdown))

    recommendations: tuple[Reason, ...] = ()
    if grade is Grade.C:
        recommendations = (
            Reason.of(MESSAGES, "advice.higher_down_payment"),
            Reason.of(MESSAGES, "advice.shorter_term"),
        )
    return Qualification(
        grade=grade,
        score=score,
        breakdown=breakdown,
        age=age,
        hard_failures=tuple(hard),
        reasons=tuple(reasons),
        warnings=tuple(warnings),
        recommendations=recommendations,
    )


def _score_reasons(c: CreditFacts, income: Decimal | None, b: ScoreBreakdown) -> list[Reason]:
    out = [
        Reason.of(
            MESSAGES,
            "score.payment_history",
            count=c.overdue_count_24m,
            days=c.worst_overdue_days,
            points=b.payment_history,
        ),
        Reason.of(
            MESSAGES,
            "score.debt_level",
            dti=_pct(_ratio_percent(c.monthly_debt_payments, income)),
            utilisation=_pct(c.card_utilisation_percent),
            debt=format_cny(c.current_debt),
            points=b.debt_level,
        ),
    ]
    if c.history_years is None:
        out.append(Reason.of(MESSAGES, "score.history_unknown", points=b.history_length))
    else:
        out.append(
            Reason.of(
                MESSAGES,
                "score.history_length",
                years=format(c.history_years.normalize(), "f"),
                points=b.history_length,
            )
        )
    if c.credit_kinds is None:
        out.append(Reason.of(MESSAGES, "score.mix_unknown", points=b.credit_mix))
    else:
        out.append(
            Reason.of(MESSAGES, "score.credit_mix", kinds=c.credit_kinds, points=b.credit_mix)
        )
    out.append(
        Reason.of(MESSAGES, "score.new_credit", count=c.recent_applications_3m, points=b.new_credit)
    )
    return out

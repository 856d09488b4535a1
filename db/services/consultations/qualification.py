"""Step 2: qualification - income (encrypted, shown as its band unless the role allows),
credit facts, the hard requirements and the grade (``lending.qualification``).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from db.crypto import income_band
from db.models import (
    Customer,
    Qualification,
)
from db.models.enums import (
    AuditAction,
    FunnelStage,
    Step,
    StepState,
)
from db.services import audit
from db.services.base import (
    Actor,
    Permission,
    Target,
    check_version,
    now_or,
    reading,
    reasons_from_json,
    reasons_to_json,
    require,
    transaction,
)
from db.services.consultations.common import (
    _customer_plain_id,
    _load,
    _refresh_blocks,
    _set_step,
    _settings,
    _stamp,
)
from db.services.consultations.views import RATE_PLACES, Q, QualificationForm, QualificationView
from db.services.forms import Form
from db.services.messages import reason
from db.uow import UnitOfWork
from lending import identity
from lending import qualification as lending_qualification

# ---------------------------------------------------------------------------
# step 2: qualification
# ---------------------------------------------------------------------------


def _qualification_view(
    uow: UnitOfWork, q: Qualification, *, masked: bool, version: int
) -> QualificationView:
    income = uow.cipher.decrypt_optional(Q, "monthly_income", q.monthly_income_enc)
    shown = "" if income is None else (income_band(income) if masked else income)
    statement = uow.cipher.decrypt_optional(Q, "statement_income", q.statement_income_enc)
    shown_statement = "" if statement is None else (income_band(statement) if masked else statement)
    return QualificationView(
        consultation_id=q.consultation_id,
        monthly_income=shown,
        masked=masked,
        income_proof_months=q.income_proof_months,
        residence_proof=q.residence_proof,
        work_proof=q.work_proof,
        id_valid=q.id_valid,
        overdue_count_24m=q.overdue_count_24m,
        worst_overdue_days=q.worst_overdue_days,
        current_debt=q.current_debt,
        monthly_debt_payments=q.monthly_debt_payments,
        card_utilisation_percent=q.card_utilisation_percent,
        recent_applications_3m=q.recent_applications_3m,
        history_years=q.history_years,
        credit_kinds=q.credit_kinds,
        declared_age=q.declared_age,
        grade=lending_qualification.Grade(q.grade) if q.grade else None,
        score=q.score,
        passed=bool(q.passed),
        hard_failures=reasons_from_json(q.hard_failures),
        reasons=reasons_from_json(q.reasons),
        warnings=reasons_from_json(q.warnings),
        recommendations=reasons_from_json(q.recommendations),
        assessed_at=q.assessed_at,
        consultation_version=version,
        statement_average_income=shown_statement,
    )


def save_qualification(
    target: Target,
    actor: Actor,
    consultation_id: int,
    form: QualificationForm,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> QualificationView:
    """Grade the customer with ``lending.qualification`` and store facts and result.

    Needs the customer's ID number (for the age).  A customer who fails a
    hard requirement is saved with the step ``blocked`` and the reasons.
    """
    f = Form()
    income = f.money("monthly_income", form.monthly_income)
    statement = f.money("statement_average_income", form.statement_average_income)
    proof_months = f.integer("income_proof_months", form.income_proof_months) or 0
    overdue = f.integer("overdue_count_24m", form.overdue_count_24m) or 0
    worst = f.integer("worst_overdue_days", form.worst_overdue_days) or 0
    debt = f.money("current_debt", form.current_debt) or Decimal(0)
    monthly_debt = f.money("monthly_debt_payments", form.monthly_debt_payments) or Decimal(0)
    util = f.decimal("card_utilisation_percent", form.card_utilisation_percent) or Decimal(0)
    if util > 1000:
        f.error("card_utilisation_percent", reason("qualification.utilisation_range"))
    apps = f.integer("recent_applications_3m", form.recent_applications_3m) or 0
    history = f.decimal("history_years", form.history_years)
    kinds = f.integer("credit_kinds", form.credit_kinds)
    declared_age = f.integer("declared_age", form.declared_age)
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        customer = uow.session.get(Customer, c.customer_id)
        assert customer is not None
        plain_id = _customer_plain_id(uow, customer)
        check = identity.check_resident_id(plain_id) if plain_id else None
        if check is None or check.birth_date is None:
            f.error("id_number", reason("qualification.needs_id"))
        q = uow.session.get(Qualification, c.id)
        if form.monthly_income is None and q is not None:  # keep the stored income
            stored = uow.cipher.decrypt_optional(Q, "monthly_income", q.monthly_income_enc)
            income = Decimal(stored) if stored is not None else None
        if income is None and "monthly_income" not in f.errors:
            f.error("monthly_income", reason("required"))
        if form.statement_average_income is None and q is not None:
            stored = uow.cipher.decrypt_optional(Q, "statement_income", q.statement_income_enc)
            statement = Decimal(stored) if stored is not None else None
        f.raise_if_errors()
        assert check is not None and check.birth_date is not None and income is not None
        s = _settings(uow, actor)
        application_day = (c.contact_at or moment).astimezone().date()
        q_in = lending_qualification.QualificationInput(
            documents=lending_qualification.Documents(
                income_proof_months=proof_months,
                residence_proof=form.residence_proof,
                work_proof=form.work_proof,
                id_valid=check.valid if form.id_valid is None else form.id_valid,
            ),
            credit=lending_qualification.CreditFacts(
                overdue_count_24m=overdue,
                worst_overdue_days=worst,
                current_debt=debt,
                monthly_debt_payments=monthly_debt,
                card_utilisation_percent=util,
                recent_applications_3m=apps,
                history_years=history,
                credit_kinds=kinds,
            ),
            monthly_income=income,
            birth_date=check.birth_date,
            application_date=application_day,
            declared_age=declared_age,
            statement_average_income=statement,
        )
        result = lending_qualification.qualify(q_in, s)
        if q is None:
            q = Qualification(consultation_id=c.id, store_id=actor.store_id)
            uow.session.add(q)
        q.monthly_income_enc = uow.cipher.encrypt(Q, "monthly_income", str(income))
        q.statement_income_enc = (
            uow.cipher.encrypt(Q, "statement_income", str(statement))
            if statement is not None
            else None
        )
        q.income_proof_months = proof_months
        q.residence_proof = form.residence_proof
        q.work_proof = form.work_proof
        q.id_valid = q_in.documents.id_valid
        q.overdue_count_24m = overdue
        q.worst_overdue_days = worst
        q.current_debt = debt
        q.monthly_debt_payments = monthly_debt
        q.card_utilisation_percent = util.quantize(RATE_PLACES)
        q.recent_applications_3m = apps
        q.history_years = history.quantize(RATE_PLACES) if history is not None else None
        q.credit_kinds = kinds
        q.declared_age = declared_age
        q.grade = result.grade.value if result.grade else None
        q.score = result.score
        q.passed = result.passed
        q.hard_failures = reasons_to_json(result.hard_failures)
        q.reasons = reasons_to_json(result.reasons)
        q.warnings = reasons_to_json(result.warnings)
        q.recommendations = reasons_to_json(result.recommendations)
        q.assessed_at = moment
        q.assessed_by = actor.staff_id
        if result.passed:
            _set_step(c, Step.QUALIFICATION, StepState.COMPLETE)
            _stamp(c, FunnelStage.QUALIFIED, moment)
        else:
            _set_step(c, Step.QUALIFICATION, StepState.BLOCKED)
        uow.session.flush()
        _refresh_blocks(uow, actor, c)
        c.updated_at = moment
        uow.session.flush()
        return _qualification_view(uow, q, masked=True, version=c.version_id)


def get_qualification(
    target: Target, actor: Actor, consultation_id: int, *, unmasked: bool = False
) -> QualificationView | None:
    """The saved step 2; ``unmasked=True`` (income) needs ``view_pii`` and is audited."""
    if unmasked:
        require(actor, Permission.VIEW_PII)
    with reading(target) as uow:
        c = _load(uow, actor, consultation_id)
        q = uow.session.get(Qualification, c.id)
        if q is None:
            return None
        if unmasked:
            audit.record(
                uow,
                store_id=actor.store_id,
                action=AuditAction.VIEW_PII,
                actor=actor,
                target_type="consultation",
                target_id=c.id,
                fields="monthly_income",
            )
        return _qualification_view(uow, q, masked=not unmasked, version=c.version_id)

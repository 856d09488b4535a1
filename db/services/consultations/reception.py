"""Opening, resuming and listing consultations, and step 1: reception (channel, intent,
budget, the wished down payment and monthly payment).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from db.models import (
    Consultation,
    Customer,
)
from db.models.enums import (
    Channel,
    ConsultationStatus,
    FollowUpKind,
    FunnelStage,
    Intent,
    Step,
    StepState,
    Tier,
)
from db.services import followups
from db.services.base import (
    Actor,
    Target,
    check_version,
    get_owned,
    now_or,
    reading,
    reasons_to_json,
    transaction,
)
from db.services.consultations.common import (
    _duplicate_warnings,
    _load,
    _refresh_blocks,
    _set_duplicate_warnings,
    _set_step,
    _settings,
    _stamp,
    _step_state,
    _view,
)
from db.services.consultations.views import ConsultationSummary, ConsultationView
from db.services.forms import Form, MoneyIn
from db.services.messages import reason

# ---------------------------------------------------------------------------
# open / resume / list
# ---------------------------------------------------------------------------


def open_consultation(
    target: Target,
    actor: Actor,
    customer_id: int,
    *,
    source_channel: Channel | str | None = None,
    intent_level: Intent | str | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """Start a consultation at first contact: blacklist and duplicate checks run now."""
    f = Form()
    channel = f.choice("source_channel", source_channel, Channel)
    intent = f.choice("intent_level", intent_level, Intent)
    f.raise_if_errors()
    moment = now_or(now)
    with transaction(target) as uow:
        customer = get_owned(uow, Customer, customer_id, actor, "Customer")
        s = _settings(uow, actor)
        c = Consultation(
            store_id=actor.store_id,
            customer_id=customer.id,
            consultant_id=actor.staff_id,
            status=ConsultationStatus.OPEN.value,
            source_channel=(channel or customer.source_channel or None),
            intent_level=intent.value if intent else None,
            reception_state=StepState.IN_PROGRESS.value,
            qualification_state=StepState.NOT_STARTED.value,
            appraisal_state=StepState.NOT_STARTED.value,
            plan_state=StepState.NOT_STARTED.value,
            signing_state=StepState.NOT_STARTED.value,
            contact_at=moment,
            created_at=moment,
            updated_at=moment,
        )
        uow.session.add(c)
        uow.session.flush()
        c.warnings = reasons_to_json(_duplicate_warnings(uow, actor, c, customer, s, moment))
        _refresh_blocks(uow, actor, c)
        if intent is Intent.HIGH:
            followups.schedule(
                uow,
                actor,
                customer_id=customer.id,
                consultation_id=c.id,
                kind=FollowUpKind.HIGH_INTENT,
                due_at=moment + timedelta(hours=s.follow_up_high_intent_hours),
            )
        uow.session.flush()
        return _view(uow, c)


def get_consultation(target: Target, actor: Actor, consultation_id: int) -> ConsultationView:
    """The consultation as it stands; a blacklist entry added since the last save
    shows up here, computed for the view only (stored with the next save: a read
    never writes, so it never changes the row's version under another form)."""
    with reading(target) as uow:
        c = _load(uow, actor, consultation_id)
        _refresh_blocks(uow, actor, c)  # in memory; the read unit of work is rolled back
        return _view(uow, c)


def list_consultations(
    target: Target,
    actor: Actor,
    *,
    customer_id: int | None = None,
    status: ConsultationStatus | None = None,
    limit: int = 100,
) -> list[ConsultationSummary]:
    """Most recently updated first (the resume list)."""
    with reading(target) as uow:
        q = (
            select(Consultation, Customer.name)
            .join(Customer, Customer.id == Consultation.customer_id)
            .where(Consultation.store_id == actor.store_id)
        )
        if customer_id is not None:
            q = q.where(Consultation.customer_id == customer_id)
        if status is not None:
            q = q.where(Consultation.status == status.value)
        q = q.order_by(Consultation.updated_at.desc(), Consultation.id.desc()).limit(limit)
        return [
            ConsultationSummary(
                id=c.id,
                customer_id=c.customer_id,
                customer_name=name,
                status=ConsultationStatus(c.status),
                steps={s: _step_state(c, s) for s in Step},
                contact_at=c.contact_at,
                updated_at=c.updated_at,
                consultant_id=c.consultant_id,
            )
            for c, name in uow.session.execute(q)
        ]


# ---------------------------------------------------------------------------
# step 1: reception
# ---------------------------------------------------------------------------


def save_reception(
    target: Target,
    actor: Actor,
    consultation_id: int,
    *,
    source_channel: Channel | str | None,
    intent_level: Intent | str | None,
    purpose: str | None = None,
    budget: MoneyIn = None,
    wished_down_payment: MoneyIn = None,
    wished_monthly_payment: MoneyIn = None,
    tier: Tier | str | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """Channel and intent are required; the rest are the customer's needs."""
    f = Form()
    channel = f.choice("source_channel", source_channel, Channel, required=True)
    intent = f.choice("intent_level", intent_level, Intent, required=True)
    text = f.text("purpose", purpose, max_len=500)
    b = f.money("budget", budget)
    down = f.money("wished_down_payment", wished_down_payment)
    monthly = f.money("wished_monthly_payment", wished_monthly_payment)
    t = f.choice("tier", tier, Tier)
    if b is not None and down is not None and down > b:
        f.error("wished_down_payment", reason("reception.down_above_budget"))
    f.raise_if_errors()
    assert channel is not None and intent is not None
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        was_high = c.intent_level == Intent.HIGH.value
        c.source_channel = channel.value
        c.intent_level = intent.value
        c.purpose = text
        c.budget = b
        c.wished_down_payment = down
        c.wished_monthly_payment = monthly
        if t is not None:
            customer = uow.session.get(Customer, c.customer_id)
            assert customer is not None
            customer.tier = t.value
        _set_step(c, Step.RECEPTION, StepState.COMPLETE)
        _stamp(c, FunnelStage.NEEDS_CONFIRMED, moment)
        customer_row = uow.session.get(Customer, c.customer_id)
        assert customer_row is not None
        _set_duplicate_warnings(uow, actor, c, customer_row, moment)
        _refresh_blocks(uow, actor, c)
        if intent is Intent.HIGH and not was_high:
            s = _settings(uow, actor)
            followups.schedule(
                uow,
                actor,
                customer_id=c.customer_id,
                consultation_id=c.id,
                kind=FollowUpKind.HIGH_INTENT,
                due_at=moment + timedelta(hours=s.follow_up_high_intent_hours),
            )
        c.updated_at = moment
        uow.session.flush()
        return _view(uow, c)

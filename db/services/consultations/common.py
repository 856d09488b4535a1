"""What every step of a consultation shares: loading it for the actor, step states, versions,
the funnel stage, the audit of a save.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, or_, select

from db.models import (
    Appraisal,
    Consultation,
    Customer,
    Plan,
    Qualification,
    Vehicle,
)
from db.models.enums import (
    Channel,
    ConsultationStatus,
    FunnelStage,
    Intent,
    Step,
    StepState,
)
from db.services import blacklist
from db.services import settings as settings_service
from db.services.base import (
    Actor,
    get_owned,
    now_or,
    reasons_from_json,
    reasons_to_json,
)
from db.services.consultations.views import (
    _FUNNEL_COLUMNS,
    ConsultationView,
    ExceptionApproval,
    LenderDecision,
    OverrideStatus,
)
from db.services.messages import reason
from db.uow import UnitOfWork
from lending.reasons import Reason
from lending.settings import LendingSettings

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def _load(uow: UnitOfWork, actor: Actor, consultation_id: int) -> Consultation:
    return get_owned(uow, Consultation, consultation_id, actor, "Consultation")


def _settings(uow: UnitOfWork, actor: Actor) -> LendingSettings:
    return settings_service.load_settings(uow, actor.store_id)


def _step_state(c: Consultation, step: Step) -> StepState:
    return StepState(getattr(c, f"{step.value}_state"))


def _set_step(c: Consultation, step: Step, state: StepState) -> None:
    setattr(c, f"{step.value}_state", state.value)


def _stamp(c: Consultation, stage: FunnelStage, moment: datetime) -> None:
    col = _FUNNEL_COLUMNS[stage]
    if getattr(c, col) is None:
        setattr(c, col, moment)


def _customer_plain_id(uow: UnitOfWork, customer: Customer) -> str | None:
    return uow.cipher.decrypt_optional("customers", "id_number", customer.id_number_enc)


def _blocked(uow: UnitOfWork, c: Consultation) -> tuple[Reason, ...]:
    return reasons_from_json(c.blocked_reasons)


def _view(uow: UnitOfWork, c: Consultation) -> ConsultationView:
    customer = uow.session.get(Customer, c.customer_id)
    assert customer is not None
    return ConsultationView(
        id=c.id,
        customer_id=c.customer_id,
        customer_name=customer.name,
        consultant_id=c.consultant_id,
        status=ConsultationStatus(c.status),
        steps={s: _step_state(c, s) for s in Step},
        funnel={st: getattr(c, col) for st, col in _FUNNEL_COLUMNS.items()},
        lost_at=c.lost_at,
        lost_reason=c.lost_reason,
        lost_reason_code=c.lost_reason_code,
        source_channel=Channel(c.source_channel) if c.source_channel else None,
        intent_level=Intent(c.intent_level) if c.intent_level else None,
        purpose=c.purpose,
        budget=c.budget,
        wished_down_payment=c.wished_down_payment,
        wished_monthly_payment=c.wished_monthly_payment,
        blacklist_hit=c.blacklist_hit,
        blocked=_blocked(uow, c),
        warnings=reasons_from_json(c.warnings),
        approvals=tuple(
            ExceptionApproval(
                code=a["code"],
                staff_id=int(a["staff_id"]),
                username=a["username"],
                at=datetime.fromisoformat(a["at"]),
                note=a["note"],
            )
            for a in (c.approvals or [])
        ),
        created_at=c.created_at,
        updated_at=c.updated_at,
        version_id=c.version_id,
        lender_decision=LenderDecision.from_json(c.lender_decision),
    )


def _refresh_blocks(uow: UnitOfWork, actor: Actor, c: Consultation) -> None:
    """Recompute the blacklist hit and what blocks the flow."""
    customer = uow.session.get(Customer, c.customer_id)
    assert customer is not None
    # group-wide: another store's entry blocks too (its store and date only, see blacklist)
    hits = blacklist.hits_for_hashes(uow, actor.store_id, customer.id_hmac, customer.phone_hmac)
    blocked: list[Reason] = blacklist.hit_reasons(hits)
    c.blacklist_hit = bool(hits)
    q = uow.session.get(Qualification, c.id)
    if q is not None and q.passed is False:
        blocked.append(reason("qualification.failed"))
        blocked.extend(reasons_from_json(q.hard_failures))
    v = uow.session.scalar(select(Vehicle).where(Vehicle.consultation_id == c.id))
    if v is not None:
        a = uow.session.get(Appraisal, v.id)
        if a is not None and a.acceptable is False:
            blocked.extend(r for r in reasons_from_json(a.reasons) if r.code.startswith("excluded"))
        if a is not None and a.override_status == OverrideStatus.PENDING.value:
            blocked.append(_pending_reason(a))
    c.blocked_reasons = reasons_to_json(blocked) or None
    if c.blacklist_hit:
        _set_step(c, Step.PLAN, StepState.BLOCKED)
    elif _step_state(c, Step.PLAN) is StepState.BLOCKED:
        has_chosen = uow.session.scalar(
            select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        )
        has_any = uow.session.scalar(select(Plan.id).where(Plan.consultation_id == c.id))
        _set_step(
            c,
            Step.PLAN,
            StepState.COMPLETE
            if has_chosen
            else StepState.IN_PROGRESS
            if has_any
            else StepState.NOT_STARTED,
        )


def _duplicate_warnings(
    uow: UnitOfWork,
    actor: Actor,
    c: Consultation,
    customer: Customer,
    s: LendingSettings,
    moment: datetime,
) -> list[Reason]:
    """Other applications with the same ID number / mobile in the window, in every
    store of the group.  One in the actor's store names its consultation number
    (``duplicate.*``); one in another store says only which store and when
    (``duplicate.*_other_store``), so nothing of that store's customer is shown."""
    window = s.duplicate_application_window_days
    since = moment - timedelta(days=window)
    found: list[Reason] = []
    store_ids = blacklist.group_store_ids(uow)
    for code, col, value in (
        ("duplicate.id_number", Customer.id_hmac, customer.id_hmac),
        ("duplicate.phone", Customer.phone_hmac, customer.phone_hmac),
    ):
        if not value:
            continue
        # store_id IN (all stores) keeps the (store_id, hmac) index usable
        same = select(Customer.id).where(Customer.store_id.in_(store_ids), col == value)
        latest = {
            int(sid): int(cid)
            for sid, cid in uow.session.execute(
                # max() over the customer_id index: never a scan of the stores' consultations
                select(Consultation.store_id, func.max(Consultation.id))
                .where(
                    Consultation.customer_id.in_(same),
                    Consultation.id != c.id,
                    or_(Consultation.contact_at >= since, Consultation.created_at >= since),
                )
                .group_by(Consultation.store_id)
            )
        }
        other = latest.pop(actor.store_id, None)
        if other is not None:
            found.append(reason(code, days=window, other=other))
        if latest:
            names = blacklist.store_name_map(uow, set(latest))
            elsewhere = sorted(
                (
                    (contact_at or created_at, names.get(int(sid), ""))
                    for sid, contact_at, created_at in uow.session.execute(
                        select(
                            Consultation.store_id, Consultation.contact_at, Consultation.created_at
                        ).where(Consultation.id.in_(list(latest.values())))
                    )
                ),
                key=lambda row: row[0],
                reverse=True,
            )
            found.extend(
                Reason.of(
                    blacklist.MESSAGES,
                    f"{code}_other_store",
                    store=name,
                    date=blacklist.local_date_text(when),
                    days=window,
                )
                for when, name in elsewhere
            )
    return found


def _set_duplicate_warnings(
    uow: UnitOfWork, actor: Actor, c: Consultation, customer: Customer, moment: datetime
) -> None:
    """Recompute the duplicate-application warnings (other warnings stay as they are).

    The row is only touched when the warnings change, so its version stays.
    """
    s = _settings(uow, actor)
    kept = [r for r in reasons_from_json(c.warnings) if not r.code.startswith("duplicate.")]
    found = _duplicate_warnings(uow, actor, c, customer, s, moment)
    new = reasons_to_json([*kept, *found]) or None
    if new != (c.warnings or None):
        c.warnings = new


def refresh_duplicate_warnings(
    uow: UnitOfWork, actor: Actor, customer_id: int, *, now: datetime | None = None
) -> None:
    """After a customer's ID number or mobile changed: re-run the duplicate-application
    and blacklist checks on their open consultations (in the caller's transaction)."""
    moment = now_or(now)
    customer = get_owned(uow, Customer, customer_id, actor, "Customer")
    for c in uow.session.scalars(
        select(Consultation).where(
            Consultation.customer_id == customer.id,
            Consultation.status == ConsultationStatus.OPEN.value,
        )
    ):
        _set_duplicate_warnings(uow, actor, c, customer, moment)
        _refresh_blocks(uow, actor, c)
    uow.session.flush()


def _override_percent(a: Appraisal) -> Decimal | None:
    if a.override_value is None or not a.computed_value:
        return None
    return ((a.override_value - a.computed_value) / a.computed_value * 100).quantize(
        Decimal("0.01")
    )


def _pending_reason(a: Appraisal) -> Reason:
    percent = _override_percent(a)
    return reason(
        "appraisal.override_pending",
        value=f"{a.override_value or 0:,.2f}",
        percent=f"{percent or 0:+}",
        computed=f"{a.computed_value or 0:,.2f}",
    )

"""After signing, and lost: the lender's decision, disbursement, delivery, undoing a stage
(manager, with a reason), marking a consultation lost, duplicate warnings.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import select

from db.models import (
    Consultation,
    Customer,
    FollowUp,
    Plan,
    Staff,
)
from db.models.enums import (
    AuditAction,
    BlacklistReason,
    ConsultationStatus,
    FollowUpKind,
    FunnelStage,
    Step,
    StepState,
)
from db.services import audit, blacklist, followups
from db.services.base import (
    Actor,
    Permission,
    Target,
    ValidationError,
    check_version,
    now_or,
    reading,
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
    _view,
)
from db.services.consultations.views import (
    _FUNNEL_COLUMNS,
    ConsultationView,
    DecisionOutcome,
    DeclineReason,
)
from db.services.forms import Form, MoneyIn
from db.services.messages import reason
from lending.reasons import Reason

# ---------------------------------------------------------------------------
# after signing, and lost
# ---------------------------------------------------------------------------


def _moment_on(c: Consultation, day: date | None, moment: datetime, field: str) -> datetime:
    """The moment to record for ``day`` (staff may enter an earlier day; default today).

    Today's date keeps the time of the click; an earlier day is recorded at
    the same local time of day.  Never in the future, never before the first
    contact.
    """
    if day is None:
        return moment
    local = moment.astimezone()
    if day > local.date():
        raise ValidationError({field: reason("date.future")})
    contact = c.contact_at.astimezone().date() if c.contact_at else None
    if contact is not None and day < contact:
        raise ValidationError({field: reason("date.before_contact", day=contact.isoformat())})
    if day == local.date():
        return moment
    return datetime.combine(day, local.timetz()).astimezone(moment.tzinfo)


def mark_stage(
    target: Target,
    actor: Actor,
    consultation_id: int,
    stage: FunnelStage,
    *,
    on: date | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """Record ``approved``, ``disbursed`` or ``delivered`` (with their follow-ups).

    ``on``: the day it happened as the staff confirmed it (default today).

    Disbursement schedules the first revisit (default 7 days later); delivery
    the delivery follow-up call (default 3 days) and closes the consultation.
    """
    allowed = {FunnelStage.APPROVED, FunnelStage.DISBURSED, FunnelStage.DELIVERED}
    if stage not in allowed:
        raise ValidationError({"stage": reason("stage.not_recorded_here")})
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        if c.status == ConsultationStatus.LOST.value:
            raise ValidationError({"stage": reason("stage.lost")})
        chosen = uow.session.scalar(
            select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        )
        if chosen is None:
            raise ValidationError({"plan": reason("signing.needs_plan")})
        if stage in (FunnelStage.DISBURSED, FunnelStage.DELIVERED) and c.signed_at is None:
            raise ValidationError({"stage": reason("stage.needs_signing")})
        moment = _moment_on(c, on, moment, "on")
        _stamp(c, stage, moment)
        s = _settings(uow, actor)
        if stage is FunnelStage.DISBURSED:
            followups.schedule(
                uow,
                actor,
                customer_id=c.customer_id,
                consultation_id=c.id,
                kind=FollowUpKind.POST_DISBURSEMENT,
                due_at=moment + timedelta(days=s.follow_up_after_disbursement_days),
            )
        elif stage is FunnelStage.DELIVERED:
            c.status = ConsultationStatus.DELIVERED.value
            followups.schedule(
                uow,
                actor,
                customer_id=c.customer_id,
                consultation_id=c.id,
                kind=FollowUpKind.DELIVERY,
                due_at=moment + timedelta(days=s.follow_up_after_delivery_days),
            )
        c.updated_at = moment
        uow.session.flush()
        return _view(uow, c)


class LostReason(StrEnum):
    """Why a consultation was lost (stored in ``consultations.lost_reason_code``)."""

    PRICE = "price"
    LENDER_REJECTED = "lender_rejected"
    BOUGHT_ELSEWHERE = "bought_elsewhere"
    NOT_INTERESTED = "not_interested"
    REFUSED_ELIGIBILITY = "refused_eligibility"
    """We did not offer a plan: the customer does not meet the requirements."""
    REFUSED_FRAUD = "refused_fraud"
    """We refused: suspected fraud (a manager may put the customer on the blacklist)."""
    OTHER = "other"


def lost_reason_label(code: LostReason | str) -> Reason:
    """The category as a translatable reason (``lost.<code>``)."""
    return reason(f"lost.{LostReason(code).value}")


def mark_lost(
    target: Target,
    actor: Actor,
    consultation_id: int,
    reason_code: LostReason | str,
    note: str | None = None,
    *,
    add_to_blacklist: bool = False,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """Record that the customer was lost: a category, and a note (required for ``other``).

    ``add_to_blacklist`` (with ``refused_fraud``, needs ``manage_blacklist``) also puts
    the customer's ID number and mobile on the store's blacklist (reason fraud), audited.

    ``lost_reason_code`` keeps the category; ``lost_reason`` the English
    category label, followed by ": " and the note when there is one (what the
    owner report lists).
    """
    f = Form()
    code = f.choice("lost_reason_code", str(reason_code or "").strip(), LostReason, required=True)
    text = f.text("lost_reason", note, required=code is LostReason.OTHER, max_len=500)
    if code is LostReason.OTHER and "lost_reason" in f.errors:
        f.errors["lost_reason"] = reason("lost.note_required")
    f.raise_if_errors()
    assert code is not None
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        if c.status == ConsultationStatus.DELIVERED.value:
            raise ValidationError({"lost_reason_code": reason("lost.delivered")})
        if c.status == ConsultationStatus.LOST.value:
            raise ValidationError({"lost_reason_code": reason("lost.already_lost")})
        if add_to_blacklist and code is LostReason.REFUSED_FRAUD:
            require(actor, Permission.MANAGE_BLACKLIST)
            customer = uow.session.get(Customer, c.customer_id)
            assert customer is not None
            plain_id = _customer_plain_id(uow, customer)
            plain_phone = uow.cipher.decrypt_optional("customers", "phone", customer.phone_enc)
            if not plain_id and not plain_phone:
                raise ValidationError({"add_to_blacklist": reason("lost.blacklist_needs_number")})
            blacklist.add_entry(
                uow,
                actor,
                id_number=plain_id,
                phone=plain_phone,
                reason=BlacklistReason.FRAUD,
                note=text,
                now=moment,
            )
            _refresh_blocks(uow, actor, c)
        label = lost_reason_label(code).template
        c.status = ConsultationStatus.LOST.value
        c.lost_at = moment
        c.lost_reason_code = code.value
        c.lost_reason = f"{label}: {text}" if text else label
        c.updated_at = moment
        uow.session.flush()
        return _view(uow, c)


def reopen(
    target: Target, actor: Actor, consultation_id: int, *, expected_version: int | None = None
) -> ConsultationView:
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        if c.status == ConsultationStatus.LOST.value:
            c.status = ConsultationStatus.OPEN.value
            c.lost_at = None
            c.lost_reason = None
            c.lost_reason_code = None
            c.updated_at = now_or(None)
        uow.session.flush()
        return _view(uow, c)


_UNDO_ORDER = (FunnelStage.SIGNED, FunnelStage.DISBURSED, FunnelStage.DELIVERED)
_STAGE_FOLLOW_UPS = {
    FunnelStage.DISBURSED: FollowUpKind.POST_DISBURSEMENT,
    FunnelStage.DELIVERED: FollowUpKind.DELIVERY,
}


def undo_stage(
    target: Target,
    actor: Actor,
    consultation_id: int,
    stage: FunnelStage,
    why: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """A manager takes back "signed", "disbursed" or "delivered" (latest first), audited.

    The step's date is cleared, its open follow-up removed; undoing the
    delivery reopens the consultation, undoing the signing reopens the checklist.
    """
    require(actor, Permission.APPROVE_EXCEPTIONS)
    f = Form()
    text = f.text("why", why, required=True, max_len=500)
    if text is not None and len(text) < 5:
        f.error("why", reason("stage.undo_reason"))
    if "why" in f.errors:
        f.errors["why"] = reason("stage.undo_reason")
    if stage not in _UNDO_ORDER:
        f.error("stage", reason("stage.not_undoable"))
    f.raise_if_errors()
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        column = _FUNNEL_COLUMNS[stage]
        if getattr(c, column) is None:
            raise ValidationError({"stage": reason("stage.not_recorded")})
        later = [
            s
            for s in _UNDO_ORDER[_UNDO_ORDER.index(stage) + 1 :]
            if getattr(c, _FUNNEL_COLUMNS[s]) is not None
        ]
        if later:
            raise ValidationError(
                {"stage": reason("stage.undo_later_first", later=later[-1].value)}
            )
        was = getattr(c, column)
        setattr(c, column, None)
        if stage is FunnelStage.SIGNED:
            _set_step(c, Step.SIGNING, StepState.IN_PROGRESS)
        if stage is FunnelStage.DELIVERED and c.status == ConsultationStatus.DELIVERED.value:
            c.status = ConsultationStatus.OPEN.value
        kind = _STAGE_FOLLOW_UPS.get(stage)
        if kind is not None:
            for open_one in uow.session.scalars(
                select(FollowUp).where(
                    FollowUp.consultation_id == c.id,
                    FollowUp.kind == kind.value,
                    FollowUp.done_at.is_(None),
                )
            ):
                uow.session.delete(open_one)
        c.updated_at = moment
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.STAGE_UNDONE,
            actor=actor,
            target_type="consultation",
            target_id=c.id,
            fields=stage.value,
            detail={"was": was.isoformat(), "why": text},
            now=moment,
        )
        uow.session.flush()
        return _view(uow, c)


def record_lender_decision(
    target: Target,
    actor: Actor,
    consultation_id: int,
    outcome: DecisionOutcome | str,
    *,
    on: date | None = None,
    approved_amount: MoneyIn = None,
    approved_rate: MoneyIn = None,
    reason_code: DeclineReason | str | None = None,
    note: str | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """What the lender answered: approved (maybe with another amount or rate), declined
    (a reason from the list and words), or withdrawn by the customer; who and when.

    Approval stamps the funnel's ``approved``; a later decision replaces an earlier one
    until the contract is signed.
    """
    f = Form()
    result = f.choice("outcome", str(outcome or ""), DecisionOutcome, required=True)
    if "outcome" in f.errors:
        f.errors["outcome"] = reason("decision.outcome")
    amount = f.money("approved_amount", approved_amount)
    rate = f.money("approved_rate", approved_rate)
    why = None
    if result is DecisionOutcome.DECLINED:
        why = f.choice("reason_code", str(reason_code or ""), DeclineReason, required=True)
        if "reason_code" in f.errors:
            f.errors["reason_code"] = reason("decision.reason_required")
    words = f.text("note", note, max_len=500)
    f.raise_if_errors()
    assert result is not None
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        if c.signed_at is not None:
            raise ValidationError({"outcome": reason("decision.after_signing")})
        chosen = uow.session.scalar(
            select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        )
        if chosen is None:
            raise ValidationError({"outcome": reason("decision.needs_plan")})
        at = _moment_on(c, on, moment, "on")
        member = uow.session.get(Staff, actor.staff_id)
        c.lender_decision = {
            "outcome": result.value,
            "on": at.astimezone().date().isoformat(),
            "by": (member.display_name or member.username) if member else actor.username,
            "staff_id": actor.staff_id,
            "approved_amount": str(amount)
            if amount is not None and result is DecisionOutcome.APPROVED
            else None,
            "approved_rate": str(rate)
            if rate is not None and result is DecisionOutcome.APPROVED
            else None,
            "reason_code": why.value if why is not None else None,
            "note": words,
        }
        c.lender_outcome = result.value
        c.lender_decided_at = at
        c.approved_at = at if result is DecisionOutcome.APPROVED else None
        c.updated_at = moment
        uow.session.flush()
        return _view(uow, c)


def approve_exception(
    target: Target,
    actor: Actor,
    consultation_id: int,
    code: str,
    note: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """A manager (or the owner) approves an exception, e.g. a possible duplicate
    application or a rate above the warning level; written to the audit log."""
    require(actor, Permission.APPROVE_EXCEPTIONS)
    f = Form()
    text = f.text("note", note, required=True, max_len=500)
    what = f.text("code", code, required=True, max_len=60)
    f.raise_if_errors()
    assert text is not None and what is not None
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        entry = {
            "code": what,
            "staff_id": actor.staff_id,
            "username": actor.username,
            "at": moment.isoformat(),
            "note": text,
        }
        c.approvals = [*(c.approvals or []), entry]
        c.updated_at = moment
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.EXCEPTION_APPROVED,
            actor=actor,
            target_type="consultation",
            target_id=c.id,
            detail={"code": what},
            now=moment,
        )
        uow.session.flush()
        return _view(uow, c)


def consultant_name(target: Target, actor: Actor, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    with reading(target) as uow:
        s = uow.session.get(Staff, staff_id)
        return s.display_name if s is not None and s.store_id == actor.store_id else ""


def raw_row(target: Target, actor: Actor, consultation_id: int) -> dict[str, Any]:
    """Column values of the consultation row (reports, debugging); no personal data."""
    with reading(target) as uow:
        c = _load(uow, actor, consultation_id)
        return {col.key: getattr(c, col.key) for col in Consultation.__table__.columns}

"""Step 5: the signing checklist - each item ticked by whom and when, the blockers, and
"Mark signed".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy import select

from db.models import (
    Consultation,
    Plan,
    SigningItem,
)
from db.models.enums import (
    ConsultationStatus,
    FunnelStage,
    Step,
    StepState,
)
from db.services.base import (
    Actor,
    Target,
    ValidationError,
    check_version,
    now_or,
    reading,
    transaction,
)
from db.services.consultations.common import _load, _set_step, _stamp
from db.services.consultations.lifecycle import _moment_on
from db.services.consultations.views import (
    SIGNING_CODES,
    SIGNING_ITEMS,
    SigningItemView,
    SigningView,
)
from db.services.messages import reason
from db.uow import UnitOfWork

# ---------------------------------------------------------------------------
# step 5: signing checklist
# ---------------------------------------------------------------------------


def _signing_view(uow: UnitOfWork, c: Consultation) -> SigningView:
    rows = {
        r.code: r
        for r in uow.session.scalars(select(SigningItem).where(SigningItem.consultation_id == c.id))
    }
    items = []
    for code, kind, label in SIGNING_ITEMS:
        r = rows.get(code)
        items.append(
            SigningItemView(
                code=code,
                kind=kind,
                label=label,
                done=bool(r and r.done),
                done_at=r.done_at if r else None,
                done_by=r.done_by if r else None,
                note=r.note if r else None,
            )
        )
    chosen = uow.session.scalar(
        select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
    )
    blocked = () if chosen else (reason("signing.needs_plan"),)
    return SigningView(
        consultation_id=c.id,
        items=tuple(items),
        complete=all(i.done for i in items) and chosen is not None,
        consultation_version=c.version_id,
        blocked=blocked,
    )


def save_signing(
    target: Target,
    actor: Actor,
    consultation_id: int,
    checked: Mapping[str, bool],
    *,
    notes: Mapping[str, str] | None = None,
    sign: bool = False,
    signed_on: date | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> SigningView:
    """Tick checklist items (codes from :data:`SIGNING_ITEMS`); this only saves progress.

    ``sign=True`` is the explicit "Mark signed": it needs a chosen plan and
    every item done (else each missing item comes back as a field reason and
    nothing is written); then the step completes and ``signed`` is stamped.
    """
    unknown = [code for code in (*checked, *(notes or {})) if code not in SIGNING_CODES]
    if unknown:
        raise ValidationError({code: reason("signing.unknown_item") for code in unknown})
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        chosen = uow.session.scalar(
            select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        )
        if chosen is None:
            raise ValidationError({"plan": reason("signing.needs_plan")})
        if sign and c.signed_at is not None:
            raise ValidationError({"plan": reason("signing.already_signed")})
        if sign and c.status == ConsultationStatus.LOST.value:
            raise ValidationError({"plan": reason("stage.lost")})
        rows = {
            r.code: r
            for r in uow.session.scalars(
                select(SigningItem).where(SigningItem.consultation_id == c.id)
            )
        }
        kinds = {code: kind for code, kind, _ in SIGNING_ITEMS}
        for code in set(checked) | set(notes or {}):
            r = rows.get(code)
            if r is None:
                r = SigningItem(
                    store_id=actor.store_id,
                    consultation_id=c.id,
                    code=code,
                    kind=kinds[code].value,
                    done=False,
                )
                uow.session.add(r)
                rows[code] = r
            if code in checked:
                done = bool(checked[code])
                if done and not r.done:
                    r.done_at, r.done_by = moment, actor.staff_id
                elif not done:
                    r.done_at = r.done_by = None
                r.done = done
            if notes and code in notes:
                r.note = notes[code].strip() or None
        uow.session.flush()
        view = _signing_view(uow, c)
        if sign:
            missing = {i.code: reason("signing.item_missing") for i in view.items if not i.done}
            if missing:
                raise ValidationError(missing)  # the transaction rolls back: nothing written
            _set_step(c, Step.SIGNING, StepState.COMPLETE)
            _stamp(c, FunnelStage.SIGNED, _moment_on(c, signed_on, moment, "signed_on"))
        elif c.signed_at is None:
            _set_step(c, Step.SIGNING, StepState.IN_PROGRESS)
        c.updated_at = moment
        uow.session.flush()
        return _signing_view(uow, c)


def get_signing(target: Target, actor: Actor, consultation_id: int) -> SigningView:
    with reading(target) as uow:
        return _signing_view(uow, _load(uow, actor, consultation_id))

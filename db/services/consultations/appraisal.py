"""Step 3: the vehicle and its appraisal - VIN, registration, the reference price and its
kind, the computed value, an override and its manager approval (``lending.appraisal``).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from db.models import (
    Appraisal,
    Consultation,
    Customer,
    Staff,
    Vehicle,
)
from db.models.enums import (
    AuditAction,
    Step,
    StepState,
)
from db.services import audit
from db.services.base import (
    Actor,
    Permission,
    Target,
    ValidationError,
    check_version,
    now_or,
    reading,
    reasons_from_json,
    reasons_to_json,
    require,
    transaction,
)
from db.services.consultations.common import (
    _load,
    _override_percent,
    _refresh_blocks,
    _set_step,
    _settings,
)
from db.services.consultations.views import (
    AppraisalView,
    OverrideStatus,
    PendingOverride,
    VehicleForm,
)
from db.services.forms import Form
from db.services.messages import reason
from db.uow import UnitOfWork
from lending import appraisal as lending_appraisal
from lending import identity
from lending.onroad import Energy

# ---------------------------------------------------------------------------
# step 3: vehicle and appraisal
# ---------------------------------------------------------------------------


def _appraisal_view(
    v: Vehicle, a: Appraisal | None, version: int, decided_by: str = ""
) -> AppraisalView:
    records = tuple((date.fromisoformat(d), int(km)) for d, km in (v.maintenance_records or []))
    return AppraisalView(
        consultation_id=v.consultation_id,
        vehicle_id=v.id,
        brand=v.brand,
        model=v.model,
        first_registration=v.first_registration,
        vin=v.vin,
        mileage_km=v.mileage_km,
        colour=v.colour,
        energy=v.energy,
        registration_matches=v.registration_matches,
        condition=v.condition_grade,
        accident=v.accident,
        flood=v.flood,
        fire=v.fire,
        market_price=v.market_price,
        price=v.price,
        maintenance_records=records,
        computed_value=a.computed_value if a else None,
        override_value=a.override_value if a else None,
        override_reason=a.override_reason if a else None,
        value=a.final_value if a else None,
        acceptable=bool(a and a.acceptable),
        reasons=reasons_from_json(a.reasons) if a else (),
        appraised_at=a.appraised_at if a else None,
        consultation_version=version,
        reference=v.reference_kind or lending_appraisal.ReferenceKind.USED_MARKET.value,
        override_reason_code=a.override_reason_code if a else None,
        override_status=OverrideStatus(a.override_status) if a and a.override_status else None,
        override_percent=_override_percent(a) if a else None,
        override_decided_by=decided_by,
        override_decided_at=a.override_decided_at if a else None,
        override_decision_note=a.override_decision_note if a else None,
    )


def _staff_name(uow: UnitOfWork, staff_id: int | None) -> str:
    s = uow.session.get(Staff, staff_id) if staff_id is not None else None
    return (s.display_name or s.username) if s is not None else ""


_APPRAISAL_FIELDS = {
    "input.price_not_positive": "market_price",
    "input.mileage_negative": "mileage_km",
    "input.registered_after_appraisal": "first_registration",
    "override.reason_required": "override_reason",
    "override.reason_code_required": "override_reason_code",
    "override.negative": "override_value",
}


def _override_decision(
    a: Appraisal, result: lending_appraisal.Appraisal, override: Decimal | None
) -> OverrideStatus | None:
    """Pending for a new override beyond the limit; a decision stands while the override
    and the computed value it was made on stay the same."""
    if not result.needs_manager_approval:
        return None
    status = a.override_status
    decided = status in (OverrideStatus.APPROVED.value, OverrideStatus.REFUSED.value)
    if (
        status is not None
        and decided
        and a.override_value == override
        and a.computed_value == result.computed_value
    ):
        return OverrideStatus(status)
    return OverrideStatus.PENDING


def save_appraisal(
    target: Target,
    actor: Actor,
    consultation_id: int,
    form: VehicleForm,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> AppraisalView:
    """Check the VIN, value the car with ``lending.appraisal``, store both.

    An excluded vehicle (accident, flood, fire) is saved with the step
    ``blocked``; odometer flags and product limits are kept as reasons.

    An override further from the computed value than the settings allow is
    stored *pending*: the value used for lending stays the computed one and no
    plan can be saved or chosen until a manager approves it
    (:func:`decide_override`).
    """
    f = Form()
    brand = f.text("brand", form.brand, required=True, max_len=100)
    model = f.text("model", form.model, required=True, max_len=100)
    first_reg = f.day("first_registration", form.first_registration, required=True)
    vin_check = identity.check_vin(form.vin or "")
    if not vin_check.valid:
        f.error("vin", vin_check.reason or reason("appraisal.vin_invalid"))
    mileage = f.integer("mileage_km", form.mileage_km, required=True)
    condition = f.choice("condition", form.condition, lending_appraisal.Condition, required=True)
    market = f.money("market_price", form.market_price, required=True)
    price = f.money("price", form.price)
    override = f.money("override_value", form.override_value)
    kind = f.choice("reference", form.reference, lending_appraisal.ReferenceKind, required=True)
    why = f.choice(
        "override_reason_code", form.override_reason_code, lending_appraisal.OverrideReason
    )
    colour = f.text("colour", form.colour, max_len=40)
    energy = f.choice("energy", form.energy, Energy)
    f.raise_if_errors()
    assert first_reg and mileage is not None and condition and market is not None
    assert brand and model and kind is not None
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        s = _settings(uow, actor)
        try:
            result = lending_appraisal.appraise(
                lending_appraisal.AppraisalInput(
                    market_reference_price=market,
                    first_registration=first_reg,
                    appraisal_date=moment.astimezone().date(),
                    mileage_km=mileage,
                    condition=condition,
                    accident=form.accident,
                    flood=form.flood,
                    fire=form.fire,
                    maintenance_records=tuple(form.maintenance_records),
                    override_value=override,
                    override_reason=form.override_reason or "",
                    override_reason_code=why,
                    reference=kind,
                    deal_price=price,
                    vin=vin_check.normalized,
                ),
                s,
            )
        except lending_appraisal.AppraisalError as exc:
            for r in exc.reasons:
                f.error(_APPRAISAL_FIELDS.get(r.code, "appraisal"), r)
            f.raise_if_errors()
            raise
        v = uow.session.scalar(select(Vehicle).where(Vehicle.consultation_id == c.id))
        if v is None:
            v = Vehicle(consultation_id=c.id, store_id=actor.store_id)
            uow.session.add(v)
        v.brand, v.model, v.first_registration = brand, model, first_reg
        v.vin = vin_check.normalized
        v.mileage_km = mileage
        v.colour = colour
        v.energy = energy.value if energy is not None else None
        v.registration_matches = form.registration_matches
        v.condition_grade = condition.value
        v.accident, v.flood, v.fire = form.accident, form.flood, form.fire
        v.market_price = market
        v.reference_kind = kind.value
        v.price = price
        v.maintenance_records = [[d.isoformat(), int(km)] for d, km in form.maintenance_records]
        uow.session.flush()
        a = uow.session.get(Appraisal, v.id)
        if a is None:
            a = Appraisal(vehicle_id=v.id, store_id=actor.store_id)
            uow.session.add(a)
        status = _override_decision(a, result, override)
        if status not in (OverrideStatus.APPROVED, OverrideStatus.REFUSED):  # no decision kept
            a.override_decided_by = a.override_decided_at = a.override_decision_note = None
        requested = status is OverrideStatus.PENDING and (
            a.override_status != status.value
            or a.override_value != override
            or a.computed_value != result.computed_value
        )
        a.override_status = status.value if status is not None else None
        a.computed_value = result.computed_value
        a.override_value = override
        a.override_reason = (form.override_reason or "").strip() or None
        a.override_reason_code = why.value if why is not None and override is not None else None
        # an override waiting for (or refused by) a manager is not the value lent on
        a.final_value = (
            result.computed_value
            if status in (OverrideStatus.PENDING, OverrideStatus.REFUSED)
            else result.value
        )
        a.acceptable = not result.excluded
        a.reasons = reasons_to_json(
            (*result.exclusion_reasons, *result.odometer_flags, *result.limit_reasons)
        )
        a.appraised_at = moment
        a.appraised_by = actor.staff_id
        blocked = result.excluded or form.registration_matches is False
        _set_step(c, Step.APPRAISAL, StepState.BLOCKED if blocked else StepState.COMPLETE)
        if requested:
            assert result.override_percent is not None
            audit.record(
                uow,
                store_id=actor.store_id,
                action=AuditAction.OVERRIDE_REQUESTED,
                actor=actor,
                target_type="consultation",
                target_id=c.id,
                now=moment,
                detail=_override_detail(a),
            )
        uow.session.flush()
        _refresh_blocks(uow, actor, c)
        c.updated_at = moment
        uow.session.flush()
        return _appraisal_view(v, a, c.version_id, _staff_name(uow, a.override_decided_by))


def get_appraisal(target: Target, actor: Actor, consultation_id: int) -> AppraisalView | None:
    with reading(target) as uow:
        c = _load(uow, actor, consultation_id)
        v = uow.session.scalar(select(Vehicle).where(Vehicle.consultation_id == c.id))
        if v is None:
            return None
        a = uow.session.get(Appraisal, v.id)
        return _appraisal_view(
            v, a, c.version_id, _staff_name(uow, a.override_decided_by if a else None)
        )


def _override_detail(a: Appraisal) -> dict[str, Any]:
    """What an audit row of an override says: before (computed) -> after (override)."""
    return {
        "before": str(a.computed_value),
        "after": str(a.override_value),
        "percent": str(_override_percent(a)),
        "reason_code": a.override_reason_code,
    }


def decide_override(
    target: Target,
    approver: Actor,
    consultation_id: int,
    *,
    approve: bool,
    note: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> AppraisalView:
    """A manager approves (or refuses) the pending override of the appraisal value.

    Approved: the override becomes the value used for lending.  Refused (a
    note says why): the computed value stays.  Either way a plan can be chosen
    again, and the audit log records who decided, when, and before -> after.
    The appraiser who entered the override cannot decide on it.
    """
    require(approver, Permission.APPROVE_EXCEPTIONS)
    f = Form()
    text = f.text("note", note, required=not approve, max_len=500)
    f.raise_if_errors()
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, approver, consultation_id)
        check_version(c, expected_version)
        v = uow.session.scalar(select(Vehicle).where(Vehicle.consultation_id == c.id))
        a = uow.session.get(Appraisal, v.id) if v is not None else None
        if v is None or a is None or a.override_status != OverrideStatus.PENDING.value:
            raise ValidationError({"override": reason("override.not_pending")})
        if a.appraised_by == approver.staff_id:
            raise ValidationError({"override": reason("override.own")})
        status = OverrideStatus.APPROVED if approve else OverrideStatus.REFUSED
        a.override_status = status.value
        a.override_decided_by = approver.staff_id
        a.override_decided_at = moment
        a.override_decision_note = text
        a.final_value = a.override_value if approve else a.computed_value
        audit.record(
            uow,
            store_id=approver.store_id,
            action=AuditAction.OVERRIDE_APPROVED if approve else AuditAction.OVERRIDE_REFUSED,
            actor=approver,
            target_type="consultation",
            target_id=c.id,
            detail={**_override_detail(a), "value_used": str(a.final_value)},
            now=moment,
        )
        _refresh_blocks(uow, approver, c)
        c.updated_at = moment
        uow.session.flush()
        return _appraisal_view(v, a, c.version_id, _staff_name(uow, approver.staff_id))


def list_pending_overrides(target: Target, actor: Actor) -> list[PendingOverride]:
    """The store's overrides awaiting a manager, oldest first (for managers only)."""
    require(actor, Permission.APPROVE_EXCEPTIONS)
    with reading(target) as uow:
        rows = uow.session.execute(
            select(Appraisal, Vehicle, Consultation, Customer.name)
            .join(Vehicle, Vehicle.id == Appraisal.vehicle_id)
            .join(Consultation, Consultation.id == Vehicle.consultation_id)
            .join(Customer, Customer.id == Consultation.customer_id)
            .where(
                Appraisal.store_id == actor.store_id,
                Appraisal.override_status == OverrideStatus.PENDING.value,
            )
            .order_by(Appraisal.appraised_at, Consultation.id)
        ).all()
        return [
            PendingOverride(
                consultation_id=c.id,
                customer_name=name,
                vehicle=f"{v.brand} {v.model}".strip(),
                computed_value=a.computed_value or Decimal(0),
                override_value=a.override_value or Decimal(0),
                override_percent=_override_percent(a) or Decimal(0),
                reason_code=a.override_reason_code,
                reason=a.override_reason or "",
                appraiser=_staff_name(uow, a.appraised_by),
                appraised_at=a.appraised_at,
                consultation_version=c.version_id,
            )
            for a, v, c, name in rows
        ]

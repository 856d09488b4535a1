"""An appraiser's override beyond the limit waits for a manager; the decision is audited."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from db import Database
from db.models.enums import AuditAction, Role
from db.services import audit
from db.services import consultations as cs
from db.services.base import Actor, PermissionDenied, ValidationError
from tests.db.conftest import make_actor
from tests.db.test_consultations import PLAN, ready_for_plan, vehicle_form

WHY = dict(override_reason="Full dealer history, new tyres", override_reason_code="service_history")


@pytest.fixture
def manager(database: Database, owner: Actor) -> Actor:
    return make_actor(database, owner, "manager", Role.MANAGER)


def computed(database: Database, actor: Actor, cid: int) -> Decimal:
    """The value lending computes for ``vehicle_form()`` (saved without an override)."""
    view = cs.save_appraisal(database, actor, cid, vehicle_form())
    assert view.computed_value is not None and view.override_status is None
    return view.computed_value


def plus(value: Decimal, percent: int) -> Decimal:
    return (value * (100 + percent) / 100).quantize(Decimal("0.01"))


def overridden_by_52_percent(
    database: Database, consultant: Actor
) -> tuple[cs.ConsultationView, Decimal, Decimal, cs.AppraisalView]:
    """A consultation ready for a plan whose appraiser overrode the value by +52 %."""
    v = ready_for_plan(database, consultant)
    value = computed(database, consultant, v.id)
    high = plus(value, 52)
    saved = cs.save_appraisal(
        database, consultant, v.id, vehicle_form(override_value=str(high), **WHY)
    )
    return v, value, high, saved


def test_an_override_of_52_percent_without_a_manager_is_refused(
    database: Database, owner: Actor, consultant: Actor, manager: Actor
) -> None:
    v, value, high, saved = overridden_by_52_percent(database, consultant)
    assert saved.override_status is cs.OverrideStatus.PENDING and saved.override_pending
    assert saved.override_value == high and saved.override_percent == Decimal("52.00")
    assert saved.value == value  # not lent on until a manager approves it
    # the service refuses the plan, whatever a screen does
    with pytest.raises(ValidationError) as info:
        cs.save_plan(database, consultant, v.id, PLAN)
    assert info.value.reasons["appraisal"].code == "appraisal.override_pending"
    shown = str(info.value.reasons["appraisal"])
    assert f"{high:,.2f}" in shown and "+52.00%" in shown and f"{value:,.2f}" in shown
    view = cs.get_consultation(database, consultant, v.id)
    assert [r.code for r in view.blocked] == ["appraisal.override_pending"]
    # a consultant can neither see the queue nor decide
    with pytest.raises(PermissionDenied):
        cs.list_pending_overrides(database, consultant)
    with pytest.raises(PermissionDenied):
        cs.decide_override(database, consultant, v.id, approve=True)
    queue = cs.list_pending_overrides(database, manager)
    assert [
        (
            q.consultation_id,
            q.override_value,
            q.computed_value,
            q.override_percent,
            q.reason_code,
            q.appraiser,
        )
        for q in queue
    ] == [(v.id, high, value, Decimal("52.00"), "service_history", "consultant")]
    requested = audit.list_entries(database, owner, action=AuditAction.OVERRIDE_REQUESTED)
    assert [
        (e.username, e.target_id, e.detail["before"], e.detail["after"]) for e in requested
    ] == [("consultant", v.id, str(value), str(high))]


def test_a_manager_approves_it_audited_and_the_plan_can_be_chosen(
    database: Database, owner: Actor, consultant: Actor, manager: Actor
) -> None:
    v, value, high, saved = overridden_by_52_percent(database, consultant)
    at = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=5)
    approved = cs.decide_override(
        database,
        manager,
        v.id,
        approve=True,
        note="Seen the car",
        expected_version=saved.consultation_version,
        now=at,
    )
    assert approved.override_status is cs.OverrideStatus.APPROVED
    assert approved.value == high and approved.override_decided_by == "manager"
    assert approved.override_decided_at == at and approved.override_decision_note == "Seen the car"
    [entry] = audit.list_entries(database, owner, action=AuditAction.OVERRIDE_APPROVED)
    assert (entry.username, entry.staff_id, entry.at, entry.target_id) == (
        "manager",
        manager.staff_id,
        at,
        v.id,
    )
    assert (entry.detail["before"], entry.detail["after"], entry.detail["value_used"]) == (
        str(value),
        str(high),
        str(high),
    )
    assert cs.list_pending_overrides(database, manager) == []
    assert cs.get_consultation(database, consultant, v.id).blocked == ()
    plan = cs.save_plan(database, consultant, v.id, PLAN)
    assert cs.choose_plan(database, consultant, plan.id).steps is not None
    # saving the same appraisal again keeps the decision; another value asks again
    again = cs.save_appraisal(
        database, consultant, v.id, vehicle_form(override_value=str(high), colour="white", **WHY)
    )
    assert again.override_status is cs.OverrideStatus.APPROVED and again.value == high
    changed = cs.save_appraisal(
        database, consultant, v.id, vehicle_form(override_value=str(plus(value, 60)), **WHY)
    )
    assert changed.override_pending and changed.value == value
    assert changed.override_decided_by == "" and changed.override_decided_at is None
    with pytest.raises(ValidationError) as info:
        cs.choose_plan(database, consultant, plan.id)
    assert info.value.reasons["plan"].code == "appraisal.override_pending"


def test_a_refusal_needs_a_note_and_keeps_the_computed_value(
    database: Database, owner: Actor, consultant: Actor, manager: Actor
) -> None:
    v = ready_for_plan(database, consultant)
    value = computed(database, consultant, v.id)
    low = plus(value, -25)
    cs.save_appraisal(database, consultant, v.id, vehicle_form(override_value=str(low), **WHY))
    with pytest.raises(ValidationError) as info:
        cs.decide_override(database, manager, v.id, approve=False, note="  ")
    assert set(info.value.errors) == {"note"}
    refused = cs.decide_override(
        database, manager, v.id, approve=False, note="No evidence for the lower value"
    )
    assert refused.override_status is cs.OverrideStatus.REFUSED and refused.value == value
    [entry] = audit.list_entries(database, owner, action=AuditAction.OVERRIDE_REFUSED)
    assert entry.username == "manager" and entry.detail["value_used"] == str(value)
    assert entry.detail["before"] == str(value) and entry.detail["after"] == str(low)
    cs.save_plan(database, consultant, v.id, PLAN)  # on the computed value
    with pytest.raises(ValidationError) as info:  # nothing left to decide
        cs.decide_override(database, manager, v.id, approve=True)
    assert info.value.reasons["override"].code == "override.not_pending"


def test_nobody_approves_their_own_override(
    database: Database, owner: Actor, manager: Actor
) -> None:
    v = ready_for_plan(database, manager)
    value = computed(database, manager, v.id)
    cs.save_appraisal(
        database, manager, v.id, vehicle_form(override_value=str(plus(value, 30)), **WHY)
    )
    with pytest.raises(ValidationError) as info:
        cs.decide_override(database, manager, v.id, approve=True)
    assert info.value.reasons["override"].code == "override.own"
    assert cs.decide_override(database, owner, v.id, approve=True).value == plus(value, 30)


def test_within_the_limit_the_appraisers_override_stands(
    database: Database, consultant: Actor, manager: Actor
) -> None:
    v = ready_for_plan(database, consultant)
    value = computed(database, consultant, v.id)
    saved = cs.save_appraisal(
        database, consultant, v.id, vehicle_form(override_value=str(plus(value, 10)), **WHY)
    )
    assert saved.override_status is None and saved.value == plus(value, 10)
    assert saved.override_reason_code == "service_history"
    assert cs.list_pending_overrides(database, manager) == []
    with pytest.raises(ValidationError) as info:  # a reason from the list is required
        cs.save_appraisal(
            database,
            consultant,
            v.id,
            vehicle_form(override_value=str(plus(value, 5)), override_reason="Market is hot"),
        )
    assert set(info.value.errors) == {"override_reason_code"}


def test_the_reference_kind_is_stored_and_valued_by_lending(
    database: Database, consultant: Actor
) -> None:
    v = ready_for_plan(database, consultant)
    today = date.today()
    two_years = today.replace(year=today.year - 2, day=min(today.day, 28))
    used = cs.save_appraisal(database, consultant, v.id, vehicle_form(first_registration=two_years))
    assert used.reference == "used-market"
    new = cs.save_appraisal(
        database,
        consultant,
        v.id,
        vehicle_form(first_registration=two_years, reference="new-guide"),
    )
    assert new.reference == "new-guide"
    # two years at 10-15 % a year come off a new-car guide price as well
    assert used.computed_value is not None and new.computed_value is not None
    ratio = new.computed_value / used.computed_value
    assert Decimal("0.85") ** 2 < ratio < Decimal("0.90") ** 2
    assert cs.get_appraisal(database, consultant, v.id).reference == "new-guide"
    with pytest.raises(ValidationError) as info:
        cs.save_appraisal(database, consultant, v.id, vehicle_form(reference="guess"))
    assert set(info.value.errors) == {"reference"}

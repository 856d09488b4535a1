"""The five steps through the services: validation, states, funnel, follow-ups."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from db import Database
from db.models import Plan, Qualification, Vehicle
from db.models.enums import (
    BlacklistReason,
    ConsultationStatus,
    FollowUpKind,
    FunnelStage,
    Role,
    Step,
    StepState,
)
from db.services import blacklist, consultations, customers, followups
from db.services import consultations as cs
from db.services.base import Actor, ConcurrentEditError, ValidationError
from lending.identity import generate_vin
from tests.db.conftest import make_actor, valid_id

NOW = datetime.now(UTC).replace(microsecond=0)
VIN = generate_vin("LSVAU2180N22" + "8376")
GOOD_QUALIFICATION = cs.QualificationForm(
    monthly_income="12000",
    income_proof_months=6,
    residence_proof=True,
    work_proof=True,
    monthly_debt_payments="1000",
    history_years="5",
    credit_kinds=2,
)


def vehicle_form(**changes: object) -> cs.VehicleForm:
    base = dict(
        brand="Volkswagen",
        model="Lavida",
        first_registration=date(NOW.year - 1, 6, 1),
        vin=VIN,
        mileage_km=15000,
        condition="excellent",
        market_price="130000",
        price="120000",
        registration_matches=True,
    )
    base.update(changes)
    return cs.VehicleForm(**base)  # type: ignore[arg-type]


def new_consultation(
    database: Database,
    actor: Actor,
    *,
    phone: str = "13912345678",
    seq: int = 123,
    intent: str = "medium",
) -> cs.ConsultationView:
    c = customers.create_customer(
        database, actor, "李四", phone=phone, id_number=valid_id(seq=seq), consent_purpose="loan"
    )
    return cs.open_consultation(
        database, actor, c.id, source_channel="walk_in", intent_level=intent
    )


def ready_for_plan(database: Database, actor: Actor, **kw: object) -> cs.ConsultationView:
    v = new_consultation(database, actor, **kw)  # type: ignore[arg-type]
    cs.save_reception(
        database,
        actor,
        v.id,
        source_channel="walk_in",
        intent_level="medium",
        budget="150000",
        wished_down_payment="50000",
    )
    cs.save_qualification(database, actor, v.id, GOOD_QUALIFICATION)
    cs.save_appraisal(database, actor, v.id, vehicle_form())
    return cs.get_consultation(database, actor, v.id)


PLAN = cs.PlanForm(
    product_code="finance_company",
    method="equal_installment",
    term_months=36,
    down_payment="50000",
    add_ons=(cs.AddOnInput("insurance", "Full vehicle insurance", "4500"),),
)


def test_open_sets_contact_and_step_states(database: Database, owner: Actor) -> None:
    v = new_consultation(database, owner)
    assert v.status is ConsultationStatus.OPEN
    assert v.steps[Step.RECEPTION] is StepState.IN_PROGRESS
    assert all(v.steps[s] is StepState.NOT_STARTED for s in list(Step)[1:])
    assert v.funnel[FunnelStage.CONTACT] is not None
    assert v.next_step is Step.RECEPTION
    assert not v.blacklist_hit and v.blocked == () and v.warnings == ()


def test_full_flow_reaches_delivery_with_follow_ups(database: Database, owner: Actor) -> None:
    v = ready_for_plan(database, owner)
    assert v.steps[Step.QUALIFICATION] is StepState.COMPLETE
    assert v.steps[Step.APPRAISAL] is StepState.COMPLETE
    assert v.funnel[FunnelStage.NEEDS_CONFIRMED] and v.funnel[FunnelStage.QUALIFIED]
    evaluations = cs.evaluate_products(
        database, owner, v.id, down_payment="50000", term_months=36, method="equal_installment"
    )
    by_code = {e.product.code: e for e in evaluations}
    assert by_code["finance_company"].eligible
    assert not by_code["credit_mortgage_mixed"].eligible
    assert "above this product's maximum" in str(by_code["credit_mortgage_mixed"].reasons[0])

    plan = cs.save_plan(database, owner, v.id, PLAN)
    ev = by_code["finance_company"]
    assert plan.amount == Decimal("70000.00")
    assert plan.first_payment == ev.monthly_payment
    assert plan.total_repayment == ev.schedule.total_repayment  # type: ignore[union-attr]
    assert plan.apr is not None and abs(plan.apr - ev.schedule.apr) < Decimal("0.000001")  # type: ignore[union-attr]
    assert plan.add_ons[0].price == Decimal("4500.00") and plan.total_add_ons == Decimal("4500.00")
    assert cs.get_consultation(database, owner, v.id).steps[Step.PLAN] is StepState.IN_PROGRESS
    schedule = cs.plan_schedule(database, owner, plan.id)
    assert schedule.first_payment == plan.first_payment and len(schedule.rows) == 36

    with pytest.raises(ValidationError) as info:
        cs.save_signing(database, owner, v.id, {"doc.id_card": True})
    assert "plan" in info.value.errors
    v = cs.choose_plan(database, owner, plan.id)
    assert v.steps[Step.PLAN] is StepState.COMPLETE
    half = cs.save_signing(database, owner, v.id, {"doc.id_card": True})
    assert not half.complete
    assert cs.get_consultation(database, owner, v.id).funnel[FunnelStage.SIGNED] is None
    done = cs.save_signing(database, owner, v.id, {code: True for code, _, _ in cs.SIGNING_ITEMS})
    assert done.complete
    v = cs.get_consultation(database, owner, v.id)
    assert v.steps[Step.SIGNING] is StepState.COMPLETE and v.funnel[FunnelStage.SIGNED]
    assert v.next_step is None

    cs.mark_stage(database, owner, v.id, FunnelStage.APPROVED, now=NOW)
    cs.mark_stage(database, owner, v.id, FunnelStage.DISBURSED, now=NOW)
    v = cs.mark_stage(database, owner, v.id, FunnelStage.DELIVERED, now=NOW)
    assert v.status is ConsultationStatus.DELIVERED
    due = followups.list_due(database, owner, on=(NOW + timedelta(days=8)).date(), now=NOW)
    kinds = {f.kind: f.due_at for f in due}
    assert kinds[FollowUpKind.DELIVERY] == NOW + timedelta(days=3)
    assert kinds[FollowUpKind.POST_DISBURSEMENT] == NOW + timedelta(days=7)


def test_invalid_step_writes_nothing(database: Database, owner: Actor) -> None:
    v = new_consultation(database, owner)
    with pytest.raises(ValidationError) as info:
        cs.save_reception(
            database,
            owner,
            v.id,
            source_channel="fax",
            intent_level=None,
            budget="12.345",
            wished_down_payment="-1",
        )
    assert set(info.value.errors) == {
        "source_channel",
        "intent_level",
        "budget",
        "wished_down_payment",
    }
    after = cs.get_consultation(database, owner, v.id)
    assert after.version_id == v.version_id and after.steps == v.steps

    with pytest.raises(ValidationError) as info:
        cs.save_qualification(database, owner, v.id, cs.QualificationForm(monthly_income="abc"))
    assert "monthly_income" in info.value.errors
    with pytest.raises(ValidationError) as info:
        cs.save_appraisal(
            database,
            owner,
            v.id,
            vehicle_form(vin=VIN[:-1] + ("1" if VIN[-1] == "0" else "0"), condition="shiny"),
        )
    assert {"vin", "condition"} <= set(info.value.errors)
    with pytest.raises(ValidationError) as info:
        cs.save_appraisal(database, owner, v.id, vehicle_form(override_value="90000"))
    assert "override_reason" in info.value.errors
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Qualification)) == 0
        assert uow.session.scalar(select(func.count()).select_from(Vehicle)) == 0
    assert cs.get_consultation(database, owner, v.id).version_id == v.version_id


def test_ineligible_plan_is_refused_with_field_reasons(database: Database, owner: Actor) -> None:
    v = ready_for_plan(database, owner)
    form = cs.PlanForm(
        product_code="finance_company",
        method="equal_principal",
        term_months=40,
        down_payment="1000",
    )
    with pytest.raises(ValidationError) as info:
        cs.save_plan(database, owner, v.id, form)
    assert {"method", "term_months", "down_payment"} <= set(info.value.errors)
    assert info.value.reasons["method"].code == "method_not_offered"
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Plan)) == 0


def test_failed_hard_requirement_blocks(database: Database, owner: Actor) -> None:
    v = new_consultation(database, owner)
    q = cs.save_qualification(database, owner, v.id, cs.QualificationForm(monthly_income="9000"))
    assert not q.passed and q.grade is None
    assert {r.code for r in q.hard_failures} >= {"hard.income_proof_short", "hard.no_work_proof"}
    assert q.monthly_income == "9***"
    v = cs.get_consultation(database, owner, v.id)
    assert v.steps[Step.QUALIFICATION] is StepState.BLOCKED
    assert v.blocked[0].code == "qualification.failed"
    cs.save_appraisal(database, owner, v.id, vehicle_form())
    with pytest.raises(ValidationError) as info:
        cs.save_plan(database, owner, v.id, PLAN)
    assert info.value.reasons["plan"].code == "plan.needs_qualification"


def test_income_unmasked_needs_permission(database: Database, owner: Actor) -> None:
    v = ready_for_plan(database, owner)
    consultant = make_actor(database, owner, "c1", Role.CONSULTANT)
    assert cs.get_qualification(database, consultant, v.id).monthly_income == "1****"  # type: ignore[union-attr]
    q = cs.get_qualification(database, owner, v.id, unmasked=True)
    assert q is not None and q.monthly_income == "12000.00"


def test_excluded_vehicle_blocks(database: Database, owner: Actor) -> None:
    v = new_consultation(database, owner)
    a = cs.save_appraisal(database, owner, v.id, vehicle_form(flood=True))
    assert not a.acceptable and any(r.code == "excluded.flood" for r in a.reasons)
    v = cs.get_consultation(database, owner, v.id)
    assert v.steps[Step.APPRAISAL] is StepState.BLOCKED
    assert any(r.code == "excluded.flood" for r in v.blocked)


def test_blacklist_hit_blocks_the_plan(database: Database, owner: Actor) -> None:
    blacklist.add_entry(database, owner, phone="13912345678", reason=BlacklistReason.FRAUD)
    v = ready_for_plan(database, owner)
    assert v.blacklist_hit
    assert v.steps[Step.PLAN] is StepState.BLOCKED
    assert v.blocked[0].code == "blacklist.hit"
    with pytest.raises(ValidationError) as info:
        cs.save_plan(database, owner, v.id, PLAN)
    assert info.value.reasons["plan"].code == "plan.blacklisted"
    evaluations = cs.evaluate_products(
        database, owner, v.id, down_payment="50000", term_months=36, method="equal_installment"
    )
    assert all(not e.eligible for e in evaluations)
    assert all(any(r.code == "blacklisted" for r in e.reasons) for e in evaluations)


def test_duplicate_application_warning(database: Database, owner: Actor) -> None:
    first = new_consultation(database, owner, phone="13911112222", seq=1)
    c2 = customers.create_customer(database, owner, "另一个人", phone="13911112222")
    second = cs.open_consultation(database, owner, c2.id, source_channel="phone")
    assert [w.code for w in second.warnings] == ["duplicate.recent"]
    assert f"consultation {first.id}" in str(second.warnings[0])
    # same customer again: same ID number
    again = cs.open_consultation(database, owner, first.customer_id)
    assert {w.params for w in again.warnings}
    assert any("ID number" in str(w) for w in again.warnings)


def test_no_duplicate_warning_after_the_window(database: Database, owner: Actor) -> None:
    c = customers.create_customer(database, owner, "A", phone="13911113333")
    cs.open_consultation(database, owner, c.id, now=NOW - timedelta(days=31))
    later = cs.open_consultation(database, owner, c.id, now=NOW)
    assert later.warnings == ()


def test_high_intent_follow_up_due_and_overdue(database: Database, owner: Actor) -> None:
    old = new_consultation(database, owner, phone="13900000001", seq=2, intent="high")
    assert old
    due = followups.list_due(database, owner, on=(datetime.now(UTC) + timedelta(days=2)).date())
    assert [f.kind for f in due] == [FollowUpKind.HIGH_INTENT]
    assert due[0].phone_masked == "139****0001"
    assert followups.list_due(database, owner) == []  # not due today
    overdue = followups.list_due(database, owner, on=(datetime.now(UTC) + timedelta(days=5)).date())
    assert overdue[0].overdue
    followups.complete(database, owner, due[0].id, note="called")
    assert followups.list_due(database, owner, on=date.today() + timedelta(days=5)) == []


def test_optimistic_locking_on_consultation(database: Database, owner: Actor) -> None:
    v = new_consultation(database, owner)
    cs.save_reception(
        database,
        owner,
        v.id,
        source_channel="walk_in",
        intent_level="low",
        expected_version=v.version_id,
    )
    with pytest.raises(ConcurrentEditError):
        cs.save_reception(
            database,
            owner,
            v.id,
            source_channel="phone",
            intent_level="low",
            expected_version=v.version_id,
        )


def test_lost_and_reopen(database: Database, owner: Actor) -> None:
    v = new_consultation(database, owner)
    with pytest.raises(ValidationError):
        cs.mark_lost(database, owner, v.id, "  ")
    lost = cs.mark_lost(database, owner, v.id, "Bought elsewhere")
    assert lost.status is ConsultationStatus.LOST and lost.lost_reason == "Bought elsewhere"
    assert lost.lost_at is not None
    again = cs.reopen(database, owner, v.id)
    assert again.status is ConsultationStatus.OPEN and again.lost_at is None


def test_resume_list(database: Database, owner: Actor) -> None:
    a = new_consultation(database, owner, phone="13900000001", seq=1)
    b = new_consultation(database, owner, phone="13900000002", seq=2)
    cs.save_reception(database, owner, a.id, source_channel="walk_in", intent_level="low")
    listed = consultations.list_consultations(database, owner)
    assert [s.id for s in listed] == [a.id, b.id]
    assert listed[0].steps[Step.RECEPTION] is StepState.COMPLETE
    assert [s.id for s in cs.list_consultations(database, owner, customer_id=b.customer_id)] == [
        b.id
    ]


def test_document_inputs(database: Database, owner: Actor) -> None:
    from db.services import documents

    v = ready_for_plan(database, owner)
    with pytest.raises(Exception) as info:
        documents.document_inputs(database, owner, v.id)
    assert getattr(info.value, "code", "") == "no_plan"
    first = cs.save_plan(database, owner, v.id, PLAN)
    second = cs.save_plan(database, owner, v.id, PLAN)
    assert documents.document_inputs(database, owner, v.id).plan.id == second.id
    cs.choose_plan(database, owner, first.id)
    d = documents.document_inputs(database, owner, v.id)
    assert d.plan.id == first.id and d.plan.chosen
    assert d.customer.phone_masked == "139****5678"
    assert "*" in d.customer.id_number_masked
    assert d.product is not None and d.product.code == "finance_company"
    assert d.schedule.first_payment == d.plan.first_payment
    assert d.monthly_income == Decimal("12000.00") and d.grade is not None
    assert d.store.name == "Main Street Motors"
    assert d.vehicle is not None and d.vehicle.vin == VIN


def test_manager_approves_an_exception(database: Database, owner: Actor) -> None:
    from db.models.enums import AuditAction
    from db.services import audit
    from db.services.base import PermissionDenied

    v = new_consultation(database, owner)
    consultant = make_actor(database, owner, "c1", Role.CONSULTANT)
    manager = make_actor(database, owner, "m1", Role.MANAGER)
    with pytest.raises(PermissionDenied):
        cs.approve_exception(database, consultant, v.id, "duplicate.recent", "checked")
    with pytest.raises(ValidationError):
        cs.approve_exception(database, manager, v.id, "duplicate.recent", " ")
    after = cs.approve_exception(
        database, manager, v.id, "duplicate.recent", "Same person, second car", now=NOW
    )
    assert after.approvals[0].code == "duplicate.recent"
    assert after.approvals[0].staff_id == manager.staff_id and after.approvals[0].at == NOW
    entries = audit.list_entries(database, owner, action=AuditAction.EXCEPTION_APPROVED)
    assert [e.target_id for e in entries] == [v.id]


def test_delete_plan(database: Database, owner: Actor) -> None:
    import warnings

    v = ready_for_plan(database, owner)
    a = cs.save_plan(database, owner, v.id, PLAN)
    b = cs.save_plan(database, owner, v.id, PLAN)
    cs.choose_plan(database, owner, b.id)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cs.delete_plan(database, owner, b.id)
    assert [p.id for p in cs.list_plans(database, owner, v.id)] == [a.id]
    assert cs.get_consultation(database, owner, v.id).steps[Step.PLAN] is StepState.IN_PROGRESS
    cs.delete_plan(database, owner, a.id)
    assert cs.get_consultation(database, owner, v.id).steps[Step.PLAN] is StepState.NOT_STARTED


def test_each_save_returns_the_version_for_the_next_save(database: Database, owner: Actor) -> None:
    v = new_consultation(database, owner)
    v = cs.save_reception(
        database,
        owner,
        v.id,
        source_channel="walk_in",
        intent_level="low",
        expected_version=v.version_id,
    )
    q = cs.save_qualification(
        database, owner, v.id, GOOD_QUALIFICATION, expected_version=v.version_id
    )
    a = cs.save_appraisal(
        database, owner, v.id, vehicle_form(), expected_version=q.consultation_version
    )
    p = cs.save_plan(database, owner, v.id, PLAN, expected_version=a.consultation_version)
    v = cs.choose_plan(database, owner, p.id, expected_version=p.consultation_version)
    s = cs.save_signing(database, owner, v.id, {"doc.id_card": True}, expected_version=v.version_id)
    assert s.consultation_version == cs.get_consultation(database, owner, v.id).version_id
    with pytest.raises(ConcurrentEditError):
        cs.save_appraisal(
            database, owner, v.id, vehicle_form(), expected_version=a.consultation_version
        )


def test_blacklist_entry_added_later_still_blocks_the_plan(
    database: Database, owner: Actor
) -> None:
    v = ready_for_plan(database, owner)
    plan = cs.save_plan(database, owner, v.id, PLAN)
    blacklist.add_entry(database, owner, phone="13912345678", reason=BlacklistReason.FRAUD)
    with pytest.raises(ValidationError) as info:
        cs.save_plan(database, owner, v.id, PLAN)
    assert info.value.reasons["plan"].code == "plan.blacklisted"
    with pytest.raises(ValidationError):
        cs.choose_plan(database, owner, plan.id)
    assert cs.get_consultation(database, owner, v.id).steps[Step.PLAN] is StepState.BLOCKED


def test_reading_does_not_change_the_version(database: Database, owner: Actor) -> None:
    v = ready_for_plan(database, owner)
    again = cs.get_consultation(database, owner, v.id)
    assert cs.get_consultation(database, owner, v.id).version_id == again.version_id
    assert again.version_id == v.version_id


def test_plan_cannot_be_chosen_after_qualification_fails(database: Database, owner: Actor) -> None:
    v = ready_for_plan(database, owner)
    plan = cs.save_plan(database, owner, v.id, PLAN)
    cs.save_qualification(database, owner, v.id, cs.QualificationForm(monthly_income="9000"))
    with pytest.raises(ValidationError) as info:
        cs.choose_plan(database, owner, plan.id)
    assert info.value.reasons["plan"].code == "qualification.failed"

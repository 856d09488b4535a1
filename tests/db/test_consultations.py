"""The five steps through the services: validation, states, funnel, follow-ups."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from db import Database
from db.models import Plan, PlanAddOn, Qualification, Vehicle
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
        # a used-market reference: ~107,600 with the mileage and condition, so the
        # 70,000 loan is above the 60 % mixed product and within the 70 % one
        market_price="100000",
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
    with pytest.raises(ValidationError) as info:  # signing needs every item
        cs.save_signing(database, owner, v.id, {"doc.driving_licence": True}, sign=True)
    assert info.value.reasons["doc.income_proof"].code == "signing.item_missing"
    assert "doc.id_card" not in info.value.errors
    assert "doc.driving_licence" not in info.value.errors  # ticked in this very call
    assert not cs.get_signing(database, owner, v.id).items[1].done  # rolled back
    every = {code: True for code, _, _ in cs.SIGNING_ITEMS}
    ticked = cs.save_signing(database, owner, v.id, every)  # all ticked is still only progress
    assert ticked.complete
    v = cs.get_consultation(database, owner, v.id)
    assert v.funnel[FunnelStage.SIGNED] is None and v.steps[Step.SIGNING] is StepState.IN_PROGRESS
    cs.mark_lost(database, owner, v.id, "price")
    with pytest.raises(ValidationError) as info:  # a lost consultation is not signed
        cs.save_signing(database, owner, v.id, {}, sign=True)
    assert info.value.reasons["plan"].code == "stage.lost"
    cs.reopen(database, owner, v.id)
    done = cs.save_signing(database, owner, v.id, {}, sign=True)
    assert done.complete
    with pytest.raises(ValidationError):
        cs.save_signing(database, owner, v.id, {}, sign=True)  # signed once only
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
    assert q.monthly_income == "6,000–10,000"  # 9,000 a month: masked as its band
    v = cs.get_consultation(database, owner, v.id)
    assert v.steps[Step.QUALIFICATION] is StepState.BLOCKED
    assert v.blocked[0].code == "qualification.failed"
    cs.save_appraisal(database, owner, v.id, vehicle_form())
    with pytest.raises(ValidationError) as info:
        cs.save_plan(database, owner, v.id, PLAN)
    assert info.value.reasons["plan"].code == "plan.needs_qualification"


def test_plan_view_carries_the_chinese_product_name(database: Database, owner: Actor) -> None:
    v = ready_for_plan(database, owner)
    saved = cs.save_plan(database, owner, v.id, PLAN)
    listed = cs.list_plans(database, owner, v.id)[0]
    for p in (saved, listed, cs.get_plan(database, owner, saved.id)):
        assert p.product_name == "Finance-company loan"
        assert p.product_name_zh and all("\u4e00" <= ch <= "\u9fff" for ch in p.product_name_zh)
        assert p.display_name(chinese=True) == p.product_name_zh
        assert p.display_name(chinese=False) == p.product_name


def test_qualification_without_income_keeps_the_stored_one(
    database: Database, owner: Actor
) -> None:
    v = ready_for_plan(database, owner)
    consultant = make_actor(database, owner, "c2", Role.CONSULTANT)
    form = cs.QualificationForm(
        monthly_income=None,
        statement_average_income="11000",
        income_proof_months=6,
        residence_proof=True,
        work_proof=False,  # the consultant sees the income masked and changes a document
        monthly_debt_payments="1000",
        history_years="5",
        credit_kinds=2,
    )
    q = cs.save_qualification(database, consultant, v.id, form)
    # masked as the band (12,000 and 11,000 a month: both in 10,000-15,000), not a digit
    assert q.monthly_income == "10,000–15,000" and q.statement_average_income == "10,000–15,000"
    full = cs.get_qualification(database, owner, v.id, unmasked=True)
    assert full is not None and full.monthly_income == "12000.00"
    assert full.statement_average_income == "11000.00" and not full.work_proof
    again = cs.save_qualification(
        database, owner, v.id, dataclasses.replace(form, statement_average_income=None)
    )
    assert again.statement_average_income == "10,000–15,000"  # None kept the statement income too
    # nothing stored yet: the income is required
    other = new_consultation(database, owner, phone="13900000077", seq=77)
    with pytest.raises(ValidationError) as info:
        cs.save_qualification(database, owner, other.id, cs.QualificationForm())
    assert info.value.reasons["monthly_income"].code == "required"
    with pytest.raises(ValidationError) as info:
        cs.save_qualification(database, owner, other.id, cs.QualificationForm(monthly_income=""))
    assert info.value.reasons["monthly_income"].code == "required"


def test_service_refusals_are_translatable_reasons(database: Database, owner: Actor) -> None:
    """Every refusal carries a Reason whose template the zh_CN catalogue translates."""
    from resources import TRANSLATIONS
    from resources.ts_tool import read_ts

    table = {
        **read_ts(TRANSLATIONS / "zh_CN" / "db.ts"),
        **read_ts(TRANSLATIONS / "zh_CN" / "lending.ts"),
    }
    v = new_consultation(database, owner)
    refusals: list[ValidationError] = []
    calls = [
        lambda: cs.save_reception(
            database,
            owner,
            v.id,
            source_channel="walk_in",
            intent_level="low",
            budget="100",
            wished_down_payment="200",
            purpose="x" * 600,
        ),
        lambda: cs.save_appraisal(
            database, owner, v.id, vehicle_form(first_registration="2020/01/01", vin="")
        ),
        lambda: cs.evaluate_products(
            database, owner, v.id, down_payment="1", term_months=12, method="equal_installment"
        ),
        lambda: cs.save_plan(
            database, owner, v.id, cs.PlanForm("nope", "equal_installment", 12, "1")
        ),
        lambda: cs.save_signing(database, owner, v.id, {"doc.nope": True}),
        lambda: cs.mark_stage(database, owner, v.id, FunnelStage.CONTACT),
        lambda: cs.mark_lost(database, owner, v.id, "other"),
        lambda: customers.create_customer(
            database, owner, " ", tier="gold", source_channel="fax", id_number=valid_id(seq=5)
        ),
        lambda: customers.record_consent(database, owner, v.customer_id, " "),
    ]
    for call in calls:
        with pytest.raises(ValidationError) as info:
            call()
        refusals.append(info.value)
    for exc in refusals:
        assert set(exc.reasons) == set(exc.errors), exc.errors
        for r in exc.reasons.values():
            assert table.get(("Reason", r.template)), r.template


def test_income_unmasked_needs_permission(database: Database, owner: Actor) -> None:
    v = ready_for_plan(database, owner)
    consultant = make_actor(database, owner, "c1", Role.CONSULTANT)
    assert cs.get_qualification(database, consultant, v.id).monthly_income == "10,000–15,000"  # type: ignore[union-attr]
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
    assert [w.code for w in second.warnings] == ["duplicate.phone"]
    assert f"consultation {first.id}" in str(second.warnings[0])
    # same customer again: same ID number
    again = cs.open_consultation(database, owner, first.customer_id)
    assert {w.code for w in again.warnings} == {"duplicate.id_number", "duplicate.phone"}
    assert any("ID number" in str(w) for w in again.warnings)


def test_duplicate_found_when_the_phone_is_added_later(database: Database, owner: Actor) -> None:
    first = new_consultation(database, owner, phone="13911112222", seq=1)
    c2 = customers.create_customer(database, owner, "后补电话")
    second = cs.open_consultation(database, owner, c2.id, source_channel="phone")
    assert second.warnings == ()
    customers.update_customer(database, owner, c2.id, phone="139 1111 2222")
    v = cs.get_consultation(database, owner, second.id)
    assert [w.code for w in v.warnings] == ["duplicate.phone"]
    assert dict(v.warnings[0].params)["other"] == str(first.id)


def test_duplicate_found_when_the_id_is_added_later_in_reception(
    database: Database, owner: Actor
) -> None:
    # a customer without ID or mobile came twice (another ID is refused outright,
    # so the ID can only repeat on the same customer's other application)
    c2 = customers.create_customer(database, owner, "后补身份证")
    first = cs.open_consultation(database, owner, c2.id, now=NOW - timedelta(days=10))
    second = cs.open_consultation(database, owner, c2.id, source_channel="phone")
    assert second.warnings == ()
    # the reception page: consent, the ID and the needs in one unit of work
    with database.unit_of_work() as uow:
        customers.record_consent(uow, owner, c2.id)
        customers.update_customer(uow, owner, c2.id, id_number=valid_id(seq=7))
        v = cs.save_reception(uow, owner, second.id, source_channel="walk_in", intent_level="low")
        uow.commit()
    assert [w.code for w in v.warnings] == ["duplicate.id_number"]
    assert dict(v.warnings[0].params) == {"days": "30", "other": str(first.id)}
    # an unrelated save later does not lose it, and does not change the version by itself
    again = cs.save_reception(
        database, owner, second.id, source_channel="walk_in", intent_level="low"
    )
    assert [w.code for w in again.warnings] == ["duplicate.id_number"]


def test_other_warnings_survive_the_duplicate_refresh(database: Database, owner: Actor) -> None:
    v = new_consultation(database, owner, phone="13911119999", seq=9)
    before = cs.get_consultation(database, owner, v.id)
    with database.unit_of_work() as uow:
        customers.update_customer(uow, owner, v.customer_id, phone="13911119999")
        uow.commit()
    after = cs.get_consultation(database, owner, v.id)
    assert after.warnings == () and after.version_id == before.version_id


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
    with pytest.raises(ValidationError) as info:
        cs.mark_lost(database, owner, v.id, "  ")
    assert info.value.reasons["lost_reason_code"].code == "required"
    with pytest.raises(ValidationError) as info:
        cs.mark_lost(database, owner, v.id, "cheaper elsewhere")
    assert info.value.reasons["lost_reason_code"].code == "choice.invalid"
    with pytest.raises(ValidationError) as info:
        cs.mark_lost(database, owner, v.id, cs.LostReason.OTHER, "  ")
    assert info.value.reasons["lost_reason"].code == "lost.note_required"
    assert cs.get_consultation(database, owner, v.id).status is ConsultationStatus.OPEN
    lost = cs.mark_lost(database, owner, v.id, "bought_elsewhere", now=NOW)
    assert lost.status is ConsultationStatus.LOST and lost.lost_reason == "Bought elsewhere"
    assert lost.lost_reason_code == "bought_elsewhere" and lost.lost_at == NOW
    assert lost.lost_note == ""
    with pytest.raises(ValidationError) as info:
        cs.mark_lost(database, owner, v.id, "price")
    assert info.value.reasons["lost_reason_code"].code == "lost.already_lost"
    again = cs.reopen(database, owner, v.id)
    assert again.status is ConsultationStatus.OPEN and again.lost_at is None
    assert again.lost_reason_code is None and again.lost_reason is None
    other = cs.mark_lost(database, owner, v.id, cs.LostReason.OTHER, "moved to another city")
    assert other.lost_reason == "Other reason: moved to another city"
    assert other.lost_note == "moved to another city"
    assert cs.raw_row(database, owner, v.id)["lost_reason_code"] == "other"


@pytest.mark.parametrize("code", list(cs.LostReason))
def test_every_lost_reason_has_a_translatable_label(code: cs.LostReason) -> None:
    from resources import TRANSLATIONS
    from resources.ts_tool import read_ts

    label = cs.lost_reason_label(code)
    table = read_ts(TRANSLATIONS / "zh_CN" / "db.ts")
    assert table.get(("Reason", label.template))


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
        # add-ons already in the session (saved or read in the same unit of work)
        with database.unit_of_work() as uow:
            c = cs.save_plan(uow, owner, v.id, PLAN)
            assert cs.get_plan(uow, owner, c.id).add_ons
            cs.delete_plan(uow, owner, c.id)
            uow.commit()
    with database.unit_of_work() as uow:
        assert uow.session.scalar(select(func.count()).select_from(PlanAddOn)) == 1
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


def test_plan_snapshot_and_prints_are_stored(database: Database, owner: Actor) -> None:
    """The offer kept with the plan and each print of it, on every engine."""
    from db.services import documents
    from reports.pdf.saved import load_document_data, record_document_export
    from reports.pdf.snapshot import from_json, save_plan

    v = ready_for_plan(database, owner)
    moment = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    plan = save_plan(database, owner, v.id, PLAN, now=moment)
    [stored] = documents.stored_plans(database, owner, v.id)
    kept = from_json(stored.snapshot)
    assert kept.taken_at == moment and kept.quote_date == moment.astimezone().date()
    assert kept.quote.plans[0].first_payment == plan.first_payment
    assert documents.print_count(database, owner, plan.id, "quote") == 0
    first = record_document_export(database, owner, v.id, "quote", how="print")
    again = record_document_export(database, owner, v.id, "quote", how="cli")
    other = record_document_export(database, owner, v.id, "plan", how="save")
    assert (first.reprint, again.reprint, other.reprint) == (False, True, False)
    assert documents.print_count(database, owner, plan.id, "quote") == 2
    assert [
        (p.document, p.how, p.printed_by) for p in documents.list_prints(database, owner, plan.id)
    ] == [
        ("quote", "print", owner.staff_id),
        ("quote", "cli", owner.staff_id),
        ("plan", "save", owner.staff_id),
    ]
    quote = load_document_data(database, owner, v.id, "quote", printed_on=date(2027, 1, 2))
    assert quote.reprinted_on == date(2027, 1, 2) and quote.issued_on == kept.quote_date

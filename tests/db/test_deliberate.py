"""Deliberate actions: dated stages, a manager's undo, the lender's decision, lost reasons."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from db import Database
from db.models.enums import AuditAction, FollowUpKind, FunnelStage, Role, Step, StepState
from db.services import audit, blacklist, followups
from db.services import consultations as cs
from db.services.base import Actor, PermissionDenied, ValidationError
from reports.model import ReportPeriod, build_report
from tests.db.conftest import make_actor
from tests.db.test_consultations import PLAN, ready_for_plan

ALL_TICKED = {code: True for code, _kind, _label in cs.SIGNING_ITEMS}


def chosen(database: Database, actor: Actor, **kw: object) -> cs.ConsultationView:
    v = ready_for_plan(database, actor, **kw)  # type: ignore[arg-type]
    plan = cs.save_plan(database, actor, v.id, PLAN)
    cs.choose_plan(database, actor, plan.id)
    return v


def signed(database: Database, actor: Actor, **kw: object) -> cs.ConsultationView:
    v = chosen(database, actor, **kw)
    cs.save_signing(database, actor, v.id, ALL_TICKED, sign=True)
    return cs.get_consultation(database, actor, v.id)


@pytest.fixture
def manager(database: Database, owner: Actor) -> Actor:
    return make_actor(database, owner, "manager", Role.MANAGER)


def test_stages_are_recorded_on_the_day_the_staff_confirm(database: Database, owner: Actor) -> None:
    v = chosen(database, owner)
    today = datetime.now(UTC).astimezone().date()
    yesterday = today - timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        cs.save_signing(
            database, owner, v.id, ALL_TICKED, sign=True, signed_on=today + timedelta(days=1)
        )
    assert info.value.reasons["signed_on"].code == "date.future"
    assert cs.get_consultation(database, owner, v.id).funnel[FunnelStage.SIGNED] is None
    with pytest.raises(ValidationError) as info:
        cs.save_signing(database, owner, v.id, ALL_TICKED, sign=True, signed_on=date(2001, 1, 1))
    assert info.value.reasons["signed_on"].code == "date.before_contact"
    # the consultation was opened today: yesterday is before the first contact too,
    # so the signing is recorded today and the disbursement too
    cs.save_signing(database, owner, v.id, ALL_TICKED, sign=True, signed_on=today)
    view = cs.mark_stage(database, owner, v.id, FunnelStage.DISBURSED, on=today)
    assert view.funnel[FunnelStage.SIGNED].astimezone().date() == today
    assert view.funnel[FunnelStage.DISBURSED].astimezone().date() == today
    with pytest.raises(ValidationError):
        cs.mark_stage(database, owner, v.id, FunnelStage.DELIVERED, on=yesterday)


def test_a_manager_undoes_the_latest_stage_with_a_reason(
    database: Database, owner: Actor, consultant: Actor, manager: Actor
) -> None:
    v = signed(database, consultant)
    cs.mark_stage(database, consultant, v.id, FunnelStage.DISBURSED)
    assert any(
        f.kind is FollowUpKind.POST_DISBURSEMENT
        for f in followups.list_due(database, consultant, days_ahead=30)
    )
    with pytest.raises(PermissionDenied):
        cs.undo_stage(database, consultant, v.id, FunnelStage.DISBURSED, "typed by mistake")
    with pytest.raises(ValidationError) as info:
        cs.undo_stage(database, manager, v.id, FunnelStage.SIGNED, "wrong customer")
    assert info.value.reasons["stage"].code == "stage.undo_later_first"
    with pytest.raises(ValidationError) as info:
        cs.undo_stage(database, manager, v.id, FunnelStage.DISBURSED, "oops")
    assert info.value.reasons["why"].code == "stage.undo_reason"

    view = cs.undo_stage(database, manager, v.id, FunnelStage.DISBURSED, "Bank had not paid")
    assert view.funnel[FunnelStage.DISBURSED] is None
    assert not any(
        f.kind is FollowUpKind.POST_DISBURSEMENT
        for f in followups.list_due(database, consultant, days_ahead=30)
    )
    view = cs.undo_stage(database, manager, v.id, FunnelStage.SIGNED, "Customer did not sign")
    assert view.funnel[FunnelStage.SIGNED] is None
    assert view.steps[Step.SIGNING] is StepState.IN_PROGRESS
    rows = [e for e in audit.list_entries(database, owner) if e.action is AuditAction.STAGE_UNDONE]
    assert [(r.fields, r.detail["why"], r.username) for r in rows] == [
        ("signed", "Customer did not sign", "manager"),
        ("disbursed", "Bank had not paid", "manager"),
    ] or [(r.fields, r.detail["why"], r.username) for r in reversed(rows)] == [
        ("signed", "Customer did not sign", "manager"),
        ("disbursed", "Bank had not paid", "manager"),
    ]
    with pytest.raises(ValidationError) as info:
        cs.undo_stage(database, manager, v.id, FunnelStage.SIGNED, "again, twice")
    assert info.value.reasons["stage"].code == "stage.not_recorded"


def test_the_lenders_decision_and_the_approval_rate(
    database: Database, owner: Actor, consultant: Actor
) -> None:
    approved = chosen(database, consultant, phone="13900000001", seq=201)
    declined = chosen(database, consultant, phone="13900000002", seq=202)
    withdrawn = chosen(database, consultant, phone="13900000003", seq=203)
    with pytest.raises(ValidationError) as info:
        cs.record_lender_decision(database, consultant, declined.id, "declined")
    assert info.value.reasons["reason_code"].code == "decision.reason_required"
    view = cs.record_lender_decision(
        database,
        consultant,
        approved.id,
        "approved",
        approved_amount="95000",
        approved_rate="6.5",
    )
    d = view.lender_decision
    assert d is not None and d.outcome is cs.DecisionOutcome.APPROVED
    assert d.approved_amount == 95000 and d.approved_rate == Decimal("6.5")
    assert d.by == "consultant" and view.funnel[FunnelStage.APPROVED] is not None
    view = cs.record_lender_decision(
        database,
        consultant,
        declined.id,
        "declined",
        reason_code="income",
        note="DTI above the bank's 45%",
    )
    assert view.lender_decision.reason_code is cs.DeclineReason.INCOME
    assert view.funnel[FunnelStage.APPROVED] is None
    cs.record_lender_decision(database, consultant, withdrawn.id, "withdrawn")

    today = datetime.now(UTC).astimezone().date()
    report = build_report(database, ReportPeriod(today, today, UTC), store_id=owner.store_id)
    line = report.kpis.total.line("approval_rate")
    assert line.actual == 50  # 1 approved / (1 approved + 1 declined); a withdrawal is no decline


def test_a_decision_needs_a_chosen_plan_and_comes_before_signing(
    database: Database, owner: Actor
) -> None:
    v = ready_for_plan(database, owner)
    with pytest.raises(ValidationError) as info:
        cs.record_lender_decision(database, owner, v.id, "approved")
    assert info.value.reasons["outcome"].code == "decision.needs_plan"
    s = signed(database, owner, phone="13900000009", seq=209)
    with pytest.raises(ValidationError) as info:
        cs.record_lender_decision(database, owner, s.id, "approved")
    assert info.value.reasons["outcome"].code == "decision.after_signing"


def test_refused_for_suspected_fraud_puts_the_customer_on_the_blacklist(
    database: Database, owner: Actor, consultant: Actor, manager: Actor
) -> None:
    v = ready_for_plan(database, consultant)
    with pytest.raises(PermissionDenied):
        cs.mark_lost(
            database, consultant, v.id, "refused_fraud", "fake payslips", add_to_blacklist=True
        )
    assert cs.get_consultation(database, consultant, v.id).status.value == "open"
    view = cs.mark_lost(
        database, manager, v.id, "refused_fraud", "fake payslips", add_to_blacklist=True
    )
    assert view.status.value == "lost" and view.lost_reason_code == "refused_fraud"
    assert view.blacklist_hit
    entries = blacklist.list_entries(database, manager)
    assert len(entries) == 1 and entries[0].phone_masked == "139****5678"
    other = ready_for_plan(database, consultant, phone="13700000001", seq=301)
    refused = cs.mark_lost(database, consultant, other.id, "refused_eligibility")
    assert refused.lost_reason_code == "refused_eligibility"
    assert len(blacklist.list_entries(database, manager)) == 1

"""Translated labels for the stored codes the shell shows (steps, states, tiers...).

Functions, not constants: they must run after the translators are installed
(and again after a language switch).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.models.enums import ConsultationStatus, FollowUpKind, Role, Step, StepState, Tier


def step_label(step: Step | str) -> str:
    return {
        Step.RECEPTION: QCoreApplication.translate("Labels", "Reception"),
        Step.QUALIFICATION: QCoreApplication.translate("Labels", "Qualification"),
        Step.APPRAISAL: QCoreApplication.translate("Labels", "Vehicle appraisal"),
        Step.PLAN: QCoreApplication.translate("Labels", "Finance plan"),
        Step.SIGNING: QCoreApplication.translate("Labels", "Signing checklist"),
    }.get(Step(step), str(step))


def state_label(state: StepState | str) -> str:
    return {
        StepState.NOT_STARTED: QCoreApplication.translate("Labels", "Not started"),
        StepState.IN_PROGRESS: QCoreApplication.translate("Labels", "In progress"),
        StepState.COMPLETE: QCoreApplication.translate("Labels", "Complete"),
        StepState.BLOCKED: QCoreApplication.translate("Labels", "Blocked"),
    }.get(StepState(state), str(state))


def role_label(role: Role | str) -> str:
    return {
        Role.CONSULTANT: QCoreApplication.translate("Labels", "Sales consultant"),
        Role.FINANCE: QCoreApplication.translate("Labels", "Finance specialist"),
        Role.MANAGER: QCoreApplication.translate("Labels", "Store manager"),
        Role.OWNER: QCoreApplication.translate("Labels", "Owner"),
    }.get(Role(role), str(role))


def tier_label(tier: Tier | str) -> str:
    return {
        Tier.VIP: QCoreApplication.translate("Labels", "VIP"),
        Tier.REGULAR: QCoreApplication.translate("Labels", "Regular"),
        Tier.POTENTIAL: QCoreApplication.translate("Labels", "Potential"),
    }.get(Tier(tier), str(tier))


def follow_up_label(kind: FollowUpKind | str) -> str:
    return {
        FollowUpKind.HIGH_INTENT: QCoreApplication.translate(
            "Labels", "Call back a high-intent lead (48 h)"
        ),
        FollowUpKind.DELIVERY: QCoreApplication.translate("Labels", "Delivery follow-up call"),
        FollowUpKind.POST_DISBURSEMENT: QCoreApplication.translate(
            "Labels", "First visit after disbursement"
        ),
        FollowUpKind.MANUAL: QCoreApplication.translate("Labels", "Follow-up"),
    }.get(FollowUpKind(kind), str(kind))


def stage_label(status: ConsultationStatus | str, steps: dict[Step, StepState] | None) -> str:
    """Where a consultation stands, in one phrase: the step it is at, or how it ended."""
    status = ConsultationStatus(status)
    if status is ConsultationStatus.LOST:
        return QCoreApplication.translate("Labels", "Lost")
    if status is ConsultationStatus.DELIVERED:
        return QCoreApplication.translate("Labels", "Delivered")
    steps = steps or {}
    if steps and all(steps.get(s) is StepState.COMPLETE for s in Step):
        return QCoreApplication.translate("Labels", "Signed")
    for s in Step:
        state = StepState(steps.get(s, StepState.NOT_STARTED))
        if state is StepState.BLOCKED:
            return QCoreApplication.translate("Labels", "Blocked at: {step}").format(
                step=step_label(s)
            )
        if state is not StepState.COMPLETE:
            return step_label(s)
    return step_label(Step.RECEPTION)


def vocabulary(table: str, code: str | None) -> str:
    """A code's label from the one label table (:mod:`lending.labels`), as paper words it."""
    from lending import labels

    text = labels.english(table, code)
    return QCoreApplication.translate(labels.TR_CONTEXT, text) if text else (code or "")


def method_label(method: str) -> str:
    return vocabulary("method", method)

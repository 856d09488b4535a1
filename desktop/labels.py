"""Translated labels for the stored codes the shell shows (steps, states, tiers...).

Functions, not constants: they must run after the translators are installed
(and again after a language switch).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.models.enums import (
    BlacklistReason,
    BlacklistSource,
    ConsultationStatus,
    FollowUpKind,
    Role,
    Step,
    StepState,
    Tier,
)
from lending.reasons import Reason


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
        # the interval is a store setting (follow_up_high_intent_hours): not in the label
        FollowUpKind.HIGH_INTENT: QCoreApplication.translate(
            "Labels", "Call back a high-intent lead"
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


def blacklist_source_label(source: BlacklistSource | str) -> str:
    """Which list an entry is on: "Internal blacklist" / "Industry blacklist"."""
    try:
        source = BlacklistSource(source)
    except ValueError:
        return QCoreApplication.translate("Labels", "Blacklist")
    return {
        BlacklistSource.INTERNAL: QCoreApplication.translate("Labels", "Internal blacklist"),
        BlacklistSource.INDUSTRY: QCoreApplication.translate("Labels", "Industry blacklist"),
    }[source]


def blacklist_source_word(source: BlacklistSource | str) -> str:
    """The list as in "the {source} blacklist": "internal" / "industry"."""
    return {
        BlacklistSource.INTERNAL.value: QCoreApplication.translate("Labels", "internal"),
        BlacklistSource.INDUSTRY.value: QCoreApplication.translate("Labels", "industry"),
    }.get(str(source), "")


def blacklist_reason_label(reason: BlacklistReason | str) -> str:
    """Why an entry is on the list, never the stored code."""
    try:
        reason = BlacklistReason(reason)
    except ValueError:
        reason = BlacklistReason.OTHER
    return {
        BlacklistReason.FRAUD: QCoreApplication.translate("Labels", "Fraud"),
        BlacklistReason.SERIOUS_DEFAULT: QCoreApplication.translate("Labels", "Serious default"),
        BlacklistReason.FAKE_DOCUMENTS: QCoreApplication.translate("Labels", "Fake documents"),
        BlacklistReason.INDUSTRY_LIST: QCoreApplication.translate("Labels", "Industry list"),
        BlacklistReason.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[reason]


def in_sentence(label: str) -> str:
    """A label inside a sentence: "Fraud" -> "fraud" (Chinese is left as it is)."""
    if label[:1].isascii() and label[1:2].islower():
        return label[:1].lower() + label[1:]
    return label


_BLACKLIST_REASONS = ("blacklist.hit", "blacklist.hit_other_store")


def readable(reason: Reason) -> Reason:
    """``reason`` with the stored codes among its parameters turned into labels
    (the blacklist's source and reason), so no code is ever shown raw."""
    if reason.code not in _BLACKLIST_REASONS:
        return reason
    params = dict(reason.params)
    if "source" in params:
        params["source"] = blacklist_source_word(params["source"]) or params["source"]
    if "reason" in params:
        params["reason"] = in_sentence(blacklist_reason_label(params["reason"]))
    return Reason(reason.code, reason.template, tuple(params.items()))


def vocabulary(table: str, code: str | None) -> str:
    """A code's label from the one label table (:mod:`lending.labels`), as paper words it."""
    from lending import labels

    text = labels.english(table, code)
    return QCoreApplication.translate(labels.TR_CONTEXT, text) if text else (code or "")


def method_label(method: str) -> str:
    return vocabulary("method", method)

"""Consultations: open/resume, the five steps, the funnel.

Each ``save_*`` validates the whole step first (through ``lending``) and
raises :class:`ValidationError` with ``{field: reason}`` before anything is
written.  Step states: ``not_started`` → ``in_progress`` → ``complete``, or
``blocked`` (the step was saved but its outcome stops the flow, e.g. a
failed hard requirement, an excluded vehicle, a blacklist hit).

Every save accepts ``expected_version`` (the ``version_id`` the form was
loaded with); a mismatch raises :class:`ConcurrentEditError`.

A package by flow step, as ``desktop/pages``: :mod:`.views` (what the
services return), :mod:`.common` (loading, step states, versions),
:mod:`.reception` (open, resume, list; step 1), :mod:`.qualification`,
:mod:`.appraisal`, :mod:`.plan`, :mod:`.signing` and :mod:`.lifecycle`
(after signing, lost).  Everything public is imported here, so callers use
``from db.services import consultations as cs`` and ``cs.save_plan(...)``.
"""

from __future__ import annotations

from db.services.consultations.appraisal import (
    decide_override,
    get_appraisal,
    list_pending_overrides,
    save_appraisal,
)
from db.services.consultations.common import (
    refresh_duplicate_warnings,
)
from db.services.consultations.lifecycle import (
    LostReason,
    approve_exception,
    consultant_name,
    lost_reason_label,
    mark_lost,
    mark_stage,
    raw_row,
    record_lender_decision,
    reopen,
    undo_stage,
)
from db.services.consultations.offers import (
    DealRequest,
    PlanEvaluation,
    evaluate_plan,
    evaluate_products,
)
from db.services.consultations.plan import (
    choose_plan,
    delete_plan,
    get_plan,
    list_plans,
    plan_deal,
    plan_schedule,
    save_plan,
)
from db.services.consultations.qualification import (
    get_qualification,
    save_qualification,
)
from db.services.consultations.reception import (
    get_consultation,
    list_consultations,
    open_consultation,
    save_reception,
)
from db.services.consultations.signing import (
    get_signing,
    save_signing,
)
from db.services.consultations.views import (
    RATE_PLACES,
    SIGNING_CODES,
    SIGNING_ITEMS,
    AddOnInput,
    AddOnView,
    AppraisalView,
    ConsultationSummary,
    ConsultationView,
    DecisionOutcome,
    DeclineReason,
    ExceptionApproval,
    LenderDecision,
    OverrideStatus,
    PendingOverride,
    PlanForm,
    PlanView,
    Q,
    QualificationForm,
    QualificationView,
    SigningItemView,
    SigningView,
    VehicleForm,
    decline_reason_label,
)

__all__ = [
    "RATE_PLACES",
    "SIGNING_CODES",
    "SIGNING_ITEMS",
    "AddOnInput",
    "AddOnView",
    "AppraisalView",
    "ConsultationSummary",
    "ConsultationView",
    "DealRequest",
    "DecisionOutcome",
    "DeclineReason",
    "ExceptionApproval",
    "LenderDecision",
    "LostReason",
    "OverrideStatus",
    "PendingOverride",
    "PlanEvaluation",
    "PlanForm",
    "PlanView",
    "Q",
    "QualificationForm",
    "QualificationView",
    "SigningItemView",
    "SigningView",
    "VehicleForm",
    "approve_exception",
    "choose_plan",
    "consultant_name",
    "decide_override",
    "decline_reason_label",
    "delete_plan",
    "evaluate_plan",
    "evaluate_products",
    "get_appraisal",
    "get_consultation",
    "get_plan",
    "get_qualification",
    "get_signing",
    "list_consultations",
    "list_pending_overrides",
    "list_plans",
    "lost_reason_label",
    "mark_lost",
    "mark_stage",
    "open_consultation",
    "plan_deal",
    "plan_schedule",
    "raw_row",
    "record_lender_decision",
    "refresh_duplicate_warnings",
    "reopen",
    "save_appraisal",
    "save_plan",
    "save_qualification",
    "save_reception",
    "save_signing",
    "undo_stage",
]

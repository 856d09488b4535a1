"""The five consultation steps, one page each, in flow order.

Every page is a :class:`~desktop.pages.base.StepPage`: ``page = cls(ctx)``,
``page.load(consultation_id)``, ``page.save() -> bool``; signals
``state_changed(str)``, ``dirty_changed(bool)`` and
``consultation_changed(ConsultationView)``.
"""

from __future__ import annotations

from desktop.pages.appraisal import AppraisalPage
from desktop.pages.base import StepPage
from desktop.pages.plan import PlanPage
from desktop.pages.qualification import QualificationPage
from desktop.pages.reception import ReceptionPage
from desktop.pages.signing import SigningPage

PAGES: list[type[StepPage]] = [
    ReceptionPage,
    QualificationPage,
    AppraisalPage,
    PlanPage,
    SigningPage,
]

__all__ = [
    "PAGES",
    "AppraisalPage",
    "PlanPage",
    "QualificationPage",
    "ReceptionPage",
    "SigningPage",
    "StepPage",
]

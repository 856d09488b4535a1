"""The demo generator: the life of each consultation, from the first visit to delivery or loss.

:class:`DemoGenerator` decides how far each consultation gets (the drop-off
of DOMAIN.md: contact -> needs confirmed -> qualified -> plan offered ->
approved -> signed -> disbursed -> delivered, lost consultations with a
reason from the rejection mix), when each stage happened, and what the
lender answered; the rows of each step come from :class:`db.demo.steps.StepRows`.
Consultations too recent to have finished stay open at the stage they reached.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from db.demo.clock import STORE_TZ
from db.demo.draws import choice, pick, randint, randrange
from db.demo.steps import StepRows
from db.demo.tables import TABLE_ORDER, Rows
from db.demo.vocabulary import (
    CHANNEL_NAMES,
    CHANNEL_WEIGHTS,
    CUSTOMER_LOST_CODES,
    DECLINE_REASONS,
    INTENTS,
    LOST_CATEGORY_LABELS,
    LOST_DETAILS,
    PURPOSES,
    REJECTION_MIX,
    SIGNING_ROWS,
    STEP_COLUMNS,
)
from db.models.enums import Channel, ConsultationStatus, FollowUpKind, Intent, StepState
from lending.money import money
from lending.qualification import Grade

STAGES = (
    "contact_at",
    "needs_confirmed_at",
    "qualified_at",
    "plan_offered_at",
    "approved_at",
    "signed_at",
    "disbursed_at",
    "delivered_at",
)
CONTACT, NEEDS, QUALIFIED, PLAN, APPROVED, SIGNED, DISBURSED, DELIVERED = range(8)


class DemoGenerator(StepRows):
    """Yields rows (per table, Python values) for ``n`` consultations, batch by batch."""

    # -- the plan of one consultation's life ------------------------------------
    def _outcome(self) -> tuple[int, str | None]:
        """(furthest stage aimed for, loss category or None for the delivered path)."""
        rng = self.rng
        if rng.random() < 0.30:
            return DELIVERED, None
        if rng.random() < 0.45:
            stage = pick(rng, (CONTACT, NEEDS, QUALIFIED, PLAN, APPROVED), (45, 22, 10, 15, 8))
            return stage, "customer"
        r = rng.random()
        acc = 0.0
        category = REJECTION_MIX[-1][0]
        for name, share in REJECTION_MIX:
            acc += share
            if r < acc:
                category = name
                break
        if category == "documents":
            return (NEEDS if rng.random() < 0.55 else PLAN), category
        if category == "credit":
            return (PLAN if rng.random() < 0.7 else QUALIFIED), category
        if category == "vehicle":
            return QUALIFIED, category
        return (QUALIFIED if rng.random() < 0.5 else PLAN), category

    def _stage_times(self, contact: datetime, target: int) -> list[datetime]:
        rng = self.rng
        times = [contact]
        gaps = {
            NEEDS: (0.2, 48),
            QUALIFIED: (2, 120),
            PLAN: (1, 72),
            SIGNED: (24, 168),
            DISBURSED: (24, 72),
            DELIVERED: (24, 120),
        }
        for stage in range(1, target + 1):
            if stage == APPROVED:
                days = choice(rng, (0, 1, 1, 2, 3, 5, 7, 10))
                t = self._after(times[-1], 2 + 24 * days, 8 + 24 * days)
            else:
                t = self._after(times[-1], *gaps[stage])
            times.append(t)
        return times

    # -- one consultation ------------------------------------------------------------
    def _consultation(self, out: Rows, contact: datetime) -> None:
        rng = self.rng
        store = self.store
        settings = store.settings
        consultant = choice(rng, store.consultant_ids)
        finance = choice(rng, store.finance_ids)
        channel = pick(rng, CHANNEL_NAMES, CHANNEL_WEIGHTS)
        target, category = self._outcome()
        cust = None
        if self.customers and rng.random() < 0.1:  # a returning customer (never a blacklisted one)
            n_known = len(self.customers)
            cust = self.customers[randrange(rng, max(0, n_known - 5_000), n_known)]
            if cust.id in self._blacklisted:
                cust = None
        if cust is None:
            cust = self._new_customer(out, contact, consultant, channel)
        cons_id = self.ids.next("consultations")

        times = self._stage_times(contact, target)
        reached = 0
        for i, t in enumerate(times):
            if t > self.now:
                break
            reached = i
        will_lose = category is not None and reached == target
        stamps: dict[str, datetime | None] = dict.fromkeys(STAGES)
        for i in range(reached + 1):
            stamps[STAGES[i]] = times[i]
        last = contact

        def cut(stage: int) -> int:
            for s in STAGES[stage + 1 :]:
                stamps[s] = None
            return stage

        intent = pick(rng, INTENTS, (55, 35, 10) if target >= APPROVED else (20, 45, 35))
        states = dict.fromkeys(STEP_COLUMNS, StepState.NOT_STARTED)
        states["reception_state"] = StepState.IN_PROGRESS

        # qualification: saved when it passed (qualified) or was blocked by documents
        grade: Grade | None = None
        monthly_debt = Decimal(0)
        if reached >= NEEDS:
            states["reception_state"] = StepState.COMPLETE
            docs_fail = category == "documents" and target == NEEDS and will_lose
            if reached >= QUALIFIED or docs_fail:
                at = times[QUALIFIED] if reached >= QUALIFIED else self._after(times[NEEDS], 1, 20)
                at = min(at, self.now)
                qual = self._qualification(
                    out,
                    cons_id,
                    cust,
                    at,
                    finance,
                    documents_fail=docs_fail,
                    credit_bad=category == "credit",
                )
                last = max(last, at)
                monthly_debt = out["qualifications"][-1]["monthly_debt_payments"]
                if qual.passed:
                    grade = qual.grade
                    states["qualification_state"] = StepState.COMPLETE
                else:
                    states["qualification_state"] = StepState.BLOCKED
                    reached = cut(NEEDS)
            elif rng.random() < 0.5:
                states["qualification_state"] = StepState.IN_PROGRESS

        # vehicle and appraisal (between qualification and the first plan)
        ap = None
        price = Decimal(0)
        if reached >= QUALIFIED and grade is not None:
            q_at = stamps["qualified_at"]
            p_at = stamps["plan_offered_at"]
            assert q_at is not None
            if p_at is not None:
                at = q_at + (p_at - q_at) * rng.uniform(0.2, 0.8)
            else:
                at = self._after(q_at, 0.5, 24)
            at = at.replace(microsecond=0)
            vehicle_reject = category == "vehicle" and will_lose
            if at <= self.now and (p_at is not None or vehicle_reject or rng.random() < 0.6):
                _vid, ap, price = self._vehicle(out, cons_id, at, finance, reject=vehicle_reject)
                last = max(last, at)
                states["appraisal_state"] = (
                    StepState.BLOCKED if vehicle_reject else StepState.COMPLETE
                )
            else:
                states["appraisal_state"] = StepState.IN_PROGRESS
            if ap is None or vehicle_reject:
                reached = cut(QUALIFIED)

        # plans: one to three eligible products; the first is chosen once approved
        # (or once the lender has answered the application otherwise, below)
        first_plan: dict[str, Any] | None = None
        if reached >= PLAN and ap is not None and grade is not None:
            products = self._eligible(grade, ap)
            if products:
                k = min(len(products), pick(rng, (1, 2, 3), (45, 40, 15)))
                plan_at = stamps["plan_offered_at"]
                assert plan_at is not None
                for i, product in enumerate(rng.sample(products, k)):
                    at = self._after(plan_at, 0, 2) if i else plan_at
                    pid = self._plan(
                        out,
                        cons_id,
                        product,
                        grade,
                        ap,
                        price,
                        (cust.income, monthly_debt),
                        at,
                        finance,
                        chosen=first_plan is None and reached >= APPROVED,
                    )
                    if pid is None:  # the product has no rate for these terms
                        continue
                    if first_plan is None:
                        first_plan = out["plans"][-1]
                    last = max(last, at)
            if first_plan is not None:
                states["plan_state"] = (
                    StepState.COMPLETE if reached >= APPROVED else StepState.IN_PROGRESS
                )
            else:
                reached = cut(QUALIFIED)

        # signing checklist: partly done while approved; once signed every item is
        # done, and those rows are written in SQL at the end (see fill_signed_checklists)
        if reached >= APPROVED and stamps["signed_at"] is not None:
            states["signing_state"] = StepState.COMPLETE
        elif reached >= APPROVED:
            approved_at = stamps["approved_at"]
            assert approved_at is not None
            n_done = randint(rng, 0, len(SIGNING_ROWS) - 1)
            rows = out["signing_items"]
            first_id = self.ids.ids["signing_items"]
            self.ids.ids["signing_items"] = first_id + len(SIGNING_ROWS)
            for j, (code, kind) in enumerate(SIGNING_ROWS):
                done_at = None
                if j < n_done:
                    done_at = min(self._after(approved_at, 1, 48), self.now)
                    last = max(last, done_at)
                rows.append(  # every column of signing_items
                    {
                        "id": first_id + j,
                        "store_id": store.store_id,
                        "consultation_id": cons_id,
                        "kind": kind,
                        "code": code,
                        "done": done_at is not None,
                        "done_at": done_at,
                        "done_by": finance if done_at is not None else None,
                        "note": None,
                    }
                )
            states["signing_state"] = StepState.IN_PROGRESS

        last = max([last, *(t for t in stamps.values() if t is not None)])
        lost_at = None
        if will_lose:
            lost_at = self._after(last, 6, 24 * 10)
            if lost_at > self.now:  # still being worked on
                lost_at = None

        # follow-ups created by the flow
        if intent is Intent.HIGH:
            due = contact + timedelta(hours=settings.follow_up_high_intent_hours)
            nxt = stamps["needs_confirmed_at"]
            self._follow_up(
                out,
                cons_id,
                cust.id,
                FollowUpKind.HIGH_INTENT,
                due,
                consultant,
                created=contact,
                done_before=nxt if nxt is not None and nxt < due else None,
            )
        disbursed_at = stamps["disbursed_at"]
        if disbursed_at is not None:
            due = disbursed_at + timedelta(days=settings.follow_up_after_disbursement_days)
            self._follow_up(
                out,
                cons_id,
                cust.id,
                FollowUpKind.POST_DISBURSEMENT,
                due,
                consultant,
                created=disbursed_at,
            )
        delivered_at = stamps["delivered_at"]
        if delivered_at is not None:
            due = delivered_at + timedelta(days=settings.follow_up_after_delivery_days)
            self._follow_up(
                out, cons_id, cust.id, FollowUpKind.DELIVERY, due, consultant, created=delivered_at
            )

        # outcome
        lost_reason = None
        lost_code = None
        blacklisted = False
        if lost_at is not None and category is not None:
            status = ConsultationStatus.LOST
            detail = choice(rng, LOST_DETAILS[category])
            lost_reason = f"{LOST_CATEGORY_LABELS[category]}: {detail}"
            if category == "documents" and rng.random() < 0.03:
                self._blacklist(out, cust, lost_at)
                blacklisted = True
        elif delivered_at is not None:
            status = ConsultationStatus.DELIVERED
            self._promote(out, cust)
        else:
            status = ConsultationStatus.OPEN
        decision = self._decision(
            stamps,
            first_plan,
            category if lost_reason is not None else None,
            lost_at,
            blacklisted,
            finance,
        )
        if lost_reason is not None:
            assert category is not None
            lost_code = self._lost_code(category, lost_reason, decision, blacklisted)
        referred = None
        if channel is Channel.REFERRAL and len(self.customers) > 1:
            referred = self.customers[randrange(rng, len(self.customers) - 1)].id
        budget = money(Decimal(randint(rng, 10, 60) * 5_000))
        out["consultations"].append(
            self._row(
                "consultations",
                id=cons_id,
                store_id=store.store_id,
                customer_id=cust.id,
                consultant_id=consultant,
                status=status.value,
                source_channel=channel.value,
                intent_level=intent.value,
                purpose=choice(rng, PURPOSES),
                budget=budget,
                wished_down_payment=money(budget * Decimal(randint(rng, 10, 40)) / 100),
                wished_monthly_payment=money(Decimal(int(cust.income / 4 / 100) * 100)),
                **{k: v.value for k, v in states.items()},
                **stamps,
                lost_at=lost_at,
                lost_reason=lost_reason,
                lost_reason_code=lost_code,
                lender_outcome=decision["outcome"] if decision else None,
                lender_decided_at=decision["at"] if decision else None,
                lender_decision=decision["json"] if decision else None,
                blacklist_hit=False,
                blocked_reasons=None,
                warnings=None,
                satisfaction=(
                    pick(rng, (100, 95, 90, 85, 80, 70), (25, 30, 25, 10, 7, 3))
                    if status is ConsultationStatus.DELIVERED
                    else None
                ),
                referred_by_customer_id=referred,
                created_at=contact,
                updated_at=max(last, lost_at) if lost_at else last,
                version_id=1,
            )
        )

    # -- the lender's answer and the loss category ----------------------------
    def _decision(
        self,
        stamps: Mapping[str, datetime | None],
        first_plan: dict[str, Any] | None,
        lost_category: str | None,
        lost_at: datetime | None,
        blacklisted: bool,
        finance: int,
    ) -> dict[str, Any] | None:
        """What the lender answered, as ``record_lender_decision`` stores it (or None).

        Approved: every consultation that reached "approved".  Declined: a loss
        for credit, income, documents or the vehicle after the application went
        to the lender (half of the losses after a plan was offered; the other half
        we refused before submitting).  Withdrawn: about half of the
        customers who walked away while the application was with the lender.
        A decided application has its first plan chosen (the one submitted).
        """
        approved_at = stamps["approved_at"]
        plan_at = stamps["plan_offered_at"]
        outcome, at, why = None, None, None
        if approved_at is not None:
            outcome, at = "approved", approved_at
        elif (
            lost_category is not None
            and lost_at is not None
            and plan_at is not None
            and first_plan is not None
            and not blacklisted
        ):
            if lost_category == "customer":
                if self.decisions.random() < 0.5:
                    outcome = "withdrawn"
            elif self.decisions.random() < 0.5:  # else we saw it first and did not submit
                outcome = "declined"
                why = DECLINE_REASONS[lost_category]
            if outcome is not None:
                span = (lost_at - plan_at).total_seconds()
                at = plan_at + timedelta(seconds=int(span * self.decisions.uniform(0.3, 0.9)))
        if outcome is None or at is None:
            return None
        if first_plan is not None:
            first_plan["chosen"] = True
        return {
            "outcome": outcome,
            "at": at,
            "json": {
                "outcome": outcome,
                "on": at.astimezone(STORE_TZ).date().isoformat(),
                "by": self.store.staff_names.get(finance, ""),
                "staff_id": finance,
                "approved_amount": None,
                "approved_rate": None,
                "reason_code": why,
                "note": None,
            },
        }

    def _lost_code(
        self, category: str, lost_reason: str, decision: dict[str, Any] | None, blacklisted: bool
    ) -> str:
        """The ``LostReason`` staff pick in the GUI for this loss."""
        if category != "customer":
            if blacklisted:
                return "refused_fraud"
            if decision is not None and decision["outcome"] == "declined":
                return "lender_rejected"
            return "refused_eligibility"  # we offered no plan: the customer does not qualify
        if decision is not None and decision["outcome"] == "withdrawn":
            return "not_interested"
        detail = lost_reason.split(": ", 1)[-1]
        return CUSTOMER_LOST_CODES.get(detail, "other")

    # -- one task -----------------------------------------------------------------
    def generate(self, contacts: Sequence[datetime], industry_entries: int = 0) -> Rows:
        """Rows (Python values, ids numbered from ``first_ids``) for these visits."""
        out: Rows = {name: [] for name in TABLE_ORDER}
        if industry_entries:
            self._industry_list(out, industry_entries)
        for contact in contacts:
            self._consultation(out, contact)
        return out

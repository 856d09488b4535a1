"""Consultations: open/resume, the five steps, the funnel.

Each ``save_*`` validates the whole step first (through ``lending``) and
raises :class:`ValidationError` with ``{field: reason}`` before anything is
written.  Step states: ``not_started`` → ``in_progress`` → ``complete``, or
``blocked`` (the step was saved but its outcome stops the flow, e.g. a
failed hard requirement, an excluded vehicle, a blacklist hit).

Every save accepts ``expected_version`` (the ``version_id`` the form was
loaded with); a mismatch raises :class:`ConcurrentEditError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import ROUND_CEILING, Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import func, or_, select

from db.crypto import income_band
from db.models import (
    Appraisal,
    Consultation,
    Customer,
    DocumentPrint,
    FollowUp,
    Plan,
    PlanAddOn,
    Qualification,
    SigningItem,
    Staff,
    Vehicle,
)
from db.models.enums import (
    AddOnKind,
    AuditAction,
    BlacklistReason,
    Channel,
    ConsultationStatus,
    FollowUpKind,
    FunnelStage,
    Intent,
    SigningItemKind,
    Step,
    StepState,
    Tier,
)
from db.services import audit, blacklist, catalogue, followups
from db.services import settings as settings_service
from db.services.base import (
    Actor,
    Permission,
    Target,
    ValidationError,
    check_version,
    get_owned,
    now_or,
    reading,
    reasons_from_json,
    reasons_to_json,
    require,
    transaction,
)
from db.services.deals import (
    DealForm,
    DealInput,
    checked_on_road,
    deal_from_json,
    deal_to_json,
    read_deal,
)
from db.services.forms import Form, IntIn, MoneyIn
from db.services.messages import MESSAGES, reason
from db.uow import UnitOfWork
from lending import appraisal as lending_appraisal
from lending import deal as lending_deal
from lending import eligibility as lending_eligibility
from lending import identity
from lending import qualification as lending_qualification
from lending.deal import Deal
from lending.money import money
from lending.products import Product
from lending.reasons import Reason
from lending.schedule import LoanTerms, RepaymentMethod, Schedule, build_schedule
from lending.settings import LendingSettings

Q = "qualifications"
RATE_PLACES = Decimal("0.000001")

# ---------------------------------------------------------------------------
# signing checklist (codes are stable; labels are English source strings)
# ---------------------------------------------------------------------------

SIGNING_ITEMS: tuple[tuple[str, SigningItemKind, str], ...] = (
    ("doc.id_card", SigningItemKind.DOCUMENT, "ID card"),
    ("doc.driving_licence", SigningItemKind.DOCUMENT, "Driving licence"),
    ("doc.income_proof", SigningItemKind.DOCUMENT, "Income proof"),
    ("doc.bank_statements", SigningItemKind.DOCUMENT, "Bank statements (6 months)"),
    ("doc.residence_proof", SigningItemKind.DOCUMENT, "Residence proof"),
    ("doc.work_proof", SigningItemKind.DOCUMENT, "Work proof"),
    ("doc.registration_certificate", SigningItemKind.DOCUMENT, "Vehicle registration certificate"),
    ("doc.insurance_policy", SigningItemKind.DOCUMENT, "Insurance policy"),
    ("clause.amount_term", SigningItemKind.CLAUSE, "Loan amount and term confirmed"),
    ("clause.repayment_duty", SigningItemKind.CLAUSE, "Repayment duty and dates confirmed"),
    ("clause.early_repayment", SigningItemKind.CLAUSE, "Early repayment terms confirmed"),
    ("clause.vehicle_mortgage", SigningItemKind.CLAUSE, "Vehicle mortgage confirmed"),
    ("clause.insurance", SigningItemKind.CLAUSE, "Insurance requirement confirmed"),
    (
        "check.dual_recording",
        SigningItemKind.CHECK,
        "Audio and video recording of the signing done",
    ),
    ("check.identity_verified", SigningItemKind.CHECK, "Identity verified"),
    ("check.anti_fraud", SigningItemKind.CHECK, "Anti-fraud screen passed"),
    ("check.contract_viewed", SigningItemKind.CHECK, "Customer viewed the full contract"),
    (
        "check.dealer_account",
        SigningItemKind.CHECK,
        "Loan proceeds go to the dealer's account only",
    ),
)
SIGNING_CODES = {code for code, _, _ in SIGNING_ITEMS}

_FUNNEL_COLUMNS: dict[FunnelStage, str] = {
    FunnelStage.CONTACT: "contact_at",
    FunnelStage.NEEDS_CONFIRMED: "needs_confirmed_at",
    FunnelStage.QUALIFIED: "qualified_at",
    FunnelStage.PLAN_OFFERED: "plan_offered_at",
    FunnelStage.APPROVED: "approved_at",
    FunnelStage.SIGNED: "signed_at",
    FunnelStage.DISBURSED: "disbursed_at",
    FunnelStage.DELIVERED: "delivered_at",
}


# ---------------------------------------------------------------------------
# views
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ExceptionApproval:
    code: str
    """What was approved: a warning's reason code, or a free code such as ``"rate"``."""
    staff_id: int
    username: str
    at: datetime
    note: str


class DecisionOutcome(StrEnum):
    """The lender's answer: approval rate = approved / (approved + declined)."""

    APPROVED = "approved"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    """The customer withdrew the application (not a decline)."""


class DeclineReason(StrEnum):
    CREDIT = "credit"
    INCOME = "income"
    DOCUMENTS = "documents"
    VEHICLE = "vehicle"
    POLICY = "policy"
    OTHER = "other"


def decline_reason_label(code: DeclineReason | str) -> Reason:
    return reason(f"decision.declined_{DeclineReason(code).value}")


@dataclass(frozen=True)
class LenderDecision:
    outcome: DecisionOutcome
    on: date
    by: str
    """Who recorded it (display name or user name)."""
    approved_amount: Decimal | None = None
    """When the lender approved a different amount than applied for."""
    approved_rate: Decimal | None = None
    """When the lender approved a different annual rate (percent)."""
    reason_code: DeclineReason | None = None
    note: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> LenderDecision | None:
        if not data:
            return None
        return cls(
            outcome=DecisionOutcome(data["outcome"]),
            on=date.fromisoformat(data["on"]),
            by=data.get("by", ""),
            approved_amount=Decimal(data["approved_amount"])
            if data.get("approved_amount")
            else None,
            approved_rate=Decimal(data["approved_rate"]) if data.get("approved_rate") else None,
            reason_code=DeclineReason(data["reason_code"]) if data.get("reason_code") else None,
            note=data.get("note"),
        )


@dataclass(frozen=True)
class ConsultationView:
    id: int
    customer_id: int
    customer_name: str
    consultant_id: int | None
    status: ConsultationStatus
    steps: Mapping[Step, StepState]
    funnel: Mapping[FunnelStage, datetime | None]
    lost_at: datetime | None
    lost_reason: str | None
    """The category label and the staff's note (English label, as the report lists it)."""
    source_channel: Channel | None
    intent_level: Intent | None
    purpose: str | None
    budget: Decimal | None
    wished_down_payment: Decimal | None
    wished_monthly_payment: Decimal | None
    blacklist_hit: bool
    blocked: tuple[Reason, ...]
    """What stops the flow right now (blacklist, failed requirements, ...)."""
    warnings: tuple[Reason, ...]
    """Things staff should check (possible duplicate application, ...)."""
    approvals: tuple[ExceptionApproval, ...]
    """Exceptions a manager or the owner approved."""
    created_at: datetime
    updated_at: datetime
    version_id: int
    lost_reason_code: str | None = None
    """A :class:`LostReason` value when the consultation was lost."""
    lender_decision: LenderDecision | None = None
    """What the lender answered to the application (None: not decided yet)."""

    @property
    def lost_note(self) -> str:
        """The staff's own words on why it was lost (without the category label)."""
        text = self.lost_reason or ""
        if self.lost_reason_code:
            label = MESSAGES.get(f"lost.{self.lost_reason_code}", "")
            if text == label:
                return ""
            if label and text.startswith(label + ": "):
                return text[len(label) + 2 :]
        return text

    @property
    def next_step(self) -> Step | None:
        """The first step that is not complete (None when all are)."""
        return next((s for s in Step if self.steps[s] is not StepState.COMPLETE), None)


@dataclass(frozen=True)
class ConsultationSummary:
    id: int
    customer_id: int
    customer_name: str
    status: ConsultationStatus
    steps: Mapping[Step, StepState]
    contact_at: datetime | None
    updated_at: datetime
    consultant_id: int | None


@dataclass(frozen=True)
class QualificationForm:
    """Step 2 input.  Money may be given as text; ``id_valid=None`` derives it from the ID.

    ``monthly_income=None`` / ``statement_average_income=None`` keep the stored
    values (a role that sees them masked can still update the other facts);
    the monthly income is required only when none is stored yet.
    """

    monthly_income: MoneyIn = None
    statement_average_income: MoneyIn = None
    income_proof_months: IntIn = 0
    residence_proof: bool = False
    work_proof: bool = False
    id_valid: bool | None = None
    overdue_count_24m: IntIn = 0
    worst_overdue_days: IntIn = 0
    current_debt: MoneyIn = "0"
    monthly_debt_payments: MoneyIn = "0"
    card_utilisation_percent: MoneyIn = "0"
    recent_applications_3m: IntIn = 0
    history_years: MoneyIn = None
    credit_kinds: IntIn = None
    declared_age: IntIn = None


@dataclass(frozen=True)
class QualificationView:
    consultation_id: int
    monthly_income: str
    """Shown as its band (``'10,000–15,000'``, :func:`db.crypto.income_band`) unless
    loaded with ``unmasked=True``."""
    masked: bool
    income_proof_months: int
    residence_proof: bool
    work_proof: bool
    id_valid: bool
    overdue_count_24m: int
    worst_overdue_days: int
    current_debt: Decimal
    monthly_debt_payments: Decimal
    card_utilisation_percent: Decimal
    recent_applications_3m: int
    history_years: Decimal | None
    credit_kinds: int | None
    declared_age: int | None
    grade: lending_qualification.Grade | None
    score: int | None
    passed: bool
    hard_failures: tuple[Reason, ...]
    reasons: tuple[Reason, ...]
    warnings: tuple[Reason, ...]
    recommendations: tuple[Reason, ...]
    assessed_at: datetime | None
    consultation_version: int
    """The consultation's ``version_id`` now: pass it as the next ``expected_version``."""
    statement_average_income: str = ""
    """Masked like ``monthly_income``; empty when none is stored."""


@dataclass(frozen=True)
class VehicleForm:
    """Step 3 input.  ``maintenance_records``: (date, km) pairs."""

    brand: str = ""
    model: str = ""
    first_registration: date | str | None = None
    vin: str = ""
    mileage_km: IntIn = None
    colour: str | None = None
    registration_matches: bool | None = None
    condition: str | None = None
    accident: bool = False
    flood: bool = False
    fire: bool = False
    market_price: MoneyIn = None
    price: MoneyIn = None
    """The selling price (the plan's vehicle price)."""
    maintenance_records: Sequence[tuple[date, int]] = ()
    override_value: MoneyIn = None
    override_reason: str = ""
    reference: str = lending_appraisal.ReferenceKind.USED_MARKET.value
    """What ``market_price`` is: ``used-market`` or ``new-guide``."""
    override_reason_code: str | None = None
    """Why, from ``lending.appraisal.OverrideReason``; required with an override."""


class OverrideStatus(StrEnum):
    """A manager's decision on an override beyond the settings' limit."""

    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"


@dataclass(frozen=True)
class AppraisalView:
    consultation_id: int
    vehicle_id: int
    brand: str
    model: str
    first_registration: date | None
    vin: str | None
    mileage_km: int | None
    colour: str | None
    registration_matches: bool | None
    condition: str | None
    accident: bool
    flood: bool
    fire: bool
    market_price: Decimal | None
    price: Decimal | None
    maintenance_records: tuple[tuple[date, int], ...]
    computed_value: Decimal | None
    override_value: Decimal | None
    override_reason: str | None
    value: Decimal | None
    """The final value (override if given, else computed)."""
    acceptable: bool
    reasons: tuple[Reason, ...]
    """Exclusions, odometer flags, limits."""
    appraised_at: datetime | None
    consultation_version: int
    reference: str = lending_appraisal.ReferenceKind.USED_MARKET.value
    override_reason_code: str | None = None
    override_status: OverrideStatus | None = None
    """Set when the override needs a manager: pending until one approves or refuses it."""
    override_percent: Decimal | None = None
    """(override - computed) / computed in percent."""
    override_decided_by: str = ""
    """The deciding manager's display name."""
    override_decided_at: datetime | None = None
    override_decision_note: str | None = None

    @property
    def override_pending(self) -> bool:
        return self.override_status is OverrideStatus.PENDING


@dataclass(frozen=True)
class PendingOverride:
    """One line of the managers' queue: an override awaiting approval."""

    consultation_id: int
    customer_name: str
    vehicle: str
    """Brand and model."""
    computed_value: Decimal
    override_value: Decimal
    override_percent: Decimal
    reason_code: str | None
    reason: str
    appraiser: str
    appraised_at: datetime | None
    consultation_version: int


@dataclass(frozen=True)
class AddOnInput:
    kind: AddOnKind | str
    name: str
    price: MoneyIn
    required: bool = False


@dataclass(frozen=True)
class PlanForm:
    product_code: str
    method: str
    term_months: IntIn
    down_payment: MoneyIn
    vehicle_price: MoneyIn = None
    """Defaults to the appraisal step's selling price."""
    start_date: date | str | None = None
    bundle: str | None = None
    add_ons: Sequence[AddOnInput] = ()
    balloon_percent: MoneyIn = None
    """Balloon method: the final lump in percent of the loan."""
    deal: DealForm | None = None
    """On-road lines, trade-in, target payment (None: the store's defaults, nothing else)."""


@dataclass(frozen=True)
class AddOnView:
    kind: AddOnKind
    name: str
    price: Decimal
    required: bool


@dataclass(frozen=True)
class PlanView:
    id: int
    consultation_id: int
    product_code: str
    product_name: str
    lender_name: str
    method: RepaymentMethod
    vehicle_price: Decimal | None
    down_payment: Decimal | None
    amount: Decimal
    term_months: int
    annual_rate: Decimal
    upfront_fee: Decimal
    monthly_fee_rate: Decimal
    step_percent: Decimal | None
    step_months: int | None
    start_date: date | None
    bundle: str | None
    first_payment: Decimal | None
    max_payment: Decimal | None
    total_interest: Decimal | None
    total_fees: Decimal | None
    total_add_ons: Decimal | None
    total_repayment: Decimal | None
    apr: Decimal | None
    effective_annual_rate: Decimal | None
    warnings: tuple[Reason, ...]
    add_ons: tuple[AddOnView, ...]
    chosen: bool
    created_at: datetime
    consultation_version: int
    product_name_zh: str = ""
    """The product's Chinese name (empty when the catalogue has none)."""
    balloon: Decimal | None = None
    """Balloon method: the lump paid with the last payment."""
    deal: DealInput | None = None
    """The whole deal the plan was priced with (None: saved before deals were kept)."""

    def display_name(self, chinese: bool) -> str:
        """The product's name in the interface language."""
        return self.product_name_zh if chinese and self.product_name_zh else self.product_name


@dataclass(frozen=True)
class SigningItemView:
    code: str
    kind: SigningItemKind
    label: str
    done: bool
    done_at: datetime | None
    done_by: int | None
    note: str | None


@dataclass(frozen=True)
class SigningView:
    consultation_id: int
    items: tuple[SigningItemView, ...]
    complete: bool
    consultation_version: int
    blocked: tuple[Reason, ...] = field(default=())


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def _load(uow: UnitOfWork, actor: Actor, consultation_id: int) -> Consultation:
    return get_owned(uow, Consultation, consultation_id, actor, "Consultation")


def _settings(uow: UnitOfWork, actor: Actor) -> LendingSettings:
    return settings_service.load_settings(uow, actor.store_id)


def _step_state(c: Consultation, step: Step) -> StepState:
    return StepState(getattr(c, f"{step.value}_state"))


def _set_step(c: Consultation, step: Step, state: StepState) -> None:
    setattr(c, f"{step.value}_state", state.value)


def _stamp(c: Consultation, stage: FunnelStage, moment: datetime) -> None:
    col = _FUNNEL_COLUMNS[stage]
    if getattr(c, col) is None:
        setattr(c, col, moment)


def _customer_plain_id(uow: UnitOfWork, customer: Customer) -> str | None:
    return uow.cipher.decrypt_optional("customers", "id_number", customer.id_number_enc)


def _blocked(uow: UnitOfWork, c: Consultation) -> tuple[Reason, ...]:
    return reasons_from_json(c.blocked_reasons)


def _view(uow: UnitOfWork, c: Consultation) -> ConsultationView:
    customer = uow.session.get(Customer, c.customer_id)
    assert customer is not None
    return ConsultationView(
        id=c.id,
        customer_id=c.customer_id,
        customer_name=customer.name,
        consultant_id=c.consultant_id,
        status=ConsultationStatus(c.status),
        steps={s: _step_state(c, s) for s in Step},
        funnel={st: getattr(c, col) for st, col in _FUNNEL_COLUMNS.items()},
        lost_at=c.lost_at,
        lost_reason=c.lost_reason,
        lost_reason_code=c.lost_reason_code,
        source_channel=Channel(c.source_channel) if c.source_channel else None,
        intent_level=Intent(c.intent_level) if c.intent_level else None,
        purpose=c.purpose,
        budget=c.budget,
        wished_down_payment=c.wished_down_payment,
        wished_monthly_payment=c.wished_monthly_payment,
        blacklist_hit=c.blacklist_hit,
        blocked=_blocked(uow, c),
        warnings=reasons_from_json(c.warnings),
        approvals=tuple(
            ExceptionApproval(
                code=a["code"],
                staff_id=int(a["staff_id"]),
                username=a["username"],
                at=datetime.fromisoformat(a["at"]),
                note=a["note"],
            )
            for a in (c.approvals or [])
        ),
        created_at=c.created_at,
        updated_at=c.updated_at,
        version_id=c.version_id,
        lender_decision=LenderDecision.from_json(c.lender_decision),
    )


def _refresh_blocks(uow: UnitOfWork, actor: Actor, c: Consultation) -> None:
    """Recompute the blacklist hit and what blocks the flow."""
    customer = uow.session.get(Customer, c.customer_id)
    assert customer is not None
    # group-wide: another store's entry blocks too (its store and date only, see blacklist)
    hits = blacklist.hits_for_hashes(uow, actor.store_id, customer.id_hmac, customer.phone_hmac)
    blocked: list[Reason] = blacklist.hit_reasons(hits)
    c.blacklist_hit = bool(hits)
    q = uow.session.get(Qualification, c.id)
    if q is not None and q.passed is False:
        blocked.append(reason("qualification.failed"))
        blocked.extend(reasons_from_json(q.hard_failures))
    v = uow.session.scalar(select(Vehicle).where(Vehicle.consultation_id == c.id))
    if v is not None:
        a = uow.session.get(Appraisal, v.id)
        if a is not None and a.acceptable is False:
            blocked.extend(r for r in reasons_from_json(a.reasons) if r.code.startswith("excluded"))
        if a is not None and a.override_status == OverrideStatus.PENDING.value:
            blocked.append(_pending_reason(a))
    c.blocked_reasons = reasons_to_json(blocked) or None
    if c.blacklist_hit:
        _set_step(c, Step.PLAN, StepState.BLOCKED)
    elif _step_state(c, Step.PLAN) is StepState.BLOCKED:
        has_chosen = uow.session.scalar(
            select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        )
        has_any = uow.session.scalar(select(Plan.id).where(Plan.consultation_id == c.id))
        _set_step(
            c,
            Step.PLAN,
            StepState.COMPLETE
            if has_chosen
            else StepState.IN_PROGRESS
            if has_any
            else StepState.NOT_STARTED,
        )


def _duplicate_warnings(
    uow: UnitOfWork,
    actor: Actor,
    c: Consultation,
    customer: Customer,
    s: LendingSettings,
    moment: datetime,
) -> list[Reason]:
    """Other applications with the same ID number / mobile in the window, in every
    store of the group.  One in the actor's store names its consultation number
    (``duplicate.*``); one in another store says only which store and when
    (``duplicate.*_other_store``), so nothing of that store's customer is shown."""
    window = s.duplicate_application_window_days
    since = moment - timedelta(days=window)
    found: list[Reason] = []
    store_ids = blacklist.group_store_ids(uow)
    for code, col, value in (
        ("duplicate.id_number", Customer.id_hmac, customer.id_hmac),
        ("duplicate.phone", Customer.phone_hmac, customer.phone_hmac),
    ):
        if not value:
            continue
        # store_id IN (all stores) keeps the (store_id, hmac) index usable
        same = select(Customer.id).where(Customer.store_id.in_(store_ids), col == value)
        latest = {
            int(sid): int(cid)
            for sid, cid in uow.session.execute(
                # max() over the customer_id index: never a scan of the stores' consultations
                select(Consultation.store_id, func.max(Consultation.id))
                .where(
                    Consultation.customer_id.in_(same),
                    Consultation.id != c.id,
                    or_(Consultation.contact_at >= since, Consultation.created_at >= since),
                )
                .group_by(Consultation.store_id)
            )
        }
        other = latest.pop(actor.store_id, None)
        if other is not None:
            found.append(reason(code, days=window, other=other))
        if latest:
            names = blacklist.store_name_map(uow, set(latest))
            elsewhere = sorted(
                (
                    (contact_at or created_at, names.get(int(sid), ""))
                    for sid, contact_at, created_at in uow.session.execute(
                        select(
                            Consultation.store_id, Consultation.contact_at, Consultation.created_at
                        ).where(Consultation.id.in_(list(latest.values())))
                    )
                ),
                key=lambda row: row[0],
                reverse=True,
            )
            found.extend(
                Reason.of(
                    blacklist.MESSAGES,
                    f"{code}_other_store",
                    store=name,
                    date=blacklist.local_date_text(when),
                    days=window,
                )
                for when, name in elsewhere
            )
    return found


def _set_duplicate_warnings(
    uow: UnitOfWork, actor: Actor, c: Consultation, customer: Customer, moment: datetime
) -> None:
    """Recompute the duplicate-application warnings (other warnings stay as they are).

    The row is only touched when the warnings change, so its version stays.
    """
    s = _settings(uow, actor)
    kept = [r for r in reasons_from_json(c.warnings) if not r.code.startswith("duplicate.")]
    found = _duplicate_warnings(uow, actor, c, customer, s, moment)
    new = reasons_to_json([*kept, *found]) or None
    if new != (c.warnings or None):
        c.warnings = new


def refresh_duplicate_warnings(
    uow: UnitOfWork, actor: Actor, customer_id: int, *, now: datetime | None = None
) -> None:
    """After a customer's ID number or mobile changed: re-run the duplicate-application
    and blacklist checks on their open consultations (in the caller's transaction)."""
    moment = now_or(now)
    customer = get_owned(uow, Customer, customer_id, actor, "Customer")
    for c in uow.session.scalars(
        select(Consultation).where(
            Consultation.customer_id == customer.id,
            Consultation.status == ConsultationStatus.OPEN.value,
        )
    ):
        _set_duplicate_warnings(uow, actor, c, customer, moment)
        _refresh_blocks(uow, actor, c)
    uow.session.flush()


# ---------------------------------------------------------------------------
# open / resume / list
# ---------------------------------------------------------------------------


def open_consultation(
    target: Target,
    actor: Actor,
    customer_id: int,
    *,
    source_channel: Channel | str | None = None,
    intent_level: Intent | str | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """Start a consultation at first contact: blacklist and duplicate checks run now."""
    f = Form()
    channel = f.choice("source_channel", source_channel, Channel)
    intent = f.choice("intent_level", intent_level, Intent)
    f.raise_if_errors()
    moment = now_or(now)
    with transaction(target) as uow:
        customer = get_owned(uow, Customer, customer_id, actor, "Customer")
        s = _settings(uow, actor)
        c = Consultation(
            store_id=actor.store_id,
            customer_id=customer.id,
            consultant_id=actor.staff_id,
            status=ConsultationStatus.OPEN.value,
            source_channel=(channel or customer.source_channel or None),
            intent_level=intent.value if intent else None,
            reception_state=StepState.IN_PROGRESS.value,
            qualification_state=StepState.NOT_STARTED.value,
            appraisal_state=StepState.NOT_STARTED.value,
            plan_state=StepState.NOT_STARTED.value,
            signing_state=StepState.NOT_STARTED.value,
            contact_at=moment,
            created_at=moment,
            updated_at=moment,
        )
        uow.session.add(c)
        uow.session.flush()
        c.warnings = reasons_to_json(_duplicate_warnings(uow, actor, c, customer, s, moment))
        _refresh_blocks(uow, actor, c)
        if intent is Intent.HIGH:
            followups.schedule(
                uow,
                actor,
                customer_id=customer.id,
                consultation_id=c.id,
                kind=FollowUpKind.HIGH_INTENT,
                due_at=moment + timedelta(hours=s.follow_up_high_intent_hours),
            )
        uow.session.flush()
        return _view(uow, c)


def get_consultation(target: Target, actor: Actor, consultation_id: int) -> ConsultationView:
    """The consultation as it stands; a blacklist entry added since the last save
    shows up here, computed for the view only (stored with the next save: a read
    never writes, so it never changes the row's version under another form)."""
    with reading(target) as uow:
        c = _load(uow, actor, consultation_id)
        _refresh_blocks(uow, actor, c)  # in memory; the read unit of work is rolled back
        return _view(uow, c)


def list_consultations(
    target: Target,
    actor: Actor,
    *,
    customer_id: int | None = None,
    status: ConsultationStatus | None = None,
    limit: int = 100,
) -> list[ConsultationSummary]:
    """Most recently updated first (the resume list)."""
    with reading(target) as uow:
        q = (
            select(Consultation, Customer.name)
            .join(Customer, Customer.id == Consultation.customer_id)
            .where(Consultation.store_id == actor.store_id)
        )
        if customer_id is not None:
            q = q.where(Consultation.customer_id == customer_id)
        if status is not None:
            q = q.where(Consultation.status == status.value)
        q = q.order_by(Consultation.updated_at.desc(), Consultation.id.desc()).limit(limit)
        return [
            ConsultationSummary(
                id=c.id,
                customer_id=c.customer_id,
                customer_name=name,
                status=ConsultationStatus(c.status),
                steps={s: _step_state(c, s) for s in Step},
                contact_at=c.contact_at,
                updated_at=c.updated_at,
                consultant_id=c.consultant_id,
            )
            for c, name in uow.session.execute(q)
        ]


# ---------------------------------------------------------------------------
# step 1: reception
# ---------------------------------------------------------------------------


def save_reception(
    target: Target,
    actor: Actor,
    consultation_id: int,
    *,
    source_channel: Channel | str | None,
    intent_level: Intent | str | None,
    purpose: str | None = None,
    budget: MoneyIn = None,
    wished_down_payment: MoneyIn = None,
    wished_monthly_payment: MoneyIn = None,
    tier: Tier | str | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """Channel and intent are required; the rest are the customer's needs."""
    f = Form()
    channel = f.choice("source_channel", source_channel, Channel, required=True)
    intent = f.choice("intent_level", intent_level, Intent, required=True)
    text = f.text("purpose", purpose, max_len=500)
    b = f.money("budget", budget)
    down = f.money("wished_down_payment", wished_down_payment)
    monthly = f.money("wished_monthly_payment", wished_monthly_payment)
    t = f.choice("tier", tier, Tier)
    if b is not None and down is not None and down > b:
        f.error("wished_down_payment", reason("reception.down_above_budget"))
    f.raise_if_errors()
    assert channel is not None and intent is not None
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        was_high = c.intent_level == Intent.HIGH.value
        c.source_channel = channel.value
        c.intent_level = intent.value
        c.purpose = text
        c.budget = b
        c.wished_down_payment = down
        c.wished_monthly_payment = monthly
        if t is not None:
            customer = uow.session.get(Customer, c.customer_id)
            assert customer is not None
            customer.tier = t.value
        _set_step(c, Step.RECEPTION, StepState.COMPLETE)
        _stamp(c, FunnelStage.NEEDS_CONFIRMED, moment)
        customer_row = uow.session.get(Customer, c.customer_id)
        assert customer_row is not None
        _set_duplicate_warnings(uow, actor, c, customer_row, moment)
        _refresh_blocks(uow, actor, c)
        if intent is Intent.HIGH and not was_high:
            s = _settings(uow, actor)
            followups.schedule(
                uow,
                actor,
                customer_id=c.customer_id,
                consultation_id=c.id,
                kind=FollowUpKind.HIGH_INTENT,
                due_at=moment + timedelta(hours=s.follow_up_high_intent_hours),
            )
        c.updated_at = moment
        uow.session.flush()
        return _view(uow, c)


# ---------------------------------------------------------------------------
# step 2: qualification
# ---------------------------------------------------------------------------


def _qualification_view(
    uow: UnitOfWork, q: Qualification, *, masked: bool, version: int
) -> QualificationView:
    income = uow.cipher.decrypt_optional(Q, "monthly_income", q.monthly_income_enc)
    shown = "" if income is None else (income_band(income) if masked else income)
    statement = uow.cipher.decrypt_optional(Q, "statement_income", q.statement_income_enc)
    shown_statement = "" if statement is None else (
        income_band(statement) if masked else statement
    )
    return QualificationView(
        consultation_id=q.consultation_id,
        monthly_income=shown,
        masked=masked,
        income_proof_months=q.income_proof_months,
        residence_proof=q.residence_proof,
        work_proof=q.work_proof,
        id_valid=q.id_valid,
        overdue_count_24m=q.overdue_count_24m,
        worst_overdue_days=q.worst_overdue_days,
        current_debt=q.current_debt,
        monthly_debt_payments=q.monthly_debt_payments,
        card_utilisation_percent=q.card_utilisation_percent,
        recent_applications_3m=q.recent_applications_3m,
        history_years=q.history_years,
        credit_kinds=q.credit_kinds,
        declared_age=q.declared_age,
        grade=lending_qualification.Grade(q.grade) if q.grade else None,
        score=q.score,
        passed=bool(q.passed),
        hard_failures=reasons_from_json(q.hard_failures),
        reasons=reasons_from_json(q.reasons),
        warnings=reasons_from_json(q.warnings),
        recommendations=reasons_from_json(q.recommendations),
        assessed_at=q.assessed_at,
        consultation_version=version,
        statement_average_income=shown_statement,
    )


def save_qualification(
    target: Target,
    actor: Actor,
    consultation_id: int,
    form: QualificationForm,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> QualificationView:
    """Grade the customer with ``lending.qualification`` and store facts and result.

    Needs the customer's ID number (for the age).  A customer who fails a
    hard requirement is saved with the step ``blocked`` and the reasons.
    """
    f = Form()
    income = f.money("monthly_income", form.monthly_income)
    statement = f.money("statement_average_income", form.statement_average_income)
    proof_months = f.integer("income_proof_months", form.income_proof_months) or 0
    overdue = f.integer("overdue_count_24m", form.overdue_count_24m) or 0
    worst = f.integer("worst_overdue_days", form.worst_overdue_days) or 0
    debt = f.money("current_debt", form.current_debt) or Decimal(0)
    monthly_debt = f.money("monthly_debt_payments", form.monthly_debt_payments) or Decimal(0)
    util = f.decimal("card_utilisation_percent", form.card_utilisation_percent) or Decimal(0)
    if util > 1000:
        f.error("card_utilisation_percent", reason("qualification.utilisation_range"))
    apps = f.integer("recent_applications_3m", form.recent_applications_3m) or 0
    history = f.decimal("history_years", form.history_years)
    kinds = f.integer("credit_kinds", form.credit_kinds)
    declared_age = f.integer("declared_age", form.declared_age)
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        customer = uow.session.get(Customer, c.customer_id)
        assert customer is not None
        plain_id = _customer_plain_id(uow, customer)
        check = identity.check_resident_id(plain_id) if plain_id else None
        if check is None or check.birth_date is None:
            f.error("id_number", reason("qualification.needs_id"))
        q = uow.session.get(Qualification, c.id)
        if form.monthly_income is None and q is not None:  # keep the stored income
            stored = uow.cipher.decrypt_optional(Q, "monthly_income", q.monthly_income_enc)
            income = Decimal(stored) if stored is not None else None
        if income is None and "monthly_income" not in f.errors:
            f.error("monthly_income", reason("required"))
        if form.statement_average_income is None and q is not None:
            stored = uow.cipher.decrypt_optional(Q, "statement_income", q.statement_income_enc)
            statement = Decimal(stored) if stored is not None else None
        f.raise_if_errors()
        assert check is not None and check.birth_date is not None and income is not None
        s = _settings(uow, actor)
        application_day = (c.contact_at or moment).astimezone().date()
        q_in = lending_qualification.QualificationInput(
            documents=lending_qualification.Documents(
                income_proof_months=proof_months,
                residence_proof=form.residence_proof,
                work_proof=form.work_proof,
                id_valid=check.valid if form.id_valid is None else form.id_valid,
            ),
            credit=lending_qualification.CreditFacts(
                overdue_count_24m=overdue,
                worst_overdue_days=worst,
                current_debt=debt,
                monthly_debt_payments=monthly_debt,
                card_utilisation_percent=util,
                recent_applications_3m=apps,
                history_years=history,
                credit_kinds=kinds,
            ),
            monthly_income=income,
            birth_date=check.birth_date,
            application_date=application_day,
            declared_age=declared_age,
            statement_average_income=statement,
        )
        result = lending_qualification.qualify(q_in, s)
        if q is None:
            q = Qualification(consultation_id=c.id, store_id=actor.store_id)
            uow.session.add(q)
        q.monthly_income_enc = uow.cipher.encrypt(Q, "monthly_income", str(income))
        q.statement_income_enc = (
            uow.cipher.encrypt(Q, "statement_income", str(statement))
            if statement is not None
            else None
        )
        q.income_proof_months = proof_months
        q.residence_proof = form.residence_proof
        q.work_proof = form.work_proof
        q.id_valid = q_in.documents.id_valid
        q.overdue_count_24m = overdue
        q.worst_overdue_days = worst
        q.current_debt = debt
        q.monthly_debt_payments = monthly_debt
        q.card_utilisation_percent = util.quantize(RATE_PLACES)
        q.recent_applications_3m = apps
        q.history_years = history.quantize(RATE_PLACES) if history is not None else None
        q.credit_kinds = kinds
        q.declared_age = declared_age
        q.grade = result.grade.value if result.grade else None
        q.score = result.score
        q.passed = result.passed
        q.hard_failures = reasons_to_json(result.hard_failures)
        q.reasons = reasons_to_json(result.reasons)
        q.warnings = reasons_to_json(result.warnings)
        q.recommendations = reasons_to_json(result.recommendations)
        q.assessed_at = moment
        q.assessed_by = actor.staff_id
        if result.passed:
            _set_step(c, Step.QUALIFICATION, StepState.COMPLETE)
            _stamp(c, FunnelStage.QUALIFIED, moment)
        else:
            _set_step(c, Step.QUALIFICATION, StepState.BLOCKED)
        uow.session.flush()
        _refresh_blocks(uow, actor, c)
        c.updated_at = moment
        uow.session.flush()
        return _qualification_view(uow, q, masked=True, version=c.version_id)


def get_qualification(
    target: Target, actor: Actor, consultation_id: int, *, unmasked: bool = False
) -> QualificationView | None:
    """The saved step 2; ``unmasked=True`` (income) needs ``view_pii`` and is audited."""
    if unmasked:
        require(actor, Permission.VIEW_PII)
    with reading(target) as uow:
        c = _load(uow, actor, consultation_id)
        q = uow.session.get(Qualification, c.id)
        if q is None:
            return None
        if unmasked:
            audit.record(
                uow,
                store_id=actor.store_id,
                action=AuditAction.VIEW_PII,
                actor=actor,
                target_type="consultation",
                target_id=c.id,
                fields="monthly_income",
            )
        return _qualification_view(uow, q, masked=not unmasked, version=c.version_id)


# ---------------------------------------------------------------------------
# step 3: vehicle and appraisal
# ---------------------------------------------------------------------------


def _override_percent(a: Appraisal) -> Decimal | None:
    if a.override_value is None or not a.computed_value:
        return None
    return ((a.override_value - a.computed_value) / a.computed_value * 100).quantize(
        Decimal("0.01"))


def _pending_reason(a: Appraisal) -> Reason:
    percent = _override_percent(a)
    return reason(
        "appraisal.override_pending",
        value=f"{a.override_value or 0:,.2f}",
        percent=f"{percent or 0:+}",
        computed=f"{a.computed_value or 0:,.2f}",
    )


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
    if (status is not None and decided and a.override_value == override
            and a.computed_value == result.computed_value):
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
    why = f.choice("override_reason_code", form.override_reason_code,
                   lending_appraisal.OverrideReason)
    colour = f.text("colour", form.colour, max_len=40)
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
            a.override_status != status.value or a.override_value != override
            or a.computed_value != result.computed_value)
        a.override_status = status.value if status is not None else None
        a.computed_value = result.computed_value
        a.override_value = override
        a.override_reason = (form.override_reason or "").strip() or None
        a.override_reason_code = why.value if why is not None and override is not None else None
        # an override waiting for (or refused by) a manager is not the value lent on
        a.final_value = (result.computed_value if status in (OverrideStatus.PENDING,
                                                               OverrideStatus.REFUSED)
                         else result.value)
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
                uow, store_id=actor.store_id, action=AuditAction.OVERRIDE_REQUESTED, actor=actor,
                target_type="consultation", target_id=c.id, now=moment,
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


# ---------------------------------------------------------------------------
# step 4: finance plans
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    customer: lending_eligibility.CustomerProfile
    vehicle: lending_eligibility.VehicleProfile | None
    vehicle_price: Decimal | None
    settings: LendingSettings


def _plan_context(
    uow: UnitOfWork,
    actor: Actor,
    c: Consultation,
    moment: datetime,
    *,
    blacklisted: bool | None = None,
) -> _Context:
    q = uow.session.get(Qualification, c.id)
    income = None
    grade = None
    monthly_debt = Decimal(0)
    if q is not None:
        raw = uow.cipher.decrypt_optional(Q, "monthly_income", q.monthly_income_enc)
        income = Decimal(raw) if raw is not None else None
        grade = lending_qualification.Grade(q.grade) if q.grade else None
        monthly_debt = q.monthly_debt_payments
    customer = lending_eligibility.CustomerProfile(
        grade=grade,
        monthly_income=income,
        existing_monthly_debt=monthly_debt,
        blacklisted=c.blacklist_hit if blacklisted is None else blacklisted,
    )
    vehicle = None
    price = None
    v = uow.session.scalar(select(Vehicle).where(Vehicle.consultation_id == c.id))
    if v is not None:
        a = uow.session.get(Appraisal, v.id)
        price = v.price
        if a is not None and a.final_value is not None and v.first_registration is not None:
            vehicle = lending_eligibility.VehicleProfile(
                appraisal_value=a.final_value,
                age_years=lending_appraisal.vehicle_age_years(
                    v.first_registration, moment.astimezone().date()
                ),
                mileage_km=v.mileage_km or 0,
                excluded=not a.acceptable,
            )
    return _Context(customer, vehicle, price, _settings(uow, actor))


@dataclass(frozen=True)
class DealRequest:
    """The loan a deal asks of each product: the car's price plus the financed lines
    (and, for a product that finances them, the financed add-ons), less the down payment;
    the finance service fee joins the up-front fee (so it is in the APR)."""

    deal: Deal
    """Price, on-road lines, trade-in and down payment (add-ons not included)."""
    input: DealInput
    base: lending_eligibility.PlanRequest
    financed_add_ons: Decimal
    """The price of the add-ons the customer wants financed."""

    def for_product(self, product: Product) -> lending_eligibility.PlanRequest:
        if product.finance_add_ons and self.financed_add_ons:
            return replace(self.base,
                           vehicle_price=self.base.vehicle_price + self.financed_add_ons)
        return self.base

    def deal_for(self, product: Product) -> Deal:
        """The deal with the add-ons this product finances."""
        if product.finance_add_ons and self.financed_add_ons:
            return replace(self.deal, financed_add_ons=self.financed_add_ons)
        return self.deal


def _read_request(f: Form, down_payment: MoneyIn, term_months: IntIn, method: str,
                  balloon_percent: MoneyIn) -> tuple[Decimal | None, int | None,
                                                     RepaymentMethod | None, Decimal]:
    down = f.money("down_payment", down_payment, required=True)
    term = f.integer("term_months", term_months, required=True)
    m = f.choice("method", method, RepaymentMethod, required=True)
    balloon = f.decimal("balloon_percent", balloon_percent)
    if balloon is not None and balloon >= 100:
        f.error("balloon_percent", reason("plan.balloon_percent_invalid"))
    return down, term, m, (balloon or Decimal(0)) if m is RepaymentMethod.BALLOON \
        else Decimal(0)


def _deal_request(
    uow: UnitOfWork,
    actor: Actor,
    deal: DealForm | DealInput | None,
    *,
    price: Decimal,
    down: Decimal,
    term: int,
    method: RepaymentMethod,
    balloon_percent: Decimal,
    start: date,
    add_ons: Sequence[tuple[str, Decimal]] = (),
) -> DealRequest:
    deal_in = deal if isinstance(deal, DealInput) else read_deal(deal)
    on_road = checked_on_road(
        deal_in, price, start, settings_service.load_on_road_settings(uow, actor.store_id)
    )
    the_deal = Deal(on_road=on_road, down_payment=down, trade_in=deal_in.trade_in)
    financed = money(sum((p for k, p in add_ons if k in deal_in.financed_add_ons),
                         Decimal(0)))
    request = lending_eligibility.PlanRequest(
        vehicle_price=the_deal.financed_total,
        down_payment=down,
        term_months=term,
        method=method,
        start_date=start,
        balloon_percent=balloon_percent,
        extra_upfront_fee=the_deal.service_fee,
    )
    return DealRequest(the_deal, deal_in, request, financed)


@dataclass(frozen=True)
class PlanEvaluation:
    """The finance page's refresh: the deal, every product, the chosen one's grid."""

    request: DealRequest
    evaluations: tuple[lending_eligibility.ProductEvaluation, ...]
    grid: dict[tuple[Decimal, int], lending_eligibility.ProductEvaluation]
    """(down payment, term) -> the grid product's evaluation (empty without a grid)."""
    grid_downs: tuple[Decimal, ...]
    solved_down: Decimal | None = None
    """The down payment the target payment asked for (when solving)."""
    solve_problem: Reason | None = None
    """Why the target cannot be met (when solving)."""


def _evaluation_context(uow: UnitOfWork, actor: Actor, consultation_id: int, f: Form,
                        price_in: Decimal | None, moment: datetime
                        ) -> tuple[_Context, Decimal]:
    c = _load(uow, actor, consultation_id)
    # the blacklist as it is now (another store may have added an entry since the
    # last save), without storing it: a read never writes
    customer_row = uow.session.get(Customer, c.customer_id)
    assert customer_row is not None
    hits = blacklist.hits_for_hashes(
        uow, actor.store_id, customer_row.id_hmac, customer_row.phone_hmac
    )
    ctx = _plan_context(uow, actor, c, moment, blacklisted=bool(hits))
    price = price_in if price_in is not None else ctx.vehicle_price
    if price is None:
        f.error("vehicle_price", reason("plan.needs_price"))
    if ctx.vehicle is None:
        f.error("appraisal", reason("plan.needs_appraisal"))
    f.raise_if_errors()
    assert price is not None and ctx.vehicle is not None
    return ctx, price


def evaluate_products(
    target: Target,
    actor: Actor,
    consultation_id: int,
    *,
    down_payment: MoneyIn,
    term_months: IntIn,
    method: str,
    vehicle_price: MoneyIn = None,
    start_date: date | None = None,
    now: datetime | None = None,
    deal: DealForm | None = None,
    balloon_percent: MoneyIn = None,
    add_ons: Sequence[tuple[str, Decimal]] = (),
) -> list[lending_eligibility.ProductEvaluation]:
    """Eligibility of every active catalogue product for this consultation and request.

    Each evaluation carries the reasons (in words for the customer), the
    maximum loan, the rate for the customer's grade and the schedule.
    """
    return list(evaluate_plan(
        target, actor, consultation_id, down_payment=down_payment, term_months=term_months,
        method=method, vehicle_price=vehicle_price, start_date=start_date, now=now, deal=deal,
        balloon_percent=balloon_percent, add_ons=add_ons).evaluations)


def evaluate_plan(
    target: Target,
    actor: Actor,
    consultation_id: int,
    *,
    down_payment: MoneyIn,
    term_months: IntIn,
    method: str,
    vehicle_price: MoneyIn = None,
    start_date: date | None = None,
    now: datetime | None = None,
    deal: DealForm | None = None,
    balloon_percent: MoneyIn = None,
    add_ons: Sequence[tuple[str, Decimal]] = (),
    grid_product: str | None = None,
    grid_percents: Sequence[int] = (),
    grid_terms: Sequence[int] = (),
    solve_for: str | None = None,
    grid_reuse: Mapping[tuple[Decimal, int], lending_eligibility.ProductEvaluation] | None
    = None,
) -> PlanEvaluation:
    """What the finance page shows, in one read: the deal (on-road lines, trade-in,
    paid today), every active product for the request, and ``grid_product``'s payment
    grid (``grid_percents`` of the financed total plus the current down payment, x
    ``grid_terms``; the current cell is the comparison's own evaluation).

    With ``solve_for`` (a product code) and the deal's target payment, the down payment
    is first solved (:func:`lending.deal.solve_down_payment`: the smallest whole yuan,
    at least the product's minimum down payment and the trade-in's credit, such that every
    regular payment is at most the target) and everything is evaluated at it.

    ``grid_reuse``: the grid cells of an earlier answer for the same product, method,
    balloon, deal and add-ons (:func:`lending.deal.payment_grid`); only the cells not in
    it are evaluated (moving the down payment adds one row, not a grid).
    """
    f = Form()
    down, term, m, balloon = _read_request(f, down_payment, term_months, method,
                                           balloon_percent)
    price_in = f.money("vehicle_price", vehicle_price)
    moment = now_or(now)
    with reading(target) as uow:
        ctx, price = _evaluation_context(uow, actor, consultation_id, f, price_in, moment)
        assert down is not None and term is not None and m is not None
        assert ctx.vehicle is not None
        start = start_date or moment.astimezone().date()
        products = catalogue.load_catalogue(uow, actor.store_id).products
        request = _deal_request(uow, actor, deal, price=price, down=down, term=term,
                                method=m, balloon_percent=balloon, start=start,
                                add_ons=add_ons)
        solved: Decimal | None = None
        problem: Reason | None = None
        solving = next((p for p in products if p.code == solve_for), None)
        goal = request.input.target_payment
        if solving is not None and goal is not None:
            solved, problem = _solve(solving, ctx, request, goal)
            if solved is not None:
                request = _deal_request(uow, actor, request.input, price=price, down=solved,
                                        term=term, method=m, balloon_percent=balloon,
                                        start=start, add_ons=add_ons)
        evaluations = tuple(
            lending_eligibility.evaluate_product(p, ctx.customer, ctx.vehicle,
                                                 request.for_product(p), ctx.settings)
            for p in products if p.active
        )
        grid: dict[tuple[Decimal, int], lending_eligibility.ProductEvaluation] = {}
        downs: tuple[Decimal, ...] = ()
        known = next((e for e in evaluations if e.code == grid_product), None)
        if known is not None and grid_terms:
            product_request = request.for_product(known.product)
            downs = lending_deal.grid_down_payments(
                product_request.vehicle_price, grid_percents, product_request.down_payment)
            grid = lending_deal.payment_grid(
                known.product, ctx.customer, ctx.vehicle, product_request, downs,
                grid_terms, ctx.settings, known=known, reuse=grid_reuse)
        return PlanEvaluation(request, evaluations, grid, downs, solved, problem)


def _solve(product: Product, ctx: _Context, request: DealRequest, goal: Decimal
           ) -> tuple[Decimal | None, Reason | None]:
    """The smallest whole-yuan down payment meeting ``goal`` with ``product``."""
    base = request.for_product(product)
    if product.grade_terms(ctx.customer.grade) is None:
        return None, reason("plan.target_no_rate")
    assert ctx.vehicle is not None
    max_loan = product.max_loan(ctx.vehicle.appraisal_value)
    # the trade-in's credit goes into the down payment (a car loan pays out no cash)
    lowest = max(base.vehicle_price - max_loan, request.deal.trade_in_credit, Decimal(0))

    def terms_for(amount: Decimal) -> LoanTerms:
        terms = lending_eligibility.loan_terms(product, ctx.customer.grade, base, amount)
        assert terms is not None
        return terms

    try:
        down = lending_deal.solve_down_payment(
            base.vehicle_price, goal, terms_for, base.start_date,
            min_down_payment=int(lowest.to_integral_value(rounding=ROUND_CEILING)))
    except lending_deal.DealError as exc:
        return None, exc.reasons[0]
    return money(down), None


_PLAN_FIELDS = {
    "term_not_offered": "term_months",
    "method_not_offered": "method",
    "down_payment_negative": "down_payment",
    "nothing_to_finance": "down_payment",
    "above_max_loan": "down_payment",
}


def _plan_view(
    p: Plan, add_ons: Sequence[PlanAddOn], names: tuple[str, str], version: int
) -> PlanView:
    return PlanView(
        id=p.id,
        consultation_id=p.consultation_id,
        product_code=p.product_code,
        product_name=names[0],
        product_name_zh=names[1],
        lender_name=p.lender_name,
        method=RepaymentMethod(p.method),
        vehicle_price=p.vehicle_price,
        down_payment=p.down_payment,
        amount=p.amount,
        term_months=p.term_months,
        annual_rate=p.annual_rate,
        upfront_fee=p.upfront_fee,
        monthly_fee_rate=p.monthly_fee_rate,
        step_percent=p.step_percent,
        step_months=p.step_months,
        start_date=p.start_date,
        bundle=p.bundle,
        first_payment=p.first_payment,
        max_payment=p.max_payment,
        total_interest=p.total_interest,
        total_fees=p.total_fees,
        total_add_ons=p.total_add_ons,
        total_repayment=p.total_repayment,
        apr=p.apr,
        effective_annual_rate=p.effective_annual_rate,
        warnings=reasons_from_json(p.warnings),
        add_ons=tuple(AddOnView(AddOnKind(a.kind), a.name, a.price, a.required) for a in add_ons),
        chosen=p.chosen,
        created_at=p.created_at,
        consultation_version=version,
        balloon=p.balloon,
        deal=deal_from_json(p.deal),
    )


def _product_names(uow: UnitOfWork, store_id: int) -> dict[str, tuple[str, str]]:
    """Product code -> (English name, Chinese name)."""
    return {
        p.code: (p.name, p.name_zh)
        for p in catalogue.load_catalogue(uow, store_id, include_inactive=True).products
    }


def save_plan(
    target: Target,
    actor: Actor,
    consultation_id: int,
    form: PlanForm,
    *,
    lender_name: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> PlanView:
    """Price a plan for one product and keep it (a consultation may compare several).

    Refused (nothing written) when the product is not eligible; every reason
    comes back, keyed by the form field it concerns (``plan`` otherwise).
    """
    f = Form()
    down, term, m, balloon = _read_request(f, form.down_payment, form.term_months, form.method,
                                           form.balloon_percent)
    price_in = f.money("vehicle_price", form.vehicle_price)
    start = f.day("start_date", form.start_date)
    try:
        deal_in = read_deal(form.deal)
    except ValidationError as exc:
        for key, text in exc.errors.items():
            f.error(key, exc.reasons.get(key, text))
        deal_in = DealInput()
    add_ons: list[tuple[AddOnKind, str, Decimal, bool]] = []
    for i, ao in enumerate(form.add_ons):
        kind = f.choice(f"add_ons[{i}].kind", str(ao.kind), AddOnKind, required=True)
        name = f.text(f"add_ons[{i}].name", ao.name, required=True, max_len=200)
        price = f.money(f"add_ons[{i}].price", ao.price, required=True)
        if kind and name and price is not None:
            add_ons.append((kind, name, price, ao.required))
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        _refresh_blocks(uow, actor, c)  # the list may have changed since the last save
        if c.blacklist_hit:
            f.error("plan", reason("plan.blacklisted"))
        ctx = _plan_context(uow, actor, c, moment)
        if ctx.customer.grade is None:
            f.error("plan", reason("plan.needs_qualification"))
        price_v = price_in if price_in is not None else ctx.vehicle_price
        if price_v is None:
            f.error("vehicle_price", reason("plan.needs_price"))
        if ctx.vehicle is None:
            f.error("appraisal", reason("plan.needs_appraisal"))
        pending = next((r for r in _blocked(uow, c) if r.code == "appraisal.override_pending"),
                       None)
        if pending is not None:
            f.error("appraisal", pending)
        cat = catalogue.load_catalogue(uow, actor.store_id)
        product: Product | None = next(
            (p for p in cat.products if p.code == form.product_code), None
        )
        if product is None:
            f.error("product_code", reason("plan.product_unknown"))
        f.raise_if_errors()
        assert product is not None and ctx.vehicle is not None and price_v is not None
        assert down is not None and term is not None and m is not None
        start_day = start or moment.astimezone().date()
        request = _deal_request(uow, actor, deal_in, price=price_v, down=down, term=term,
                                method=m, balloon_percent=balloon, start=start_day,
                                add_ons=[(k.value, pr) for k, _, pr, _ in add_ons])
        ev = lending_eligibility.evaluate_product(
            product, ctx.customer, ctx.vehicle, request.for_product(product), ctx.settings
        )
        if not ev.eligible or ev.schedule is None or ev.annual_rate is None:
            for r in ev.reasons:
                # one reason per field (each stays translatable); more go to ``plan``
                field_name = _PLAN_FIELDS.get(r.code, "plan")
                f.error(field_name if field_name not in f.errors else "plan", r)
            if not f.errors:
                f.error("plan", reason("plan.cannot_price"))
            f.raise_if_errors()
        sched = ev.schedule
        assert sched is not None and ev.annual_rate is not None
        total_add_ons = money(sum((a[2] for a in add_ons), Decimal(0)))
        p = Plan(
            store_id=actor.store_id,
            consultation_id=c.id,
            product_id=catalogue.product_id_by_code(uow, actor.store_id, product.code),
            product_code=product.code,
            lender_name=lender_name.strip()
            or (product.example_lenders[0] if product.example_lenders else ""),
            method=m.value,
            vehicle_price=price_v,
            down_payment=down,
            amount=ev.loan_amount,
            term_months=term,
            annual_rate=ev.annual_rate,
            upfront_fee=sched.terms.upfront_fee,
            monthly_fee_rate=sched.terms.monthly_fee_rate,
            step_percent=sched.terms.step_percent if m is RepaymentMethod.STEP_UP else None,
            step_months=sched.terms.step_months if m is RepaymentMethod.STEP_UP else None,
            start_date=start_day,
            bundle=(form.bundle or None),
            first_payment=sched.first_payment,
            max_payment=sched.max_payment,
            total_interest=sched.total_interest,
            total_fees=sched.total_fees,
            total_add_ons=total_add_ons,
            total_repayment=sched.total_repayment,
            apr=sched.apr.quantize(RATE_PLACES),
            effective_annual_rate=sched.effective_annual_rate.quantize(RATE_PLACES),
            warnings=reasons_to_json(ev.warnings),
            chosen=False,
            created_at=moment,
            created_by=actor.staff_id,
            balloon=sched.balloon if m is RepaymentMethod.BALLOON else None,
            deal=deal_to_json(deal_in) if form.deal is not None else None,
        )
        uow.session.add(p)
        uow.session.flush()
        rows = [
            PlanAddOn(
                store_id=actor.store_id,
                plan_id=p.id,
                kind=k.value,
                name=n,
                price=pr,
                required=req,
            )
            for k, n, pr, req in add_ons
        ]
        uow.session.add_all(rows)
        if _step_state(c, Step.PLAN) is not StepState.COMPLETE:
            _set_step(c, Step.PLAN, StepState.IN_PROGRESS)
        _stamp(c, FunnelStage.PLAN_OFFERED, moment)
        c.updated_at = moment
        uow.session.flush()
        return _plan_view(p, rows, (product.name, product.name_zh), c.version_id)


def list_plans(target: Target, actor: Actor, consultation_id: int) -> list[PlanView]:
    with reading(target) as uow:
        c = _load(uow, actor, consultation_id)
        names = _product_names(uow, actor.store_id)
        plans = list(
            uow.session.scalars(select(Plan).where(Plan.consultation_id == c.id).order_by(Plan.id))
        )
        out = []
        for p in plans:
            add_ons = list(
                uow.session.scalars(
                    select(PlanAddOn).where(PlanAddOn.plan_id == p.id).order_by(PlanAddOn.id)
                )
            )
            out.append(
                _plan_view(
                    p, add_ons, names.get(p.product_code, (p.product_code, "")), c.version_id
                )
            )
        return out


def get_plan(target: Target, actor: Actor, plan_id: int) -> PlanView:
    with reading(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        add_ons = list(uow.session.scalars(select(PlanAddOn).where(PlanAddOn.plan_id == p.id)))
        names = _product_names(uow, actor.store_id)
        c = _load(uow, actor, p.consultation_id)
        return _plan_view(
            p, add_ons, names.get(p.product_code, (p.product_code, "")), c.version_id
        )


def plan_schedule(target: Target, actor: Actor, plan_id: int) -> Schedule:
    """Rebuild the repayment schedule of a saved plan (for the printed plan)."""
    with reading(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        terms = LoanTerms(
            amount=p.amount,
            annual_rate=p.annual_rate,
            months=p.term_months,
            method=RepaymentMethod(p.method),
            upfront_fee=p.upfront_fee,
            monthly_fee_rate=p.monthly_fee_rate,
            step_percent=p.step_percent or Decimal(0),
            step_months=p.step_months or 12,
            balloon=p.balloon or Decimal(0),
        )
        return build_schedule(terms, p.start_date or p.created_at.astimezone().date())


def plan_deal(target: Target, actor: Actor, plan_id: int) -> Deal | None:
    """The whole deal a saved plan was priced with (on-road lines with the store's
    defaults of today, trade-in, down payment, the add-ons its product finances); None
    for a plan saved before deals were kept."""
    with reading(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        deal_in = deal_from_json(p.deal)
        if deal_in is None or p.vehicle_price is None:
            return None
        add_ons = [(a.kind, a.price) for a in uow.session.scalars(
            select(PlanAddOn).where(PlanAddOn.plan_id == p.id))]
        request = _deal_request(
            uow, actor, deal_in, price=p.vehicle_price, down=p.down_payment or Decimal(0),
            term=p.term_months, method=RepaymentMethod(p.method),
            balloon_percent=Decimal(0),
            start=p.start_date or p.created_at.astimezone().date(), add_ons=add_ons)
        cat = catalogue.load_catalogue(uow, actor.store_id, include_inactive=True)
        product = next((x for x in cat.products if x.code == p.product_code), None)
        return request.deal_for(product) if product is not None else request.deal


def delete_plan(target: Target, actor: Actor, plan_id: int) -> None:
    with transaction(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        c = _load(uow, actor, p.consultation_id)
        if p.chosen and c.signed_at is not None:
            raise ValidationError({"plan": reason("plan.signed_cannot_delete")})
        if uow.session.scalar(select(DocumentPrint.id).where(DocumentPrint.plan_id == p.id)):
            # the customer holds paper that names this plan: it stays
            raise ValidationError({"plan": reason("plan.printed_cannot_delete")})
        # add-ons first, each through the session (so a row already loaded in this
        # session is deleted once, not by a bulk DELETE and again at flush)
        for add_on in uow.session.scalars(select(PlanAddOn).where(PlanAddOn.plan_id == p.id)):
            uow.session.delete(add_on)
        uow.session.flush()
        uow.session.delete(p)
        uow.session.flush()
        remaining = uow.session.scalar(select(Plan.id).where(Plan.consultation_id == c.id))
        chosen = uow.session.scalar(
            select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        )
        if not c.blacklist_hit:
            _set_step(
                c,
                Step.PLAN,
                StepState.COMPLETE
                if chosen
                else StepState.IN_PROGRESS
                if remaining
                else StepState.NOT_STARTED,
            )
        c.updated_at = now_or(None)


def choose_plan(
    target: Target,
    actor: Actor,
    plan_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """Mark the plan the customer takes (at most one per consultation)."""
    moment = now_or(now)
    with transaction(target) as uow:
        p = get_owned(uow, Plan, plan_id, actor, "Plan")
        c = _load(uow, actor, p.consultation_id)
        check_version(c, expected_version)
        _refresh_blocks(uow, actor, c)
        if c.blacklist_hit:
            raise ValidationError({"plan": reason("plan.blacklisted")})
        blocked = reasons_from_json(c.blocked_reasons)
        if blocked:  # e.g. qualification re-done and failed, vehicle found excluded
            raise ValidationError({"plan": blocked[0]})
        if c.signed_at is not None:
            raise ValidationError({"plan": reason("plan.already_signed")})
        for other in uow.session.scalars(
            select(Plan).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        ):
            other.chosen = False
        p.chosen = True
        _set_step(c, Step.PLAN, StepState.COMPLETE)
        if _step_state(c, Step.SIGNING) is StepState.NOT_STARTED:
            _set_step(c, Step.SIGNING, StepState.IN_PROGRESS)
        c.updated_at = moment
        uow.session.flush()
        return _view(uow, c)


# ---------------------------------------------------------------------------
# step 5: signing checklist
# ---------------------------------------------------------------------------


def _signing_view(uow: UnitOfWork, c: Consultation) -> SigningView:
    rows = {
        r.code: r
        for r in uow.session.scalars(select(SigningItem).where(SigningItem.consultation_id == c.id))
    }
    items = []
    for code, kind, label in SIGNING_ITEMS:
        r = rows.get(code)
        items.append(
            SigningItemView(
                code=code,
                kind=kind,
                label=label,
                done=bool(r and r.done),
                done_at=r.done_at if r else None,
                done_by=r.done_by if r else None,
                note=r.note if r else None,
            )
        )
    chosen = uow.session.scalar(
        select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
    )
    blocked = () if chosen else (reason("signing.needs_plan"),)
    return SigningView(
        consultation_id=c.id,
        items=tuple(items),
        complete=all(i.done for i in items) and chosen is not None,
        consultation_version=c.version_id,
        blocked=blocked,
    )


def save_signing(
    target: Target,
    actor: Actor,
    consultation_id: int,
    checked: Mapping[str, bool],
    *,
    notes: Mapping[str, str] | None = None,
    sign: bool = False,
    signed_on: date | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> SigningView:
    """Tick checklist items (codes from :data:`SIGNING_ITEMS`); this only saves progress.

    ``sign=True`` is the explicit "Mark signed": it needs a chosen plan and
    every item done (else each missing item comes back as a field reason and
    nothing is written); then the step completes and ``signed`` is stamped.
    """
    unknown = [code for code in (*checked, *(notes or {})) if code not in SIGNING_CODES]
    if unknown:
        raise ValidationError({code: reason("signing.unknown_item") for code in unknown})
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        chosen = uow.session.scalar(
            select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        )
        if chosen is None:
            raise ValidationError({"plan": reason("signing.needs_plan")})
        if sign and c.signed_at is not None:
            raise ValidationError({"plan": reason("signing.already_signed")})
        if sign and c.status == ConsultationStatus.LOST.value:
            raise ValidationError({"plan": reason("stage.lost")})
        rows = {
            r.code: r
            for r in uow.session.scalars(
                select(SigningItem).where(SigningItem.consultation_id == c.id)
            )
        }
        kinds = {code: kind for code, kind, _ in SIGNING_ITEMS}
        for code in set(checked) | set(notes or {}):
            r = rows.get(code)
            if r is None:
                r = SigningItem(
                    store_id=actor.store_id,
                    consultation_id=c.id,
                    code=code,
                    kind=kinds[code].value,
                    done=False,
                )
                uow.session.add(r)
                rows[code] = r
            if code in checked:
                done = bool(checked[code])
                if done and not r.done:
                    r.done_at, r.done_by = moment, actor.staff_id
                elif not done:
                    r.done_at = r.done_by = None
                r.done = done
            if notes and code in notes:
                r.note = notes[code].strip() or None
        uow.session.flush()
        view = _signing_view(uow, c)
        if sign:
            missing = {i.code: reason("signing.item_missing") for i in view.items if not i.done}
            if missing:
                raise ValidationError(missing)  # the transaction rolls back: nothing written
            _set_step(c, Step.SIGNING, StepState.COMPLETE)
            _stamp(c, FunnelStage.SIGNED, _moment_on(c, signed_on, moment, "signed_on"))
        elif c.signed_at is None:
            _set_step(c, Step.SIGNING, StepState.IN_PROGRESS)
        c.updated_at = moment
        uow.session.flush()
        return _signing_view(uow, c)


def get_signing(target: Target, actor: Actor, consultation_id: int) -> SigningView:
    with reading(target) as uow:
        return _signing_view(uow, _load(uow, actor, consultation_id))


# ---------------------------------------------------------------------------
# after signing, and lost
# ---------------------------------------------------------------------------


def _moment_on(c: Consultation, day: date | None, moment: datetime, field: str) -> datetime:
    """The moment to record for ``day`` (staff may enter an earlier day; default today).

    Today's date keeps the time of the click; an earlier day is recorded at
    the same local time of day.  Never in the future, never before the first
    contact.
    """
    if day is None:
        return moment
    local = moment.astimezone()
    if day > local.date():
        raise ValidationError({field: reason("date.future")})
    contact = c.contact_at.astimezone().date() if c.contact_at else None
    if contact is not None and day < contact:
        raise ValidationError({field: reason("date.before_contact", day=contact.isoformat())})
    if day == local.date():
        return moment
    return datetime.combine(day, local.timetz()).astimezone(moment.tzinfo)


def mark_stage(
    target: Target,
    actor: Actor,
    consultation_id: int,
    stage: FunnelStage,
    *,
    on: date | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """Record ``approved``, ``disbursed`` or ``delivered`` (with their follow-ups).

    ``on``: the day it happened as the staff confirmed it (default today).

    Disbursement schedules the first revisit (default 7 days later); delivery
    the delivery follow-up call (default 3 days) and closes the consultation.
    """
    allowed = {FunnelStage.APPROVED, FunnelStage.DISBURSED, FunnelStage.DELIVERED}
    if stage not in allowed:
        raise ValidationError({"stage": reason("stage.not_recorded_here")})
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        if c.status == ConsultationStatus.LOST.value:
            raise ValidationError({"stage": reason("stage.lost")})
        chosen = uow.session.scalar(
            select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        )
        if chosen is None:
            raise ValidationError({"plan": reason("signing.needs_plan")})
        if stage in (FunnelStage.DISBURSED, FunnelStage.DELIVERED) and c.signed_at is None:
            raise ValidationError({"stage": reason("stage.needs_signing")})
        moment = _moment_on(c, on, moment, "on")
        _stamp(c, stage, moment)
        s = _settings(uow, actor)
        if stage is FunnelStage.DISBURSED:
            followups.schedule(
                uow,
                actor,
                customer_id=c.customer_id,
                consultation_id=c.id,
                kind=FollowUpKind.POST_DISBURSEMENT,
                due_at=moment + timedelta(days=s.follow_up_after_disbursement_days),
            )
        elif stage is FunnelStage.DELIVERED:
            c.status = ConsultationStatus.DELIVERED.value
            followups.schedule(
                uow,
                actor,
                customer_id=c.customer_id,
                consultation_id=c.id,
                kind=FollowUpKind.DELIVERY,
                due_at=moment + timedelta(days=s.follow_up_after_delivery_days),
            )
        c.updated_at = moment
        uow.session.flush()
        return _view(uow, c)


class LostReason(StrEnum):
    """Why a consultation was lost (stored in ``consultations.lost_reason_code``)."""

    PRICE = "price"
    LENDER_REJECTED = "lender_rejected"
    BOUGHT_ELSEWHERE = "bought_elsewhere"
    NOT_INTERESTED = "not_interested"
    REFUSED_ELIGIBILITY = "refused_eligibility"
    """We did not offer a plan: the customer does not meet the requirements."""
    REFUSED_FRAUD = "refused_fraud"
    """We refused: suspected fraud (a manager may put the customer on the blacklist)."""
    OTHER = "other"


def lost_reason_label(code: LostReason | str) -> Reason:
    """The category as a translatable reason (``lost.<code>``)."""
    return reason(f"lost.{LostReason(code).value}")


def mark_lost(
    target: Target,
    actor: Actor,
    consultation_id: int,
    reason_code: LostReason | str,
    note: str | None = None,
    *,
    add_to_blacklist: bool = False,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """Record that the customer was lost: a category, and a note (required for ``other``).

    ``add_to_blacklist`` (with ``refused_fraud``, needs ``manage_blacklist``) also puts
    the customer's ID number and mobile on the store's blacklist (reason fraud), audited.

    ``lost_reason_code`` keeps the category; ``lost_reason`` the English
    category label, followed by ": " and the note when there is one (what the
    owner report lists).
    """
    f = Form()
    code = f.choice(
        "lost_reason_code", str(reason_code or "").strip(), LostReason, required=True
    )
    text = f.text("lost_reason", note, required=code is LostReason.OTHER, max_len=500)
    if code is LostReason.OTHER and "lost_reason" in f.errors:
        f.errors["lost_reason"] = reason("lost.note_required")
    f.raise_if_errors()
    assert code is not None
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        if c.status == ConsultationStatus.DELIVERED.value:
            raise ValidationError({"lost_reason_code": reason("lost.delivered")})
        if c.status == ConsultationStatus.LOST.value:
            raise ValidationError({"lost_reason_code": reason("lost.already_lost")})
        if add_to_blacklist and code is LostReason.REFUSED_FRAUD:
            require(actor, Permission.MANAGE_BLACKLIST)
            customer = uow.session.get(Customer, c.customer_id)
            assert customer is not None
            plain_id = _customer_plain_id(uow, customer)
            plain_phone = uow.cipher.decrypt_optional("customers", "phone", customer.phone_enc)
            if not plain_id and not plain_phone:
                raise ValidationError({"add_to_blacklist": reason("lost.blacklist_needs_number")})
            blacklist.add_entry(
                uow,
                actor,
                id_number=plain_id,
                phone=plain_phone,
                reason=BlacklistReason.FRAUD,
                note=text,
                now=moment,
            )
            _refresh_blocks(uow, actor, c)
        label = lost_reason_label(code).template
        c.status = ConsultationStatus.LOST.value
        c.lost_at = moment
        c.lost_reason_code = code.value
        c.lost_reason = f"{label}: {text}" if text else label
        c.updated_at = moment
        uow.session.flush()
        return _view(uow, c)


def reopen(
    target: Target, actor: Actor, consultation_id: int, *, expected_version: int | None = None
) -> ConsultationView:
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        if c.status == ConsultationStatus.LOST.value:
            c.status = ConsultationStatus.OPEN.value
            c.lost_at = None
            c.lost_reason = None
            c.lost_reason_code = None
            c.updated_at = now_or(None)
        uow.session.flush()
        return _view(uow, c)


_UNDO_ORDER = (FunnelStage.SIGNED, FunnelStage.DISBURSED, FunnelStage.DELIVERED)
_STAGE_FOLLOW_UPS = {
    FunnelStage.DISBURSED: FollowUpKind.POST_DISBURSEMENT,
    FunnelStage.DELIVERED: FollowUpKind.DELIVERY,
}


def undo_stage(
    target: Target,
    actor: Actor,
    consultation_id: int,
    stage: FunnelStage,
    why: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """A manager takes back "signed", "disbursed" or "delivered" (latest first), audited.

    The step's date is cleared, its open follow-up removed; undoing the
    delivery reopens the consultation, undoing the signing reopens the checklist.
    """
    require(actor, Permission.APPROVE_EXCEPTIONS)
    f = Form()
    text = f.text("why", why, required=True, max_len=500)
    if text is not None and len(text) < 5:
        f.error("why", reason("stage.undo_reason"))
    if "why" in f.errors:
        f.errors["why"] = reason("stage.undo_reason")
    if stage not in _UNDO_ORDER:
        f.error("stage", reason("stage.not_undoable"))
    f.raise_if_errors()
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        column = _FUNNEL_COLUMNS[stage]
        if getattr(c, column) is None:
            raise ValidationError({"stage": reason("stage.not_recorded")})
        later = [s for s in _UNDO_ORDER[_UNDO_ORDER.index(stage) + 1 :]
                 if getattr(c, _FUNNEL_COLUMNS[s]) is not None]
        if later:
            raise ValidationError(
                {"stage": reason("stage.undo_later_first", later=later[-1].value)}
            )
        was = getattr(c, column)
        setattr(c, column, None)
        if stage is FunnelStage.SIGNED:
            _set_step(c, Step.SIGNING, StepState.IN_PROGRESS)
        if stage is FunnelStage.DELIVERED and c.status == ConsultationStatus.DELIVERED.value:
            c.status = ConsultationStatus.OPEN.value
        kind = _STAGE_FOLLOW_UPS.get(stage)
        if kind is not None:
            for open_one in uow.session.scalars(
                select(FollowUp).where(
                    FollowUp.consultation_id == c.id,
                    FollowUp.kind == kind.value,
                    FollowUp.done_at.is_(None),
                )
            ):
                uow.session.delete(open_one)
        c.updated_at = moment
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.STAGE_UNDONE,
            actor=actor,
            target_type="consultation",
            target_id=c.id,
            fields=stage.value,
            detail={"was": was.isoformat(), "why": text},
            now=moment,
        )
        uow.session.flush()
        return _view(uow, c)


def record_lender_decision(
    target: Target,
    actor: Actor,
    consultation_id: int,
    outcome: DecisionOutcome | str,
    *,
    on: date | None = None,
    approved_amount: MoneyIn = None,
    approved_rate: MoneyIn = None,
    reason_code: DeclineReason | str | None = None,
    note: str | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """What the lender answered: approved (maybe with another amount or rate), declined
    (a reason from the list and words), or withdrawn by the customer; who and when.

    Approval stamps the funnel's ``approved``; a later decision replaces an earlier one
    until the contract is signed.
    """
    f = Form()
    result = f.choice("outcome", str(outcome or ""), DecisionOutcome, required=True)
    if "outcome" in f.errors:
        f.errors["outcome"] = reason("decision.outcome")
    amount = f.money("approved_amount", approved_amount)
    rate = f.money("approved_rate", approved_rate)
    why = None
    if result is DecisionOutcome.DECLINED:
        why = f.choice("reason_code", str(reason_code or ""), DeclineReason, required=True)
        if "reason_code" in f.errors:
            f.errors["reason_code"] = reason("decision.reason_required")
    words = f.text("note", note, max_len=500)
    f.raise_if_errors()
    assert result is not None
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        if c.signed_at is not None:
            raise ValidationError({"outcome": reason("decision.after_signing")})
        chosen = uow.session.scalar(
            select(Plan.id).where(Plan.consultation_id == c.id, Plan.chosen.is_(True))
        )
        if chosen is None:
            raise ValidationError({"outcome": reason("decision.needs_plan")})
        at = _moment_on(c, on, moment, "on")
        member = uow.session.get(Staff, actor.staff_id)
        c.lender_decision = {
            "outcome": result.value,
            "on": at.astimezone().date().isoformat(),
            "by": (member.display_name or member.username) if member else actor.username,
            "staff_id": actor.staff_id,
            "approved_amount": str(amount) if amount is not None and result is
            DecisionOutcome.APPROVED else None,
            "approved_rate": str(rate) if rate is not None and result is
            DecisionOutcome.APPROVED else None,
            "reason_code": why.value if why is not None else None,
            "note": words,
        }
        c.lender_outcome = result.value
        c.lender_decided_at = at
        c.approved_at = at if result is DecisionOutcome.APPROVED else None
        c.updated_at = moment
        uow.session.flush()
        return _view(uow, c)


def approve_exception(
    target: Target,
    actor: Actor,
    consultation_id: int,
    code: str,
    note: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> ConsultationView:
    """A manager (or the owner) approves an exception, e.g. a possible duplicate
    application or a rate above the warning level; written to the audit log."""
    require(actor, Permission.APPROVE_EXCEPTIONS)
    f = Form()
    text = f.text("note", note, required=True, max_len=500)
    what = f.text("code", code, required=True, max_len=60)
    f.raise_if_errors()
    assert text is not None and what is not None
    moment = now_or(now)
    with transaction(target) as uow:
        c = _load(uow, actor, consultation_id)
        check_version(c, expected_version)
        entry = {
            "code": what,
            "staff_id": actor.staff_id,
            "username": actor.username,
            "at": moment.isoformat(),
            "note": text,
        }
        c.approvals = [*(c.approvals or []), entry]
        c.updated_at = moment
        audit.record(
            uow,
            store_id=actor.store_id,
            action=AuditAction.EXCEPTION_APPROVED,
            actor=actor,
            target_type="consultation",
            target_id=c.id,
            detail={"code": what},
            now=moment,
        )
        uow.session.flush()
        return _view(uow, c)


def consultant_name(target: Target, actor: Actor, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    with reading(target) as uow:
        s = uow.session.get(Staff, staff_id)
        return s.display_name if s is not None and s.store_id == actor.store_id else ""


def raw_row(target: Target, actor: Actor, consultation_id: int) -> dict[str, Any]:
    """Column values of the consultation row (reports, debugging); no personal data."""
    with reading(target) as uow:
        c = _load(uow, actor, consultation_id)
        return {col.key: getattr(c, col.key) for col in Consultation.__table__.columns}

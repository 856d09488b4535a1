"""The views the consultation services return (frozen dataclasses: what a page shows), and the
signing checklist's codes and labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from db.models.enums import (
    AddOnKind,
    Channel,
    ConsultationStatus,
    FunnelStage,
    Intent,
    SigningItemKind,
    Step,
    StepState,
)
from db.services.deals import (
    DealForm,
    DealInput,
)
from db.services.forms import IntIn, MoneyIn
from db.services.messages import MESSAGES, reason
from lending import appraisal as lending_appraisal
from lending import qualification as lending_qualification
from lending.reasons import Reason
from lending.schedule import RepaymentMethod

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
    energy: str | None = None
    """``lending.onroad.Energy`` (petrol, diesel, hybrid, nev); None: not said."""


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
    energy: str | None = None
    """Petrol, diesel, hybrid or nev (``lending.onroad.Energy``); None: not said."""

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
    """English (as the add-on catalogue has it)."""
    price: MoneyIn
    required: bool = False
    code: str = ""
    """The add-on catalogue's code ('' for a line typed at the counter)."""
    name_zh: str = ""
    """Chinese; printed on Chinese paper ('' : the English name is printed)."""


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
    code: str = ""
    """The add-on catalogue's code ('' for a plan saved before the catalogue)."""
    name_zh: str = ""

    @property
    def key(self) -> str:
        """What a deal's ``financed_add_ons`` names it by: the code, else the kind."""
        return self.code or self.kind.value


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

"""Stable codes stored in the database (strings, validated in Python)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CONSULTANT = "consultant"
    FINANCE = "finance"
    MANAGER = "manager"
    OWNER = "owner"


class StepState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    BLOCKED = "blocked"


class Step(StrEnum):
    RECEPTION = "reception"
    QUALIFICATION = "qualification"
    APPRAISAL = "appraisal"
    PLAN = "plan"
    SIGNING = "signing"


class FunnelStage(StrEnum):
    """In funnel order; ``lost`` is separate (it can follow any stage)."""

    CONTACT = "contact"
    NEEDS_CONFIRMED = "needs_confirmed"
    QUALIFIED = "qualified"
    PLAN_OFFERED = "plan_offered"
    APPROVED = "approved"
    SIGNED = "signed"
    DISBURSED = "disbursed"
    DELIVERED = "delivered"


FUNNEL_ORDER: tuple[FunnelStage, ...] = tuple(FunnelStage)


class ConsultationStatus(StrEnum):
    OPEN = "open"
    LOST = "lost"
    DELIVERED = "delivered"


class Channel(StrEnum):
    WALK_IN = "walk_in"
    PHONE = "phone"
    ONLINE = "online"
    REFERRAL = "referral"
    PARTNER_DEALER = "partner_dealer"
    SOCIAL_MEDIA = "social_media"


class Intent(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Tier(StrEnum):
    VIP = "vip"
    REGULAR = "regular"
    POTENTIAL = "potential"


class FollowUpKind(StrEnum):
    HIGH_INTENT = "high_intent"
    DELIVERY = "delivery"
    POST_DISBURSEMENT = "post_disbursement"
    MANUAL = "manual"


class BlacklistSource(StrEnum):
    INTERNAL = "internal"
    INDUSTRY = "industry"


class BlacklistReason(StrEnum):
    FRAUD = "fraud"
    SERIOUS_DEFAULT = "serious_default"
    FAKE_DOCUMENTS = "fake_documents"
    INDUSTRY_LIST = "industry_list"
    OTHER = "other"


class AuditAction(StrEnum):
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGIN_LOCKED = "login_locked"
    LOGOUT = "logout"
    VIEW_PII = "view_pii"
    EXPORT = "export"
    STAFF_CHANGE = "staff_change"
    CATALOGUE_CHANGE = "catalogue_change"
    SETTINGS_CHANGE = "settings_change"
    BLACKLIST_CHANGE = "blacklist_change"
    CUSTOMER_ERASED = "customer_erased"
    EXCEPTION_APPROVED = "exception_approved"
    STAGE_UNDONE = "stage_undone"
    OVERRIDE_REQUESTED = "override_requested"
    OVERRIDE_APPROVED = "override_approved"
    OVERRIDE_REFUSED = "override_refused"
    BACKUP_RESTORED = "backup_restored"
    IMPORT = "import"
    """A lender's post-loan status file was imported."""


class AddOnKind(StrEnum):
    INSURANCE = "insurance"
    WARRANTY = "warranty"
    SERVICE = "service"
    OTHER = "other"


class SigningItemKind(StrEnum):
    DOCUMENT = "document"
    CLAUSE = "clause"
    CHECK = "check"

"""Every model, imported here so Alembic and ``Base.metadata`` see them all."""

from db.models.addon import AddOn
from db.models.base import Base
from db.models.blacklist import BlacklistEntry
from db.models.catalogue import Lender, Product
from db.models.consultation import Appraisal, Consultation, Qualification, Vehicle
from db.models.customer import ConsentRecord, Customer
from db.models.loan_status import LoanStatus
from db.models.plan import DocumentPrint, Plan, PlanAddOn
from db.models.signing import FollowUp, SigningItem
from db.models.staff import AuditEntry, Staff
from db.models.store import DbMeta, Store, StoreSetting

__all__ = [
    "AddOn",
    "Appraisal",
    "AuditEntry",
    "Base",
    "BlacklistEntry",
    "ConsentRecord",
    "Consultation",
    "Customer",
    "DbMeta",
    "DocumentPrint",
    "FollowUp",
    "Lender",
    "LoanStatus",
    "Plan",
    "PlanAddOn",
    "Product",
    "Qualification",
    "SigningItem",
    "Staff",
    "Store",
    "StoreSetting",
    "Vehicle",
]

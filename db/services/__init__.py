"""Services: the only API the GUI, documents and reports use to touch data.

Modules: ``staff`` (accounts, login), ``customers`` (and consent),
``consultations`` (the five steps, eligibility, funnel, exception approvals),
``followups``, ``blacklist``, ``catalogue``, ``settings`` (lending settings,
app settings, store details), ``audit``, ``documents`` (inputs for the
printed documents), ``bulk`` (many rows per statement).  See ``db.services.base`` for the
calling convention (``target`` = Database or UnitOfWork, then ``actor``).
"""

from db.services.base import (
    Actor,
    ConcurrentEditError,
    NotFound,
    Permission,
    PermissionDenied,
    ValidationError,
)

__all__ = [
    "Actor",
    "ConcurrentEditError",
    "NotFound",
    "Permission",
    "PermissionDenied",
    "ValidationError",
]

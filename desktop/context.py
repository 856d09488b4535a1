"""What every page and dialog receives after login: injected, never global.

Pages get one :class:`AppContext` in their constructor and call the ``db``
services with ``ctx.database`` and ``ctx.staff`` (the :class:`Actor`), on
the worker through ``ctx.runner``::

    ctx.runner.run(lambda: customers.search(ctx.database, ctx.staff, text), self._show)

``ctx.settings`` holds the store's lending settings as loaded at login (the
settings dialog replaces it when the owner changes them).
"""

from __future__ import annotations

from dataclasses import dataclass

from db.database import Database
from db.models.enums import Role
from db.services.base import Actor, Permission
from desktop.tasks import Runner
from lending.settings import LendingSettings


@dataclass
class AppContext:
    database: Database
    """What :func:`db.open_database` returns: pass it as ``target`` to services."""
    staff: Actor
    """The logged-in member of staff (``staff_id``, ``store_id``, ``username``, ``role``)."""
    runner: Runner
    """:class:`desktop.tasks.TaskRunner` (or ``ImmediateRunner`` in tests)."""
    language: str
    """``"zh_CN"`` or ``"en"``."""
    settings: LendingSettings
    """The store's lending settings (``db.services.settings.load_settings``)."""
    store_name: str = ""
    display_name: str = ""

    @property
    def role(self) -> Role:
        return self.staff.role

    def can(self, permission: Permission) -> bool:
        return self.staff.can(permission)

    @property
    def chinese(self) -> bool:
        return self.language == "zh_CN"

"""What every page and dialog receives after login: injected, never global.

Pages get one :class:`AppContext` in their constructor and call the ``db``
services with ``ctx.database`` and ``ctx.staff`` (the :class:`Actor`), on
the worker through ``ctx.runner``::

    ctx.runner.run(lambda: customers.search(ctx.database, ctx.staff, text), self._show)

``ctx.settings`` holds the store's lending settings as loaded at login (the
settings dialog replaces it when the owner changes them).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from db.database import Database
from db.models.enums import Role
from db.services.base import Actor, Permission
from desktop.tasks import Runner
from lending.settings import LendingSettings


class VersionBook:
    """The versions this window itself wrote: ``(kind, id, from) -> to``.

    Fed explicitly by what each save returned (never by database events): a
    page loaded at version 4 whose consultation this window then saved to 5
    (another step page, "Mark lost") may save expecting 5; a version written
    by another counter is not in the book, so that save is refused as it must
    be.  ``kind`` is ``"consultation"`` or ``"customer"``.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()  # save jobs read it on the worker thread
        self._next: dict[tuple[str, int, int], int] = {}

    def advance(self, kind: str, key: int, old: int, new: int) -> None:
        """This window's write took the record from ``old`` to ``new``."""
        if new != old:
            with self._lock:
                self._next[(kind, key, old)] = new

    def latest(self, kind: str, key: int, version: int) -> int:
        """``version`` followed through this window's own later writes."""
        with self._lock:
            seen = {version}
            while (kind, key, version) in self._next:
                version = self._next[(kind, key, version)]
                if version in seen:  # versions only grow; be safe all the same
                    break
                seen.add(version)
        return version


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
    versions: VersionBook = field(default_factory=VersionBook)
    """What this window wrote (optimistic locking across its own pages)."""

    @property
    def role(self) -> Role:
        return self.staff.role

    def can(self, permission: Permission) -> bool:
        return self.staff.can(permission)

    @property
    def chinese(self) -> bool:
        return self.language == "zh_CN"

"""Modules imported on first use, so a window can show before the data layer loads.

Importing SQLAlchemy, the models and the services is most of LoanDesk's
start-up (about 0.6 s).  The main window's frame, toolbar and menus need none
of it, so ``desktop.main_window`` names the modules it uses later like this::

    consultations = lazy_module("db.services.consultations")
    ...
    consultations.get_consultation(db, actor, cid)  # imported here, once

A module already imported is returned as it is.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any


class LazyModule:
    """Stands for a module; the first attribute read imports it."""

    def __init__(self, name: str) -> None:
        self._lazy_name = name

    def __getattr__(self, attr: str) -> Any:
        name = self.__dict__["_lazy_name"]
        module = sys.modules.get(name) or importlib.import_module(name)
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._lazy_name!r}>"


def lazy_module(name: str) -> Any:
    """``name`` if it is imported already, else a :class:`LazyModule` for it."""
    return sys.modules.get(name) or LazyModule(name)

"""LoanDesk data layer: SQLAlchemy models, migrations, encryption and services.

Start-up::

    from db import open_database
    database = open_database(resolve_database_url(args.db, args.database_url))

Everything the GUI, documents and reports need goes through ``db.services``.

``Database`` and ``open_database`` are loaded on first use, so importing a
light submodule (``db.paths``, ``db.models.enums``) does not pull in the
engine, the migrations and the encryption.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.database import Database, open_database

__all__ = ["Database", "open_database"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from db import database

        return getattr(database, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

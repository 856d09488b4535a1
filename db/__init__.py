"""LoanDesk data layer: SQLAlchemy models, migrations, encryption and services.

Start-up::

    from db import open_database
    database = open_database(resolve_database_url(args.db, args.database_url))

Everything the GUI, documents and reports need goes through ``db.services``.
"""

from db.database import Database, open_database

__all__ = ["Database", "open_database"]

"""Alembic environment: run with a connection handed over by db.migrate.

``python -m alembic`` is not needed; db.migrate builds the configuration in
code.  Every model is imported through ``db.models`` so autogenerate sees the
whole schema.  ``render_as_batch=True`` lets SQLite ALTER tables by copying.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

import db.models
from db.migrate import configure_context_kwargs

config = context.config
target_metadata = db.models.Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        **configure_context_kwargs(),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        **configure_context_kwargs(),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

"""Unit of work: one session, rolled back unless ``commit()`` was called.

    with database.unit_of_work() as uow:
        uow.session.add(row)
        uow.commit()

Leaving the block without ``commit()`` (or with an exception) discards every
change, so a failed save writes nothing.  One unit of work belongs to one
thread.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from db.crypto import FieldCipher


class UnitOfWork:
    session: Session

    def __init__(self, session_factory: sessionmaker[Session], cipher: FieldCipher) -> None:
        self._session_factory = session_factory
        self.cipher = cipher
        self.cache: dict[Any, Any] = {}
        """Per-transaction memo for read-mostly data (settings, catalogue)."""

    def __enter__(self) -> UnitOfWork:
        self.session = self._session_factory()
        self.cache = {}
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.rollback()
        finally:
            self.session.close()

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()
        self.cache.clear()

    def flush(self) -> None:
        self.session.flush()

"""Injected faults for tests: make one file operation fail as it would on a full disk."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

DISK_FULL = os.strerror(errno.ENOSPC)


def fail_rename_onto(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``os.replace`` onto ``path`` fails with ENOSPC (other renames work)."""
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == path:
            raise OSError(errno.ENOSPC, DISK_FULL)
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)

"""The PySide6 counter GUI."""

from __future__ import annotations

import sys


def _pin_booleans() -> None:
    """Work around PySide6 6.12's ``SignalInstance.emit()`` dropping a reference to True.

    ``emit()`` returns ``True`` without counting the reference, so every
    signal emitted from Python takes one off ``True``'s count; after about a
    thousand emits (minutes at the counter) CPython 3.11 aborts with
    "bool_dealloc: deallocating True or False".  Python 3.12+ makes True
    immortal; before that, give True and False a reference count no session
    can use up.  Done here, on the first import of anything in ``desktop``,
    so every window, dialog and test is covered.  CPython only.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    # None too: a worker process of the GUI tests aborted at exit with "none_dealloc:
    # deallocating None" (seen 2026-12-02 after the journeys); the same kind of lost
    # reference, so the same cure
    for value in (True, False, None):
        count = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt, the first field
        if count.value < 1 << 40:
            count.value += 1 << 40


_pin_booleans()

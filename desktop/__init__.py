"""The PySide6 counter GUI."""

from __future__ import annotations

import sys


def _pin_booleans() -> None:
    """Work around PySide6 6.12 dropping references to True and None.

    ``emit()`` returns ``True`` without counting the reference, so every
    signal emitted from Python takes one off ``True``'s count; after about a
    thousand emits (minutes at the counter) CPython 3.11 aborts with
    "bool_dealloc: deallocating True or False".  Methods that return nothing
    (``QLabel.setText``, ``setVisible``, ``QDateEdit.setDate`` ...) do the same
    to ``None``: a page that updates many labels as staff type aborts with
    "none_dealloc: deallocating None" after some thousand keystrokes.  Python
    3.12+ makes these objects immortal; before that, give True, False and None
    a reference count no session can use up.  Done here, on the first import
    of anything in ``desktop``, so every window, dialog and test is covered.
    CPython only.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for value in (True, False, None):
        count = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt, the first field
        if count.value < 1 << 40:
            count.value += 1 << 40


_pin_booleans()

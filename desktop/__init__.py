"""The PySide6 counter GUI."""

from __future__ import annotations

import sys


def _pin_singletons() -> None:
    """Work around PySide6 6.12 dropping references to True and None.

    ``SignalInstance.emit()`` returns ``True`` without counting the reference;
    methods that return nothing (``QLabel.setText``, ``setVisible``,
    ``QDateEdit.setDate`` ...) and reads of an item's data stored as ``None``
    (``QComboBox.itemData`` / ``currentData`` of a "not checked yet" choice)
    do the same to ``None``.  Each call takes one off the object's count, and
    CPython 3.11 aborts ("bool_dealloc" / "none_dealloc: deallocating None")
    once it reaches zero - after some thousand calls, a working day at the
    counter.  Python 3.12+ makes these objects immortal; before that, give
    True, False and None a reference count no session can use up.  Done here,
    on the first import of anything in ``desktop``, so every window, dialog
    and test is covered.  CPython only.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for value in (True, False, None):
        count = ctypes.c_ssize_t.from_address(id(value))  # ob_refcnt, the first field
        if count.value < 1 << 40:
            count.value += 1 << 40


_pin_singletons()

"""The one error type a command or a service raises for bad user input.

Its message is a complete sentence for the user (already translated by the
caller where a translation exists).  The command line prints it as one line
on stderr and exits with status 2; the GUI shows it next to the field named
in ``field``.
"""

from __future__ import annotations


class UserError(Exception):
    def __init__(self, message: str, *, field: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

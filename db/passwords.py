"""The password rule for staff accounts, in one place (GUI, command line, services).

A password is accepted when it

* has at least :data:`MIN_PASSWORD_LENGTH` characters,
* is not only spaces,
* holds both letters (any script: 柜台 counts) and digits,
* is not one of the 10,000 most common passwords (compared without regard
  to case and surrounding spaces).

The list is SecLists' ``Passwords/Common-Credentials/10k-most-common.txt``
(Daniel Miessler et al., MIT licence), shipped as
``resources/common_passwords.txt``; it is read once, on first use.

:func:`password_problem` gives a :class:`~lending.reasons.Reason` (code
``password.*``, English template translated in context ``Reason``) or None.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lending.reasons import Reason

MIN_PASSWORD_LENGTH = 8
COMMON_PASSWORDS = Path(__file__).resolve().parents[1] / "resources" / "common_passwords.txt"

MESSAGES: dict[str, str] = {
    "password.short": "A password needs at least {n} characters.",
    "password.blank": "A password cannot be only spaces.",
    "password.letters_digits": "Use both letters and digits in the password.",
    "password.common": (
        "This password is one of the most common passwords and is guessed first; choose another."
    ),
}


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list, lower-cased."""
    text = COMMON_PASSWORDS.read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def password_problem(password: str) -> Reason | None:
    """Why ``password`` is refused (the first rule it breaks), or None when it is good."""
    if not password.strip():
        if password:
            return Reason.of(MESSAGES, "password.blank")
        return Reason.of(MESSAGES, "password.short", n=MIN_PASSWORD_LENGTH)
    if len(password) < MIN_PASSWORD_LENGTH:
        return Reason.of(MESSAGES, "password.short", n=MIN_PASSWORD_LENGTH)
    if not any(ch.isalpha() for ch in password) or not any(ch.isdigit() for ch in password):
        return Reason.of(MESSAGES, "password.letters_digits")
    if password.strip().lower() in common_passwords():
        return Reason.of(MESSAGES, "password.common")
    return None

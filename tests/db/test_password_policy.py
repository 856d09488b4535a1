"""The one password rule (issue 11, item 12): letters and digits, no blanks, no common ones.

On the old main ``12345678``, ``password`` and eight spaces were accepted by
the services (length was the only rule) and ``password1`` everywhere.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db import Database
from db.models.enums import Role
from db.passwords import MIN_PASSWORD_LENGTH, common_passwords, password_problem
from db.services import staff
from db.services.base import Actor, ValidationError

REFUSED = {
    "12345678": "password.letters_digits",
    "password": "password.letters_digits",
    " " * 8: "password.blank",
    "\t \u3000  \n  ": "password.blank",
    "short1": "password.short",
    "password1": "password.common",
    "PassWord1": "password.common",
    " abc12345 ": "password.common",
    "qwerty123": "password.common",
}


@pytest.mark.parametrize(("password", "code"), sorted(REFUSED.items()))
def test_weak_passwords_are_refused_with_a_reason(password: str, code: str) -> None:
    reason = password_problem(password)
    assert reason is not None and reason.code == code


def test_the_shipped_list_holds_ten_thousand_passwords() -> None:
    words = common_passwords()
    assert len(words) == 10_000
    assert {"123456", "password", "qwerty", "iloveyou", "abc123"} <= words


def test_every_common_password_with_letters_and_digits_is_refused() -> None:
    for word in common_passwords():
        mixed = any(c.isalpha() for c in word) and any(c.isdigit() for c in word)
        if len(word) >= MIN_PASSWORD_LENGTH and mixed:
            for variant in (word, word.upper(), f" {word} "):
                reason = password_problem(variant)
                assert reason is not None and reason.code == "password.common", variant


letters = st.characters(categories=["Lu", "Ll", "Lo"])
digits = st.sampled_from(string.digits)


@given(
    st.lists(letters, min_size=1, max_size=20),
    st.lists(digits, min_size=1, max_size=20),
    st.randoms(use_true_random=False),
)
def test_letters_and_digits_of_length_eight_are_accepted_unless_common(
    some_letters: list[str], some_digits: list[str], rnd: object
) -> None:
    chars = some_letters + some_digits
    while len(chars) < MIN_PASSWORD_LENGTH:
        chars.append("x")
    rnd.shuffle(chars)  # type: ignore[attr-defined]
    password = "".join(chars)
    reason = password_problem(password)
    if password.strip().lower() in common_passwords():
        assert reason is not None and reason.code == "password.common"
    else:
        assert reason is None, (password, reason)


@given(st.text(max_size=40))
def test_an_accepted_password_always_meets_every_rule(password: str) -> None:
    if password_problem(password) is None:
        assert len(password) >= MIN_PASSWORD_LENGTH and password.strip()
        assert any(c.isalpha() for c in password) and any(c.isdigit() for c in password)
        assert password.strip().lower() not in common_passwords()


@pytest.mark.parametrize("weak", ["12345678", "password", " " * 8, "password1"])
def test_every_service_applies_the_rule(database: Database, owner: Actor, weak: str) -> None:
    with pytest.raises(ValidationError) as info:
        staff.create_owner(database, "Other", "owner2", weak)
    assert "password" in info.value.errors
    with pytest.raises(ValidationError) as info:
        staff.add_staff(database, owner, "clerk", weak, Role.CONSULTANT)
    assert info.value.reasons["password"].code == password_problem(weak).code  # type: ignore[union-attr]
    assert [s.username for s in staff.list_staff(database, owner)] == ["owner"]
    clerk = staff.add_staff(database, owner, "clerk", "clerk-pass-7", Role.CONSULTANT)
    with pytest.raises(ValidationError):
        staff.reset_password(database, owner, clerk.id, weak)
    with pytest.raises(ValidationError):
        staff.change_own_password(database, owner, "owner-pass-1", weak)
    assert staff.login(database, "clerk", "clerk-pass-7")
    assert staff.login(database, "owner", "owner-pass-1")


def test_the_gui_uses_the_same_rule() -> None:
    from desktop.login import password_problem as gui_problem

    for password, code in REFUSED.items():
        assert gui_problem(password) == code.removeprefix("password.")
    assert gui_problem("counter2026") is None

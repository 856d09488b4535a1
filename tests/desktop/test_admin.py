"""The "Staff and stores" dialog: add, reset, unlock, disable, change role, add store.

Forms run their service calls through the ImmediateRunner; each test then
checks the database through the services (login, list_staff, list_stores).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from PySide6.QtWidgets import QLabel

from db.models import Staff
from db.models.enums import Role
from db.services import staff, stores
from db.services.staff import LoginError
from desktop.admin import AdminDialog
from desktop.context import AppContext
from desktop.i18n import Translators
from desktop.main_window import MainWindow
from desktop.preferences import Preferences
from desktop.staff_dialogs import AddStaffDialog, AddStoreDialog, ResetPasswordDialog, RoleDialog
from lending.settings import DEFAULT_SETTINGS

STORE = "Hengtong Used Cars"


def make_ctx(database, actor, runner) -> AppContext:
    return AppContext(database, actor, runner, "en", DEFAULT_SETTINGS, STORE, "Wang Li")


@pytest.fixture
def admin(qtbot, database, owner, runner):
    dialog = AdminDialog(make_ctx(database, owner, runner))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def usernames(database, owner) -> list[str]:
    return [v.username for v in staff.list_staff(database, owner, all_stores=True)]


def table_column(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def open_add_form(admin: AdminDialog) -> AddStaffDialog:
    admin.staff_tab.add_button.click()
    dialog = admin.staff_tab.dialog
    assert isinstance(dialog, AddStaffDialog)
    assert dialog.isVisible()
    return dialog


def fill(dialog: AddStaffDialog, **values: str) -> None:
    fields = {
        "username": "lina",
        "display_name": "Li Na",
        "password": "counter88",
        "confirm": "counter88",
    } | values
    for key, text in fields.items():
        getattr(dialog, key).setText(text)


def select(admin: AdminDialog, username: str) -> None:
    tab = admin.staff_tab
    row = table_column(tab.table, 0).index(username)
    tab.table.selectRow(row)
    assert tab.selected() is not None and tab.selected().username == username


def visible_errors(dialog) -> dict[str, str]:
    return {key: label.text() for key, label in dialog.errors.items() if label.isVisibleTo(dialog)}


def test_add_a_consultant_who_then_logs_in(admin, database, owner):
    assert table_column(admin.staff_tab.table, 0) == ["owner"]
    dialog = open_add_form(admin)
    assert dialog.role.currentData() == Role.CONSULTANT.value
    fill(dialog)
    dialog.ok_button.click()
    assert dialog.created is not None and not dialog.isVisible()
    assert admin.staff_tab.dialog is None
    tab = admin.staff_tab
    assert table_column(tab.table, 0) == ["lina", "owner"]
    assert table_column(tab.table, 1) == ["Li Na", "Wang Li"]
    assert table_column(tab.table, 2) == ["Sales consultant", "Owner"]
    assert table_column(tab.table, 4) == ["Active", "Active"]
    assert "Added Li Na (lina) as Sales consultant" in tab.message.text()
    actor = staff.login(database, "lina", "counter88")
    assert actor.role is Role.CONSULTANT and actor.store_id == owner.store_id


@pytest.mark.parametrize(
    ("values", "field", "reason"),
    [
        ({"username": "  "}, "username", "Enter a user name."),
        ({"username": "li na"}, "username", "at most 64 characters and no spaces"),
        ({"username": "x" * 65}, "username", "at most 64 characters and no spaces"),
        ({"display_name": "N" * 101}, "display_name", "at most 100 characters"),
        ({"password": "ab12", "confirm": "ab12"}, "password", "at least 8 characters"),
        ({"password": "countercounter", "confirm": "countercounter"}, "password", "digits"),
        ({"password": "1234567890", "confirm": "1234567890"}, "password", "letters and digits"),
        ({"confirm": "counter89"}, "confirm", "The two passwords are not the same."),
        ({"username": "owner"}, "username", "This user name is already taken."),
    ],
)
def test_bad_input_shows_its_reason_and_creates_nothing(
    admin, database, owner, values, field, reason
):
    dialog = open_add_form(admin)
    fill(dialog, **values)
    dialog.ok_button.click()
    errors = visible_errors(dialog)
    assert list(errors) == [field]
    assert reason in errors[field]
    assert dialog.isVisible() and dialog.created is None
    assert usernames(database, owner) == ["owner"]
    # corrected, the same form saves
    fill(dialog, username="lina")
    dialog.ok_button.click()
    assert dialog.created is not None
    assert usernames(database, owner) == ["lina", "owner"]


def test_every_bad_field_is_reported_at_once(admin, database, owner):
    dialog = open_add_form(admin)
    fill(dialog, username="", display_name="N" * 120, password="short", confirm="")
    dialog.ok_button.click()
    assert set(visible_errors(dialog)) == {"username", "display_name", "password"}
    assert usernames(database, owner) == ["owner"]


def test_group_owner_adds_staff_to_another_store(admin, database, owner):
    branch = stores.add_store(database, owner, "East Branch", seed_catalogue=False)
    admin.refresh()
    dialog = open_add_form(admin)
    assert dialog.show_store and dialog.store.currentData() == owner.store_id
    fill(dialog, username="east")
    dialog.store.setCurrentIndex(dialog.store.findData(branch.id))
    dialog.role.setCurrentIndex(dialog.role.findData(Role.MANAGER.value))
    dialog.ok_button.click()
    assert dialog.created is not None
    actor = staff.login(database, "east", "counter88")
    assert actor.store_id == branch.id and actor.role is Role.MANAGER
    tab = admin.staff_tab
    row = table_column(tab.table, 0).index("east")
    assert tab.table.item(row, 3).text() == "East Branch"


def test_reset_password_unlock_disable_and_role(admin, database, owner):
    view = staff.add_staff(database, owner, "lina", "counter88", Role.CONSULTANT)
    now = datetime.now(UTC)
    for _ in range(staff.MAX_FAILED_LOGINS):
        with pytest.raises(LoginError):
            staff.login(database, "lina", "wrong-one-1", now=now)
    admin.refresh()
    tab = admin.staff_tab
    select(admin, "lina")
    assert table_column(tab.table, 4)[0].startswith("Locked until ")
    assert tab.unlock_button.isEnabled()

    tab.unlock_button.click()
    assert "lina is unlocked" in tab.message.text()
    assert table_column(tab.table, 4)[0] == "Active"
    assert not tab.unlock_button.isEnabled()
    assert staff.login(database, "lina", "counter88")

    tab.reset_button.click()
    reset = tab.dialog
    assert isinstance(reset, ResetPasswordDialog)
    reset.password.setText("letters-only")
    reset.confirm.setText("letters-only")
    reset.ok_button.click()
    assert reset.password_error.isVisibleTo(reset) and "digits" in reset.password_error.text()
    reset.password.setText("newpass2026")
    reset.confirm.setText("newpass2027")
    reset.ok_button.click()
    assert reset.confirm_error.isVisibleTo(reset)
    assert not reset.password_error.isVisibleTo(reset)
    reset.confirm.setText("newpass2026")
    reset.ok_button.click()
    assert reset.done_ok and "New password set for lina" in tab.message.text()
    with database.unit_of_work() as uow:
        stored = uow.session.get(Staff, view.id).password_hash
    assert PasswordHasher().verify(stored, "newpass2026")
    assert staff.login(database, "lina", "newpass2026")

    select(admin, "lina")
    assert tab.active_button.text() == "Disable account"
    tab.active_button.click()
    assert table_column(tab.table, 4)[0] == "Disabled"
    with pytest.raises(LoginError, match="disabled"):
        staff.login(database, "lina", "newpass2026")
    select(admin, "lina")
    assert tab.active_button.text() == "Enable account"
    tab.active_button.click()
    assert table_column(tab.table, 4)[0] == "Active"
    assert staff.login(database, "lina", "newpass2026")

    select(admin, "lina")
    tab.role_button.click()
    role = tab.dialog
    assert isinstance(role, RoleDialog)
    role.role.setCurrentIndex(role.role.findData(Role.FINANCE.value))
    role.ok_button.click()
    assert role.changed is not None and role.changed.role is Role.FINANCE
    assert table_column(tab.table, 2)[0] == "Finance specialist"
    assert staff.actor_for(database, view.id).role is Role.FINANCE


def test_own_row_cannot_be_disabled_or_demoted(admin, database, owner):
    select(admin, "owner")
    tab = admin.staff_tab
    assert not tab.active_button.isEnabled() and not tab.role_button.isEnabled()
    assert tab.reset_button.isEnabled()
    # the service refuses as well; the refusal is shown in the role form
    role = RoleDialog(admin.staff_tab.ctx, tab.selected(), admin)
    role.role.setCurrentIndex(role.role.findData(Role.MANAGER.value))
    role.ok_button.click()
    assert role.role_error.text() == "You cannot demote or disable your own account."
    assert staff.actor_for(database, owner.staff_id).role is Role.OWNER


def test_owner_adds_a_store(admin, database, owner):
    assert admin.stores_tab is not None
    tab = admin.stores_tab
    assert admin.tabs.tabText(1) == "Stores"
    assert table_column(tab.table, 0) == [STORE]
    assert table_column(tab.table, 1) == ["1"]
    tab.add_button.click()
    dialog = tab.dialog
    assert isinstance(dialog, AddStoreDialog)
    dialog.name.setText("   ")
    dialog.ok_button.click()
    assert dialog.name_error.text() == "Enter the store's name."
    dialog.name.setText(STORE.upper())
    dialog.ok_button.click()
    assert dialog.name_error.text() == "A store with this name already exists."
    dialog.name.setText("x" * 201)
    dialog.ok_button.click()
    assert "at most 200 characters" in dialog.name_error.text()
    assert len(stores.list_stores(database, owner)) == 1
    dialog.name.setText("  Hengtong   East Branch ")
    dialog.ok_button.click()
    assert dialog.created is not None and not dialog.isVisible()
    assert table_column(tab.table, 0) == [STORE, "Hengtong East Branch"]
    assert table_column(tab.table, 1) == ["1", "0"]
    assert "Added the store Hengtong East Branch" in tab.message.text()
    assert [s.name for s in stores.list_stores(database, owner)][-1] == "Hengtong East Branch"
    # the staff form offers the new store at once
    form = open_add_form(admin)
    assert form.store.findText("Hengtong East Branch") >= 0


def test_service_refusal_is_shown_inline(qtbot, database, owner, runner):
    view = staff.add_staff(database, owner, "boss", "counter88", Role.MANAGER)
    manager = staff.actor_for(database, view.id)
    dialog = AdminDialog(make_ctx(database, manager, runner))
    qtbot.addWidget(dialog)
    assert dialog.stores_tab is None and dialog.tabs.count() == 1
    assert dialog.staff_tab.table.isColumnHidden(3)
    form = AddStaffDialog(dialog.staff_tab.ctx, {manager.store_id: STORE}, dialog)
    assert not form.show_store
    fill(form)
    form.ok_button.click()
    assert form.form_error.text() == "Your role may not do this. Ask the owner."
    assert usernames(database, owner) == ["boss", "owner"]


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.FINANCE, Role.MANAGER, Role.OWNER])
def test_only_staff_managers_see_the_admin_action(qtbot, database, owner, runner, role):
    if role is Role.OWNER:
        actor = owner
    else:
        view = staff.add_staff(database, owner, "someone", "counter88", role)
        actor = staff.actor_for(database, view.id)
    window = MainWindow(make_ctx(database, actor, runner), Preferences())
    qtbot.addWidget(window)
    assert window.admin_action.isVisible() is (role is Role.OWNER)
    tools = [a.text() for a in window.toolbar.actions() if a.isVisible()]
    assert ("Staff and stores…" in tools) is (role is Role.OWNER)
    window.close_for_rebuild()


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    translators = Translators(qapp)
    translators.install(request.param)
    yield request.param
    translators.install("en")


def test_admin_screenshots(qtbot, language, database, owner, runner, screenshot):
    branch = stores.add_store(database, owner, "恒通二手车东区店", seed_catalogue=False)
    staff.add_staff(database, owner, "lina", "counter88", Role.CONSULTANT, display_name="李娜")
    staff.add_staff(database, owner, "zhaolei", "counter88", Role.FINANCE, display_name="赵磊")
    off = staff.add_staff(
        database, owner, "chen", "counter88", Role.CONSULTANT, display_name="陈晨"
    )
    staff.update_staff(database, owner, off.id, active=False)
    staff.add_staff(
        database,
        owner,
        "sunmei",
        "counter88",
        Role.MANAGER,
        display_name="孙梅",
        store_id=branch.id,
    )
    now = datetime.now(UTC) + timedelta(seconds=1)
    for _ in range(staff.MAX_FAILED_LOGINS):
        with pytest.raises(LoginError):
            staff.login(database, "zhaolei", "wrong-one-1", now=now)

    admin = AdminDialog(make_ctx(database, owner, runner))
    qtbot.addWidget(admin)
    admin.show()
    qtbot.waitExposed(admin)
    select(admin, "zhaolei")
    assert admin.staff_tab.unlock_button.isEnabled()
    screenshot(admin, "admin_staff")
    admin.staff_tab.unlock_button.click()
    screenshot(admin, "admin_staff_unlocked")

    form = open_add_form(admin)
    fill(form, username="li na", display_name="李娜", password="abc", confirm="")
    form.ok_button.click()
    assert set(visible_errors(form)) == {"username", "password"}
    screenshot(form, "admin_add_staff_errors")
    form.reject()

    select(admin, "lina")
    admin.staff_tab.reset_button.click()
    reset = admin.staff_tab.dialog
    assert isinstance(reset, ResetPasswordDialog)
    reset.password.setText("newpass2026")
    reset.confirm.setText("newpass")
    reset.ok_button.click()
    screenshot(reset, "admin_reset_password")
    reset.reject()

    admin.tabs.setCurrentIndex(1)
    assert admin.stores_tab is not None
    admin.stores_tab.add_button.click()
    add_store = admin.stores_tab.dialog
    assert isinstance(add_store, AddStoreDialog)
    add_store.name.setText("恒通二手车东区店")
    add_store.ok_button.click()
    screenshot(add_store, "admin_add_store_error")
    add_store.reject()
    screenshot(admin, "admin_stores")
    expected = "Staff" if language == "en" else "员工"
    assert admin.tabs.tabText(0) == expected
    assert isinstance(admin.staff_tab.message, QLabel)

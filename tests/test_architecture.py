"""Dependencies point one way: lending imports nothing of Qt, SQLAlchemy or the app."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_LENDING = {
    "PySide6",
    "sqlalchemy",
    "alembic",
    "reportlab",
    "openpyxl",
    "db",
    "reports",
    "desktop",
    "resources",
    "platformdirs",
}
IO_CALLS = {"open", "print", "input"}


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_lending_is_pure() -> None:
    files = sorted((ROOT / "lending").rglob("*.py"))
    assert files
    for path in files:
        bad = imported_roots(path) & FORBIDDEN_IN_LENDING
        assert not bad, f"{path.name} imports {bad}"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = {
            n.func.id
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
        }
        assert not calls & IO_CALLS, f"{path.name} does I/O: {calls & IO_CALLS}"


def test_lending_never_uses_float() -> None:
    for path in sorted((ROOT / "lending").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        floats = [
            n.lineno
            for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, float)
        ]
        calls = [
            n.lineno
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "float"
        ]
        assert not floats and not calls, f"{path.name}: float at lines {floats + calls}"


def test_db_does_not_import_the_gui() -> None:
    for pkg in ("db", "reports"):
        for path in sorted((ROOT / pkg).rglob("*.py")):
            assert "PySide6" not in imported_roots(path), f"{path} imports PySide6"
            assert "desktop" not in imported_roots(path), f"{path} imports desktop"


def test_screen_colours_are_declared_once() -> None:
    """Every colour of the screens comes from desktop/style.py (one palette, one red)."""
    import re

    colour = re.compile(r"#[0-9a-fA-F]{6}\b|palette\(placeholder-text\)")
    files = sorted((ROOT / "desktop").rglob("*.py"))
    assert (ROOT / "desktop" / "style.py") in files
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        if path.name != "style.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if colour.search(line)
    ]
    assert offenders == []


def test_one_module_decides_where_files_go() -> None:
    """Only db/paths.py reads LOANDESK_HOME or asks platformdirs for a folder."""
    import re

    asks = re.compile(r"platformdirs\.user_|\"LOANDESK_HOME\"|/ \"config\"|/ \"cache\"")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("db", "desktop", "reports", "lending")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.name != "paths.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if asks.search(line)
    ]
    assert offenders == []


def test_every_gui_module_can_be_imported_first() -> None:
    """No import cycle among desktop's modules, whichever one a program or test imports
    first (the finance page's add-ons tab and the add-on editor once imported each other
    and only the editor's tests, importing it first, met the cycle)."""
    import subprocess
    import sys

    names = sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for path in (ROOT / "desktop").rglob("*.py")
    )
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    for loaded in [m for m in sys.modules if m == 'desktop' or "
        "m.startswith('desktop.')]:\n"
        "        del sys.modules[loaded]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ImportError as exc:\n"
        "        print(name, exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""

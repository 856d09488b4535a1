"""A built wheel holds the whole program: every package of the source tree and its data.

``pyproject.toml`` once listed only the top-level packages, so a wheel (or a
non-editable install) missed ``db.services``, ``desktop.pages``, the
migrations, the translations, the catalogue...  This builds the wheel from a
copy of the source (nothing is written into the checkout) and compares.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("lending", "db", "reports", "desktop", "resources")
SKIP = shutil.ignore_patterns("__pycache__", "*.pyc")


def _source_files() -> list[str]:
    """Every file of the program's packages, as a wheel names it."""
    files = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                files.append(path.relative_to(ROOT).as_posix())
    return sorted(files)


def _build_wheel(tmp_path: Path) -> list[str]:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "main.py"):
        shutil.copy2(ROOT / name, src / name)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, src / package, ignore=SKIP)
    out = tmp_path / "wheel"
    done = subprocess.run(
        [
            sys.executable, "-c",
            "import sys; from setuptools import build_meta; "
            "print(build_meta.build_wheel(sys.argv[1]))",
            str(out),
        ],
        cwd=src, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    wheel = out / done.stdout.split()[-1]
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def test_the_wheel_holds_every_package_and_data_file(tmp_path: Path) -> None:
    names = set(_build_wheel(tmp_path))
    expected = _source_files()
    assert [f for f in expected if f not in names] == []
    folders = {n.rsplit("/", 1)[0] for n in names if n.endswith(".py")}
    for folder in ("db/services", "db/models", "db/migrations/versions", "desktop/pages"):
        assert folder in folders
    for data in (
        "resources/catalogue.json",
        "resources/wmi_china.csv",
        "resources/common_passwords.txt",
        "resources/loan_status_mappings.json",
        "resources/translations/zh_CN/desktop_login.ts",
        "db/migrations/script.py.mako",
    ):
        assert data in names
    assert "main.py" in names
    assert not any(n.startswith(("tests/", "bench/", "packaging/")) for n in names)

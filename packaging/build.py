"""Build the LoanDesk one-folder bundle with PyInstaller (packaging/loandesk.spec).

    python packaging/build.py [--dist DIR]

Stages what the bundle needs that is not a source file - the zh_CN catalogue
compiled with PySide6's lrelease (the bundle has no lrelease) and a CJK
TrueType font found on the build machine (the PDFs' fallback on a PC without
one) - then runs PyInstaller on the spec and prints the bundle's size.  The
result is ``DIST/LoanDesk/LoanDesk`` (``LoanDesk.exe`` on Windows).  On
Windows, packaging/loandesk.iss then makes the installer from that folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def stage_catalogue(stage: Path) -> None:
    from desktop.i18n import compiled_catalogue

    target = stage / "qm"
    target.mkdir(parents=True, exist_ok=True)
    qm = compiled_catalogue("zh_CN", target=target)
    if qm is None:
        raise SystemExit("build: pyside6-lrelease could not compile the zh_CN catalogue")
    qm.with_suffix(".stamp").unlink(missing_ok=True)  # the bundle's copy is used as it is


def stage_font(stage: Path) -> None:
    """Copy the first usable TrueType CJK font of this machine (WenQuanYi Zen Hei on the
    Debian CI: GPL with the font-embedding exception, so it may ship and be embedded)."""
    from reports.pdf.fonts import _try, system_candidates

    target = stage / "fonts"
    target.mkdir(parents=True, exist_ok=True)
    for candidate in system_candidates():
        if candidate.path.is_file() and _try(candidate) is not None:
            shutil.copy2(candidate.path, target / candidate.path.name)
            print(f"build: bundled PDF font {candidate.path.name}")
            return
    print("build: no TrueType CJK font on this machine; the bundle relies on the PC's own")


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    started = time.monotonic()
    stage = ROOT / "build" / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    stage_catalogue(stage)
    stage_font(stage)
    env = {**os.environ, "LOANDESK_BUILD_STAGE": str(stage)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(args.dist),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(ROOT / "packaging" / "loandesk.spec"),
        ],
        check=True,
        env=env,
    )
    bundle = args.dist / "LoanDesk"
    print(
        f"build: {bundle} - {size_of(bundle) / 2**20:.1f} MiB in {time.monotonic() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The headless commands end to end (real ``python main.py`` processes) on both engines."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from db import open_database
from db.models import Consultation, Plan

ROOT = Path(__file__).resolve().parents[2]


def main_py(home: Path, key: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LOANDESK_LANG": "en", "PYTHONIOENCODING": "utf-8"}
    env.update(LOANDESK_HOME=str(home), LOANDESK_KEY_FILE=str(key))
    env.pop("LOANDESK_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        cwd=ROOT,
    )


@pytest.mark.slow  # a demo store of 300 consultations, by real processes, on both engines
def test_demo_data_report_and_documents(database_url: str, key_path: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    # after the subcommand: main.py ignores --database-url before it (reported to its owner)
    target = ["--database-url", database_url]
    out = main_py(home, key_path, "demo-data", *target, "--consultations", "300", "--seed", "2")
    assert out.returncode == 0, out.stderr
    assert "Loaded 300 consultations" in out.stdout

    report = tmp_path / "report.xlsx"
    today = date.today()
    period = ["--from", f"{today.year - 3}-01-01", "--to", f"{today.year + 1}-12-31"]
    args = ["export-report", *period, "--out", str(report)]
    out = main_py(home, key_path, *args, *target)
    assert out.returncode == 0, out.stderr
    with closing(load_workbook(report, read_only=True)) as wb:
        assert len(wb.sheetnames) >= 1

    with open_database(database_url, key=key_path) as database, database.engine.connect() as c:
        consultation = c.execute(select(Plan.consultation_id).order_by(Plan.id)).scalar()
        assert c.execute(select(func.count()).select_from(Consultation)).scalar() == 300
    assert consultation is not None
    pdf = tmp_path / "plan.pdf"
    args = ["print-quote", "--consultation", str(consultation), "--document", "plan"]
    out = main_py(home, key_path, *args, *target, "--out", str(pdf))
    assert out.returncode == 0, out.stderr
    assert len(PdfReader(pdf).pages) >= 1

    # demo data refuses a store that already has customers: one clear line, nothing written
    out = main_py(home, key_path, "demo-data", *target, "--consultations", "10")
    assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1, out.stderr

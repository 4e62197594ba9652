"""Private files: everything written is 0600, every folder created is 0700, whatever the umask."""

from __future__ import annotations

import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest

from storage import Workbook
from storage.transfer import export_json
from workbook.models import Debt


@pytest.fixture(params=[0o000, 0o022, 0o077])
def umask(request):
    before = os.umask(request.param)
    yield request.param
    os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_0600_and_folders_0700(tmp_path: Path, umask):
    path = tmp_path / "deep" / "er" / "workbook.json"
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="A", balance=Decimal("1")))
    Workbook.open(path).close()  # takes a backup
    with Workbook.open(path) as wb:
        export_json(wb, tmp_path / "exports" / "all.json")
    created_dirs = [tmp_path / "deep", tmp_path / "deep" / "er", tmp_path / "exports"]
    created_dirs += [p for p in (tmp_path / "deep").rglob("*") if p.is_dir()]
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(files) >= 4  # workbook, lock, backup, export
    assert {str(p): _mode(p) for p in files} == {str(p): 0o600 for p in files}
    assert {str(p): _mode(p) for p in created_dirs} == {str(p): 0o700 for p in created_dirs}


def test_an_existing_loose_workbook_is_tightened_on_open(wb_path: Path):
    with Workbook.open(wb_path):
        pass
    os.chmod(wb_path, 0o644)
    Workbook.open(wb_path).close()
    assert _mode(wb_path) == 0o600


def test_an_existing_folder_is_not_changed(tmp_path: Path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    Workbook.open(shared / "w.json").close()
    assert _mode(shared) == 0o755
    assert _mode(shared / "w.json") == 0o600

"""With umask 000 (nothing masked), every file the program creates is 0600 and every
folder 0700: the workbook, its lock, backups (plain and tagged), the demo, an import,
and every export kind in the default `exports/` folder and in a folder of its own."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest

from reports.export_job import KINDS
from storage import Workbook
from storage.backup import list_backups, restore_backup
from storage.transfer import import_json
from tui.cli.demo import ensure_demo
from tui.cli.export import run_export


@pytest.fixture
def no_umask():
    before = os.umask(0o000)
    yield
    os.umask(before)


def _modes(root: Path, existed: set[Path]) -> tuple[dict[str, int], dict[str, int]]:
    files, folders = {}, {}
    for item in root.rglob("*"):
        if item in existed or item.is_symlink():
            continue
        mode = stat.S_IMODE(item.lstat().st_mode)
        (folders if item.is_dir() else files)[str(item.relative_to(root))] = mode
    return files, folders


def _every_export(path: Path, extra: list[str]) -> None:
    with Workbook.open(path, read_only=True) as wb:
        debt = wb.debts.list()[0].id
        agreement = wb.agreements.list()[0].id
    for kind in KINDS:
        args = [kind, "--lang", "en", "--today", "2026-11-28", *extra]
        if kind in ("letter", "objection", "defence"):  # each names a debt
            args += ["--debt", str(debt)]
        if kind in ("checklist", "schedule"):
            args += ["--agreement", str(agreement)]
        assert run_export(args, path) == 0, kind


def test_every_file_and_folder_created_is_private_with_umask_000(tmp_path, no_umask, capsys):
    root = tmp_path / "home"
    root.mkdir(mode=0o700)
    existed = {root}
    demo = ensure_demo(root / "data" / "demo" / "demo-workbook.json", reset=False,
                       today=date(2026, 11, 28))  # fmt: skip
    ensure_demo(demo, reset=True, today=date(2026, 11, 28))  # a backup of the old demo
    Workbook.open(demo).close()
    restore_backup(demo, list_backups(demo)[-1])  # a tagged before-restore copy
    _every_export(demo, [])  # into exports/ beside it, made by the export
    _every_export(demo, ["--out", str(root / "letters" / "deeper") + "/"])
    with Workbook.open(demo, read_only=True) as wb:
        from storage.transfer import export_json

        export = export_json(wb, root / "moved" / "all.json")
    import_json(export, root / "imported" / "new.json").close()
    capsys.readouterr()

    files, folders = _modes(root, existed)
    assert any(name.endswith(".pdf") for name in files)
    assert any(name.endswith(".ics") for name in files)
    assert any(name.endswith(".lock") for name in files)
    assert any("before-restore" in name for name in files)
    assert any(name.startswith("data/demo/exports/") for name in files)
    assert len(files) >= 25
    assert {n: m for n, m in files.items() if m != 0o600} == {}
    assert {n: m for n, m in folders.items() if m != 0o700} == {}

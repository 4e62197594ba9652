"""A disk that is really full: a small tmpfs, filled up. Skipped (with the reason)
where the machine does not let the test mount one (it needs root, or a user
namespace). Monkeypatched ENOSPC lives in test_disk_trouble.py; this is the real one.

Whatever fails for want of space: the old file is intact, the form keeps its text,
no temporary file is left, and once there is room again the same action succeeds.
"""

from __future__ import annotations

import asyncio
import errno
import os
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from storage import Workbook, WorkbookWriteError
from storage.errors import BackupFailed
from workbook.models import Debt


def _mount_small_tmpfs(where: Path) -> str | None:
    """None when mounted; else why it could not be."""
    if os.geteuid() != 0:
        return "mounting a small tmpfs needs root"
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(where)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        return f"this machine refused to mount a tmpfs: {done.stderr.strip()}"
    return None


@pytest.fixture
def small_disk(tmp_path: Path):
    disk = tmp_path / "disk"
    why = _mount_small_tmpfs(disk)
    if why:
        pytest.skip(why)
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path) -> Path:
    """Use up every byte of `disk`; returns the filler, to be removed to make room."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        for size in (65536, 4096, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError as error:
                assert error.errno == errno.ENOSPC
    return filler


def _temp_files(folder: Path) -> list[str]:
    return [str(p) for p in folder.rglob("*.tmp")]


def _workbook(path: Path) -> None:
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="招商银行", balance=Decimal("100.00")))


def test_a_save_on_a_full_disk_keeps_the_old_file_and_leaves_no_temp_file(small_disk):
    path = small_disk / "workbook.json"
    _workbook(path)
    with Workbook.open(path) as wb:
        before = path.read_bytes()
        filler = fill(small_disk)
        with pytest.raises(WorkbookWriteError) as caught:
            wb.debts.add(Debt(lender="丢失", balance=Decimal("1.00"), notes="长" * 5000))
        assert "the disk is full" in caught.value.message
        assert path.read_bytes() == before
        assert _temp_files(small_disk) == []
        assert [d.lender for d in wb.debts.list()] == ["招商银行"]
        filler.unlink()
        wb.debts.add(Debt(lender="有空间了", balance=Decimal("1.00")))
    with Workbook.open(path, read_only=True) as wb:
        assert [d.lender for d in wb.debts.list()] == ["招商银行", "有空间了"]


def test_an_open_whose_backup_does_not_fit_changes_nothing(small_disk):
    path = small_disk / "workbook.json"
    _workbook(path)
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="B", balance=Decimal("2.00")))
    before = path.read_bytes()
    fill(small_disk)
    with pytest.raises(BackupFailed) as caught:
        Workbook.open(path)
    assert "the disk is full" in caught.value.message
    assert path.read_bytes() == before
    assert _temp_files(small_disk) == []
    with Workbook.open(path, read_only=True) as wb:  # looking still works
        assert len(wb.debts.list()) == 2


def test_an_export_on_a_full_disk_says_so_and_leaves_no_part_behind(small_disk, capsys):
    from tui.cli.export import run_export

    path = small_disk / "workbook.json"
    _workbook(path)
    filler = fill(small_disk)
    assert run_export(["summary", "--lang", "en"], path) == 2
    assert "the disk is full" in capsys.readouterr().err
    assert _temp_files(small_disk) == []
    filler.unlink()
    assert run_export(["summary", "--lang", "en"], path) == 0


def test_the_form_keeps_what_was_typed_when_the_disk_is_full(small_disk):
    from tui.app import RepayApp
    from tui.cli.demo import seed_demo
    from tui.debts.debt_form import DebtForm
    from tui.debts.screen import InventoryScreen
    from tui.widgets.field import Field

    path = small_disk / "demo.json"
    from datetime import date

    with Workbook.open(path) as wb:
        seed_demo(wb, date(2026, 11, 28))
    wb = Workbook.open(path)
    before = path.read_bytes()

    async def session() -> None:
        app = RepayApp(wb, today=date(2026, 11, 28), lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            filler = fill(small_disk)
            await pilot.press("1", "a", *"Full", "tab", "tab", "tab", "tab", "tab", "tab", *"100")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, DebtForm)  # still open, with the text typed
            assert app.screen.query_one("#lender", Field).text == "Full"
            assert any(n.title == "Not saved" for n in app._notifications)
            assert any("the disk is full" in n.message for n in app._notifications)
            assert path.read_bytes() == before
            assert _temp_files(small_disk) == []
            filler.unlink()  # room again: the same form saves
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, InventoryScreen)

    try:
        asyncio.run(session())
        assert "Full" in [d.lender for d in wb.debts.list()]
    finally:
        wb.close()

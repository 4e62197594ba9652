"""Rotating backups: one per open, 20 kept, restore that keeps what it replaces."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from storage import Workbook, WorkbookCorrupt, WorkbookLocked
from storage.backup import (
    KEEP,
    backup_dir,
    list_backups,
    newest_good_backup,
    restore_backup,
    take_backup,
)
from workbook.models import Debt


def _open_and_add(path: Path, lender: str) -> None:
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender=lender, balance=Decimal("1")))


def test_a_backup_is_taken_on_open_not_on_read_only(wb_path: Path):
    _open_and_add(wb_path, "A")  # creates: nothing to back up yet
    assert list_backups(wb_path) == []
    Workbook.open(wb_path, read_only=True).close()
    assert list_backups(wb_path) == []
    before = wb_path.read_bytes()
    Workbook.open(wb_path).close()
    (backup,) = list_backups(wb_path)
    assert backup.parent == backup_dir(wb_path) == wb_path.parent / "backups" / "workbook"
    assert backup.read_bytes() == before


def test_rotation_keeps_the_newest_twenty_newest_first(wb_path: Path):
    for n in range(KEEP + 5):
        _open_and_add(wb_path, f"L{n}")
    backups = list_backups(wb_path)
    assert len(backups) == KEEP == 20
    assert backups == sorted(backups, key=lambda p: p.name, reverse=True)
    with Workbook.open(wb_path, read_only=True) as wb:
        newest_state = len(wb.debts.list())
    # The newest backup was taken on the last open: it lacks only that open's debt.
    with Workbook.open(backups[0], read_only=True) as wb:
        assert len(wb.debts.list()) == newest_state - 1


def test_opening_without_changes_does_not_push_older_states_out(wb_path: Path):
    _open_and_add(wb_path, "A")
    _open_and_add(wb_path, "B")
    for _ in range(KEEP + 3):
        Workbook.open(wb_path).close()
    assert len(list_backups(wb_path)) == 2


def test_take_backup_of_nothing(tmp_path: Path):
    assert take_backup(tmp_path / "missing.json") is None
    assert list_backups(tmp_path / "missing.json") == []
    assert newest_good_backup(tmp_path / "missing.json") is None


def test_restore_puts_the_backup_back_and_keeps_the_replaced_file(wb_path: Path):
    _open_and_add(wb_path, "A")
    Workbook.open(wb_path).close()
    (good,) = list_backups(wb_path)
    wb_path.write_bytes(b'{"debts": {"1": {"lender": "A", "bal')  # damaged
    damaged = wb_path.read_bytes()
    restore_backup(wb_path, good)
    assert wb_path.read_bytes() == good.read_bytes()
    replaced = [b for b in list_backups(wb_path) if "before-restore" in b.name]
    assert [b.read_bytes() for b in replaced] == [damaged]
    with Workbook.open(wb_path) as wb:
        assert [d.lender for d in wb.debts.list()] == ["A"]


def test_restore_is_refused_while_the_workbook_is_open(wb_path: Path):
    _open_and_add(wb_path, "A")
    Workbook.open(wb_path).close()
    (good,) = list_backups(wb_path)
    with Workbook.open(wb_path) as wb:
        wb.debts.add(Debt(lender="B", balance=Decimal("2")))
        before = wb_path.read_bytes()
        with pytest.raises(WorkbookLocked) as caught:
            restore_backup(wb_path, good)
        assert "before restoring a backup" in caught.value.message
        assert wb_path.read_bytes() == before


def test_restore_refuses_a_damaged_backup(wb_path: Path):
    _open_and_add(wb_path, "A")
    bad = wb_path.parent / "bad.json"
    bad.write_bytes(b"{]")
    before = wb_path.read_bytes()
    with pytest.raises(WorkbookCorrupt) as caught:
        restore_backup(wb_path, bad)
    assert str(bad) in caught.value.message
    assert wb_path.read_bytes() == before


def test_list_backups_orders_by_time_then_counter_and_ignores_strangers(tmp_path: Path):
    path = tmp_path / "w.json"
    folder = backup_dir(path)
    folder.mkdir(parents=True)
    names = [
        "w-20240101-000000-000001.2.json",
        "w-20240101-000000-000001.1.json",
        "w-20240101-000000-000001.json",
        "w-20240101-000000-000000-schema0.json",
        "w-20231231-235959-999999.json",
    ]
    for name in [*reversed(names), "notes.txt", "other-20240101-000000-000000.json"]:
        (folder / name).write_text("{}")
    assert [p.name for p in list_backups(path)] == names

"""Backups that can be trusted: good means "an open accepts it", order means "taken
after", every kind rotates, and a file that cannot be read is not called damaged."""

from __future__ import annotations

import errno
import json
import shutil
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

import storage.backup as backup_module
import storage.workbook as workbook_module
from storage import Workbook, WorkbookCorrupt
from storage.backup import (
    KEEP,
    KEEP_TAGGED,
    backup_dir,
    backup_problem,
    list_backups,
    newest_good_backup,
    restore_backup,
    take_backup,
)
from storage.errors import WorkbookUnreadable
from storage.schema import migrate_0_to_1
from tui.cli import commands as cli_commands
from workbook.models import Debt

FIXTURE = Path(__file__).parent / "fixtures" / "workbook_v0.json"


def _open_and_add(path: Path, lender: str) -> None:
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender=lender, balance=Decimal("1.00")))


def _damage_a_record(raw: bytes) -> bytes:
    # Parses, has the right shape: only the record itself cannot be read.
    return raw.replace(b'"balance":"1.00"', b'"balance":"abc"', 1)


def test_a_backup_whose_records_are_damaged_is_not_good_nor_restored(wb_path):
    _open_and_add(wb_path, "A")
    Workbook.open(wb_path).close()
    (good,) = list_backups(wb_path)
    _open_and_add(wb_path, "B")
    Workbook.open(wb_path).close()  # a second, newer backup ...
    newest = list_backups(wb_path)[0]
    assert newest != good
    newest.write_bytes(_damage_a_record(newest.read_bytes()))  # ... which gets damaged
    assert "damaged" in backup_problem(newest)
    assert newest_good_backup(wb_path) == good
    wb_path.write_bytes(b"{")
    with pytest.raises(WorkbookCorrupt) as caught:
        Workbook.open(wb_path)
    assert str(good) in caught.value.message and str(newest) not in caught.value.message
    with pytest.raises(WorkbookCorrupt) as refused:  # restoring it would loop
        restore_backup(wb_path, newest)
    assert "cannot be read ('abc' is not a number)" in refused.value.message
    assert wb_path.read_bytes() == b"{"


def test_repay_backup_refuses_a_workbook_whose_records_are_damaged(wb_path, capsys):
    _open_and_add(wb_path, "A")
    wb_path.write_bytes(_damage_a_record(wb_path.read_bytes()))
    before = wb_path.read_bytes()
    assert cli_commands.backup(wb_path) == cli_commands.EXIT_ERROR
    err = capsys.readouterr().err
    assert "no backup was taken" in err and str(wb_path) in err
    assert "'abc' is not a number" in err
    assert list_backups(wb_path) == []
    assert wb_path.read_bytes() == before


def test_repay_restore_marks_each_bad_backup_with_why(wb_path, capsys, monkeypatch):
    _open_and_add(wb_path, "A")
    Workbook.open(wb_path).close()
    _open_and_add(wb_path, "B")
    Workbook.open(wb_path).close()
    newest, older = list_backups(wb_path)
    newest.write_bytes(_damage_a_record(newest.read_bytes()))
    assert cli_commands.restore(wb_path, None, assume_yes=False) == 0
    lines = capsys.readouterr().out.splitlines()
    (bad_line,) = [line for line in lines if newest.name in line]
    (good_line,) = [line for line in lines if older.name in line]
    assert "damaged: cannot be restored" in bad_line
    assert "(" not in good_line


def test_rotation_follows_the_order_taken_even_with_the_clock_set_back(wb_path, monkeypatch):
    _open_and_add(wb_path, "first")
    for n in range(KEEP):
        _open_and_add(wb_path, f"before-{n}")

    class SetBack(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2001, 1, 1, 12, 0, 0)

    monkeypatch.setattr(backup_module, "datetime", SetBack)
    for n in range(3):
        _open_and_add(wb_path, f"after-{n}")
    backups = list_backups(wb_path)
    assert len(backups) == KEEP
    # The newest copy is the one taken last, in spite of the 2001 in its name.
    assert "20010101" in backups[0].name
    with Workbook.open(backups[0], read_only=True) as wb:
        assert wb.debts.list()[-1].lender == "after-1"


def test_tagged_copies_rotate_too(wb_path):
    _open_and_add(wb_path, "A")
    for n in range(KEEP_TAGGED + 4):
        take_backup(wb_path, tag="before-restore")
        _open_and_add(wb_path, f"L{n}")
    tagged = [b for b in list_backups(wb_path) if "-before-restore" in b.name]
    plain = [b for b in list_backups(wb_path) if "-before-restore" not in b.name]
    assert len(tagged) == KEEP_TAGGED
    assert len(plain) == KEEP_TAGGED + 4  # plain copies are not pushed out by tagged ones
    assert tagged[0] == max(tagged, key=lambda p: p.stat().st_mtime_ns)


def _refuse_reading(monkeypatch, module, victim: Path) -> None:
    real = module.read_regular

    def read(path, *args, **kwargs):
        if Path(path) == victim:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(module, "read_regular", read)


def test_an_unreadable_workbook_says_permission_denied_not_damaged(wb_path, monkeypatch):
    _open_and_add(wb_path, "A")
    _refuse_reading(monkeypatch, workbook_module, wb_path)
    for read_only in (True, False):
        with pytest.raises(WorkbookUnreadable) as caught:
            Workbook.open(wb_path, read_only=read_only)
        message = caught.value.message
        assert "permission denied" in message and str(wb_path) in message
        assert "damaged" not in message


def test_an_unreadable_backup_says_permission_denied_not_damaged(wb_path, monkeypatch):
    _open_and_add(wb_path, "A")
    Workbook.open(wb_path).close()
    (only,) = list_backups(wb_path)
    _refuse_reading(monkeypatch, backup_module, only)
    assert backup_problem(only) == "cannot be read: permission denied"
    with pytest.raises(WorkbookUnreadable) as caught:
        restore_backup(wb_path, only)
    assert "permission denied" in caught.value.message
    assert "damaged" not in caught.value.message


def test_migration_keeps_whole_numbers_whole(wb_path):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["debts"]["1"].update({"overdue_days": 45, "due_day": 15, "term_months": 24})
    wb_path.parent.mkdir()
    wb_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Workbook.open(wb_path) as wb:
        card = wb.debts.get(1)
        assert (card.overdue_days, card.due_day, card.term_months) == (45, 15, 24)
        assert str(card.overdue_amount) == "1200"  # money still became exact text
    stored = json.loads(wb_path.read_text(encoding="utf-8"))["debts"]["1"]
    assert stored["overdue_days"] == 45 and stored["overdue_amount"] == "1200"
    upgraded = migrate_0_to_1({"debts": {"1": {"lender": "x", "amount": 5, "overdue_days": 3}}})
    assert upgraded["debts"]["1"] == {"lender": "x", "balance": "5", "overdue_days": 3}


def test_temp_files_killed_backups_and_exports_left_are_cleaned_at_the_next_open(wb_path):
    _open_and_add(wb_path, "A")
    Workbook.open(wb_path).close()
    exports = wb_path.parent / "exports"
    exports.mkdir(mode=0o700)
    left = [
        backup_dir(wb_path) / ".workbook-000009-20260101-000000-000000.json.k1f9a2b3.tmp",
        exports / ".letter-2026-01-01.pdf.x8b2_k0a.tmp",
        exports / ".workbook.json.q7c1zz90.tmp",
    ]
    for item in left:
        item.write_bytes(b"partial personal data")
    kept = exports / "letter-2026-01-01.pdf"
    kept.write_bytes(b"%PDF")
    others = exports / ".editor-swap.tmp"  # another program's: not our name pattern
    others.write_bytes(b"theirs")
    Workbook.open(wb_path).close()
    assert [p for p in left if p.exists()] == []
    assert kept.read_bytes() == b"%PDF" and others.read_bytes() == b"theirs"


def test_a_temp_file_being_written_by_another_process_is_left_alone(wb_path):
    import fcntl
    import os

    _open_and_add(wb_path, "A")
    exports = wb_path.parent / "exports"
    exports.mkdir(mode=0o700)
    busy = exports / ".summary.pdf.a1b2c3d4.tmp"
    fd = os.open(busy, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as a writer holds it until its rename
        Workbook.open(wb_path).close()
        assert busy.exists()
    finally:
        os.close(fd)
    Workbook.open(wb_path).close()
    assert not busy.exists()


def test_the_old_backup_names_still_count_and_come_first(wb_path):
    _open_and_add(wb_path, "A")
    Workbook.open(wb_path).close()
    (numbered,) = list_backups(wb_path)
    legacy = backup_dir(wb_path) / "workbook-20240101-000000-000000.json"
    shutil.copyfile(numbered, legacy)
    assert list_backups(wb_path) == [numbered, legacy]


def test_a_temp_file_a_killed_save_left_beside_the_workbook_is_cleaned(wb_path):
    import os
    import tempfile

    from storage.atomic import temp_prefix

    _open_and_add(wb_path, "A")
    fd, left = tempfile.mkstemp(prefix=temp_prefix(wb_path), suffix=".tmp", dir=wb_path.parent)
    os.close(fd)  # as write_atomic names it; its writer is gone
    Workbook.open(wb_path).close()
    assert not os.path.exists(left)


def test_an_unreadable_export_given_to_import_says_permission_denied(tmp_path, monkeypatch):
    from storage.transfer import export_json, import_json

    source = tmp_path / "w.json"
    _open_and_add(source, "A")
    with Workbook.open(source, read_only=True) as wb:
        export = export_json(wb, tmp_path / "export.json")
    _refuse_reading(monkeypatch, workbook_module, export)
    with pytest.raises(WorkbookUnreadable) as caught:
        import_json(export, tmp_path / "new.json")
    assert "permission denied" in caught.value.message
    assert "damaged" not in caught.value.message

"""A full disk or a refused folder: one clear sentence in the user's language, the
workbook untouched, and the advice (which backup, which command) usable as written."""

from __future__ import annotations

import errno
import shlex
from decimal import Decimal
from pathlib import Path

import pytest
from storage_files import snapshot

import storage.atomic as atomic
import storage.lock as lock_module
from storage import Workbook, WorkbookCorrupt, WorkbookTooNew, WorkbookWriteError
from storage.backup import list_backups, restore_backup
from storage.errors import BackupFailed, os_reason
from storage.lock import holder
from workbook.i18n import set_language
from workbook.models import Debt


def _full(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def _workbook_with_one_debt(path: Path) -> None:
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="招商银行", balance=Decimal("100.00")))


def test_a_full_disk_does_not_stop_the_lock(wb_path, monkeypatch):
    # The holder record is only for the message; the flock is the lock.
    _workbook_with_one_debt(wb_path)
    monkeypatch.setattr(lock_module.os, "pwrite", _full)
    with Workbook.open(wb_path, read_only=False) as wb:
        assert [d.lender for d in wb.debts.list()] == ["招商银行"]
        assert holder(wb_path) is not None  # a second process is still refused


def test_a_backup_that_cannot_be_written_refuses_the_open_and_changes_nothing(wb_path, monkeypatch):
    _workbook_with_one_debt(wb_path)
    before = snapshot(wb_path.parent)
    monkeypatch.setattr(atomic.tempfile, "mkstemp", _full)
    with pytest.raises(BackupFailed) as caught:
        Workbook.open(wb_path)
    message = caught.value.message
    assert isinstance(caught.value, WorkbookWriteError)
    assert str(wb_path) in message and "the disk is full" in message
    assert "--read-only" in message and "No space" not in message
    assert "\n" not in message
    assert snapshot(wb_path.parent) == before
    assert holder(wb_path) is None
    with Workbook.open(wb_path, read_only=True) as wb:  # looking still works
        assert len(wb.debts.list()) == 1


def test_a_save_on_a_full_disk_says_so_in_chinese(wb_path, monkeypatch):
    _workbook_with_one_debt(wb_path)
    set_language("zh")
    with Workbook.open(wb_path) as wb:
        monkeypatch.setattr(atomic.tempfile, "mkstemp", _full)
        with pytest.raises(WorkbookWriteError) as caught:
            wb.debts.add(Debt(lender="丢失", balance=Decimal("1")))
        assert "磁盘已满" in caught.value.message
        assert "没有保存" in caught.value.message
        monkeypatch.undo()
        assert [d.lender for d in wb.debts.list()] == ["招商银行"]


@pytest.mark.parametrize(
    ("code", "in_english", "in_chinese"),
    [
        (errno.ENOSPC, "the disk is full", "磁盘已满"),
        (errno.EACCES, "permission denied", "没有权限"),
        (errno.EROFS, "the disk is read-only", "磁盘是只读的"),
    ],
)
def test_os_reasons_are_translated(code, in_english, in_chinese):
    error = OSError(code, "english strerror")
    assert os_reason(error) == in_english
    set_language("zh")
    assert os_reason(error) == in_chinese
    assert os_reason(OSError(errno.ENOENT, "No such file")) == "No such file"


def test_an_unwritable_folder_is_refused_when_opening(tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "mkdir", refused)
    with pytest.raises(WorkbookWriteError) as caught:
        Workbook.open(tmp_path / "new" / "w.json")
    assert "Could not open" in caught.value.message
    assert "permission denied" in caught.value.message
    assert "last change" not in caught.value.message  # nothing was being changed


def _damaged_with_backup(path: Path) -> Path:
    _workbook_with_one_debt(path)
    Workbook.open(path).close()  # takes the backup
    (backup,) = list_backups(path)
    path.write_bytes(b'{"debts": {"1": ')
    return backup


def test_the_advice_names_the_workbook_and_the_backup(tmp_path):
    path = tmp_path / "my books" / "work'book.json"  # a path that needs quoting
    backup = _damaged_with_backup(path)
    with pytest.raises(WorkbookCorrupt) as caught:
        Workbook.open(path)
    message = caught.value.message
    command = message.split(": ", 2)[-1]
    assert command.startswith("repay --db ")
    # As a shell would split it: the workbook after --db, the backup after restore.
    assert shlex.split(command) == ["repay", "--db", str(path), "restore", str(backup)]


def test_the_chinese_report_has_no_space_between_sentences(wb_path):
    _damaged_with_backup(wb_path)
    set_language("zh")
    with pytest.raises(WorkbookCorrupt) as caught:
        Workbook.open(wb_path)
    assert "改动。要恢复" in caught.value.message


def test_restoring_a_damaged_backup_points_at_the_good_one(wb_path):
    good = _damaged_with_backup(wb_path)
    bad = good.with_name(good.name.replace(".json", "-manual.json"))
    bad.write_bytes(b"")
    with pytest.raises(WorkbookCorrupt) as caught:
        restore_backup(wb_path, bad)
    assert caught.value.path == bad
    assert f"--db {wb_path} restore {good}" in caught.value.message


def test_restoring_a_backup_that_is_gone_is_one_clear_error(wb_path):
    good = _damaged_with_backup(wb_path)
    with pytest.raises(WorkbookCorrupt) as caught:
        restore_backup(wb_path, good.with_name("gone.json"))
    assert "gone.json" in caught.value.message


def test_a_newer_file_says_what_restoring_an_older_backup_costs(wb_path):
    _workbook_with_one_debt(wb_path)
    Workbook.open(wb_path).close()
    (backup,) = list_backups(wb_path)
    raw = wb_path.read_bytes().replace(b'"schema_version":1', b'"schema_version":99')
    wb_path.write_bytes(raw)
    with pytest.raises(WorkbookTooNew) as caught:
        Workbook.open(wb_path)
    message = caught.value.message
    assert "update the program" in message and "is then lost" in message
    assert f"repay --db {wb_path} restore {backup}" in message

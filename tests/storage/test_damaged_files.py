"""Damaged files are reported (which file, what is wrong, which backup) and never touched."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from storage_files import snapshot

from storage import SCHEMA_VERSION, Workbook, WorkbookCorrupt, WorkbookIsFolder, WorkbookTooNew
from storage.backup import list_backups
from storage.lock import holder
from workbook.i18n import set_language
from workbook.models import Debt


def _good_workbook_with_a_backup(path: Path) -> Path:
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="招商银行", balance=Decimal("100.00")))
    with Workbook.open(path):  # this open takes the backup
        pass
    (backup,) = list_backups(path)
    return backup


def _newer(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    data["future_table"] = {"1": {"something": "new"}}
    return json.dumps(data, ensure_ascii=False).encode()


DAMAGE = {
    "corrupted": (lambda raw: raw[:40] + b"\x00garbage}}" + raw[50:], "not valid JSON"),
    "truncated": (lambda raw: raw[: len(raw) // 2], "cut short or damaged at line 1"),
    "empty": (lambda raw: b"", "the file is empty"),
    "blank": (lambda raw: b"  \n\n ", "the file is empty"),
    "not utf-8": (lambda raw: raw.replace("招".encode(), b"\xff\xfe\xfd"), "not UTF-8"),
    "not tables": (lambda raw: b"[1, 2, 3]", "not a workbook"),
    "bad record": (lambda raw: b'{"debts": {"1": 5}}', "record 1 in table debts is damaged"),
    "bad amount": (
        lambda raw: raw.replace(b'"balance":"100.00"', b'"balance":"abc"'),
        "record 1 in debts cannot be read ('abc' is not a number)",
    ),
    "NaN amount": (
        lambda raw: raw.replace(b'"balance":"100.00"', b'"balance":"NaN"'),
        "record 1 in debts cannot be read",
    ),
    "bad status": (
        lambda raw: raw.replace(b'"status":"current"', b'"status":"weird"'),
        "record 1 in debts cannot be read",
    ),
    "text where a number goes": (
        lambda raw: raw.replace(b'"overdue_days":0', b'"overdue_days":"3"'),
        "record 1 in debts cannot be read ('3' is not a whole number)",
    ),
    "bad version": (
        lambda raw: b'{"meta": {"1": {"schema_version": "one"}}}',
        "schema version one is not a whole number",
    ),
}


@pytest.mark.parametrize("kind", DAMAGE)
@pytest.mark.parametrize("read_only", [False, True])
def test_damaged_file_is_reported_and_left_byte_for_byte(wb_path, kind, read_only):
    backup = _good_workbook_with_a_backup(wb_path)
    damage, problem = DAMAGE[kind]
    wb_path.write_bytes(damage(wb_path.read_bytes()))
    before = snapshot(wb_path.parent)
    with pytest.raises(WorkbookCorrupt) as caught:
        Workbook.open(wb_path, read_only=read_only)
    error = caught.value
    assert error.path == wb_path
    assert error.backup == backup
    assert str(wb_path) in error.message
    assert problem in error.message
    assert str(backup) in error.message
    assert "\n" not in error.message
    assert snapshot(wb_path.parent) == before  # no byte, no new file, no new backup
    assert holder(wb_path) is None  # the failed open let go of the lock


@pytest.mark.parametrize("read_only", [False, True])
def test_newer_schema_is_reported_and_left_byte_for_byte(wb_path, read_only):
    backup = _good_workbook_with_a_backup(wb_path)
    wb_path.write_bytes(_newer(wb_path.read_bytes()))
    before = snapshot(wb_path.parent)
    with pytest.raises(WorkbookTooNew) as caught:
        Workbook.open(wb_path, read_only=read_only)
    error = caught.value
    assert (error.version, error.known, error.backup) == (
        SCHEMA_VERSION + 1,
        SCHEMA_VERSION,
        backup,
    )
    assert str(wb_path) in error.message and str(backup) in error.message
    assert f"schema {SCHEMA_VERSION + 1}" in error.message
    assert snapshot(wb_path.parent) == before
    assert holder(wb_path) is None


def test_without_a_good_backup_the_message_says_so(wb_path):
    wb_path.parent.mkdir()
    wb_path.write_bytes(b'{"debts": ')
    with pytest.raises(WorkbookCorrupt) as caught:
        Workbook.open(wb_path)
    assert caught.value.backup is None
    assert "No good backup was found." in caught.value.message
    assert wb_path.read_bytes() == b'{"debts": '


def test_damaged_backups_are_not_offered(wb_path):
    good = _good_workbook_with_a_backup(wb_path)
    with Workbook.open(wb_path) as wb:  # a newer state and a newer backup ...
        wb.debts.add(Debt(lender="B", balance=Decimal("2")))
    with Workbook.open(wb_path):
        pass
    newest = list_backups(wb_path)[0]
    assert newest != good
    newest.write_bytes(b"")  # ... which is itself damaged
    wb_path.write_bytes(b"{")
    with pytest.raises(WorkbookCorrupt) as caught:
        Workbook.open(wb_path)
    assert caught.value.backup == good


def test_the_report_is_in_chinese_when_the_ui_is(wb_path):
    wb_path.parent.mkdir()
    wb_path.write_bytes(b"")
    set_language("zh")
    with pytest.raises(WorkbookCorrupt) as caught:
        Workbook.open(wb_path)
    assert "文件是空的" in caught.value.message
    assert "没有找到可用的备份" in caught.value.message


@pytest.mark.parametrize("read_only", [False, True])
def test_a_folder_given_as_the_workbook_is_named_as_such(tmp_path, read_only):
    folder = tmp_path / "debts"
    folder.mkdir()
    with pytest.raises(WorkbookIsFolder) as caught:
        Workbook.open(folder, read_only=read_only)
    assert "is a folder" in caught.value.message
    assert str(folder / "workbook.json") in caught.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["debts"]  # no lock file beside it
    assert list(folder.iterdir()) == []

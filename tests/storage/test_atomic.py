"""Writes are atomic and durable: never TinyDB's in-place JSONStorage."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

import pytest
from tinydb.storages import JSONStorage

import storage.atomic as atomic
from storage import Workbook, WorkbookWriteError
from storage.atomic import AtomicJSONStorage, write_atomic
from workbook.models import Debt, Profile


def test_the_storage_is_ours_and_not_tinydbs_json_storage(wb_path: Path):
    with Workbook.open(wb_path) as wb:
        assert isinstance(wb._db.storage, AtomicJSONStorage)
        assert not isinstance(wb._db.storage, JSONStorage)


def test_every_write_replaces_the_file_instead_of_rewriting_it(wb_path: Path):
    with Workbook.open(wb_path) as wb:
        for n in range(3):
            # Hold the old file open (so its inode cannot be reused) across a write:
            # in-place storage would change what it holds; replacing leaves it be.
            with open(wb_path, "rb") as old:
                before = old.read()
                wb.debts.add(Debt(lender=f"L{n}", balance=Decimal(n)))
                assert os.fstat(old.fileno()).st_ino != os.stat(wb_path).st_ino
                old.seek(0)
                assert old.read() == before
            assert wb_path.read_bytes() != before


def test_utf8_without_ascii_escapes(wb_path: Path):
    with Workbook.open(wb_path) as wb:
        wb.save_profile(Profile(name="张三", address="北京市"))
    raw = wb_path.read_bytes()
    assert "张三".encode() in raw
    assert b"\\u" not in raw
    json.loads(raw.decode("utf-8"))


def test_a_failed_replace_leaves_the_old_file_and_no_temp_file(wb_path, monkeypatch):
    with Workbook.open(wb_path) as wb:
        kept = wb.debts.add(Debt(lender="kept", balance=Decimal("10.00")))
        before = wb_path.read_bytes()

        def refuse(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic.os, "replace", refuse)
        with pytest.raises(WorkbookWriteError) as caught:
            wb.debts.add(Debt(lender="lost", balance=Decimal("20.00")))
        assert "the disk is full" in caught.value.message
        assert str(wb_path) in caught.value.message
        assert wb_path.read_bytes() == before
        assert [p.name for p in wb_path.parent.iterdir() if p.name.endswith(".tmp")] == []
        # The workbook in memory still matches the file: the failed record is not there.
        assert [d.lender for d in wb.debts.list()] == ["kept"]
        monkeypatch.undo()
        again = wb.debts.add(Debt(lender="again", balance=Decimal("30.00")))
        assert again.id == kept.id + 1 or again.id == kept.id + 2
    with Workbook.open(wb_path) as wb:
        assert [d.lender for d in wb.debts.list()] == ["kept", "again"]


def test_a_failed_fsync_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "f.json"
    target.write_bytes(b"old")

    def broken(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", broken)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.json"]


def test_a_record_that_cannot_be_serialised_changes_nothing(wb_path: Path):
    with Workbook.open(wb_path) as wb:
        before = wb_path.read_bytes()
        with pytest.raises(TypeError):
            wb._transact(lambda tables: tables.__setitem__("debts", {"1": {"x": object()}}))
        assert wb_path.read_bytes() == before
        assert wb.debts.list() == []


def test_batch_is_one_write_and_rolls_back_on_error(wb_path, monkeypatch):
    writes = []
    real = atomic.write_atomic
    monkeypatch.setattr(atomic, "write_atomic", lambda p, d: (writes.append(p), real(p, d)))
    with Workbook.open(wb_path) as wb:
        writes.clear()
        with wb.batch():
            debt = wb.debts.add(Debt(lender="A", balance=Decimal("1")))
            wb.debts.update(Debt(lender="A2", balance=Decimal("2"), id=debt.id))
            assert wb.debts.get(debt.id).lender == "A2"  # reads see the batch
            assert writes == []
        assert writes == [wb_path]
        before = wb_path.read_bytes()
        with pytest.raises(RuntimeError), wb.batch():
            wb.debts.delete(debt.id)
            raise RuntimeError("cancelled")
        assert wb_path.read_bytes() == before
        assert wb.debts.get(debt.id).lender == "A2"
        assert writes == [wb_path]


def test_nested_batch_failure_undoes_only_the_inner_block(wb_path: Path):
    with Workbook.open(wb_path) as wb:
        with wb.batch():
            wb.debts.add(Debt(lender="outer", balance=Decimal("1")))
            with pytest.raises(ValueError), wb.batch():
                wb.debts.add(Debt(lender="inner", balance=Decimal("2")))
                raise ValueError
        assert [d.lender for d in wb.debts.list()] == ["outer"]
    with Workbook.open(wb_path) as wb:
        assert [d.lender for d in wb.debts.list()] == ["outer"]

"""The storage holds each record once: after a repository has read it, as the decoded
record the app's snapshot shares, in place of its JSON dict (storage.atomic). What is
written must not change by a byte, and a dict that would not come back the same stays.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

import storage.atomic as atomic
from storage import Workbook, WorkbookWriteError
from workbook.models import Communication, Debt


def _filled(path: Path) -> Path:
    with Workbook.open(path) as wb:
        wb.debts.add_many([Debt(lender=f"L{i}", balance=Decimal(f"{i}.50")) for i in range(3)])
        wb.communications.add_many([
            Communication(at=datetime(2026, 1, 1 + i, 9, 30), lender=f"L{i}", summary="说明")
            for i in range(3)
        ])
    return path


def _held(wb: Workbook, name: str) -> list[object]:
    return list(wb._storage._data[name].values())


def test_read_records_are_held_decoded_and_shared_not_kept_twice(wb_path: Path):
    with Workbook.open(_filled(wb_path)) as wb:
        # The open decodes every record (its check) and holds them decoded already.
        assert all(type(doc) is Communication for doc in _held(wb, "communications"))
        first = wb.communications.list()
        held = _held(wb, "communications")
        # No JSON dict kept beside the decoded records: the storage holds those very ones.
        assert all(type(doc) is Communication for doc in held)
        assert [id(r) for r in first] == [id(r) for r in held]
        again = wb.communications.list()
        assert all(a is b for a, b in zip(first, again, strict=True))
        snapshot = wb.snapshot()
        assert all(a is b for a, b in zip(snapshot.debts, _held(wb, "debts"), strict=True))


def test_a_workbook_written_from_decoded_records_is_the_same_to_the_byte(wb_path: Path):
    _filled(wb_path)
    other = wb_path.with_name("other.json")
    shutil.copy(wb_path, other)
    extra = Communication(at=datetime(2026, 2, 1, 10, 0), lender="L9")
    with Workbook.open(wb_path) as decoded, Workbook.open(other) as raw:
        decoded.snapshot()  # every record held decoded
        assert type(_held(decoded, "debts")[0]) is Debt
        decoded.communications.add(extra)
        raw.communications.add(extra)
        assert wb_path.read_bytes() == other.read_bytes()
        # and records decoded then written are read back the same
        assert decoded.communications.list() == raw.communications.list()


def _edit_file(path: Path, change) -> None:
    data = json.loads(path.read_text("utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")


def test_a_record_that_would_not_come_back_the_same_stays_as_it_was_written(wb_path: Path):
    _filled(wb_path)

    def change(data: dict) -> None:
        data["communications"]["1"]["from_a_newer_program"] = {"kept": True}
        data["communications"]["2"]["at"] = "2026-01-02T09:30"  # no seconds
        data["debts"]["1"]["balance"] = 7  # a number, not text

    _edit_file(wb_path, change)
    with Workbook.open(wb_path) as wb:
        comms = wb.communications.list()
        assert comms[1].at == datetime(2026, 1, 2, 9, 30)
        assert wb.debts.list()[0].balance == Decimal(7)
        held = wb._storage._data
        assert isinstance(held["communications"]["1"], dict)
        assert isinstance(held["communications"]["2"], dict)
        assert isinstance(held["debts"]["1"], dict)
        assert type(held["communications"]["3"]) is Communication
        wb.debts.add(Debt(lender="new", balance=Decimal(1)))  # a write of the whole file
    data = json.loads(wb_path.read_text("utf-8"))
    assert data["communications"]["1"]["from_a_newer_program"] == {"kept": True}
    assert data["communications"]["2"]["at"] == "2026-01-02T09:30"
    assert data["debts"]["1"]["balance"] == 7


def test_a_record_got_is_a_copy_changing_it_changes_nothing_stored(wb_path: Path):
    with Workbook.open(_filled(wb_path)) as wb:
        wb.debts.list()
        got = wb.debts.get(1)
        assert got is not None and got == wb.debts.list()[0]
        got.balance = Decimal("999")  # in place, as no screen does
        assert wb.debts.list()[0].balance == Decimal("0.50")
        assert wb.debts.get(1).balance == Decimal("0.50")
        wb.debts.update(dataclasses.replace(got, lender="changed"))
        assert wb.debts.get(1).lender == "changed"
        assert type(wb._storage._data["debts"]["1"]) is dict  # written as a dict


def test_a_read_only_workbook_holds_decoded_records_too(wb_path: Path):
    _filled(wb_path)
    before = wb_path.read_bytes()
    with Workbook.open(wb_path, read_only=True) as wb:
        records = wb.communications.list()
        assert all(type(doc) is Communication for doc in _held(wb, "communications"))
        assert wb.communications.list() == records
    assert wb_path.read_bytes() == before


def test_a_failed_write_leaves_the_decoded_records_and_the_file_as_they_were(
    wb_path: Path, monkeypatch
):
    with Workbook.open(_filled(wb_path)) as wb:
        before_records = wb.communications.list()
        before = wb_path.read_bytes()

        def no_space(path, data):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic, "write_atomic", no_space)
        with pytest.raises(WorkbookWriteError):
            wb.communications.delete(1)
        monkeypatch.undo()
        assert wb.communications.list() == before_records
        assert wb_path.read_bytes() == before
        wb.communications.add(Communication(at=datetime(2026, 3, 1, 9, 0), lender="L1"))
        assert len(json.loads(wb_path.read_text("utf-8"))["communications"]) == 4


def test_two_threads_reading_at_once_get_the_same_records_not_two_copies(wb_path: Path):
    # The app reads the workbook in a worker thread at start while its main thread may
    # read too: the second waits for the first decode and shares its records.
    import threading

    with Workbook.open(_filled(wb_path)) as wb:
        got: list[list[Communication]] = []
        with wb._storage.decoding:
            reader = threading.Thread(target=lambda: got.append(wb.communications.list()))
            reader.start()
            reader.join(0.2)
            assert reader.is_alive()  # waiting for the decode under way to finish
            mine = wb.communications._list(wb._storage)
        reader.join()
        assert all(a is b for a, b in zip(got[0], mine, strict=True))

"""Values of the right type but out of range are damage, found at open and at import.

Before the range checks, a due day of 99, a date whose next month is past year 9999,
an amount of 1e400 or an integer of 5,000 digits opened fine and crashed a screen (or
the JSON reader) later with a traceback and no file name.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from storage_files import snapshot

from storage import Workbook, WorkbookCorrupt
from storage.backup import list_backups
from storage.transfer import export_json, import_json
from workbook.codec import to_dict
from workbook.models import Agreement, Debt

HUGE = "9" * 5000


def _workbook_with_backup(path: Path) -> Path:
    with Workbook.open(path) as wb:
        debt = wb.debts.add(Debt(lender="A", balance=Decimal("100.00"), due_day=5))
        wb.agreements.add(
            Agreement(
                debt_id=debt.id,
                total=Decimal("100.00"),
                instalment=Decimal("10.00"),
                count=10,
                first_due=date(2026, 1, 5),
            )
        )
    Workbook.open(path).close()  # takes the backup
    (backup,) = list_backups(path)
    return backup


DAMAGE = {
    "due day 99": ('"due_day":5', '"due_day":99', "99 is out of range"),
    "date with no next month": (
        '"first_due":"2026-01-05"',
        '"first_due":"9999-12-31"',
        "'9999-12-31' is out of range",
    ),
    "amount 1e400 as text": ('"balance":"100.00"', '"balance":"1e400"', "is out of range"),
    "amount 1e400 as a number": ('"balance":"100.00"', '"balance":1e400', "is out of range"),
    "tiny amount": ('"balance":"100.00"', '"balance":"1e-400"', "is out of range"),
    "integer of 5000 digits": (
        '"overdue_days":0',
        f'"overdue_days":{HUGE}',
        "a number with too many digits",
    ),
    "key of 5000 digits": ('"debts":{"1":', f'"debts":{{"{HUGE}":', "in table debts is damaged"),
    "count of a billion": ('"count":10', '"count":99999999999', "is out of range"),
}


@pytest.mark.parametrize("kind", DAMAGE)
@pytest.mark.parametrize("read_only", [False, True])
def test_an_out_of_range_value_is_reported_with_the_file_and_the_backup(wb_path, kind, read_only):
    backup = _workbook_with_backup(wb_path)
    old, new, problem = DAMAGE[kind]
    text = wb_path.read_text(encoding="utf-8")
    assert old in text
    wb_path.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = snapshot(wb_path.parent)
    with pytest.raises(WorkbookCorrupt) as caught:
        Workbook.open(wb_path, read_only=read_only)
    message = caught.value.message
    assert str(wb_path) in message and problem in message
    assert str(backup) in message
    assert len(message) < 600  # the 5,000 digits are not repeated back
    assert snapshot(wb_path.parent) == before


@pytest.mark.parametrize("kind", DAMAGE)
def test_an_out_of_range_value_in_an_export_is_refused_by_import(tmp_path, kind):
    source = tmp_path / "wb.json"
    _workbook_with_backup(source)
    with Workbook.open(source, read_only=True) as wb:
        export = export_json(wb, tmp_path / "export.json")
    old, new, problem = DAMAGE[kind]
    text = json.dumps(json.loads(export.read_text(encoding="utf-8")), separators=(",", ":"))
    if kind == "key of 5000 digits":  # an export keeps ids as numbers, not keys
        old, new, problem = '"id":1,', f'"id":{HUGE},', "a number with too many digits"
    assert old in text
    export.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(WorkbookCorrupt) as caught:
        import_json(export, tmp_path / "new.json")
    assert str(export) in caught.value.message and problem in caught.value.message
    assert not (tmp_path / "new.json").exists()


@pytest.mark.parametrize(
    "record",
    [
        Debt(lender="A", balance=Decimal("1e400")),
        Debt(lender="A", balance=Decimal("1"), due_day=99),
        Debt(lender="A", balance=Decimal("1"), start_date=date(9999, 12, 31)),
        Debt(lender="A", balance=Decimal("1"), overdue_days=10**12),
    ],
    ids=["amount", "due day", "date", "days"],
)
def test_what_would_not_open_again_is_never_written(wb_path, record):
    with Workbook.open(wb_path) as wb:
        before = wb_path.read_bytes()
        with pytest.raises(ValueError, match="out of range"):
            wb.debts.add(record)
        assert wb_path.read_bytes() == before
        assert wb.debts.list() == []
    Workbook.open(wb_path).close()


def test_the_largest_values_the_forms_accept_still_open(wb_path):
    debt = Debt(
        lender="A",
        balance=Decimal("999999999999.99"),
        due_day=31,
        start_date=date(2199, 12, 31),
        overdue_days=36500,
    )
    with Workbook.open(wb_path) as wb:
        wb.debts.add(debt)
    with Workbook.open(wb_path) as wb:
        (back,) = wb.debts.list()
        assert to_dict(back) == to_dict(debt)

"""Opening an older workbook migrates it, keeping the pre-migration file as a backup."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from storage import SCHEMA_VERSION, Workbook
from storage.backup import list_backups
from storage.schema import MIGRATIONS, migrate, migrate_0_to_1, schema_version
from workbook.models import DebtStatus, ExpenseGroup, LenderType, Rate, RateUnit

FIXTURE = Path(__file__).parent / "fixtures" / "workbook_v0.json"


@pytest.fixture
def old_workbook(wb_path: Path) -> Path:
    wb_path.parent.mkdir(mode=0o700)
    shutil.copyfile(FIXTURE, wb_path)
    return wb_path


def test_there_is_a_migration_for_every_older_version():
    assert len(MIGRATIONS) == SCHEMA_VERSION
    assert MIGRATIONS[0] is migrate_0_to_1


def test_opening_a_version_0_file_migrates_it(old_workbook: Path):
    with Workbook.open(old_workbook) as wb:
        assert wb.schema_version == SCHEMA_VERSION
        card, consumer, friend = wb.debts.list()
        assert (card.id, consumer.id, friend.id) == (1, 2, 4)
        # JSON numbers became exact Decimals: 8000.10 keeps its trailing zero.
        assert str(card.balance) == "23456.78"
        assert str(consumer.balance) == "8000.10"
        assert str(friend.balance) == "0.1"
        assert card.rate == Rate(Decimal("0.05"), RateUnit.DAY)
        assert consumer.rate == Rate(Decimal("24"), RateUnit.YEAR)
        assert card.overdue_amount == Decimal("1200")
        assert card.status is DebtStatus.OVERDUE
        assert card.lender_type is LenderType.CREDIT_CARD
        assert consumer.principal == Decimal("10000")
        assert friend.lender == "Friend [b]Li[/b]"
        assert [str(i.amount) for i in wb.incomes.list()] == ["6500.00"]
        assert [e.group for e in wb.expenses.list()] == [ExpenseGroup.HOUSING, ExpenseGroup.FOOD]
        assert wb.profile().name == "张三"
        # The deleted debt 3 stays unused, and new ids follow the highest one.
        assert wb.debts.add(card).id == 5
    stored = json.loads(old_workbook.read_text(encoding="utf-8"))
    assert stored["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    assert "amount" not in stored["debts"]["1"]
    assert stored["debts"]["1"]["balance"] == "23456.78"


def test_the_pre_migration_file_is_kept_byte_for_byte(old_workbook: Path):
    original = FIXTURE.read_bytes()
    Workbook.open(old_workbook).close()
    kept = [b for b in list_backups(old_workbook) if b.name.endswith("-schema0.json")]
    assert len(kept) == 1
    assert kept[0].read_bytes() == original
    # It is outside the rotation: many later opens with changes do not push it out.
    for n in range(25):
        with Workbook.open(old_workbook) as wb:
            wb.save_settings(wb.settings().__class__(workbook_name=str(n)))
    assert kept[0].exists()


def test_read_only_migrates_in_memory_only(old_workbook: Path):
    with Workbook.open(old_workbook, read_only=True) as wb:
        assert wb.schema_version == SCHEMA_VERSION
        assert str(wb.debts.get(2).balance) == "8000.10"
    assert old_workbook.read_bytes() == FIXTURE.read_bytes()
    assert list_backups(old_workbook) == []


def test_migration_is_deterministic_and_idempotent_on_current_data():
    data = json.loads(FIXTURE.read_text(encoding="utf-8"), parse_float=Decimal)
    assert schema_version(data) == 0
    once = migrate(data, 0)
    assert schema_version(once) == SCHEMA_VERSION
    assert migrate(once, SCHEMA_VERSION) == once
    assert once["meta"]["1"]["last_ids"]["debts"] == 4

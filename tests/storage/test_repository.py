"""The repository API: add, add_many, update, delete, get, list; one durable write each."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

import storage.atomic as atomic
from storage import (
    ReadOnlyError,
    RecordNotFound,
    Repository,
    Workbook,
    WorkbookClosed,
    WorkbookCorrupt,
    WorkbookError,
)
from storage.schema import ENTITY_TABLES
from storage.workbook import ENTITY_CLASSES
from workbook.models import (
    Agreement,
    Communication,
    Debt,
    ExpenseItem,
    Hardship,
    HardshipKind,
    IncomeItem,
    Payment,
    Profile,
    Proposal,
    Rate,
    RateUnit,
    Settings,
)


@pytest.fixture
def count_writes(monkeypatch):
    writes: list[Path] = []
    real = atomic.write_atomic

    def counting(path, data):
        writes.append(Path(path))
        real(path, data)

    monkeypatch.setattr(atomic, "write_atomic", counting)
    return writes


def debt(lender="招商银行", balance="1000.00", **kw) -> Debt:
    return Debt(lender=lender, balance=Decimal(balance), **kw)


def test_add_returns_a_copy_with_an_id_and_one_write(wb_path, count_writes):
    with Workbook.open(wb_path) as wb:
        count_writes.clear()
        original = debt(rate=Rate(Decimal("0.05"), RateUnit.DAY))
        stored = wb.debts.add(original)
        assert count_writes == [wb_path]
        assert original.id is None
        assert stored.id == 1
        assert wb.debts.get(1) == stored


def test_add_many_is_one_write(wb_path, count_writes):
    with Workbook.open(wb_path) as wb:
        count_writes.clear()
        stored = wb.debts.add_many([debt(f"L{n}", str(n)) for n in range(50)])
        assert count_writes == [wb_path]
        assert [d.id for d in stored] == list(range(1, 51))
        assert wb.debts.list() == stored
        assert wb.debts.count() == len(wb.debts) == 50


def test_update_and_delete_are_durable(wb_path, count_writes):
    with Workbook.open(wb_path) as wb:
        a, b = wb.debts.add_many([debt("A"), debt("B")])
        count_writes.clear()
        a.balance = Decimal("1.23")
        assert wb.debts.update(a) == a
        wb.debts.delete(b.id)
        assert len(count_writes) == 2
    with Workbook.open(wb_path) as wb:
        assert wb.debts.list() == [a]
        assert wb.debts.get(b.id) is None


def test_update_or_delete_of_a_missing_record_is_refused(wb_path, count_writes):
    with Workbook.open(wb_path) as wb:
        gone = wb.debts.add(debt())
        wb.debts.delete(gone.id)
        count_writes.clear()
        with pytest.raises(RecordNotFound) as caught:
            wb.debts.update(gone)
        assert isinstance(caught.value, KeyError)
        assert "no record 1 in debts" in str(caught.value)
        with pytest.raises(RecordNotFound):
            wb.debts.delete(gone.id)
        with pytest.raises(ValueError):
            wb.debts.update(debt())  # never added: no id
        with pytest.raises(ValueError):
            wb.debts.delete(debt().id)  # never added: no id, said as update() says it
        assert count_writes == []


def test_ids_are_never_reused_after_a_delete_even_across_opens(wb_path):
    with Workbook.open(wb_path) as wb:
        first, last = wb.debts.add_many([debt("A"), debt("B")])
        wb.debts.delete(last.id)
    with Workbook.open(wb_path) as wb:
        assert wb.debts.add(debt("C")).id == last.id + 1


def test_list_is_in_id_order(wb_path):
    with Workbook.open(wb_path) as wb:
        records = wb.incomes.add_many(
            [IncomeItem(name=f"i{n}", amount=Decimal(n)) for n in range(12)]
        )
        wb.incomes.delete(records[3].id)
        assert [r.id for r in wb.incomes.list()] == [r.id for r in records if r.id != 4]


def test_a_repository_refuses_another_record_type(wb_path):
    with Workbook.open(wb_path) as wb, pytest.raises(TypeError):
        wb.debts.add(IncomeItem(name="salary", amount=Decimal("1")))


def test_every_entity_round_trips(wb_path):
    records = {
        "debts": debt(start_date=date(2023, 5, 1), principal=Decimal("5000")),
        "incomes": IncomeItem(name="工资", amount=Decimal("6500")),
        "expenses": ExpenseItem(name="房租", amount=Decimal("2200.50")),
        "proposals": Proposal(debt_id=1, offered_payment=Decimal("300"), created=date(2024, 1, 2)),
        "hardships": Hardship(kind=HardshipKind.ILLNESS, statement="住院 [b]三周[/b]"),
        "communications": Communication(at=datetime(2024, 3, 1, 21, 5), lender="某平台"),
        "agreements": Agreement(
            debt_id=1,
            total=Decimal("9000"),
            instalment=Decimal("375"),
            count=24,
            first_due=date(2024, 4, 15),
            checklist={"payee_verified": True},
        ),
        "payments": Payment(agreement_id=1, paid_on=date(2024, 4, 15), amount=Decimal("375")),
    }
    assert set(records) == set(ENTITY_TABLES) == set(ENTITY_CLASSES)
    with Workbook.open(wb_path) as wb:
        stored = {name: getattr(wb, name).add(record) for name, record in records.items()}
        wb.save_profile(Profile(name="张三", id_number="110101199001011234"))
        wb.save_settings(Settings(language="zh", currency="CNY"))
        assert set(wb.repositories()) == set(records)
        assert all(isinstance(r, Repository) for r in wb.repositories().values())
    with Workbook.open(wb_path, read_only=True) as wb:
        for name, record in stored.items():
            assert getattr(wb, name).get(record.id) == record
        assert wb.profile().name == "张三"
        assert wb.settings().language == "zh"


def test_profile_and_settings_default_when_never_saved(wb_path):
    with Workbook.open(wb_path) as wb:
        assert wb.profile() == Profile()
        settings = wb.settings()
        # Only the workbook's id is set, at creation (calendar UIDs hang on it).
        assert settings == Settings(workbook_id=settings.workbook_id)
        assert len(settings.workbook_id) == 36


def test_read_only_refuses_every_write_and_never_touches_the_file(wb_path):
    with Workbook.open(wb_path) as wb:
        kept = wb.debts.add(debt())
    before = wb_path.read_bytes()
    with Workbook.open(wb_path, read_only=True) as wb:
        assert wb.read_only
        for attempt in (
            lambda: wb.debts.add(debt()),
            lambda: wb.debts.update(kept),
            lambda: wb.debts.delete(kept.id),
            lambda: wb.save_profile(Profile(name="x")),
        ):
            with pytest.raises(ReadOnlyError) as caught:
                attempt()
            assert "--read-only" in caught.value.message
        assert wb.debts.list() == [kept]
    assert wb_path.read_bytes() == before


def test_a_closed_workbook_refuses_use(wb_path):
    wb = Workbook.open(wb_path)
    wb.close()
    wb.close()  # twice is fine
    with pytest.raises(WorkbookClosed):
        wb.debts.list()
    with pytest.raises(WorkbookError):
        wb.debts.add(debt())


def test_a_damaged_record_is_reported_not_crashed_on(wb_path):
    with Workbook.open(wb_path) as wb:
        wb._transact(lambda t: t.__setitem__("debts", {"7": {"lender": "x", "balance": "abc"}}))
        with pytest.raises(WorkbookCorrupt) as caught:
            wb.debts.list()
        assert "record 7 in debts cannot be read" in caught.value.message
        assert str(wb_path) in caught.value.message


def test_missing_workbook_without_create(wb_path):
    with pytest.raises(WorkbookError) as caught:
        Workbook.open(wb_path, create=False)
    assert str(wb_path) in caught.value.message
    assert not wb_path.parent.exists()
    with pytest.raises(WorkbookError):
        Workbook.open(wb_path, read_only=True)

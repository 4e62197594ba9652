"""Whole-workbook JSON export and import."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

import storage.atomic as atomic
import storage.backup as backup
import storage.transfer as transfer
import storage.workbook as workbook_module
from storage import SCHEMA_VERSION, Workbook, WorkbookCorrupt, WorkbookExists, WorkbookTooNew
from storage.transfer import FORMAT, export_json, import_json
from workbook.models import Agreement, Communication, Debt, Payment, Profile, Settings


@pytest.fixture
def full(wb_path: Path) -> Path:
    with Workbook.open(wb_path) as wb:
        a, b = wb.debts.add_many(
            [
                Debt(lender="招商银行", balance=Decimal("12000.50")),
                Debt(lender="x<y>&z", balance=Decimal("0.10")),
            ]
        )
        wb.debts.delete(a.id)  # ids in the export keep their gap
        agreement = wb.agreements.add(
            Agreement(
                debt_id=b.id,
                total=Decimal("900"),
                instalment=Decimal("75.00"),
                count=12,
                first_due=date(2024, 5, 1),
            )
        )
        wb.payments.add(
            Payment(agreement_id=agreement.id, paid_on=date(2024, 5, 1), amount=Decimal("75"))
        )
        wb.communications.add(Communication(at=datetime(2024, 4, 1, 22, 30), lender="平台"))
        wb.save_profile(Profile(name="张三"))
        wb.save_settings(Settings(language="en"))
    return wb_path


def test_export_then_import_gives_the_same_workbook(full: Path, tmp_path: Path):
    out = tmp_path / "out" / "export.json"
    with Workbook.open(full, read_only=True) as wb:
        assert export_json(wb, out) == out
        original = {name: repo.list() for name, repo in wb.repositories().items()}
        profile, settings = wb.profile(), wb.settings()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == FORMAT and doc["schema_version"] == SCHEMA_VERSION
    assert doc["tables"]["debts"][0] == {"id": 2, **doc["tables"]["debts"][0]}
    assert doc["tables"]["debts"][0]["balance"] == "0.10"
    assert "招商银行" not in out.read_text(encoding="utf-8")  # deleted
    assert "平台" in out.read_text(encoding="utf-8")  # UTF-8, not \\u escapes
    new = tmp_path / "new" / "imported.json"
    with import_json(out, new) as wb:
        assert {name: repo.list() for name, repo in wb.repositories().items()} == original
        assert wb.profile() == profile
        # The same settings, but an id of its own: the original may still be in use,
        # and the two calendars' UIDs must not collide.
        copied = wb.settings()
        assert copied.workbook_id and copied.workbook_id != settings.workbook_id
        assert dataclasses.replace(copied, workbook_id=settings.workbook_id) == settings
        assert wb.debts.add(Debt(lender="next", balance=Decimal("1"))).id == 3


def test_import_is_one_write(full: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "export.json"
    with Workbook.open(full, read_only=True) as wb:
        export_json(wb, out)
    writes = []
    real = atomic.write_atomic

    def counting(path, data):
        writes.append(Path(path))
        real(path, data)

    for module in (atomic, transfer, backup, workbook_module):
        monkeypatch.setattr(module, "write_atomic", counting)
    new = tmp_path / "imported.json"
    import_json(out, new).close()
    assert writes.count(new) == 1


def test_import_never_overwrites(full: Path, tmp_path: Path):
    out = tmp_path / "export.json"
    with Workbook.open(full, read_only=True) as wb:
        export_json(wb, out)
    before = full.read_bytes()
    with pytest.raises(WorkbookExists) as caught:
        import_json(out, full)
    assert str(full) in caught.value.message
    assert full.read_bytes() == before


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "the file is empty"),
        (b'{"format": "something else"}', "not a Repay Workbook export"),
        (
            json.dumps({"format": FORMAT, "schema_version": 1, "tables": {"debts": [{"x": 1}]}}),
            "has no valid id",
        ),
        (
            json.dumps(
                {
                    "format": FORMAT,
                    "schema_version": 1,
                    "tables": {"debts": [{"id": 1, "lender": "A", "balance": "lots"}]},
                }
            ),
            "record 1 in debts cannot be read",
        ),
    ],
)
def test_a_bad_export_is_refused_and_nothing_is_created(tmp_path: Path, content, problem):
    src = tmp_path / "bad.json"
    src.write_bytes(content if isinstance(content, bytes) else content.encode())
    new = tmp_path / "new" / "w.json"
    with pytest.raises(WorkbookCorrupt) as caught:
        import_json(src, new)
    assert problem in caught.value.message and str(src) in caught.value.message
    assert not new.exists()


def test_an_export_from_a_newer_program_is_refused(tmp_path: Path):
    src = tmp_path / "newer.json"
    src.write_text(json.dumps({"format": FORMAT, "schema_version": SCHEMA_VERSION + 1}))
    with pytest.raises(WorkbookTooNew):
        import_json(src, tmp_path / "w.json")
    assert not (tmp_path / "w.json").exists()

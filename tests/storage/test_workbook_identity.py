"""Every workbook carries an id of its own (calendar UIDs hang on it): made when it is
created, given to an older file the first time it is opened for writing, fresh for an
import, kept whatever settings are saved. And the new optional fields round-trip."""

from __future__ import annotations

import dataclasses
import json
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

from storage import Workbook
from storage.backup import list_backups
from storage.transfer import export_dict, export_json, import_json
from tui.cli.demo import ensure_demo
from workbook.models import Agreement, Debt, Settings

TODAY = date(2026, 11, 28)


def _stored_id(path: Path) -> str | None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return doc.get("settings", {}).get("1", {}).get("workbook_id")


def _strip_id(path: Path) -> None:
    """The file as a program from before workbook ids wrote it."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc.get("settings", {}).get("1", {}).pop("workbook_id", None)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def test_a_new_workbook_gets_an_id_that_stays(wb_path):
    with Workbook.open(wb_path) as wb:
        first = wb.settings().workbook_id
    assert uuid.UUID(first) and _stored_id(wb_path) == first  # on disk at creation
    with Workbook.open(wb_path) as wb:
        assert wb.settings().workbook_id == first
        # Settings saved afresh (a reset, the demo's own) never drop it.
        wb.save_settings(Settings(workbook_name="改名"))
        assert wb.settings().workbook_id == first
    other = wb_path.with_name("other.json")
    with Workbook.open(other) as wb:
        assert wb.settings().workbook_id != first


def test_an_old_workbook_gets_one_when_first_opened_for_writing(wb_path):
    with Workbook.open(wb_path) as wb:
        wb.debts.add(Debt("旧", Decimal("5")))
    _strip_id(wb_path)
    old = wb_path.read_bytes()
    with Workbook.open(wb_path, read_only=True) as wb:  # looking never writes
        assert wb.settings().workbook_id == ""
    assert wb_path.read_bytes() == old
    with Workbook.open(wb_path) as wb:
        given = wb.settings().workbook_id
        assert given and [d.lender for d in wb.debts.list()] == ["旧"]
    assert _stored_id(wb_path) == given
    assert any(b.read_bytes() == old for b in list_backups(wb_path))  # the file before it
    after = wb_path.read_bytes()
    Workbook.open(wb_path).close()  # from now on an open changes nothing
    assert wb_path.read_bytes() == after


def test_each_demo_has_its_own_id_and_otherwise_the_same_content(tmp_path):
    one = ensure_demo(tmp_path / "a" / "demo.json", reset=False, today=TODAY)
    two = ensure_demo(tmp_path / "b" / "demo.json", reset=False, today=TODAY)
    with Workbook.open(one, read_only=True) as a, Workbook.open(two, read_only=True) as b:
        first, second = export_dict(a), export_dict(b)
    assert first["settings"]["workbook_id"] and second["settings"]["workbook_id"]
    assert first["settings"].pop("workbook_id") != second["settings"].pop("workbook_id")
    assert first == second  # the demo is still reproducible, the id aside
    assert first["settings"]["workbook_name"] == "示例工作簿"


def test_an_import_is_a_workbook_of_its_own(tmp_path, wb_path):
    with Workbook.open(wb_path) as wb:
        original = wb.settings().workbook_id
        export_json(wb, tmp_path / "export.json")
    with import_json(tmp_path / "export.json", tmp_path / "copy.json") as wb:
        copied = wb.settings().workbook_id
    assert copied and copied != original and _stored_id(tmp_path / "copy.json") == copied


def test_checklist_dates_and_the_letter_choice_survive_a_reopen_and_old_files_open(wb_path):
    with Workbook.open(wb_path) as wb:
        debt = wb.debts.add(Debt("卡", Decimal("100"), letter_flexible=True))
        agreement = wb.agreements.add(Agreement(
            debt.id, Decimal("100"), Decimal("50"), 2, date(2026, 12, 5),
            checklist={"amounts_match": True}, checked_on={"amounts_match": date(2026, 11, 28)},
        ))  # fmt: skip
    with Workbook.open(wb_path) as wb:
        assert wb.debts.get(debt.id).letter_flexible
        assert wb.agreements.get(agreement.id).checked_on == {"amounts_match": date(2026, 11, 28)}
    stored = json.loads(wb_path.read_text(encoding="utf-8"))
    (record,) = stored["agreements"].values()
    assert record["checked_on"] == {"amounts_match": "2026-11-28"}
    record.pop("checked_on")
    next(iter(stored["debts"].values())).pop("letter_flexible")
    wb_path.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    with Workbook.open(wb_path) as wb:  # written before these fields existed
        assert wb.agreements.get(agreement.id).checked_on == {}
        assert not wb.debts.get(debt.id).letter_flexible
        assert dataclasses.replace(wb.agreements.get(agreement.id), checked_on={}).checklist

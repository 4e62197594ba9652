"""Step 7's additions on disk: a debt's situation and court details, the cards read."""

import dataclasses
import json
from datetime import date
from decimal import Decimal

from storage import Workbook
from workbook.models import Debt, Situation


def test_court_details_and_cards_read_survive_a_reopen(tmp_path):
    path = tmp_path / "wb.json"
    with Workbook.open(path) as wb:
        debt = wb.debts.add(Debt("快易借", Decimal("100"), situation=Situation.PAYMENT_ORDER,
                                 situation_on=date(2026, 12, 3), court_name="海淀区人民法院",
                                 case_number="(2026)京0108民督123号", judge_contact="王 138"))
        wb.save_settings(dataclasses.replace(wb.settings(), cards_read=["payment_order"]))
    with Workbook.open(path) as wb:
        (again,) = wb.debts.list()
        assert again == debt
        assert wb.snapshot().cards_read == ("payment_order",)
    stored = json.loads(path.read_text(encoding="utf-8"))
    record = next(iter(stored["debts"].values()))
    assert record["situation"] == "payment_order" and record["situation_on"] == "2026-12-03"


def test_a_debt_saved_before_these_fields_still_opens(tmp_path):
    path = tmp_path / "wb.json"
    with Workbook.open(path) as wb:
        wb.debts.add(Debt("旧", Decimal("5")))
    stored = json.loads(path.read_text(encoding="utf-8"))
    for record in stored["debts"].values():
        for name in ("situation", "situation_on", "court_name", "case_number", "judge_contact"):
            record.pop(name)
    stored["settings"] = {}
    path.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    with Workbook.open(path) as wb:
        (debt,) = wb.debts.list()
        assert debt.situation is None and debt.court_name == ""
        assert wb.snapshot().cards_read == ()

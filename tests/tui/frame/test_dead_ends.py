"""Actions that need a debt or an agreement say where to make one, never "select a
debt first" on an empty table, and never nothing at all (issue 13)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from tui_helpers import SIZE, notes

from storage import Workbook
from tui.frame.base import BaseScreen
from workbook import i18n
from workbook.models import Debt, DebtStatus

NO_DEBT = {"en": "Add a debt first (step 1).", "zh": "请先添加债务（第 1 步）。"}
# (step, keys pressed on it): every action there that needs a debt.
NEED_A_DEBT = [
    ("3", ["w"]), ("3", ["c"]), ("3", ["y"]),
    ("4", ["#plan", "m"]), ("4", ["#plan", "d"]),  # m and d act on the table focused
    ("5", ["c"]), ("5", ["y"]),
    ("6", ["a"]), ("6", ["m"]), ("6", ["x"]), ("6", ["r"]), ("6", ["s"]), ("6", ["d"]),
    ("7", ["s"]),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_without_debts_every_action_says_add_a_debt_first(empty_app, lang):
    empty_app.language = lang
    async with empty_app.run_test(size=SIZE) as pilot:
        for step, keys in NEED_A_DEBT:
            await pilot.press(step)
            await pilot.pause()
            screen = empty_app.screen
            empty_app.clear_notifications()
            for key in keys:
                if key.startswith("#"):
                    screen.query_one(key).focus()
                else:
                    await pilot.press(key)
            await pilot.pause()
            said = notes(empty_app)
            assert said == [NO_DEBT[lang]], (step, keys, said)
            assert empty_app.screen is screen, (step, keys)  # nothing opened
    i18n.set_language("en")


async def test_step_1_with_no_debts_points_to_a(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        for key in ("m", "d"):
            await pilot.press("1", key)
            await pilot.pause()
            assert notes(empty_app)[-1] == "No debts yet: press a to add one."


async def test_an_empty_budget_table_points_to_a(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "m")
        await pilot.pause()
        assert notes(empty_app)[-1] == "Nothing in this table yet: press a to add a line."


async def test_with_debts_but_no_agreement_step_6_says_record_one(tmp_path, open_app):
    path = tmp_path / "w.json"
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="快易借", balance=Decimal("5000")))
    app = open_app(path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6")
        for key in ("m", "x", "r", "s", "d"):
            app.clear_notifications()
            await pilot.press(key)
            await pilot.pause()
            assert notes(app) == ["还没有记录任何协议：按 a 记录一份。"], key
    i18n.set_language("en")


async def test_only_settled_debts_say_so_on_step_3(tmp_path, open_app):
    path = tmp_path / "w.json"
    with Workbook.open(path) as wb:
        debt = wb.debts.add(Debt(lender="快易借", balance=Decimal("0")))
        wb.debts.update(dataclasses.replace(debt, status=DebtStatus.SETTLED))
    app = open_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "w")
        await pilot.pause()
        assert notes(app) == [
            "Every debt is settled: nothing is left to negotiate. Add a debt in step 1."]
        assert isinstance(app.screen, BaseScreen)

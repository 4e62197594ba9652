"""Choosing a spending group never changes the essential/flexible choice the user made
(issue 13): the group's usual kind is only a default for a new item whose kind was not
chosen; a stored item or a draft keeps its kind, and a line says what is usual."""

from __future__ import annotations

from tui_helpers import SIZE, plain

from storage.drafts import Drafts
from tui.budget.expense_form import ExpenseForm
from tui.budget.screen import CapacityScreen
from tui.frame.ask import AskModal
from tui.widgets.field import Choice, Field
from workbook.models import ExpenseGroup


def kind(app) -> bool:
    return app.screen.query_one("#essential", Choice).value


async def test_the_kind_follows_the_group_until_the_user_chooses_it(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab", "a")
        form = empty_app.screen
        assert isinstance(form, ExpenseForm)
        await pilot.press(*"Phone", "tab", *"120", "tab")  # on the group: housing
        assert kind(empty_app) is True
        await pilot.press("right", "right")  # food: usually flexible, and nothing chosen yet
        await pilot.pause()
        assert kind(empty_app) is False
        await pilot.press("tab", "right")  # the user makes it essential
        await pilot.pause()
        assert kind(empty_app) is True
        assert "usually flexible; your choice is kept" in plain(empty_app, "#kind-usual")
        await pilot.press("shift+tab", "right", "right")  # communications: usually flexible
        await pilot.pause()
        assert form.query_one("#group", Choice).value == ExpenseGroup.COMMUNICATIONS
        assert kind(empty_app) is True  # kept
        await pilot.press("left", "left", "left", "left")  # housing: usually essential
        await pilot.pause()
        assert kind(empty_app) is True and plain(empty_app, "#kind-usual").strip() == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(empty_app.screen, CapacityScreen)
    (item,) = empty_app.wb.expenses.list()
    assert item.group == ExpenseGroup.HOUSING and item.essential is True


async def test_editing_a_stored_item_never_changes_its_kind(demo_app):
    stored = next(e for e in demo_app.wb.expenses.list() if e.name == "手机和宽带")
    assert stored.essential is True  # though communications are usually flexible
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab", "down", "down", "down", "down", "m")
        await pilot.pause()
        form = demo_app.screen
        assert isinstance(form, ExpenseForm) and form.item.id == stored.id
        form.query_one("#group", Choice).focus()
        await pilot.press("left", "left")  # food: usually flexible
        await pilot.pause()
        assert kind(demo_app) is True
        assert "usually flexible" in plain(demo_app, "#kind-usual")
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = demo_app.wb.expenses.get(stored.id)
    assert saved.group == ExpenseGroup.FOOD and saved.essential is True


async def test_a_draft_keeps_its_kind_and_says_so_in_chinese(demo_path, open_app):
    Drafts(demo_path).put("ExpenseForm:new", {
        "title": "Add spending", "screen": "step-2", "form": "ExpenseForm", "record_id": None,
        "fields": {"name": "网费", "amount": "100", "group": {"index": 2},  # food
                   "essential": {"index": 0}, "frequency": {"index": 0}, "notes": ""}})
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AskModal)
        await pilot.press("c")
        await pilot.pause()
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ExpenseForm)
        assert form.query_one("#name", Field).text == "网费"
        assert form.query_one("#group", Choice).value == ExpenseGroup.FOOD
        assert kind(app) is True  # not reset to food's usual flexible
        assert "这一类通常算弹性开支" in plain(app, "#kind-usual")

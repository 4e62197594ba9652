"""A hardship reason without the user's words, or starting after today, is refused at
the field (issue 13); the words and a past month save."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import Static, TextArea
from tui_helpers import SIZE, TODAY

from tui.plan.hardship_form import HardshipForm, parse_since
from tui.plan.screen import PlanScreen
from tui.widgets.field import Field


def statement_error(form) -> str:
    widget = form.query_one("#statement-error", Static)
    return widget.content.plain if widget.display else ""


async def test_no_words_and_a_future_start_are_refused(empty_app):
    async with empty_app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        form = empty_app.screen
        assert isinstance(form, HardshipForm)
        since = form.query_one("#since", Field)
        since.input.value = "2026-12"  # next month: not begun yet
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert empty_app.screen is form and since.has_class("-invalid")
        assert "cannot be after today (2026-11-28)" in since.error_message
        assert "Say in a sentence or two what happened" in statement_error(form)
        assert empty_app.focused is since.input  # the first wrong field, in form order
        since.input.value = "2026-11"  # this month counts from its first day: fine
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert empty_app.screen is form and not since.has_class("-invalid")
        statement = form.query_one("#statement", TextArea)
        assert empty_app.focused is statement
        await pilot.press(*"   ")  # spaces are not words
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert empty_app.screen is form and statement_error(form)
        await pilot.press(*"Laid off in November.")
        assert not statement_error(form)  # cleared as soon as there are words
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(empty_app.screen, PlanScreen)
    (saved,) = empty_app.wb.hardships.list()
    assert saved.since == date(2026, 11, 1) and saved.statement == "Laid off in November."


async def test_the_refusals_are_in_chinese_too(tmp_path, open_app):
    app = open_app(tmp_path / "zh.json", lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "a")
        form = app.screen
        since = form.query_one("#since", Field)
        since.input.value = "2027年1月"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "不能晚于今天" in since.error_message
        assert "请用一两句话说明" in statement_error(form)
    assert not app.wb.hardships.list()


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
def test_parse_since_refuses_exactly_the_days_after_today(day):
    typed = parse_since(day.isoformat(), today=TODAY)
    assert typed.ok == (day <= TODAY)
    month = parse_since(f"{day.year}-{day.month:02d}", today=TODAY)
    assert month.ok == (day.replace(day=1) <= TODAY)

"""An instalment of 0 is refused at the field and in the schedule line under it (issue
13): the schedule used to show an even split that saving then refused. A one-off
agreement needs no instalment."""

from __future__ import annotations

from tui_helpers import SIZE, plain

from tui.followup.agreement_form import AgreementForm
from tui.widgets.field import Choice, Field
from workbook.models import Frequency


def error(field: Field) -> str:
    return field.error_message


async def test_an_instalment_of_0_says_so_at_the_field_and_in_the_schedule_line(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "enter")  # edit the demo's agreement
        form = demo_app.screen
        assert isinstance(form, AgreementForm)
        assert "40 instalments of ¥897.09" in plain(demo_app, "#schedule-preview")
        await pilot.press("tab")
        instalment = form.query_one("#instalment", Field)
        assert demo_app.focused is instalment.input
        instalment.input.value = ""
        await pilot.press("0")
        preview = plain(demo_app, "#schedule-preview")
        assert "An instalment of 0 repays nothing" in preview and "instalments of" not in preview
        await pilot.press("tab")  # leaving the field checks it
        assert "An instalment of 0 repays nothing" in error(instalment)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is form
        frequency = form.query_one("#frequency", Choice)
        frequency.select(Frequency.ONE_OFF)  # a one-off pays the total: no instalment needed
        await pilot.pause()
        assert not error(instalment)
        assert plain(demo_app, "#schedule-preview").startswith("One payment of ¥35,883.24")
        frequency.select(Frequency.MONTHLY)
        await pilot.pause()
        assert error(instalment)
        instalment.input.value = "1,000"
        await pilot.pause()
        assert not error(instalment)
        assert "36 instalments of ¥1,000.00" in plain(demo_app, "#schedule-preview")


async def test_the_refusal_is_in_chinese_too(demo_path, open_app):
    app = open_app(demo_path, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "enter", "tab")
        instalment = app.screen.query_one("#instalment", Field)
        instalment.input.value = "0.00"
        await pilot.press("tab")
        assert "每期0元等于什么都没还" in error(instalment)
        assert "每期0元等于什么都没还" in plain(app, "#schedule-preview")

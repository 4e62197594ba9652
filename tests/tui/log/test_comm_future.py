"""A log entry dated in the future is refused at the field, as a payment is (issue 13):
the log records contacts that happened."""

from __future__ import annotations

from datetime import datetime

from tui_helpers import SIZE, notes

from tui.log.comm_form import CommForm
from tui.log.screen import CommLogScreen
from tui.widgets.field import Field

NOW = datetime(2026, 11, 28, 14, 20)  # the demo's today, at 14:20


def error(field: Field) -> str:
    return field.error_message


async def test_a_contact_after_now_is_refused_and_one_before_is_saved(demo_app):
    demo_app.now = lambda: NOW
    before = len(demo_app.wb.communications.list())
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c", "a")
        form = demo_app.screen
        assert isinstance(form, CommForm)
        when = form.query_one("#at", Field)
        for later in ("2026-11-29 09:00", "2026-11-28 14:21", "2027-01-01 08:00"):
            when.input.value = later
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert demo_app.screen is form and when.has_class("-invalid"), later
            assert "cannot be later than now (2026-11-28 14:20)" in error(when)
        assert len(demo_app.wb.communications.list()) == before
        when.input.value = "2026-11-28 14:20"  # now, to the minute, is fine
        ended = form.query_one("#ended_at", Field)
        ended.input.value = "2026-11-29 10:00"  # but it cannot end tomorrow
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is form and ended.has_class("-invalid")
        assert not when.has_class("-invalid")
        ended.input.value = "14:20"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, CommLogScreen)
        assert "Log entry saved." in notes(demo_app)
    assert len(demo_app.wb.communications.list()) == before + 1


async def test_the_refusal_is_in_chinese_too(demo_path, open_app):
    app = open_app(demo_path, lang="zh")
    app.now = lambda: NOW
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "c", "a")
        when = app.screen.query_one("#at", Field)
        when.input.value = "2026年11月29日 9点"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CommForm) and "不能晚于现在" in error(when)

"""The language across restarts: `l` is saved in the workbook and used next time;
--lang wins for one session without being saved; nothing saved follows the locale."""

from __future__ import annotations

from tui_helpers import SIZE, TODAY

from storage import Workbook
from tui.app import RepayApp
from workbook import i18n


def _app(path, lang):
    return RepayApp(Workbook.open(path), today=TODAY, lang=lang)


async def test_a_switched_language_is_used_at_the_next_start(demo_path, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    first = _app(demo_path, None)  # the demo saves no language: the locale decides
    try:
        assert first.language == "en"
        async with first.run_test(size=SIZE) as pilot:
            await pilot.press("l")
            await pilot.pause()
    finally:
        first.wb.close()

    again = _app(demo_path, None)  # restarted without --lang
    try:
        assert again.language == "zh" and i18n.current_language() == "zh"
    finally:
        again.wb.close()

    once = _app(demo_path, "en")  # --lang en: this session only
    try:
        async with once.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert once.language == "en"
    finally:
        once.wb.close()
    with Workbook.open(demo_path, read_only=True) as wb:
        assert wb.settings().language == "zh"

"""Step 7: every card opens with its source; flagged contacts lead to the log; only
checked facts are shown."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import OptionList
from tui_helpers import NASTY, SIZE, plain

from tui.help.help_card import HelpCard
from tui.help.screen import HelpScreen
from tui.help.view import FLAGGED_SHOWN, GROUPS, abuse_lines, help_entries
from tui.log.screen import CommLogScreen
from workbook.guide.hardship_law import HARD_CARDS
from workbook.guide.help import HELP_LINES, LAW_CARDS, OTHER_OPTIONS, disclaimer
from workbook.guide.sources import Confidence
from workbook.i18n import set_language
from workbook.models import Communication, Direction, Situation


async def test_open_every_card(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "enter")  # the first card (a situation's checklist), by key
        assert isinstance(demo_app.screen, HelpCard)
        await pilot.press("escape")
        screen = demo_app.screen
        assert isinstance(screen, HelpScreen)
        cards = screen.query_one("#help-list", OptionList)
        opened = []
        for index in range(cards.option_count):
            if cards.get_option_at_index(index).disabled:
                continue  # a group heading
            cards.highlighted = index
            screen.action_open_card()  # what Enter does; keys cost ~0.1 s each here
            await pilot.pause()
            dialog = demo_app.screen
            assert isinstance(dialog, HelpCard)
            text = " ".join(plain(demo_app, "#help-card-text").split())
            assert text.startswith(" ".join(dialog.lines[0].split()))
            assert text.endswith(disclaimer())
            opened.append(dialog.lines[0])
            dialog.action_close()
            await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
    assert len(opened) == (len(Situation) + len(HELP_LINES) + len(LAW_CARDS) + len(HARD_CARDS)
                           + len(OTHER_OPTIONS) + 1)
    assert opened[-1] == "What to do about abusive collection"


async def test_flagged_contacts_are_announced_and_listed_in_the_log(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        intro = " ".join(plain(demo_app, "#help-intro").split())
        assert "2 contacts in your log are flagged by the collection checks" in intro
        await pilot.press("f")
        screen = demo_app.screen
        assert isinstance(screen, CommLogScreen) and screen.filter.flagged_only
        assert screen.query_one("#log").row_count == 2


async def test_a_language_switch_keeps_the_card_in_view(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        demo_app.screen.cards.highlighted = demo_app.screen.cards.get_option_index("lines:12348")
        await pilot.press("down", "l")  # 12348 -> 110, then Chinese
        await pilot.pause()
        assert demo_app.screen.selected().key == "110"
        assert "报警" in plain(demo_app, "#help-preview-text", width=40)


async def test_highlight_shows_the_card_beside_the_list(demo_app):
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("7")
        demo_app.screen.cards.highlighted = demo_app.screen.cards.get_option_index("lines:12378")
        await pilot.press("down")  # from 12378 to 12348
        assert "12348" in plain(demo_app, "#help-preview-text", width=40)


# -- below the UI ------------------------------------------------------------------------


def test_every_card_has_a_source_how_sure_and_a_date():
    set_language("en")
    entries = help_entries([])
    assert [g for g, _t in GROUPS] == list(dict.fromkeys(e.group for e in entries))
    for entry in entries:
        text = "\n".join(entry.lines)
        if entry.group in ("lines", "law", "court"):
            assert "Source: " in text and "How sure: " in text and "Checked: " in text, entry.key
        elif "Source: " in text:  # an option resting on a checked fact says how sure
            assert "How sure: " in text, entry.key
        assert entry.lines[-1] == disclaimer()
    # only facts checked to verified or verified-2nd may be shown
    assert all(c.confidence in (Confidence.VERIFIED, Confidence.VERIFIED_2ND)
               for c in (*LAW_CARDS, *HELP_LINES))
    assert {line.number for line in HELP_LINES} >= {"12378", "12348", "110"}


def test_the_abuse_card_lists_the_flagged_contacts_as_typed():
    set_language("en")
    night = Communication(at=datetime(2026, 11, 3, 23, 10), lender=NASTY,
                          direction=Direction.INCOMING)
    mine = Communication(at=datetime(2026, 11, 3, 23, 30), lender="x")  # outgoing: no flag
    lines = abuse_lines([night, mine])
    assert "Your log has 1 flagged contacts" in "\n".join(lines)
    assert f"2026-11-03 23:10  {NASTY}: Contact between 22:00 and 08:00" in lines
    assert "No contact in your log is flagged" in "\n".join(abuse_lines([mine]))
    set_language("zh")
    assert abuse_lines([])[0] == "遭遇暴力催收怎么办"


def test_the_abuse_card_shows_the_newest_flagged_contacts_and_counts_the_rest():
    # A big log has thousands flagged: only those shown are worded (step 7's refresh).
    set_language("en")
    nights = [Communication(at=datetime(2026, 10, day, 23, 10), lender=f"L{day:02d}",
                            direction=Direction.INCOMING) for day in range(1, 21)]
    twin = Communication(at=datetime(2026, 10, 20, 23, 10), lender="Twin",
                         direction=Direction.INCOMING)  # the same minute: log order kept
    lines = abuse_lines([*nights, twin])
    assert "Your log has 21 flagged contacts" in "\n".join(lines)
    shown = next(line for line in lines if "L20" in line).splitlines()
    assert len(shown) == FLAGGED_SHOWN
    assert [line.split()[2].rstrip(":") for line in shown] == [
        "L20", "Twin", *[f"L{day:02d}" for day in range(19, 9, -1)]]
    assert "... and 9 more." in lines

"""Step 3: the user chooses whether the letter lists each flexible spending item to the
lender (by default only their total), from the keyboard; the choice is stored in the
workbook and the PDF follows it both ways."""

from __future__ import annotations

from reports_pdf import pdf_text
from tui_helpers import SIZE, plain

from tui.method.letter_edit import LetterEdit
from tui.method.letter_preview import LetterPreview
from tui.widgets.field import Choice

CARD = "北辰银行信用卡中心"
ITEMS = ("孩子兴趣班", "理发和衣物")  # the demo's two flexible items (500.00 a month)


def _card(app):
    return next(d for d in app.wb.debts.list() if d.lender == CARD)


def _letter_pdf(app, demo_path) -> str:
    (pdf,) = (demo_path.parent / "exports").glob("letter-*.pdf")  # our own file, replaced
    return "".join(pdf_text(pdf).split())


async def test_flexible_spending_is_listed_only_when_the_user_chooses(demo_app, demo_path):
    assert not _card(demo_app).letter_flexible  # the default: totals only
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "w", "e")
        await pilot.pause()
        text = _letter_pdf(demo_app, demo_path)
        assert "其他弹性支出合计每月500.00元" in text
        assert not any(item in text for item in ITEMS)

        await pilot.press("m", "shift+tab")  # from the opening paragraph to the choice
        edit = demo_app.screen
        assert isinstance(edit, LetterEdit)
        assert demo_app.focused is edit.query_one("#letter-flexible", Choice)
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, LetterPreview)
        assert _card(demo_app).letter_flexible  # stored in the workbook
        await pilot.press("e")
        await pilot.pause()
        text = _letter_pdf(demo_app, demo_path)
        assert "弹性支出明细：孩子兴趣班每月300.00元；理发和衣物每月200.00元" in text
        assert "其他弹性支出合计" not in text

        await pilot.press("m", "shift+tab", "left", "ctrl+s")  # and back
        await pilot.pause()
        assert not _card(demo_app).letter_flexible
        await pilot.press("v")  # the English version for reading follows it too
        body = " ".join(plain(demo_app, "#letter-body", width=200).split())
        assert "Other, flexible spending comes to ¥500.00 a month." in body

"""The letter asks for step 4's figures: when the term set there means more a month than
the user offers, the preview says so (the letter itself stays consistent)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from tui_helpers import SIZE, plain

from storage import Workbook

CARD = "北辰银行信用卡中心"


async def test_preview_warns_when_the_term_asks_more_than_the_offer(demo_path, open_app):
    with Workbook.open(demo_path) as wb:
        card = next(d for d in wb.debts.list() if d.lender == CARD)
        proposal = next(p for p in wb.proposals.list() if p.debt_id == card.id)
        wb.proposals.update(dataclasses.replace(proposal, offered_payment=Decimal("700")))
    app = open_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "w")
        hint = " ".join(plain(app, ".letter-hint", width=200).split())
        assert "The letter asks for ¥790.23 a month" in hint and "more than the ¥700.00" in hint
        body = plain(app, "#letter-body", width=200)
        # Section 4 offers what section 5 asks: never 700 here and 790.23 there.
        assert "每月可向贵方还款790.23元" in body and "分60期按月偿还，每期790.23元" in body
        assert "还款700.00元" not in body and "每期700.00元" not in body

"""What to do now, by situation: deadlines counted from the user's date, saved in the log."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook import i18n
from workbook.followup.dues import due_report
from workbook.followup.instalments import next_actions
from workbook.guide.situations import (
    GUIDES,
    cards_for,
    checklist_lines,
    deadline,
    situation_entry,
)
from workbook.models import Debt, Direction, Situation

DEBT = Debt("快易借", Decimal("12000"), id=3, court_name="海淀区人民法院",
            case_number="(2026)京0108民督123号")


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def test_a_payment_order_received_on_3_december_is_objected_to_by_18_december():
    assert deadline(Situation.PAYMENT_ORDER, date(2026, 12, 3)) == date(2026, 12, 18)
    entry = situation_entry(DEBT, Situation.PAYMENT_ORDER, date(2026, 12, 3))
    assert entry.next_action_date == date(2026, 12, 18)
    assert "2026-12-18" in entry.next_action and "Object in writing" in entry.next_action
    assert entry.debt_id == 3 and entry.lender == "快易借"
    assert entry.direction == Direction.INCOMING
    assert "海淀区人民法院" in entry.summary and "民督123号" in entry.summary


@given(st.dates(date(2020, 1, 1), date(2035, 12, 31)), st.sampled_from(list(Situation)))
def test_every_deadline_is_fifteen_days_later(day, situation):
    assert deadline(situation, day) - day == timedelta(days=15)


def test_the_saved_deadline_shows_in_repay_due():
    entry = situation_entry(DEBT, Situation.SUMMONS, date(2026, 12, 3))
    assert next_actions([entry], date(2026, 12, 4)) == [entry]
    report = due_report([], [], [], [entry], date(2026, 12, 4), days=30)
    assert "2026-12-18" in report and "defence" in report


def test_checklists_are_ordered_and_translated():
    lines = checklist_lines(Situation.PAYMENT_ORDER, date(2026, 12, 3), "zh")
    assert lines[0] == "我收到了支付令" and "2026-12-18" in lines[1]
    assert lines[2].startswith("1.") and lines[3].startswith("2.")
    assert checklist_lines(Situation.SUMMONS, None, "en")[1].startswith("1. ")


def test_cards_for_situations_come_once_in_guide_order():
    keys = cards_for({Situation.SUMMONS, Situation.PAYMENT_ORDER})
    assert keys[0] == "payment_order" and len(keys) == len(set(keys))
    assert set(GUIDES[Situation.SUMMONS].cards) <= set(keys)
    assert cards_for(set()) == []

"""Conduct checks by lender type: the 2026 banking-association guideline (§15.1)."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from workbook import i18n
from workbook.followup.conduct import Rule, breach_counts, breaches
from workbook.models import Channel, Communication, Debt, Direction, LenderType

BANK = Debt("Card Bank", Decimal("1000"), lender_type=LenderType.CREDIT_CARD, id=1)
APP = Debt("Quick Loan", Decimal("1000"), lender_type=LenderType.ONLINE_PLATFORM, id=2)


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def attempts(debt: Debt, n: int, connected: bool, day: str = "2026-12-03", linked=True):
    start = datetime.fromisoformat(f"{day}T09:00")
    return [
        Communication(at=start + timedelta(minutes=10 * i), lender=debt.lender,
                      direction=Direction.INCOMING, channel=Channel.PHONE, connected=connected,
                      debt_id=debt.id if linked else None, id=100 * debt.id + i)
        for i in range(n)
    ]


def rules(found):
    return sorted({b.rule for hits in found.values() for b in hits})


def test_the_seventh_unanswered_attempt_from_a_bank_is_flagged_naming_the_2026_guideline():
    log = attempts(BANK, 7, connected=False)
    found = breaches(log, [BANK])
    assert list(found) == [106]
    (hit,) = found[106]
    assert hit.rule == Rule.OVER_SIX
    assert "number 7" in hit.explanation and "2026" in hit.source
    assert "Banking Association" in hit.source


def test_six_unanswered_attempts_are_not_flagged_and_other_days_count_apart():
    log = attempts(BANK, 6, connected=False) + attempts(BANK, 6, False, day="2026-12-04")
    assert breaches(log, [BANK]) == {}


def test_the_bank_rule_is_found_by_lender_name_for_unlinked_entries():
    log = attempts(BANK, 8, connected=False, linked=False)
    assert rules(breaches(log, [BANK])) == [Rule.OVER_SIX]


def test_unanswered_attempts_from_an_online_lender_are_not_counted_by_the_bank_rule():
    assert breaches(attempts(APP, 10, connected=False), [APP, BANK]) == {}


def test_connected_calls_use_the_rule_of_the_lender_type():
    # Four connected calls: the internet-finance three-a-day rule for the app lender only.
    log = attempts(APP, 4, connected=True) + attempts(BANK, 4, connected=True)
    found = breaches(log, [APP, BANK])
    assert list(found) == [203] and found[203][0].rule == Rule.OVER_THREE
    assert "NIFA" in found[203][0].source


def test_night_and_third_party_flags_name_the_rule_for_each_lender_type():
    night = datetime.fromisoformat("2026-12-03T23:10")
    log = [
        Communication(at=night, lender=BANK.lender, direction=Direction.INCOMING,
                      debt_id=1, third_party=True, id=1),
        Communication(at=night, lender=APP.lender, direction=Direction.INCOMING,
                      debt_id=2, third_party=True, id=2),
    ]
    found = breaches(log, [BANK, APP])
    assert {b.rule for b in found[1]} == {Rule.NIGHT, Rule.THIRD_PARTY}
    assert all("Banking Association" in b.source for b in found[1])
    assert all("NIFA" in b.source for b in found[2])


def test_without_debts_every_lender_is_checked_as_before():
    log = attempts(BANK, 10, connected=False)
    assert breaches(log) == {}
    assert breach_counts(attempts(BANK, 7, connected=False), [BANK]) == {
        "Card Bank": dict.fromkeys(Rule, 0) | {Rule.OVER_SIX: 1}
    }

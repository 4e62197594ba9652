"""Conduct checks on crafted collection logs."""

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook import i18n
from workbook.followup.conduct import BANK_RULE_INFO, RULE_INFO, Rule, breach_counts, breaches
from workbook.guide.sources import Confidence
from workbook.models import Channel, Communication, Direction


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def incoming(at: str, lender: str = "Quick Loan", cid: int | None = None, **kw) -> Communication:
    return Communication(
        at=datetime.fromisoformat(at), lender=lender, direction=Direction.INCOMING, id=cid, **kw
    )


def rules_of(found, key):
    return [b.rule for b in found.get(key, [])]


def test_a_call_at_half_past_eleven_at_night_is_flagged():
    found = breaches([incoming("2025-03-04T23:30", cid=7)])
    assert rules_of(found, 7) == [Rule.NIGHT]
    breach = found[7][0]
    assert breach.communication_id == 7
    assert "23:30" in breach.explanation
    assert "Industry guidelines say" in breach.explanation
    assert "illegal" not in breach.explanation
    assert breach.confidence == "verified-2nd"
    assert "2024-05-15" in breach.source
    assert breach.as_of


@pytest.mark.parametrize(
    ("time", "flagged"),
    [
        ("21:59", False),
        ("22:00", True),
        ("00:15", True),
        ("07:59", True),
        ("08:00", False),
        ("12:00", False),
    ],
)
def test_night_hours_edges(time, flagged):
    found = breaches([incoming(f"2025-03-04T{time}", cid=1)])
    assert (Rule.NIGHT in rules_of(found, 1)) is flagged


@pytest.mark.parametrize("channel", [Channel.SMS, Channel.APP, Channel.ONLINE_CHAT, Channel.IN_PERSON])
def test_night_rule_covers_every_channel_but_letters(channel):
    found = breaches([incoming("2025-03-04T23:00", cid=1, channel=channel)])
    assert rules_of(found, 1) == [Rule.NIGHT]


def test_a_letter_read_at_night_is_not_a_night_contact():
    assert breaches([incoming("2025-03-04T23:00", cid=1, channel=Channel.LETTER)]) == {}


def test_my_own_calls_are_never_breaches():
    mine = Communication(
        at=datetime(2025, 3, 4, 23, 30),
        lender="Quick Loan",
        direction=Direction.OUTGOING,
        third_party=True,
        threat_or_abuse=True,
        id=1,
    )
    assert breaches([mine]) == {}


def test_the_fourth_connected_call_in_a_day_is_flagged_and_later_ones_too():
    log = [
        incoming("2025-03-04T09:00", cid=1),
        incoming("2025-03-04T10:00", cid=2),
        incoming("2025-03-04T11:00", cid=3, by_collector=True),  # agencies count with the lender
        incoming("2025-03-04T12:00", cid=4),
        incoming("2025-03-04T13:00", cid=5),
    ]
    found = breaches(log)
    assert sorted(found) == [4, 5]
    assert rules_of(found, 4) == [Rule.OVER_THREE]
    assert "number 4" in found[4][0].explanation
    assert "number 5" in found[5][0].explanation


def test_the_call_order_is_by_time_not_by_position_in_the_log():
    log = [
        incoming("2025-03-04T18:00", cid=1),
        incoming("2025-03-04T09:00", cid=2),
        incoming("2025-03-04T10:00", cid=3),
        incoming("2025-03-04T11:00", cid=4),
    ]
    assert sorted(breaches(log)) == [1]


def test_unanswered_calls_other_channels_days_and_lenders_do_not_count():
    log = [
        incoming("2025-03-04T09:00", cid=1),
        incoming("2025-03-04T09:05", cid=2, connected=False),
        incoming("2025-03-04T09:10", cid=3, channel=Channel.SMS),
        incoming("2025-03-04T10:00", cid=4),
        incoming("2025-03-04T11:00", cid=5, lender="Other Bank"),
        incoming("2025-03-05T09:00", cid=6),
        incoming("2025-03-04T12:00", cid=7),
    ]
    assert breaches(log) == {}


def test_lender_spelling_in_case_and_spaces_is_one_lender():
    log = [
        incoming("2025-03-04T09:00", lender="Quick Loan", cid=1),
        incoming("2025-03-04T10:00", lender="quick  loan", cid=2),
        incoming("2025-03-04T11:00", lender=" QUICK LOAN", cid=3),
        incoming("2025-03-04T12:00", lender="Quick loan", cid=4),
    ]
    assert sorted(breaches(log)) == [4]


def test_a_third_party_contact_is_flagged():
    found = breaches([incoming("2025-03-04T15:00", cid=3, third_party=True)])
    assert rules_of(found, 3) == [Rule.THIRD_PARTY]
    assert "someone other than you" in found[3][0].explanation


def test_abuse_cites_the_criminal_law_and_110():
    found = breaches([incoming("2025-03-04T15:00", cid=3, threat_or_abuse=True)])
    breach = found[3][0]
    assert breach.rule == Rule.ABUSE
    assert "293-1" in breach.source and "110" in breach.explanation
    assert breach.confidence == "verified"


def test_one_contact_can_break_several_rules_in_rule_order():
    log = [incoming(f"2025-03-04T{h:02}:00", cid=h) for h in (8, 9, 10)]
    log.append(incoming("2025-03-04T23:10", cid=23, third_party=True, threat_or_abuse=True))
    assert rules_of(breaches(log), 23) == [Rule.NIGHT, Rule.OVER_THREE, Rule.THIRD_PARTY, Rule.ABUSE]


def test_unsaved_entries_are_keyed_by_negative_position():
    log = [
        incoming("2025-03-04T12:00", cid=1),
        incoming("2025-03-04T23:00"),
    ]
    found = breaches(log)
    assert list(found) == [-2]
    assert found[-2][0].communication_id is None


def test_explanations_follow_the_language():
    i18n.set_language("zh")
    found = breaches([incoming("2025-03-04T23:30", cid=1)])
    assert "据报道" in found[1][0].explanation
    assert "互联网金融贷后催收业务指引" in found[1][0].source


def test_breach_counts_per_lender():
    log = [
        incoming("2025-03-04T23:00", lender="Quick Loan", cid=1),
        incoming("2025-03-05T23:00", lender="quick loan", cid=2, third_party=True),
        incoming("2025-03-05T12:00", lender="Card Bank", cid=3, threat_or_abuse=True),
        incoming("2025-03-05T12:00", lender="Calm Lender", cid=4),
    ]
    counts = breach_counts(log)
    assert counts == {
        "Quick Loan": {Rule.NIGHT: 2, Rule.OVER_THREE: 0, Rule.THIRD_PARTY: 1, Rule.ABUSE: 0,
                       Rule.OVER_SIX: 0},
        "Card Bank": {Rule.NIGHT: 0, Rule.OVER_THREE: 0, Rule.THIRD_PARTY: 0, Rule.ABUSE: 1,
                      Rule.OVER_SIX: 0},
    }


def test_rule_info_is_complete_and_honest():
    assert set(RULE_INFO) | set(BANK_RULE_INFO) == set(Rule)
    infos = [*RULE_INFO.items(), *BANK_RULE_INFO.items()]
    for rule, info in infos:
        if rule != Rule.ABUSE:
            assert info.confidence == Confidence.VERIFIED_2ND
            assert ("Industry guidelines say" in info.explanation
                    or "banking association's 2026 guideline says" in info.explanation)
            # a guideline breach is never called illegal, in either language
            for text in (info.title, info.explanation):
                zh = i18n.translate(text, "zh")
                assert not {"illegal", "unlawful", "crime"} & set(text.lower().split())
                assert not any(word in zh for word in ("违法", "非法", "违规", "犯罪"))
    abuse = RULE_INFO[Rule.ABUSE].explanation
    assert "in serious cases" in abuse and "情节严重" in i18n.translate(abuse, "zh")


@given(
    st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 23), st.integers(0, 59), st.booleans()),
        max_size=30,
    )
)
def test_at_most_three_unflagged_connected_daytime_calls_per_lender_day(calls):
    log = [
        incoming(f"2025-03-0{day + 1}T{h:02}:{m:02}", cid=i + 1, connected=connected)
        for i, (day, h, m, connected) in enumerate(calls)
    ]
    found = breaches(log)
    for day in range(3):
        connected = [c for c in log if c.connected and c.at.day == day + 1]
        over = [c for c in connected if Rule.OVER_THREE in rules_of(found, c.id)]
        assert len(over) == max(0, len(connected) - 3)
        if over:  # the flagged ones are the latest of the day
            assert min(c.at for c in over) >= max(
                c.at for c in connected if c not in over
            )


def test_snapshot_breaches_are_worked_out_once_per_snapshot_and_language(monkeypatch):
    from workbook.followup import conduct
    from workbook.snapshot import WorkbookData

    calls = []
    real = conduct.breaches
    monkeypatch.setattr(conduct, "breaches", lambda *a: calls.append(1) or real(*a))
    data = WorkbookData(communications=[incoming("2025-03-04T23:30", cid=7)])
    first = conduct.snapshot_breaches(data)
    assert conduct.snapshot_breaches(data) is first
    assert len(calls) == 1 and rules_of(first, 7) == [Rule.NIGHT]
    i18n.set_language("zh")  # the breaches carry translated text: worked out again
    assert "23:30" in conduct.snapshot_breaches(data)[7][0].explanation
    assert conduct.snapshot_breaches(data)[7][0].title != first[7][0].title
    assert len(calls) == 2
    other = WorkbookData(communications=list(data.communications))  # a new snapshot
    conduct.snapshot_breaches(other)
    assert len(calls) == 3

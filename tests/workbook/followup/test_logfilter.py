"""Filtering the communication log."""

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from workbook.followup.conduct import Rule, breaches
from workbook.followup.logfilter import LogFilter, communication_key, filter_log, lender_key
from workbook.models import Channel, Communication, Direction


def entry(at: str, lender: str = "Quick Loan", cid: int | None = None, **kw) -> Communication:
    return Communication(at=datetime.fromisoformat(at), lender=lender, id=cid, **kw)


LOG = [
    entry("2025-03-01T10:00", cid=1, summary="Asked for 24 months"),
    entry("2025-03-02T23:30", cid=2, direction=Direction.INCOMING),
    entry("2025-03-03T10:00", "平安普惠", cid=3, channel=Channel.APP),
    entry("2025-03-04T10:00", "平安", cid=4, agent_name="Wang"),
    entry("2025-03-05T10:00", " quick  LOAN ", cid=5, channel=Channel.SMS),
]


def ids(found):
    return [c.id for c in found]


def test_no_filter_gives_everything_newest_first():
    assert ids(filter_log(LOG, LogFilter())) == [5, 4, 3, 2, 1]


def test_lender_filter_is_exact_up_to_case_and_spaces():
    assert ids(filter_log(LOG, LogFilter(lender="quick loan"))) == [5, 2, 1]
    assert ids(filter_log(LOG, LogFilter(lender="平安"))) == [4]
    assert ids(filter_log(LOG, LogFilter(lender="  "))) == [5, 4, 3, 2, 1]


def test_channel_and_inclusive_dates():
    assert ids(filter_log(LOG, LogFilter(channel=Channel.PHONE))) == [4, 2, 1]
    assert ids(filter_log(LOG, LogFilter(start=date(2025, 3, 2), end=date(2025, 3, 4)))) == [4, 3, 2]


def test_flagged_only_uses_the_breaches():
    found = breaches(LOG)
    assert ids(filter_log(LOG, LogFilter(flagged_only=True), found)) == [2]
    assert filter_log(LOG, LogFilter(flagged_only=True)) == []


def test_one_rule_keeps_only_the_entries_it_flags():
    log = [
        *LOG,
        entry("2025-03-06T12:00", cid=6, direction=Direction.INCOMING, third_party=True),
        entry("2025-03-07T23:00", cid=7, direction=Direction.INCOMING, third_party=True),
    ]
    found = breaches(log)
    assert ids(filter_log(log, LogFilter(rule=Rule.NIGHT), found)) == [7, 2]
    assert ids(filter_log(log, LogFilter(rule=Rule.THIRD_PARTY), found)) == [7, 6]
    assert filter_log(log, LogFilter(rule=Rule.ABUSE), found) == []
    assert ids(filter_log(log, LogFilter(rule=Rule.NIGHT, lender="quick loan"), found)) == [7, 2]


def test_unsaved_entries_are_matched_by_position():
    log = [entry("2025-03-01T23:00", direction=Direction.INCOMING), entry("2025-03-02T10:00")]
    found = breaches(log)
    assert filter_log(log, LogFilter(flagged_only=True), found) == [log[0]]


def test_free_text_search():
    assert ids(filter_log(LOG, LogFilter(search="24 MONTHS"))) == [1]
    assert ids(filter_log(LOG, LogFilter(search="wang"))) == [4]
    assert ids(filter_log(LOG, LogFilter(search="平安"))) == [4, 3]


def test_keys_and_lender_names():
    assert communication_key(LOG[0], 0) == 1
    assert communication_key(entry("2025-01-01T00:00"), 4) == -5
    assert lender_key("  Ant\tCredit ") == lender_key("ant credit")


@given(st.lists(st.tuples(st.integers(0, 100), st.sampled_from(list(Channel))), max_size=40),
       st.sampled_from(list(Channel)))
def test_filtering_keeps_exactly_the_matches_sorted(rows, channel):
    log = [
        Communication(
            at=datetime(2025, 1, 1 + day % 28, day % 24), lender="L", channel=ch, id=i + 1
        )
        for i, (day, ch) in enumerate(rows)
    ]
    found = filter_log(log, LogFilter(channel=channel))
    assert sorted(ids(found)) == sorted(c.id for c in log if c.channel == channel)
    times = [c.at for c in found]
    assert times == sorted(times, reverse=True)

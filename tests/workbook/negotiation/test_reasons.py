"""Step 4: hardship reasons, the evidence behind them, and the two-sentence summary."""

import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from workbook import i18n
from workbook.models import EvidenceItem, Hardship, HardshipKind
from workbook.negotiation.reasons import (
    EVIDENCE_BY_REASON,
    evidence_in_hand,
    evidence_missing,
    reason_label,
    reasons_summary,
    suggested_evidence,
)

LATIN = re.compile(r"[A-Za-z]")


def test_every_kind_has_evidence_to_gather():
    assert set(EVIDENCE_BY_REASON) == set(HardshipKind)
    assert all(len(items) >= 3 for items in EVIDENCE_BY_REASON.values())


def test_suggested_evidence_is_deduplicated_and_translated():
    hardships = [Hardship(HardshipKind.JOB_LOSS), Hardship(HardshipKind.INCOME_CUT)]
    en = suggested_evidence(hardships, "en")
    assert en.count("Bank statements for the last six months") == 1
    assert "Payslips from before and after the cut" in en
    zh = suggested_evidence(hardships, "zh")
    assert len(zh) == len(en) and "近六个月的银行流水" in zh
    i18n.set_language("zh")
    assert suggested_evidence(hardships) == zh


def test_evidence_missing_lists_what_is_not_in_hand():
    hardship = Hardship(
        HardshipKind.ILLNESS,
        evidence=[
            EvidenceItem("诊断证明和病历", True),  # a suggestion, stored in Chinese
            EvidenceItem("medical bills and receipts", False),  # another, in English
            EvidenceItem("我自己的清单", False),
        ],
    )
    missing = evidence_missing(hardship, "en")
    names = [item.name for item in missing]
    assert names == [
        "medical bills and receipts",
        "我自己的清单",
        "Sick-leave certificate",
        "Medical insurance settlement statements",
    ]
    assert not any(item.have for item in missing)


def test_evidence_in_hand_keeps_user_names_once():
    a = Hardship(HardshipKind.ILLNESS, evidence=[EvidenceItem("<诊断>", True), EvidenceItem("x")])
    b = Hardship(HardshipKind.OTHER, evidence=[EvidenceItem("<诊断>", True)])
    assert evidence_in_hand([a, b]) == ["<诊断>"]


def test_reason_label_in_both_languages():
    assert reason_label(HardshipKind.ILLNESS, "en") != reason_label(HardshipKind.ILLNESS, "zh")


def test_summary_oldest_first_with_months():
    hardships = [
        Hardship(HardshipKind.ILLNESS, since=date(2025, 9, 1)),
        Hardship(HardshipKind.JOB_LOSS, since=date(2025, 6, 1)),
    ]
    en = reasons_summary(hardships, "en")
    assert en.startswith("I lost my job in June 2025 and I became ill in September 2025")
    assert en.count(".") == 2
    zh = reasons_summary(hardships, "zh")
    assert zh.startswith("我于2025年6月失去了工作，我于2025年9月患病")
    assert zh.count("。") == 2


def test_summary_without_hardships_is_still_two_sentences():
    assert reasons_summary([], "en").count(".") == 2
    assert reasons_summary([], "zh").count("。") == 2


hardships = st.lists(
    st.builds(
        Hardship,
        kind=st.sampled_from(list(HardshipKind)),
        since=st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    ),
    max_size=8,
)


@given(hardships)
def test_summary_is_always_two_sentences_in_the_asked_language(items):
    en = reasons_summary(items, "en")
    assert en.count(".") == 2 and en[0].isupper()
    zh = reasons_summary(items, "zh")
    assert zh.count("。") == 2 and not LATIN.search(zh)

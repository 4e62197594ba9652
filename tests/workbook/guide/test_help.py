"""Step 7: help lines and law cards show only checked facts, with source and date."""

import re

from workbook import i18n
from workbook.guide.help import (
    ABUSE_STEPS,
    HELP_LINES,
    LAW_CARDS,
    OTHER_OPTIONS,
    abuse_steps,
    help_line_lines,
    law_card_lines,
    option_lines,
)
from workbook.guide.sources import DISCLAIMER, Confidence, disclaimer

SHOWN = {"verified", "verified-2nd"}
AS_OF = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def test_only_confirmed_services_are_listed():
    numbers = [line.number for line in HELP_LINES]
    assert numbers == ["12378", "12348", "110"]
    for line in HELP_LINES:
        assert line.confidence in SHOWN
        assert line.source and AS_OF.match(line.as_of)
        assert line.name and line.purpose


def test_help_line_text_shows_source_confidence_and_date_but_no_unchecked_hours():
    rows = help_line_lines(HELP_LINES[0], "en")
    assert rows[0].startswith("12378")
    assert any(r.startswith("Source: ") and "changzhou.gov.cn" in r for r in rows)
    assert any(r.startswith("How sure: Verified") for r in rows)
    # 12378's hours rest on a 2012 notice ("partly", china-facts §12.1) and 12348's are
    # not known: no hours line rather than a guess.
    for line in HELP_LINES[:2]:
        assert not any(r.startswith("Hours") for r in help_line_lines(line, "en"))
    police = help_line_lines(HELP_LINES[2], "zh")
    assert any(r.startswith("服务时间：") for r in police)


def test_law_cards_cover_the_checked_facts():
    keys = [card.key for card in LAW_CARDS]
    assert len(keys) == len(set(keys))
    assert set(keys) == {
        "private_lending_4x_lpr",
        "licensed_lenders",
        "old_24_36_lines",
        "annual_rate_disclosure",
        "collection_hours",
        "credit_report",
        "card_personal_instalment",
        "card_overdraft_rate",
        "malicious_overdraft",
        "internet_loan_limits",
        "illegal_debt_collection",
    }


def test_every_card_has_source_confidence_and_date():
    for card in LAW_CARDS:
        assert isinstance(card.confidence, Confidence) and card.confidence.value in SHOWN
        assert card.source.strip() and AS_OF.match(card.as_of), card.key
        assert card.title and card.body


def test_card_lines_end_with_the_disclaimer_in_the_language_asked():
    for lang in ("zh", "en"):
        for card in LAW_CARDS:
            lines = law_card_lines(card, lang)
            assert lines[-1] == disclaimer(lang) == i18n.translate(card.disclaimer, lang)
            assert card.source in "".join(lines)
    assert "12348" in disclaimer("zh") and "not legal advice" in DISCLAIMER


def test_weaker_facts_are_not_stated():
    text = " ".join(card.body for card in LAW_CARDS)
    # 24% appears only as the old court line, never as a regulatory ceiling.
    for card in LAW_CARDS:
        if card.key != "old_24_36_lines":
            assert "24%" not in card.body, card.key
    for unverified in ("window guidance", "12363", "12315", "20%", "法释"):
        assert unverified not in text


def test_card_wording_keeps_the_important_hedges():
    cards = {card.key: card.body for card in LAW_CARDS}
    assert "does not promise that interest stops" in cards["card_personal_instalment"]
    assert "may" in cards["card_personal_instalment"]
    assert "not a legal cap" in cards["licensed_lenders"]
    assert "changing your contact details" in cards["malicious_overdraft"]
    assert "news reports" in cards["collection_hours"]
    # crimes are described with their conditions, never as a bare certainty
    assert "in serious cases" in cards["illegal_debt_collection"]
    assert "only when" not in cards["malicious_overdraft"]
    assert "under these rules" in cards["licensed_lenders"]
    assert "transition rules (Art. 31)" in cards["old_24_36_lines"]


def test_the_12378_line_claims_only_what_was_checked():
    # the fact sheet says "banking and insurance consumer complaints", nothing about
    # which other lenders it covers
    text = " ".join(
        [HELP_LINES[0].purpose, *ABUSE_STEPS, *(i18n.translate(HELP_LINES[0].purpose, "zh"),)]
    )
    assert "consumer-finance" not in text and "消费金融" not in text


def test_other_options_show_their_risks():
    keys = [option.key for option in OTHER_OPTIONS]
    assert keys == [
        "card_personal_instalment", "refinance", "debt_intermediary", "family_help",
        "never_cut_contact",
    ]  # fmt: skip
    for option in OTHER_OPTIONS:
        assert option.risks
        if option.source:
            assert option.confidence is not None and option.confidence.value in SHOWN
            assert AS_OF.match(option.as_of), option.key
            assert f"Checked: {option.as_of}" in option_lines(option, "en"), option.key
    refinance = next(o for o in OTHER_OPTIONS if o.key == "refinance")
    assert any("以贷养贷" in risk for risk in refinance.risks)
    lines = option_lines(refinance, "zh")
    assert sum(line.startswith("风险：") for line in lines) == len(refinance.risks)


def test_abuse_steps_go_from_evidence_to_lender_to_regulator_to_police():
    steps = abuse_steps("en")
    assert len(steps) == len(ABUSE_STEPS)
    order = [next(i for i, s in enumerate(steps) if word in s)
             for word in ("Keep the evidence", "lender first", "12378", "110")]  # fmt: skip
    assert order == sorted(order)
    i18n.set_language("zh")
    assert abuse_steps() == abuse_steps("zh") != steps

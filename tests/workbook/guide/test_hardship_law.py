"""Step 7's hard-situation cards: each states only checked facts, with their source."""

import re
from pathlib import Path

import pytest

from workbook import i18n
from workbook.guide.fact_sheet import FACTS, SHOWABLE, STRENGTH, weakest
from workbook.guide.hardship_law import CARDS_BY_KEY, HARD_CARDS, hard_card_lines
from workbook.guide.situations import GUIDES
from workbook.guide.sources import LAWREFBOOK_AS_OF, Confidence

SHEET = Path("/work/shared/china-facts.md")  # the project's fact sheet, when present


@pytest.mark.parametrize("card", HARD_CARDS, ids=lambda c: c.key)
def test_each_card_names_sections_of_the_table_and_carries_their_weakest_confidence(card):
    assert card.facts, "a card must name the fact-sheet sections it states"
    for section in card.facts:
        assert section in FACTS, f"{card.key}: §{section} is not in the fact table"
        assert FACTS[section].level in SHOWABLE, f"{card.key}: §{section} is not showable"
    assert card.confidence.value == weakest(card.facts)


@pytest.mark.parametrize("card", HARD_CARDS, ids=lambda c: c.key)
def test_each_card_has_source_as_of_and_words_in_both_languages(card):
    assert card.source.strip() and card.as_of.strip()
    if card.confidence == Confidence.VERIFIED:
        assert "LawRefBook" in card.source and card.as_of == LAWREFBOOK_AS_OF
    assert re.search(r"[a-z]{4,}", card.words) and re.search(r"[\u4e00-\u9fff]", card.words)
    for lang in ("en", "zh"):
        lines = hard_card_lines(card, lang)
        assert len(lines) == 6 and card.source in lines[2] and card.as_of in lines[4]
    assert i18n.translate(card.body, "zh") != card.body


def test_weak_sections_are_in_the_table_but_no_card_states_them():
    weak = {s for s, f in FACTS.items() if f.level not in SHOWABLE}
    assert {"11.3", "13.2"} <= weak
    assert not weak & {s for card in HARD_CARDS for s in card.facts}
    assert weakest(("8.5", "11.3")) == "partly" and STRENGTH["partly"] < STRENGTH["verified-2nd"]


def test_partly_details_are_left_out_of_the_cards():
    bankruptcy = CARDS_BY_KEY["bankruptcy"].body
    assert "five years" not in bankruptcy and "2,720" not in bankruptcy  # §10.3, §10.4 partly
    assert "two collectors" not in CARDS_BY_KEY["bank_collection_2026"].body  # §15.1 partly


def test_every_situation_names_existing_cards():
    for guide in GUIDES.values():
        assert guide.cards and all(key in CARDS_BY_KEY for key in guide.cards)


@pytest.mark.skipif(not SHEET.exists(), reason="the fact sheet is outside the repository")
def test_the_table_matches_the_fact_sheet():
    text = SHEET.read_text(encoding="utf-8")
    for section, fact in FACTS.items():
        match = re.search(rf"^\*\*{re.escape(section)} (.+?)(?=^\*\*\d+\.\d+ |^## |\Z)", text,
                          flags=re.M | re.S)
        assert match, f"§{section} not found in the fact sheet"
        assert f"**{fact.level}**" in match.group(0), f"§{section} is not {fact.level} there"

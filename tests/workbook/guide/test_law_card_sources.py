"""Every law card, help line and option with a source, pinned to the fact sheet.

The table below is the contract: which china-facts.md sections a card states, the
confidence the sheet gives them, a source the sheet names for them, and the as-of date
shown. A card that drifts (a new claim, a weaker section, another source, a changed
confidence or date) fails here until the table, and the sheet, agree with it.
"""

import re
from pathlib import Path

import pytest

from workbook import i18n
from workbook.guide.fact_sheet import FACTS, SHOWABLE, weakest
from workbook.guide.help import HELP_LINES, OTHER_OPTIONS, help_line_lines, option_lines
from workbook.guide.law_cards import LAW_CARDS, law_card_lines
from workbook.guide.sources import Confidence

SHEET = Path("/work/shared/china-facts.md")  # the project's fact sheet, when present
V, V2 = "verified", "verified-2nd"

# id -> (sections, confidence, source needles (each named by the sheet), as-of)
EXPECTED: dict[str, tuple[tuple[str, ...], str, tuple[str, ...], str]] = {
    "card:private_lending_4x_lpr": (("2.1",), V, ("LawRefBook", "Art. 25", "31"), "2025-04-19"),
    "card:licensed_lenders": (("2.2",), V, ("LawRefBook", "批复"), "2025-04-19"),
    "card:old_24_36_lines": (("2.3", "2.1"), V2, ("tellerreport.com", "lnmlw.com"), "2026"),
    "card:annual_rate_disclosure": (("1.7",), V2, ("reuters.com", "chinabankingnews.com"),
                                    "2026"),
    "card:collection_hours": (("3.2", "15.2"), V2, ("Southern Metropolis Daily",
                                                    "贷后催收风控指引"), "2026-12"),
    "card:credit_report": (("5.1",), V, ("LawRefBook", "征信业管理条例"), "2025-04-19"),
    "card:card_personal_instalment": (("4.1", "14.1"), V2, ("yktchina.com", "btcinst.com",
                                      "faniuwenda.com", "wodefinance.com"), "2026-12"),
    "card:card_overdraft_rate": (("4.3",), V2, ("en.people.cn/n3/2021/0111/c90000-9807874.html",),
                                 "2026"),
    "card:malicious_overdraft": (("6.1",), V, ("LawRefBook",), "2025-04-19"),
    "card:internet_loan_limits": (("3.6", "14.2"), V2, ("tellerreport.com", "jrwh001.com",
                                                        "884884.cn"), "2026-12"),
    "card:illegal_debt_collection": (("3.7",), V, ("LawRefBook", "293-1"), "2025-04-19"),
    "line:12378": (("12.1",), V2, ("changzhou.gov.cn/gi_news/154174314843503", "中新网",
                                   "tellerreport.com"), "2026-12"),
    "line:12348": (("12.2", "12.3"), V2, ("en.moj.gov.cn/2020-02/14/c_451959.htm",
                   "xinhuanet.com/english/2020-05/24/c_139082784.htm", "法律援助法"), "2026-12"),
    "line:110": (("3.7",), V, ("LawRefBook", "293-1"), "2025-04-19"),
    "option:card_personal_instalment": (("4.1", "14.1"), V2, ("yktchina.com", "btcinst.com",
                                        "faniuwenda.com"), "2026-12"),
    "option:never_cut_contact": (("6.1",), V, ("LawRefBook",), "2025-04-19"),
}

# The weak sites §5 named for the hotlines, replaced by §12's sources (§16).
WEAK_HOTLINE_SITES = ("wodefinance", "dataiw", "shine.cn")


def _shown():
    """Everything step 7 shows with a source, by table id."""
    items = {f"card:{c.key}": c for c in LAW_CARDS}
    items |= {f"line:{line.number}": line for line in HELP_LINES}
    items |= {f"option:{o.key}": o for o in OTHER_OPTIONS if o.source}
    return items


def test_the_table_names_every_sourced_card_line_and_option():
    assert set(_shown()) == set(EXPECTED)
    # an option without a source states no checked fact, and claims none
    for option in OTHER_OPTIONS:
        assert bool(option.source) == (option.confidence is not None) == bool(option.facts)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_item_matches_its_row(key):
    item = _shown()[key]
    sections, confidence, needles, as_of = EXPECTED[key]
    assert item.facts == sections
    assert all(FACTS[s].level in SHOWABLE for s in sections), "only checked facts are shown"
    assert item.confidence == Confidence(confidence) and confidence == weakest(sections)
    for needle in needles:
        assert needle in item.source, f"{key}: source lost {needle!r}"
    assert item.as_of == as_of
    if confidence == V:
        assert "LawRefBook" in item.source


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_item_shows_its_source_confidence_and_date_in_both_languages(key):
    item = _shown()[key]
    kind = key.split(":")[0]
    lines_of = {"card": law_card_lines, "line": help_line_lines, "option": option_lines}[kind]
    for lang, sure, checked in (("en", "How sure: ", "Checked: "), ("zh", "可信程度：", "核实时间：")):
        rows = lines_of(item, lang)
        label = i18n.translate(
            {V: "Verified (original text read)",
             V2: "Verified (two or more reliable secondary sources agree)"}[item.confidence.value],
            lang)
        assert any(item.source in r for r in rows)
        assert f"{sure}{label}" in rows, (key, lang, rows)
        assert f"{checked}{item.as_of}" in rows, (key, lang, rows)


def test_hotlines_cite_the_official_sources_not_the_weak_sites():
    for line in HELP_LINES[:2]:
        assert not any(site in line.source for site in WEAK_HOTLINE_SITES), line.number
        assert ".gov.cn" in line.source or "moj.gov.cn" in line.source
    assert not HELP_LINES[0].hours  # §12.1: the hours are only "partly"


def test_the_24_36_card_says_only_the_part_above_36_was_void():
    card = next(c for c in LAW_CARDS if c.key == "old_24_36_lines")
    assert "the part of any agreed rate above 36% was void" in card.body
    assert "rate above 36% as void" not in card.body
    zh = i18n.translate(card.body, "zh")
    assert "超过36%的部分无效" in zh and zh != card.body


def test_the_art_70_card_hedges_may_and_the_stop_of_collection():
    card = next(c for c in LAW_CARDS if c.key == "card_personal_instalment")
    assert "It may; it does not have to." in card.body
    assert "The rule says that once it is signed" in card.body
    zh = i18n.translate(card.body, "zh")
    assert "“可以”" in zh and "按照规定" in zh


def test_the_4x_lpr_card_gives_the_two_dated_lines_before_2020_08_20():
    card = next(c for c in LAW_CARDS if c.key == "private_lending_4x_lpr")
    assert "before 20 August 2020" in card.body and "time the suit is filed" in card.body
    zh = i18n.translate(card.body, "zh")
    assert "2020年8月19日" in zh and "起诉时" in zh


def test_the_internet_loan_card_shows_both_caps_dated():
    card = next(c for c in LAW_CARDS if c.key == "internet_loan_limits")
    assert "200,000" in card.body and "300,000" in card.body and "March 2025" in card.body
    zh = i18n.translate(card.body, "zh")
    assert "20万" in zh and "30万" in zh and "2025年3月" in zh


@pytest.mark.skipif(not SHEET.exists(), reason="the fact sheet is outside the repository")
def test_every_source_needle_is_named_by_the_fact_sheet():
    text = SHEET.read_text(encoding="utf-8")
    for key, (sections, _, needles, _) in EXPECTED.items():
        for section in sections:
            assert re.search(rf"^\*\*{re.escape(section)} ", text, flags=re.M), (key, section)
        for needle in needles:
            if needle.startswith("Art.") or needle.isdigit():
                continue  # article numbers, checked by the row itself
            assert needle in text, f"{key}: {needle!r} is not a source the sheet names"

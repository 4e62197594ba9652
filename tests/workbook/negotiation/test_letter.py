"""The negotiation application letter: content, languages, user text kept verbatim."""

import dataclasses
import re
from dataclasses import replace
from decimal import Decimal as D

import pytest
from guide_samples import NASTY, sample_input, sample_proposal
from hypothesis import given
from hypothesis import strategies as st

from workbook import i18n
from workbook.guide.wording import joined
from workbook.models import Hardship, HardshipKind, Profile
from workbook.negotiation.asks import settlement_amount
from workbook.negotiation.letter import (
    build_letter,
    default_closing,
    default_opening,
    letter_text,
)


def test_chinese_by_default_even_when_the_ui_is_english():
    i18n.set_language("en")
    letter = build_letter(sample_input())
    text = letter_text(letter)
    assert letter.lang == "zh"
    assert letter.title == "协商还款申请书"
    assert letter.addressee == "尊敬的招联消费金融："
    # No English message id leaked through untranslated.
    for english in ("Outstanding balance", "Contract number", "I respectfully", "Yours"):
        assert english not in text
    assert "此致" in letter.closing


def test_chinese_letter_carries_the_borrower_the_loan_and_the_numbers():
    text = letter_text(build_letter(sample_input(), "zh"))
    for expected in (
        "张三",
        "110101199001011234",
        "13812345678",
        "招联消费金融",
        "好期贷",
        "ZL-2023-0001",
        "借款金额：30,000.00元",
        "剩余欠款：23,456.78元",
        "逾期金额：2,345.60元",
        "逾期天数：45天",
        "312.50元",
        "0.05%",  # the rate keeps its unit
        "等额本息",
        "5,500.00元",
        "3,000.00元",
        "2,500.00元",
        "每月可向贵方还款800.00元",
        "工资每月5,000.00元",
        "分36期",
        "7.20%",
        "减免罚息",
        "暂停还款2个月",
        "减免30%",
        "16,419.75元",
        "日期：2026年3月5日",
    ):
        assert expected in text, expected
    assert "¥" not in text  # a Chinese letter writes amounts with 元
    assert "（1）将剩余欠款分36期" in text  # full-width numbering


def test_the_capacity_section_names_the_other_debts_and_is_honest_about_spending():
    inp = sample_input(other_debts=3, other_balance=D("45678.9"))
    zh = letter_text(build_letter(inp, "zh"))
    assert "本人另有3笔欠款，余额合计45,678.90元" in zh
    assert "必要" not in zh  # the spending includes what is not essential
    en = letter_text(build_letter(inp, "en"))
    assert "3 other debts with ¥45,678.90 outstanding" in en
    one = letter_text(build_letter(replace(inp, other_debts=1), "en"))
    assert "one other debt with ¥45,678.90" in one


def test_lists_join_with_ji_so_an_item_with_he_stays_readable():
    assert joined(["工资流水", "住院病历和出院小结", "医疗费用发票"], "zh") == (
        "工资流水、住院病历和出院小结及医疗费用发票"
    )
    assert joined(["a", "b", "c"], "en") == "a, b and c"


def test_english_version_for_reading():
    i18n.set_language("zh")
    letter = build_letter(sample_input(), "en")
    text = letter_text(letter)
    assert letter.lang == "en"
    assert letter.title == "Application to Renegotiate Repayment"
    assert "Dear 招联消费金融," in text
    assert "Spread the remaining balance over 36 monthly instalments" in text
    assert "I can pay you ¥800.00 every month" in text
    assert "Date: 5 March 2026" in text
    assert not re.search(r"[\u4e00-\u9fff]", default_closing("en"))


def test_sections_follow_the_written_application_order():
    letter = build_letter(sample_input(), "en")
    headings = [s.heading for s in letter.sections]
    assert headings == [
        "",
        "1. About me",
        "2. The loan",
        "3. Why I cannot pay as agreed",
        "4. What I can pay",
        "5. My request",
    ]


def test_user_text_is_kept_verbatim_and_never_escaped():
    opening, statement, closing = "开头 <i>&amp;", "另外 [bold]说明[/] & <br/>", "结尾 {x} <b>"
    inp = sample_input(
        custom_opening=opening, custom_statement=statement, custom_closing=closing,
        profile=Profile(name="<张&三>", id_number="110101199001011234"),
    )  # fmt: skip
    for lang in ("zh", "en"):
        letter = build_letter(inp, lang)
        text = letter_text(letter)
        assert letter.sections[0].paragraphs == (opening,)
        for raw in (NASTY, statement, "<张&三>"):
            assert raw in text
        assert letter.closing.startswith(closing)
        assert "&lt;" not in text and "&amp;amp;" not in text


def test_default_opening_names_the_borrower():
    inp = sample_input()
    assert "张三" in default_opening(inp, "zh")
    assert "张三" in default_opening(inp, "en")
    assert build_letter(inp).sections[0].paragraphs == (default_opening(inp, "zh"),)


def test_hardships_show_label_month_statement_and_evidence_in_hand():
    letter = build_letter(sample_input(), "zh")
    paragraphs = letter.sections[3].paragraphs
    assert "（自2025年9月起）：" in paragraphs[0]
    assert paragraphs[0].endswith(NASTY)
    assert "2025年6月" in paragraphs[1] and "我失去了工作" in paragraphs[1]
    assert "诊断证明" in paragraphs[-1]
    assert "医疗费用发票" not in "".join(paragraphs)  # not yet in hand: not offered


def test_id_can_be_masked():
    letter = build_letter(sample_input(), "zh", mask_id=True)
    text = letter_text(letter)
    assert "110101199001011234" not in text
    assert "1234" in text and "*" in text


def test_without_a_proposal_the_request_is_general_and_asks_for_writing():
    letter = build_letter(sample_input(proposal=None), "en")
    request = letter.sections[5].paragraphs
    assert "longer term" in request[0]
    assert "in writing" in request[-1]
    assert "I can pay you" not in letter_text(letter)


def test_offer_passed_in_wins_over_the_proposal():
    text = letter_text(build_letter(sample_input(offered_payment=D("555")), "en"))
    assert "¥555.00" in text and "¥800.00 every month" not in text


def test_no_surplus_says_no_regular_payment_yet():
    inp = sample_input(proposal=replace(sample_proposal(), offered_payment=None), surplus=D("-200"))
    text = letter_text(build_letter(inp, "en"))
    assert "cannot yet offer a regular payment" in text
    assert "-¥200.00" in text


def test_empty_parts_are_left_out_and_blanks_left_for_signing():
    debt = replace(sample_input().debt, overdue_amount=D("0"), overdue_days=0, penalty_fees=D("0"),
                   product="", principal=None, rate=None)  # fmt: skip
    inp = sample_input(debt=debt, profile=Profile(), hardships=[], incomes=[], expenses=[])
    letter = build_letter(inp, "en")
    text = letter_text(letter)
    for absent in ("Overdue amount", "Penalty", "Product", "Amount borrowed", "Contract rate",
                   "Income:", "Spending:", "other debt"):  # fmt: skip
        assert absent not in text, absent
    assert "________________" in letter.signature_lines[0]
    assert "no longer covers the instalments" in letter.sections[3].paragraphs[0]


def test_letter_text_layout():
    letter = build_letter(sample_input(), "zh")
    text = letter_text(letter)
    lines = text.splitlines()
    assert lines[0] == letter.title and lines[2] == letter.addressee
    assert lines[-1] == letter.date_line and text.endswith("\n")
    # Frozen, so a letter can be shared between the preview and the PDF unchanged.
    with pytest.raises(dataclasses.FrozenInstanceError):
        letter.title = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        letter.sections[1].heading = "changed"  # type: ignore[misc]


def test_every_hardship_kind_builds_in_both_languages():
    hardships = [Hardship(kind) for kind in HardshipKind]
    for lang in ("zh", "en"):
        letter = build_letter(sample_input(hardships=hardships), lang)
        assert len(letter.sections[3].paragraphs) == len(hardships)


@given(
    balance=st.decimals(min_value=0, max_value=10**8, places=2),
    discount=st.decimals(min_value=0, max_value=100, places=2),
)
def test_settlement_amount_is_in_cents_and_within_the_balance(balance, discount):
    amount = settlement_amount(balance, discount)
    assert amount == amount.quantize(D("0.01"))
    assert D("0") <= amount <= balance


def test_a_letter_to_a_private_lender_addresses_a_person():
    from guide_samples import sample_debt

    from workbook.models import LenderType

    to_bank = letter_text(build_letter(sample_input(), "zh"))
    assert "贵方" in to_bank
    cousin = replace(sample_debt(), lender="王建国", lender_type=LenderType.PRIVATE)
    statement = "我曾答应贵方年底还清。"  # the user's own words stay as typed
    inp = sample_input(debt=cousin, custom_statement=statement)
    to_cousin = letter_text(build_letter(inp, "zh"))
    assert to_cousin.count("贵方") == statement.count("贵方")
    assert "您" in to_cousin and statement in to_cousin

"""The letter's new parts, read back from the PDF: the request's numbers, the Art. 670
paragraph only for a debt with a deduction, the enclosures, and no English from the
English UI in the Chinese letter."""

import dataclasses
import re
from decimal import Decimal

import reports_sample as sample
from reports_pdf import missing, pdf_text

from reports.letter import build_letter
from workbook.models import Hardship, HardshipKind, Rate
from workbook.negotiation.figures import letter_input
from workbook.negotiation.letter import build_letter as letter_for
from workbook.negotiation.reasons import evidence_missing


def _pdf(tmp_path, data, debt_index, lang, fonts):
    debt = data.debts[debt_index]
    letter = letter_for(letter_input(data, debt, sample.TODAY), lang)
    out = tmp_path / f"letter-{debt_index}-{lang}.pdf"
    build_letter(letter, out, today=sample.TODAY, workbook_name="我的工作簿", fonts=fonts)
    return pdf_text(out)


def _with_english_evidence(data):
    """Evidence suggested by the app and ticked while the UI was in English."""
    suggested = evidence_missing(Hardship(HardshipKind.JOB_LOSS), "en")[0]
    hardship = dataclasses.replace(
        data.hardships[0],
        evidence=[*data.hardships[0].evidence, dataclasses.replace(suggested, have=True)],
    )
    return dataclasses.replace(data, hardships=[hardship])


def _interest_free_offer(data):
    """The card's request: 800 a month, interest stopped, nothing waived, no term."""
    proposal = dataclasses.replace(data.proposals[0], new_term_months=None, waive_penalty=False,
                                   new_rate=Rate(Decimal("0")))  # fmt: skip
    return dataclasses.replace(data, proposals=[proposal])


def test_request_numbers_enclosures_and_card_article_in_the_pdf(tmp_path, fonts):
    data = _interest_free_offer(_with_english_evidence(sample.data()))
    text = _pdf(tmp_path, data, 0, "zh", fonts)
    # 32,000.50 at 800 a month, interest stopped: 40 × 800 would leave 0.50 for a 41st
    # payment; it is folded into the 40th, and said.
    assert not missing(
        text, "分40期按月偿还", "每期800.00元", "合计32,000.50元", "最后一期为800.50元", "零头",
        "第七十条", "可以", "附件", "1. 解除劳动合同证明", "2. 解除劳动合同通知书或离职证明",
        "停止计息", "暂停催收", "14日内书面答复",
    )  # fmt: skip
    assert "670" not in text and "第六百七十条" not in text  # no deduction on this debt
    assert "我的工作簿" not in text  # the header names the document, not the workbook


def test_art_670_only_for_the_debt_with_a_deduction(tmp_path, fonts):
    text = _pdf(tmp_path, sample.data(), 1, "zh", fonts)
    assert not missing(text, "第六百七十条", "实际收到19,500.00元")
    # The principal as received, the interest recomputed on it, and the difference
    # (18 % a year over 12 months: 2,003.20 on 20,000, 1,953.12 on 19,500).
    assert not missing(text, "放款时预先扣除：500.00元", "实际收到借款：19,500.00元",
                       "利息为1,953.12元", "按20,000.00元计算的2,003.20元", "少50.08元")  # fmt: skip
    en = _pdf(tmp_path, sample.data(), 1, "en", fonts)
    assert not missing(en, "Amount actually received", "¥1,953.12", "¥50.08 less")
    plain = _pdf(tmp_path, sample.data(), 0, "zh", fonts)
    assert "实际收到" not in plain and "预先扣除" not in plain


def test_chinese_letter_has_no_english_words_from_the_english_ui(tmp_path, fonts):
    data = _with_english_evidence(sample.data())
    zh = set(re.findall(r"[A-Za-z]{3,}", _pdf(tmp_path, data, 0, "zh", fonts)))
    en = set(re.findall(r"[A-Za-z]{3,}", _pdf(tmp_path, data, 0, "en", fonts)))
    user_text = {"zhangsan", "example", "com", "CMB"}  # the borrower's email, the contract no.
    assert en - user_text  # the English letter does have English words
    assert not (zh & en) - user_text


def test_no_budget_no_zero_income_in_the_pdf(tmp_path, fonts):
    data = dataclasses.replace(sample.data(), incomes=[], expenses=[])
    text = _pdf(tmp_path, data, 0, "zh", fonts)
    assert "收入合计" not in text and "合计0.00元" not in text
    # Step 4's figures: the 40-month term at the contract rate on the balance less the
    # 860.20 waived; section 4 offers the same amount section 5 asks for.
    assert not missing(text, "本人每月可向贵方还款1,040.93元", "分40期按月偿还",
                       "每期1,040.93元", "减免后为31,140.30元", "合同利率0.05%/日")  # fmt: skip
    assert "800.00元" not in text

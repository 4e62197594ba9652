"""The letter's request adds up, and its points of law appear only where they apply."""

from dataclasses import replace
from datetime import date
from decimal import Decimal as D

from guide_samples import sample_debt, sample_input, sample_proposal
from hypothesis import given
from hypothesis import strategies as st

from workbook.models import (
    EvidenceItem,
    Hardship,
    HardshipKind,
    LenderType,
    LprEntry,
    Profile,
    Rate,
)
from workbook.money.solve import fold_limit
from workbook.negotiation.letter import build_letter, letter_text
from workbook.negotiation.letter_points import legal_points
from workbook.negotiation.letter_request import never_within_limit, repayment_request
from workbook.negotiation.reasons import evidence_in_hand, evidence_missing

TODAY = date(2026, 3, 5)
NO_SETTLEMENT = replace(sample_proposal(), settlement_discount_percent=None)


def _money(amount, _lang):
    return str(amount)


def test_forty_times_nine_hundred_is_not_the_balance_the_last_instalment_differs():
    debt = replace(sample_debt(), balance=D("34089.06"), rate=None, due_day=5)
    proposal = replace(NO_SETTLEMENT, offered_payment=D("900"), new_rate=None, pause_months=0,
                       new_term_months=None, waive_penalty=False)  # fmt: skip
    req = repayment_request(debt, proposal, D("900"), TODAY)
    assert req is not None
    assert (req.count, req.instalment, req.last) == (38, D("900"), D("789.06"))
    assert req.total == D("34089.06") == (req.count - 1) * req.instalment + req.last
    assert req.first_due == date(2026, 4, 5)  # the debt's due day, as step 4 has it
    text = letter_text(build_letter(sample_input(debt=debt, proposal=proposal), "zh"))
    assert "分38期按月偿还，每期900.00元，首期还款日为2026年4月5日，合计34,089.06元" in text
    assert "最后一期为789.06元" in text


@given(
    balance=st.decimals(min_value=D("0.01"), max_value=D("1000000"), places=2),
    payment=st.decimals(min_value=D("50"), max_value=D("50000"), places=2),
)
def test_interest_free_request_always_adds_up_to_the_balance(balance, payment):
    debt = replace(sample_debt(), balance=balance, rate=None, due_day=None)
    proposal = replace(NO_SETTLEMENT, new_rate=None, new_term_months=None, waive_penalty=False)
    req = repayment_request(debt, proposal, payment, TODAY)
    if payment * 600 < balance:  # more than 50 years: the letter says so instead
        assert req is None and never_within_limit(debt, proposal, payment)
        text = letter_text(build_letter(sample_input(debt=debt, proposal=proposal,
                                                     offered_payment=payment), "en"))  # fmt: skip
        assert "more than 50 years" in text
        return
    assert req is not None and req.count >= 1
    assert req.total == balance == (req.count - 1) * req.instalment + req.last
    # Smaller when the balance does not divide; larger only by a folded remainder.
    assert D("0") < req.last <= req.instalment + fold_limit(req.instalment)


def test_a_term_alone_gives_equal_instalments_rounded_up():
    debt = replace(sample_debt(), balance=D("1000"), rate=None)
    proposal = replace(NO_SETTLEMENT, offered_payment=None, new_term_months=3, new_rate=None,
                       waive_penalty=False)  # fmt: skip
    req = repayment_request(debt, proposal, None, TODAY)
    assert (req.count, req.instalment, req.last, req.total) == (
        3,
        D("333.34"),
        D("333.32"),
        D("1000"),
    )


def test_an_offer_below_the_interest_is_never_made_without_saying_so():
    # 0.05 %/day on 34,000 is about 510 a month: 300 never repays at the contract rate.
    debt = replace(sample_debt(), balance=D("34000"))
    proposal = replace(NO_SETTLEMENT, offered_payment=D("300"), new_rate=None,
                       new_term_months=None)  # fmt: skip
    req = repayment_request(debt, proposal, D("300"), TODAY)
    assert req.contract_rate_never_repays and req.interest_stopped
    text = letter_text(build_letter(sample_input(debt=debt, proposal=proposal), "en"))
    assert "would not even cover the interest" in text


def test_no_request_set_says_the_offer_and_asks_the_lender_for_a_term():
    inp = sample_input(proposal=None, offered_payment=D("800"))
    text = letter_text(build_letter(inp, "en"))
    assert "I can pay ¥800.00 a month. I ask you to propose a repayment term" in text


def test_no_budget_leaves_the_budget_out_instead_of_saying_zero():
    inp = sample_input(budget_income=D("0"), budget_spending=D("0"), surplus=D("0"),
                       incomes=[], expenses=[], proposal=NO_SETTLEMENT)  # fmt: skip
    text = letter_text(build_letter(inp, "zh"))
    assert "合计0.00元" not in text and "收入合计" not in text
    assert "每期725.38元" in text  # the 36-month term sets it, as in step 4


def test_flexible_spending_is_not_listed_to_the_lender():
    from workbook.models import ExpenseItem

    inp = sample_input(expenses=[ExpenseItem("房租", D("1800")),
                                 ExpenseItem("奶茶", D("300"), essential=False)])  # fmt: skip
    text = letter_text(build_letter(inp, "zh"))
    assert "房租" in text and "奶茶" not in text
    assert "其他弹性支出合计每月300.00元" in text  # only the total, by default
    chosen = letter_text(build_letter(replace(inp, list_flexible=True), "zh"))
    assert "弹性支出明细：奶茶每月300.00元" in chosen and "弹性支出合计" not in chosen


def test_art_670_only_for_a_debt_with_a_deduction():
    plain = sample_debt()
    withheld = replace(plain, upfront_deduction=D("3000"))
    assert not any("670" in p for p in legal_points(plain, [], TODAY, "en", _money))
    (point,) = [p for p in legal_points(withheld, [], TODAY, "en", _money) if "670" in p]
    assert "27000" in point and "may not be deducted" in point


def test_four_lpr_only_for_private_lending_above_the_dated_line():
    loan = replace(sample_debt(), lender_type=LenderType.PRIVATE, start_date=date(2025, 7, 1),
                   rate=Rate(D("24")), upfront_deduction=D("0"))  # fmt: skip
    (point,) = legal_points(loan, [], TODAY, "zh", _money)
    assert "第二十五条" in point and "3.00%" in point and "2025年5月20日" in point
    assert "12.00%" in point
    low = replace(loan, rate=Rate(D("6")))
    assert legal_points(low, [], TODAY, "zh", _money) == []
    bank = replace(loan, lender_type=LenderType.BANK)
    assert not any("LPR" in p for p in legal_points(bank, [], TODAY, "zh", _money))


def test_card_instalments_say_may_not_must():
    card = replace(sample_debt(), lender_type=LenderType.CREDIT_CARD)
    (point,) = legal_points(card, [], TODAY, "zh", _money)
    assert "可以" in point and "60个月" in point and "必须" not in point
    (en,) = legal_points(card, [], TODAY, "en", _money)
    assert "may negotiate" in en and "must" not in en


def test_relief_2025_only_for_a_recent_shock_the_arrears_do_not_predate():
    debt = replace(sample_debt(), overdue_days=30)
    recent = [Hardship(HardshipKind.JOB_LOSS, since=date(2025, 12, 1))]
    assert any("2025年3月" in p for p in legal_points(debt, recent, TODAY, "zh", _money))
    old = [Hardship(HardshipKind.JOB_LOSS, since=date(2022, 1, 1))]
    assert legal_points(debt, old, TODAY, "zh", _money) == []
    long_overdue = replace(debt, overdue_days=400)
    assert legal_points(long_overdue, recent, TODAY, "zh", _money) == []


def test_asks_freeze_pause_reply_and_fair_share():
    text = letter_text(build_letter(sample_input(other_debts=2, other_balance=D("9000")), "en"))
    for needle in ("stop charging interest", "pause collection", "not my family, colleagues",
                   "within 14 days", "all my 3 creditors"):  # fmt: skip
        assert needle in text, needle


def test_a_private_lender_gets_no_institution_wording():
    cousin = replace(sample_debt(), lender="王建国", lender_type=LenderType.PRIVATE)
    text = letter_text(build_letter(sample_input(debt=cousin, profile=Profile(name="张三")), "zh"))
    for institutional in ("借款机构", "官方渠道", "贵方", "催收"):
        assert institutional not in text, institutional
    assert "出借人：王建国" in text


def test_zero_rate_reads_as_stop_charging_interest():
    proposal = replace(NO_SETTLEMENT, new_rate=Rate(D("0")))
    text = letter_text(build_letter(sample_input(proposal=proposal), "zh"))
    assert "停止计息" in text and "0.00%" not in text


def test_suggested_evidence_is_stored_as_its_kind_and_follows_the_document_language():
    # Added from the English UI: the suggestion carries its msgid.
    (suggested, *_) = evidence_missing(Hardship(HardshipKind.ILLNESS), "en")
    assert suggested.kind and suggested.name.isascii()
    ticked = replace(suggested, have=True)
    hardship = Hardship(HardshipKind.ILLNESS, evidence=[ticked, EvidenceItem("my own note", True)])
    assert evidence_in_hand([hardship], "zh") == ["诊断证明和病历", "my own note"]
    # Files written before `kind` existed: recognised by the English name.
    old = Hardship(HardshipKind.ILLNESS, evidence=[EvidenceItem(suggested.name, True)])
    assert evidence_in_hand([old], "zh") == ["诊断证明和病历"]


def test_four_lpr_reads_the_users_own_lpr_row_as_home_does():
    # A row the user added (step 1's LPR table) is the LPR in force for a contract made
    # after it: the letter quotes the same LPR as home, step 1 and the case summary.
    loan = replace(sample_debt(), lender_type=LenderType.PRIVATE, start_date=date(2025, 7, 1),
                   rate=Rate(D("24")), upfront_deduction=D("0"))  # fmt: skip
    mine = (LprEntry(date(2025, 6, 20), D("2.90"), source="bank notice"),)
    (point,) = legal_points(loan, [], TODAY, "zh", _money, mine)
    assert "2.90%" in point and "11.60%" in point and "2025年6月20日" in point
    letter = letter_text(build_letter(replace(sample_input(debt=loan), extra_lpr=mine), "zh"))
    assert "11.60%" in letter and "12.00%" not in letter

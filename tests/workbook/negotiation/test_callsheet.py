"""The call sheet: who, what is owed, the ask, the walk-away point, the red lines."""

import re
from dataclasses import replace
from decimal import Decimal as D

from guide_samples import sample_debt, sample_hardships, sample_proposal

from workbook import i18n
from workbook.models import Proposal
from workbook.negotiation.callsheet import (
    CALL_CHECKLIST,
    POSITIVE_PHRASES,
    build_call_sheet,
    call_sheet_text,
    must_not_agree_lines,
    plan_warnings,
)
from workbook.negotiation.channels import channel_label
from workbook.negotiation.effects import Effect

CJK = re.compile(r"[\u4e00-\u9fff]")


def _sheet(lang="en", **kw):
    args = dict(debt=sample_debt(), proposal=sample_proposal(), hardships=sample_hardships(),
                surplus=D("2500"), offered_payment=None, lang=lang)  # fmt: skip
    args.update(kw)
    return build_call_sheet(**args)


def test_sheet_has_who_how_and_what_is_owed():
    sheet = _sheet()
    assert (sheet.lender, sheet.contact_phone, sheet.contract_number) == (
        "招联消费金融", "95786", "ZL-2023-0001",
    )  # fmt: skip
    assert sheet.channels == ("Phone", "Letter")
    text = call_sheet_text(sheet)
    for expected in ("95786", "工作日 9-18 点", "Phone, Letter", "¥23,456.78",
                     "¥2,345.60, 45 days overdue", "¥312.50"):  # fmt: skip
        assert expected in text, expected


def test_lowest_acceptable_and_must_not_agree_are_on_the_sheet():
    sheet = _sheet()
    assert sheet.lowest_acceptable == D("950")
    # The user's own lines first, verbatim and stripped, blanks dropped; then ours.
    assert sheet.must_not_agree[:2] == ("不接受三天内一次性还清", "Never a lump sum of <all> [/]")
    rest = " ".join(sheet.must_not_agree[2:])
    assert "above ¥950.00" in rest  # the walk-away point, not the opening offer
    assert "personal account" in rest
    assert "nothing in writing" in rest
    text = call_sheet_text(sheet)
    assert "Walk-away point: the most a month I can agree to\n¥950.00" in text
    assert "- Never a lump sum of <all> [/]" in text


def test_the_ask_and_the_offer():
    sheet = _sheet()
    assert sheet.offered_payment == D("800")  # taken from the proposal
    assert sheet.asks[0] == "Spread the remaining balance over 36 monthly instalments"
    assert len(sheet.asks) == 5
    assert _sheet(offered_payment=D("700")).offered_payment == D("700")


def test_budget_limit_falls_back_to_the_surplus_then_to_nothing_left():
    lines = must_not_agree_lines(None, D("1200"), None, "en")
    assert "above ¥1,200.00" in lines[0]
    assert len(lines) == 4
    broke = must_not_agree_lines(Proposal(debt_id=1), D("0"), None, "en")
    assert "nothing left over" in broke[0]


def test_reasons_are_two_sentences():
    sheet = _sheet("zh")
    assert sheet.reasons.count("。") == 2
    assert "2025年6月" in sheet.reasons


def test_chinese_sheet_whatever_the_ui_language():
    i18n.set_language("en")
    sheet = _sheet("zh")
    text = call_sheet_text(sheet)
    assert text.startswith("通话提纲：招联消费金融")
    assert sheet.phrases == tuple(zh for zh, _ in POSITIVE_PHRASES)
    labels = [channel_label(c, "zh") for c in sample_debt().channels]
    assert "沟通方式：" + "、".join(labels) in text
    assert "Outstanding balance" not in text


def test_lang_none_follows_the_ui():
    i18n.set_language("zh")
    assert _sheet(None).lang == "zh"


def test_without_a_proposal():
    sheet = _sheet(proposal=None)
    assert sheet.asks == () and sheet.lowest_acceptable is None
    text = call_sheet_text(sheet)
    assert "No request set yet" in text and "Not set" in text


def test_positive_phrases_are_ours_in_both_languages():
    assert 8 <= len(POSITIVE_PHRASES) <= 10
    for zh, en in POSITIVE_PHRASES:
        assert CJK.search(zh) and not CJK.search(en)
    assert len({zh for zh, _ in POSITIVE_PHRASES}) == len(POSITIVE_PHRASES)


def test_checklist_covers_before_during_after():
    assert list(CALL_CHECKLIST) == ["before", "during", "after"]
    during = " ".join(CALL_CHECKLIST["during"])
    for point in ("calm", "name and staff number", "more than your budget", "personal account",
                  "in writing"):  # fmt: skip
        assert point in during
    assert any("Log the call" in item for item in CALL_CHECKLIST["after"])
    text = call_sheet_text(_sheet())
    assert "Before the call" in text and "[ ] Never pay into a personal account" in text


def test_text_works_for_a_debt_with_nothing_overdue():
    debt = replace(sample_debt(), overdue_amount=D("0"), overdue_days=0, penalty_fees=D("0"),
                   channels=[], contact_notes="")  # fmt: skip
    text = call_sheet_text(_sheet(debt=debt))
    assert "overdue" not in text.lower().split("what i can pay")[0]


def test_without_a_walk_away_point_the_offer_is_the_limit():
    lines = must_not_agree_lines(Proposal(debt_id=1), D("1200"), D("700"), "en")
    assert "above ¥700.00" in lines[0]


def test_the_walk_away_point_is_the_most_a_month_capped_by_what_is_left():
    walk_away = Proposal(debt_id=1, lowest_acceptable=D("950"), offered_payment=D("700"))
    assert "above ¥950.00, your walk-away point" in must_not_agree_lines(
        walk_away, D("2500"), D("700"), "en"
    )[0]
    # A walk-away point above everything left each month is not a limit: the budget is.
    line = must_not_agree_lines(walk_away, D("900"), D("700"), "en")[0]
    assert "above ¥900.00, which is what your budget allows" in line
    zh = must_not_agree_lines(walk_away, D("2500"), D("700"), "zh")[0]
    assert zh == "每月还款超过¥950.00（这是您的底线）"


def _effect(**kw):
    base = dict(current_instalment=D("1000"), new_instalment=D("1204"), months=60,
                total_cost=D("72240"), payoff_date=None, interest_saved=None,
                fits_budget=False, note=None)  # fmt: skip
    base.update(kw)
    return Effect(**base)


def test_the_sheet_says_what_the_request_means_against_the_walk_away_point():
    sheet = _sheet(effect=_effect())  # the proposal offers 800, walk-away 950
    assert (sheet.request_payment, sheet.request_months) == (D("1204"), 60)
    warnings = plan_warnings(sheet)
    assert warnings == [
        "The request means ¥1,204.00 a month for 60 months.",
        "That is more than your walk-away point of ¥950.00: change the request.",
    ]
    assert "The request means ¥1,204.00" in call_sheet_text(sheet)
    within = _sheet(effect=_effect(new_instalment=D("900")))
    assert plan_warnings(within) == ["The request means ¥900.00 a month for 60 months."]
    assert plan_warnings(_sheet(effect=_effect(new_instalment=D("800")))) == []  # the offer
    agreed = _sheet(effect=_effect(agreed=True))
    assert plan_warnings(agreed) == []


def test_an_offer_that_never_repays_names_the_least_that_would():
    never = _effect(new_instalment=D("80"), months=None, never_repays=True,
                    smallest_payment=D("194.95"))  # fmt: skip
    sheet = _sheet(proposal=None, offered_payment=D("80"), effect=never, lang="zh")
    assert plan_warnings(sheet) == ["按这个金额永远还不清这笔欠款；每月至少要还¥194.95才能还清。"]


def test_money_withheld_at_pay_out_is_recomputed_on_the_sheet_in_its_language():
    from datetime import date

    withheld = replace(sample_debt(), upfront_deduction=D("3000"), method=sample_debt().method)
    zh = call_sheet_text(_sheet(debt=withheld, lang="zh", today=date(2026, 3, 5)))
    assert "放款时预先扣除了¥3,000.00（砍头息）" in zh and "¥27,000.00" in zh
    assert "第六百七十条" in zh and "少¥" in zh
    en = call_sheet_text(_sheet(debt=withheld, lang="en", today=date(2026, 3, 5)))
    assert "¥27,000.00 actually received" in en and " less." in en
    # Only for a debt with a deduction.
    plain = call_sheet_text(_sheet(lang="zh", today=date(2026, 3, 5)))
    assert "砍头息" not in plain


def test_the_sheet_states_the_count_and_the_last_instalment_of_the_request():
    effect = _effect(new_instalment=D("900"), months=38, total_cost=D("34089.06"),
                     last_instalment=D("789.06"), first_due=None)  # fmt: skip
    zh = call_sheet_text(_sheet(effect=effect, lang="zh"))
    assert "共38期，每期¥900.00，合计¥34,089.06，最后一期¥789.06。" in zh
    same = _effect(new_instalment=D("900"), months=2, total_cost=D("1800"),
                   last_instalment=D("900"))  # fmt: skip
    assert "最后一期" not in call_sheet_text(_sheet(effect=same, lang="zh"))

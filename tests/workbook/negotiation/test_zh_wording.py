"""Issue 10's three Chinese wording fixes, read from the functions that show them: a
wording that came back (redundant, translated-sounding, or hiding that an unlicensed
company is private lending too) fails here."""

from datetime import date
from decimal import Decimal as D

import pytest

from workbook import fmt, i18n
from workbook.models import Debt, LenderType, Proposal, Rate
from workbook.negotiation.effects import over_share_note, proposal_effect

TODAY = date(2024, 2, 29)


@pytest.fixture(autouse=True)
def chinese():
    i18n.set_language("zh")
    yield
    i18n.set_language("en")


def test_a_settlement_says_it_is_paid_in_one_sum_once():
    debt = Debt("快易借", D("12000"), rate=Rate(D("12")), term_months=12, id=1)
    effect = proposal_effect(debt, Proposal(1, settlement_discount_percent=D("40")), TODAY,
                             D("500"))
    assert effect.one_off and effect.note
    assert effect.note.startswith("需一次性支付结清款¥7,200.00；")
    assert "一次性结清款需要一次付清" not in effect.note


def test_over_its_share_names_what_was_given_to_the_debt():
    repays = over_share_note(D("1000"), D("500"), D("12000"), Rate(D("0")))
    never = over_share_note(D("1000"), D("500"), D("12000"), Rate(D("60")))
    for note in (repays, never):
        assert note.startswith("比分配给这笔债务的¥500.00每月多出¥500.00；按分配的金额还款")
        assert "它的份额" not in note
    assert "24个月可以还清" in repays and "永远还不清" in never


def test_the_private_lender_type_says_an_unlicensed_company_is_private_lending_too():
    label = fmt.enum_label(LenderType.PRIVATE)
    assert label == "民间借贷（个人，或没有放贷资质的公司）"
    assert "个人（民间借贷）" not in label
    assert "company without a lending licence" in i18n.translate(
        "Private lending (a person, or a company without a lending licence)", "en")

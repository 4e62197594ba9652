"""砍头息: the principal counted as what was received, interest recomputed on it."""

from datetime import date
from decimal import Decimal as D

from workbook import i18n
from workbook.models import Debt, Rate, RepaymentMethod
from workbook.money.upfront import upfront_sentence, upfront_view


def test_interest_is_recomputed_on_what_was_received():
    i18n.set_language("en")
    debt = Debt("App", D("10000"), principal=D("10000"), upfront_deduction=D("2000"),
                rate=Rate(D("12")), term_months=12, method=RepaymentMethod.INTEREST_FIRST,
                start_date=date(2024, 1, 31))
    view = upfront_view(debt, date(2024, 2, 1))
    assert view is not None
    assert view.received == D("8000")
    assert view.contract_interest == D("1200.00")  # 100.00 a month on 10,000
    assert view.interest_on_received == D("960.00")  # 80.00 a month on 8,000
    assert view.difference == D("240.00")
    text = upfront_sentence(view)
    assert "Art. 670" in text and "¥8,000.00" in text and "¥240.00 less" in text


def test_no_view_without_a_deduction_or_the_terms():
    base = Debt("App", D("10000"), principal=D("10000"), rate=Rate(D("12")), term_months=12)
    assert upfront_view(base, date(2024, 2, 1)) is None
    no_term = Debt("App", D("10000"), principal=D("10000"), upfront_deduction=D("100"),
                   rate=Rate(D("12")))
    assert upfront_view(no_term, date(2024, 2, 1)) is None

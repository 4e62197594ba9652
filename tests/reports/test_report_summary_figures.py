"""The case summary counts an agreed debt at its agreed instalment, as home and step 2
do, keeps the agreed debt out of the re-plan, and carries home's rate warnings."""

from datetime import date
from decimal import Decimal as D

from reports_pdf import missing, pdf_text

from reports.summary import build_summary
from workbook import i18n
from workbook.models import Agreement, Debt, IncomeItem, LenderType, Rate
from workbook.overview import build_overview
from workbook.snapshot import WorkbookData

TODAY = date(2026, 3, 15)


def _data() -> WorkbookData:
    agreed = Debt("Agreed Bank", D("6000"), lender_type=LenderType.BANK, rate=Rate(D("10")),
                  term_months=12, start_date=date(2025, 9, 10), due_day=10, id=1)
    private = Debt("Cousin Wang", D("10000"), lender_type=LenderType.PRIVATE, principal=D("10000"),
                   rate=Rate(D("30")), term_months=12, start_date=date(2025, 9, 1), id=2)
    agreement = Agreement(debt_id=1, total=D("6000"), instalment=D("250"), count=24,
                          first_due=date(2026, 4, 10), id=1)
    return WorkbookData(debts=[agreed, private], agreements=[agreement],
                        incomes=[IncomeItem("Pay", D("9000"))])


def test_summary_uses_agreed_instalments_and_home_totals_and_rate_warnings(tmp_path, fonts):
    i18n.set_language("en")
    data = _data()
    out = build_summary(data, tmp_path / "s.pdf", lang="en", today=TODAY, fonts=fonts)
    text = pdf_text(out)
    monthly = build_overview(data, TODAY).monthly_payments
    assert not missing(text, "¥250.00", f"¥{monthly:,.2f}")  # agreed instalment, home's total
    # The agreed bank's contract payment (about ¥527) is nowhere: not re-planned either.
    assert "¥527" not in text
    assert not missing(text, "Cousin Wang: true annual rate", "4 × LPR", "Art. 25")


def test_summary_warnings_follow_the_pdf_language(tmp_path, fonts):
    i18n.set_language("en")
    out = build_summary(_data(), tmp_path / "z.pdf", lang="zh", today=TODAY, fonts=fonts)
    assert not missing(pdf_text(out), "第二十五条")
    assert i18n.current_language() == "en"  # put back

"""LPR table look-ups and the honest wording of the 4 × LPR and 24 % checks."""

from datetime import date
from decimal import Decimal

from workbook import i18n
from workbook.models import Debt, LenderType, LprEntry, Rate, RateUnit, RepaymentMethod
from workbook.money.lpr import LPR_LAST_CHECKED, LPR_TABLE, benchmark_check, lpr_on, lpr_table

D = Decimal
TODAY = date(2026, 3, 1)


def test_table_is_ordered_and_matches_china_facts():
    starts = [entry.start for entry in LPR_TABLE]
    assert starts == sorted(starts)
    assert LPR_TABLE[0] == LprEntry(date(2019, 8, 20), D("4.25"))
    assert LPR_TABLE[-1] == LprEntry(date(2025, 5, 20), D("3.00"))
    assert LPR_LAST_CHECKED >= LPR_TABLE[-1].start


def test_lpr_on_dates():
    assert lpr_on(date(2019, 8, 19)) is None
    assert lpr_on(date(2019, 8, 20)).percent == D("4.25")
    assert lpr_on(date(2020, 8, 20)).percent == D("3.85")  # 4 × = 15.4 % when Art. 25 began
    assert lpr_on(date(2024, 10, 20)).percent == D("3.35")
    assert lpr_on(date(2024, 10, 21)).percent == D("3.10")
    assert lpr_on(date(2030, 1, 1)).percent == D("3.00")


def test_user_entries_extend_and_override():
    newer = LprEntry(date(2026, 6, 22), D("2.90"))
    assert lpr_on(date(2026, 7, 1), [newer]) == newer
    assert lpr_on(date(2026, 6, 1), [newer]).percent == D("3.00")
    fixed = LprEntry(date(2025, 5, 20), D("3.01"))
    assert lpr_on(date(2025, 6, 1), [fixed]).percent == D("3.01")
    assert len(lpr_table([fixed])) == len(LPR_TABLE)


def _debt(kind, pct, unit=RateUnit.YEAR, start=date(2025, 9, 1), **kw):
    return Debt(
        "L",
        D("10000"),
        lender_type=kind,
        principal=D("10000"),
        rate=Rate(D(pct), unit),
        term_months=12,
        start_date=start,
        **kw,
    )


def test_private_lending_is_a_legal_limit():
    check = benchmark_check(_debt(LenderType.PRIVATE, "15"), TODAY)
    assert check.legal_limit
    assert check.four_lpr == D("0.12")
    assert check.above_four_lpr and not check.above_24
    i18n.set_language("en")
    text = benchmark_check(_debt(LenderType.PRIVATE, "15"), TODAY).explanation
    assert "courts do not support" in text and "not legal advice" in text
    assert "Art. 25" in text and "15.00%" in text and "12.00%" in text
    within = benchmark_check(_debt(LenderType.PRIVATE, "10"), TODAY)
    assert not within.above_four_lpr and "within" in within.explanation


def test_licensed_lenders_get_a_benchmark_not_a_cap():
    i18n.set_language("en")
    for kind in (LenderType.BANK, LenderType.CONSUMER_FINANCE, LenderType.MICROLOAN):
        check = benchmark_check(_debt(kind, "15"), TODAY)
        assert not check.legal_limit
        assert check.above_four_lpr and not check.above_24
        assert "benchmark, not a legal cap" in check.explanation
    high = benchmark_check(_debt(LenderType.ONLINE_PLATFORM, "0.1", RateUnit.DAY,
                                 platform_licensed=True), TODAY)
    assert high.above_24 and "window guidance" in high.explanation
    low = benchmark_check(_debt(LenderType.BANK, "4"), TODAY)
    assert not low.above_four_lpr and not low.above_24 and "below" in low.explanation


def test_flat_fee_is_judged_by_its_true_rate():
    # 0.6 % a month flat looks like 7.2 % a year; its true APR 13.03 % is above 12 %.
    debt = _debt(
        LenderType.CONSUMER_FINANCE, "0.6", RateUnit.MONTH, method=RepaymentMethod.FLAT_FEE
    )
    check = benchmark_check(debt, TODAY)
    assert check.true_apr.quantize(D("0.0001")) == D("0.1303")
    assert check.above_four_lpr


def test_lpr_at_the_contract_date_is_used():
    check = benchmark_check(_debt(LenderType.PRIVATE, "15", start=date(2020, 9, 1)), TODAY)
    assert check.lpr.percent == D("3.85") and check.four_lpr == D("0.154")
    assert not check.above_four_lpr


def test_missing_data_and_old_contracts_are_said_plainly():
    i18n.set_language("en")
    unknown = benchmark_check(Debt("L", D("1000")), TODAY)
    assert unknown.true_apr is None and not unknown.above_four_lpr and not unknown.above_24
    assert "cannot be worked out" in unknown.explanation
    # A licensed lender's contract from before the LPR: said plainly, no line invented.
    old = benchmark_check(_debt(LenderType.BANK, "30", start=date(2018, 1, 1)), TODAY)
    assert old.lpr is None and old.four_lpr is None and old.above_24
    assert "predates the LPR" in old.explanation
    no_date = benchmark_check(_debt(LenderType.OTHER, "15", start=None), TODAY)
    assert "contract date is not entered" in no_date.explanation
    assert "private person" in no_date.explanation


def test_early_lpr_values_are_marked_less_certain():
    i18n.set_language("en")
    check = benchmark_check(_debt(LenderType.PRIVATE, "20", start=date(2021, 1, 1)), TODAY)
    assert "less certain" in check.explanation


def test_explanation_is_translated():
    i18n.set_language("zh")
    check = benchmark_check(_debt(LenderType.BANK, "15"), TODAY)
    assert "持牌机构" in check.explanation and "15.00%" in check.explanation


def test_stated_rate_is_used_and_said_when_the_true_rate_is_unknown():
    i18n.set_language("en")
    debt = Debt("L", D("1000"), lender_type=LenderType.BANK, rate=Rate(D("0.1"), RateUnit.DAY))
    check = benchmark_check(debt, TODAY)
    assert check.stated_only and check.true_apr == D("0.36") and check.above_24
    assert "stated rate" in check.explanation
    assert not benchmark_check(_debt(LenderType.BANK, "15"), TODAY).stated_only


def test_private_loans_before_2020_08_20_get_two_dated_lines_never_the_contract_date():
    i18n.set_language("en")
    for start in (date(2018, 1, 1), date(2020, 8, 19)):  # before and after the LPR reform
        check = benchmark_check(_debt(LenderType.PRIVATE, "20", start=start), TODAY)
        assert check.old_contract and check.legal_limit
        assert check.four_lpr == D("0.12")  # 4 × the LPR in force now (time of suing)
        text = check.explanation
        assert "up to 2020-08-19 the old rules" in text and "at the time of suing" in text
        assert "Art. 31" in text and "2020-12-29" in text and "contract date" not in text
    new = benchmark_check(_debt(LenderType.PRIVATE, "20", start=date(2020, 8, 20)), TODAY)
    assert not new.old_contract and "contract date" in new.explanation


def test_an_online_platform_is_asked_whether_it_is_licensed():
    i18n.set_language("en")
    def check(licensed):
        return benchmark_check(_debt(LenderType.ONLINE_PLATFORM, "15", platform_licensed=licensed),
                               TODAY)
    assert check(True).reading == "licensed" and "benchmark, not a legal cap" in check(
        True).explanation
    assert check(False).reading == "private" and check(False).legal_limit
    assert "courts do not support" in check(False).explanation
    both = check(None)
    assert both.reading == "unknown" and not both.legal_limit
    assert "unlicensed company" in both.explanation and "licensed lender" in both.explanation


def test_a_daily_rate_near_a_line_is_on_the_line_with_both_figures():
    i18n.set_language("en")
    check = benchmark_check(_debt(LenderType.CONSUMER_FINANCE, "0.066", RateUnit.DAY,
                                  method=RepaymentMethod.INTEREST_FIRST), TODAY)
    assert check.on_line
    assert "23.76%" in check.explanation and "24.09%" in check.explanation
    assert "on the line, not below it" in check.explanation
    far = benchmark_check(_debt(LenderType.CONSUMER_FINANCE, "0.05", RateUnit.DAY), TODAY)
    assert not far.on_line


def test_payments_that_cannot_repay_the_loan_say_the_entries_look_wrong():
    i18n.set_language("en")
    debt = Debt("L", D("10000"), lender_type=LenderType.BANK, principal=D("10000"),
                term_months=12, monthly_payment=D("500"), start_date=date(2025, 9, 1))
    check = benchmark_check(debt, TODAY)
    assert check.entries_wrong and check.true_apr is None
    assert "entries look wrong" in check.explanation and "6,000.00" in check.explanation
    assert "-" not in check.explanation.split("received")[0].split("add up to")[1]

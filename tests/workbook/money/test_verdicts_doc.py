"""docs/verdicts.md covers every verdict the app shows, with its rule, source and date.

Each wording the verdict code can show (every `_()`/`N_()` literal of the rate verdicts,
the 砍头息 sentence and the collection-conduct flags) must be claimed by a row of the
page; each row must be in the page with its rule, source, date and confidence. A new
verdict without a row, or a row that loses its source, fails here. The 24 % figure is
checked to carry its source, confidence and date wherever it appears.
"""

from __future__ import annotations

import ast
import re
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from workbook import i18n
from workbook.followup.conduct import BANK_RULE_INFO, RULE_INFO
from workbook.models import Debt, LenderType, Rate, RateUnit, RepaymentMethod
from workbook.money.lpr import benchmark_check
from workbook.overview import rate_warnings
from workbook.snapshot import WorkbookData

ROOT = Path(__file__).resolve().parents[3]
DOC = ROOT / "docs" / "verdicts.md"

# doc row (its first cell) -> the start of each wording it stands for
ROWS: dict[str, tuple[str, ...]] = {
    "Principal after 砍头息": ("{deducted} was deducted at pay-out",),
    "Above (or within) 4 × LPR at the contract date, courts do not support the excess": (
        "For private lending, courts do not support",
        "{lender}: true annual rate {apr} is above 4 × LPR at the contract date",
        "LPR {lpr} from {start}, table checked", "LPR {lpr} from {start}, an early",
        "LPR {lpr} in force today, as the contract date is not entered, table checked",
        "LPR {lpr} from {start}"),
    "Two dated lines": ("This private loan was made before 2020-08-20",
                        "{lender}: true annual rate {apr} is above 4 × today's LPR"),
    "Above 4 × LPR, a benchmark for a licensed lender": (
        "For a licensed lender 4 × LPR ({four}; {source}) is a benchmark, not a legal cap; this",
        "{lender}: true annual rate {apr} is above 4 × LPR ({four}; {lpr}), a benchmark"),
    "Below 4 × LPR, a benchmark": ("This loan's true annual rate of {apr} is below 4 × LPR",),
    "At or above 24 %, the ceiling regulators are reported to expect": (
        "For a licensed lender 4 × LPR ({four}; {source}) is a benchmark, not a legal cap, but",
        "{lender}: true annual rate {apr} is at or above 24%",
        "reported window guidance and the NFRA lending-partnership notice"),
    "Both readings": (
        "This loan's true annual rate is {apr}; if the lender is a private person",
        "{lender}: true annual rate {apr} is above 4 × LPR ({four}; {lpr}), the courts' limit",
        "{lender}: true annual rate {apr} is above 4 × LPR ({four}; {lpr}): the courts' limit"),
    "The contract predates the LPR": ("The contract predates the LPR",),
    "On the line, not below it": ("A daily rate of {daily} is {x360} a year", "{lender}: {both}:",
                                  "a daily rate of {daily} is {x360} a year"),
    "The entries look wrong": ("The entries look wrong",
                               "{lender}: the entries look wrong"),
    "Cannot be worked out yet": ("The true annual rate cannot be worked out yet",),
    "The stated rate, not the true rate": ("This is the stated rate;",),
    "The LPR row is yours": ("{lpr}, added by you", "{lpr}, in force today, as the contract"),
    "Contact between 22:00 and 08:00": ("Contact between 22:00 and 08:00",),
    "More than three connected calls in a day": ("More than three connected calls in a day",),
    "More than six unanswered calls in a day": ("More than six unanswered calls in a day",),
    "Contact with a third party": ("Contact with a third party",),
    "Threat or abuse": ("Threat or abuse",),
}


def _literals(path: Path, functions: set[str] | None = None) -> set[str]:
    """The `_()`/`N_()` literals of `path` (inside `functions` only, when given)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    scopes = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)
              and (functions is None or n.name in functions)] if functions else [tree]
    found = set()
    for scope in scopes:
        for node in ast.walk(scope):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_") and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def _shown_wordings() -> set[str]:
    money = ROOT / "workbook" / "money"
    words = _literals(money / "lpr.py") | _literals(money / "upfront.py")
    words |= _literals(ROOT / "workbook" / "overview.py", {"rate_warnings", "_rate_line", "_on_line"})
    words |= {info.title for info in (*RULE_INFO.values(), *BANK_RULE_INFO.values())}
    return words


def _row(text: str, first: str) -> list[str] | None:
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] == first:
            return cells
    return None


def test_every_verdict_wording_is_claimed_by_a_row():
    unclaimed = [w for w in _shown_wordings()
                 if not any(w.startswith(p) for claims in ROWS.values() for p in claims)]
    assert not unclaimed, f"verdicts without a row in docs/verdicts.md: {unclaimed}"


def test_every_claim_matches_a_wording_the_code_shows():
    shown = _shown_wordings()
    stale = [p for claims in ROWS.values() for p in claims
             if not any(w.startswith(p) for w in shown)]
    assert not stale, f"rows claim wordings the code no longer shows: {stale}"


@pytest.mark.parametrize("first", sorted(ROWS))
def test_each_row_is_in_the_page_with_rule_source_date_and_confidence(first):
    cells = _row(DOC.read_text(encoding="utf-8"), first)
    assert cells is not None, f"docs/verdicts.md has no row {first!r}"
    assert len(cells) >= 5 and all(cells[-4:]), cells  # rule, source, date, confidence


LICENSED_24 = Debt("App", D("20000"), lender_type=LenderType.BANK, rate=Rate(D("30")),
                   term_months=12, start_date=date(2025, 9, 1), id=1)


@pytest.mark.parametrize("lang, partly", [("en", "only partly confirmed"), ("zh", "仅部分证实")])
def test_every_verdict_naming_24_percent_gives_its_source_confidence_and_date(lang, partly):
    debts = [
        LICENSED_24,
        Debt("Bank", D("20000"), lender_type=LenderType.BANK, rate=Rate(D("15")),
             term_months=12, start_date=date(2025, 9, 1), id=2),  # above 4 × LPR, below 24 %
        Debt("Low", D("20000"), lender_type=LenderType.BANK, rate=Rate(D("4")),
             term_months=12, start_date=date(2025, 9, 1), id=3),  # below both
        Debt("Unsure", D("20000"), lender_type=LenderType.ONLINE_PLATFORM, rate=Rate(D("0.1"),
             RateUnit.DAY), term_months=12, start_date=date(2025, 9, 1), id=4),  # don't know
    ]
    i18n.set_language(lang)
    try:
        texts = [benchmark_check(d, date(2026, 3, 1)).explanation for d in debts]
        home = rate_warnings(WorkbookData(debts=debts), date(2026, 3, 1))
    finally:
        i18n.set_language("en")
    # step 1 names 24 % for each but the one below both lines, where it says nothing of it
    assert ["24%" in text for text in texts] == [True, True, False, True]
    home_24 = [line for line in home if "24%" in line]
    assert len(home_24) == 2 and len(home) == 3  # the 24 % bank, the unsure app; 15 %: no 24
    for text in texts[:2] + texts[3:] + home_24:
        assert "gmteight.com" in text and partly in text and "2026" in text, text


def test_private_lending_verdicts_never_use_the_old_24_line():
    i18n.set_language("en")
    for pct in ("30", "10"):
        debt = Debt("Cousin", D("10000"), lender_type=LenderType.PRIVATE, rate=Rate(D(pct)),
                    term_months=12, start_date=date(2025, 9, 1), id=1)
        text = benchmark_check(debt, date(2026, 3, 1)).explanation
        assert "24%" not in text and "4 × the one-year LPR" in text
    (home,) = rate_warnings(WorkbookData(debts=[Debt(
        "Cousin", D("10000"), lender_type=LenderType.PRIVATE, rate=Rate(D("30")),
        term_months=12, start_date=date(2025, 9, 1), id=1)]), date(2026, 3, 1))
    assert "24%" not in home and "Art. 25" in home


@pytest.mark.parametrize("lang, on_line", [("en", " line"), ("zh", "这条线上")])
def test_home_says_on_the_line_with_both_figures_as_step_1_does(lang, on_line):
    """0.066 %/day is 23.76 % ×360 and 24.09 % ×365; 0.0329 %/day straddles 4 × 3.00 %."""
    debts = [
        Debt("Consumer", D("10000"), lender_type=LenderType.CONSUMER_FINANCE,
             rate=Rate(D("0.066"), RateUnit.DAY), term_months=12, id=1,
             method=RepaymentMethod.INTEREST_FIRST, start_date=date(2025, 9, 1)),
        Debt("Cousin", D("10000"), lender_type=LenderType.PRIVATE,
             rate=Rate(D("0.0329"), RateUnit.DAY), term_months=12, id=2,
             method=RepaymentMethod.INTEREST_FIRST, start_date=date(2025, 9, 1)),
    ]
    i18n.set_language(lang)
    try:
        checks = [benchmark_check(d, date(2026, 3, 1)) for d in debts]
        home = rate_warnings(WorkbookData(debts=debts), date(2026, 3, 1))
    finally:
        i18n.set_language("en")
    assert [c.line_on for c in checks] == ["24", "four"]
    assert len(home) == 2
    for line, figures in zip(home, (("23.76%", "24.09%"), ("11.84%", "12.01%")), strict=True):
        assert on_line in line and all(f in line for f in figures), line
        assert lang == "zh" or ("on the" in line and "not below it" in line)
    if lang == "en":  # never "above" or "below" by one convention
        assert not any("is at or above" in line or "is above 4" in line for line in home)
        assert "Art. 25" in home[1] and "gmteight.com" in home[0]


def test_home_gives_the_dated_art_31_line_and_the_wrong_entries_as_step_1_does():
    i18n.set_language("en")
    old = Debt("Old", D("10000"), lender_type=LenderType.PRIVATE, rate=Rate(D("20")),
               term_months=12, start_date=date(2019, 1, 1), id=1)
    wrong = Debt("Wrong", D("10000"), lender_type=LenderType.BANK, principal=D("10000"),
                 term_months=12, monthly_payment=D("500"), start_date=date(2025, 9, 1), id=2)
    home = rate_warnings(WorkbookData(debts=[old, wrong]), date(2026, 3, 1))
    step1 = [benchmark_check(d, date(2026, 3, 1)).explanation for d in (old, wrong)]
    assert "Art. 31" in home[0] and "today's LPR" in home[0] and "12.00%" in home[0]
    assert "contract date" not in home[0] and "contract date" not in step1[0]
    assert "2020-08-20" in home[0] and "up to 2020-08-19 the old rules" in step1[0]
    assert home[1] == "Wrong: the entries look wrong (the payments cannot repay the loan); see step 1."
    assert "12 payments of ¥500.00 add up to ¥6,000.00" in step1[1]
    assert not any(re.search(r"-\d[\d.,]*%", t) for t in home + step1)  # no negative rate

"""The one-year LPR by date, and how a loan's true rate compares with 4 × LPR and 24 %.

What the comparison means depends on who lent the money (china-facts §2):
- private lending (individuals, companies that are not licensed lenders): courts do not
  support interest above 4 × the one-year LPR in force when the contract was made
  (SPC private-lending rules, 2020 revision, Art. 25) — a legal limit;
- banks, card issuers, consumer-finance and microloan companies and the platforms that
  lend through them are outside those rules: 4 × LPR is only a benchmark, and 24 % is
  the ceiling regulators are reported to expect (window guidance, not a statute).
The wording never claims legal certainty and always names the source and its date.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from workbook import fmt
from workbook.i18n import _
from workbook.models import Debt, LenderType, LprEntry
from workbook.money.schedule import HUNDRED, monthly_rate
from workbook.money.truerate import debt_true_rate

# One-year LPR changes since the reform of 2019-08-20 (china-facts §7).
LPR_TABLE: tuple[LprEntry, ...] = tuple(
    LprEntry(date.fromisoformat(start), Decimal(percent))
    for start, percent in (
        ("2019-08-20", "4.25"),
        ("2019-09-20", "4.20"),
        ("2019-11-20", "4.15"),
        ("2020-02-20", "4.05"),
        ("2020-04-20", "3.85"),
        ("2021-12-20", "3.80"),
        ("2022-01-20", "3.70"),
        ("2022-08-22", "3.65"),
        ("2023-06-20", "3.55"),
        ("2023-08-21", "3.45"),
        ("2024-07-22", "3.35"),
        ("2024-10-21", "3.10"),
        ("2025-05-20", "3.00"),
    )
)
LPR_SOURCE = "CFETS one-year loan prime rate (LPR), published monthly on the 20th"
LPR_LAST_CHECKED = date(2026, 5, 20)
# Rows before this date rest on widely reported announcements, not a table read here.
LPR_WELL_SOURCED_FROM = date(2021, 12, 20)
LPR_REFORM = date(2019, 8, 20)
LINE_24 = Decimal("0.24")

LICENSED = frozenset(
    {
        LenderType.BANK,
        LenderType.CREDIT_CARD,
        LenderType.CONSUMER_FINANCE,
        LenderType.ONLINE_PLATFORM,
        LenderType.MICROLOAN,
    }
)


def lpr_table(extra: Iterable[LprEntry] = ()) -> list[LprEntry]:
    """The built-in table merged with the user's entries (theirs win on the same date)."""
    by_start = {entry.start: entry for entry in LPR_TABLE}
    by_start.update({entry.start: entry for entry in extra})
    return [by_start[start] for start in sorted(by_start)]


def lpr_on(day: date, extra: Iterable[LprEntry] = ()) -> LprEntry | None:
    """The one-year LPR in force on `day`; None before the first entry (2019-08-20)."""
    found = None
    for entry in lpr_table(extra):
        if entry.start <= day:
            found = entry
    return found


@dataclass(frozen=True)
class BenchmarkCheck:
    true_apr: Decimal | None  # fraction; None when it cannot be worked out
    four_lpr: Decimal | None  # fraction
    lpr: LprEntry | None
    above_four_lpr: bool
    above_24: bool
    legal_limit: bool  # True only for private lending, where 4 × LPR is the courts' limit
    explanation: str  # translated; source and as-of date included
    stated_only: bool = False  # true_apr is the stated rate annualised, not the IRR


def _pct(fraction: Decimal) -> str:
    return f"{(fraction * HUNDRED).quantize(Decimal('0.01'))}%"


def _source(lpr: LprEntry, contract_known: bool) -> str:
    if not contract_known:
        text = _(
            "LPR {lpr} in force today, as the contract date is not entered, table checked {checked}"
        )
    elif lpr.start < LPR_WELL_SOURCED_FROM:
        text = _("LPR {lpr} from {start}, an early and less certain value, table checked {checked}")
    else:
        text = _("LPR {lpr} from {start}, table checked {checked}")
    return text.format(
        lpr=f"{lpr.percent}%", start=fmt.date_(lpr.start), checked=fmt.date_(LPR_LAST_CHECKED)
    )


def _stated_apr(debt: Debt) -> Decimal | None:
    if debt.rate is None or debt.rate.percent < 0:
        return None
    return monthly_rate(debt.rate) * 12


def benchmark_check(debt: Debt, today: date, extra: Iterable[LprEntry] = ()) -> BenchmarkCheck:
    """How `debt`'s true annual rate compares with 4 × LPR at its contract date and 24 %.

    The true rate is the IRR-based APR (`debt_true_rate`); without it, the stated rate
    annualised (a daily rate ×360). The contract date is the start date, else today.
    """
    true = debt_true_rate(debt, today)
    apr = true.apr if true is not None else _stated_apr(debt)
    contract_known = debt.start_date is not None
    lpr = lpr_on(debt.start_date or today, extra)
    four = lpr.percent * 4 / HUNDRED if lpr is not None else None
    above_four = apr is not None and four is not None and apr > four
    above_24 = apr is not None and apr > LINE_24
    private = debt.lender_type == LenderType.PRIVATE
    explanation = _explain(debt.lender_type, apr, four, lpr, contract_known, above_four, above_24)
    stated_only = true is None and apr is not None
    if stated_only:
        explanation += " " + _(
            "This is the stated rate; with the term and amount entered, the true rate "
            "(fees and deductions included) can be higher."
        )
    return BenchmarkCheck(
        true_apr=apr,
        four_lpr=four,
        lpr=lpr,
        above_four_lpr=above_four,
        above_24=above_24,
        legal_limit=private,
        explanation=explanation,
        stated_only=stated_only,
    )


def _explain(
    kind: LenderType,
    apr: Decimal | None,
    four: Decimal | None,
    lpr: LprEntry | None,
    contract_known: bool,
    above_four: bool,
    above_24: bool,
) -> str:
    if apr is None:
        return _(
            "The true annual rate cannot be worked out yet: enter the amount, the rate or "
            "monthly payment, and the term."
        )
    if lpr is None or four is None:
        return _(
            "The contract predates the LPR (2019-08-20), so older court rules and "
            "transition rules may apply; the true annual rate is {apr}. Ask a lawyer "
            "or the 12348 legal hotline before relying on it."
        ).format(apr=_pct(apr))
    values = {"apr": _pct(apr), "four": _pct(four), "source": _source(lpr, contract_known)}
    if kind == LenderType.PRIVATE:
        if above_four:
            text = _(
                "For private lending, courts do not support interest above 4 × the one-year "
                "LPR at the contract date ({four}; {source}; SPC private-lending rules, "
                "2020, Art. 25), and this loan's true annual rate of {apr} is above it: "
                "this is not legal advice, so check with a lawyer or the 12348 hotline."
            )
        else:
            text = _(
                "For private lending, courts do not support interest above 4 × the one-year "
                "LPR at the contract date ({four}; {source}; SPC private-lending rules, "
                "2020, Art. 25); this loan's true annual rate of {apr} is within it."
            )
    elif kind in LICENSED:
        if above_24:
            text = _(
                "For a licensed lender 4 × LPR ({four}; {source}) is a benchmark, not a legal "
                "cap, but this loan's true annual rate of {apr} is also above 24%, the "
                "ceiling regulators are reported to expect (window guidance, not a statute)."
            )
        elif above_four:
            text = _(
                "For a licensed lender 4 × LPR ({four}; {source}) is a benchmark, not a legal "
                "cap; this loan's true annual rate of {apr} is above it but not above 24%, "
                "the ceiling regulators are reported to expect."
            )
        else:
            text = _(
                "This loan's true annual rate of {apr} is below 4 × LPR ({four}; {source}), "
                "a benchmark rather than a legal cap for a licensed lender, and below 24%."
            )
    else:
        text = _(
            "This loan's true annual rate is {apr}; if the lender is a private person or an "
            "unlicensed company, courts do not support interest above 4 × LPR at the "
            "contract date ({four}; {source}), while for a licensed lender that is only a "
            "benchmark and 24% is the ceiling regulators are reported to expect."
        )
    return text.format(**values)

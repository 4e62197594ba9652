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
from workbook.models import ZERO, Debt, LenderType, LprEntry, RateUnit
from workbook.money.schedule import HUNDRED, monthly_rate
from workbook.money.truerate import daily_to_annual, debt_true_rate

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
REPORTED_24_CHECKED = "2026"  # when the reports behind the 24 % expectation were checked
# SPC private-lending rules, 2020-12-29 revision, Art. 31 (china-facts §2.1): a contract
# made before this day is judged under the old rules up to the day before, and from it
# on against 4 × the LPR at the time the suit is filed.
NEW_RULES_FROM = date(2020, 8, 20)

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
    reading: str = "unknown"  # "private", "licensed" or "unknown" (`lender_reading`)
    old_contract: bool = False  # private lending made before 2020-08-20 (Art. 31)
    on_line: bool = False  # a daily rate whose ×360 and ×365 figures straddle a line
    line_on: str = ""  # which line it straddles: "four" (4 × LPR) or "24"; "" when none
    entries_wrong: bool = False  # the payments entered cannot repay what was received


def lender_reading(debt: Debt) -> str:
    """Which rules the rate is read against: "private" (individuals, unlicensed
    companies and platforms), "licensed", or "unknown" (show both readings)."""
    if debt.lender_type == LenderType.PRIVATE:
        return "private"
    if debt.lender_type == LenderType.ONLINE_PLATFORM:
        if debt.platform_licensed is None:
            return "unknown"
        return "licensed" if debt.platform_licensed else "private"
    return "licensed" if debt.lender_type in LICENSED else "unknown"


def _straddles(debt: Debt, line: Decimal | None) -> bool:
    """A daily rate is "on the line" when ×360 is at or below it and ×365 at or above."""
    if line is None or debt.rate is None or debt.rate.unit != RateUnit.DAY:
        return False
    both = daily_to_annual(debt.rate)
    return both.x360 <= line <= both.x365


def _pct(fraction: Decimal) -> str:
    return f"{(fraction * HUNDRED).quantize(Decimal('0.01'))}%"


def reported_24_note() -> str:
    """Where the 24 % expectation for licensed lenders comes from, how sure and when
    (china-facts §2.4 and §16: "partly"): every verdict naming 24 % carries it."""
    return _("reported window guidance and the NFRA lending-partnership notice in force "
             "2025-10-01, per marketnews.com and gmteight.com; only partly confirmed, "
             "checked {checked}; not a statute").format(checked=REPORTED_24_CHECKED)


def users_row(lpr: LprEntry) -> bool:
    """A row the user added in step 1's LPR table (theirs win over a built-in one)."""
    return lpr not in LPR_TABLE


def lpr_words(lpr: LprEntry) -> str:
    """"LPR 3.0% from 2025-05-20"; for a row the user added, that it is theirs and the
    source they typed, so no verdict passes their figure off as the published table's."""
    words = _("LPR {lpr} from {start}").format(lpr=f"{lpr.percent}%", start=fmt.date_(lpr.start))
    if not users_row(lpr):
        return words
    if lpr.source.strip():
        return _("{lpr}, added by you (source: {source})").format(lpr=words,
                                                                 source=lpr.source.strip())
    return _("{lpr}, added by you (no source given)").format(lpr=words)


def _source(lpr: LprEntry, contract_known: bool) -> str:
    if users_row(lpr):
        if contract_known:
            return lpr_words(lpr)
        return _("{lpr}, in force today, as the contract date is not entered").format(
            lpr=lpr_words(lpr))
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
    """How `debt`'s true annual rate compares with 4 × LPR and 24 % (docs/verdicts.md).

    The true rate is the IRR-based APR (`debt_true_rate`); without it, the stated rate
    annualised (a daily rate ×360). The contract date is the start date, else today.
    Private lending made before 2020-08-20 is read against 4 × today's LPR (the LPR at
    the time of suing, if one sued today) for interest from 2020-08-20 on.
    """
    true = debt_true_rate(debt, today)
    reading = lender_reading(debt)
    if entries_look_wrong(debt, today):
        return BenchmarkCheck(None, None, None, False, False, reading == "private",
                              _entries_wrong_text(debt), reading=reading, entries_wrong=True)
    apr = true.apr if true is not None else _stated_apr(debt)
    old = reading == "private" and debt.start_date is not None and debt.start_date < NEW_RULES_FROM
    contract_known = debt.start_date is not None
    lpr = lpr_on(today if old else debt.start_date or today, extra)
    four = lpr.percent * 4 / HUNDRED if lpr is not None else None
    above_four = apr is not None and four is not None and apr > four
    above_24 = apr is not None and apr > LINE_24
    line_on = ("four" if _straddles(debt, four)
               else "24" if reading != "private" and _straddles(debt, LINE_24) else "")
    on_line = bool(line_on)
    if old and apr is not None and lpr is not None and four is not None:
        explanation = _old_contract_text(apr, four, lpr)
    else:
        explanation = _explain(reading, apr, four, lpr, contract_known, above_four, above_24)
    stated_only = true is None and apr is not None
    if stated_only:
        explanation += " " + _(
            "This is the stated rate; with the term and amount entered, the true rate "
            "(fees and deductions included) can be higher."
        )
    if on_line and debt.rate is not None:
        both = daily_to_annual(debt.rate)
        explanation += " " + _(
            "A daily rate of {daily} is {x360} a year counted as 360 days and {x365} "
            "counted as 365 days: it is on the line, not below it."
        ).format(daily=fmt.percent(debt.rate.percent), x360=_pct(both.x360), x365=_pct(both.x365))
    return BenchmarkCheck(
        true_apr=apr,
        four_lpr=four,
        lpr=lpr,
        above_four_lpr=above_four,
        above_24=above_24,
        legal_limit=reading == "private",
        explanation=explanation,
        stated_only=stated_only,
        reading=reading,
        old_contract=old,
        on_line=on_line,
        line_on=line_on,
    )


def entries_look_wrong(debt: Debt, today: date) -> bool:
    """The payments entered add up to less than the money received: no true rate."""
    true = debt_true_rate(debt, today)
    return true is not None and true.apr < 0


def _entries_wrong_text(debt: Debt) -> str:
    amount = debt.principal if debt.principal and debt.principal > 0 else debt.balance
    received = amount - max(debt.upfront_deduction, ZERO)
    paid = (debt.monthly_payment or ZERO) * (debt.term_months or 0)
    return _(
        "The entries look wrong: {count} payments of {payment} add up to {paid}, less than "
        "the {received} received, so no true annual rate is shown. Check the monthly "
        "payment, the term and the amount borrowed."
    ).format(count=debt.term_months or 0, payment=fmt.money(debt.monthly_payment or ZERO),
             paid=fmt.money(paid), received=fmt.money(received))


def _old_contract_text(apr: Decimal, four: Decimal, lpr: LprEntry) -> str:
    return _(
        "This private loan was made before 2020-08-20, so two lines apply (SPC "
        "private-lending rules, revision of 2020-12-29, Art. 31): for interest up to "
        "2020-08-19 the old rules (courts supported up to 24% a year; above 36% was void); "
        "for interest from 2020-08-20, 4 × the one-year LPR at the time of suing: "
        "{four} if the suit were filed today ({source}). The true annual rate is {apr}. "
        "This is not legal advice: check with a lawyer or the 12348 hotline."
    ).format(apr=_pct(apr), four=_pct(four), source=_source(lpr, True))


def _explain(
    kind: str,
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
    values = {"apr": _pct(apr), "four": _pct(four), "source": _source(lpr, contract_known),
              "note24": reported_24_note()}
    if kind == "private":
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
    elif kind == "licensed":
        if above_24:
            text = _(
                "For a licensed lender 4 × LPR ({four}; {source}) is a benchmark, not a legal "
                "cap, but this loan's true annual rate of {apr} is also above 24%, the "
                "ceiling regulators are reported to expect ({note24})."
            )
        elif above_four:
            text = _(
                "For a licensed lender 4 × LPR ({four}; {source}) is a benchmark, not a legal "
                "cap; this loan's true annual rate of {apr} is above it but not above 24%, "
                "the ceiling regulators are reported to expect ({note24})."
            )
        else:
            text = _(
                "This loan's true annual rate of {apr} is below 4 × LPR ({four}; {source}), "
                "a benchmark rather than a legal cap for a licensed lender."
            )
    else:
        text = _(
            "This loan's true annual rate is {apr}; if the lender is a private person or an "
            "unlicensed company, courts do not support interest above 4 × LPR at the "
            "contract date ({four}; {source}), while for a licensed lender that is only a "
            "benchmark and 24% is the ceiling regulators are reported to expect ({note24})."
        )
    return text.format(**values)

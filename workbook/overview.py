"""The figures and warnings home shows, computed from a workbook snapshot.

Kept apart from the screen so it is tested without a terminal. Domain rules stay in
`workbook/`; this only picks and words what the home screen needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from workbook import fmt
from workbook.budget import debts_as_agreed as budget_debts_as_agreed
from workbook.budget import summarise
from workbook.followup.dues import dues_within, overdue_items
from workbook.followup.progress import next_planned_action
from workbook.i18n import _
from workbook.models import ZERO, Debt, DebtStatus, LprEntry
from workbook.money.lpr import BenchmarkCheck, benchmark_check, lpr_words, reported_24_note
from workbook.money.schedule import debt_monthly_payment
from workbook.money.truerate import daily_to_annual
from workbook.snapshot import WorkbookData

CLOSED = (DebtStatus.SETTLED,)


@dataclass(frozen=True)
class NextDue:
    due: date
    amount: Decimal
    lender: str


@dataclass(frozen=True)
class Overview:
    total_debt: Decimal
    monthly_payments: Decimal
    surplus: Decimal | None  # None until income or spending is entered
    next_due: NextDue | None
    next_action: str | None
    warnings: list[str] = field(default_factory=list)


def debts_as_agreed(data: WorkbookData) -> list[Debt]:
    """The debts with their agreed instalments: home and step 2 show the same figure."""
    return budget_debts_as_agreed(data.debts, data.agreements)


def build_overview(data: WorkbookData, today: date, extra_lpr: Sequence[LprEntry] = ()) -> Overview:
    open_debts = [d for d in debts_as_agreed(data) if d.status not in CLOSED]
    monthly = sum((debt_monthly_payment(d, today) or ZERO for d in open_debts), ZERO)
    return Overview(
        total_debt=sum((d.balance for d in open_debts), ZERO),
        monthly_payments=monthly,
        surplus=_surplus(data, today),
        next_due=next_payment_due(data, today),
        next_action=next_planned_action(data, today),
        warnings=warnings(data, today, extra_lpr),
    )


def _surplus(data: WorkbookData, today: date) -> Decimal | None:
    if not data.incomes and not data.expenses:
        return None
    return summarise(data.incomes, data.expenses, data.debts, today).surplus


def next_payment_due(data: WorkbookData, today: date) -> NextDue | None:
    """The earliest payment still owed: an agreed instalment (overdue ones first, by
    date) or a contract payment, from the one source of due dates."""
    lenders = {d.id: d.lender for d in data.debts}
    for state in dues_within(data.debts, data.agreements, data.payments, today, days=366):
        if state.source != "late":
            return NextDue(state.due, state.remaining, lenders.get(state.debt_id, ""))
    return None


def warnings(data: WorkbookData, today: date, extra_lpr: Sequence[LprEntry] = ()) -> list[str]:
    """The warnings that matter, most urgent first."""
    found: list[str] = []
    surplus = _surplus(data, today)
    if surplus is not None and surplus < 0:
        found.append(
            _("You spend {amount} a month more than you earn, before any debt payment.").format(
                amount=fmt.money(-surplus)
            )
        )
    lenders = {d.id: d.lender for d in data.debts}
    late = overdue_items(data.debts, data.agreements, data.payments, today)
    for state in late:
        if state.source != "late":
            continue
        found.append(
            _("{lender} is overdue: {days} days, {amount} overdue.").format(
                lender=lenders.get(state.debt_id, ""), days=state.days_overdue,
                amount=fmt.money(state.remaining)
            )
        )
    for state in late:
        if state.source == "late":
            continue
        found.append(
            _("Agreed instalment to {lender} of {amount} was due on {date}.").format(
                lender=lenders.get(state.debt_id, ""), amount=fmt.money(state.remaining),
                date=fmt.date_(state.due)
            )
        )
    found.extend(rate_warnings(data, today, extra_lpr))
    return found


def rate_warnings(data: WorkbookData, today: date, extra_lpr: Sequence[LprEntry] = ()) -> list[str]:
    """One short line per open debt whose rate step 1 flags, with the same rule, source
    and date (docs/verdicts.md): for private lending the 4 × LPR line, never the old 24 %
    one; for a licensed lender 24 % only as the regulators' reported expectation."""
    found = []
    for debt in data.debts:
        if debt.status in CLOSED:
            continue
        check = benchmark_check(debt, today, extra_lpr)
        if check.entries_wrong:
            found.append(_("{lender}: the entries look wrong (the payments cannot repay the "
                           "loan); see step 1.").format(lender=debt.lender))
            continue
        line = _on_line(debt, check) if check.on_line else _rate_line(debt.lender, check)
        if line:
            found.append(line)
    return found


def _on_line(debt: Debt, check: BenchmarkCheck) -> str | None:
    """A daily rate whose ×360 and ×365 figures straddle a line: on it, with both
    figures, as step 1 says (never "above" or "below" by a convention the lender chose)."""
    if debt.rate is None or check.four_lpr is None or check.lpr is None:
        return None
    both = daily_to_annual(debt.rate)
    values = {
        "lender": debt.lender,
        "both": _("a daily rate of {daily} is {x360} a year counted as 360 days and {x365} "
                  "counted as 365 days").format(
            daily=fmt.percent(debt.rate.percent), x360=f"{fmt.number(both.x360 * 100)}%",
            x365=f"{fmt.number(both.x365 * 100)}%"),
        "four": f"{fmt.number(check.four_lpr * 100)}%",
        "lpr": lpr_words(check.lpr),
        "note24": reported_24_note(),
    }
    if check.line_on == "24":
        if check.reading == "unknown":
            text = _("{lender}: {both}: above 4 × LPR ({four}; {lpr}), the courts' limit if "
                     "the lender is not licensed; if it is licensed, on the 24% line the "
                     "regulators are reported to expect ({note24}), not below it.")
        else:
            text = _("{lender}: {both}: on the 24% line the regulators are reported to "
                     "expect of licensed lenders ({note24}), not below it.")
    elif check.reading == "private" and check.old_contract:
        text = _("{lender}: {both}: on the line of 4 × today's LPR ({four}; {lpr}) for "
                 "interest since 2020-08-20 on a loan made before then (SPC private-lending "
                 "rules, rev. 2020-12-29, Art. 31), not below it.")
    elif check.reading == "private":
        text = _("{lender}: {both}: on the line of 4 × LPR at the contract date ({four}; "
                 "{lpr}; SPC private-lending rules 2020, Art. 25), not below it.")
    elif check.reading == "licensed":
        text = _("{lender}: {both}: on the line of 4 × LPR ({four}; {lpr}), a benchmark for "
                 "a licensed lender, not a legal cap.")
    else:
        text = _("{lender}: {both}: on the line of 4 × LPR ({four}; {lpr}): the courts' "
                 "limit if the lender is not licensed, a benchmark if it is.")
    return text.format(**values)


def _rate_line(lender: str, check: BenchmarkCheck) -> str | None:
    if check.true_apr is None or check.four_lpr is None or check.lpr is None:
        return None
    values = {
        "lender": lender,
        "apr": f"{fmt.number(check.true_apr * 100)}%",
        "four": f"{fmt.number(check.four_lpr * 100)}%",
        "lpr": lpr_words(check.lpr),  # a row the user added says so, with their source
        "note24": reported_24_note(),  # source, confidence and date of the 24 % figure
    }
    above_four = check.above_four_lpr or check.on_line
    if check.reading == "private" and check.old_contract and above_four:
        return _("{lender}: true annual rate {apr} is above 4 × today's LPR ({four}; {lpr}), "
                 "the line for interest since 2020-08-20 on a loan made "
                 "before then (SPC private-lending rules, rev. 2020-12-29, Art. 31).").format(
            **values)
    if check.reading == "private" and above_four:
        return _("{lender}: true annual rate {apr} is above 4 × LPR at the contract date "
                 "({four}; {lpr}; SPC private-lending rules 2020, Art. 25): "
                 "courts do not support the excess.").format(**values)
    if check.reading == "licensed" and (check.above_24 or check.on_line):
        return _("{lender}: true annual rate {apr} is at or above 24%, the ceiling regulators "
                 "are reported to expect of licensed lenders ({note24}).").format(**values)
    if above_four and check.reading == "unknown" and check.above_24:
        return _("{lender}: true annual rate {apr} is above 4 × LPR ({four}; {lpr}), "
                 "the courts' limit if the lender is not licensed; if it is licensed, "
                 "it is also above 24%, the ceiling regulators are reported to expect "
                 "({note24}).").format(**values)
    if above_four:
        if check.reading == "licensed":
            return _("{lender}: true annual rate {apr} is above 4 × LPR ({four}; {lpr}), "
                     "a benchmark for a licensed lender, not a legal cap.").format(
                **values)
        return _("{lender}: true annual rate {apr} is above 4 × LPR ({four}; {lpr}): "
                 "the courts' limit if the lender is not licensed, a benchmark if "
                 "it is.").format(**values)
    return None

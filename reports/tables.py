"""CSV files of the debts, the communication log and the payments.

Written as UTF-8 with a byte-order mark and CRLF line ends: that is what makes Excel
open a CSV with the Chinese intact (without the BOM it guesses the local code page).
Amounts are plain numbers (32000.50: no currency sign, no grouping) so a spreadsheet
can add them up; dates are ISO 8601. A text cell that starts with = + - @ would be run
as a formula by a spreadsheet, so it is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from reports.files import write_private
from reports.text import tr
from workbook import fmt
from workbook.followup.conduct import RULE_INFO, breaches
from workbook.followup.logfilter import LogFilter, communication_key, filter_log
from workbook.i18n import N_
from workbook.models import Agreement, Communication, Debt, Payment
from workbook.money.truerate import debt_true_rate

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str | None) -> str:
    s = value or ""
    return "'" + s if s.startswith(FORMULA_START) else s


def _cell(value: object, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr(N_("yes"), lang) if value else tr(N_("no"), lang)
    if isinstance(value, StrEnum):
        return fmt.enum_label(value, lang)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    return _text(str(value))


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]], lang: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([tr(h, lang) for h in header])
    for row in rows:
        writer.writerow([_cell(v, lang) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


DEBT_HEADER = (
    N_("ID"), N_("Lender"), N_("Lender type"), N_("Product"), N_("Contract number"),
    N_("Amount borrowed"), N_("Balance"), N_("Overdue amount"), N_("Days overdue"),
    N_("Penalty interest and fees"), N_("Rate (%)"), N_("Rate per"), N_("True APR (%)"),
    N_("Repayment method"), N_("Term (months)"), N_("Start date"), N_("Due day"),
    N_("Monthly payment"), N_("Upfront deduction"), N_("Monthly fee"), N_("Status"),
    N_("Contact phone"), N_("Notes"),
)  # fmt: skip


def debts_csv(debts: Sequence[Debt], out: Path, *, lang: str, today: date) -> Path:
    rows = []
    for d in debts:
        true = debt_true_rate(d, today)
        rows.append(
            (
                d.id, d.lender, d.lender_type, d.product, d.contract_number, d.principal,
                d.balance, d.overdue_amount, d.overdue_days, d.penalty_fees,
                d.rate.percent if d.rate else None, d.rate.unit if d.rate else None,
                (true.apr * 100).quantize(Decimal("0.01")) if true else None,
                d.method, d.term_months, d.start_date, d.due_day, d.monthly_payment,
                d.upfront_deduction, d.monthly_fee, d.status, d.contact_phone, d.notes,
            )
        )  # fmt: skip
    return write_private(out, csv_bytes(DEBT_HEADER, rows, lang))


LOG_HEADER = (
    N_("ID"), N_("Time"), N_("Ended"), N_("Lender"), N_("Channel"), N_("Direction"),
    N_("Agent"), N_("Agent ID"), N_("Number used"), N_("Summary"), N_("Their offer"),
    N_("My commitment"), N_("Outcome"), N_("Next action"), N_("Next action date"),
    N_("Evidence"), N_("Answered"), N_("Collection agency"), N_("Third party contacted"),
    N_("Threat or abuse"), N_("Marks"),
)  # fmt: skip


def log_csv(
    communications: Sequence[Communication],
    out: Path,
    *,
    lang: str,
    lender: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Path:
    """The log (filtered like the PDF), oldest first, with the conduct marks."""
    found = breaches(communications)
    marks = {
        id(c): "; ".join(
            tr(RULE_INFO[b.rule].title, lang) for b in found.get(communication_key(c, i), ())
        )
        for i, c in enumerate(communications)
    }
    chosen = filter_log(communications, LogFilter(lender=lender, start=start, end=end))
    chosen.reverse()
    rows = [
        (
            c.id, c.at, c.ended_at, c.lender, c.channel, c.direction, c.agent_name, c.agent_id,
            c.number_used, c.summary, c.their_offer, c.my_commitment, c.outcome,
            c.next_action, c.next_action_date, c.evidence_ref, c.connected, c.by_collector,
            c.third_party, c.threat_or_abuse, marks.get(id(c), ""),
        )
        for c in chosen
    ]  # fmt: skip
    return write_private(out, csv_bytes(LOG_HEADER, rows, lang))


PAYMENT_HEADER = (
    N_("ID"), N_("Paid on"), N_("Amount"), N_("Lender"), N_("Agreement reference"),
    N_("How"), N_("Reference"),
)  # fmt: skip


def payments_csv(
    payments: Sequence[Payment],
    agreements: Sequence[Agreement],
    debts: Sequence[Debt],
    out: Path,
    *,
    lang: str,
) -> Path:
    lenders = {d.id: d.lender for d in debts}
    by_id = {a.id: a for a in agreements}
    rows = []
    for p in sorted(payments, key=lambda p: (p.paid_on, p.id if p.id is not None else -1)):
        agreement = by_id.get(p.agreement_id)
        rows.append(
            (
                p.id,
                p.paid_on,
                p.amount,
                lenders.get(agreement.debt_id, "") if agreement else "",
                agreement.reference if agreement else "",
                p.method,
                p.reference,
            )
        )
    return write_private(out, csv_bytes(PAYMENT_HEADER, rows, lang))


__all__ = ["csv_bytes", "debts_csv", "log_csv", "payments_csv"]

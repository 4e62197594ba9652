"""Display formatting shared by the TUI and the reports.

Everything here is plain text in the current language (or the one asked for). Empty
values show as "-": the em dash is East-Asian *ambiguous* width and misaligns tables
on terminals that draw such glyphs two cells wide.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Context, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from workbook.choices import (
    Channel,
    DebtStatus,
    Direction,
    ExpenseGroup,
    Frequency,
    HardshipKind,
    LenderType,
    ProposalStatus,
    RateUnit,
    RepaymentMethod,
    Situation,
    SplitMethod,
)
from workbook.i18n import N_, current_language, translate
from workbook.textnum import decimal_places, exact

if TYPE_CHECKING:
    from workbook.models import Rate

EMPTY = "-"
CENT = Decimal("0.01")
_SYMBOLS = {"CNY": "¥", "RMB": "¥", "USD": "$", "EUR": "€", "GBP": "£", "HKD": "HK$"}


def _tr(msgid: str, lang: str | None) -> str:
    return translate(msgid, lang or current_language())


def number(d: Decimal | None, places: int = 2) -> str:
    """A grouped number without a currency mark: "12,345.67"."""
    if d is None:
        return EMPTY
    if not d.is_finite():
        return str(d)
    rounded = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_wide(d))
    return f"{rounded:,.{places}f}"


def _wide(d: Decimal) -> Context:
    """Enough precision to round any finite number: the default 28 digits make
    quantize raise on a 27-digit amount."""
    return Context(prec=max(28, d.adjusted() + 8))


def money(
    d: Decimal | None, lang: str | None = None, symbol: bool = True, currency: str = "CNY"
) -> str:
    """Money as "¥12,345.67" or "-¥80.00"; rounded half up to the cent for display only.

    The same in both languages (`lang` is accepted so callers can treat every
    formatter alike). Other currencies use their symbol or their code.
    """
    if d is None:
        return EMPTY
    if not d.is_finite():
        return str(d)
    cents = d.quantize(CENT, rounding=ROUND_HALF_UP, context=_wide(d))
    sign = "-" if cents < 0 else ""
    digits = number(abs(cents))
    if not symbol:
        return sign + digits
    code = currency.upper()
    return f"{sign}{_SYMBOLS.get(code, code + ' ')}{digits}"


def _percent_digits(d: Decimal, at_least: int) -> str:
    """At least `at_least` decimals, more when the number has them: 18.00, 0.05, 0.035."""
    if not d.is_finite():
        return str(d)
    return format(exact(d, -max(at_least, decimal_places(d))), "f")


_RATE_UNITS = {
    RateUnit.YEAR: N_("{percent}% / year"),
    RateUnit.MONTH: N_("{percent}% / month"),
    RateUnit.DAY: N_("{percent}% / day"),
}


def rate(r: Rate | None, lang: str | None = None) -> str:
    """A rate with its unit: "18.00% / year" in English, "18.00%/年" in Chinese; parse_rate reads both back."""
    if r is None:
        return EMPTY
    return _tr(_RATE_UNITS[r.unit], lang).format(percent=_percent_digits(r.percent, 2))


def percent(d: Decimal | None) -> str:
    """A percentage, "10%" or "12.5%": as many decimals as the number has."""
    if d is None:
        return EMPTY
    return _percent_digits(d, 0) + "%"


def date_(d: date | None, lang: str | None = None) -> str:
    """ISO 8601, 2026-12-01, in both languages: unambiguous and sorts as text."""
    if d is None:
        return EMPTY
    if isinstance(d, datetime):
        d = d.date()
    return d.isoformat()


def datetime_(dt: datetime | None, lang: str | None = None) -> str:
    """Date and time to the minute: "2026-12-01 23:30"."""
    if dt is None:
        return EMPTY
    return dt.strftime("%Y-%m-%d %H:%M")


# Labels for every enum in workbook.models, translated when shown.
ENUM_LABELS: dict[StrEnum, str] = {
    Situation.PAYMENT_ORDER: N_("Payment order received"),
    Situation.SUMMONS: N_("Sued: summons or claim served"),
    Situation.ENFORCEMENT: N_("Enforcement: frozen or listed"),
    Situation.FAMILY_CONTACT: N_("Collector contacts my family"),
    LenderType.BANK: N_("Bank"),
    LenderType.CREDIT_CARD: N_("Credit card"),
    LenderType.CONSUMER_FINANCE: N_("Consumer-finance company"),
    LenderType.ONLINE_PLATFORM: N_("Online lending platform"),
    LenderType.MICROLOAN: N_("Microloan company"),
    LenderType.PRIVATE: N_("Private lending (a person, or a company without a lending licence)"),
    LenderType.OTHER: N_("Other"),
    RateUnit.YEAR: N_("Per year"),
    RateUnit.MONTH: N_("Per month"),
    RateUnit.DAY: N_("Per day"),
    RepaymentMethod.EQUAL_INSTALMENT: N_("Equal instalment (等额本息)"),
    RepaymentMethod.EQUAL_PRINCIPAL: N_("Equal principal (等额本金)"),
    RepaymentMethod.INTEREST_FIRST: N_("Interest first, principal at the end (先息后本)"),
    RepaymentMethod.BULLET: N_("All at maturity (到期一次还本付息)"),
    RepaymentMethod.FLAT_FEE: N_("Flat fee on the original amount (等本等息)"),
    RepaymentMethod.CARD_MINIMUM: N_("Credit-card minimum payment"),
    RepaymentMethod.OTHER: N_("Other"),
    DebtStatus.CURRENT: N_("Up to date"),
    DebtStatus.OVERDUE: N_("Overdue"),
    DebtStatus.NEGOTIATING: N_("In negotiation"),
    DebtStatus.AGREED: N_("Agreed"),
    DebtStatus.SETTLED: N_("Settled"),
    Frequency.MONTHLY: N_("Monthly"),
    Frequency.WEEKLY: N_("Weekly"),
    Frequency.YEARLY: N_("Yearly"),
    Frequency.ONE_OFF: N_("One-off"),
    ExpenseGroup.HOUSING: N_("Housing"),
    ExpenseGroup.UTILITIES: N_("Utilities"),
    ExpenseGroup.FOOD: N_("Food and housekeeping"),
    ExpenseGroup.TRANSPORT: N_("Transport"),
    ExpenseGroup.COMMUNICATIONS: N_("Phone and internet"),
    ExpenseGroup.CARE_HEALTH: N_("Care and health"),
    ExpenseGroup.CHILDREN: N_("Children and school"),
    ExpenseGroup.INSURANCE: N_("Insurance"),
    ExpenseGroup.PERSONAL: N_("Personal costs"),
    ExpenseGroup.OTHER_ESSENTIAL: N_("Other essential costs"),
    Channel.PHONE: N_("Phone"),
    Channel.ONLINE_CHAT: N_("Online chat"),
    Channel.IN_PERSON: N_("In person"),
    Channel.LETTER: N_("Letter"),
    Channel.APP: N_("In the app"),
    Channel.SMS: N_("Text message"),
    Direction.OUTGOING: N_("I contacted them"),
    Direction.INCOMING: N_("They contacted me"),
    ProposalStatus.DRAFT: N_("Draft"),
    ProposalStatus.SENT: N_("Sent"),
    ProposalStatus.DISCUSSING: N_("Under discussion"),
    ProposalStatus.ACCEPTED: N_("Accepted"),
    ProposalStatus.REJECTED: N_("Rejected"),
    SplitMethod.PRO_RATA: N_("In proportion to balances"),
    SplitMethod.TOKEN: N_("Token payments"),
    SplitMethod.HIGHEST_RATE: N_("Highest rate first"),
    SplitMethod.SMALLEST_BALANCE: N_("Smallest balance first"),
    HardshipKind.JOB_LOSS: N_("Lost my job"),
    HardshipKind.INCOME_CUT: N_("Income cut"),
    HardshipKind.ILLNESS: N_("Illness or injury"),
    HardshipKind.FAMILY_EMERGENCY: N_("Family emergency"),
    HardshipKind.BUSINESS_FAILURE: N_("Business failed"),
    HardshipKind.OTHER: N_("Other"),
}


def enum_label(value: StrEnum, lang: str | None = None) -> str:
    """The label of an enum value in the current language (or `lang`)."""
    label = ENUM_LABELS.get(value)
    return _tr(label, lang) if label else str(value)


def mask_id(id_number: str) -> str:
    """An ID number with all but the first 3 and last 4 characters hidden.

    110101199001011234 -> 110***********1234. Short values show less, so that a
    masked value never gives away most of what it hides.
    """
    s = "".join((id_number or "").split())
    return _mask(s, 3, 4)


def mask_phone(phone: str) -> str:
    """A phone number with the middle digits hidden: 13812345678 -> 138****5678.

    A country prefix (+86, 0086) is kept as is; spaces and dashes are dropped.
    """
    s = "".join(c for c in (phone or "") if c.isdigit() or c == "+")
    prefix = ""
    for p in ("+86", "0086"):
        if s.startswith(p) and len(s) > len(p) + 7:
            prefix, s = p + " ", s[len(p) :]
            break
    return prefix + _mask(s, 3, 4)


def _mask(s: str, head: int, tail: int) -> str:
    n = len(s)
    if n < head + tail + 4:  # too short to show both ends: show less
        head, tail = (1, 2) if n >= 7 else (0, 2) if n >= 5 else (0, 0)
    return s[:head] + "*" * (n - head - tail) + s[n - tail :] if tail else "*" * n

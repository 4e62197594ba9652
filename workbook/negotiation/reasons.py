"""Step 4, preparing the reasons: hardship labels, the evidence that backs each kind of
hardship, and a two-sentence summary for calls and letters.

A lender listens more readily to a reason it can check, so every hardship kind comes
with the papers that usually prove it.
"""

from __future__ import annotations

from datetime import date

from workbook.guide.wording import enum_text, joined, language, month_text, tr
from workbook.i18n import LANGUAGES, N_
from workbook.models import EvidenceItem, Hardship, HardshipKind

_BANK_STATEMENTS = N_("Bank statements for the last six months")

EVIDENCE_BY_REASON: dict[HardshipKind, tuple[str, ...]] = {
    HardshipKind.JOB_LOSS: (
        N_("Termination notice or certificate of leaving the job"),
        N_("Social-insurance record showing contributions stopped"),
        N_("Unemployment registration or benefit record"),
        _BANK_STATEMENTS,
    ),
    HardshipKind.INCOME_CUT: (
        N_("Payslips from before and after the cut"),
        N_("Employer's notice of reduced pay or hours"),
        N_("Income tax record (individual income tax app)"),
        _BANK_STATEMENTS,
    ),
    HardshipKind.ILLNESS: (
        N_("Diagnosis certificate and hospital records"),
        N_("Medical bills and receipts"),
        N_("Sick-leave certificate"),
        N_("Medical insurance settlement statements"),
    ),
    HardshipKind.FAMILY_EMERGENCY: (
        N_("Papers showing what happened (hospital records, death certificate, accident report)"),
        N_("Receipts for the costs you paid"),
        N_("Proof of relationship (household register or marriage certificate)"),
        _BANK_STATEMENTS,
    ),
    HardshipKind.BUSINESS_FAILURE: (
        N_("Business licence and deregistration or closure record"),
        N_("Business bank statements or accounts"),
        N_("Tax records of the business"),
        N_("Records of unpaid invoices or lawsuits"),
    ),
    HardshipKind.OTHER: (
        N_("A short written account of what happened and when"),
        N_("Any document showing the event and its date"),
        _BANK_STATEMENTS,
    ),
}

# One clause per kind, with and without the month it started.
_CLAUSES: dict[HardshipKind, tuple[str, str]] = {
    HardshipKind.JOB_LOSS: (N_("I lost my job"), N_("I lost my job in {month}")),
    HardshipKind.INCOME_CUT: (
        N_("my income fell sharply"),
        N_("my income fell sharply in {month}"),
    ),
    HardshipKind.ILLNESS: (
        N_("I became ill, with heavy medical costs"),
        N_("I became ill in {month}, with heavy medical costs"),
    ),
    HardshipKind.FAMILY_EMERGENCY: (
        N_("my family had an emergency"),
        N_("my family had an emergency in {month}"),
    ),
    HardshipKind.BUSINESS_FAILURE: (
        N_("my business failed"),
        N_("my business failed in {month}"),
    ),
    HardshipKind.OTHER: (
        N_("my circumstances changed beyond my control"),
        N_("my circumstances changed beyond my control in {month}"),
    ),
}


def reason_label(kind: HardshipKind, lang: str | None = None) -> str:
    return enum_text(kind, lang)


def suggested_evidence(hardships: list[Hardship], lang: str | None = None) -> list[str]:
    """The evidence worth gathering for these hardships, translated, each once."""
    seen: dict[str, None] = {}
    for hardship in hardships:
        for msgid in EVIDENCE_BY_REASON[hardship.kind]:
            seen.setdefault(msgid, None)
    return [tr(msgid, lang) for msgid in seen]


def _known_names(msgid: str) -> set[str]:
    """A suggestion as it may have been stored: its msgid or any translation."""
    return {msgid.casefold()} | {tr(msgid, lang).casefold() for lang in LANGUAGES}


def evidence_missing(hardship: Hardship, lang: str | None = None) -> list[EvidenceItem]:
    """What is still to gather: listed items not yet in hand, then suggestions for the
    hardship's kind that are not listed at all (named in `lang`)."""
    missing = [item for item in hardship.evidence if not item.have]
    listed = {item.name.strip().casefold() for item in hardship.evidence}
    for msgid in EVIDENCE_BY_REASON[hardship.kind]:
        if not _known_names(msgid) & listed:
            missing.append(EvidenceItem(name=tr(msgid, lang), have=False))
    return missing


def evidence_in_hand(hardships: list[Hardship]) -> list[str]:
    """Names of the evidence items the borrower has, each once, as entered."""
    seen: dict[str, None] = {}
    for hardship in hardships:
        for item in hardship.evidence:
            if item.have and item.name.strip():
                seen.setdefault(item.name.strip(), None)
    return list(seen)


def hardship_clause(hardship: Hardship, lang: str | None = None, dated: bool = True) -> str:
    """ "I lost my job in March 2025" / "我于2025年3月失业" (without the month if not `dated`)."""
    plain, with_month = _CLAUSES[hardship.kind]
    if hardship.since is None or not dated:
        return tr(plain, lang)
    return tr(with_month, lang).format(month=month_text(hardship.since, lang))


def reasons_summary(hardships: list[Hardship], lang: str) -> str:
    """Two sentences in `lang`: what happened, and that the borrower means to repay."""
    lang = language(lang)
    clauses = list(dict.fromkeys(hardship_clause(h, lang) for h in _oldest_first(hardships)))
    if clauses:
        events = "，".join(clauses) if lang == "zh" else joined(clauses, lang)
        first = tr(N_("{events}, so I can no longer pay the instalments in full."), lang)
        first = first.format(events=events)
        first = first[0].upper() + first[1:]
    else:
        first = tr(
            N_("My income no longer covers the instalments as the contract sets them."), lang
        )
    second = tr(
        N_(
            "I am not walking away from this debt: I want to repay it on terms that "
            "match what I can really pay each month."
        ),
        lang,
    )
    sep = "" if lang == "zh" else " "
    return f"{first}{sep}{second}"


def _oldest_first(hardships: list[Hardship]) -> list[Hardship]:
    # Undated hardships keep their order after the dated ones.
    # (`or date.min` never applies to a dated one: it tells mypy the key is a date.)
    dated = sorted((h for h in hardships if h.since), key=lambda h: h.since or date.min)
    return dated + [h for h in hardships if not h.since]

"""How sure we are of a fact shown to users, and the line that goes with every one.

Only facts checked to one of these two levels are shown (see china-facts.md): the
primary text read, or two reputable secondary sources agreeing.
"""

from __future__ import annotations

from enum import StrEnum

from workbook.guide.wording import tr
from workbook.i18n import N_


class Confidence(StrEnum):
    VERIFIED = "verified"
    VERIFIED_2ND = "verified-2nd"


CONFIDENCE_LABELS: dict[Confidence, str] = {
    Confidence.VERIFIED: N_("Verified (original text read)"),
    Confidence.VERIFIED_2ND: N_("Verified (two or more reliable secondary sources agree)"),
}

DISCLAIMER = N_(
    "General information, not legal advice. Check your own case with the 12348 legal "
    "hotline or a lawyer."
)

LAWREFBOOK = "LawRefBook (github.com/LawRefBook/Laws)"
LAWREFBOOK_AS_OF = "2025-04-19"  # the snapshot the law texts were read from
FACTS_AS_OF = "2026"  # the fact sheet's first part (§1-§7), checked for 2026
SHEET_AS_OF = "2026-12"  # when its later part (§8-§16) was checked


def confidence_label(confidence: Confidence, lang: str | None = None) -> str:
    return tr(CONFIDENCE_LABELS[confidence], lang)


def disclaimer(lang: str | None = None) -> str:
    return tr(DISCLAIMER, lang)

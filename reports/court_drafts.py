"""The court drafts (支付令异议书, 答辩状 outline) as PDFs, laid out like the letter.

`workbook.negotiation.court_drafts.court_draft` writes the text; here it goes through
the letter's layout under the shared frame (`document.write_report`). The first
paragraph is the "DRAFT, have it checked" notice, so it is on every printed copy.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reports.document import write_report
from reports.fonts import FontChoice
from reports.letter import letter_story
from workbook.models import Debt, LprEntry, Profile
from workbook.negotiation.court_drafts import Kind, court_draft


def build_court_draft(
    kind: Kind,
    debt: Debt,
    profile: Profile,
    out: Path,
    *,
    today: date,
    lang: str = "zh",
    workbook_name: str = "",
    fonts: FontChoice | None = None,
    extra_lpr: tuple[LprEntry, ...] = (),
) -> Path:
    """Write the objection or the defence outline for `debt` to `out`; returns the path."""
    draft = court_draft(kind, debt, profile, today, lang, extra_lpr)
    return write_report(
        out, draft.title, lambda ctx, _title: letter_story(draft, ctx),
        lang=lang, today=today, workbook_name=workbook_name, fonts=fonts,
        translate_title=False,  # already in the draft's language
    )  # fmt: skip

"""The negotiation application letter (协商还款申请书) as a PDF.

`workbook.negotiation.letter.build_letter` writes the letter; this module only lays it out:
title, addressee, numbered sections, closing, then the signature block on the right
as a Chinese letter has it. Every string in a `Letter` may hold user text, so all of
it is escaped.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from reports.document import DocContext, write_report
from reports.fonts import FontChoice
from workbook.negotiation.letter import Letter

SIGNATURE_WIDTH = 95 * mm


def build_letter(
    letter: Letter,
    out: Path,
    *,
    today: date,
    workbook_name: str = "",
    fonts: FontChoice | None = None,
    lang: str | None = None,
) -> Path:
    """Write `letter` to `out` as a PDF; the labels follow `letter.lang` unless `lang`."""
    return write_report(
        out, letter.title, lambda ctx, _title: letter_story(letter, ctx),
        lang=lang or letter.lang, today=today, workbook_name=workbook_name, fonts=fonts,
        translate_title=False,  # the letter's title is already in its language
    )  # fmt: skip


def letter_story(letter: Letter, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    # Chinese letters indent each paragraph by two characters.
    indent = 2 * s.body.fontSize if ctx.lang == "zh" else 0
    body = s.body.clone("letter_body", firstLineIndent=indent, spaceAfter=6)
    story: list[Flowable] = [
        ctx.p(letter.title, s.title),
        Spacer(1, 6 * mm),
        ctx.p(letter.addressee, s.body.clone("addressee", spaceAfter=8)),
    ]
    for section in letter.sections:
        if section.heading:
            story.append(ctx.heading(section.heading))
        story.extend(ctx.p(text, body) for text in section.paragraphs)
    closing_lines = letter.closing.split("\n")
    ending: list[Flowable] = [Spacer(1, 3 * mm)]
    ending.extend(ctx.p(line, body) for line in closing_lines[:-1])
    if closing_lines:
        ending.append(ctx.p(closing_lines[-1], s.body))  # the sign-off is not indented
    ending.append(Spacer(1, 10 * mm))
    ending.append(_signature_block(letter, ctx))
    story.append(KeepTogether(ending))
    return story


def _signature_block(letter: Letter, ctx: DocContext) -> Table:
    rows = [[ctx.p(line, ctx.styles.body)] for line in letter.signature_lines]
    rows.append([ctx.p(letter.date_line, ctx.styles.body)])
    table = Table(rows, colWidths=[SIGNATURE_WIDTH], hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                # The signature line itself gets room for a real signature.
                ("TOPPADDING", (0, 0), (0, 0), 10),
            ]
        )
    )
    return table


__all__ = ["build_letter", "letter_story"]

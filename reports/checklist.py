"""The signed-agreement checklist: one sheet to print and take to a signing.

It lists the agreed terms in a table, every confirmation item with a box to tick
(items already confirmed in the workbook come ticked), room for notes, the reference
number (a line to fill in when it is not known yet) and signature and date lines for
the borrower and for the lender's representative.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from reports.checkbox import CheckBox
from reports.document import FRAME_WIDTH, DocContext, split_in_row, write_report
from reports.fonts import FontChoice
from reports.styles import RULE, SHADE, label_value_style
from reports.text import box
from workbook.fmt import mask_id
from workbook.followup.agreements import agreement_schedule, checklist_items_for
from workbook.i18n import N_
from workbook.models import ZERO, Agreement, Debt, Frequency, Profile

BLANK = "_" * 24
LABEL_WIDTH = 32 * mm


def build_checklist(
    agreement: Agreement,
    debt: Debt,
    profile: Profile,
    out: Path,
    *,
    lang: str,
    today: date,
    workbook_name: str = "",
    fonts: FontChoice | None = None,
    currency: str = "CNY",
) -> Path:
    """Write the checklist for `agreement` (a debt of `profile`'s) to `out`."""
    return write_report(
        out, N_("Signed-agreement checklist"),
        lambda ctx, title: checklist_story(agreement, debt, profile, ctx, title),
        lang=lang, today=today, workbook_name=workbook_name, fonts=fonts, currency=currency,
    )  # fmt: skip


def checklist_story(
    agreement: Agreement, debt: Debt, profile: Profile, ctx: DocContext, title: str
) -> list[Flowable]:
    s = ctx.styles
    subtitle = ctx.t(N_("{lender}, agreement reference {reference}")).format(
        lender=debt.lender.strip() or "-", reference=agreement.reference.strip() or BLANK
    )
    story: list[Flowable] = [
        ctx.p(title, s.title),
        ctx.p(subtitle, s.subtitle),
        _pairs_table(_party_rows(debt, profile, ctx), ctx),
        *ctx.section(
            ctx.t(N_("What was agreed")), _pairs_table(_term_figures(agreement, ctx), ctx)
        ),
        *_term_text_table(agreement, ctx),
        # The items stay under their heading and note, on one page.
        KeepTogether(
            [
                ctx.p(ctx.t(N_("Check before you sign")), s.heading),
                ctx.p(
                    ctx.t(
                        N_(
                            "Tick each item only when you have seen it yourself. Items "
                            "already confirmed in the workbook are ticked."
                        )
                    ),
                    s.small,
                ),
                Spacer(1, 2 * mm),
                _confirmation_table(agreement, ctx),
            ]
        ),
        KeepTogether([Spacer(1, 3 * mm), _signature_table(ctx)]),
    ]
    return story


def _party_rows(debt: Debt, profile: Profile, ctx: DocContext) -> list[tuple[str, str]]:
    rows = [
        (ctx.t(N_("Borrower")), profile.name or BLANK),
        (ctx.t(N_("ID number")), mask_id(profile.id_number) if profile.id_number else BLANK),
        (ctx.t(N_("Phone")), profile.phone or BLANK),
        (ctx.t(N_("Lender")), debt.lender),
    ]
    if debt.product:
        rows.append((ctx.t(N_("Product")), debt.product))
    rows.append((ctx.t(N_("Contract number")), debt.contract_number or BLANK))
    return rows


def _term_figures(agreement: Agreement, ctx: DocContext) -> list[tuple[str, str]]:
    """The short terms: amounts, counts, dates."""
    schedule = agreement_schedule(agreement)
    rows = [
        (ctx.t(N_("Total to repay")), ctx.money(agreement.total)),
        (ctx.t(N_("Each instalment")), ctx.money(agreement.instalment)),
        (ctx.t(N_("Instalments")), str(len(schedule))),
        (ctx.t(N_("How often")), ctx.label(agreement.frequency)),
        (ctx.t(N_("First due")), ctx.date(agreement.first_due)),
    ]
    if schedule and agreement.frequency != Frequency.ONE_OFF:
        last = schedule[-1]
        rows.append(
            (
                ctx.t(N_("Last due")),
                ctx.t(N_("{date} ({amount})")).format(
                    date=ctx.date(last.due), amount=ctx.money(last.amount)
                ),
            )
        )
    rows.append((ctx.t(N_("Rate")), ctx.rate(agreement.rate) if agreement.rate else "-"))
    if agreement.waived_amount > ZERO:
        rows.append((ctx.t(N_("Amount waived")), ctx.money(agreement.waived_amount)))
    signed = ctx.date(agreement.signed_on) if agreement.signed_on else BLANK
    rows.append((ctx.t(N_("Signed on")), signed))
    rows.append((ctx.t(N_("Reference number")), agreement.reference or BLANK))
    return rows


def _term_texts(agreement: Agreement, ctx: DocContext) -> list[tuple[str, str]]:
    """The terms in words, which may run long."""
    texts = (
        (N_("Conditions"), agreement.conditions),
        (N_("Credit report"), agreement.credit_report),
        (N_("Pay into"), agreement.payee_account),
        (N_("Confirmed in writing by"), agreement.confirmed_how),
        (N_("Lender's agent"), agreement.agent),
        (N_("Notes"), agreement.notes),
    )
    return [(ctx.t(label), value) for label, value in texts if value.strip()]


def _term_text_table(agreement: Agreement, ctx: DocContext) -> list[Flowable]:
    rows = _term_texts(agreement, ctx)
    return [Spacer(1, 1.5 * mm), _label_table(rows, ctx)] if rows else []


def _label_table(rows: list[tuple[str, str]], ctx: DocContext) -> Table:
    cell = ctx.styles.cell
    data = [[ctx.p(label, cell), ctx.p(value, cell)] for label, value in rows]
    widths = [LABEL_WIDTH, FRAME_WIDTH - LABEL_WIDTH]
    # A 5,000-character condition may be taller than a page: then rows split.
    return Table(
        data,
        colWidths=widths,
        style=label_value_style(),
        splitInRow=split_in_row(data, widths),
        hAlign="LEFT",
    )


def _pairs_table(rows: list[tuple[str, str]], ctx: DocContext) -> Table:
    """Label, value, label, value: short facts two to a row."""
    cell = ctx.styles.cell
    if len(rows) % 2:
        rows = [*rows, ("", "")]
    data = []
    for left, right in zip(rows[::2], rows[1::2], strict=True):
        data.append(
            [
                ctx.p(left[0], cell),
                ctx.p(left[1], cell),
                ctx.p(right[0], cell),
                ctx.p(right[1], cell),
            ]
        )
    label_w = LABEL_WIDTH
    value_w = FRAME_WIDTH / 2 - label_w
    widths = [label_w, value_w, label_w, value_w]
    style = label_value_style()
    style.add("BACKGROUND", (2, 0), (2, -1), SHADE)
    return Table(
        data, colWidths=widths, style=style, hAlign="LEFT", splitInRow=split_in_row(data, widths)
    )


def _confirmation_table(agreement: Agreement, ctx: DocContext) -> Table:
    s = ctx.styles
    glyph_style = s.body.clone("box", fontSize=14, leading=16)
    rows = []
    for key, label, help_text in checklist_items_for(agreement):
        checked = bool(agreement.checklist.get(key))
        glyph = box(checked, ctx.fonts)
        mark = ctx.pm(glyph, glyph_style) if glyph else CheckBox(checked, size=11)
        text = ctx.pm(
            ctx.m(ctx.t(label)) + "<br/>" + f'<font size="8">{ctx.m(ctx.t(help_text))}</font>',
            s.body.clone("item", spaceAfter=0, fontSize=10, leading=13),
        )
        rows.append([mark, text])
    table = Table(rows, colWidths=[9 * mm, FRAME_WIDTH - 9 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
            ]
        )
    )
    return table


def _signature_table(ctx: DocContext) -> Table:
    """Two blocks side by side; each line is a ruled cell to write on.

    The reference number's space is in the terms table above (a line when unknown).
    """
    s = ctx.styles
    label_w = LABEL_WIDTH
    gap = 8 * mm
    line_w = (FRAME_WIDTH - 2 * label_w - gap) / 2
    rows = [
        [
            ctx.p(ctx.t(N_("Borrower")), s.heading),
            "",
            "",
            ctx.p(ctx.t(N_("For the lender")), s.heading),
            "",
        ],
    ]
    pairs = (
        (N_("Name"), N_("Name and staff no.")),
        (N_("Signature"), N_("Signature or seal")),
        (N_("Date"), N_("Date")),
    )
    for mine, theirs in pairs:
        rows.append([ctx.p(ctx.t(mine), s.cell), "", "", ctx.p(ctx.t(theirs), s.cell), ""])
    table = Table(
        rows,
        colWidths=[label_w, line_w, gap, label_w, line_w],
        rowHeights=[None] + [9 * mm] * (len(rows) - 1),
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                # The labels sit on the writing lines, as on a printed form.
                ("BOTTOMPADDING", (0, 1), (-1, -1), 1),
                ("SPAN", (0, 0), (1, 0)),
                ("SPAN", (3, 0), (4, 0)),
                ("LINEBELOW", (1, 1), (1, -1), 0.6, RULE),
                ("LINEBELOW", (4, 1), (4, -1), 0.6, RULE),
            ]
        )
    )
    return table


__all__ = ["build_checklist", "checklist_story"]

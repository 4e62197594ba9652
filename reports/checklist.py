"""The signed-agreement checklist: one sheet to print and take to a signing.

It lists the agreed terms in a table (a term the workbook does not know is a line to
fill in, never left out), every item to check with an EMPTY box: the borrower ticks
only what they see on the paper in front of them, and what they confirmed in the app
shows as a note beside the box. Then what to keep, room for notes, and signature lines
for both sides with room for a company seal. The agreement reference heads every page.
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
from workbook.followup.paper_checklist import KEEP, PAPER_ITEMS
from workbook.i18n import N_, translate
from workbook.models import ZERO, Agreement, Debt, Frequency, Profile

BLANK = "_" * 24
LABEL_WIDTH = 32 * mm
SEAL_SIZE = 42 * mm  # a Chinese company seal is 38-42 mm across
NOTE_LINES = 5


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
    """Write the checklist for `agreement` (a debt of `profile`'s) to `out`.

    The header's right side carries the agreement reference on every page (pages get
    separated at a signing); the workbook's name is the borrower's own label.
    """
    del workbook_name  # the header shows the reference instead
    reference = translate(N_("Agreement reference {reference}"), lang).format(
        reference=agreement.reference.strip() or BLANK
    )
    return write_report(
        out, N_("Signed-agreement checklist"),
        lambda ctx, title: checklist_story(agreement, debt, profile, ctx, title),
        lang=lang, today=today, workbook_name=reference, fonts=fonts, currency=currency,
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
                            "Tick a box only for what you see on the paper in front of you. "
                            "A note beside an item says what you already confirmed in the "
                            "app; check it again on the paper."
                        )
                    ),
                    s.small,
                ),
                Spacer(1, 2 * mm),
                _confirmation_table(agreement, ctx),
            ]
        ),
        *ctx.section(ctx.t(N_("Keep these")), _keep_list(ctx)),
        # The signature block never sits alone on a page: it keeps the notes with it.
        KeepTogether(
            [
                ctx.p(ctx.t(N_("Notes")), s.heading),
                _note_lines(),
                Spacer(1, 4 * mm),
                _signature_table(ctx),
            ]
        ),
    ]
    return story


def _party_rows(debt: Debt, profile: Profile, ctx: DocContext) -> list[tuple[str, str]]:
    rows = [
        (ctx.t(N_("Borrower")), profile.name or BLANK),
        (ctx.t(N_("ID number")), mask_id(profile.id_number) if profile.id_number else BLANK),
        (ctx.t(N_("Phone")), profile.phone or BLANK),
        (ctx.t(N_("Lender")), debt.lender),
        (ctx.t(N_("Lender's phone")), debt.contact_phone.strip() or BLANK),
        (ctx.t(N_("Lender's address")), BLANK),
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
    rows.append((ctx.t(N_("Rate")), ctx.rate(agreement.rate) if agreement.rate else BLANK))
    if agreement.waived_amount > ZERO:
        rows.append((ctx.t(N_("Amount waived")), ctx.money(agreement.waived_amount)))
    signed = ctx.date(agreement.signed_on) if agreement.signed_on else BLANK
    rows.append((ctx.t(N_("Signed on")), signed))
    rows.append((ctx.t(N_("Reference number")), agreement.reference or BLANK))
    return rows


def _term_texts(agreement: Agreement, ctx: DocContext) -> list[tuple[str, str]]:
    """The terms in words, which may run long; an unknown one is a line to fill in."""
    texts = (
        (N_("Conditions"), agreement.conditions),
        (N_("Credit report"), agreement.credit_report),
        (N_("Pay into"), agreement.payee_account),
        (N_("Confirmed in writing by"), agreement.confirmed_how),
        (N_("Lender's agent"), agreement.agent),
    )
    rows = [(ctx.t(label), value.strip() and value or BLANK) for label, value in texts]
    if agreement.notes.strip():
        rows.append((ctx.t(N_("Notes")), agreement.notes))
    return rows


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
    item_style = s.body.clone("item", spaceAfter=0, fontSize=10, leading=13)
    # Every box is empty on paper: the app's tick is only a note beside it.
    glyph = box(False, ctx.fonts)
    items: list[tuple[str, str, str]] = [
        (label, help_text, _confirmed_note(agreement, key, ctx))
        for key, label, help_text in checklist_items_for(agreement)
    ]
    items += [(label, help_text, "") for label, help_text in PAPER_ITEMS]
    rows = []
    for label, help_text, note in items:
        mark = ctx.pm(glyph, glyph_style) if glyph else CheckBox(False, size=11)
        markup = ctx.m(ctx.t(label))
        if note:
            markup += f' <font size="8">{ctx.m(note)}</font>'
        markup += "<br/>" + f'<font size="8">{ctx.m(ctx.t(help_text))}</font>'
        rows.append([mark, ctx.pm(markup, item_style)])
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


def _confirmed_note(agreement: Agreement, key: str, ctx: DocContext) -> str:
    """"(confirmed in the app on 3 December 2026)" beside a box ticked in the app; empty
    for one that was not. A tick from before the app kept dates has no date."""
    if not agreement.checklist.get(key):
        return ""
    on = agreement.checked_on.get(key)
    if on is None:
        return ctx.t(N_("(confirmed in the app)"))
    return ctx.t(N_("(confirmed in the app on {date})")).format(date=ctx.date(on))


def _keep_list(ctx: DocContext) -> Table:
    rows = [[ctx.p("-", ctx.styles.cell), ctx.p(ctx.t(item), ctx.styles.cell)] for item in KEEP]
    table = Table(rows, colWidths=[5 * mm, FRAME_WIDTH - 5 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))  # fmt: skip
    return table


def _note_lines() -> Table:
    """Ruled lines to write on."""
    table = Table([[""]] * NOTE_LINES, colWidths=[FRAME_WIDTH], rowHeights=[8 * mm] * NOTE_LINES)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]))
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
    # Room for the company seal under the lender's lines, a square of SEAL_SIZE.
    rows.append(["", "", "", ctx.p(ctx.t(N_("Company seal")), s.cell), ""])
    seal = len(rows) - 1
    table = Table(
        rows,
        colWidths=[label_w, line_w, gap, label_w, line_w],
        rowHeights=[None] + [9 * mm] * (len(rows) - 2) + [SEAL_SIZE + 4 * mm],
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
                ("LINEBELOW", (1, 1), (1, seal - 1), 0.6, RULE),
                ("LINEBELOW", (4, 1), (4, seal - 1), 0.6, RULE),
                ("VALIGN", (3, seal), (3, seal), "TOP"),
                ("BOX", (4, seal), (4, seal), 0.6, RULE),
            ]
        )
    )
    return table


__all__ = ["build_checklist", "checklist_story"]

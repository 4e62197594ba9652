"""An agreement's payment schedule: every instalment with what was paid and what is due,
then the payments made against it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from reports.document import FRAME_WIDTH, DocContext, split_in_row, write_report
from reports.fonts import FontChoice
from reports.styles import FLAG, grid_table_style, label_value_style
from workbook.followup.instalments import InstalmentState, agreement_progress, instalment_states
from workbook.i18n import N_
from workbook.models import ZERO, Agreement, Debt, Payment

STATUS_LABELS = {
    "paid": N_("Paid"),
    "partial": N_("Partly paid"),
    "due": N_("Due today"),
    "overdue": N_("Overdue by {days} days"),
    "upcoming": N_("Upcoming"),
}


def build_schedule(
    agreement: Agreement,
    debt: Debt,
    payments: Sequence[Payment],
    out: Path,
    *,
    lang: str,
    today: date,
    workbook_name: str = "",
    fonts: FontChoice | None = None,
    currency: str = "CNY",
) -> Path:
    """Write `agreement`'s schedule as it stands on `today` to `out`."""
    return write_report(
        out, N_("Payment schedule"),
        lambda ctx, title: schedule_story(agreement, debt, payments, ctx, title),
        lang=lang, today=today, workbook_name=workbook_name, fonts=fonts, currency=currency,
    )  # fmt: skip


def schedule_story(
    agreement: Agreement,
    debt: Debt,
    payments: Sequence[Payment],
    ctx: DocContext,
    title: str,
) -> list[Flowable]:
    s = ctx.styles
    own = sorted(
        (p for p in payments if p.agreement_id == agreement.id),
        key=lambda p: (p.paid_on, p.id if p.id is not None else -1),
    )
    states = instalment_states(agreement, own, ctx.today)
    subtitle = ctx.t(N_("{lender}, agreement reference {reference}")).format(
        lender=debt.lender.strip() or "-", reference=agreement.reference.strip() or "-"
    )
    story: list[Flowable] = [
        ctx.p(title, s.title),
        ctx.p(subtitle, s.subtitle),
        _progress_table(agreement, own, ctx),
        *ctx.section(
            ctx.t(N_("Instalment by instalment")),
            _instalment_table(states, ctx)
            if states
            else ctx.p(ctx.t(N_("No instalments.")), s.body),
        ),
        *ctx.section(
            ctx.t(N_("Payments made")),
            _payment_table(own, ctx)
            if own
            else ctx.p(ctx.t(N_("No payments recorded yet.")), s.body),
        ),
    ]
    return story


def _progress_table(agreement: Agreement, payments: list[Payment], ctx: DocContext) -> Table:
    progress = agreement_progress(agreement, payments, ctx.today)
    cell = ctx.styles.cell
    next_due = progress.next_due
    rows = [
        (N_("Total to repay"), ctx.money(progress.total)),
        (
            N_("Paid so far"),
            ctx.t(N_("{paid} ({n} of {count} instalments)")).format(
                paid=ctx.money(progress.paid), n=progress.instalments_paid, count=progress.count
            ),
        ),
        (N_("Still to pay"), ctx.money(progress.total - progress.paid)),
        (
            N_("Next due"),
            ctx.t(N_("{amount} on {date}")).format(
                amount=ctx.money(next_due.remaining), date=ctx.date(next_due.due)
            )
            if next_due
            else ctx.t(N_("Nothing: the schedule is paid.")),
        ),
    ]
    if progress.overdue_amount > ZERO:
        rows.append((N_("Overdue now"), ctx.money(progress.overdue_amount)))
    if progress.overpaid > ZERO:
        rows.append((N_("Paid beyond the schedule"), ctx.money(progress.overpaid)))
    data = [[ctx.p(ctx.t(label), cell), ctx.p(value, cell)] for label, value in rows]
    width = 45 * mm
    return Table(
        data, colWidths=[width, FRAME_WIDTH - width], style=label_value_style(), hAlign="LEFT"
    )


def _status_text(state: InstalmentState, ctx: DocContext) -> str:
    return ctx.t(STATUS_LABELS[state.status]).format(days=state.days_overdue)


def _instalment_table(states: list[InstalmentState], ctx: DocContext) -> Table:
    s = ctx.styles
    head = [
        ctx.p(ctx.t(N_("No.")), s.head),
        ctx.p(ctx.t(N_("Due")), s.head),
        ctx.p(ctx.t(N_("Amount")), s.head_right),
        ctx.p(ctx.t(N_("Paid")), s.head_right),
        ctx.p(ctx.t(N_("Remaining")), s.head_right),
        ctx.p(ctx.t(N_("Status")), s.head),
    ]
    rows: list[list] = [head]
    style = _numbers_style(ctx, right_from=2, right_to=4)
    for row, state in enumerate(states, start=1):
        rows.append(
            [
                str(state.number),
                ctx.date(state.due),
                ctx.money(state.amount),
                ctx.money(state.paid),
                ctx.money(state.remaining),
                _status_text(state, ctx),
            ]
        )
        if state.status == "overdue":
            style.add("TEXTCOLOR", (5, row), (5, row), FLAG)
    widths = [12 * mm, 26 * mm, 30 * mm, 30 * mm, 30 * mm]
    return Table(
        rows,
        colWidths=[*widths, FRAME_WIDTH - sum(widths)],
        repeatRows=1,
        style=style,
        hAlign="LEFT",
    )


def _payment_table(payments: list[Payment], ctx: DocContext) -> Table:
    s = ctx.styles
    head = [
        ctx.p(ctx.t(N_("Paid on")), s.head),
        ctx.p(ctx.t(N_("Amount")), s.head_right),
        ctx.p(ctx.t(N_("How")), s.head),
        ctx.p(ctx.t(N_("Reference")), s.head),
    ]
    rows: list[list] = [head]
    for p in payments:
        rows.append(
            [
                ctx.date(p.paid_on),
                ctx.money(p.amount),
                ctx.p(p.method, s.cell),
                ctx.p(p.reference, s.cell),
            ]
        )
    widths = [26 * mm, 30 * mm, 50 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    return Table(
        rows,
        colWidths=widths,
        repeatRows=1,
        style=_numbers_style(ctx, right_from=1, right_to=1),
        splitInRow=split_in_row(rows[1:], widths),
        hAlign="LEFT",
    )


def _numbers_style(ctx: DocContext, right_from: int, right_to: int):
    s = ctx.styles
    style = grid_table_style()
    style.add("FONTNAME", (0, 1), (-1, -1), ctx.fonts.regular)
    style.add("FONTSIZE", (0, 1), (-1, -1), s.cell.fontSize)
    style.add("LEADING", (0, 1), (-1, -1), s.cell.leading)
    style.add("ALIGN", (right_from, 1), (right_to, -1), "RIGHT")
    return style


__all__ = ["STATUS_LABELS", "build_schedule", "schedule_story"]

"""The case summary: the debts with their true rates, the budget, the plan, and each
agreement with its payment status. For the borrower's own file, or for an adviser."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from reports.document import FRAME_WIDTH, DocContext, split_in_row, write_report
from reports.fonts import FontChoice
from reports.styles import grid_table_style, label_value_style
from workbook import i18n
from workbook.budget import BudgetSummary, debts_as_agreed, summarise
from workbook.followup.instalments import agreement_progress
from workbook.i18n import N_
from workbook.models import ZERO, Debt, LprEntry
from workbook.money.schedule import debt_monthly_payment
from workbook.money.truerate import debt_true_rate
from workbook.negotiation import figures
from workbook.overview import rate_warnings
from workbook.snapshot import WorkbookData

HUNDREDTH = Decimal("0.01")


def build_summary(
    data: WorkbookData,
    out: Path,
    *,
    lang: str,
    today: date,
    workbook_name: str = "",
    fonts: FontChoice | None = None,
    currency: str = "CNY",
    extra_lpr: Sequence[LprEntry] = (),
) -> Path:
    """Write the case summary of the whole workbook `data` to `out`. `extra_lpr` is the
    user's own LPR rows (settings), read exactly as home and step 1 read them."""
    return write_report(
        out, N_("Case summary"),
        lambda ctx, title: summary_story(data, ctx, title, extra_lpr),
        lang=lang, today=today, workbook_name=workbook_name, fonts=fonts, currency=currency,
    )  # fmt: skip


def summary_story(
    data: WorkbookData, ctx: DocContext, title: str, extra_lpr: Sequence[LprEntry] = ()
) -> list[Flowable]:
    s = ctx.styles
    subtitle = data.profile.name.strip() or ctx.t(N_("Borrower not named yet"))
    story: list[Flowable] = [ctx.p(title, s.title), ctx.p(subtitle, s.subtitle)]
    # Debt service as the lenders ask it now: agreed instalments where there are any.
    budget = summarise(
        data.incomes, data.expenses, debts_as_agreed(data.debts, data.agreements), ctx.today
    )
    sections = (
        (N_("Debts"), _debts(data, ctx, extra_lpr)),
        (N_("Budget, per month"), [_budget(budget, ctx)]),
        (N_("Plan"), _plan(data, ctx)),
        (N_("Agreements and payments"), _agreements(data, ctx)),
    )
    for heading, body in sections:
        story.extend(ctx.section(ctx.t(heading), body[0]))
        story.extend(body[1:])
    return story


def _pct(fraction: Decimal | None) -> str:
    if fraction is None:
        return "-"
    return f"{(fraction * 100).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)}%"


def _table(
    head: list[str],
    rows: list[list[Flowable | str]],
    widths: list[float],
    ctx: DocContext,
    right: Collection[int] = (),
) -> Table:
    s = ctx.styles
    header = [ctx.p(h, s.head_right if i in right else s.head) for i, h in enumerate(head)]
    style = grid_table_style()
    for col in right:
        style.add("ALIGN", (col, 1), (col, -1), "RIGHT")
    widths = [*widths, FRAME_WIDTH - sum(widths)]
    return Table(
        [header, *rows],
        colWidths=widths,
        repeatRows=1,
        style=style,
        splitInRow=split_in_row(rows, widths),
        hAlign="LEFT",
    )


def _after_table(style: ParagraphStyle) -> ParagraphStyle:
    return style.clone(style.name + "_after", spaceBefore=3)


def _num(text: str, ctx: DocContext) -> Paragraph:
    return ctx.p(text, ctx.styles.cell_right)


def _debts(data: WorkbookData, ctx: DocContext, extra_lpr: Sequence[LprEntry]) -> list[Flowable]:
    if not data.debts:
        return [ctx.p(ctx.t(N_("No debts entered yet.")), ctx.styles.body)]
    cell = ctx.styles.cell
    rows: list[list[Flowable | str]] = []
    total = overdue = monthly = ZERO
    # An agreed debt costs its agreed instalment: the figure home and step 2 show.
    for debt in debts_as_agreed(data.debts, data.agreements):
        true = debt_true_rate(debt, ctx.today)
        payment = debt_monthly_payment(debt, ctx.today)
        rows.append(
            [
                ctx.p(debt.lender, cell),
                _num(ctx.money(debt.balance), ctx),
                _overdue(debt, ctx),
                ctx.p(ctx.rate(debt.rate), cell),
                ctx.p(f"{_pct(true.apr)} / {_pct(true.ear)}" if true else "-", cell),
                _num(ctx.money(payment), ctx),
                ctx.p(ctx.label(debt.status), cell),
            ]
        )
        total += debt.balance
        overdue += debt.overdue_amount
        monthly += payment or ZERO
    rows.append(
        [
            ctx.p(ctx.t(N_("Total")), cell),
            _num(ctx.money(total), ctx),
            _num(ctx.money(overdue), ctx),
            "",
            "",
            _num(ctx.money(monthly), ctx),
            "",
        ]
    )
    head = [
        ctx.t(N_("Lender")),
        ctx.t(N_("Balance")),
        ctx.t(N_("Overdue")),
        ctx.t(N_("Contract rate")),
        ctx.t(N_("True rate (APR / EAR)")),
        ctx.t(N_("A month now")),
        ctx.t(N_("Status")),
    ]
    # Wide enough for a ten-character company name and for "In negotiation".
    widths = [35 * mm, 22 * mm, 21 * mm, 21 * mm, 27 * mm, 20 * mm]
    note = ctx.t(
        N_(
            "The true rate is the yearly rate implied by what you actually received and "
            "everything you pay, fees included (APR = monthly rate × 12; EAR compounds it)."
        )
    )
    story: list[Flowable] = [
        _table(head, rows, widths, ctx, right=(1, 2, 5)),
        ctx.p(note, _after_table(ctx.styles.small)),
    ]
    story += [ctx.p(line, ctx.styles.body) for line in _rate_warnings(data, ctx, extra_lpr)]
    return story


def _rate_warnings(
    data: WorkbookData, ctx: DocContext, extra_lpr: Sequence[LprEntry]
) -> list[str]:
    """Home's rate warnings (rule, source and date: docs/verdicts.md), in the PDF's
    language: the domain words them in the current language, so switch it meanwhile."""
    previous = i18n.current_language()
    i18n.set_language(ctx.lang)
    try:
        return rate_warnings(data, ctx.today, extra_lpr)
    finally:
        i18n.set_language(previous)


def _overdue(debt: Debt, ctx: DocContext) -> Paragraph:
    """The amount above the days: a narrow column would split one line anywhere."""
    if debt.overdue_amount <= ZERO and debt.overdue_days <= 0:
        return _num("-", ctx)
    days = ctx.t(N_("{days} days")).format(days=debt.overdue_days)
    amount = ctx.money(debt.overdue_amount)
    return ctx.pm(f"{ctx.m(amount)}<br/>{ctx.m(days)}", ctx.styles.cell_right)


def _budget(budget: BudgetSummary, ctx: DocContext) -> Table:
    cell = ctx.styles.cell
    rows = [
        (N_("Income"), ctx.money(budget.income)),
        (N_("Essential spending"), ctx.money(budget.essential)),
        (N_("Other spending"), ctx.money(budget.flexible)),
        (N_("Left for the debts"), ctx.money(budget.surplus)),
        (N_("The debts ask for now"), ctx.money(budget.debt_service)),
        (N_("Share of income the debts ask for"), _pct(budget.debt_service_ratio)),
        (N_("Left after the debts"), ctx.money(budget.after_debts)),
    ]
    data = [[ctx.p(ctx.t(label), cell), ctx.p(value, ctx.styles.cell)] for label, value in rows]
    width = 60 * mm
    return Table(data, colWidths=[width, 50 * mm], style=label_value_style(), hAlign="LEFT")


def _plan(data: WorkbookData, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    # Step 4's plan: agreed debts enter at their agreed instalment, never re-planned.
    plan = figures.plan(data, ctx.today)
    if not plan.rows:
        return [ctx.p(ctx.t(N_("No open debts to plan for.")), s.body)]
    rows: list[list[Flowable | str]] = []
    for debt, effect in plan.rows:
        months = str(effect.months) if effect.months is not None else ctx.t(N_("never"))
        rows.append(
            [
                ctx.p(debt.lender, s.cell),
                _num(ctx.money(effect.current_instalment), ctx),
                _num(ctx.money(effect.new_instalment), ctx),
                _num(months, ctx),
                _num(ctx.money(effect.total_cost), ctx),
                ctx.p(ctx.date(effect.payoff_date), s.cell),
                ctx.p(ctx.t(N_("yes")) if effect.fits_budget else ctx.t(N_("no")), s.cell),
            ]
        )
    head = [
        ctx.t(N_("Lender")),
        ctx.t(N_("A month now")),
        ctx.t(N_("A month asked")),
        ctx.t(N_("Months")),
        ctx.t(N_("Total to pay")),
        ctx.t(N_("Paid off")),
        ctx.t(N_("Fits")),
    ]
    widths = [38 * mm, 24 * mm, 24 * mm, 16 * mm, 26 * mm, 24 * mm]
    totals = [
        ctx.t(N_("The plan asks {new} a month in all, against {surplus} left each month.")).format(
            new=ctx.money(plan.total_new), surplus=ctx.money(plan.surplus)
        )
    ]
    if plan.one_off_total > ZERO:
        totals.append(
            ctx.t(N_("Settlements paid at once: {amount}.")).format(
                amount=ctx.money(plan.one_off_total)
            )
        )
    if plan.over_budget:
        totals.append(ctx.t(N_("This is more than the budget allows.")))
    return [
        _table(head, rows, widths, ctx, right=(1, 2, 3, 4)),
        ctx.p(ctx.sentences(*totals), _after_table(s.body)),
    ]


def _agreements(data: WorkbookData, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    if not data.agreements:
        return [ctx.p(ctx.t(N_("No agreements recorded yet.")), s.body)]
    lenders = {d.id: d.lender for d in data.debts}
    rows: list[list[Flowable | str]] = []
    for agreement in data.agreements:
        progress = agreement_progress(agreement, data.payments, ctx.today)
        next_due = progress.next_due
        rows.append(
            [
                ctx.p(lenders.get(agreement.debt_id, "-"), s.cell),
                ctx.p(agreement.reference or "-", s.cell),
                _num(ctx.money(progress.total), ctx),
                _num(
                    ctx.t(N_("{paid} ({n}/{count})")).format(
                        paid=ctx.money(progress.paid),
                        n=progress.instalments_paid,
                        count=progress.count,
                    ),
                    ctx,
                ),
                ctx.p(
                    ctx.t(N_("{amount} on {date}")).format(
                        amount=ctx.money(next_due.remaining), date=ctx.date(next_due.due)
                    )
                    if next_due
                    else ctx.t(N_("Paid in full")),
                    s.cell,
                ),
                _num(ctx.money(progress.overdue_amount), ctx),
            ]
        )
    head = [
        ctx.t(N_("Lender")),
        ctx.t(N_("Reference")),
        ctx.t(N_("Total")),
        ctx.t(N_("Paid")),
        ctx.t(N_("Next due")),
        ctx.t(N_("Overdue")),
    ]
    # A 20-character reference (AJXF-XS-20260820-017) on one line.
    widths = [35 * mm, 35 * mm, 22 * mm, 30 * mm, 27 * mm]
    return [_table(head, rows, widths, ctx, right=(2, 3, 5))]


__all__ = ["build_summary", "summary_story"]

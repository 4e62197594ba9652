"""The communication log as a PDF: every contact, oldest first, with conduct flags.

One row per contact (the column header repeats on every page). Contacts that break a
published collection rule (`workbook.followup.conduct`) are marked in red with the rule's
name; a closing section says where each rule comes from and how sure we are of it,
as `china-facts.md` requires. The flags are computed on the whole log before the
lender and date filters apply, so "the fourth call that day" stays the fourth even
when the export shows one day only.

Speed: a log can hold 10,000 entries. reportlab's paragraph wrapping is the cost, so
a cell that fits on one line in the main font is given as a plain string (drawn
without markup parsing, so it is safe as it is) and only the rest become Paragraphs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table
from reportlab.platypus.flowables import SetPageTopFlowables

from reports.document import FRAME_HEIGHT, FRAME_WIDTH, DocContext, write_report
from reports.fonts import FontChoice
from reports.markup_frags import fast_paragraph
from reports.styles import FLAG, MUTED, grid_table_style
from reports.text import WrapOnceParagraph, clean
from workbook.followup.conduct import BANK_RULE_INFO, RULE_INFO, Rule, breaches, rule_title
from workbook.followup.logfilter import LogFilter, communication_key, filter_log
from workbook.guide.sources import confidence_label, disclaimer
from workbook.i18n import N_
from workbook.models import Channel, Communication

COLUMNS = (24 * mm, 36 * mm, 31 * mm)  # when, lender, agent (a phone number); details: the rest
DETAIL_WIDTH = FRAME_WIDTH - sum(COLUMNS)
FLAG_BACKGROUND = colors.HexColor("#fde8e8")
PADDING = 4  # each side, as grid_table_style sets it


def build_log(
    communications: Sequence[Communication],
    out: Path,
    *,
    lang: str,
    today: date,
    workbook_name: str = "",
    lender: str | None = None,
    start: date | None = None,
    end: date | None = None,
    fonts: FontChoice | None = None,
    statement: bool = False,
) -> Path:
    """Write the log (all lenders, or `lender`; between `start` and `end`) to `out`;
    with `statement`, it ends with the borrower's signed statement (to back a complaint)."""
    return write_report(
        out, N_("Communication log"),
        lambda ctx, title: log_story(communications, ctx, title, lender=lender, start=start,
                                     end=end, statement=statement),
        lang=lang, today=today, workbook_name=workbook_name, fonts=fonts,
    )  # fmt: skip


def log_story(
    communications: Sequence[Communication],
    ctx: DocContext,
    title: str,
    *,
    lender: str | None = None,
    start: date | None = None,
    end: date | None = None,
    statement: bool = False,
) -> Iterator[Flowable]:
    """The story, made as the pages reach it (`render_pdf` reads it as they fill): a
    10,000-entry log is never held laid out whole."""
    s = ctx.styles
    flags = _flags_by_entry(communications)
    chosen = filter_log(communications, LogFilter(lender=lender, start=start, end=end))
    chosen.reverse()  # filter_log gives newest first; a record reads oldest first
    counts = Counter(rule for comm in chosen for rule in flags.get(id(comm), ()))
    yield ctx.p(title, s.title)
    yield ctx.p(_scope_line(ctx, lender, start, end), s.subtitle)
    yield ctx.p(_count_line(ctx, len(chosen), counts), s.body)
    if chosen:
        yield from _entries(chosen, flags, ctx)
    else:
        yield ctx.p(ctx.t(N_("No contacts match.")), s.body)
    if counts:
        yield from _flag_notes(counts, ctx)
    if statement:
        yield _statement(ctx)


def _statement(ctx: DocContext) -> Flowable:
    """The borrower's statement that the record is true, with lines to sign and date,
    kept together so the signature never stands apart from what it signs."""
    s = ctx.styles
    text = ctx.t(
        N_(
            "I declare that this record was made by me, truthfully and at or soon after "
            "the time of each contact, and that it is complete for the period shown."
        )
    )
    line = "_" * 24
    sep = "：" if ctx.lang == "zh" else ": "
    return KeepTogether(
        [
            Spacer(1, 6 * mm),
            ctx.heading(ctx.t(N_("Statement"))),
            ctx.p(text, s.body),
            Spacer(1, 8 * mm),
            ctx.p(f"{ctx.t(N_('Signature'))}{sep}{line}", s.body),
            Spacer(1, 4 * mm),
            ctx.p(f"{ctx.t(N_('Date'))}{sep}{line}", s.body),
        ]
    )


def _flags_by_entry(communications: Sequence[Communication]) -> dict[int, list[Rule]]:
    """Python object id -> the rules the entry breaks (keys survive filtering)."""
    found = breaches(communications)
    out: dict[int, list[Rule]] = {}
    for index, comm in enumerate(communications):
        rules = [b.rule for b in found.get(communication_key(comm, index), ())]
        if rules:
            out[id(comm)] = rules
    return out


def _scope_line(ctx: DocContext, lender: str | None, start: date | None, end: date | None) -> str:
    who = lender.strip() if lender and lender.strip() else ctx.t(N_("All lenders"))
    if start and end:
        when = ctx.t(N_("{start} to {end}")).format(start=ctx.date(start), end=ctx.date(end))
    elif start:
        when = ctx.t(N_("from {start}")).format(start=ctx.date(start))
    elif end:
        when = ctx.t(N_("up to {end}")).format(end=ctx.date(end))
    else:
        when = ctx.t(N_("all dates"))
    return f"{who} · {when}"


def _count_line(ctx: DocContext, total: int, counts: Counter) -> str:
    line = ctx.t(N_("{count} contacts.")).format(count=total)
    flagged = sum(counts.values())
    if flagged:
        parts = [
            ctx.t(N_("{rule}: {n}")).format(rule=ctx.t(rule_title(rule)), n=n)
            for rule, n in sorted(counts.items(), key=lambda kv: list(Rule).index(kv[0]))
        ]
        line = ctx.sentences(
            line,
            ctx.t(N_("Marked against the collection rules: {list}.")).format(list=ctx.items(parts)),
        )
    return line


def _entries(
    chosen: list[Communication], flags: dict[int, list[Rule]], ctx: DocContext
) -> Iterator[Flowable]:
    """One small table per entry, the column header at the top of every page.

    One big table would be re-measured and copied at every page break (quadratic in
    the number of entries); small tables are laid out once each. reportlab's page-top
    flowables repeat the header on every page the log runs onto.
    """
    s = ctx.styles
    widths = [*COLUMNS, DETAIL_WIDTH]
    # Drawn again at the top of every page: its cells wrap once, not once a page.
    head = Table(
        [
            [
                WrapOnceParagraph(ctx.m(ctx.t(N_("When"))), s.head),
                WrapOnceParagraph(ctx.m(ctx.t(N_("Lender and channel"))), s.head),
                WrapOnceParagraph(ctx.m(ctx.t(N_("Their agent"))), s.head),
                WrapOnceParagraph(ctx.m(ctx.t(N_("What happened"))), s.head),
            ]
        ],
        colWidths=widths,
        style=grid_table_style(),
        hAlign="LEFT",
    )
    plain = _RowTables(widths, _row_style(ctx, flagged=False))
    flagged = _RowTables(widths, _row_style(ctx, flagged=True))
    cells = _CellMaker(ctx)
    tall = FRAME_HEIGHT / 2

    def row_of(comm: Communication) -> tuple[Table, bool]:
        rules = flags.get(id(comm), [])
        details = _details(comm, rules, ctx)
        row = [
            _when(comm),
            cells.lines(_lender_lines(comm, ctx), COLUMNS[1]),
            cells.lines(_agent_lines(comm, ctx), COLUMNS[2]),
            details,
        ]
        # Only an entry taller than half a page may break across pages (a 5,000-
        # character summary can be taller than a whole one); others stay whole.
        _w, height = details.wrap(DETAIL_WIDTH - 2 * PADDING, FRAME_HEIGHT)
        splits = height > tall
        return (flagged if rules else plain).make(row, split_in_row=splits), splits

    first, first_splits = row_of(chosen[0])
    if first_splits:  # it starts right under the header, not on a page of its own
        yield from (head, SetPageTopFlowables([head]), first)
    else:
        yield from (KeepTogether([head, first]), SetPageTopFlowables([head]))
    for comm in chosen[1:]:  # each made when the pages reach it
        yield row_of(comm)[0]
    yield SetPageTopFlowables([])


class _RowTables:
    """One-row tables in one style, the style worked out once.

    reportlab works through a TableStyle's commands again for every Table (a tenth of
    a long log's build). A row that never splits gets a copy of what the first table
    made of them; a row that may split inside itself is made the ordinary way.
    """

    def __init__(self, widths: list[float], style) -> None:
        self.widths = widths
        self.style = style
        self.model = Table([["", "", "", ""]], colWidths=widths, style=style, hAlign="LEFT")

    def make(self, row: list, split_in_row: bool) -> Table:
        if split_in_row:
            return Table(
                [row], colWidths=self.widths, style=self.style, splitInRow=1, hAlign="LEFT"
            )
        model = self.model
        table = Table(
            [row],
            colWidths=self.widths,
            hAlign="LEFT",
            cellStyles=[list(_cell_styles(model)[0])],  # read only when drawn
        )
        for name in _STYLE_PARTS:
            setattr(table, name, list(getattr(model, name)))
        for name, value in self.style._opts.items():
            setattr(table, name, value)
        return table


def _cell_styles(table: Any) -> list:
    return table._cellStyles  # reportlab's, not in its type stubs


# What Table.setStyle fills besides the cell styles (reportlab 4-5's attribute names).
_STYLE_PARTS = ("_bkgrndcmds", "_linecmds", "_spanCmds", "_nosplitCmds", "_srflcmds", "_sircmds")


def _row_style(ctx: DocContext, flagged: bool):
    s = ctx.styles
    style = grid_table_style(header_rows=0)
    style.add("FONTNAME", (0, 0), (-1, -1), ctx.fonts.regular)
    style.add("FONTSIZE", (0, 0), (-1, -1), s.cell.fontSize)
    style.add("LEADING", (0, 0), (-1, -1), s.cell.leading)
    if flagged:
        style.add("BACKGROUND", (0, 0), (0, 0), FLAG_BACKGROUND)
    return style


def _when(comm: Communication) -> str:
    text = comm.at.strftime("%Y-%m-%d\n%H:%M")
    if comm.ended_at is not None:
        text += comm.ended_at.strftime("–%H:%M")
    return text


def _lender_lines(comm: Communication, ctx: DocContext) -> list[str]:
    how = ctx.label(comm.channel)
    if comm.channel == Channel.PHONE and not comm.connected:
        how = ctx.t(N_("{channel}, not answered")).format(channel=how)
    lines = [comm.lender, how, ctx.label(comm.direction)]
    if comm.by_collector:
        lines.append(ctx.t(N_("Collection agency")))
    return lines


def _agent_lines(comm: Communication, ctx: DocContext) -> list[str]:
    """Name, staff number and phone number, each said for what it is."""
    lines = [comm.agent_name]
    if comm.agent_id.strip():
        lines.append(ctx.t(N_("Staff no. {id}")).format(id=comm.agent_id.strip()))
    if comm.number_used.strip():
        lines.append(ctx.t(N_("Tel. {number}")).format(number=comm.number_used.strip()))
    return lines


def _details(comm: Communication, rules: list[Rule], ctx: DocContext) -> WrapOnceParagraph:
    s = ctx.styles
    parts: list[str] = []
    if rules:
        mark = "\u26a0 " if ctx.fonts.symbols else "! "
        names = ctx.items(ctx.t(rule_title(rule)) for rule in rules)
        parts.append(f'<font color="{FLAG.hexval()}">{ctx.m(mark + names)}</font>')
    fields = (
        (N_("Summary"), comm.summary),
        (N_("Their offer"), comm.their_offer),
        (N_("My commitment"), comm.my_commitment),
        (N_("Outcome"), comm.outcome),
        (N_("Next action"), _next_action(comm, ctx)),
        (N_("Evidence"), comm.evidence_ref),
        (N_("Third party contacted"), ctx.t(N_("yes")) if comm.third_party else ""),
    )
    for label, value in fields:
        if value and value.strip():
            colon = "：" if ctx.lang == "zh" else ": "
            parts.append(
                f'<font color="{MUTED.hexval()}">{ctx.m(ctx.t(label) + colon)}</font>'
                + ctx.m(value)
            )
    return fast_paragraph("<br/>".join(parts) or "-", s.cell)


def _next_action(comm: Communication, ctx: DocContext) -> str:
    if comm.next_action_date is None:
        return comm.next_action
    return ctx.t(N_("{action} (by {date})")).format(
        action=comm.next_action.strip() or "-", date=ctx.date(comm.next_action_date)
    )


class _CellMaker:
    """Plain strings where they fit on one line each, Paragraphs elsewhere."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.font = ctx.fonts.regular
        self.size = ctx.styles.cell.fontSize
        self.covered = ctx.fonts.coverage.get(self.font)

    def lines(self, values: list[str], width: float) -> str | WrapOnceParagraph:
        texts = [" ".join(clean(v).split()) for v in values if v and v.strip()]
        room = width - 2 * PADDING
        if self.covered is not None and all(self._fits(t, room) for t in texts):
            return "\n".join(texts)
        return fast_paragraph("<br/>".join(self.ctx.m(t) for t in texts), self.ctx.styles.cell)

    def _fits(self, text: str, room: float) -> bool:
        return self.covered is not None and self.covered.issuperset(map(ord, text)) and (
            stringWidth(text, self.font, self.size) <= room
        )


def _flag_notes(counts: Counter, ctx: DocContext) -> list[Flowable]:
    s = ctx.styles
    story: list[Flowable] = [ctx.heading(ctx.t(N_("About the marks")))]
    story.append(
        ctx.p(
            ctx.sentences(
                ctx.t(
                    N_(
                        "A mark means the contact, as recorded here, appears to go against the "
                        "rule named. It is a note for your records and for a complaint, not a "
                        "legal finding."
                    )
                ),
                disclaimer(ctx.lang),
            ),
            s.small,
        )
    )
    for rule in Rule:
        if not counts.get(rule):
            continue
        info = RULE_INFO.get(rule) or BANK_RULE_INFO[rule]
        text = ctx.t(N_("{title}. Source: {source}. {confidence}; as of {as_of}.")).format(
            title=ctx.t(info.title),
            source=ctx.t(info.source),
            confidence=confidence_label(info.confidence, ctx.lang),
            as_of=info.as_of,
        )
        story.append(ctx.p(text, s.small.clone("note", spaceBefore=3)))
    return story


__all__ = ["build_log", "log_story"]

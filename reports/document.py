"""The frame every PDF shares: A4, a header with the title and the workbook's name, a
footer with the date and "page n / N", reproducible bytes, a private atomic write.

`invariant=1` makes reportlab leave out the creation time and random ids, so the same
data gives the same bytes (tests pin that). "n / N" needs the page count before the
first page is finished: the canvas keeps every page's drawing and stamps the numbers
when the document is saved.
"""

from __future__ import annotations

import contextlib
import io
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, SimpleDocTemplate, Table

from reports.files import write_private
from reports.fonts import FontChoice, choose_fonts
from reports.paragraphs import CJKParagraph
from reports.styles import MUTED, RULE, Styles, make_styles
from reports.text import long_date, markup, tr
from workbook import fmt
from workbook.i18n import LANGUAGES, N_
from workbook.models import Rate

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_PADDING = 6  # reportlab's Frame pads its content by 6 pt on every side
CONTENT_X = MARGIN_X + FRAME_PADDING  # where text and tables start
FRAME_WIDTH = PAGE_WIDTH - 2 * CONTENT_X  # the width a table may take
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 2 * FRAME_PADDING
FOOTER_TOP = 14 * mm
PAGE_NUMBER_SIZE = 8
FIRST_ROWS = 3  # a table's header and two rows stay under its heading
CELL_PADDING = 4  # each side, as styles.grid_table_style sets it


@dataclass(frozen=True)
class DocContext:
    """What every document needs besides its data."""

    lang: str
    today: date
    workbook_name: str
    fonts: FontChoice
    styles: Styles
    currency: str = "CNY"

    def money(self, amount: Decimal | None) -> str:
        return fmt.money(amount, self.lang, currency=self.currency)

    def rate(self, rate: Rate | None) -> str:
        return fmt.rate(rate, self.lang)

    def label(self, value: StrEnum) -> str:
        return fmt.enum_label(value, self.lang)

    def date(self, day: date | None) -> str:
        return fmt.date_(day, self.lang)

    def t(self, msgid: str) -> str:
        return tr(msgid, self.lang)

    def heading(self, text: str) -> Paragraph:
        """A heading over paragraphs: it moves to the next page with the first of them."""
        return CJKParagraph(self.m(text), self.styles.heading.clone("lead", keepWithNext=1))

    def section(self, text: str, body: Flowable) -> list[Flowable]:
        """A heading and the table (or paragraph) under it, starting a new page unless the
        heading and the table's first rows fit on this one.

        (keepWithNext would carry the whole table over, leaving the page's end blank.)
        """
        heading = self.p(text, self.styles.heading)
        _w, needed = heading.wrap(FRAME_WIDTH, FRAME_HEIGHT)
        needed += heading.getSpaceBefore() + heading.getSpaceAfter()
        if isinstance(body, Table):
            body.wrap(FRAME_WIDTH, FRAME_HEIGHT)
            # The row heights wrap() measured; private, so the stubs do not list them.
            needed += sum(body._rowHeights[:FIRST_ROWS])  # type: ignore[attr-defined]
        else:
            needed += body.wrap(FRAME_WIDTH, FRAME_HEIGHT)[1]
        return [CondPageBreak(min(needed, FRAME_HEIGHT)), heading, body]

    def sentences(self, *parts: str) -> str:
        """Sentences run on: Chinese needs no space after 。, English one after a full stop."""
        return ("" if self.lang == "zh" else " ").join(p for p in parts if p)

    def items(self, parts: Iterable[str]) -> str:
        """A list run on with semicolons, full-width in Chinese."""
        return ("；" if self.lang == "zh" else "; ").join(parts)

    def m(self, text: object) -> str:
        """User text as safe markup."""
        return markup(text, self.fonts)

    def p(self, text: object, style: ParagraphStyle | None = None) -> Paragraph:
        """A Paragraph of user text (escaped)."""
        return CJKParagraph(self.m(text), style or self.styles.body)

    def pm(self, safe_markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A Paragraph of markup we built ourselves from escaped parts."""
        return CJKParagraph(safe_markup, style or self.styles.body)


def split_in_row(rows: Sequence[Sequence[object]], widths: Sequence[float]) -> int:
    """reportlab's `splitInRow` for a table: 1 only when some row is taller than a third
    of a page (a 5,000-character note), which must then break inside itself. Otherwise
    rows move whole to the next page rather than leave a line or two behind."""
    for row in rows:
        for cell, width in zip(row, widths, strict=False):
            if isinstance(cell, Flowable):
                _w, height = cell.wrap(width - 2 * CELL_PADDING, FRAME_HEIGHT)
                if height > FRAME_HEIGHT / 3:
                    return 1
    return 0


def make_context(
    lang: str,
    today: date,
    workbook_name: str = "",
    fonts: FontChoice | None = None,
    currency: str = "CNY",
) -> DocContext:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown document language {lang!r}")
    fonts = fonts or choose_fonts()
    return DocContext(
        lang, today, workbook_name or "", fonts, make_styles(fonts), currency or "CNY"
    )


def write_report(
    out: Path,
    title: str,
    story: Callable[[DocContext, str], Iterable[Flowable]],
    *,
    lang: str,
    today: date,
    workbook_name: str = "",
    fonts: FontChoice | None = None,
    currency: str = "CNY",
    translate_title: bool = True,
) -> Path:
    """What every PDF does first and last: its context, its title (a message id put in
    the document's language, unless `translate_title` is false), the story built from
    both, laid out and written to `out` (0600). Returns the path."""
    ctx = make_context(lang, today, workbook_name, fonts, currency)
    shown = ctx.t(title) if translate_title else title
    return render_pdf(story(ctx, shown), out, ctx, shown)


def render_pdf(
    story: Iterable[Flowable], out: Path, ctx: DocContext, title: str, subject: str = ""
) -> Path:
    """Lay out `story` under `title` and write it to `out` (0600); returns the path.

    `story` may be a generator: it is read as the pages fill (`StoryFeed`), so a long
    log's entries are made, laid out, drawn and let go a few at a time."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author="",
        subject=subject,
        creator="Repay Workbook",
        lang="zh-CN" if ctx.lang == "zh" else "en",
        invariant=1,
    )
    header = _header(ctx, title)
    with _plain_streams():
        doc.build(
            StoryFeed(story),
            onFirstPage=header,
            onLaterPages=header,
            canvasmaker=_numbered_canvas(ctx),
        )
    return write_private(out, buffer.getvalue())


class StoryFeed(list):
    """The flowables reportlab's `build` works through, taken from `story` as it goes.

    `build` only looks at the front of its list (`len`, `[0]`, `del [0]`, and a few
    flowables ahead for keep-with-next), so keeping FEED_AHEAD of them in the list is
    enough: the rest of the story is not made until the pages reach it, and what is
    drawn is let go. A list given as the story is read the same way.
    """

    FEED_AHEAD = 64

    def __init__(self, story: Iterable[Flowable]) -> None:
        super().__init__()
        self._rest: Iterator[Flowable] | None = iter(story)
        self._top_up()

    def _top_up(self) -> None:
        if self._rest is None:
            return
        missing = self.FEED_AHEAD - list.__len__(self)
        if missing > 0:
            self.extend(itertools.islice(self._rest, missing))
            if list.__len__(self) < self.FEED_AHEAD:
                self._rest = None  # the story is exhausted

    def __len__(self) -> int:
        self._top_up()
        return list.__len__(self)

    def __bool__(self) -> bool:
        return len(self) > 0


@contextlib.contextmanager
def _plain_streams() -> Iterator[None]:
    """Compressed streams without reportlab's ASCII85 layer on top.

    ASCII85 keeps a PDF 7-bit clean (for e-mail of the 1990s); it makes the file a
    quarter larger and, in pure Python, costs a tenth of a long log's export. What the
    PDF shows is the same. reportlab reads the setting when it writes each stream.
    """
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


def _header(ctx: DocContext, title: str) -> Callable[[Canvas, SimpleDocTemplate], None]:
    left_style = ctx.styles.small
    prepared = ctx.t(N_("Prepared {date}")).format(date=long_date(ctx.today, ctx.lang))

    made: dict = {}

    def draw(canvas: Canvas, _doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - 12 * mm
        half = FRAME_WIDTH / 2 - 4 * mm
        _draw_para(
            canvas, markup(title, ctx.fonts), left_style, CONTENT_X, top, half, "left", made
        )
        if ctx.workbook_name:
            _draw_para(
                canvas,
                markup(ctx.workbook_name, ctx.fonts),
                left_style,
                PAGE_WIDTH - CONTENT_X - half,
                top,
                half,
                "right",
                made,
            )
        rule_y = top - left_style.leading - 1 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(CONTENT_X, rule_y, PAGE_WIDTH - CONTENT_X, rule_y)
        _draw_para(
            canvas,
            markup(prepared, ctx.fonts),
            left_style,
            CONTENT_X,
            FOOTER_TOP,
            half,
            "left",
            made,
        )
        canvas.restoreState()

    return draw


def _draw_para(
    canvas, text: str, style, x: float, top: float, width: float, align: str, made=None
) -> None:
    """Draw the first line of `text` with its top at `top` (a long name is cut, not wrapped).

    `made` (a dict) keeps the laid-out paragraph for the next page: the header and
    footer are the same on each of a long log's thousand pages."""
    key = (text, id(style), width, align)
    if made is not None and key in made:
        para, height = made[key]
    else:
        if align == "right":
            style = style.clone(style.name + "_right", alignment=TA_RIGHT)
        para = Paragraph(text, style)
        _w, height = para.wrap(width, PAGE_HEIGHT)
        if made is not None:
            made[key] = (para, height)
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(x, top - style.leading, width, style.leading)
    canvas.clipPath(clip, stroke=0, fill=0)
    para.drawOn(canvas, x, top - height)
    canvas.restoreState()


def _numbered_canvas(ctx: DocContext) -> type[Canvas]:
    font = ctx.fonts.regular

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            # Each page is kept until the total is known; its drawing operators as one
            # string (what reportlab joins them into anyway) rather than as thousands.
            code = self._code  # type: ignore[has-type]
            self._code = ["\n".join(code)] if code else []
            self._pages.append(dict(self.__dict__))
            # Canvas's own page reset (private, so not in the stubs).
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(font, PAGE_NUMBER_SIZE)
                self.setFillColor(MUTED)
                # On the baseline of the footer's text (drawn with its top at FOOTER_TOP).
                baseline = FOOTER_TOP - ctx.styles.small.fontSize
                self.drawRightString(PAGE_WIDTH - CONTENT_X, baseline, f"{number} / {total}")
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


__all__ = [
    "FRAME_HEIGHT",
    "FRAME_WIDTH",
    "DocContext",
    "make_context",
    "render_pdf",
    "split_in_row",
]

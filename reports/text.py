"""User text made safe for reportlab's paragraph markup, drawn in a font that has it.

reportlab parses `<`, `&` and friends in Paragraph text, so user text is escaped
first (`xml.sax.saxutils.escape`, never `escapeOnce`, which would keep a typed `&amp;`
as an entity) and only then given our own tags: `<br/>` for line breaks and
`<font name=...>` for runs the CJK font cannot draw (symbols like ☐ from DejaVu).

A character no font has (an emoji, usually) still goes into the PDF as itself, mapped
to the font's "missing glyph" box: it prints as a box, but copying or extracting the
text gives the character back. Control characters are dropped; they have no glyph
and some break the PDF text layer.
"""

from __future__ import annotations

import re
from datetime import date
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as _paragraph

from reports.fonts import FontChoice
from workbook.i18n import translate
from workbook.wording import date_text

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
REPLACEMENT = "?"


def clean(text: object) -> str:
    """`text` as a string with Unix line breaks, tabs as spaces, no control characters."""
    s = "" if text is None else str(text)
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _CONTROL.sub("", s)


def markup(text: object, fonts: FontChoice) -> str:
    """Paragraph markup that shows `text` literally."""
    s = clean(text)
    covered = fonts.coverage.get(fonts.regular)
    if covered is not None and covered.issuperset(map(ord, s.replace("\n", ""))):
        return escape(s).replace("\n", "<br/>")
    parts: list[str] = []
    for font, run in _runs(s, fonts):
        piece = escape(run).replace("\n", "<br/>")
        parts.append(piece if font == fonts.regular else f'<font name="{font}">{piece}</font>')
    return "".join(parts)


def _cjk_split_without_blank_lines(frags, max_widths, calc_bounds, encoding="utf8"):
    """reportlab's CJK line breaking, without the blank line it adds before a break.

    When the last character before a `<br/>` is punctuation that may not start a line
    (。，、) and it overflows, reportlab hangs it in the margin, ends the line, and then
    ends another, empty line at the break: a gap appears in the middle of the text.
    Here a line that holds nothing but that break is folded into the line before it.
    """
    result = _original_cjk_split(frags, max_widths, calc_bounds, encoding)
    kept = []
    for line in result.lines:
        blank = not any((getattr(w, "text", "") or "").strip() for w in line.words)
        if blank and line.lineBreak and kept and not kept[-1].lineBreak:
            kept[-1].lineBreak = True
            continue
        kept.append(line)
    result.lines[:] = kept
    return result


_original_cjk_split = _paragraph.cjkFragSplit
if getattr(_original_cjk_split, "__module__", "") == _paragraph.__name__:
    _paragraph.cjkFragSplit = _cjk_split_without_blank_lines


class WrapOnceParagraph(Paragraph):
    """A Paragraph that breaks its lines once per width.

    reportlab wraps a table cell again every time the table is measured or split, and
    breaking CJK lines is slow pure Python; the result depends only on the width.
    """

    _wrapped_at: float | None = None
    _wrapped_size: tuple[float, float] = (0.0, 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self._wrapped_at:
            self._wrapped_size = super().wrap(avail_width, avail_height)
            self._wrapped_at = avail_width
        return self._wrapped_size


def para(text: object, style, fonts: FontChoice) -> Paragraph:
    """A Paragraph of user text."""
    return Paragraph(markup(text, fonts), style)


def _runs(s: str, fonts: FontChoice) -> list[tuple[str, str]]:
    runs: list[tuple[str, list[str]]] = []
    for ch in s:
        font = _font_for(ch, fonts)
        if font is None:
            font, ch = fonts.regular, REPLACEMENT
        if runs and runs[-1][0] == font:
            runs[-1][1].append(ch)
        else:
            runs.append((font, [ch]))
    return [(font, "".join(chars)) for font, chars in runs]


def _font_for(ch: str, fonts: FontChoice) -> str | None:
    if ch == "\n" or fonts.can_draw(fonts.regular, ch):
        return fonts.regular
    if fonts.symbols and fonts.can_draw(fonts.symbols, ch):
        return fonts.symbols
    # No font has it: keep the character, drawn as the missing-glyph box of an
    # embedded TrueType font (the CID fallback cannot carry it).
    target = fonts.regular if fonts.embedded else fonts.symbols
    if target is None:
        return None
    _map_to_missing_glyph(target, ch)
    return target


def _map_to_missing_glyph(font_name: str, ch: str) -> None:
    # reportlab encodes a character its font lacks as code 0, which extracts as NUL.
    # Mapping it to glyph 0 explicitly makes reportlab give it its own code, so the
    # PDF's ToUnicode table carries the real character. The face's original coverage
    # was copied at registration (`FontChoice.coverage`), so this changes no choice.
    face = pdfmetrics.getFont(font_name).face
    face.charToGlyph.setdefault(ord(ch), 0)


def box(checked: bool, fonts: FontChoice) -> str | None:
    """Markup for a check box glyph, or None when no font has one (draw it instead)."""
    if not fonts.symbols:
        return None
    glyph = "\u2611" if checked else "\u2610"
    return f'<font name="{fonts.symbols}">{glyph}</font>'


def long_date(d: date | None, lang: str) -> str:
    """A date as written in a letter: 2025年1月31日 / 31 January 2025."""
    return date_text(d, lang) if d else ""


def short_date(d: date | None) -> str:
    return d.isoformat() if d else ""


def tr(msgid: str, lang: str) -> str:
    """A label in the document's language (which may differ from the interface's)."""
    return translate(msgid, lang)


__all__ = ["WrapOnceParagraph", "box", "clean", "long_date", "markup", "para", "short_date", "tr"]

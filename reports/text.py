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

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from reports.fonts import FontChoice
from reports.paragraphs import CJKParagraph, WrapOnceParagraph
from workbook.guide.wording import date_text
from workbook.i18n import translate

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


def para(text: object, style: ParagraphStyle, fonts: FontChoice) -> Paragraph:
    """A Paragraph of user text."""
    return CJKParagraph(markup(text, fonts), style)


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
    # The stubs omit Font.face, which reportlab's Font.__init__ sets.
    face = pdfmetrics.getFont(font_name).face  # type: ignore[attr-defined]
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

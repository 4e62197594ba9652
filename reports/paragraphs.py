"""Paragraphs that wrap Chinese correctly, also when they break across pages.

Every paragraph in our documents uses `wordWrap='CJK'`. reportlab 5.1 gets four
things wrong there, fixed here:

- A line may start with a Chinese comma or semicolon (its no-line-start list is
  Japanese).
- A line ending in punctuation that may not start a line (。，、), just before a line
  break, hangs in the margin and is followed by an empty line (a gap in the text).
- Splitting a paragraph across pages rebuilds the rest of its text from the lines:
  a one-run paragraph loses the space at every line end ("English words" + "mixed"
  becomes "wordsmixed"), a several-run one gains a space at every line end, Chinese
  included ("中文与 English"). `CJKParagraph` keeps the text exactly as it was.
- Wrapping is slow pure Python and tables wrap a cell again at every measurement:
  `WrapOnceParagraph` wraps once per width.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

from reportlab.lib import textsplit
from reportlab.platypus import Paragraph, paragraph

# Imported before the patches below, so it keeps reportlab's own function as fallback.
from reports.cjk_split import fast_cjk_frag_split, reportlab_cjk_frag_split
from workbook.linebreak import CANNOT_START_WIDE

# The stubs describe the public API only: they make ALL_CANNOT_START Final and leave
# out the module internals patched here. Reached untyped, these names are not checked.
_textsplit: Any = textsplit
_paragraph: Any = paragraph

# Chinese punctuation that may not start a line (GB/T 15834); reportlab's list is
# Japanese and lacks the full-width comma, semicolon, colon, ! and ? and closing marks.
# The rule table is shared with the terminal's wrapping (workbook.linebreak).
CHINESE_CANNOT_START = CANNOT_START_WIDE
_textsplit.ALL_CANNOT_START += "".join(
    c for c in CHINESE_CANNOT_START if c not in _textsplit.ALL_CANNOT_START
)
_paragraph.ALL_CANNOT_START = _textsplit.ALL_CANNOT_START


def _cjk_split_without_blank_lines(frags, max_widths, calc_bounds, encoding="utf8"):
    """reportlab's CJK line breaking, without the empty line after hanging punctuation.

    The line that holds nothing but the break is folded into the line before it (its
    break marker too, so a later split across pages still breaks there).
    """
    result = fast_cjk_frag_split(frags, max_widths, calc_bounds, encoding)
    kept = []
    for line in result.lines:
        blank = not any((getattr(w, "text", "") or "").strip() for w in line.words)
        if blank and line.lineBreak and kept and not kept[-1].lineBreak:
            kept[-1].lineBreak = True
            kept[-1].words.extend(line.words)
            continue
        kept.append(line)
    result.lines[:] = kept
    return result


if _paragraph.cjkFragSplit is reportlab_cjk_frag_split:
    _paragraph.cjkFragSplit = _cjk_split_without_blank_lines


# Speed: breaking CJK lines measures and groups every character in pure Python; a
# 10,000-entry log has millions. Same results, less work: a character's width is
# looked up once per font and size, and a line's characters are grouped by run.
@functools.lru_cache(maxsize=32768)
def _char_width(char: str, font_name: str, font_size: float) -> float:
    return _original_string_width(char, font_name, font_size)


def _string_width(text, font_name, font_size, encoding="utf8"):
    if len(text) == 1 and isinstance(text, str):
        return _char_width(text, font_name, font_size)
    return _original_string_width(text, font_name, font_size, encoding)


def _make_cjk_para_line(chars, max_width, width_used, extra_space, line_break, calc_bounds):
    """reportlab's makeCJKParaLine, measuring a run of one style once, not per character."""
    if calc_bounds:  # images and autoLeading: reportlab's own, character by character
        return _original_make_line(
            chars, max_width, width_used, extra_space, line_break, calc_bounds
        )
    words = []
    current = _paragraph.FragLine()
    pending: list[str] = []
    max_size = max_ascent = min_descent = 0
    for _key, run in itertools.groupby(chars, key=lambda u: id(u.frag)):
        run = list(run)
        frag = run[0].frag
        ascent, descent = _paragraph.getAscentDescent(frag.fontName, frag.fontSize)
        max_size = max(max_size, frag.fontSize)
        max_ascent = max(max_ascent, ascent)
        min_descent = min(min_descent, descent)
        if not _paragraph.sameFrag(current, frag):
            current = current.clone()
            current.text = "".join(pending)
            words.append(current)
            pending = []
            current = frag
        pending.extend(run)
    if pending:
        current = current.clone()
        current.text = "".join(pending)
        words.append(current)
    return _paragraph.FragLine(
        kind=1, extraSpace=extra_space, wordCount=1, words=words[1:], fontSize=max_size,
        ascent=max_ascent, descent=min_descent, maxWidth=max_width, currentWidth=width_used,
        lineBreak=line_break,
    )  # fmt: skip


_original_string_width = _paragraph.stringWidth
_original_make_line = _paragraph.makeCJKParaLine
if getattr(_original_make_line, "__module__", "") == _paragraph.__name__:
    _paragraph.stringWidth = _string_width
    _paragraph.makeCJKParaLine = _make_cjk_para_line


def _rest_of_one_run(bl_para, start: int, stop: int) -> list:
    """Lines `start:stop` of a one-run paragraph, as the exact slice of its text.

    Its lines are slices of the text with the spaces at each break stripped, in order,
    so each line is found just after the previous one.
    """
    text = bl_para.text
    starts, pos = [], 0
    for _extra, (line,) in bl_para.lines:
        found = text.find(line, pos) if line else pos
        found = pos if found < 0 else found
        starts.append(found)
        pos = found + len(line)
    begin = starts[start]
    end = starts[stop] if stop < len(starts) else len(text)
    frag = bl_para.clone()
    for attr in ("lines", "kind", "words"):
        if hasattr(frag, attr):
            delattr(frag, attr)
    frag.text = text[begin:end].rstrip(" ") if stop < len(starts) else text[begin:end]
    return [frag]


def _runs_of_lines(bl_para, start: int, stop: int) -> list:
    """Lines `start:stop` of a several-run paragraph: CJK lines keep every character."""
    return [word for line in bl_para.lines[start:stop] for word in line.words]


class CJKParagraph(Paragraph):
    """A Paragraph whose text survives being split across pages unchanged."""

    def _get_split_blParaFunc(self):  # reportlab's name
        if self.style.wordWrap != "CJK":
            return super()._get_split_blParaFunc()
        if self.blPara.kind == 0:
            if isinstance(getattr(self.blPara, "text", None), str):
                return _rest_of_one_run
            return super()._get_split_blParaFunc()
        return _runs_of_lines


class WrapOnceParagraph(CJKParagraph):
    """A paragraph that breaks its lines once per width.

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

    def split(self, avail_width: float, avail_height: float) -> list:
        parts = super().split(avail_width, avail_height)
        if not hasattr(self, "blPara"):  # reportlab drops the lines when nothing fits
            self._wrapped_at = None
        return parts


__all__ = ["CJKParagraph", "WrapOnceParagraph"]

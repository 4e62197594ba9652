"""reportlab's CJK line breaking (`cjkFragSplit`), the same lines at a fraction of the cost.

reportlab makes one Python object per character (a `str` subclass carrying its frag
and width) and walks them one by one; a 10,000-entry log has over a million. Here the
characters stay in plain lists: widths come from a per-font table, a line's end is
found by bisecting the running width (`itertools.accumulate`, the same left-to-right
float additions as reportlab's loop, so the same breaks and the same `extraSpace`),
and a line's words are slices of its frags' texts. The rules at a break (hanging
punctuation, stepping back to a space in Latin text) are reportlab's, line for line.

Paragraphs this does not cover (images or other inline objects, `autoLeading`, a
non-positive width) go to reportlab's own function. `tests/reports/test_cjk_split.py`
checks that both give identical lines.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Any
from unicodedata import category

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import paragraph
from reportlab.rl_config import _FUZZ

# The stubs describe reportlab's public API only; these are its internals, reached untyped.
_paragraph: Any = paragraph
reportlab_cjk_frag_split = _paragraph.cjkFragSplit

# (font name, size) -> {character: width}; a document uses a handful of fonts and sizes.
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
_ASCENTS: dict[tuple[str, float], tuple[float, float]] = {}


def clone(frag, text: str):
    """`frag.clone(text=text)` (the same attributes in a new object of its class), cheaper."""
    new = object.__new__(frag.__class__)
    new.__dict__.update(frag.__dict__)
    new.text = text
    return new


def _ascent_descent(font: str, size: float) -> tuple[float, float]:
    found = _ASCENTS.get((font, size))
    if found is None:
        found = _ASCENTS[(font, size)] = getAscentDescent(font, size)
    return found


def _widths_of(text: str, font: str, size: float) -> list[float]:
    table = _WIDTHS.get((font, size))
    if table is None:
        table = _WIDTHS.setdefault((font, size), {})
    try:
        return [table[c] for c in text]
    except KeyError:
        for c in set(text) - table.keys():
            table[c] = stringWidth(c, font, size)
        return [table[c] for c in text]


def _supported(frags, max_widths, calc_bounds) -> bool:
    if calc_bounds or min(max_widths) + _FUZZ <= 0:
        return False
    for f in frags:
        d = f.__dict__
        if "cbDefn" in d or not isinstance(f.text, str):
            return False
        if "lineBreak" in d and len(f.text) > 1:  # a break that carries text: not ours
            return False
    return True


def fast_cjk_frag_split(frags, max_widths, calc_bounds, encoding="utf8"):
    """`reportlab.platypus.paragraph.cjkFragSplit`, without a Python object per character."""
    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    if not _supported(frags, max_widths, calc_bounds):
        return reportlab_cjk_frag_split(frags, max_widths, calc_bounds, encoding)
    chars: list[str] = []  # one unit per character; an empty frag is one '' unit
    widths: list[float] = []
    starts: list[int] = []  # first unit of each frag
    breaks: list[int] = []  # units whose frag ends the line (<br/>)
    for f in frags:
        starts.append(len(chars))
        text = f.text
        if "lineBreak" in f.__dict__:
            breaks.append(len(chars))
        if text:
            chars.extend(text)
            widths.extend(_widths_of(text, f.fontName, f.fontSize))
        else:
            chars.append("")
            widths.append(stringWidth("", f.fontName, f.fontSize))
    keys = [_style_key(f) for f in frags]
    cannot_start = _paragraph.ALL_CANNOT_START
    n = len(chars)
    running = [0.0, *accumulate(widths)]  # an estimate of where each line ends
    lines = []
    i = line_start = 0
    max_width = max_widths[0]
    while i < n:
        limit = max_width + _FUZZ
        over, used = _first_over(widths, running, line_start, limit, n)
        b = bisect_left(breaks, line_start)
        brk = breaks[b] if b < len(breaks) else n
        end = min(over, brk)
        if end >= n:  # the rest fits on one line
            width_used = used[-1] if used else 0
            i = n
            if width_used > 0:
                lines.append(
                    _make_line(frags, keys, starts, chars, line_start, n, max_width, width_used,
                               max_width - width_used, False)
                )  # fmt: skip
            break
        if end - line_start >= len(used):
            used = list(accumulate(widths[line_start : end + 1]))
        width_used = used[end - line_start]
        i = end + 1
        u, w = chars[end], widths[end]
        line_break = end == brk
        extra_space = max_width - width_used
        if not line_break:
            if ord(u) < 0x3000:
                # reportlab: in Latin text, step back to a space or to a CJK character
                # (a good place to break), at most half the line back.
                limit_check = (line_start + i) >> 1
                for j in range(i - 1, limit_check, -1):
                    uj = chars[j]
                    if uj and category(uj) == "Zs" or ord(uj) >= 0x3000:
                        k = j + 1
                        if k < i:
                            j = k + 1
                            extra_space += sum(widths[ii] for ii in range(j, i))
                            w = widths[k]
                            u = chars[k]
                            i = j
                            break
            # reportlab: a character that may not start a line hangs in the margin;
            # any other is pushed to the next line (one at least stays, for progress).
            if u not in cannot_start and i > line_start + 1:
                i -= 1
                extra_space += w
        lines.append(
            _make_line(frags, keys, starts, chars, line_start, i, max_width, width_used,
                       extra_space, line_break)
        )  # fmt: skip
        try:
            max_width = max_widths[len(lines)]
        except IndexError:
            max_width = max_widths[-1]
        line_start = i
    return _paragraph.ParaLines(kind=1, lines=lines)


def _first_over(widths, running, start, limit, n) -> tuple[int, list[float]]:
    """The first unit from `start` at which the line's width passes `limit` (or `n`),
    and the line's running widths up to there, added as reportlab adds them."""
    guess = bisect_right(running, running[start] + limit, start) - 1
    stop = min(n, max(guess + 2, start + 1))
    while True:
        used = list(accumulate(widths[start:stop]))
        found = bisect_right(used, limit)
        if found < len(used):
            return start + found, used
        if stop >= n:
            return n, used
        stop = min(n, stop + (stop - start) + 16)


# What reportlab's sameFrag compares; frags with a break or an inline object are never alike.
_SAME = ("fontName", "fontSize", "textColor", "rise", "us_lines", "link", "backColor", "nobr")


def _style_key(frag) -> tuple | None:
    d = frag.__dict__
    if "cbDefn" in d or "lineBreak" in d:
        return None
    return tuple(d.get(k) for k in _SAME)


def _make_line(frags, keys, starts, chars, a, b, max_width, width_used, extra_space, line_break):
    """reportlab's makeCJKParaLine for units a..b: runs of alike frags become words."""
    words = []
    head = head_key = None
    pieces: list[str] = []
    max_size = max_ascent = min_descent = 0
    fi = bisect_right(starts, a) - 1
    while fi < len(frags) and starts[fi] < b:
        f = frags[fi]
        s = starts[fi]
        e = starts[fi + 1] if fi + 1 < len(starts) else len(chars)
        lo, hi = max(a, s), min(b, e)
        piece = f.text[lo - s : hi - s] if f.text else ""
        size = f.fontSize
        ascent, descent = _ascent_descent(f.fontName, size)
        max_size = max(max_size, size)
        max_ascent = max(max_ascent, ascent)
        min_descent = min(min_descent, descent)
        key = keys[fi]
        if head is None or head_key is None or key is None or key != head_key:  # sameFrag
            if head is not None:
                words.append(clone(head, "".join(pieces)))
            head, head_key, pieces = f, key, []
        pieces.append(piece)
        fi += 1
    if head is not None:
        words.append(clone(head, "".join(pieces)))
    line = object.__new__(_paragraph.FragLine)  # FragLine(**attributes), cheaper
    line.__dict__.update(
        kind=1, extraSpace=extra_space, wordCount=1, words=words, fontSize=max_size,
        ascent=max_ascent, descent=min_descent, maxWidth=max_width, currentWidth=width_used,
        lineBreak=line_break,
    )  # fmt: skip
    return line


__all__ = ["fast_cjk_frag_split", "reportlab_cjk_frag_split"]

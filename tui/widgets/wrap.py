"""Paragraphs that wrap the way Chinese text wraps.

Rich and Textual break lines only at spaces, so a Chinese sentence (no spaces) is
folded at the edge wherever it happens to be - inside "3.00%" or a date. `Wrapped`
breaks between Chinese characters and at spaces, never inside a run of Latin letters,
digits and signs, and follows the Chinese rules (`workbook.linebreak`, shared with the
PDFs): no line starts with closing punctuation (，。、；：！？）」』》 %), none ends
with opening punctuation (（「『《), …… and —— stay whole, a number keeps its measure
word ("47 天"), and a title in 《》 that fits on a line is not split at a space. Only
a run with no allowed break that is longer than a line is folded by cells - and even
then not before a closing mark when an earlier cell of the line allows it.
`Packed` lays out whole items (a form's options) the same way.
"""

from __future__ import annotations

import functools
import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from workbook.linebreak import may_break_between

# A break may come before and after each of these (CJK ideographs, kana, hangul,
# full-width forms): Chinese has no spaces between words.
_WIDE = (
    r"\u2e80-\u2fff\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    r"\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
)


@functools.cache
def _wide() -> re.Pattern[str]:
    # Compiled when first used: its ranges take ~4 ms, paid before the first frame else.
    return re.compile(rf"[{_WIDE}]")


def is_wide(ch: str) -> bool:
    """A character a line may break before or after (Chinese has no spaces)."""
    return bool(_wide().match(ch))
_SPACE = " \t"
_TITLE = re.compile(r"《[^《》\n]*》")


def _protected(text: str, width: int) -> set[int]:
    """Positions inside a 《title》 that fits on a line: no break after a space there."""
    inside: set[int] = set()
    for match in _TITLE.finditer(text):
        if cell_len(match.group()) <= width:
            inside.update(range(match.start() + 1, match.end()))
    return inside


def _may_break(text: str, i: int, protected: set[int]) -> bool:
    """May a line end before `text[i]`? (0 < i < len(text), `text[i]` not a space.)"""
    before = text[i - 1]
    if before in _SPACE:  # after spaces: a word boundary, unless a rule keeps it
        if i in protected:
            return False
        j = i - 1
        while j > 0 and text[j - 1] in _SPACE:
            j -= 1
        if j == 0:
            return False  # leading spaces are not a line of their own
        last = text[j - 1]
        if last.isdigit() and _wide().match(text[i]):
            return False  # a number and its measure word ("47 天") stay on one line
        return may_break_between(last, text[i], spaced=True)
    if not (_wide().match(before) or _wide().match(text[i])):
        return False  # inside a run of Latin letters, digits and signs
    return may_break_between(before, text[i])


def _may_cut(text: str, p: int) -> bool:
    """May a fold end a line before `text[p]`? Spaces at the cut are dropped, so the
    marks that count are the last one before them and the first one after; and not
    inside a run of Latin letters and digits."""
    after, before = p, p
    while after < len(text) and text[after] in _SPACE:
        after += 1
    while before > 0 and text[before - 1] in _SPACE:
        before -= 1
    if after == len(text) or before == 0:
        return False
    if after == before and not (_wide().match(text[p - 1]) or _wide().match(text[p])):
        return False  # never back into a number or a word ("11" is not cut for a "。")
    return may_break_between(text[before - 1], text[after], spaced=after > before)


def _word_edge(text: str, p: int) -> bool:
    """Is `p` between words (a space or a Chinese character either side)?"""
    return any(ch in _SPACE or is_wide(ch) for ch in (text[p - 1], text[p]))


def _best_cut(text: str, line_start: int, edge: int) -> int:
    """Where to fold a line that reaches `edge`: the last place the rules allow; else
    the last place between words (a mark may then start the line: unavoidable); else
    the edge itself (a word longer than the line)."""
    for allowed in (_may_cut, _word_edge):
        for cut in range(edge, line_start, -1):
            if allowed(text, cut):
                return cut
    return edge


def _fold(text: str, start: int, end: int, line_start: int, used: int, width: int,
          offsets: list[int]) -> int:
    """Fold `text[start:end]` (no break allowed inside, longer than a line) by cells;
    returns the cells used on its last line. A fold point that would start a line with
    closing punctuation moves back to the nearest one that does not, if the line has one."""
    i = start
    while i < end:
        ch = cell_len(text[i])
        if used + ch > width and used > 0:
            cut = _best_cut(text, line_start, i)
            offsets.append(cut)
            line_start = cut
            used = cell_len(text[cut:i])
        used += ch
        i += 1
    return used


def break_offsets(text: str, width: int) -> list[int]:
    """Where to cut `text` (one line, no newline) so every piece fits `width` cells."""
    protected = _protected(text, width)
    bounds = [0]
    bounds += [i for i in range(1, len(text))
               if text[i] not in _SPACE and _may_break(text, i, protected)]
    bounds.append(len(text))
    offsets: list[int] = []
    used = 0
    line_start = 0
    for start, end in zip(bounds, bounds[1:], strict=False):
        piece = text[start:end]
        body = piece.rstrip(_SPACE)
        size = cell_len(body)
        if used + size > width and used > 0:
            offsets.append(start)
            line_start, used = start, 0
        if size > width:  # longer than a line: fold it by cells
            used = _fold(text, start, start + len(body), line_start, used, width, offsets)
            line_start = offsets[-1] if offsets else 0
            used += cell_len(piece) - size  # its trailing spaces hang at the edge
        else:
            used += cell_len(piece)  # trailing spaces may hang past the edge; trimmed
    return offsets


def wrap_lines(text: Text, width: int) -> list[Text]:
    """`text` cut into lines of at most `width` cells, styles kept, edge spaces dropped."""
    width = max(1, width)
    lines: list[Text] = []
    for paragraph in text.split("\n", allow_blank=True):
        for i, part in enumerate(paragraph.divide(break_offsets(paragraph.plain, width))):
            if i:  # a line that starts after a break starts without its spaces
                part = part[len(part.plain) - len(part.plain.lstrip(" ")):]
            part.rstrip()
            lines.append(part)
    return lines


class Wrapped:
    """A rich renderable: `text` wrapped with `break_offsets` at the width it is given."""

    def __init__(self, text: Text | str) -> None:
        self.text = text if isinstance(text, Text) else Text(text)

    @property
    def plain(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in wrap_lines(self.text, options.max_width):
            line.end = "\n"
            line.no_wrap = True
            line.overflow = "crop"
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((cell_len(p) for p in self.text.plain.split("\n")), default=0)
        return Measurement(min(longest, 8), longest)


def pack_lines(items: list[Text], width: int, gap: int = 2) -> list[Text]:
    """`items` side by side, `gap` cells apart, a new line rather than splitting one."""
    lines: list[Text] = []
    line = Text()
    for item in items:
        if line.plain and line.cell_len + gap + item.cell_len > width:
            lines.append(line)
            line = Text()
        if line.plain:
            line.append(" " * gap)
        line.append_text(item)
    if line.plain or not lines:
        lines.append(line)
    return [part for line in lines for part in wrap_lines(line, width)]


class Packed:
    """A rich renderable: `pack_lines` at the width it is given."""

    def __init__(self, items: list[Text], gap: int = 2) -> None:
        self.items = items
        self.gap = gap

    @property
    def text(self) -> Text:
        return Text(" " * self.gap).join(self.items)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in pack_lines(self.items, options.max_width, self.gap):
            line.end = "\n"
            line.no_wrap = True
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((item.cell_len for item in self.items), default=0)
        return Measurement(widest, self.text.cell_len)

"""Paragraphs that wrap the way Chinese text wraps.

Rich and Textual break lines only at spaces, so a Chinese sentence (no spaces) is
folded at the edge wherever it happens to be - inside "3.00%" or a date. `Wrapped`
breaks between Chinese characters and at spaces, never inside a run of Latin letters,
digits and signs, never before closing punctuation (，。）%) nor after opening
punctuation (（「). `Packed` lays out whole items (a form's options) the same way.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

# A break may come before and after each of these (CJK ideographs, kana, hangul,
# full-width forms): Chinese has no spaces between words.
_WIDE = (
    r"\u2e80-\u2fff\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    r"\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
)
_CLOSE = "，。、；：！？）】」』》〉”’,.;:!?)]}%"
_OPEN = "（【「『《〈“‘([{"
_TOKEN = re.compile(rf"[ \t]+|[{_WIDE}]|[^ \t{_WIDE}]+")
_IS_WIDE = re.compile(rf"[{_WIDE}]")


def _units(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_space) pieces between which a line may break."""
    units: list[tuple[int, int, bool]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        piece = match.group()
        space = piece[0] in " \t"
        after_word = bool(units) and not units[-1][2]
        if after_word and not space and (piece in _CLOSE or text[units[-1][1] - 1] in _OPEN):
            # closing marks stay with what precedes, opening marks with what follows
            units[-1] = (units[-1][0], end, False)
        elif (
            len(units) > 1 and units[-1][2] and _IS_WIDE.match(piece)
            and text[units[-2][1] - 1].isdigit()
        ):  # a number and its measure word ("47 天") stay on one line
            units[-2:] = [(units[-2][0], end, False)]
        else:
            units.append((start, end, space))
    return units


def break_offsets(text: str, width: int) -> list[int]:
    """Where to cut `text` (one line, no newline) so every piece fits `width` cells."""
    offsets: list[int] = []
    used = 0
    for start, end, space in _units(text):
        size = cell_len(text[start:end])
        if space:
            used += size  # trailing spaces may hang past the edge; they are trimmed
            continue
        if used + size > width and used > 0 and start > (offsets[-1] if offsets else 0):
            offsets.append(start)
            used = 0
        if size > width:  # longer than a line: fold it by cells
            for i in range(start, end):
                ch = cell_len(text[i])
                if used + ch > width and used > 0:
                    offsets.append(i)
                    used = 0
                used += ch
        else:
            used += size
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

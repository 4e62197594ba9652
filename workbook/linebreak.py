"""Where a line of Chinese (or mixed) text may not break: the usual rules (禁则).

From GB/T 15834-2011 (标点符号用法) and common typesetting practice: the pause and
end marks (。，、；：！？) and the closing half of brackets, quotes and title marks
never start a line; the opening half never ends one; an ellipsis (……) or a dash
(——) is not split in two. Shared by the terminal's wrapping (`tui.widgets.wrap`)
and the PDFs' (`reports.paragraphs`, which adds these to reportlab's Japanese list):
pure data, so both layers may use it.
"""

from __future__ import annotations

# Full-width (and curly-quote) marks that may not start a line.
CANNOT_START_WIDE = "，。、；：！？）】」』》〉〕〗〙〛｝］”’…‥"
# Their ASCII cousins, and the per cent sign that belongs to its number.
CANNOT_START_NARROW = ",.;:!?)]}%"
CANNOT_START = CANNOT_START_WIDE + CANNOT_START_NARROW

# Marks that may not end a line: they open what follows.
CANNOT_END_WIDE = "（【「『《〈〔〖〘〚｛［“‘"
CANNOT_END_NARROW = "([{"
CANNOT_END = CANNOT_END_WIDE + CANNOT_END_NARROW

# Doubled in Chinese (…… and ——): the two halves stay on one line.
NOT_SPLIT = "…—"


def may_break_between(before: str, after: str, spaced: bool = False) -> bool:
    """Whether a line may end with `before` and the next start with `after` (as far as
    punctuation goes; where words allow a break is the caller's business).

    `spaced`: spaces stand between them (dropped at the break). An ASCII mark after a
    space begins a word of its own (".5", "(see"), so only the full-width rules apply:
    "利率 ）" still keeps its bracket.
    """
    if spaced:
        return after not in CANNOT_START_WIDE and before not in CANNOT_END_WIDE
    if after in CANNOT_START or before in CANNOT_END:
        return False
    return not (before == after and before in NOT_SPLIT)

"""Scrollbars drawn with coloured spaces only.

Textual's thumb ends use block glyphs (U+2581..) that are East-Asian *ambiguous* width:
on terminals set to draw those wide (common with Chinese SSH clients) they push the
line out of shape. A solid thumb in whole cells avoids that.
"""

from __future__ import annotations

from textual.scrollbar import ScrollBar, ScrollBarRender


class SolidScrollBarRender(ScrollBarRender):
    VERTICAL_BARS = [" "] * 8
    HORIZONTAL_BARS = [" "] * 8


def use_solid_scrollbars() -> None:
    ScrollBar.renderer = SolidScrollBarRender

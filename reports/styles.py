"""Paragraph and table styles shared by every document.

All text uses the CJK font (`wordWrap='CJK'` lets unspaced Chinese wrap; English still
wraps at spaces, and a very long word is split rather than overflowing). Leading is
about 1.45 × the size, which Chinese needs to stay legible.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from reports.fonts import FontChoice

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
SHADE = colors.HexColor("#eeeeee")
FLAG = colors.HexColor("#b00020")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    flag: ParagraphStyle
    right: ParagraphStyle
    centre: ParagraphStyle


def make_styles(fonts: FontChoice) -> Styles:
    font = fonts.regular

    def style(name: str, size: float, **kw) -> ParagraphStyle:
        kw.setdefault("leading", round(size * 1.45, 1))
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=font, fontSize=size, wordWrap="CJK", **kw)

    return Styles(
        title=style("title", 16, alignment=TA_CENTER, spaceAfter=3),
        subtitle=style("subtitle", 9.5, alignment=TA_CENTER, textColor=MUTED, spaceAfter=8),
        heading=style("heading", 12, spaceBefore=8, spaceAfter=3),
        body=style("body", 10.5, spaceAfter=5),
        small=style("small", 8.5, textColor=MUTED),
        cell=style("cell", 9),
        cell_right=style("cell_right", 9, alignment=TA_RIGHT),
        head=style("head", 9),
        head_right=style("head_right", 9, alignment=TA_RIGHT),
        flag=style("flag", 9, textColor=FLAG),
        right=style("right", 10.5, alignment=TA_RIGHT),
        centre=style("centre", 10.5, alignment=TA_CENTER),
    )


def grid_table_style(header_rows: int = 1) -> TableStyle:
    """Thin grid, shaded header, text at the top of each cell."""
    # (command, first cell, last cell, values...), as TableStyle takes them.
    commands: list[tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    return TableStyle(commands)


def label_value_style() -> TableStyle:
    """Two-column terms table: shaded labels on the left."""
    style = grid_table_style(header_rows=0)
    style.add("BACKGROUND", (0, 0), (0, -1), SHADE)
    return style


__all__ = [
    "FLAG",
    "MUTED",
    "RULE",
    "SHADE",
    "Styles",
    "TA_LEFT",
    "grid_table_style",
    "label_value_style",
    "make_styles",
]

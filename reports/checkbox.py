"""A check box drawn with lines, for when no font has the ☐ ☑ glyphs."""

from __future__ import annotations

from reportlab.platypus import Flowable

from reports.styles import INK


class CheckBox(Flowable):
    """An empty square, or a square with a tick, `size` points wide."""

    def __init__(self, checked: bool, size: float = 10) -> None:
        super().__init__()
        self.checked = checked
        self.size = size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c, s = self.canv, self.size
        c.saveState()
        c.setStrokeColor(INK)
        c.setLineWidth(0.8)
        c.rect(0, 0, s, s, stroke=1, fill=0)
        if self.checked:
            c.setLineWidth(1.3)
            c.line(s * 0.2, s * 0.5, s * 0.42, s * 0.22)
            c.line(s * 0.42, s * 0.22, s * 0.82, s * 0.82)
        c.restoreState()


__all__ = ["CheckBox"]

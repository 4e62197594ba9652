"""The terminal as the user sees it, as plain lines (for tests about what fits)."""

from __future__ import annotations


def screen_lines(app) -> list[str]:
    """Each row of the current screen's picture, without styles."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))

"""The Chinese line-breaking rule table, shared by the terminal and the PDFs."""

from __future__ import annotations

from workbook.linebreak import (
    CANNOT_END,
    CANNOT_START,
    CANNOT_START_WIDE,
    may_break_between,
)


def test_the_marks_of_the_issue_are_in_the_tables():
    assert set("。，、；：！？）」』》") <= set(CANNOT_START)
    assert set("（「『《") <= set(CANNOT_END)


def test_may_break_between():
    assert may_break_between("中", "文")
    assert not may_break_between("文", "。")
    assert not may_break_between("（", "文")
    assert not may_break_between("…", "…") and not may_break_between("—", "—")
    assert may_break_between("—", "中")  # a dash may start a line, whole
    # after a space an ASCII mark begins a word; a full-width one still keeps its place
    assert may_break_between("a", ".5", spaced=True)
    assert not may_break_between("a", "）", spaced=True)


def test_the_pdfs_use_the_same_table():
    from reportlab.platypus import paragraph

    import reports.paragraphs  # noqa: F401 - patches reportlab's list on import

    assert set(CANNOT_START_WIDE) <= set(paragraph.ALL_CANNOT_START)

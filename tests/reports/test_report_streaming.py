"""A long PDF is made as its pages fill: the story is read as reportlab needs it and
what is drawn is let go (a 50,000-entry log must not be held laid out whole), and the
pages kept for the "n / N" numbers hold their drawing as one string. The bytes are
those of a story given whole as a list."""

from __future__ import annotations

import gc
import weakref

import reports_sample as sample
from reportlab.platypus import Paragraph

from reports import commlog
from reports.commlog import build_log
from reports.document import StoryFeed, make_context, write_report


def test_a_story_generator_is_read_as_the_pages_fill_and_drawn_flowables_let_go(tmp_path):
    made: list[weakref.ref] = []
    alive_early: list[int] = []

    def story(ctx, title):
        for i in range(600):
            if i == 500:
                gc.collect()
                alive_early.append(sum(ref() is not None for ref in made[:300]))
            flowable = Paragraph(f"line {i}", ctx.styles.body)
            made.append(weakref.ref(flowable))
            yield flowable

    write_report(tmp_path / "lines.pdf", "Lines", story, lang="en", today=sample.TODAY)
    assert alive_early == [0]  # the first 300 were drawn and freed before line 500 was made


def test_the_log_story_makes_its_rows_only_when_asked(fonts, monkeypatch):
    made: list[int] = []
    real = commlog._RowTables.make
    monkeypatch.setattr(commlog._RowTables, "make",
                        lambda self, *a, **k: made.append(1) or real(self, *a, **k))
    ctx = make_context("en", sample.TODAY, "", fonts, "CNY")
    story = commlog.log_story(sample.many_communications(200), ctx, "Log")
    first = [next(story) for _ in range(5)]  # title, scope, count, header with row 1, ...
    assert len(first) == 5 and len(made) <= 2


def test_a_streamed_log_has_the_bytes_of_the_log_given_whole(tmp_path, fonts, monkeypatch):
    comms = sample.communications() + sample.many_communications(120)
    streamed = build_log(comms, tmp_path / "s.pdf", lang="zh", today=sample.TODAY, fonts=fonts)
    real = commlog.log_story
    monkeypatch.setattr(commlog, "log_story", lambda *a, **k: list(real(*a, **k)))
    monkeypatch.setattr(StoryFeed, "FEED_AHEAD", 10**9)  # every flowable up front
    whole = build_log(comms, tmp_path / "w.pdf", lang="zh", today=sample.TODAY, fonts=fonts)
    assert streamed.read_bytes() == whole.read_bytes()

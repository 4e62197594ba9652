"""The log PDF's speed-ups change nothing a reader sees: the text read back (and the
bytes) are those of reportlab's own parser and line breaking, for hostile text too."""

from __future__ import annotations

import dataclasses

import pypdf
import pytest
import reports_sample as sample

from reports import commlog, paragraphs
from reports.cjk_split import reportlab_cjk_frag_split
from reports.commlog import build_log
from reports.paragraphs import WrapOnceParagraph

TEXTS = [
    sample.HOSTILE,
    sample.LONG_NOTE,
    "  two  spaces, a tab\there, lines\nand\r\nmore\n\n",
    "English words that wrap around the cell at a space " * 12,
    "中文与 English 混排，标点：“引号”（括号）《书名》。" * 15,
    "x" * 300,
    "。，、；：！？" * 30,
    "&lt;&amp;&gt; <br/> </font> <font color=\"red\">",
]


def _sample():
    comms = sample.communications() + sample.many_communications(60)
    for k, text in enumerate(TEXTS):
        comms.append(
            dataclasses.replace(
                comms[k % 3], id=1000 + k, summary=text, their_offer=text[::-1],
                agent_name=text[:24].strip() or "-", next_action=text[:40],
            )
        )  # fmt: skip
    return comms


def _pages(path):
    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_log_reads_back_as_with_reportlabs_own_code(tmp_path, fonts, monkeypatch, lang):
    comms = _sample()
    fast = build_log(comms, tmp_path / "fast.pdf", lang=lang, today=sample.TODAY, fonts=fonts)
    monkeypatch.setattr(commlog, "fast_paragraph", WrapOnceParagraph)
    monkeypatch.setattr(paragraphs, "fast_cjk_frag_split", reportlab_cjk_frag_split)
    slow = build_log(comms, tmp_path / "slow.pdf", lang=lang, today=sample.TODAY, fonts=fonts)
    fast_pages, slow_pages = _pages(fast), _pages(slow)
    assert len(fast_pages) > 3
    assert fast_pages == slow_pages
    assert fast.read_bytes() == slow.read_bytes()

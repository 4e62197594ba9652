"""The communication log PDF: filters, conduct marks, and a long log over many pages."""

from datetime import date

import pypdf
import reports_sample as sample
from reports_pdf import missing, pdf_text

from reports.commlog import build_log

TODAY = sample.TODAY


def test_flags_are_marked_with_the_rule_and_its_source(tmp_path, fonts):
    out = build_log(
        sample.communications(), tmp_path / "log.pdf", lang="en", today=TODAY, fonts=fonts
    )
    text = pdf_text(out)
    # Entry 2 is a collector calling at 23:10 and marked as abuse.
    assert not missing(
        text,
        "Contact between 22:00 and 08:00",
        "Threat or abuse",
        "About the marks",
        "Criminal Law Art. 293-1",
        "3 contacts.",
    )


def test_flags_in_chinese(tmp_path, fonts):
    out = build_log(
        sample.communications(), tmp_path / "log.pdf", lang="zh", today=TODAY, fonts=fonts
    )
    assert not missing(out, "沟通记录", "共3条沟通记录", "关于标记的说明", "深夜来电催收")
    # The agent's numbers say what they are.
    assert not missing(out, "工号 A1024", "电话 95555")


def test_one_lender_and_a_date_range(tmp_path, fonts):
    comms = sample.communications()
    out = build_log(
        comms, tmp_path / "one.pdf", lang="zh", today=TODAY, fonts=fonts,
        lender="借呗 jiebei", start=date(2026, 2, 4), end=date(2026, 2, 28),
    )  # fmt: skip
    text = pdf_text(out)
    assert not missing(
        text, "咨询延期还款", "共1条沟通记录", "借呗 jiebei", "2026-02-04 至 2026-02-28"
    )
    assert "王女士" not in text and "深夜来电催收" not in text


def test_empty_selection_says_so(tmp_path, fonts):
    out = build_log(
        sample.communications(), tmp_path / "none.pdf", lang="en", today=TODAY, fonts=fonts,
        start=date(2030, 1, 1),
    )  # fmt: skip
    assert not missing(out, "No contacts match.", "0 contacts.")


def test_a_2000_entry_log_paginates(tmp_path, fonts):
    comms = sample.many_communications(2000)
    out = build_log(comms, tmp_path / "big.pdf", lang="zh", today=TODAY, fonts=fonts)
    reader = pypdf.PdfReader(str(out))
    pages = len(reader.pages)
    assert pages > 50
    first = reader.pages[0].extract_text()
    last = reader.pages[-1].extract_text()
    assert f"1 / {pages}" in first and f"{pages} / {pages}" in last
    # Oldest first: entry 1 opens the log, entry 2000 closes it.
    assert "第1次沟通" in first
    ending = reader.pages[-2].extract_text() + last  # the notes may start a last page
    assert "第2000次沟通" in ending.replace("\n", "")
    # The header row repeats on every page.
    middle = reader.pages[pages // 2].extract_text()
    assert "沟通内容" in middle and "时间" in middle


def test_a_first_entry_taller_than_a_page_starts_on_the_first_page(tmp_path, fonts):
    import dataclasses

    comms = sample.communications()
    comms[0] = dataclasses.replace(comms[0], summary="开头" + sample.LONG_NOTE)
    out = build_log(comms, tmp_path / "tall.pdf", lang="en", today=TODAY, fonts=fonts)
    pages = pypdf.PdfReader(str(out)).pages
    first = pages[0].extract_text()
    assert "What happened" in first and "Summary: 开头" in first.replace("\n", "")
    assert "What happened" in pages[1].extract_text()  # the header repeats over the split

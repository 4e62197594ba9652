"""The printed checklist works on paper: empty boxes with the app's confirmation as a
note, blank lines for unknown terms, the lender's contact, the reference on every page,
what to keep, room for notes, the extra items, and a seal box with the signatures."""

import dataclasses
import re
from datetime import date

import pypdf
import reports_sample as sample
from reportlab.lib.units import mm
from reports_pdf import missing

from reports.checklist import SEAL_SIZE, build_checklist


def _pages(tmp_path, fonts, agreement, debt, lang="en"):
    d = sample.data()
    out = build_checklist(agreement, debt, d.profile, tmp_path / f"c-{lang}.pdf", lang=lang,
                          today=sample.TODAY, fonts=fonts)  # fmt: skip
    return [p.extract_text() for p in pypdf.PdfReader(str(out)).pages]


def test_boxes_are_empty_and_app_confirmations_are_notes(tmp_path, fonts):
    d = sample.data()
    text = "\n".join(_pages(tmp_path, fonts, d.agreements[0], d.debts[0]))
    assert "\u2611" not in text  # never a ticked box on paper
    assert text.count("(confirmed in the app)") == 2  # the two the sample ticked
    assert not missing(text, "Tick a box only for what you see on the paper")
    if fonts.symbols is not None:
        assert text.count("\u2610") == 4 + 1 + 7  # app items (+ waived fees) + paper items


def test_the_day_an_item_was_ticked_in_the_app_prints_beside_its_empty_box(tmp_path, fonts):
    d = sample.data()
    dated = dataclasses.replace(d.agreements[0],
                                checked_on={"written_confirmation": date(2025, 12, 21)})  # fmt: skip
    en = " ".join(" ".join(_pages(tmp_path, fonts, dated, d.debts[0])).split())
    assert not missing(en, "Written confirmation received (confirmed in the app on 2025-12-21)")
    # A tick saved before the app kept dates: the note without one.
    assert not missing(en, "Amounts and dates match what was said (confirmed in the app)")
    assert en.count("confirmed in the app") == 2 + 1  # the two ticks and the instruction
    zh = "".join("".join(_pages(tmp_path, fonts, dated, d.debts[0], "zh")).split())
    assert not missing(zh, "（已于2025-12-21在应用中确认）", "（已在应用中确认）")
    for text in (en, zh):
        assert "\u2611" not in text  # the box itself stays empty: ticked on paper only
    if fonts.symbols is not None:
        assert en.count("\u2610") == 4 + 1 + 7


def test_unknown_terms_print_as_lines_to_fill_in(tmp_path, fonts):
    d = sample.data()
    bare = dataclasses.replace(d.agreements[0], conditions="", credit_report="", payee_account="",
                               agent="", confirmed_how="", reference="", rate=None)  # fmt: skip
    debt = dataclasses.replace(d.debts[0], contact_phone="")
    text = " ".join(" ".join(_pages(tmp_path, fonts, bare, debt)).split())
    for label in ("Conditions", "Credit report", "Pay into", "Lender's agent",
                  "Confirmed in writing by", "Lender's phone", "Lender's address", "Rate",
                  "Reference number", "agreement reference"):  # fmt: skip
        assert re.search(re.escape(label) + r" _{8,}", text), label


def test_reference_contact_keep_notes_items_and_seal(tmp_path, fonts):
    d = sample.data()
    debt = dataclasses.replace(d.debts[0], contact_phone="95555")
    pages = _pages(tmp_path, fonts, d.agreements[0], debt, "zh")
    assert len(pages) > 1
    assert all("协议编号 XY-2026-0042" in page.split("\n")[1] for page in pages)
    text = "\n".join(pages)
    assert not missing(
        text, "95555", "机构地址", "请妥善保存", "每一笔还款凭证", "通话录音", "备注",
        "已写明停止计息", "按约还款期间停止催收", "剩余欠款如何处理", "提前还款不收违约金",
        "是否有宽限期", "征信如何报送", "文件来自机构官方渠道", "公司盖章",
    )  # fmt: skip
    # The signatures share their page with the notes, never alone.
    last = pages[-1]
    assert "签名或盖章" in last and "备注" in last
    assert SEAL_SIZE >= 40 * mm

"""The printed checklist works on paper: empty boxes with the app's confirmation as a
note, blank lines for unknown terms, the lender's contact, the reference on every page,
what to keep, room for notes, the extra items, and a seal box with the signatures."""

import dataclasses
import re

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

"""Layout a reader notices: headings stay with their text, columns fit their words."""

from datetime import date

import pypdf

from reports.letter import build_letter
from workbook.negotiation.letter import Letter, LetterSection

TODAY = date(2026, 3, 15)


def _letter(sections) -> Letter:
    return Letter(
        lang="zh",
        title="协商还款申请书",
        addressee="尊敬的招商银行：",
        sections=sections,
        closing="此致\n敬礼",
        signature_lines=("申请人（签名）：________",),
        date_line="日期：2026年3月15日",
    )


def test_a_section_heading_never_ends_a_page(tmp_path, fonts):
    """Whatever the length of the section before it, a heading starts its section's page."""
    for count in range(26, 40):
        filler = tuple(f"第{n}段。" for n in range(count))
        letter = _letter(
            (LetterSection("一、本人情况", filler), LetterSection("二、借款情况", ("末段。",)))
        )
        out = build_letter(letter, tmp_path / f"l{count}.pdf", today=TODAY, fonts=fonts)
        first = pypdf.PdfReader(str(out)).pages[0].extract_text()
        body = first.split("1 / ")[0].replace("制作日期：2026年3月15日", "").strip()
        assert not body.endswith("二、借款情况"), count


def _summary_text(tmp_path, fonts, lang: str) -> str:
    import reports_sample as sample
    from reports_pdf import pdf_text

    from reports.summary import build_summary
    from workbook.models import DebtStatus

    data = sample.data()
    data.debts[0].lender = "安家消费金融有限公司"  # ten characters, as company names are
    data.debts[0].status = DebtStatus.NEGOTIATING
    data.debts[1].status = DebtStatus.AGREED
    data.agreements[0].reference = "AJXF-XS-20260820-017"
    out = build_summary(data, tmp_path / f"s-{lang}.pdf", lang=lang, today=TODAY, fonts=fonts)
    return pdf_text(out)


def test_summary_columns_keep_names_and_words_whole(tmp_path, fonts):
    """A lender's name, a reference and a status each fit their column on one line."""
    en = _summary_text(tmp_path, fonts, "en")
    zh = _summary_text(tmp_path, fonts, "zh")
    for text in (en, zh):
        assert "安家消费金融有限公司" in text
        assert "AJXF-XS-20260820-017" in text
    assert "In negotiation" in en
    assert "已达成协议" in zh


def test_chinese_sentences_and_lists_use_chinese_punctuation(tmp_path, fonts):
    import reports_sample as sample
    from reports_pdf import pdf_text

    from reports.commlog import build_log

    comms = sample.communications()
    comms[1].third_party = True  # two marks on one entry: a list of rules
    text = {
        lang: pdf_text(build_log(comms, tmp_path / f"{lang}.pdf", lang=lang, today=TODAY,
                                 fonts=fonts)).replace("\n", "")
        for lang in ("zh", "en")
    }  # fmt: skip
    # Chinese runs sentences on with no space and lists with a full-width semicolon.
    assert "沟通记录。不符合催收规范" in text["zh"]
    assert "1 次；" in text["zh"] and "; " not in text["zh"]
    assert "contacts. Marked against" in text["en"] and "; " in text["en"]


def test_a_table_starts_under_its_heading_not_on_the_next_page(tmp_path, fonts):
    """A heading over a long table keeps the table on its page (no blank half page)."""
    import reports_sample as sample

    from reports.schedule import build_schedule

    data = sample.data()
    out = build_schedule(
        data.agreements[0], data.debts[0], data.payments, tmp_path / "s.pdf",
        lang="en", today=TODAY, fonts=fonts,
    )  # fmt: skip
    first = pypdf.PdfReader(str(out)).pages[0].extract_text()
    assert "Instalment by instalment" in first
    assert data.agreements[0].first_due.isoformat() in first


def test_only_rows_taller_than_a_third_of_a_page_split(fonts):
    """Short rows move whole to the next page; a 5,000-character note may break."""
    import reports_sample as sample

    from reports.document import make_context, split_in_row

    ctx = make_context("zh", TODAY, fonts=fonts)
    short = [[ctx.p("招商银行"), ctx.p("AJXF-XS-20260820-017 " * 3)], ["¥1.00", "-"]]
    assert split_in_row(short, [100, 300]) == 0
    assert split_in_row([*short, [ctx.p("备注"), ctx.p(sample.LONG_NOTE)]], [100, 300]) == 1


HEADINGS = ("Debts", "Budget, per month", "Plan", "Agreements and payments",
            "Instalment by instalment", "Payments made", "What was agreed",
            "Check before you sign", "About the marks")  # fmt: skip


def test_no_page_ends_with_a_heading_even_with_tall_rows(tmp_path, fonts):
    from test_report_documents import KINDS, _build, _hostile_data

    for kind in KINDS:
        out = _build(kind, _hostile_data(), tmp_path / f"{kind}.pdf", "en", fonts)
        pages = pypdf.PdfReader(str(out)).pages
        for number, page in enumerate(pages, start=1):
            body = page.extract_text().split(f"{number} / {len(pages)}")[0].rstrip()
            assert not body.endswith(HEADINGS), (kind, number, body[-60:])

"""Every PDF, in both languages: the user's data is in it, hostile text comes out
literally, the pages are A4 and numbered, the file is private and reproducible."""

import dataclasses
import stat
from decimal import Decimal

import pypdf
import pytest
import reports_sample as sample
from reportlab.lib.pagesizes import A4
from reports_pdf import missing, pdf_text

from reports.checklist import build_checklist
from reports.commlog import build_log
from reports.letter import build_letter
from reports.schedule import build_schedule
from reports.summary import build_summary
from workbook.negotiation.letter import build_letter as letter_for
from workbook.negotiation.letter_input import LetterInput

TODAY = sample.TODAY
H = sample.HOSTILE
# The parts of the hostile text that a PDF reader must give back as typed.
HOSTILE_PIECES = ("<b>bold?</b>", "&amp;", "]]>", "[/]", "[b]x[/b]")


def _letter_input(data) -> LetterInput:
    income = sum(i.amount for i in data.incomes)
    spending = sum(e.amount for e in data.expenses)
    return LetterInput(
        profile=data.profile,
        debt=data.debts[0],
        incomes=data.incomes,
        expenses=data.expenses,
        hardships=data.hardships,
        proposal=data.proposals[0],
        budget_income=income,
        budget_spending=spending,
        surplus=income - spending,
        offered_payment=Decimal("800"),
        today=TODAY,
    )


def _build(kind: str, data, out, lang: str, fonts, name: str = "我的工作簿"):
    common = {"today": TODAY, "workbook_name": name, "fonts": fonts}
    if kind == "letter":
        return build_letter(letter_for(_letter_input(data), lang), out, **common)
    agreement, debt = data.agreements[0], data.debts[0]
    if kind == "checklist":
        return build_checklist(agreement, debt, data.profile, out, lang=lang, **common)
    if kind == "schedule":
        return build_schedule(agreement, debt, data.payments, out, lang=lang, **common)
    if kind == "summary":
        return build_summary(data, out, lang=lang, **common)
    if kind == "log":
        return build_log(data.communications, out, lang=lang, **common)
    raise AssertionError(kind)


# What each document must show of the sample data, and a title word per language.
EXPECTED = {
    "letter": (["张三", "招商银行信用卡", "CMB-2023-0001", "公司裁员"], {"zh": "协商", "en": "Application"}),
    "checklist": (["张三", "XY-2026-0042", "按时还款；逾期一次协议作废", "¥31,140.30", "李经理"],
                  {"zh": "签约确认清单", "en": "Signed-agreement checklist"}),
    "schedule": (["XY-2026-0042", "2026-02-10", "¥500.00", "P-002", "银行转账"],
                 {"zh": "还款计划表", "en": "Payment schedule"}),
    "summary": (["张三", "招商银行信用卡", "借呗 Jiebei", "¥32,000.50", "XY-2026-0042"],
                {"zh": "情况汇总", "en": "Case summary"}),
    "log": (["王女士", "说明了失业情况", "三天内发送证明材料", "录音 20260203.m4a"],
            {"zh": "沟通记录", "en": "Communication log"}),
}  # fmt: skip
KINDS = list(EXPECTED)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_document_shows_the_data(tmp_path, fonts, kind, lang):
    out = _build(kind, sample.data(), tmp_path / f"{kind}.pdf", lang, fonts)
    needles, titles = EXPECTED[kind]
    text = pdf_text(out)
    assert not missing(text, *needles, titles[lang])
    # The letter goes to a lender, the checklist to a signing: their headers name the
    # document (and the agreement reference), never the workbook.
    assert ("我的工作簿" in text) == (kind not in ("letter", "checklist"))
    reader = pypdf.PdfReader(str(out))
    pages = len(reader.pages)
    assert f"1 / {pages}" in text
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            round(A4[0]),
            round(A4[1]),
        )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert reader.metadata.title == titles[lang] or kind == "letter"


@pytest.mark.parametrize("kind", KINDS)
def test_two_builds_are_byte_identical(tmp_path, fonts, kind):
    first = _build(kind, sample.data(), tmp_path / "a.pdf", "zh", fonts)
    second = _build(kind, sample.data(), tmp_path / "b.pdf", "zh", fonts)
    assert first.read_bytes() == second.read_bytes()


def _hostile_data():
    """Hostile text in every field a user types, and a 5,000-character note."""
    data = sample.data()
    profile = dataclasses.replace(data.profile, name=H, address=sample.LONG_NOTE)
    debts = [dataclasses.replace(d, lender=f"{d.lender}{H}", product=H, contract_number=H)
             for d in data.debts]  # fmt: skip
    hardships = [dataclasses.replace(h, statement=H + sample.LONG_NOTE) for h in data.hardships]
    agreement = dataclasses.replace(
        data.agreements[0], conditions=sample.LONG_NOTE, reference=H, agent=H, payee_account=H,
        notes=H, credit_report=H, confirmed_how=H,
    )  # fmt: skip
    payments = [dataclasses.replace(p, method=H, reference=H) for p in data.payments]
    comms = [
        dataclasses.replace(c, lender=H, summary=H + sample.LONG_NOTE, agent_name=H, outcome=H)
        for c in data.communications
    ]
    return dataclasses.replace(
        data, profile=profile, debts=debts, hardships=hardships, agreements=[agreement],
        payments=payments, communications=comms,
    )  # fmt: skip


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_hostile_text_is_literal(tmp_path, fonts, kind, lang):
    out = _build(kind, _hostile_data(), tmp_path / f"{kind}.pdf", lang, fonts, name=H)
    text = pdf_text(out)
    assert not missing(text, *HOSTILE_PIECES)
    if fonts.embedded:
        assert "😀" in text
    if kind in ("letter", "checklist", "log"):
        # The 5,000-character note is all there, across pages.
        assert sample.LONG_NOTE[-200:].replace(" ", "") in text.replace(" ", "").replace("\n", "")
        # Carried over a page break, its spaces stay where they were typed.
        assert "wordsmixed" not in text and "与 English" not in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_empty_workbook_still_builds(tmp_path, fonts, lang):
    from workbook.models import Agreement, Debt, Profile
    from workbook.snapshot import WorkbookData

    empty = WorkbookData()
    common = {"lang": lang, "today": TODAY, "fonts": fonts}
    build_summary(empty, tmp_path / "s.pdf", **common)
    build_log([], tmp_path / "l.pdf", **common)
    agreement = Agreement(debt_id=1, total=Decimal("0"), instalment=Decimal("0"), count=0,
                          first_due=TODAY)  # fmt: skip
    debt = Debt(lender="", balance=Decimal("0"), id=1)
    build_schedule(agreement, debt, [], tmp_path / "p.pdf", **common)
    build_checklist(agreement, debt, Profile(), tmp_path / "c.pdf", **common)
    expected = {
        "zh": ("还没有录入债务", "没有符合条件的沟通记录"),
        "en": ("No debts entered yet", "No contacts match"),
    }
    assert not missing(pdf_text(tmp_path / "s.pdf"), expected[lang][0])
    assert not missing(pdf_text(tmp_path / "l.pdf"), expected[lang][1])


@pytest.mark.parametrize("kind", KINDS)
def test_hostile_text_builds_with_the_fallback_font_too(tmp_path, kind):
    from reports.fonts import choose_fonts

    fallback = choose_fonts(environ={}, search_system=False)
    out = _build(kind, _hostile_data(), tmp_path / f"{kind}.pdf", "zh", fallback, name=H)
    assert not missing(pdf_text(out), "<b>bold?</b>", "&amp;", "[/]")

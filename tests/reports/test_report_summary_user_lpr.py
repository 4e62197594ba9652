"""The case summary reads the user's own LPR rows as home and step 1 do: the same
verdict line, the same LPR, and the row's source as the user entered it."""

from datetime import date
from decimal import Decimal as D

from reports_pdf import missing, pdf_text

from reports.export_job import ExportJob, ExportRequest
from reports.summary import build_summary
from workbook import i18n
from workbook.models import Debt, LenderType, LprEntry, Rate, RepaymentMethod, Settings
from workbook.money.lpr import benchmark_check
from workbook.overview import build_overview, rate_warnings
from workbook.snapshot import WorkbookData

TODAY = date(2026, 7, 1)
# A user row after the built-in table's last value (3.00 % from 2025-05-20).
MINE = LprEntry(date(2026, 6, 22), D("2.5"), "PBoC site <b>2026-06-22</b>")


def _data() -> WorkbookData:
    # 11 % a year: within 4 × 3.00 % = 12 %, above 4 × 2.5 % = 10 %.
    cousin = Debt("Cousin Wang", D("10000"), lender_type=LenderType.PRIVATE,
                  principal=D("10000"), rate=Rate(D("11")), term_months=12,
                  method=RepaymentMethod.EQUAL_INSTALMENT, start_date=date(2026, 6, 25), id=2)
    return WorkbookData(debts=[cousin])


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_users_row_gives_the_same_line_in_the_pdf_as_on_home(tmp_path, fonts):
    i18n.set_language("en")
    data = _data()
    home = [w for w in build_overview(data, TODAY, [MINE]).warnings if "Cousin" in w]
    assert home == rate_warnings(data, TODAY, [MINE])
    (line,) = home
    assert "10.00%" in line and "LPR 2.5% from 2026-06-22" in line
    assert "added by you (source: PBoC site <b>2026-06-22</b>)" in line
    # step 1 reads the same row, with the same source words
    check = benchmark_check(data.debts[0], TODAY, [MINE])
    assert check.lpr == MINE and check.above_four_lpr
    assert "added by you (source: PBoC site <b>2026-06-22</b>)" in check.explanation

    out = build_summary(data, tmp_path / "s.pdf", lang="en", today=TODAY, fonts=fonts,
                        extra_lpr=[MINE])
    text = _flat(pdf_text(out))
    assert _flat(line) in text  # the very line of home, markup-like text kept as typed
    # Without the row, the built-in 3.00 % gives 12 %: no warning, in the PDF as on home.
    plain = build_summary(data, tmp_path / "p.pdf", lang="en", today=TODAY, fonts=fonts)
    assert not rate_warnings(data, TODAY)
    assert "Cousin Wang: true annual rate" not in _flat(pdf_text(plain))


def test_the_export_job_passes_the_settings_rows_in_chinese(tmp_path):
    i18n.set_language("en")
    settings = Settings(extra_lpr=[MINE])
    job = ExportJob(ExportRequest("summary", lang="zh", folder=tmp_path), _data(), settings,
                    tmp_path / "wb.json", TODAY)
    (path,) = job.run()
    text = pdf_text(path).replace("\n", "")
    assert not missing(text, "LPR 2.5%，自2026-06-22起，由您添加（来源：PBoC site <b>2026-06-22</b>）",
                       "10.00%")
    i18n.set_language("zh")
    try:
        (line,) = rate_warnings(_data(), TODAY, [MINE])
    finally:
        i18n.set_language("en")
    assert line.replace(" ", "") in text.replace(" ", "")


def test_a_users_row_without_a_source_says_so():
    i18n.set_language("en")
    bare = LprEntry(date(2026, 6, 22), D("2.5"))
    (line,) = rate_warnings(_data(), TODAY, [bare])
    assert "LPR 2.5% from 2026-06-22, added by you (no source given)" in line

"""The court drafts as PDFs: the debt's own figures read back, marked as drafts."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from reports_pdf import missing, pdf_text

from reports.court_drafts import build_court_draft
from reports.export_job import ExportJob, ExportRequest
from workbook.models import (
    Debt,
    LenderType,
    Profile,
    Rate,
    RateUnit,
    RepaymentMethod,
    Settings,
    Situation,
)
from workbook.negotiation.court_drafts import court_draft, dispute_points
from workbook.snapshot import WorkbookData

TODAY = date(2026, 12, 3)
DEBT = Debt(
    "快易借", Decimal("12146.65"), lender_type=LenderType.ONLINE_PLATFORM, id=7,
    principal=Decimal("20000.00"), upfront_deduction=Decimal("1200.00"),
    penalty_fees=Decimal("356.00"), rate=Rate(Decimal("0.6"), RateUnit.MONTH),
    method=RepaymentMethod.FLAT_FEE, term_months=12, start_date=date(2026, 5, 31),
    monthly_payment=Decimal("1906.67"), monthly_fee=Decimal("120.00"),
    situation=Situation.PAYMENT_ORDER, situation_on=TODAY,
    court_name="北京市海淀区人民法院", case_number="(2026)京0108民督123号",
)
PROFILE = Profile(name="张三 <b>&", id_number="110101199001011234", phone="13800000000")


def test_objection_pdf_reads_back_with_the_debts_figures(tmp_path):
    out = build_court_draft("objection", DEBT, PROFILE, tmp_path / "o.pdf", today=TODAY)
    assert out.stat().st_mode & 0o777 == 0o600
    assert not missing(out, "支付令异议书", "草稿", "12348", "北京市海淀区人民法院",
                       "(2026)京0108民督123号", "¥12,146.65", "¥20,000.00", "¥1,200.00",
                       "¥18,800.00", "第六百七十条", "¥356.00", "张三<b>&")


def test_the_rate_point_follows_the_lender_type():
    licensed = " ".join(dispute_points(DEBT, TODAY, "en"))
    assert "examine" in licensed and "should not be counted" not in licensed
    private = " ".join(dispute_points(replace(DEBT, lender_type=LenderType.PRIVATE), TODAY, "en"))
    assert "should not be counted" in private and "Art. 29" in private


def test_a_debt_without_reasons_still_disputes_only_the_amount():
    plain = Debt("银行", Decimal("5000"), lender_type=LenderType.BANK)
    assert len(dispute_points(plain, TODAY, "en")) == 1
    defence = court_draft("defence", plain, Profile(), TODAY, "en")
    text = " ".join(p for s in defence.sections for p in s.paragraphs)
    assert "limitation period" in text and "DRAFT" in defence.title


def test_export_kinds_write_the_drafts_in_chinese_by_default(tmp_path):
    data = WorkbookData(debts=[DEBT], profile=PROFILE)
    for kind, needle in (("objection", "支付令异议书"), ("defence", "答辩状")):
        job = ExportJob(ExportRequest(kind, debt=7, folder=tmp_path), data, Settings(),
                        tmp_path / "wb.json", TODAY)
        (path,) = job.run()
        assert path.name.startswith(f"{kind}-快易借")
        assert needle in pdf_text(path).replace("\n", "")

"""The log exported to back a complaint ends with the borrower's signed statement."""

import reports_sample as sample
from reports_pdf import missing, pdf_text

from reports.commlog import build_log


def test_statement_with_signature_and_date_only_when_asked(tmp_path, fonts):
    d = sample.data()
    common = {"lang": "zh", "today": sample.TODAY, "fonts": fonts}
    signed = pdf_text(build_log(d.communications, tmp_path / "a.pdf", statement=True, **common))
    assert not missing(signed, "声明", "本人声明：本记录由本人", "签名：", "日期：")
    assert signed.rindex("本人声明") > signed.rindex(d.communications[-1].lender[:2])
    plain = pdf_text(build_log(d.communications, tmp_path / "b.pdf", **common))
    assert "本人声明" not in plain

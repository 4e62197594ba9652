"""CSV exports open in a spreadsheet with the Chinese intact and nothing run as a formula."""

import csv
import io
import stat

import reports_sample as sample

from reports.tables import debts_csv, log_csv, payments_csv

TODAY = sample.TODAY


def _rows(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert b"\r\n" in raw
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_debts_csv(tmp_path):
    out = debts_csv(sample.debts(), tmp_path / "d.csv", lang="zh", today=TODAY)
    rows = _rows(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    header, first = rows[0], rows[1]
    assert header[:2] == ["编号", "借款机构"]
    record = dict(zip(header, first, strict=True))
    assert record["借款机构"] == "招商银行信用卡"
    assert record["余额"] == "32000.50"  # a plain number a spreadsheet can add
    assert record["利率（%）"] == "0.05" and record["利率周期"]
    assert len(rows) == 3


def test_log_csv_marks_and_filters(tmp_path):
    out = log_csv(sample.communications(), tmp_path / "l.csv", lang="en")
    rows = _rows(out)
    header = rows[0]
    records = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    assert [r["ID"] for r in records] == ["1", "2", "3"]  # oldest first
    assert "Threat or abuse" in records[1]["Marks"]
    assert records[1]["Time"] == "2026-02-03 23:10"
    one = _rows(
        log_csv(sample.communications(), tmp_path / "o.csv", lang="en", lender="借呗 Jiebei")
    )
    assert len(one) == 2


def test_payments_csv(tmp_path):
    d = sample.data()
    rows = _rows(payments_csv(d.payments, d.agreements, d.debts, tmp_path / "p.csv", lang="zh"))
    assert rows[1][1:5] == ["2026-01-09", "800", "招商银行信用卡", "XY-2026-0042"]


def test_hostile_and_formula_text(tmp_path):
    debts = sample.debts()
    debts[0].lender = '=HYPERLINK("http://x")'
    debts[0].notes = sample.HOSTILE + "\n第二行"
    rows = _rows(debts_csv(debts, tmp_path / "h.csv", lang="en", today=TODAY))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["Lender"] == '\'=HYPERLINK("http://x")'
    assert record["Notes"] == sample.HOSTILE.replace("\t", "\t") + "\n第二行"

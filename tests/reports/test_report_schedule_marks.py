"""The schedule marks a payment dated after today as planned, and has a column of empty
boxes to tick by hand."""

import dataclasses
from datetime import timedelta
from decimal import Decimal

import reports_sample as sample
from reports_pdf import pdf_text

from reports.schedule import build_schedule
from workbook.models import Payment


def test_future_payment_is_planned_not_paid_and_rows_have_boxes(tmp_path, fonts):
    d = sample.data()
    agreement = d.agreements[0]
    future = Payment(id=99, agreement_id=agreement.id, paid_on=sample.TODAY + timedelta(days=20),
                     amount=Decimal("800"), method="计划", reference="FUTURE-1")  # fmt: skip
    out = build_schedule(agreement, d.debts[0], [*d.payments, future], tmp_path / "s.pdf",
                         lang="en", today=sample.TODAY, fonts=fonts)  # fmt: skip
    text = pdf_text(out)
    flat = " ".join(text.split())
    assert "FUTURE-1 Planned, not paid yet" in flat
    past = [p for p in d.payments if p.paid_on <= sample.TODAY]
    assert flat.count(" Paid") - flat.count("Paid so far") - flat.count("Paid on") >= len(past)
    assert "Tick" in text
    if fonts.symbols is not None:
        assert text.count("\u2610") == agreement.count and "\u2611" not in text


def test_a_future_payment_does_not_count_as_paid(tmp_path, fonts):
    d = sample.data()
    agreement = dataclasses.replace(d.agreements[0])
    future = Payment(id=98, agreement_id=agreement.id, paid_on=sample.TODAY + timedelta(days=1),
                     amount=Decimal("99999"))  # fmt: skip
    with_future = pdf_text(build_schedule(agreement, d.debts[0], [*d.payments, future],
                                          tmp_path / "a.pdf", lang="en", today=sample.TODAY,
                                          fonts=fonts))  # fmt: skip
    without = pdf_text(build_schedule(agreement, d.debts[0], d.payments, tmp_path / "b.pdf",
                                      lang="en", today=sample.TODAY, fonts=fonts))  # fmt: skip
    paid_line = lambda t: next(ln for ln in t.splitlines() if "instalments)" in ln)  # noqa: E731
    assert paid_line(with_future) == paid_line(without)

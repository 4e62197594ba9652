"""A user's LPR row keeps where they read it on disk; rows saved before that field open."""

import dataclasses
import json
from datetime import date
from decimal import Decimal

from storage import Workbook
from workbook.models import LprEntry


def test_the_source_survives_a_reopen_and_old_rows_open_without_one(tmp_path):
    path = tmp_path / "wb.json"
    row = LprEntry(date(2026, 6, 22), Decimal("2.9"), "中国人民银行 <b>网站</b>")
    with Workbook.open(path) as wb:
        wb.save_settings(dataclasses.replace(wb.settings(), extra_lpr=[row]))
    with Workbook.open(path) as wb:
        assert wb.settings().extra_lpr == [row]
    stored = json.loads(path.read_text(encoding="utf-8"))
    (record,) = next(iter(stored["settings"].values()))["extra_lpr"]
    assert record == {"start": "2026-06-22", "percent": "2.9", "source": row.source}
    record.pop("source")  # as written before the field existed
    path.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
    with Workbook.open(path) as wb:
        assert wb.settings().extra_lpr == [LprEntry(date(2026, 6, 22), Decimal("2.9"))]

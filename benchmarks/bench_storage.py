"""Storage costs, as ratios against TinyDB's own JSONStorage measured in the same run.

1. One save (one new log entry) in a workbook that already holds 10,000 log entries:
   our durable write (temp file, fsync, rename, fsync folder) against TinyDB's
   in-place JSONStorage insert on a copy of the same data.
2. Opening a workbook of 500 debts and 10,000 log entries and reading every record as
   domain objects, against TinyDB opening the same file and reading the raw documents.

Run: python benchmarks/bench_storage.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import JSONStorage

from storage import Workbook
from workbook.models import Channel, Communication, Debt, Direction, Rate, RateUnit


def _debts(n: int) -> list[Debt]:
    return [
        Debt(lender=f"机构{i}", balance=Decimal(1000 + i) + Decimal("0.45"),
             rate=Rate(Decimal("18"), RateUnit.YEAR), due_day=1 + i % 28)
        for i in range(n)
    ]


def _comms(n: int) -> list[Communication]:
    start = datetime(2026, 1, 1, 9, 0)
    return [
        Communication(
            at=start + timedelta(minutes=37 * i), lender=f"机构{i % 500}",
            channel=Channel.PHONE, direction=Direction.INCOMING if i % 3 else Direction.OUTGOING,
            summary=f"第{i}次沟通：对方要求本周内还款，我说明了收入下降的情况。",
        )
        for i in range(n)
    ]


def _timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "big.json"
        with Workbook.open(path) as wb:
            wb.debts.add_many(_debts(500))
            wb.communications.add_many(_comms(10_000))
        plain_path = folder / "plain.json"
        plain_path.write_bytes(path.read_bytes())
        extra = _comms(1)[0]

        with Workbook.open(path) as wb:
            ours_save = _timed(lambda: wb.communications.add(extra), args.repeat)
        plain = TinyDB(plain_path, storage=JSONStorage, encoding="utf-8", ensure_ascii=False)
        doc = {"at": extra.at.isoformat(), "lender": extra.lender, "summary": extra.summary}
        base_save = _timed(lambda: plain.table("communications").insert(doc), args.repeat)
        plain.close()

        def open_ours() -> None:
            with Workbook.open(path, read_only=True) as wb:
                wb.debts.list()
                wb.communications.list()

        def open_plain() -> None:
            db = TinyDB(plain_path, storage=JSONStorage, encoding="utf-8")
            db.table("debts").all()
            db.table("communications").all()
            db.close()

        ours_open = _timed(open_ours, args.repeat)
        base_open = _timed(open_plain, args.repeat)

    rows = [
        ("one save, 10,000-entry log", ours_save, base_save),
        ("open 500 debts + 10,000 log entries", ours_open, base_open),
    ]
    print(f"{'measure':40} {'ours':>10} {'TinyDB':>10} {'ratio':>7}")
    for name, ours, base in rows:
        print(f"{name:40} {ours * 1000:8.1f}ms {base * 1000:8.1f}ms {ours / base:6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

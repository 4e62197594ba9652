"""How opening, saving and exporting grow with the log: 1,000 to 50,000 entries.

For each size a fresh process makes a workbook of 50 debts and N log entries, then:
- open: `Workbook.open` as the app opens it (lock, check every record, backup) and
  every table read as records (what the first full screen needs);
- save: one new log entry written durably (median of 5);
- export: the whole log as a PDF (`reports.commlog.build_log`), and its peak memory.
Each time is also shown per 1,000 entries: flat (or falling) means linear or better.

Run: python -m benchmarks.bench_scale [--sizes 1000,5000,10000,25000,50000]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (1_000, 5_000, 10_000, 25_000, 50_000)
TODAY = date(2026, 3, 15)


def measure(n: int) -> dict[str, float]:
    from benchmarks.bench_log_pdf import communications
    from benchmarks.bench_storage import _debts
    from reports.commlog import build_log
    from reports.fonts import choose_fonts
    from storage import Workbook

    fonts = choose_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "wb.json"
        comms = communications(n + 5)
        with Workbook.open(path) as wb:
            wb.debts.add_many(_debts(50))
            wb.communications.add_many([c.__class__(**{**c.__dict__, "id": None})
                                        for c in comms[:n]])  # fmt: skip
        t0 = time.perf_counter()
        wb = Workbook.open(path)
        data = wb.snapshot()
        opened = time.perf_counter() - t0
        saves = []
        for extra in comms[n:]:
            t0 = time.perf_counter()
            wb.communications.add(extra.__class__(**{**extra.__dict__, "id": None}))
            saves.append(time.perf_counter() - t0)
        wb.close()
        size_mb = path.stat().st_size / 1e6
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0 = time.perf_counter()
        build_log(data.communications, Path(tmp) / "log.pdf", lang="zh", today=TODAY, fonts=fonts)
        exported = time.perf_counter() - t0
        pdf_mb = (Path(tmp) / "log.pdf").stat().st_size / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "entries": n, "open": opened, "save": statistics.median(saves), "export": exported,
        "file_mb": size_mb, "pdf_mb": pdf_mb, "rss_before_mb": before, "peak_mb": peak,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child's job
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one)))
        return 0
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_scale", "--one", str(n)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    first = rows[0]
    print("growth with the log (50 debts; open = lock, check, backup, read every record)")
    print(f"{'entries':>8} {'file':>7} {'open':>8} {'save':>8} {'PDF':>8} {'PDF MB':>8} "
          f"{'peak':>7}   per 1,000 entries: open / save / PDF, as x the first row")  # fmt: skip
    for r in rows:
        k = r["entries"] / 1000
        rel = [
            (r[m] / k) / (first[m] / (first["entries"] / 1000)) for m in ("open", "save", "export")
        ]
        print(
            f"{r['entries']:>8,} {r['file_mb']:6.1f}M {r['open'] * 1000:6.0f}ms "
            f"{r['save'] * 1000:6.0f}ms {r['export']:7.1f}s {r['pdf_mb']:7.1f}M "
            f"{r['peak_mb']:5.0f}MB   {rel[0]:.2f} / {rel[1]:.2f} / {rel[2]:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

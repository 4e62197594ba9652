"""Exporting a 10,000-entry communication log to PDF, against a plain reportlab table.

Both build A4 PDFs from the same rows in the same run, with the same embedded CJK font:
- ours: `reports.commlog.build_log` (escaped Paragraphs that wrap, conduct marks,
  "n / N" page numbers, the header on every page, a private atomic write);
- baseline: one `Table` of plain strings (no wrapping, no markup), header repeated,
  built with `SimpleDocTemplate` into memory: the least reportlab can do with the rows.
Reports each time (median of --repeat runs; wall clock and this process's CPU time,
which a busy machine disturbs less), the pages, and the ratios ours / baseline.

Run: python benchmarks/bench_log_pdf.py [--entries 10000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pypdf
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate, Table

from reports.commlog import build_log
from reports.fonts import choose_fonts
from reports.styles import grid_table_style
from workbook.models import Channel, Communication, Direction

TODAY = date(2026, 3, 15)
LENDERS = ("招商银行信用卡", "借呗 Jiebei", "安家消费金融有限公司", "快易借", "京华银行")
SUMMARIES = (
    "对方要求尽快还款，我说明了收入下降的情况。",
    "Asked for a longer term; they will call back after review.",
    "催收员语气强硬，称要联系我的家人。我要求对方只与我本人沟通。",
    "在线客服：提交了延期申请，需要补充失业证明和银行流水。",
)


def communications(n: int) -> list[Communication]:
    """`n` varied entries, some at night and some flagged, as a real log would be."""
    start = datetime(2024, 1, 1, 8, 0)
    out = []
    for i in range(n):
        at = start + timedelta(hours=3 * i + (i % 5))
        out.append(
            Communication(
                id=i + 1,
                at=at,
                lender=LENDERS[i % len(LENDERS)],
                channel=(Channel.PHONE, Channel.SMS, Channel.ONLINE_CHAT)[i % 3],
                direction=Direction.INCOMING if i % 2 else Direction.OUTGOING,
                agent_name=f"坐席{i % 37}",
                agent_id=f"A{1000 + i % 500}",
                summary=f"第{i + 1}次：{SUMMARIES[i % len(SUMMARIES)]}" * (1 + i % 3),
                their_offer="减免部分罚息，分24期" if i % 4 == 0 else "",
                outcome="待跟进",
                third_party=i % 97 == 0,
                threat_or_abuse=i % 211 == 0,
            )
        )
    return out


def baseline(comms: list[Communication], font: str) -> bytes:
    rows = [["When", "Lender", "Agent", "Summary"]]
    for c in comms:
        rows.append([c.at.strftime("%Y-%m-%d %H:%M"), c.lender, c.agent_name, c.summary[:40]])
    style = grid_table_style()
    style.add("FONTNAME", (0, 0), (-1, -1), font)
    style.add("FONTSIZE", (0, 0), (-1, -1), 9)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, invariant=1)
    doc.build([Table(rows, repeatRows=1, style=style)])
    return buffer.getvalue()


def _timed(fn, repeat: int) -> tuple[float, float, object]:
    """Median wall-clock and CPU seconds of `repeat` runs, and the last result."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    fonts = choose_fonts()
    if not fonts.embedded:
        print("warning: no CJK TrueType font; both builds use the CID fallback", file=sys.stderr)
    comms = communications(args.entries)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "log.pdf"
        ours_s, ours_cpu, _ = _timed(
            lambda: build_log(comms, out, lang="zh", today=TODAY, fonts=fonts), args.repeat
        )
        ours_pages = len(pypdf.PdfReader(str(out)).pages)
        ours_bytes = out.stat().st_size
    base_s, base_cpu, raw = _timed(lambda: baseline(comms, fonts.regular), args.repeat)
    base_pages = len(pypdf.PdfReader(io.BytesIO(raw)).pages)
    print(f"log entries: {args.entries:,}  (median of {args.repeat})")
    print(
        f"  ours     {ours_s:7.2f} s ({ours_cpu:6.2f} s CPU)  {ours_pages:5} pages  "
        f"{ours_bytes / 1e6:5.1f} MB"
    )
    print(
        f"  baseline {base_s:7.2f} s ({base_cpu:6.2f} s CPU)  {base_pages:5} pages  "
        f"{len(raw) / 1e6:5.1f} MB"
    )
    print(f"  ratio ours / baseline: {ours_s / base_s:.2f}x ({ours_cpu / base_cpu:.2f}x CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

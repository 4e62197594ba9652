"""Exporting a 10,000-entry communication log to PDF, against a plain reportlab table.

Both build A4 PDFs from the same rows in the same run, with the same embedded CJK font:
- ours: `reports.commlog.build_log` (escaped Paragraphs that wrap, conduct marks,
  "n / N" page numbers, the header on every page, a private atomic write);
- baseline: one `Table` of plain strings (no wrapping, no markup), header repeated,
  built with `SimpleDocTemplate` into memory: the least reportlab can do with the rows.
Each build runs in a fresh process (ours, baseline, ours, ... --repeat times each), so
each has its own peak memory (VmHWM) and neither inherits the other's heap. Reports
the median wall clock and CPU time (a busy machine disturbs CPU time less), the pages,
the peak memory, and the ratios ours / baseline. Once more, "ours, story held whole":
the same export with every flowable made before the layout starts (as before the
story was streamed), for its peak memory.

Run: python -m benchmarks.bench_log_pdf [--entries 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
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


KINDS = ("ours", "baseline", "whole")


def child(kind: str, entries: int) -> dict[str, float]:
    """One build in this (fresh) process: times, pages, size, memory."""
    fonts = choose_fonts()
    comms = communications(entries)
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "log.pdf"
        if kind == "whole":
            _hold_story_whole()
        w0, c0 = time.perf_counter(), time.process_time()
        if kind == "baseline":
            raw = baseline(comms, fonts.regular)
        else:
            build_log(comms, out, lang="zh", today=TODAY, fonts=fonts)
            raw = out.read_bytes()
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = len(pypdf.PdfReader(io.BytesIO(raw)).pages)
    return {"wall": wall, "cpu": cpu, "pages": pages, "mb": len(raw) / 1e6,
            "peak_mb": peak_mb, "before_mb": before_mb, "embedded": fonts.embedded}


def _hold_story_whole() -> None:
    """The export as it was before streaming: every flowable made before layout."""
    from reports import commlog
    from reports.document import StoryFeed

    made = commlog.log_story
    commlog.log_story = lambda *a, **k: list(made(*a, **k))  # type: ignore[assignment]
    StoryFeed.FEED_AHEAD = 10**9


def _run(kind: str, entries: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_log_pdf", "--child", kind,
         "--entries", str(entries)],
        cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=KINDS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.entries)))
        return 0
    runs: dict[str, list[dict[str, float]]] = {"ours": [], "baseline": []}
    for _ in range(args.repeat):
        for kind in runs:
            runs[kind].append(_run(kind, args.entries))
    whole = _run("whole", args.entries)
    if not runs["ours"][0]["embedded"]:
        print("warning: no CJK TrueType font; both builds use the CID fallback", file=sys.stderr)
    med = {kind: {k: statistics.median(r[k] for r in rs) for k in ("wall", "cpu", "peak_mb")}
           for kind, rs in runs.items()}  # fmt: skip
    print(f"log entries: {args.entries:,}  (each build a fresh process; median of {args.repeat})")
    for kind, label in (("ours", "ours    "), ("baseline", "baseline")):
        r, m = runs[kind][0], med[kind]
        print(f"  {label} {m['wall']:7.2f} s ({m['cpu']:6.2f} s CPU)  {int(r['pages']):5} pages  "
              f"{r['mb']:5.1f} MB PDF  peak memory {m['peak_mb']:5.0f} MB")  # fmt: skip
    o, b = med["ours"], med["baseline"]
    walls = [ours["wall"] / base["wall"] for ours, base in zip(runs["ours"], runs["baseline"], strict=True)]
    print(f"  ratio ours / baseline: {o['wall'] / b['wall']:.2f}x ({o['cpu'] / b['cpu']:.2f}x CPU;"
          f" wall ratio of each pair {min(walls):.2f}-{max(walls):.2f})")  # fmt: skip
    print(f"  peak memory: ours {o['peak_mb']:.0f} MB, story held whole {whole['peak_mb']:.0f} MB,"
          f" baseline {b['peak_mb']:.0f} MB (before the build: {whole['before_mb']:.0f} MB)")
    print(f"  peak memory ratio ours / baseline: {o['peak_mb'] / b['peak_mb']:.2f}x")
    print(f"summary: {args.entries:,}-entry log to PDF {o['wall'] / b['wall']:.2f}x a plain "
          f"reportlab table ({o['cpu'] / b['cpu']:.2f}x CPU; goal <= 1.5x)")
    print(f"summary: log PDF peak memory {o['peak_mb']:.0f} MB (story held whole "
          f"{whole['peak_mb']:.0f} MB, plain table {b['peak_mb']:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

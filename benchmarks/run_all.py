"""Run every benchmark in one go and print their tables (the README quotes them).

Each benchmark measures ratios against a baseline built in the same run, so the
figures compare like with like on whatever machine runs them.
Run: python -m benchmarks.run_all   (needs the `bench` extra: pip install -e '.[bench]')
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = (
    "bench_startup",
    "bench_steps",
    "bench_schedule",
    "bench_storage",
    "bench_tui",
    "bench_log_pdf",
)


SUMMARY = "summary: "  # lines the benchmarks mark for the closing table


def main() -> int:
    failed = 0
    started = time.perf_counter()
    summary: list[str] = []
    for name in BENCHMARKS:
        print(f"## {name}", flush=True)
        with subprocess.Popen(
            [sys.executable, "-m", f"benchmarks.{name}"], cwd=ROOT, stdout=subprocess.PIPE,
            text=True,
        ) as child:  # fmt: skip
            assert child.stdout is not None
            for line in child.stdout:
                print(line, end="", flush=True)
                if line.startswith(SUMMARY):
                    summary.append(line[len(SUMMARY):].rstrip())
        failed |= child.returncode != 0
        print(flush=True)
    print("## the issue's measures, from this run")
    for line in summary:
        print(f"  {line}")
    print(f"run_all took {time.perf_counter() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

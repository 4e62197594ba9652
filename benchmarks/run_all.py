"""Run every benchmark in one go and print their tables (the README quotes them).

Each benchmark measures ratios against a baseline built in the same run, so the
figures compare like with like on whatever machine runs them.
Run: python -m benchmarks.run_all   (needs the `bench` extra: pip install -e '.[bench]')
"""

from __future__ import annotations

import subprocess
import sys
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


def main() -> int:
    failed = 0
    for name in BENCHMARKS:
        print(f"## {name}", flush=True)
        result = subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], cwd=ROOT)
        failed |= result.returncode != 0
        print(flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

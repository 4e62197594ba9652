"""Loan maths against numpy-financial, on the same inputs in the same run.

For each case: our Decimal schedule plus its true rate (build_schedule +
true_rate_of_schedule) against numpy-financial's float pmt + irr on the same loan and
the same cash flows. Checks that the instalments agree to the cent and the monthly
IRRs to 1e-6, and reports the time ratio (ours / numpy-financial). Exits 1 if any
result disagrees. numpy-financial is a benchmark-only dependency (the `bench` extra).

Run: python benchmarks/bench_schedule.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import numpy_financial as npf

from workbook.models import Rate, RateUnit, RepaymentMethod
from workbook.money.schedule import build_schedule, monthly_rate
from workbook.money.truerate import true_rate_of_schedule

CASES = [
    (
        "等额本息 1,000,000 @ 4.9%/yr x 360",
        Decimal("1000000"),
        Rate(Decimal("4.9")),
        360,
        RepaymentMethod.EQUAL_INSTALMENT,
    ),
    (
        "等额本金 1,000,000 @ 4.9%/yr x 360",
        Decimal("1000000"),
        Rate(Decimal("4.9")),
        360,
        RepaymentMethod.EQUAL_PRINCIPAL,
    ),
    (
        "等本等息 12,000 @ 0.6%/mo x 12",
        Decimal("12000"),
        Rate(Decimal("0.6"), RateUnit.MONTH),
        12,
        RepaymentMethod.FLAT_FEE,
    ),
]
CENT_TOLERANCE = Decimal("0.01")
RATE_TOLERANCE = 1e-6


def _timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def _case(name, principal, rate, months, method, repeat) -> tuple[list[str], bool]:
    first = date(2026, 2, 1)

    def ours():
        rows = build_schedule(principal, rate, months, method, first)
        return rows, true_rate_of_schedule(principal, rows)

    rows, true = ours()
    flows = [-float(principal)] + [float(row.payment) for row in rows]
    r = float(monthly_rate(rate))

    def theirs():
        return npf.pmt(r, months, -float(principal)), npf.irr(flows)

    pmt, their_irr = theirs()
    ok = True
    if method == RepaymentMethod.EQUAL_INSTALMENT:
        # numpy's pmt, rounded to the cent, is our instalment.
        pmt_cents = Decimal(repr(float(pmt))).quantize(CENT_TOLERANCE, rounding=ROUND_HALF_UP)
        pmt_ok = pmt_cents == rows[0].payment
        ok &= pmt_ok
        pmt_text = f"{pmt_cents} vs {rows[0].payment} {'ok' if pmt_ok else 'DIFFERENT'}"
    else:
        pmt_text = "n/a"
    irr_gap = abs(float(true.monthly) - their_irr)
    irr_ok = irr_gap <= RATE_TOLERANCE
    ok &= irr_ok
    t_ours = _timed(ours, repeat)
    t_theirs = _timed(theirs, repeat)
    line = [
        name,
        f"{t_ours * 1000:.2f}",
        f"{t_theirs * 1000:.2f}",
        f"{t_ours / t_theirs:.2f}",
        pmt_text,
        f"{true.monthly:.8f} vs {their_irr:.8f} (gap {irr_gap:.1e}) {'ok' if irr_ok else 'DIFFERENT'}",
        f"APR {true.apr * 100:.2f}% EAR {true.ear * 100:.2f}%",
    ]
    return line, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    header = [
        "case",
        "ours ms",
        "npf ms",
        "ratio",
        "instalment (cents)",
        "monthly IRR",
        "true rate",
    ]
    lines = []
    all_ok = True
    for case in CASES:
        line, ok = _case(*case, args.repeat)
        lines.append(line)
        all_ok &= ok
    print(
        "Schedule + true rate (ours, Decimal) vs numpy-financial pmt + irr (float); "
        f"median of {args.repeat}"
    )
    for row in [header, *lines]:
        print(" | ".join(row))
    print("agreement:", "all results agree" if all_ok else "RESULTS DISAGREE")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())

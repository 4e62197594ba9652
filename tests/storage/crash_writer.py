"""A writer for the crash test: adds debts one by one and reports each id once stored.

Run as `python crash_writer.py WORKBOOK RUN`. Prints "ready" after opening, then
"<id> <balance>" after each `add` has returned, flushing every line, until killed.
Between debts it adds and deletes a long log entry, so the file also shrinks: an
in-place writer killed between its write and its truncate leaves a tail that does
not parse (TinyDB's JSONStorage does exactly that).
"""

import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from storage import Workbook
from workbook.models import Communication, Debt

path, run = Path(sys.argv[1]), int(sys.argv[2])
wb = Workbook.open(path)
print("ready", flush=True)
n = 0
while True:
    n += 1
    entry = wb.communications.add(
        Communication(
            at=datetime(2024, 1, 1, 9, 0),
            lender="某某消费金融",
            summary="催收电话，要求三天内还清。" * (20 + n % 17),
        )
    )
    wb.communications.delete(entry.id)
    balance = Decimal(f"{run}{n:04d}.{n % 100:02d}")
    debt = wb.debts.add(Debt(lender=f"贷款方 {run}-{n}", balance=balance, notes="备注" * (n % 13)))
    print(debt.id, balance, flush=True)

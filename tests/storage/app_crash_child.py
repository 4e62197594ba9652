"""The child of the application-level crash test (test_app_crash.py), killed at random.

Run as `python app_crash_child.py WORKBOOK` (a fork server: the imports are paid once).
It reads `run SEED FIFO` on stdin, forks a child that writes its lines into FIFO,
and prints the child's pid; `reap PID` waits for that child and prints its status.
The child uses the workbook the way the
app does: opens it (which backs it up and cleans up), adds and deletes debts, adds
and removes long log entries, takes backups, exports, restores the newest good
backup and opens again, in a random order, until it is killed. Before each step it
prints `start <step> ...` and after it `done <step> ...`, flushing every line, so the
parent knows which changes were acknowledged and which one was pending at the kill:

    start open / done open
    start add <balance> / done add <id> <balance>
    start delete <id> / done delete <id>
    start log / done log                       (no change to the debts)
    start backup / done backup
    start export / done export
    start restore <id>=<balance>,... / done restore <id>=<balance>,...
"""

import os
import random
import sys
import traceback
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from storage import Workbook
from storage.backup import newest_good_backup, restore_backup, take_backup
from storage.transfer import export_json
from workbook.models import Communication, Debt

STEPS = ["add", "delete", "log", "backup", "export", "restore", "open"]
WEIGHTS = [4, 1, 1, 2, 2, 2, 2]


def say(*words: object) -> None:
    print(*words, flush=True)


def state(wb: Workbook) -> str:
    return ",".join(f"{d.id}={d.balance}" for d in wb.debts.list())


def run(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    say("start open")
    wb = Workbook.open(path)
    say("done open")
    n = 0
    while True:
        n += 1
        step = rng.choices(STEPS, WEIGHTS)[0]
        if step == "add":
            balance = Decimal(f"{seed}{n:04d}.{n % 100:02d}")
            say("start add", balance)
            debt = wb.debts.add(Debt(lender=f"贷款方 {seed}-{n}", balance=balance))
            say("done add", debt.id, balance)
        elif step == "delete":
            debts = wb.debts.list()
            if debts:
                victim = rng.choice(debts).id
                say("start delete", victim)
                wb.debts.delete(victim)
                say("done delete", victim)
        elif step == "log":
            say("start log")
            entry = wb.communications.add(
                Communication(
                    at=datetime(2024, 1, 1, 9, 0),
                    lender="某某消费金融",
                    summary="催收电话，要求三天内还清。" * (20 + n % 17),
                )
            )
            wb.communications.delete(entry.id)  # the file shrinks again
            say("done log")
        elif step == "backup":
            say("start backup")
            take_backup(path)
            say("done backup")
        elif step == "export":
            say("start export")
            export_json(wb, path.parent / "exports" / "workbook-export.json")
            say("done export")
        elif step == "restore":
            wb.close()
            backup = newest_good_backup(path)
            if backup is not None:
                with Workbook.open(backup, read_only=True) as old:
                    restored = state(old)
                say("start restore", restored)
                restore_backup(path, backup)
                say("done restore", restored)
            say("start open")
            wb = Workbook.open(path)
            say("done open")
        else:
            wb.close()
            say("start open")
            wb = Workbook.open(path)
            say("done open")


def serve(path: Path) -> None:
    for line in sys.stdin:
        words = line.split()
        if words[0] == "run":
            pid = os.fork()
            if pid == 0:  # the child: its stdout is the FIFO until it is killed
                try:
                    fd = os.open(words[2], os.O_WRONLY)
                    os.dup2(fd, 1)
                    os.close(fd)
                    run(path, int(words[1]))
                except BaseException:
                    traceback.print_exc()
                finally:
                    os._exit(3)
            print(pid, flush=True)
        elif words[0] == "reap":
            _, status = os.waitpid(int(words[1]), 0)
            print(status, flush=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))

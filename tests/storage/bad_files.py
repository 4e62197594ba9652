"""A generated corpus of files that are not a workbook this program may open.

`make_corpus(folder)` writes one file (or link, folder, FIFO) per kind into its own
sub-folder and returns kind -> path. `fingerprint(path)` is what must not change.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from storage import SCHEMA_VERSION, Workbook
from storage.private import MAX_READ_BYTES
from workbook.models import Agreement, Debt


def good_workbook_bytes(folder: Path) -> bytes:
    path = folder / "good.json"
    from datetime import date

    with Workbook.open(path) as wb:
        debt = wb.debts.add(Debt(lender="招商银行", balance=Decimal("100.00"), due_day=5))
        wb.agreements.add(
            Agreement(
                debt_id=debt.id,
                total=Decimal("100.00"),
                instalment=Decimal("10.00"),
                count=10,
                first_due=date(2026, 1, 5),
            )
        )
    raw = path.read_bytes()
    for item in folder.iterdir():
        if item.is_file():
            item.unlink()
    return raw


def _replace(old: str, new: str) -> Callable[[bytes], bytes]:
    def damage(raw: bytes) -> bytes:
        text = raw.decode("utf-8")
        assert old in text, old
        return text.replace(old, new, 1).encode("utf-8")

    return damage


def _newer(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    return json.dumps(data).encode()


CONTENTS: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda raw: b"",
    "blank": lambda raw: b" \n\t\n",
    "truncated": lambda raw: raw[: len(raw) // 2],
    "one byte": lambda raw: b"{",
    "nul bytes": lambda raw: b"\x00" * 4096,
    "binary": lambda raw: bytes(range(256)) * 64,
    "png": lambda raw: b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
    "utf-16": lambda raw: raw.decode("utf-8").encode("utf-16"),
    "not utf-8": lambda raw: raw.replace("招".encode(), b"\xff\xfe"),
    "a list": lambda raw: b"[1, 2, 3]",
    "a string": lambda raw: b'"workbook"',
    "a number": lambda raw: b"42",
    "null": lambda raw: b"null",
    "table not a table": lambda raw: b'{"debts": 5}',
    "record not a record": lambda raw: b'{"debts": {"1": 5}}',
    "bad key": lambda raw: b'{"debts": {"first": {}}}',
    "nested deeply": lambda raw: b"[" * 100_000 + b"]" * 100_000,
    "text where a number goes": _replace('"overdue_days":0', '"overdue_days":"3"'),
    "not a number": _replace('"balance":"100.00"', '"balance":"abc"'),
    "NaN": _replace('"balance":"100.00"', '"balance":"NaN"'),
    "bad status": _replace('"status":"current"', '"status":"weird"'),
    "bad date": _replace('"first_due":"2026-01-05"', '"first_due":"2026-02-30"'),
    "table a list": lambda raw: b'{"debts": []}',
    "yes/no as a number": _replace('"overdue_days":0', '"overdue_days":true'),
    "due day 99": _replace('"due_day":5', '"due_day":99'),
    "due day 0": _replace('"due_day":5', '"due_day":0'),
    "year 1": _replace('"first_due":"2026-01-05"', '"first_due":"0001-01-01"'),
    "date 9999-12-31": _replace('"first_due":"2026-01-05"', '"first_due":"9999-12-31"'),
    "amount 1e400": _replace('"balance":"100.00"', '"balance":1e400'),
    "5000-digit integer": _replace('"overdue_days":0', '"overdue_days":' + "9" * 5000),
    "5000-digit key": _replace('"debts":{"1":', '"debts":{"' + "9" * 5000 + '":'),
    "missing field": _replace('"lender":"招商银行",', ""),
    "bad schema version": _replace('"schema_version":1', '"schema_version":"one"'),
    "negative schema version": _replace('"schema_version":1', '"schema_version":-1'),
    "newer schema": _newer,
}

# Kinds that are not plain files with content.
SPECIAL = (
    "directory",
    "dangling symlink",
    "symlink loop",
    "symlink to a damaged file",
    "symlink to /dev/zero",
    "fifo",
    "huge",
)


def make_corpus(folder: Path) -> dict[str, Path]:
    good = good_workbook_bytes(folder)
    corpus: dict[str, Path] = {}
    for n, (kind, damage) in enumerate(CONTENTS.items()):
        home = folder / f"c{n:02d}"
        home.mkdir(mode=0o700)
        path = home / "workbook.json"
        path.write_bytes(damage(good))
        os.chmod(path, 0o600)
        corpus[kind] = path
    for n, kind in enumerate(SPECIAL):
        home = folder / f"s{n:02d}"
        home.mkdir(mode=0o700)
        path = home / "workbook.json"
        if kind == "directory":
            path.mkdir()
        elif kind == "dangling symlink":
            path.symlink_to(home / "nowhere" / "w.json")
        elif kind == "symlink loop":
            path.symlink_to(home / "workbook.json")
        elif kind == "symlink to a damaged file":
            (home / "real.json").write_bytes(good[:-10])
            path.symlink_to(home / "real.json")
        elif kind == "symlink to /dev/zero":
            path.symlink_to("/dev/zero")
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "huge":
            with open(path, "wb") as handle:  # sparse: costs no disk
                handle.truncate(MAX_READ_BYTES + 1)
        corpus[kind] = path
    if os.geteuid() != 0:  # root reads any file: test_second_user.py covers it there
        home = folder / "unreadable"
        home.mkdir(mode=0o700)
        path = home / "workbook.json"
        path.write_bytes(good)
        os.chmod(path, 0o000)
        corpus["unreadable"] = path
    return corpus


def fingerprint(path: Path) -> dict[str, object]:
    """What must be identical afterwards: the folder's entries, and every file's bytes
    (a hash; a huge file by its size and time), never following /dev or a FIFO."""
    home = path.parent
    seen: dict[str, object] = {}
    for item in sorted(home.rglob("*")):
        info = item.lstat()
        name = str(item.relative_to(home))
        if item.is_symlink():
            seen[name] = ("link", os.readlink(item))
        elif item.is_dir():
            seen[name] = ("dir", info.st_mode)
        elif not item.is_file():
            seen[name] = ("special", info.st_mode)
        elif info.st_size > 64 * 1024 * 1024:
            seen[name] = ("huge", info.st_size, info.st_mtime_ns)
        else:
            digest = hashlib.sha256(item.read_bytes()).hexdigest()
            seen[name] = ("file", digest, info.st_mode, info.st_mtime_ns)
    return seen

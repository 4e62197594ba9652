"""One writer at a time: a second process is refused and told who holds the workbook."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

from storage import Workbook, WorkbookLocked
from storage.lock import WorkbookLock, holder, lock_path
from workbook.i18n import set_language
from workbook.models import Debt

SECOND = textwrap.dedent(
    """
    import sys
    from workbook.i18n import set_language
    from storage import Workbook, WorkbookLocked
    set_language(sys.argv[2])
    try:
        Workbook.open(sys.argv[1])
    except WorkbookLocked as error:
        print(error.message)
        sys.exit(3)
    print("opened")
    """
)


def _second_process(path: Path, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SECOND, str(path), lang],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
    )


def test_a_second_process_is_refused_with_who_when_and_read_only(wb_path: Path):
    with Workbook.open(wb_path) as wb:
        wb.debts.add(Debt(lender="A", balance=Decimal("1")))
        before = wb_path.read_bytes()
        result = _second_process(wb_path)
        assert result.returncode == 3, result.stderr
        message = result.stdout.strip()
        assert "\n" not in message
        assert str(wb_path) in message
        assert f"process {os.getpid()}" in message
        assert socket.gethostname() in message
        assert "since 20" in message
        assert "--read-only" in message
        assert wb_path.read_bytes() == before
        chinese = _second_process(wb_path, "zh").stdout
        assert "只读" in chinese and str(os.getpid()) in chinese
    assert _second_process(wb_path).stdout.strip() == "opened"  # free once closed


def test_the_same_process_cannot_open_it_twice_either(wb_path: Path):
    with Workbook.open(wb_path):
        with pytest.raises(WorkbookLocked) as caught:
            Workbook.open(wb_path)
        assert caught.value.pid == os.getpid()
        assert caught.value.host == socket.gethostname()
        assert caught.value.since is not None


def test_read_only_opens_while_locked_and_takes_no_lock(wb_path: Path):
    with Workbook.open(wb_path) as wb:
        wb.debts.add(Debt(lender="A", balance=Decimal("1")))
        with Workbook.open(wb_path, read_only=True) as viewer:
            assert [d.lender for d in viewer.debts.list()] == ["A"]
        assert holder(wb_path).pid == os.getpid()
    assert holder(wb_path) is None
    with Workbook.open(wb_path, read_only=True):
        Workbook.open(wb_path).close()  # a viewer does not block a writer


def test_a_killed_holder_leaves_no_stale_lock(wb_path: Path):
    code = (
        "import sys, time; from storage import Workbook; "
        "wb = Workbook.open(sys.argv[1]); print('ready', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(wb_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        assert holder(wb_path).pid == proc.pid
        with pytest.raises(WorkbookLocked):
            Workbook.open(wb_path)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    Workbook.open(wb_path).close()


def test_lock_file_is_private_and_names_the_holder(wb_path: Path):
    wb_path.parent.mkdir(mode=0o700)
    lock = WorkbookLock.acquire(wb_path)
    try:
        assert lock_path(wb_path).stat().st_mode & 0o777 == 0o600
        assert str(os.getpid()) in lock_path(wb_path).read_text(encoding="utf-8")
    finally:
        lock.release()
    lock.release()
    assert holder(wb_path) is None


def test_locked_message_in_chinese(wb_path: Path):
    set_language("zh")
    message = WorkbookLocked(wb_path, 42, "laptop", None).message
    assert "42" in message and "laptop" in message and "--read-only" in message
    assert "正在另一个" in message

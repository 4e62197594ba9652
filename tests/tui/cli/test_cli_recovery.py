"""Recovering a workbook from the command line, as a user would: the advice in an error
message is a command that works when typed as written, in the user's saved language."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from storage import Workbook, WorkbookLocked
from storage.backup import list_backups
from tui.cli import main as cli
from tui.cli.demo import ensure_demo, seed_demo
from workbook.i18n import set_language
from workbook.models import Debt, Settings

TODAY = "2026-11-28"


def repay(*args: str) -> subprocess.CompletedProcess[str]:
    """`repay ARGS` in its own process, English locale, no terminal."""
    env = {k: v for k, v in os.environ.items() if k not in ("REPAY_DB", "LC_MESSAGES")}
    env.update({"LANG": "en_US.UTF-8", "LC_ALL": ""})
    return subprocess.run(
        [sys.executable, "-m", "tui.cli.main", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def _workbook(path: Path, language: str = "") -> None:
    with Workbook.open(path) as wb:
        wb.debts.add(Debt(lender="招商银行", balance=Decimal("100.00")))
        wb.save_settings(Settings(language=language))


def test_the_suggested_restore_command_works_as_written(tmp_path: Path):
    path = tmp_path / "my books" / "workbook.json"
    _workbook(path)
    Workbook.open(path).close()  # takes a backup
    path.write_bytes(path.read_bytes()[:30])  # cut short, as by a failing disk
    damaged = path.read_bytes()

    refused = repay("--db", str(path), "due", "--today", TODAY)
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == damaged
    command = refused.stderr.strip().split(": ")[-1]
    words = shlex.split(command)
    assert words[:3] == ["repay", "--db", str(path)]  # not the default workbook

    done = repay(*words[1:], "--yes")
    assert done.returncode == 0, done.stderr
    with Workbook.open(path, read_only=True) as wb:
        assert [d.lender for d in wb.debts.list()] == ["招商银行"]
    # What the restore replaced is kept, marked as one that cannot be restored.
    listing = repay("--db", str(path), "restore").stdout
    damaged_lines = [line for line in listing.splitlines() if "before-restore" in line]
    assert len(damaged_lines) == 1 and "damaged" in damaged_lines[0]


def test_a_backup_of_a_damaged_file_is_refused_not_taken(tmp_path: Path):
    path = tmp_path / "w.json"
    _workbook(path)
    path.write_bytes(b"")
    result = repay("--db", str(path), "backup")
    assert result.returncode == 2
    assert "the file is empty" in result.stderr and "None" not in result.stdout
    assert list_backups(path) == []


def test_due_speaks_the_saved_language(tmp_path: Path):
    path = tmp_path / "w.json"
    _workbook(path, language="zh")
    result = repay("--db", str(path), "due", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert "还款工作簿" in result.stdout
    english = repay("--lang", "en", "--db", str(path), "due", "--today", TODAY)
    assert "Repay Workbook" in english.stdout


@pytest.mark.parametrize(
    ("saved", "flag", "expected"),
    [
        ("zh", None, "正在另一个"),
        ("zh", "en", "is open in another"),
        ("", None, "is open in another"),  # nothing saved: the locale (English here)
    ],
)
def test_a_locked_workbook_is_refused_in_the_saved_language(
    tmp_path, monkeypatch, capsys, saved, flag, expected
):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    path = tmp_path / "w.json"
    _workbook(path, language=saved)
    with Workbook.open(path):  # another window has it open
        argv = ["--db", str(path)] + (["--lang", flag] if flag else [])
        assert cli.main(argv) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert expected in err and "--read-only" in err
    assert len(err.strip().splitlines()) == 1


def test_a_demo_reset_is_refused_while_the_demo_is_open(tmp_path: Path):
    path = ensure_demo(tmp_path / "demo" / "demo.json", reset=False, today=date(2026, 11, 28))
    before = path.read_bytes()
    with Workbook.open(path):  # `repay demo` in another window
        with pytest.raises(WorkbookLocked):
            ensure_demo(path, reset=True, today=date(2026, 11, 28))
        assert path.read_bytes() == before  # not deleted under the other window's feet


def test_a_damaged_demo_is_rebuilt_by_reset(tmp_path: Path):
    path = ensure_demo(tmp_path / "demo.json", reset=False, today=date(2026, 11, 28))
    path.write_bytes(b"{")
    ensure_demo(path, reset=True, today=date(2026, 11, 28))
    with Workbook.open(path, read_only=True) as wb:
        assert wb.debts.count() >= 5
    assert any(b.read_bytes() == b"{" for b in list_backups(path))


def test_a_demo_killed_before_it_was_filled_is_filled_next_time(tmp_path: Path):
    path = tmp_path / "demo.json"
    Workbook.open(path).close()  # created, then the process died
    ensure_demo(path, reset=False, today=date(2026, 11, 28))
    with Workbook.open(path, read_only=True) as wb:
        assert wb.debts.count() >= 5 and wb.profile().name


def test_the_demo_is_seeded_in_one_write(tmp_path: Path, monkeypatch):
    import storage.atomic as atomic

    writes = []
    real = atomic.write_atomic
    monkeypatch.setattr(atomic, "write_atomic", lambda p, d: (writes.append(p), real(p, d)))
    path = tmp_path / "demo.json"
    with Workbook.open(path) as wb:
        writes.clear()
        seed_demo(wb, date(2026, 11, 28))
        assert wb.agreements.count() == 1 and wb.payments.count() == 2
    assert writes == [path]


def test_a_second_backup_without_changes_says_so(tmp_path: Path):
    path = tmp_path / "w.json"
    _workbook(path)
    first = repay("--db", str(path), "backup")
    assert first.returncode == 0 and first.stdout.startswith("Backup written: ")
    again = repay("--db", str(path), "backup")
    assert again.returncode == 0 and again.stdout.startswith("Nothing changed since")
    assert len(list_backups(path)) == 1


def test_ctrl_d_at_the_restore_question_is_a_no(tmp_path: Path, monkeypatch, capsys):
    from tui.cli import commands as cli_commands

    set_language("en")
    path = tmp_path / "w.json"
    _workbook(path)
    Workbook.open(path).close()
    before = path.read_bytes()

    def eof(prompt=""):
        raise EOFError

    monkeypatch.setattr("builtins.input", eof)
    monkeypatch.setattr(cli_commands.sys.stdin, "isatty", lambda: True)
    assert cli_commands.restore(path, "1", assume_yes=False) == cli_commands.EXIT_OK
    assert "Nothing changed." in capsys.readouterr().out
    assert path.read_bytes() == before

"""The `repay` command line, run as a user would: a separate process, real files."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from storage import Workbook
from tui.cli.demo import ensure_demo

TODAY = date(2026, 11, 28)


def repay(*args: str, env_extra: dict[str, str] | None = None, cwd: Path | None = None):
    env = {k: v for k, v in os.environ.items() if k != "REPAY_DB"}
    env.update({"LANG": "en_US.UTF-8", "LC_ALL": ""})
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "tui.cli.main", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return ensure_demo(tmp_path / "wb" / "demo.json", reset=False, today=TODAY)


def test_version():
    result = repay("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("repay ")


def test_demo_workbook_is_private_and_complete(demo: Path):
    assert oct(demo.stat().st_mode & 0o777) == "0o600"
    assert oct(demo.parent.stat().st_mode & 0o777) == "0o700"
    with Workbook.open(demo, read_only=True) as wb:
        debts = wb.debts.list()
        assert 5 <= len(debts) <= 6
        assert len({d.method for d in debts}) >= 5
        assert wb.profile().name
        assert wb.incomes.list() and wb.expenses.list() and wb.communications.list()
        agreement = wb.agreements.list()[0]
        assert agreement.debt_id in {d.id for d in debts}
        assert all(p.agreement_id == agreement.id for p in wb.payments.list())


def test_demo_is_not_rebuilt_unless_asked(demo: Path):
    before = demo.read_bytes()
    ensure_demo(demo, reset=False, today=date(2027, 1, 1))
    assert demo.read_bytes() == before
    ensure_demo(demo, reset=True, today=date(2027, 1, 1))
    assert demo.read_bytes() != before


def test_tui_without_a_terminal_is_one_clear_line(tmp_path: Path):
    result = repay("--db", str(tmp_path / "x.json"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "terminal" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_due_missing_workbook_is_an_error_not_a_traceback(tmp_path: Path):
    result = repay("--db", str(tmp_path / "none.json"), "due")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "no workbook" in result.stderr


def test_corrupt_workbook_is_reported_and_left_untouched(demo: Path):
    demo.write_bytes(b'{"debts": {"1": {"lender": "x"')
    before = demo.read_bytes()
    result = repay("--db", str(demo), "due", "--today", TODAY.isoformat())
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(demo) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert demo.read_bytes() == before


def test_chinese_messages_with_lang(tmp_path: Path):
    result = repay("--lang", "zh", "--db", str(tmp_path / "none.json"), "due")
    assert "没有工作簿" in result.stderr


def test_repay_db_environment_variable(demo: Path):
    result = repay("due", "--today", TODAY.isoformat(), env_extra={"REPAY_DB": str(demo)})
    assert result.returncode in (0, 1)
    assert "Repay Workbook" in result.stdout


def test_backup_then_restore_by_number(demo: Path):
    made = repay("--db", str(demo), "backup")
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.split(": ", 1)[1].strip())
    assert oct(backup.stat().st_mode & 0o777) == "0o600"
    original = json.loads(demo.read_text(encoding="utf-8"))
    with Workbook.open(demo) as wb:
        wb.debts.delete(wb.debts.list()[0].id)
    listing = repay("--db", str(demo), "restore")
    assert listing.returncode == 0 and backup.name in listing.stdout
    refused = repay("--db", str(demo), "restore", "1")
    assert refused.returncode == 2 and "--yes" in refused.stderr
    number = next(
        line.split()[0] for line in listing.stdout.splitlines() if backup.name in line
    )
    done = repay("--db", str(demo), "restore", number, "--yes")
    assert done.returncode == 0, done.stderr
    assert json.loads(demo.read_text(encoding="utf-8"))["debts"] == original["debts"]


def test_restore_unknown_backup(demo: Path):
    result = repay("--db", str(demo), "restore", "99", "--yes")
    assert result.returncode == 2 and "repay restore" in result.stderr


def test_export_json_then_import_into_a_new_workbook(demo: Path, tmp_path: Path):
    out = tmp_path / "all.json"
    exported = repay("--db", str(demo), "export", "json", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    target = tmp_path / "new" / "copy.json"
    imported = repay("--db", str(target), "import", str(out))
    assert imported.returncode == 0, imported.stderr
    with Workbook.open(demo, read_only=True) as a, Workbook.open(target, read_only=True) as b:
        assert a.debts.list() == b.debts.list()
        assert a.communications.list() == b.communications.list()
        assert a.profile() == b.profile()
    again = repay("--db", str(target), "import", str(out))
    assert again.returncode == 2 and "Traceback" not in again.stderr


def test_an_import_says_which_profile_details_the_form_would_refuse(demo: Path, tmp_path: Path):
    from workbook.models import Profile

    with Workbook.open(demo) as wb:  # as another tool or an older version wrote it
        wb.save_profile(Profile(name="李雷", id_number="110101199001011230", phone="010-1234567",
                                email="li@example.com"))
    out = tmp_path / "all.json"
    assert repay("--db", str(demo), "export", "json", "--out", str(out)).returncode == 0
    target = tmp_path / "new" / "copy.json"
    imported = repay("--db", str(target), "import", str(out))
    assert imported.returncode == 0, imported.stderr  # imported as it was
    lines = imported.stderr.strip().splitlines()
    assert len(lines) == 2, imported.stderr
    assert "ID number" in lines[0] and "check digit" in lines[0] and "(p, Profile)" in lines[0]
    assert "Mobile" in lines[1] and "a mainland mobile number has 11" in lines[1]
    with Workbook.open(target, read_only=True) as wb:
        assert wb.profile().id_number == "110101199001011230"  # kept for the user to fix


def test_due_refuses_negative_days(demo: Path):
    result = repay("--db", str(demo), "due", "--days", "-5")
    assert result.returncode == 2
    assert "0 to 3660" in result.stderr and "Traceback" not in result.stderr


def test_due_into_a_closed_pipe_is_quiet(demo: Path, monkeypatch):
    from tui.cli.main import main

    read_end, write_end = os.pipe()
    os.close(read_end)  # `repay due | head`: the reader has gone
    saved = os.dup(1)
    try:
        broken = os.fdopen(write_end, "w", buffering=1)
        monkeypatch.setattr(sys, "stdout", broken)
        code = main(["--db", str(demo), "due", "--today", "2026-11-28"])
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    assert code == 0

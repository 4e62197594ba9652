"""`repay due` on the demo workbook at fixed dates: the lines printed and the exit code
(1 when an instalment is overdue, for a login script or cron; 0 otherwise)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tui_helpers import TODAY

from tui.cli.main import main


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from tui_helpers import seed_demo_workbook

    return seed_demo_workbook(tmp_path_factory.mktemp("due") / "demo.json", TODAY)


def due(capsys, demo: Path, today: date, *extra: str) -> tuple[int, list[str]]:
    code = main(["--lang", "en", "--db", str(demo), "due", "--today", today.isoformat(), *extra])
    return code, capsys.readouterr().out.splitlines()


def test_overdue_instalment_is_printed_and_exits_1(capsys, demo):
    code, lines = due(capsys, demo, TODAY)
    assert code == 1
    assert lines == [
        "Repay Workbook: due by 2026-12-28",
        "OVERDUE 2026-11-15 安家消费金融有限公司 instalment 3/40: ¥897.09 (13 days late)",
        "Due 2026-12-15 安家消费金融有限公司 instalment 4/40: ¥897.09",
        "Action 2026-11-30 快易借: 等待投诉回复",
        "Action 2026-12-01 北辰银行信用卡中心: 打电话询问审核结果",
        "Action 2026-12-03 京华银行: 准备材料交到支行",
    ]


def test_nothing_overdue_exits_0_and_days_narrows_the_window(capsys, demo):
    code, lines = due(capsys, demo, date(2026, 11, 10), "--days", "5")
    assert code == 0
    assert lines == [
        "Repay Workbook: due by 2026-11-15",
        "Due 2026-11-15 安家消费金融有限公司 instalment 3/40: ¥897.09",
    ]


def test_due_on_the_day_is_today_not_overdue(capsys, demo):
    code, lines = due(capsys, demo, date(2026, 11, 15), "--days", "0")
    assert code == 0
    assert "TODAY 2026-11-15 安家消费金融有限公司 instalment 3/40: ¥897.09" in lines


def test_the_installed_command_in_chinese_exits_1_when_overdue(demo):
    env = {**os.environ, "LANG": "zh_CN.UTF-8"}
    env.pop("REPAY_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli.main", "--db", str(demo), "due", "--today", TODAY.isoformat()],
        capture_output=True, text=True, env=env, timeout=60,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert result.returncode == 1, result.stderr
    assert "安家消费金融有限公司" in result.stdout and "逾期" in result.stdout
    assert result.stderr == ""

"""`repay due` on the demo workbook at fixed dates: the lines printed and the exit code
(1 when an instalment is overdue, for a login script or cron; 0 otherwise)."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest
from tui_helpers import TODAY

from storage.workbook import Workbook
from tui.cli.main import main
from workbook.models import Debt, Rate, RepaymentMethod


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from tui_helpers import seed_demo_workbook

    return seed_demo_workbook(tmp_path_factory.mktemp("due") / "demo.json", TODAY)


def due(capsys, demo: Path, today: date, *extra: str) -> tuple[int, list[str]]:
    code = main(["--lang", "en", "--db", str(demo), "due", "--today", today.isoformat(), *extra])
    return code, capsys.readouterr().out.splitlines()


def test_demo_lists_every_debts_next_payment_and_the_late_debts_and_exits_1(capsys, demo):
    code, lines = due(capsys, demo, TODAY)
    assert code == 1
    assert lines == [
        "Repay Workbook: due by 2026-12-28",
        "OVERDUE 北辰银行信用卡中心: ¥4,865.03 recorded as overdue (47 days late)",
        "OVERDUE 快易借: ¥3,813.34 recorded as overdue (38 days late)",
        "OVERDUE 2026-11-15 安家消费金融有限公司 instalment 3/40: ¥897.09 (13 days late)",
        "Due 2026-11-30 快易借 payment 7/12: ¥1,906.67",  # paid out on a 31st: month end
        "Due 2026-12-05 北辰银行信用卡中心 payment: ¥4,865.03",
        "Due 2026-12-10 京华银行 payment 15/36: ¥1,886.67",
        "Due 2026-12-15 安家消费金融有限公司 instalment 4/40: ¥897.09",
        "Due 2026-12-20 鑫源小额贷款有限公司 payment 6/12: ¥450.00",
        "Next payments after that:",
        "Due 2027-03-28 王建国（表哥） payment 1/1: ¥21,216.67",
        "Action 2026-11-30 快易借: 等待投诉回复",
        "Action 2026-12-01 北辰银行信用卡中心: 打电话询问审核结果",
        "Action 2026-12-03 京华银行: 准备材料交到支行",
    ]


def test_due_on_the_day_is_today_not_overdue(capsys, demo):
    code, lines = due(capsys, demo, date(2026, 11, 15), "--days", "0")
    assert code == 1  # the demo's late debts
    assert "TODAY 2026-11-15 安家消费金融有限公司 instalment 3/40: ¥897.09" in lines


@pytest.fixture
def on_time(tmp_path) -> Path:
    """A workbook with one debt paid on time, due on the 31st (no agreement)."""
    path = tmp_path / "on-time.json"
    with Workbook.open(path) as wb:
        wb.debts.add(Debt("Bank", D("12000"), rate=Rate(D("12")), term_months=12,
                          start_date=date(2024, 1, 31), method=RepaymentMethod.EQUAL_PRINCIPAL))
    return path


def test_a_debt_without_agreement_has_its_due_dates_and_nothing_late_exits_0(capsys, on_time):
    code, lines = due(capsys, on_time, date(2024, 2, 1), "--days", "40")
    assert code == 0
    assert lines == [
        "Repay Workbook: due by 2024-03-12",
        "Due 2024-02-29 Bank payment 1/12: ¥1,120.00",  # leap year, month end
    ]


def test_a_debt_recorded_late_exits_1_without_any_agreement(capsys, on_time):
    with Workbook.open(on_time) as wb:
        debt = wb.debts.list()[0]
        wb.debts.update(dataclasses.replace(debt, overdue_days=3, overdue_amount=D("1120")))
    code, lines = due(capsys, on_time, date(2024, 3, 3), "--days", "0")
    assert code == 1
    assert lines[1] == "OVERDUE Bank: ¥1,120.00 recorded as overdue (3 days late)"
    # The 2nd payment (the 1st was on 29 February), back on the 31st.
    assert lines[3] == "Due 2024-03-31 Bank payment 2/12: ¥1,210.91"


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

"""`repay export`: names that never collide, files repay did not write never replaced
silently, --out -, --from/--to, --lender, --help in the UI language."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from reports.export_request import STEM_MAX, file_stem
from reports.owned import is_ours
from reports.tables import csv_bytes
from storage import Workbook
from tui.cli.demo import ensure_demo
from tui.cli.export import build_parser, run_export
from workbook.i18n import set_language

TODAY = "2026-03-15"


@pytest.fixture
def wb_path(tmp_path: Path) -> Path:
    return ensure_demo(tmp_path / "case" / "wb.json", reset=False, today=date(2026, 3, 15))


def _run(capsys, wb_path: Path, *args: str, lang: str = "en"):
    set_language(lang)
    code = run_export([*args, "--today", TODAY], wb_path)
    out, err = capsys.readouterr()
    return code, out, err


def _written(out: str) -> list[Path]:
    return [Path(line.split(": ", 1)[1]) for line in out.splitlines() if ": " in line]


def _letter_args(wb_path: Path) -> list[str]:
    with Workbook.open(wb_path, read_only=True) as wb:
        return ["letter", "--debt", str(wb.debts.list()[0].id)]


def test_zh_and_en_never_share_a_name_and_a_long_lender_keeps_date_and_language():
    zh, en = file_stem("letter-快易借", "zh", TODAY), file_stem("letter-快易借", "en", TODAY)
    assert zh != en and zh.endswith(f"-zh-{TODAY}")
    long = file_stem("letter-" + "很长的机构名称" * 30, "en", TODAY)
    assert long.endswith(f"-en-{TODAY}") and len(long) <= STEM_MAX


def test_repeated_export_replaces_its_own_file_only(capsys, wb_path, tmp_path):
    args = [*_letter_args(wb_path), "--out", str(tmp_path) + "/"]
    code, out, err = _run(capsys, wb_path, *args)
    assert code == 0, err
    (first,) = _written(out)
    assert is_ours(first)
    code, out, _ = _run(capsys, wb_path, *args)
    assert code == 0 and _written(out) == [first]  # our own earlier file: replaced
    first.write_bytes(b"my own notes")  # now it is the user's file
    code, out, _ = _run(capsys, wb_path, *args)
    (second,) = _written(out)
    assert second != first and second.name.endswith(f"{TODAY}-2.pdf")  # numbered
    assert first.read_bytes() == b"my own notes"


def test_a_named_file_repay_did_not_write_needs_force(capsys, wb_path, tmp_path):
    target = tmp_path / "mine.pdf"
    target.write_bytes(b"precious")
    code, _, err = _run(capsys, wb_path, *_letter_args(wb_path), "--out", str(target))
    assert code == 2 and "--force" in err and target.read_bytes() == b"precious"
    code, _, err = _run(capsys, wb_path, *_letter_args(wb_path), "--out", str(target), "--force")
    assert code == 0, err and target.read_bytes().startswith(b"%PDF")


def test_refusal_is_in_the_ui_language(capsys, wb_path, tmp_path):
    target = tmp_path / "mine.pdf"
    target.write_bytes(b"precious")
    _, _, err = _run(capsys, wb_path, *_letter_args(wb_path), "--out", str(target), lang="zh")
    assert "不是 repay 写入的" in err


def test_out_dash_writes_to_stdout(capsysbinary, wb_path):
    set_language("en")
    code = run_export(["csv", "--table", "debts", "--out", "-", "--today", TODAY], wb_path)
    out, _ = capsysbinary.readouterr()
    assert code == 0 and out.startswith("\ufeff".encode())
    assert b"Written" not in out


def test_from_after_to_is_refused(capsys, wb_path):
    code, _, err = _run(capsys, wb_path, "log", "--from", "2026-03-10", "--to", "2026-03-01")
    assert code == 2 and "--from 2026-03-10 is after --to 2026-03-01" in err


def test_lender_matches_like_the_log_filter_and_says_when_nothing_matched(
    capsys, wb_path, tmp_path
):
    with Workbook.open(wb_path, read_only=True) as wb:
        lender = wb.communications.list()[0].lender
    loose = "  " + lender.upper() + "  "  # trimmed and case-folded, as the log screen does
    code, _, err = _run(capsys, wb_path, "log", "--lender", loose, "--out", str(tmp_path) + "/")
    assert code == 0, err
    code, out, err = _run(capsys, wb_path, "log", "--lender", lender[:1] + "不存在")
    assert code == 1 and lender in err and not _written(out)


def test_help_lists_every_kind_and_option_in_the_ui_language(capsys):
    set_language("zh")
    text = build_parser().format_help()
    for kind in ("letter", "checklist", "log", "summary", "schedule", "csv", "json", "ics"):
        assert f"  {kind} " in text, kind
    for option in ("--debt", "--agreement", "--out", "--force", "--lang", "--lender", "--from",
                   "--to", "--table", "--statement"):  # fmt: skip
        assert option in text, option
    assert "用法" in text and "usage" not in text and "show this help" not in text
    set_language("en")


def test_csv_keeps_long_digits_as_text_and_strips_control_characters():
    raw = csv_bytes(("a", "b", "c"), [("6225880212345678901", "0571", "x\x07y\nz")], "en")
    (row,) = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))[1:]
    assert row == ['="6225880212345678901"', '="0571"', "xy\nz"]

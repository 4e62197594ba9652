"""`repay export`: every kind writes a private file beside the workbook and says where."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pypdf
import pytest

from storage import Workbook
from storage.transfer import import_json
from tui.cli.demo import ensure_demo
from tui.cli.export import default_folder, file_stem, run_export
from workbook.i18n import set_language
from workbook.models import Settings

TODAY = "2026-03-15"


@pytest.fixture
def wb_path(tmp_path: Path) -> Path:
    return ensure_demo(tmp_path / "case" / "wb.json", reset=False, today=date(2026, 3, 15))


def _run(capsys, wb_path: Path, *args: str) -> tuple[int, list[str], str]:
    set_language("en")
    code = run_export([*args, "--today", TODAY], wb_path)
    out, err = capsys.readouterr()
    paths = [line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("Written: ")]
    return code, paths, err


def _private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "args, suffix, count",
    [
        (["letter", "--debt", "2"], ".pdf", 1),
        (["checklist"], ".pdf", 1),
        (["schedule"], ".pdf", 1),
        (["log"], ".pdf", 1),
        (["summary", "--lang", "zh"], ".pdf", 1),
        (["csv"], ".csv", 3),
        (["json"], ".json", 1),
        (["ics"], ".ics", 1),
    ],
)
def test_every_kind_writes_a_private_file_beside_the_workbook(capsys, wb_path, args, suffix, count):
    code, paths, err = _run(capsys, wb_path, *args)
    assert code == 0, err
    assert len(paths) == count
    for p in map(Path, paths):
        assert p.parent == wb_path.parent / "exports"
        assert p.suffix == suffix and p.exists() and _private(p)
        assert TODAY in p.name
    assert stat.S_IMODE((wb_path.parent / "exports").stat().st_mode) == 0o700


def test_letter_is_chinese_by_default_and_english_on_request(capsys, wb_path, tmp_path):
    with Workbook.open(wb_path, read_only=True) as wb:
        debt = wb.debts.list()[1]
    code, (zh,), _ = _run(
        capsys, wb_path, "letter", "--debt", str(debt.id), "--out", str(tmp_path / "zh.pdf")
    )
    assert code == 0
    text = "".join(p.extract_text() for p in pypdf.PdfReader(zh).pages)
    assert debt.lender in text.replace("\n", "") and "申请" in text
    code, (en,), _ = _run(
        capsys, wb_path, "letter", "--debt", str(debt.id), "--lang", "en", "--out", str(tmp_path)
    )
    assert code == 0 and Path(en).parent == tmp_path
    assert "Application" in "".join(p.extract_text() for p in pypdf.PdfReader(en).pages)


def test_log_for_one_lender_and_dates(capsys, wb_path, tmp_path):
    with Workbook.open(wb_path, read_only=True) as wb:
        lender = wb.communications.list()[0].lender
    out = tmp_path / "log.pdf"
    code, _, err = _run(
        capsys, wb_path, "log", "--lender", lender, "--from", "2020-01-01", "--to", "2030-12-31",
        "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    assert lender in "".join(p.extract_text() for p in pypdf.PdfReader(out).pages).replace("\n", "")


def test_json_export_imports_into_a_new_workbook(capsys, wb_path, tmp_path):
    code, (path,), _ = _run(capsys, wb_path, "json")
    assert code == 0
    with (
        import_json(Path(path), tmp_path / "copy.json") as copy,
        Workbook.open(wb_path, read_only=True) as wb,
    ):
        assert [d.lender for d in copy.debts.list()] == [d.lender for d in wb.debts.list()]
        assert copy.profile() == wb.profile()


def test_csv_one_table_to_a_file(capsys, wb_path, tmp_path):
    code, (path,), _ = _run(
        capsys, wb_path, "csv", "--table", "payments", "--out", str(tmp_path / "p.csv")
    )
    assert code == 0 and path == str(tmp_path / "p.csv")
    code, _, err = _run(capsys, wb_path, "csv", "--out", str(tmp_path / "all.csv"))
    assert code == 2 and "--table" in err


@pytest.mark.parametrize(
    "args, says",
    [
        (["letter"], "--debt"),
        (["letter", "--debt", "999"], "999"),
        (["schedule", "--agreement", "999"], "999"),
    ],
)
def test_problems_are_one_line(capsys, wb_path, args, says):
    code, paths, err = _run(capsys, wb_path, *args)
    assert code == 2 and not paths
    assert err.count("\n") == 1 and err.startswith("repay: ") and says in err


def test_bad_arguments_and_missing_workbook(capsys, tmp_path):
    set_language("en")
    assert run_export(["log", "--from", "yesterday"], tmp_path / "wb.json") == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert run_export(["summary"], tmp_path / "missing.json") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("repay: ")
    assert not (tmp_path / "missing.json").exists()


def test_export_folder_setting(tmp_path):
    wb = tmp_path / "a" / "wb.json"
    assert default_folder(wb, Settings()) == tmp_path / "a" / "exports"
    assert default_folder(wb, Settings(export_dir="out")) == tmp_path / "a" / "out"
    assert default_folder(wb, Settings(export_dir=str(tmp_path / "x"))) == tmp_path / "x"
    assert (
        file_stem("letter-招商银行/信用卡 <x>", "2026-03-15")
        == "letter-招商银行-信用卡-x-2026-03-15"
    )


def test_export_works_while_the_app_holds_the_workbook(wb_path):
    """Read-only: the TUI's lock does not stop an export, and nothing is changed."""
    before = wb_path.read_bytes()
    with Workbook.open(wb_path):
        env = {k: v for k, v in os.environ.items() if k != "REPAY_DB"}
        env.update({"LANG": "en_US.UTF-8", "LC_ALL": ""})
        result = subprocess.run(
            [sys.executable, "-m", "tui.cli.main", "--db", str(wb_path), "export", "summary"],
            capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=60,
            cwd=Path(__file__).resolve().parents[3],
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Written: ") and result.stdout.strip().endswith(".pdf")
    assert wb_path.read_bytes() == before


# (arguments, what the English line says, what the Chinese line says)
PROBLEMS = [
    (["letter", "--debt", "999"], "no debt with ID 999", "没有编号为 999 的债务"),
    (["checklist", "--agreement", "7"], "no agreement with ID 7", "没有编号为 7 的协议"),
    (["summary", "--out", "{file}/x.pdf"], "could not write", "无法写入"),
    (["json", "--out", "{file}/x.json"], "part of the folder's path is a file", "文件夹路径中有一部分是文件"),
    (["bogus"], "unknown export bogus", "没有这种导出：bogus"),
    (["letter", "--debt", "x"], "--debt takes a number", "--debt 需要一个数字"),
    (["csv", "--table", "foo"], "--table cannot be foo", "--table 不能是 foo"),
    ([], "say what to export", "请说明要导出什么"),
]  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("args, en, zh", PROBLEMS)
def test_every_problem_is_one_clear_line_in_the_users_language(
    capsys, wb_path, lang, args, en, zh
):
    set_language(lang)
    args = [a.replace("{file}", str(wb_path)) for a in args]
    code = run_export([*args, "--today", TODAY], wb_path)
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("repay"), err
    assert (en if lang == "en" else zh) in err, err
    assert "usage:" not in err and "Traceback" not in err
    assert "last change was not saved" not in err  # an export is not a save


def test_a_workbook_without_agreements_says_so(capsys, tmp_path):
    set_language("zh")
    empty = tmp_path / "empty.json"
    with Workbook.open(empty):
        pass
    assert run_export(["schedule", "--today", TODAY], empty) == 2
    assert capsys.readouterr().err == "repay: 工作簿里还没有协议\n"


def test_out_with_a_trailing_slash_is_a_new_folder(capsys, wb_path, tmp_path):
    code, (path,), err = _run(capsys, wb_path, "summary", "--out", f"{tmp_path}/new/")
    assert code == 0, err
    assert Path(path).parent == tmp_path / "new" and path.endswith(".pdf")
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700 and _private(Path(path))


@pytest.mark.parametrize("lang, says", [("en", "blank"), ("zh", "空白")])
def test_without_a_chinese_font_the_user_is_told_plainly(capsys, wb_path, monkeypatch, lang, says):
    from reports import fonts

    monkeypatch.setattr(fonts, "_fc_match", lambda family: [])
    monkeypatch.setattr(fonts, "_fc_list", lambda pattern: [])
    monkeypatch.delenv("REPAY_PDF_FONT", raising=False)
    fonts._choose.cache_clear()
    try:
        set_language(lang)
        assert run_export(["summary", "--today", TODAY], wb_path) == 0
    finally:
        fonts._choose.cache_clear()
    out, err = capsys.readouterr()
    assert out.count("\n") == 1  # the path written
    assert says in err and "REPAY_PDF_FONT" in err and "fonts-wqy-microhei" in err


def test_a_configured_font_that_cannot_be_used_is_reported(capsys, wb_path, monkeypatch):
    monkeypatch.setenv("REPAY_PDF_FONT", "/nowhere/font.ttf")
    code, paths, err = _run(capsys, wb_path, "summary")
    assert code == 0 and paths
    assert "/nowhere/font.ttf" in err and "no such file" in err

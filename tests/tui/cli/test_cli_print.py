"""`repay print`: the PDF written as `repay export` writes it, then handed to CUPS.

CUPS is played by two small scripts named `lpstat` and `lp` first on PATH (the real
print test, against a real cupsd, is tests/e2e/test_print_cups.py): they answer as CUPS
does in the C locale and record the arguments `lp` was given.
"""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import pytest
from tui_helpers import fake_cups

from tui.cli.demo import ensure_demo
from tui.cli.export import tell_how_to_fetch
from tui.cli.main import main
from tui.cli.printing import run_print
from workbook.i18n import set_language

TODAY = "2026-03-15"
@pytest.fixture
def wb_path(tmp_path: Path) -> Path:
    return ensure_demo(tmp_path / "case" / "wb.json", reset=False, today=date(2026, 3, 15))


@pytest.fixture
def cups(tmp_path, monkeypatch):
    """A fake CUPS first on PATH; returns the file where lp's arguments land."""
    bin_dir, calls = fake_cups(tmp_path)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return calls


def _run(capsys, wb_path, *args, lang="en"):
    set_language(lang)
    code = run_print([*args, "--today", TODAY], wb_path)
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_print_writes_the_checklist_and_sends_it_on_a4_to_the_default(capsys, wb_path, cups):
    code, out, err = _run(capsys, wb_path, "checklist")
    assert code == 0, err
    written = Path(out[0].removeprefix("Written: "))
    assert written.parent == wb_path.parent / "exports" and written.suffix == ".pdf"
    assert out[1] == "Sent to the printer PDF (1 copies), job PDF-3."
    assert cups.read_text().splitlines() == [
        "-d", "PDF", "-n", "1", "-o", "media=A4", "-t", written.name, str(written),
    ]  # fmt: skip


def test_chosen_printer_copies_and_the_same_selection_as_export(capsys, wb_path, cups):
    code, out, err = _run(capsys, wb_path, "letter", "--debt", "2", "--printer", "HP",
                          "--copies", "2", "--lang", "en")  # fmt: skip
    assert code == 0, err
    assert cups.read_text().splitlines()[:4] == ["-d", "HP", "-n", "2"]
    assert "letter-" in out[0] and out[0].endswith("-en-2026-03-15.pdf")


def test_through_the_repay_command(capsys, wb_path, cups):
    set_language("en")
    code = main(["--db", str(wb_path), "print", "summary", "--today", TODAY, "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.splitlines()[-1] == "Sent to the printer PDF (1 copies), job PDF-3."


def test_no_print_system_is_one_line_saying_what_to_do(capsys, wb_path, tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    code, out, err = _run(capsys, wb_path, "checklist")
    assert code == 2
    assert err.startswith("repay: This computer has no print system") and err.count("\n") == 1
    assert "send the file to your own computer" in err
    code, out, err = _run(capsys, wb_path, "checklist", lang="zh")
    assert code == 2 and err.startswith("repay: 这台电脑没有打印系统")


@pytest.mark.parametrize(
    "args, en, zh",
    [
        (["csv"],
         "csv cannot be printed; choose one of: letter, checklist, log, summary, schedule, "
         "objection, defence",
         "无法打印 csv，请从中选择：letter, checklist, log, summary, schedule, objection, defence"),
        ([], "say what to print: letter, checklist, log, summary, schedule, objection, defence",
         "请说明要打印什么：letter, checklist, log, summary, schedule, objection, defence"),
        (["summary", "--copies", "0"], "--copies: Copies must be a whole number from 1 to 99.",
         "--copies：份数须为 1 到 99 之间的整数。"),
        (["summary", "--table", "debts"], "unknown option --table debts; see repay export --help",
         None),
    ],
)  # fmt: skip
def test_usage_problems_are_one_line_in_the_users_language(capsys, wb_path, args, en, zh):
    code, out, err = _run(capsys, wb_path, *args)
    assert (code, out, err) == (2, [], f"repay print: {en}\n")
    if zh:
        code, out, err = _run(capsys, wb_path, *args, lang="zh")
        assert err == f"repay print: {zh}\n"


def test_an_unknown_printer_names_the_real_ones(capsys, wb_path, cups):
    code, out, err = _run(capsys, wb_path, "summary", "--printer", "Ricoh")
    assert code == 2
    assert err == "repay: There is no printer named Ricoh. The printers here: HP, PDF.\n"
    assert not cups.exists()  # lp never ran


def test_list_printers(capsys, wb_path, cups):
    code, out, err = _run(capsys, wb_path, "--printers")
    assert (code, out) == (0, ["HP", "PDF  (default)"])
    code, out, err = _run(capsys, wb_path, "--printers", lang="zh")
    assert out == ["HP", "PDF  (默认)"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_export_over_ssh_shows_and_copies_the_scp_command(monkeypatch):
    set_language("en")
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.5 40000 10.0.0.1 22")
    monkeypatch.setenv("USER", "lin")
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    tell_how_to_fetch([Path("/srv/a b.pdf")])
    shown = terminal.getvalue()
    assert "On your own computer, fetch it with" in shown
    assert "scp 'lin@10.0.0.1:/srv/a\\ b.pdf' .\n" in shown
    assert shown.endswith("\x07") and "\x1b]52;c;" in shown  # copied with OSC 52


def test_no_scp_hint_outside_ssh_or_into_a_pipe(monkeypatch):
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    tell_how_to_fetch([Path("/srv/a.pdf")])
    assert terminal.getvalue() == ""
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.5 40000 10.0.0.1 22")
    pipe = io.StringIO()
    monkeypatch.setattr("sys.stderr", pipe)
    tell_how_to_fetch([Path("/srv/a.pdf")])
    assert pipe.getvalue() == ""

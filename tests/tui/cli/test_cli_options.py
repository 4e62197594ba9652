"""Options go where people put them: `repay demo --lang en` as well as
`repay --lang en demo`; a wrong option is one line, not a usage block."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main as cli


@pytest.mark.parametrize(
    "argv",
    [
        ["demo", "--lang", "en", "--read-only"],
        ["--lang", "en", "--read-only", "demo"],
        ["--lang", "zh", "demo", "--lang", "en", "--read-only"],  # the later one wins
    ],
)
def test_global_options_before_or_after_the_command(argv):
    args = cli.build_parser().parse_args(argv)
    assert (args.command, args.lang, args.read_only) == ("demo", "en", True)


def test_an_option_before_the_command_is_not_undone_after_it():
    args = cli.build_parser().parse_args(["--db", "a.json", "--lang", "zh", "due", "--days", "3"])
    assert (args.db, args.lang, args.read_only, args.days) == ("a.json", "zh", False, 3)
    args = cli.build_parser().parse_args(["restore", "--db", "b.json", "2"])
    assert (args.db, args.lang, args.backup) == ("b.json", None, "2")


def test_no_options_leave_the_defaults():
    args = cli.build_parser().parse_args([])
    assert (args.command, args.db, args.lang, args.read_only) == (None, None, None, False)


def test_a_wrong_option_is_one_line(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["demo", "--bogus"])
    assert caught.value.code == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--bogus" in err and "usage" not in err


@pytest.mark.parametrize(("code", "exit_status"), [(None, 0), (0, 0), (1, cli.EXIT_ERROR)])
def test_the_exit_status_follows_the_app(tmp_path, monkeypatch, code, exit_status):
    import tui.app

    class App:
        open_error = None

        def __init__(self, held, lang=None):
            self.held = held  # a claim (storage.claim): the app reads it after its frame
            self.return_code = None

        def run(self):
            self.return_code = code  # Textual sets 1 when the app ended on an exception

        def close_workbook(self):
            self.held.release()

    monkeypatch.setattr(tui.app, "RepayApp", App)
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    assert cli.main(["--db", str(tmp_path / "w.json")]) == exit_status


@pytest.mark.parametrize("xdg", [None, "", "   ", "/srv/data", "relative/data"])
def test_the_data_folder_is_the_one_platformdirs_gives(monkeypatch, tmp_path, xdg):
    import platformdirs

    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    expected = Path(platformdirs.user_data_dir(cli.APP_DIR_NAME, appauthor=False))
    assert cli.data_dir() == expected

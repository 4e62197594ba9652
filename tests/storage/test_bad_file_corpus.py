"""Every kind of bad file (bad_files.py) met by the TUI's start, `repay due`, `repay
export` and `repay backup`: one clear line naming the file, no traceback, an exit
status that is not 0, and the file (and its folder) byte for byte as they were.

The TUI is started as a real process on a pseudo-terminal (`repay --db FILE`). Home's
frame is drawn (on the terminal's alternate screen) before the records are read; a bad
file then ends the app, the terminal's own screen comes back, and the one line is
printed there: what the person sees once the app has gone is that line alone.
"""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from bad_files import CONTENTS, SPECIAL, fingerprint, make_corpus

from tui.cli.main import main as repay_main

KINDS = [*CONTENTS, *SPECIAL, *(["unreadable"] if os.geteuid() != 0 else [])]
COMMANDS = {
    "due": ["due", "--today", "2026-03-01"],
    "export": ["export", "csv", "--table", "debts"],
    "backup": ["backup"],
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


def _names_the_file(message: str, path: Path) -> bool:
    return str(path) in message or os.path.realpath(path) in message


def _check(kind: str, path: Path, code: int, err: str, before: dict) -> None:
    assert code not in (0, None), (kind, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, (kind, err)
    assert "Traceback" not in err and "unexpected error" not in err, (kind, err)
    assert _names_the_file(lines[0], path), (kind, err)
    if kind == "unreadable":
        assert "permission denied" in err and "damaged" not in err
    assert fingerprint(path) == before, kind


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_refuses_each_bad_file_clearly_and_changes_nothing(
    corpus, command, capsys
):
    assert len(corpus) == len(KINDS) >= 39
    for kind in KINDS:
        path = corpus[kind]
        before = fingerprint(path)
        code = repay_main(["--lang", "en", "--db", str(path), *COMMANDS[command]])
        out, err = capsys.readouterr()
        _check(kind, path, code, err, before)


LEAVE_APP_SCREEN = "\x1b[?1049l"  # back from the alternate screen the app drew on
ESCAPE = re.compile(r"\x1b(\[[0-9;?<=>$]*[ -/]*[@-~]|[@-_])")


def _left_on_terminal(output: str) -> str:
    """What stays on the terminal: the app's frames were on its alternate screen."""
    if LEAVE_APP_SCREEN in output:
        output = output.rsplit(LEAVE_APP_SCREEN, 1)[1]
    return ESCAPE.sub("", output)


def _start_tui(path: Path) -> tuple[int | None, str]:
    """`repay --db PATH` on a pseudo-terminal, as a person starts it."""
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("REPAY_DB",)}
    env.update({"LANG": "en_US.UTF-8", "LC_ALL": "", "TERM": "xterm-256color"})
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "tui.cli.main", "--lang", "en", "--db", str(path)],
            stdin=follower,
            stdout=follower,
            stderr=subprocess.PIPE,
            env=env,
            cwd=Path(__file__).resolve().parents[2],
        )
        try:
            _, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:  # the TUI started: the file was accepted
            proc.kill()
            _, err = proc.communicate()
            return None, "the app started on this file"
    finally:
        os.close(leader)
        os.close(follower)
    # The app draws on stderr's terminal (Textual's choice); the message comes after.
    return proc.returncode, _left_on_terminal(err.decode("utf-8", errors="replace"))


def test_the_tui_start_refuses_each_bad_file_clearly_and_changes_nothing(corpus):
    before = {kind: fingerprint(path) for kind, path in corpus.items()}
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = dict(zip(KINDS, pool.map(lambda k: _start_tui(corpus[k]), KINDS), strict=True))
    for kind, (code, err) in results.items():
        _check(kind, corpus[kind], code, err, before[kind])

"""OSC 52 and iTerm2's OSC 1337 File= escapes, and telling which terminal takes them."""

from __future__ import annotations

import base64
import re

from reports.delivery.terminal import (
    for_multiplexer,
    is_iterm_like,
    iterm_file,
    iterm_file_for,
    iterm_sent_message,
    osc52,
)
from workbook.i18n import set_language


def test_osc52_carries_the_text_base64_to_the_clipboard():
    sequence = osc52("scp lin@10.0.0.1:/srv/信.pdf .")
    match = re.fullmatch(r"\x1b\]52;c;([A-Za-z0-9+/=]+)\x07", sequence)
    assert match
    assert base64.b64decode(match.group(1)).decode() == "scp lin@10.0.0.1:/srv/信.pdf ."


def test_iterm_file_escape_has_name_size_and_is_a_download():
    data = bytes(range(256)) * 3
    sequence = iterm_file("清单 2026.pdf", data)
    match = re.fullmatch(
        r"\x1b\]1337;File=name=([A-Za-z0-9+/=]+);size=(\d+);inline=0:([A-Za-z0-9+/=]+)\x07",
        sequence,
    )
    assert match
    assert base64.b64decode(match.group(1)).decode() == "清单 2026.pdf"
    assert int(match.group(2)) == len(data)
    assert base64.b64decode(match.group(3)) == data


def test_iterm_file_for_reads_the_file(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4 x")
    assert iterm_file_for(path) == iterm_file("a.pdf", b"%PDF-1.4 x")


def test_iterm_like_terminals_are_recognised():
    assert is_iterm_like({"TERM_PROGRAM": "iTerm.app"})
    assert is_iterm_like({"LC_TERMINAL": "iTerm2"})  # what crosses SSH
    assert is_iterm_like({"TERM_PROGRAM": "WezTerm"})
    assert not is_iterm_like({"TERM_PROGRAM": "Apple_Terminal"})
    assert not is_iterm_like({"TERM": "xterm-256color"})
    assert not is_iterm_like({})


def test_tmux_passthrough_doubles_the_escapes():
    inner = iterm_file("a", b"x")
    wrapped = for_multiplexer(inner, {"TMUX": "/tmp/tmux-0/default,1,0"})
    assert wrapped.startswith("\x1bPtmux;\x1b\x1b]1337;") and wrapped.endswith("\x1b\\")
    assert wrapped.count("\x1b") == 2 * inner.count("\x1b") + 2
    assert for_multiplexer(inner, {}) == inner
    assert for_multiplexer(inner, {"TERM": "screen", "STY": "1.pts"}) == f"\x1bP{inner}\x1b\\"


def test_sent_message_in_both_languages():
    set_language("en")
    assert iterm_sent_message("a.pdf") == "Sent a.pdf to your terminal; it saves it as a download."
    set_language("zh")
    assert iterm_sent_message("a.pdf") == "已把 a.pdf 发送到您的终端，终端会把它保存为下载文件。"

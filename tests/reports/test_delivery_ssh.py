"""The scp command shown after an export over SSH: user, host as the client sees it, path."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.delivery.ssh import (
    SshOrigin,
    host_for_scp,
    in_ssh_session,
    remote_path,
    scp_command,
    scp_message,
    ssh_origin,
)
from workbook.i18n import set_language

SESSION = {"SSH_CONNECTION": "203.0.113.9 51234 198.51.100.7 22", "USER": "lin"}


def test_origin_from_ssh_connection():
    assert ssh_origin(SESSION) == SshOrigin("203.0.113.9", "198.51.100.7", 22)
    assert in_ssh_session(SESSION)


def test_no_session_no_command():
    assert ssh_origin({}) is None
    assert not in_ssh_session({"SSH_CLIENT": "1.2.3.4 5 22"})  # SSH_CONNECTION is what counts
    assert scp_command("/tmp/x.pdf", {"USER": "lin"}) is None


def test_garbled_ssh_connection_is_ignored():
    for value in ("", "1.2.3.4", "a b c d", "1.2.3.4 1 5.6.7.8 0", "1.2.3.4 1 5.6.7.8 port"):
        assert ssh_origin({"SSH_CONNECTION": value}) is None


def test_plain_path_on_port_22():
    command = scp_command("/home/lin/exports/checklist-2026-03-15.pdf", SESSION)
    assert command == "scp lin@198.51.100.7:/home/lin/exports/checklist-2026-03-15.pdf ."


def test_other_port_and_the_server_address_not_the_client():
    env = {"SSH_CONNECTION": "10.0.0.5 40000 10.0.0.1 2222", "USER": "wang"}
    assert scp_command("/srv/a.pdf", env) == "scp -P 2222 wang@10.0.0.1:/srv/a.pdf ."


def test_ipv6_server_in_brackets():
    env = {"SSH_CONNECTION": "2001:db8::5 40000 2001:db8::1 22", "USER": "lin"}
    assert scp_command("/srv/a.pdf", env) == "scp 'lin@[2001:db8::1]:/srv/a.pdf' ."
    assert host_for_scp("127.0.0.1") == "127.0.0.1"
    assert host_for_scp("fe80::1%eth0") == "[fe80::1%eth0]"


def test_user_falls_back_to_logname_then_the_account():
    env = {"SSH_CONNECTION": SESSION["SSH_CONNECTION"], "LOGNAME": "zhao"}
    assert scp_command("/a.pdf", env).startswith("scp zhao@")
    assert scp_command("/a.pdf", SESSION, user="qian").startswith("scp qian@")


def test_several_files_in_one_command():
    command = scp_command(["/srv/debts.csv", "/srv/log.csv"], SESSION)
    assert command == "scp lin@198.51.100.7:/srv/debts.csv lin@198.51.100.7:/srv/log.csv ."


def test_relative_path_made_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert scp_command("a.pdf", SESSION).endswith(f":{tmp_path}/a.pdf .")


def test_spaces_quotes_and_chinese_are_safe_for_both_shells():
    command = scp_command("/home/lin/my files/信 'A' $(rm).pdf", SESSION)
    # The local shell gives scp one argument with the remote escapes intact...
    argv = shlex.split(command)
    assert argv == ["scp", "lin@198.51.100.7:/home/lin/my\\ files/信\\ \\'A\\'\\ \\$\\(rm\\).pdf", "."]
    # ...and the remote shell turns that back into the path (checked against sh below).
    assert remote_path("/a b") == "/a\\ b"
    assert remote_path("/快易借/a-b_c.d,e+f@g%h=i~") == "/快易借/a-b_c.d,e+f@g%h=i~"


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\n"), min_size=1, max_size=20))
def test_the_remote_shell_reads_back_the_exact_path(name):
    path = f"/tmp/{name}"
    local_args = shlex.split(scp_command(path, SESSION))  # what the user's shell passes on
    remote = local_args[-2].split(":", 1)[1]
    echoed = subprocess.run(["sh", "-c", f"printf '%s' {remote}"], capture_output=True, check=True)
    # (Path keeps the name as the file system reads it: "/tmp//" is "/tmp".)
    assert echoed.stdout.decode("utf-8", "surrogateescape") == str(Path(path))


def test_message_in_both_languages():
    set_language("en")
    assert scp_message("scp a .") == (
        "On your own computer, fetch it with (copied if your terminal allows):\nscp a ."
    )
    set_language("zh")
    assert scp_message("scp a .").startswith("在您自己的电脑上用这条命令取回")
    assert scp_message("scp a .").endswith("\nscp a .")

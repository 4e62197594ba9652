"""`repay` used over a real SSH session, as the card's user does, and the file fetched back.

A private sshd on 127.0.0.1 (see e2e_sshd.py); `ssh -tt` in a pseudo-terminal; the screen read
through pyte. The session goes home -> step 2 -> export (`e`, Enter: the file is written and the
scp command shown) -> Send to my computer (Ctrl+T: the app suspends itself, `sz` runs
there and `rz` here, as Xshell or SecureCRT would) -> quit; the PDF that arrived must be
byte-identical. And the scp command we show fetches a file when pasted into a shell
here, with a path that needs quoting.
"""

from __future__ import annotations

import shlex
import subprocess

import pytest
from e2e_helpers import client_env, need, remote_env, repay_command
from e2e_terminal import Terminal

from reports.delivery.ssh import scp_command

EXPORTS = ".local/share/repay-workbook/demo/exports"


@pytest.fixture
def homes(tmp_path):
    server_home, client_home, received = (tmp_path / n for n in ("server", "client", "received"))
    for folder in (server_home, client_home, received):
        folder.mkdir()
    return server_home, client_home, received


def test_home_a_step_an_export_sent_back_by_zmodem_and_quit_over_ssh(sshd, homes):
    need("sz", "rz")
    server_home, client_home, received = homes
    remote = f"{remote_env(server_home)} {repay_command('demo', '--lang', 'en')}"
    term = Terminal(sshd.ssh_argv(remote), env=client_env(client_home), receive_dir=received)
    try:
        term.wait_for("Where you stand", "Key figures")  # the home screen, over SSH
        term.press("2")
        term.wait_for("Step 2: Know what you can pay", "Income")
        term.press("e")
        term.wait_for("Export", "Case summary: debts, budget, plan, agreements", "Folder")
        term.press("enter")
        # Written, and the scp command for the address this session reached.
        screen = term.wait_for("Written:", "fetch it with")
        assert f"{sshd.user}@127.0.0.1:" in screen and f"scp -P {sshd.port}" in screen
        term.press("ctrl+t")  # Send to my computer: the app hands its terminal to sz
        term.wait_for("summary-", "was sent to your computer by ZMODEM", timeout=30)
        term.press("escape")
        term.wait_until(lambda: "Enter writes" not in term.text() and "Case summary" not in term.text(),
                        "closing the export dialog")  # fmt: skip
        term.press("ctrl+q")
        assert term.wait_exit(timeout=30) == 0, term.text()
    finally:
        term.close()
    exported = sorted((server_home / EXPORTS).glob("summary-*.pdf"))
    assert len(exported) == 1  # Send wrote the same file again, in place
    assert term.transfers == [0]  # one ZMODEM transfer, and rz was content
    arrived = received / exported[0].name
    assert arrived.read_bytes() == exported[0].read_bytes()
    assert arrived.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("protocol", ["sftp", "legacy"])
def test_the_scp_command_we_show_fetches_a_file_with_an_awkward_name(sshd, homes, protocol):
    need("scp")
    server_home, client_home, received = homes
    folder = server_home / "my exports"
    folder.mkdir()
    awkward = folder / "清单 快易借 (it's $HOME & more).pdf"
    awkward.write_bytes(b"%PDF-1.4 " + bytes(range(256)))
    session = {"SSH_CONNECTION": f"127.0.0.1 40000 127.0.0.1 {sshd.port}", "USER": sshd.user}
    command = scp_command(awkward, session)
    assert command.startswith(f"scp -P {sshd.port} ")
    # Pasted into the user's shell as shown, with only the test's key and known-hosts
    # settings added (-F), and for the classic protocol (-O) the remote path goes
    # through a shell there; the newer SFTP protocol expands it as a glob.
    options = f"-F {shlex.quote(str(sshd.client_config()))}" + (" -O" if protocol == "legacy" else "")
    command = command.replace("scp ", f"scp {options} ", 1)
    done = subprocess.run(["sh", "-c", command], cwd=received, env=client_env(client_home),
                          capture_output=True, text=True, timeout=30)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (received / awkward.name).read_bytes() == awkward.read_bytes()

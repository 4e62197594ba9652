"""`repay` used over a real SSH session, as the card's user does, and the file fetched back.

A private sshd on 127.0.0.1 (see sshd.py); `ssh -tt` in a pseudo-terminal; the screen read
through pyte. The session goes home -> step 2 -> export (`e`, Enter) -> quit, then the
exported PDF comes back over the same session by ZMODEM (`sz` there, `rz` here, as Xshell
or SecureCRT would) and must be byte-identical; and the scp command we show after an
export fetches the file when pasted into a shell here, with a path that needs quoting.
"""

from __future__ import annotations

import shlex
import subprocess

import pytest
from conftest import client_env, need, remote_env, repay_command
from terminal import Terminal

from reports.delivery.ssh import scp_command

EXPORTS = ".local/share/repay-workbook/demo/exports"
SEND_NEWEST_PDF = (
    "import sys, pathlib; from reports.delivery.zmodem import send_zmodem; "
    "send_zmodem(sorted(pathlib.Path(sys.argv[1]).glob('*.pdf'))[-1])"
)


@pytest.fixture
def homes(tmp_path):
    server_home, client_home, received = (tmp_path / n for n in ("server", "client", "received"))
    for folder in (server_home, client_home, received):
        folder.mkdir()
    return server_home, client_home, received


def test_home_a_step_an_export_and_quit_over_ssh_then_zmodem_back(sshd, homes):
    need("sz", "rz")
    server_home, client_home, received = homes
    env = remote_env(server_home)
    python = shlex.join([__import__("sys").executable, "-c", SEND_NEWEST_PDF])
    remote = (f"{env} {repay_command('demo', '--lang', 'en')} && "
              f"{env} {python} {shlex.quote(str(server_home / EXPORTS))}")  # fmt: skip
    term = Terminal(sshd.ssh_argv(remote), env=client_env(client_home), receive_dir=received)
    try:
        term.wait_for("Where you stand", "Key figures")  # the home screen, over SSH
        term.press("2")
        term.wait_for("Step 2: Know what you can pay", "Income")
        term.press("e")
        term.wait_for("Export", "Case summary: debts, budget, plan, agreements", "Folder")
        term.press("enter")
        screen = term.wait_for("Written:")
        assert "summary-" in screen.replace("\n", "")
        term.press("escape")
        term.wait_until(lambda: "Enter writes" not in term.text() and "Written:" not in term.text(),
                        "closing the export dialog")  # fmt: skip
        term.press("ctrl+q")
        assert term.wait_exit(timeout=30) == 0, term.text()
    finally:
        term.close()
    exported = sorted((server_home / EXPORTS).glob("summary-*.pdf"))
    assert len(exported) == 1
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

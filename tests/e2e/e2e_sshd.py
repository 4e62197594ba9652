"""A private OpenSSH server for the end-to-end tests, touching no system file.

It listens on 127.0.0.1 at a free port with its own host key, sshd_config, authorized
keys and pid file in a temporary folder; key-only (no passwords, no PAM). Running as
root, sshd insists on its privilege-separation folder /run/sshd; when that is missing
(containers that never started the service) sshd runs in a mount namespace of its own
with a private /run, so the machine's /run is not changed. As another user, sshd can
only log in that user, which is who the test connects as.
"""

from __future__ import annotations

import getpass
import os
import shlex
import shutil
import socket
import subprocess
import time
from pathlib import Path

SSHD = "/usr/sbin/sshd"  # sshd must be started by its absolute path (it re-executes itself)
START_TIMEOUT = 10.0


class SshdUnavailable(Exception):
    """sshd cannot run here; the message says why (the test is skipped with it)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _keygen(path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "repay-e2e", "-f", str(path)],
                   check=True, stdin=subprocess.DEVNULL)  # fmt: skip


class PrivateSshd:
    def __init__(self, folder: Path) -> None:
        for tool in ("ssh", "ssh-keygen"):
            if shutil.which(tool) is None:
                raise SshdUnavailable(f"{tool} is not installed (.ci/run installs openssh-client)")
        if not os.access(SSHD, os.X_OK):
            raise SshdUnavailable(f"{SSHD} is not installed (.ci/run installs openssh-server)")
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.host_key = folder / "host_key"
        self.user_key = folder / "user_key"
        _keygen(self.host_key)
        _keygen(self.user_key)
        (folder / "authorized_keys").write_text((folder / "user_key.pub").read_text())
        self.user = getpass.getuser()
        self.port = _free_port()
        self.config = folder / "sshd_config"
        self.config.write_text(
            "\n".join([
                f"ListenAddress 127.0.0.1:{self.port}",
                f"HostKey {self.host_key}",
                f"PidFile {folder / 'sshd.pid'}",
                f"AuthorizedKeysFile {folder / 'authorized_keys'}",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",  # the temporary folder's modes are pytest's
                "PermitRootLogin prohibit-password",
                "PermitUserEnvironment no",
                "PrintMotd no",
                "PrintLastLog no",
                "UseDNS no",
                "X11Forwarding no",
                "AllowTcpForwarding no",
                "Subsystem sftp internal-sftp",
                "LogLevel ERROR",
                "",
            ])
        )  # fmt: skip
        self.log = folder / "sshd.log"
        self.process: subprocess.Popen | None = None

    def _argv(self) -> list[str]:
        sshd = [SSHD, "-D", "-e", "-f", str(self.config)]
        if os.geteuid() != 0 or Path("/run/sshd").is_dir():
            return sshd
        if shutil.which("unshare") is None:
            raise SshdUnavailable("sshd needs /run/sshd, which is missing, and unshare is not installed")
        script = "mount -t tmpfs -o mode=0755 repay-e2e /run && mkdir -m 0755 /run/sshd && exec " + shlex.join(sshd)
        return ["unshare", "--mount", "--propagation", "private", "sh", "-c", script]

    def start(self) -> PrivateSshd:
        check = subprocess.run([SSHD, "-t", "-f", str(self.config)], capture_output=True, text=True)
        if check.returncode != 0 and "privilege separation" not in check.stderr:
            raise SshdUnavailable(f"sshd refuses its test config: {check.stderr.strip()}")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(self._argv(), stdin=subprocess.DEVNULL, stdout=log,
                                            stderr=subprocess.STDOUT)  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SshdUnavailable(f"sshd could not start: {self.log.read_text().strip()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
                    if conn.recv(4).startswith(b"SSH-"):
                        return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise SshdUnavailable(f"sshd did not answer within {START_TIMEOUT} s: {self.log.read_text()}")

    def ssh_argv(self, remote_command: str, *, tty: bool = True) -> list[str]:
        """ssh to this server as the test's user, running `remote_command` there."""
        return [
            "ssh", "-F", "/dev/null", "-tt" if tty else "-T",
            "-i", str(self.user_key), "-p", str(self.port),
            "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR",
            f"{self.user}@127.0.0.1", remote_command,
        ]  # fmt: skip

    def client_config(self) -> Path:
        """An ssh_config for `ssh -F`/`scp -F` that reaches this server as a user's would
        (ssh reads ~/.ssh from the account's home, not $HOME, so it cannot go there)."""
        path = self.folder / "client_config"
        path.write_text(
            f"Host 127.0.0.1\n  IdentityFile {self.user_key}\n  IdentitiesOnly yes\n"
            "  BatchMode yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n"
            "  LogLevel ERROR\n"
        )
        return path

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

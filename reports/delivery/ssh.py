"""The `scp` command that fetches a file written here onto the user's own computer.

Over SSH, `SSH_CONNECTION` is "client-address client-port server-address server-port":
the server address and port are this machine as the user's computer reached it, so the
command names exactly that (an IPv6 address in brackets, `-P` when the port is not 22).
If the user connected by a name or through a jump host, they know to put that instead;
the message says so.

The remote path passes through two shells: the user's own (where they paste) and, with
the classic scp protocol, a shell on this machine; with the newer SFTP protocol scp
expands the remote path as a glob instead. Escaping every character outside a plain set
with a backslash works for both (a shell and glob(3) both read `\\x` as `x`), and the
whole `user@host:path` then goes in single quotes for the local shell.
"""

from __future__ import annotations

import getpass
import ipaddress
import os
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbook.i18n import _

DEFAULT_PORT = 22


@dataclass(frozen=True)
class SshOrigin:
    """Where an SSH session came from and which address of ours it reached."""

    client: str
    server: str
    port: int


def ssh_origin(environ: Mapping[str, str] | None = None) -> SshOrigin | None:
    """The session's addresses from SSH_CONNECTION; None outside SSH (or if it is garbled)."""
    env = os.environ if environ is None else environ
    fields = env.get("SSH_CONNECTION", "").split()
    if len(fields) != 4:
        return None
    client, _client_port, server, port = fields
    try:
        ipaddress.ip_address(server.split("%", 1)[0])
        number = int(port)
    except ValueError:
        return None
    if not 0 < number < 65536:
        return None
    return SshOrigin(client, server, number)


def in_ssh_session(environ: Mapping[str, str] | None = None) -> bool:
    return ssh_origin(environ) is not None


def host_for_scp(address: str) -> str:
    """An address as scp's `host:` part takes it: IPv6 in brackets."""
    return f"[{address}]" if ":" in address else address


def _plain(char: str) -> bool:
    # Letters and digits of any script (a Chinese lender's name) and a few safe marks.
    return char.isalnum() or char in "/._-+,@%=~"


def remote_path(path: Path | str) -> str:
    """`path` with every other character backslash-escaped for the remote side."""
    return "".join(c if _plain(c) else "\\" + c for c in str(path))


def scp_command(
    paths: Path | str | Sequence[Path | str],
    environ: Mapping[str, str] | None = None,
    *,
    user: str | None = None,
) -> str | None:
    """The command to paste on the user's own computer to fetch `paths` (one file or
    several) into the folder they are in; None outside SSH."""
    env = os.environ if environ is None else environ
    origin = ssh_origin(env)
    if origin is None:
        return None
    user = user or env.get("USER") or env.get("LOGNAME") or getpass.getuser()
    where = f"{user}@{host_for_scp(origin.server)}"
    files = [paths] if isinstance(paths, str | Path) else list(paths)
    sources = [f"{where}:{remote_path(Path(p).absolute())}" for p in files]
    port = [] if origin.port == DEFAULT_PORT else ["-P", str(origin.port)]
    return shlex.join(["scp", *port, *sources, "."])


def scp_message(command: str) -> str:
    """What the user reads with the command."""
    return _("On your own computer, fetch it with (copied if your terminal allows):") + "\n" + command  # fmt: skip


__all__ = [
    "SshOrigin",
    "host_for_scp",
    "in_ssh_session",
    "remote_path",
    "scp_command",
    "scp_message",
    "ssh_origin",
]

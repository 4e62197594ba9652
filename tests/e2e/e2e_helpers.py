"""Helpers for the end-to-end tests: how to run `repay` over SSH, and skipping (or, in
CI, failing) where a tool is missing. A module of its own, not conftest.py: several
conftest modules are on sys.path and `from conftest import` would pick any of them."""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def unavailable(reason: str) -> None:
    """Skip with the reason; in CI (which installs and can run everything) fail instead,
    so a broken set-up can never pass as a silent skip."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must be able to run this: {reason}")
    pytest.skip(reason)


def repay_command(*args: str) -> str:
    """The shell words that run `repay` as installed (the console script beside Python)."""
    script = Path(sys.executable).parent / "repay"
    if script.exists():
        return shlex.join([str(script), *args])
    return shlex.join([sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())", *args])


def remote_env(home: Path) -> str:
    """`VAR=value ...` for the remote shell: a fresh HOME (so the demo workbook and its
    exports live in the test's folder), UTF-8, this checkout importable."""
    path = f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin"
    values = {"HOME": str(home), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": path,
              "PYTHONPATH": str(ROOT), "TEXTUAL_ANIMATIONS": "none"}  # fmt: skip
    return " ".join(f"{k}={shlex.quote(v)}" for k, v in values.items())


def client_env(home: Path) -> dict[str, str]:
    """The environment of the ssh client: what a user's terminal would set."""
    return {"HOME": str(home), "TERM": "xterm-256color", "LANG": "C.UTF-8",
            "PATH": os.environ.get("PATH", "/usr/bin:/bin")}  # fmt: skip


def need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        unavailable(f"{', '.join(missing)} not installed (.ci/run installs them)")

"""Fixtures for the end-to-end tests: a private sshd (see e2e_sshd.py)."""

from __future__ import annotations

import pytest
from e2e_helpers import unavailable
from e2e_sshd import PrivateSshd, SshdUnavailable


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    try:
        server = PrivateSshd(tmp_path_factory.mktemp("sshd")).start()
    except SshdUnavailable as exc:
        unavailable(str(exc))
    yield server
    server.stop()

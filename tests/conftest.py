"""Shared test fixtures: every test starts and ends in the same UI language, and none
sees the terminal or SSH session the suite itself was started from."""

import sys
from pathlib import Path

import pytest

from workbook import i18n


@pytest.fixture(autouse=True)
def _restore_language():
    before = i18n.current_language()
    yield
    i18n.set_language(before)


# Test helpers (guide_samples, tui_helpers, reports_pdf, storage_files) sit beside the
# tests of their package; tests in sub-folders import them by name, as before.
_TESTS = Path(__file__).resolve().parent
for _helpers in ("workbook", "tui", "reports", "storage"):
    if str(_TESTS / _helpers) not in sys.path:
        sys.path.insert(0, str(_TESTS / _helpers))


# What the delivery code reads from the environment (reports.delivery): a developer
# running the suite over SSH, in iTerm2 or in tmux must get the same results as CI.
_SESSION_VARIABLES = ("SSH_CONNECTION", "SSH_CLIENT", "TERM_PROGRAM", "LC_TERMINAL", "TMUX", "STY")


@pytest.fixture(autouse=True)
def _no_session_from_outside(monkeypatch):
    for name in _SESSION_VARIABLES:
        monkeypatch.delenv(name, raising=False)

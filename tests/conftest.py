"""Shared test fixtures: every test starts and ends in the same UI language."""

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

"""Shared test fixtures: every test starts and ends in the same UI language."""

import pytest

from workbook import i18n


@pytest.fixture(autouse=True)
def _restore_language():
    before = i18n.current_language()
    yield
    i18n.set_language(before)

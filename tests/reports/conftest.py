"""Fixtures for the report tests."""

from __future__ import annotations

import pytest

from reports.fonts import choose_fonts


@pytest.fixture(scope="session")
def fonts():
    return choose_fonts()

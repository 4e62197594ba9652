from __future__ import annotations

from pathlib import Path

import pytest

import storage  # noqa: F401  (registers the storage catalog)
from workbook.i18n import current_language, set_language


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English unless a test switches; restore afterwards."""
    before = current_language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def wb_path(tmp_path: Path) -> Path:
    return tmp_path / "books" / "workbook.json"

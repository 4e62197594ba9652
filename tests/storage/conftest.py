from __future__ import annotations

import sys
from pathlib import Path

import pytest

from workbook.i18n import current_language, set_language

# `pytest` (unlike `python -m pytest`) does not put the project root on sys.path, and
# pytest's rootdir insertion makes the folder tests/storage an empty namespace package
# that shadows the real `storage` (its __init__ never runs). Until pyproject sets
# `pythonpath = ["."]`, put the root first and drop a namespace stand-in.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if getattr(sys.modules.get("storage"), "__file__", "") is None:
    del sys.modules["storage"]

import storage  # noqa: E402, F401  (registers the storage catalog)


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

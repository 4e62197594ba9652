"""Fixtures for the report tests: the fonts, and reading a PDF's text back."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pypdf
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the sample module beside this file

from reports.fonts import choose_fonts  # noqa: E402


@pytest.fixture(scope="session")
def fonts():
    return choose_fonts()


def pdf_text(path: Path) -> str:
    """All the text of the PDF, pages joined."""
    reader = pypdf.PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squeeze(text: str) -> str:
    """Text without any whitespace: wrapping may break a line anywhere in CJK text."""
    return re.sub(r"\s+", "", text)


def contains(path_or_text, *needles: str) -> list[str]:
    """The needles NOT found in the PDF (or text), compared without whitespace."""
    text = pdf_text(path_or_text) if isinstance(path_or_text, Path) else path_or_text
    hay = squeeze(text)
    return [n for n in needles if squeeze(n) not in hay]

"""Reading a PDF's text back for the report tests."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf


def pdf_text(path: Path) -> str:
    """All the text of the PDF, pages joined."""
    reader = pypdf.PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squeeze(text: str) -> str:
    """Text without any whitespace: wrapping may break a line anywhere in CJK text."""
    return re.sub(r"\s+", "", text)


def missing(path_or_text, *needles: str) -> list[str]:
    """The needles not found in the PDF (or text), compared without whitespace:
    `assert not missing(pdf, "a", "b")` reads "nothing is missing"."""
    text = pdf_text(path_or_text) if isinstance(path_or_text, Path) else path_or_text
    hay = squeeze(text)
    return [n for n in needles if squeeze(n) not in hay]

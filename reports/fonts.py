"""Finding and registering the fonts a PDF needs.

Chinese must show in every viewer and on every printer, so the body font is a CJK
font with TrueType outlines, embedded (subset) in the file. It is looked for in this
order: the REPAY_PDF_FONT environment variable, the workbook's `pdf_font` setting,
then fontconfig (WenQuanYi first, then any font claiming Chinese). reportlab only
reads TrueType outlines, so a candidate is accepted only once it has loaded and
really has Chinese glyphs (fc-match answers with *some* font even when the one asked
for is missing). If none is found the built-in CID font STSong-Light is used: it is
not embedded, so viewers without Adobe's Chinese pack show blank Chinese, and the
choice carries a warning that says so and how to fix it.

Symbols the CJK font lacks (the check boxes ☐ ☑) come from DejaVu Sans when fontconfig
finds it; without it the check boxes are drawn as graphics (see `reports.checkbox`).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from workbook.i18n import N_, translate

ENV_VAR = "REPAY_PDF_FONT"
CID_FALLBACK = "STSong-Light"
CJK_FAMILIES = (
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Sans CJK SC",
    "Droid Sans Fallback",
)
SYMBOL_FAMILY = "DejaVu Sans"
PROBE_CHINESE = "中文还款"
BOXES = "\u2610\u2611"  # ☐ ☑

FALLBACK_WARNING = N_(
    "No Chinese font with TrueType outlines was found, so this PDF uses a built-in font "
    "that is not embedded: some viewers and printers will show the Chinese as blank. "
    "To fix it, install one (on Debian or Ubuntu: sudo apt install fonts-wqy-microhei) "
    "or point REPAY_PDF_FONT, or the PDF font setting, at a .ttf or .ttc file."
)
UNUSABLE_FONT = N_("The PDF font {path} could not be used ({reason}); another font was chosen.")
NO_SUCH_FILE = N_("no such file")
NO_CHINESE = N_("it has no Chinese characters")


@dataclass(frozen=True)
class Notice:
    """A message for the user about the font choice, translated when shown."""

    msgid: str
    values: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str) -> str:
        # Values that are message ids (the reasons below) are translated too.
        values = {key: translate(value, lang) for key, value in self.values}
        return translate(self.msgid, lang).format(**values)


@dataclass(frozen=True)
class FontChoice:
    """Registered reportlab font names for one document."""

    regular: str  # body text, Chinese included
    embedded: bool  # False only for the CID fallback
    path: Path | None = None  # the CJK font file, when embedded
    symbols: str | None = None  # a font with ☐ ☑ and other symbols, if any
    notices: tuple[Notice, ...] = field(default=())
    # Characters each font can draw, by registered name (the CID font: None = "BMP").
    coverage: Mapping[str, frozenset[int] | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def warning(self) -> Notice | None:
        """The plain warning the user must see when Chinese may print blank."""
        return None if self.embedded else Notice(FALLBACK_WARNING)

    def messages(self, lang: str) -> list[str]:
        """Everything the user should be told about the fonts, in `lang`."""
        found = [n.text(lang) for n in self.notices]
        if self.warning is not None:
            found.append(self.warning.text(lang))
        return found

    def can_draw(self, font: str, char: str) -> bool:
        covered = self.coverage.get(font)
        if covered is None:  # the CID font: assume the BMP (it has no surrogate pairs)
            return ord(char) <= 0xFFFF
        return ord(char) in covered


class FontError(Exception):
    pass


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF written as UTF-16.

    reportlab writes every code point as `%04X`, so U+20BB7 (𠮷, found in names) or an
    emoji becomes an odd-length hex string that readers reject: copying, searching
    and text extraction then lose the character. UTF-16BE is what the PDF format asks
    for; for the Basic Multilingual Plane it is the very same four digits.
    """
    lines = _original_to_unicode_cmap(fontname, subset).split("\n")
    start = lines.index(f"{len(subset)} beginbfchar") + 1
    for i, code in enumerate(subset):
        if code > 0xFFFF:
            lines[start + i] = f"<{i:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
    return "\n".join(lines)


_original_to_unicode_cmap = ttfonts.makeToUnicodeCMap
if getattr(_original_to_unicode_cmap, "__module__", "") == ttfonts.__name__:
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def choose_fonts(
    settings_font: str = "",
    environ: Mapping[str, str] | None = None,
    search_system: bool = True,
) -> FontChoice:
    """The fonts to use: configured ones first, then fontconfig, then the CID fallback.

    `search_system=False` skips fontconfig (tests use it to get the fallback).
    """
    env = os.environ if environ is None else environ
    return _choose(env.get(ENV_VAR, "").strip(), (settings_font or "").strip(), search_system)


@functools.cache
def _choose(env_font: str, settings_font: str, search_system: bool) -> FontChoice:
    notices: list[Notice] = []
    coverage: dict[str, frozenset[int] | None] = {}
    regular: str | None = None
    path: Path | None = None
    for configured in (env_font, settings_font):
        if not configured or regular:
            continue
        try:
            regular, covered, path = _load_cjk(configured)
            coverage[regular] = covered
        except FontError as exc:
            notices.append(Notice(UNUSABLE_FONT, (("path", configured), ("reason", str(exc)))))
    if regular is None and search_system:
        for candidate in _fontconfig_cjk_candidates():
            try:
                regular, covered, path = _load_cjk(candidate)
                coverage[regular] = covered
                break
            except FontError:
                continue
    embedded = regular is not None
    if regular is None:
        regular = CID_FALLBACK
        if regular not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        coverage[regular] = None
    symbols = _load_symbols() if search_system else None
    if symbols is not None:
        coverage[symbols[0]] = symbols[1]
    _register_family(regular)
    return FontChoice(
        regular=regular,
        embedded=embedded,
        path=path,
        symbols=symbols[0] if symbols else None,
        notices=tuple(notices),
        coverage=coverage,
    )


def _split_index(spec: str) -> tuple[Path, int]:
    """`file.ttc#1` names the second face of a collection; plain paths mean face 0."""
    match = re.fullmatch(r"(.*?)#(\d+)", spec)
    if match:
        return Path(match.group(1)).expanduser(), int(match.group(2))
    return Path(spec).expanduser(), 0


def _load_cjk(spec: str) -> tuple[str, frozenset[int], Path]:
    path, index = _split_index(spec)
    name, covered = _load_ttf(path, index, "RepayCJK")
    if not all(ord(ch) in covered for ch in PROBE_CHINESE):
        raise FontError(NO_CHINESE)
    return name, covered, path


def _load_symbols() -> tuple[str, frozenset[int]] | None:
    for candidate in _fc_match(SYMBOL_FAMILY):
        try:
            name, covered = _load_ttf(Path(candidate), 0, "RepaySym")
        except FontError:
            continue
        if all(ord(ch) in covered for ch in BOXES):
            return name, covered
    return None


def _load_ttf(path: Path, index: int, prefix: str) -> tuple[str, frozenset[int]]:
    """Register the face once per file and index; its original character coverage."""
    if not path.is_file():
        raise FontError(NO_SUCH_FILE)
    stem = re.sub(r"[^A-Za-z0-9]+", "", path.stem) or "font"
    name = f"{prefix}-{stem}-{index}"
    if name not in _COVERAGE:
        try:
            font = TTFont(name, str(path), subfontIndex=index)
        except Exception as exc:  # reportlab raises several kinds (CFF outlines, bad file)
            raise FontError(str(exc) or type(exc).__name__) from exc
        # Copied now: `reports.text` later maps undrawable characters in this face.
        _COVERAGE[name] = frozenset(font.face.charToGlyph)
        pdfmetrics.registerFont(font)
    return name, _COVERAGE[name]


_COVERAGE: dict[str, frozenset[int]] = {}


def _register_family(name: str) -> None:
    # One face serves as bold and italic too, so <b> in our own markup never fails.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)


def _fontconfig_cjk_candidates() -> list[str]:
    found: list[str] = []
    for family in CJK_FAMILIES:
        found.extend(f for f in _fc_match(family) if f.lower().endswith((".ttf", ".ttc")))
    found.extend(_fc_list(":lang=zh"))
    return list(dict.fromkeys(found))


def _fc_match(family: str) -> list[str]:
    out = _run_fc(["fc-match", "-f", "%{file}", family])
    return [out.strip()] if out.strip() else []


def _fc_list(pattern: str) -> list[str]:
    out = _run_fc(["fc-list", "-f", "%{file}#%{index}\n", pattern])
    specs = []
    for line in sorted(out.splitlines()):
        file, _, index = line.partition("#")
        if file.lower().endswith((".ttf", ".ttc")):
            specs.append(file if index in ("", "0") else f"{file}#{index}")
    return specs


def _run_fc(cmd: list[str]) -> str:
    if shutil.which(cmd[0]) is None:
        return ""
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout if result.returncode == 0 else ""


__all__ = ["ENV_VAR", "FALLBACK_WARNING", "FontChoice", "FontError", "Notice", "choose_fonts"]

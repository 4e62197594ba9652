"""Paragraphs from markup we built ourselves, without reportlab's markup parser.

reportlab parses every Paragraph's text with `html.parser` and builds its frags (runs
of text in one style) from the tags; for a 10,000-entry log that is a fifth of the
time. Our own markup uses four constructs only — `<font color="...">`, `<font name="...">`
(a symbol font), `</font>` and `<br/>` — around escaped user text (`&amp; &lt; &gt;`). For such text the frags are
made here directly, as copies of frags that reportlab's parser made once for the same
style and the same nesting, so they are the parser's frags exactly (the same objects'
contents, the same split at each entity). Anything else — another tag, an attribute,
nesting that does not close — goes to reportlab's parser as before.
`tests/reports/test_markup_frags.py` compares both on generated text.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.platypus import paragraph
from reportlab.platypus.paraparser import ParaParser

from reports.cjk_split import clone
from reports.paragraphs import WrapOnceParagraph

# reportlab internals the stubs leave out, reached untyped.
_paragraph: Any = paragraph
cleanBlockQuotedText = _paragraph.cleanBlockQuotedText
textTransformFrags = _paragraph.textTransformFrags

_TOKEN = re.compile(r'(<font (?:color|name)="[^"<>&]*">|</font>|<br/>|<[^>]*>|&amp;|&lt;|&gt;)')
_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">"}
_TEMPLATES: dict[tuple, tuple] = {}
_MAX_TEMPLATES = 512


class _Unsupported(Exception):
    pass


def _parse(text: str, style) -> list:
    parser = ParaParser()
    parser.caseSensitive = 1
    _style, frags, _bullets = parser.parse(text, style)
    if frags is None:
        raise _Unsupported(text)
    return frags


def _templates(style, path: tuple[str, ...]) -> tuple:
    """The parser's text frag and <br/> frag inside the open tags `path`, for `style`."""
    key = (id(style), path)
    found = _TEMPLATES.get(key)
    if found is not None and found[0] is style:
        return found[1], found[2]
    close = "</font>" * len(path)
    (text_frag,) = _parse("".join(path) + "x" + close, style)
    (br_frag,) = _parse("".join(path) + "<br/>" + close, style)
    if len(_TEMPLATES) >= _MAX_TEMPLATES:
        _TEMPLATES.clear()
    _TEMPLATES[key] = (style, text_frag, br_frag)  # the style kept alive: its id stays its own
    return text_frag, br_frag


def markup_frags(text: str, style) -> tuple[str, list] | None:
    """What reportlab's parser would make of `text` (the cleaned text and its frags), or
    None if it is not our markup."""
    cleaned = cleanBlockQuotedText(text)
    path: list[str] = []
    frags = []
    try:
        for index, token in enumerate(_TOKEN.split(cleaned)):
            if not token:
                continue
            if index % 2 == 0 and ("<" in token or "&" in token):
                return None  # not escaped: the parser decides what it means
            if index % 2 == 0 or token in _ENTITIES:
                text_frag = _templates(style, tuple(path))[0]
                frags.append(clone(text_frag, _ENTITIES.get(token, token) if index % 2 else token))
            elif token == "<br/>":
                br_frag = _templates(style, tuple(path))[1]
                frags.append(clone(br_frag, br_frag.text))
            elif token == "</font>":
                if not path:
                    return None
                path.pop()
            elif token.startswith("<font "):
                path.append(token)
            else:
                return None
    except _Unsupported:
        return None
    if path or not frags:
        return None
    textTransformFrags(frags, style)
    return cleaned, frags


def fast_paragraph(text: str, style) -> WrapOnceParagraph:
    """`WrapOnceParagraph(text, style)`, its frags made without the parser when possible."""
    made = markup_frags(text, style)
    if made is None:
        return WrapOnceParagraph(text, style)
    cleaned, frags = made
    return WrapOnceParagraph(cleaned, style, frags=frags)


__all__ = ["fast_paragraph", "markup_frags"]

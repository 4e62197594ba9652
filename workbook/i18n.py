"""Languages: gettext catalogs for Simplified Chinese, English as the source language.

Message ids are English. Catalogs are `.po` files under `<package>/locale/zh/`; every
`.po` there is merged, so each area keeps its own file. They are read at start-up
(no compile step, so a catalog can never be stale against its source).

`_()` translates into the current language; `N_()` only marks a string for the
catalog check (for labels defined at import time and translated when shown);
`translate(msgid, lang)` gives one language whatever the UI uses (letters to Chinese
lenders are in Chinese).
"""

from __future__ import annotations

import ast
import gettext
import locale
import os
from pathlib import Path

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"

_catalog_dirs: list[Path] = [Path(__file__).parent / "locale"]
_catalogs: dict[str, dict[str, str]] = {}
_current = DEFAULT_LANGUAGE


class _Catalog(gettext.NullTranslations):
    def __init__(self, messages: dict[str, str]) -> None:
        super().__init__()
        self._messages = messages

    def gettext(self, message: str) -> str:
        return self._messages.get(message) or message


def add_catalog_dir(path: Path) -> None:
    """Register another package's `locale/` folder (reports, tui)."""
    path = Path(path)
    if path not in _catalog_dirs:
        _catalog_dirs.append(path)
        _catalogs.clear()


def catalog(lang: str) -> dict[str, str]:
    """msgid -> translation for `lang`, merged from every registered folder."""
    if lang not in _catalogs:
        merged: dict[str, str] = {}
        for folder in _catalog_dirs:
            for po in sorted((folder / lang).glob("*.po")):
                merged.update(parse_po(po.read_text(encoding="utf-8")))
        _catalogs[lang] = merged
    return _catalogs[lang]


def translations(lang: str) -> gettext.NullTranslations:
    return _Catalog(catalog(lang))


def translate(msgid: str, lang: str) -> str:
    if lang == "en":
        return msgid
    return catalog(lang).get(msgid) or msgid


def _(msgid: str) -> str:
    return translate(msgid, _current)


def N_(msgid: str) -> str:
    return msgid


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    _current = lang


def current_language() -> str:
    return _current


def language_from_locale(environ: dict[str, str] | None = None) -> str:
    """zh when the locale is Chinese, else en."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(key, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "zh" if loc.lower().startswith("zh") else "en"


def choose_language(cli: str | None, saved: str | None, environ: dict[str, str] | None = None) -> str:
    """--lang first, then the saved setting, then the locale."""
    for choice in (cli, saved):
        if choice in LANGUAGES:
            return choice
    return language_from_locale(environ)


def parse_po(text: str) -> dict[str, str]:
    """msgid -> msgstr of a .po file (no plurals or contexts: we use neither)."""
    messages: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    current: list[str] | None = None

    def flush() -> None:
        if msgid is not None and msgstr is not None:
            key = "".join(msgid)
            if key:
                messages[key] = "".join(msgstr)

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("msgid "):
            flush()
            msgid, msgstr = [_unquote(line[6:])], None
            current = msgid
        elif line.startswith("msgstr "):
            msgstr = [_unquote(line[7:])]
            current = msgstr
        elif line.startswith('"') and current is not None:
            current.append(_unquote(line))
    flush()
    return messages


def _unquote(token: str) -> str:
    token = token.strip()
    inner = token[1:-1]
    # Most strings have no escapes: cut the quotes (literal_eval for each made parsing
    # the Chinese catalogs cost ~40 ms at every start).
    if len(token) >= 2 and token[0] == token[-1] == '"' and "\\" not in inner and '"' not in inner:
        return inner
    value = ast.literal_eval(token)
    if not isinstance(value, str):
        raise ValueError(f"not a quoted string in a .po file: {token!r}")
    return value

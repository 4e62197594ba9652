"""Every message the program can show has its Chinese translation."""

import ast
import importlib
import re
from pathlib import Path

import pytest

from workbook import i18n

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("workbook", "storage", "reports", "tui")


def _marked_messages() -> dict[str, str]:
    """msgid -> where it is used, for every literal passed to _() or N_()."""
    found: dict[str, str] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_")
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    where = f"{path.relative_to(ROOT)}:{node.lineno}"
                    found.setdefault(node.args[0].value, where)
    return found


def test_every_message_has_a_chinese_translation():
    for package in PACKAGES:  # registers each package's catalog folder
        importlib.import_module(package)
    zh = i18n.catalog("zh")
    missing = {m: w for m, w in _marked_messages().items() if not zh.get(m)}
    assert not missing, "untranslated:\n" + "\n".join(f"{w}: {m!r}" for m, w in missing.items())


def test_the_check_finds_messages():
    # Guards the guard: if the scan found nothing, the test above would pass vacuously.
    assert len(_marked_messages()) > 20


def test_parse_po_handles_continuations_and_escapes():
    text = 'msgid ""\nmsgstr "header"\n\n# c\nmsgid "a \\"b\\""\nmsgstr ""\n"line1\\n"\n"line2"\n'
    assert i18n.parse_po(text) == {'a "b"': "line1\nline2"}


def test_translate_follows_current_language():
    i18n.set_language("en")
    assert i18n._("Unknown message id") == "Unknown message id"
    assert i18n.translate("anything", "en") == "anything"


def test_choose_language_order():
    assert i18n.choose_language("en", "zh", {"LANG": "zh_CN.UTF-8"}) == "en"
    assert i18n.choose_language(None, "en", {"LANG": "zh_CN.UTF-8"}) == "en"
    assert i18n.choose_language(None, "", {"LANG": "zh_CN.UTF-8"}) == "zh"
    assert i18n.choose_language(None, None, {"LANG": "en_GB.UTF-8"}) == "en"
    assert i18n.choose_language("fr", None, {"LC_ALL": "zh_TW"}) == "zh"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        i18n.set_language("fr")


def test_a_message_has_one_translation_across_catalogs():
    # Catalogs are merged; the same msgid translated two ways would show one or the
    # other depending on import order.
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for po in sorted(ROOT.glob("*/**/locale/zh/*.po")):
        for msgid, msgstr in i18n.parse_po(po.read_text(encoding="utf-8")).items():
            first = seen.setdefault(msgid, (po.name, msgstr))
            if first[1] != msgstr:
                clashes.append(f"{msgid!r}: {first} vs {(po.name, msgstr)}")
    assert not clashes, "\n".join(clashes)


_PLACEHOLDER = re.compile(r"\{([A-Za-z_0-9]*)(?:[:!][^{}]*)?\}")


def test_translations_keep_the_placeholders_of_their_message():
    # `.format(amount=...)` on a translation that says {amout} raises KeyError in the
    # middle of the UI; one that drops {path} hides which file is meant.
    for package in PACKAGES:
        importlib.import_module(package)
    wrong = [
        f"{msgid!r} -> {msgstr!r}"
        for msgid, msgstr in i18n.catalog("zh").items()
        if msgstr and set(_PLACEHOLDER.findall(msgid)) != set(_PLACEHOLDER.findall(msgstr))
    ]
    assert not wrong, "\n".join(wrong)


def test_the_placeholder_check_sees_a_typo():
    assert set(_PLACEHOLDER.findall("Balance {amount}")) != set(
        _PLACEHOLDER.findall("余额 {amout}")
    )
    assert _PLACEHOLDER.findall("{n:>3} {x!r} {}") == ["n", "x", ""]

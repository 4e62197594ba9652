"""The guide catalog: every placeholder survives translation."""

import re
from pathlib import Path

import workbook
from workbook.i18n import parse_po

PO = Path(workbook.__file__).parent / "locale" / "zh" / "guide.po"
FIELD = re.compile(r"\{(\w*)\}")


def test_placeholders_match_between_english_and_chinese():
    messages = parse_po(PO.read_text(encoding="utf-8"))
    assert len(messages) > 100
    for msgid, msgstr in messages.items():
        assert sorted(FIELD.findall(msgid)) == sorted(FIELD.findall(msgstr)), msgid
        assert msgstr.strip(), msgid

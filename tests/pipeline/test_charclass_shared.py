"""One CJK class for cleaning, extraction and search (issue 12 item 4): every ideograph block, and no
module writes a narrower class of its own."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.charclass import HAN, is_han
from pipeline.extraction.people import find_people
from storage.fulltext import tokens

ROOT = Path(__file__).resolve().parents[2]
# U+4E00 URO, U+3400 Ext. A, U+F900 compatibility, U+20000 Ext. B, U+2B740 Ext. D, U+2F800
# compatibility supplement, U+30000 Ext. G, U+31350 Ext. H.
SAMPLES = "\u4e00\u3400\uf900\U00020000\U0002b740\U0002f800\U00030000\U00031350"


def test_every_block_is_han() -> None:
    assert all(is_han(c) and HAN.fullmatch(c) for c in SAMPLES)
    assert not is_han("a") and not is_han("，")


def test_no_module_writes_a_narrow_class() -> None:
    narrow = re.compile(r"\\u4e00-\\u9f[a-f]{2}|一-龥")
    offenders = [
        str(p.relative_to(ROOT))
        for d in ("pipeline", "storage", "gui")
        for p in (ROOT / d).rglob("*.py")
        if p.name != "charclass.py" and narrow.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_search_tokens_keep_supplementary_ideographs() -> None:
    # Extension H was outside the search index's own class (compatibility ideographs are folded by
    # NFKC before tokenising, so they index as their unified forms).
    assert any("\U00031350" in t for t in tokens("招商\U00031350区").split())


def test_a_name_with_an_extension_character_is_a_person() -> None:
    assert ("王䶮", "副市长") in [(h.name, h.title) for h in find_people("副市长王䶮出席签约仪式。")]

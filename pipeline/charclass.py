"""The one Han character class cleaning and extraction share.

Every CJK ideograph block: the URO (U+4E00–U+9FFF), Extension A (U+3400–U+4DBF), the
compatibility ideographs (U+F900–U+FAFF), and the supplementary planes from Extension B to
Extension H with the compatibility supplement (U+20000–U+323AF). Names such as 王䶮 (Ext. A) or
李𬭚 (Ext. E) are written with them; a narrow ``\\u4e00-\\u9fff`` class would cut them off.
Python strings index by code point, so offsets stay code-point offsets whatever the block.
"""

from __future__ import annotations

import re

HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af"
HAN = re.compile(f"[{HAN_CLASS}]")
NOT_HAN = re.compile(f"[^{HAN_CLASS}]")


def is_han(ch: str) -> bool:
    """Whether one character is a CJK ideograph (the cheap comparisons first: most are in the URO)."""
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\uf900" <= ch <= "\ufaff"
        or "\U00020000" <= ch <= "\U000323af"
    )


def han_count(text: str) -> int:
    return sum(1 for ch in text if is_han(ch))

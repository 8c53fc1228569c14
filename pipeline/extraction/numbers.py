"""Numbers as written in Chinese news: ``395.049``, ``1,200``, ``三十``, ``两千``, with 万/亿 multipliers."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"
MULTIPLIERS: dict[str, int] = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "万": 10**4,
    "千": 10**3,
    "百": 10**2,
}


def parse_chinese_int(text: str) -> int | None:
    """``三十`` → 30, ``两千五百`` → 2500, ``十一`` → 11; ``None`` if not a numeral."""
    if not text or any(c not in _DIGITS and c not in _SMALL_UNITS and c not in _BIG_UNITS for c in text):
        return None
    total = 0
    section = 0
    digit: int | None = None
    for c in text:
        if c in _DIGITS:
            digit = _DIGITS[c] if digit is None else digit * 10 + _DIGITS[c]
        elif c in _SMALL_UNITS:
            section += (1 if digit is None else digit) * _SMALL_UNITS[c]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * _BIG_UNITS[c]
            section = 0
            digit = None
    return total + section + (digit or 0)


def parse_number(text: str) -> float | None:
    """Arabic (with thousands separators and decimals) or Chinese numerals."""
    t = text.replace(",", "").replace("，", "")
    if not t:
        return None
    try:
        return float(t)
    except ValueError:
        pass
    if "点" in t:
        whole, _, frac = t.partition("点")
        w = parse_chinese_int(whole)
        digits = "".join(str(_DIGITS.get(c, "")) for c in frac)
        if w is None or len(digits) != len(frac):
            return None
        return float(f"{w}.{digits}")
    v = parse_chinese_int(t)
    return float(v) if v is not None else None


def scale(value: float, multiplier: str) -> float:
    return value * MULTIPLIERS.get(multiplier, 1)


def as_int_if_whole(value: float) -> int | float:
    """395.049 × 10^8 is a whole number of yuan; round away float noise before saying so."""
    r = round(value)
    return int(r) if abs(value - r) < 1e-6 * max(1.0, abs(value)) else value

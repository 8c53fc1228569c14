"""Every resources/ file names its source and how it is rebuilt; the industries table is what its
script derives from the national classifications."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"


def _header(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = []
    for ln in lines:
        if not ln.startswith("#"):
            break
        head.append(ln)
    return "\n".join(head)


def _build_industries():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_industries", ROOT / "scripts" / "build_industries.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_resource_names_its_source_and_rebuild() -> None:
    files = [p for p in RESOURCES.rglob("*") if p.suffix in (".txt", ".tsv")]
    assert files
    for path in files:
        head = _header(path)
        assert re.search(r"[Ss]ource|from|jieba|GB/T|国家统计局", head), f"{path.name}: no source named"
        scripts = re.findall(r"scripts/(build_\w+\.py)", head)
        assert scripts or "Rebuild:" in head, f"{path.name}: no rebuild script or 'Rebuild:' line"
        for s in scripts:
            assert (ROOT / "scripts" / s).exists(), f"{path.name}: {s} does not exist"


def test_industries_table_is_what_the_script_derives() -> None:
    built = _build_industries().build()
    assert (RESOURCES / "industries.tsv").read_text(encoding="utf-8") == built


def test_class_names_give_their_everyday_forms() -> None:
    mod = _build_industries()
    assert mod.stem("医药制造业") == "医药"
    assert mod.stem("生物农业") == "生物农业"  # 农业 is a word: its 业 is no generic ending
    assert "大数据" in mod.forms("互联网与云计算、大数据服务")
    assert "石油" not in mod.forms("石油、煤炭及其他燃料加工业")  # an "and others" group is not split
    assert "装备制造" in mod.forms("高端装备制造产业")

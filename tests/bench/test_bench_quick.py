"""The benchmark runs end to end in its quick form and reports every figure as a sane number.

It checks that the numbers exist and are positive and finite, never that they are fast: speed
depends on the machine (docs/performance.md has the measured figures and how to repeat them).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_quick_benchmark_reports_every_figure(tmp_path: Path) -> None:
    from gui.bench import KEYS

    out = tmp_path / "bench.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run(
        [sys.executable, "-m", "gui.cli", "bench", "run", "--quick", "--json", str(out),
         "--workdir", str(tmp_path / "work")],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=540,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    for key in KEYS:
        value = figures.get(key)
        assert isinstance(value, int | float) and not isinstance(value, bool), (key, value)
        assert math.isfinite(value) and value > 0, (key, value)
    assert figures["import_articles"] == figures["sizes"]["corpus"]
    assert figures["store_articles"] == figures["sizes"]["store"] == figures["gui_rows"]
    assert figures["export_articles"] == figures["store_articles"]
    assert figures["switch_timeouts"] == 0 and figures["first_rows_signal"] is True
    # The table on stdout names every figure.
    for key in KEYS:
        assert key in result.stdout
    # The work folder is removed unless --keep.
    assert not (tmp_path / "work").exists()


def test_corpus_is_deterministic_and_decodable(tmp_path: Path) -> None:
    from pipeline.bench.corpus import KINDS, make_corpus
    from pipeline.ingest import read_file

    first = make_corpus(120, tmp_path / "a", seed=5)
    again = make_corpus(120, tmp_path / "b", seed=5)
    other = make_corpus(5, tmp_path / "c", seed=6)
    assert [f.path.read_bytes() for f in first] == [f.path.read_bytes() for f in again]
    assert first[0].path.read_bytes() != other[0].path.read_bytes()
    assert {k for f in first for k in f.kinds} == set(KINDS)
    assert any(len(f.kinds) > 1 for f in first)
    assert {f.encoding for f in first} >= {"utf-8", "gb18030", "utf-16"}
    assert sum(2500 <= f.chars <= 4000 for f in first) >= 0.9 * len(first)
    for f in first[:40]:
        doc = read_file(f.path)
        assert len(doc.text) == f.chars

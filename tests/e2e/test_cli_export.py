"""``curator export`` in every format, ``curator group`` and ``curator canonical``, in-process
(``gui.cli.main``: the same parser and handlers the installed command runs)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from gui.cli import main

FIXTURES = Path(__file__).parents[1] / "fixtures" / "dedup"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("cli-export")
    story = root / "story"
    story.mkdir()
    for name in ("original", "edited"):
        (story / f"{name}.txt").write_text((FIXTURES / f"{name}.txt").read_text("utf-8"), "utf-8")
    seeds = Path(__file__).parents[2] / "seeds"
    seed = next(seeds.glob("001_*.txt")).read_text("utf-8")
    (story / "repost.txt").write_text("\n".join(seed.split("\n")[:5]) + "\n", "utf-8")
    url = f"sqlite:///{root / 'store.db'}"
    assert main(["--db", url, "import", str(seeds), str(story)]) == 0
    return url


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio", "conll", "jsonl", "csv", "spacy"])
def test_every_file_format_with_filters_and_splits(db: str, tmp_path: Path, fmt: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    if fmt == "spacy":
        pytest.importorskip("spacy")
    out = tmp_path / f"data.{fmt}"
    code = main(["--db", db, "export", "--format", fmt, "--out", str(out), "--split", "0.5,0.25,0.25",
                 "--seed", "7", "--without-flag", "pinyin_damaged", "--status", "new"])
    said = capsys.readouterr().out
    assert code == 0 and "Exported 7 articles" in said and "train" in said
    files = sorted(p.name for p in tmp_path.iterdir())
    if fmt == "spacy":  # a directory of DocBin shards, one folder per split
        assert files == ["data.spacy"]
        assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.spacy")) == [
            f"{s}/part-00000.spacy" for s in ("test", "train", "validation")]
        return
    assert files == [f"data.{s}.{fmt}" for s in ("test", "train", "validation")]


def test_hf_canonical_only_and_group_commands(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "group"]) == 0
    assert "1 near-duplicate groups hold 3" in capsys.readouterr().out
    assert main(["--db", db, "group", "--members", "7"]) == 0
    members = [int(x) for x in capsys.readouterr().out.split()]
    assert members == [6, 7, 8]
    out = tmp_path / "hf"
    assert main(["--db", db, "export", "--format", "hf", "--out", str(out), "--canonical-only"]) == 0
    rows = [r for f in (out / "data").glob("*.parquet") for r in pq.read_table(f).to_pylist()]
    assert len(rows) == 6 and len({r["id"] for r in rows} & set(members)) == 1
    assert (out / "README.md").read_text("utf-8").startswith("---\n")
    assert main(["--db", db, "canonical", "8"]) == 0
    capsys.readouterr()
    dump = tmp_path / "c.jsonl"
    assert main(["--db", db, "export", "--out", str(dump), "--canonical-only"]) == 0
    ids = {json.loads(line)["id"] for line in dump.read_text("utf-8").splitlines()}
    assert ids & set(members) == {8}


def test_bad_options_are_one_line_messages(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    for args in (["--split", "0.8,0.2"], ["--since", "yesterday"], ["--labels", "nonsense=X"]):
        assert main(["--db", db, "export", "--out", str(tmp_path / "x.jsonl"), *args]) == 2
        err = capsys.readouterr().err
        assert err.startswith("curator: ") and err.count("\n") == 1 and "Traceback" not in err
    monkeypatch.setitem(sys.modules, "spacy", None)
    assert main(["--db", db, "export", "--format", "spacy", "--out", str(tmp_path / "x.spacy")]) == 1
    err = capsys.readouterr().err
    assert "pip install 'article-curator[spacy]'" in err and err.count("\n") == 1
    assert main(["--db", db, "canonical", "999"]) == 1
    assert "no article with id 999" in capsys.readouterr().err

"""Every export format round-trips its spans: ``text[start:end]`` is the labelled text, for
Traditional, astral and spaced texts, in the cleaned and the original text; the files have the
shapes their tools read; filters, canonical-only and grouped splits hold in every format."""

from __future__ import annotations

import fcntl
import importlib.util
import itertools
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml
from sqlalchemy import select

from pipeline.export.card import features_yaml
from pipeline.export.hf import SCHEMA
from pipeline.export.span_formats import LS_FROM, LS_TO, SpacyMissingError, read_conll
from pipeline.export.spans import Span, non_overlapping
from pipeline.export.split import SplitSpec, assign_units
from pipeline.export.writers import remove_stale_parts
from storage.curated_export import ExportOptions, export, split_paths
from storage.editing import set_field_values, set_status, set_tags
from storage.export_filter import ExportFilter, FilterError
from storage.importer import import_paths
from storage.models import Article
from storage.store import open_store

FIXTURES = Path(__file__).parents[1] / "fixtures"
REPO = Path(__file__).parents[2]
HAS_SPACY = importlib.util.find_spec("spacy") is not None
HAS_DATASETS = importlib.util.find_spec("datasets") is not None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, dict[str, int]]]:
    """The seeds, one story in three copies (original, spun repost, edited) and three texts that
    stress offsets; article 'astral' carries a human edit whose evidence follows an astral char."""
    root = tmp_path_factory.mktemp("corpus")
    story = root / "story"
    story.mkdir()
    for name in ("original", "edited"):
        (story / f"{name}.txt").write_text((FIXTURES / "dedup" / f"{name}.txt").read_text("utf-8"), "utf-8")
    seed = next((REPO / "seeds").glob("001_*.txt")).read_text("utf-8")
    (story / "repost.txt").write_text("\n".join(seed.split("\n")[:5]) + "\n", "utf-8")
    store = open_store(f"sqlite:///{root / 'store.db'}")
    import_paths(store, [REPO / "seeds", story, FIXTURES / "export"])
    with store.session() as s:
        ids = {Path(n).stem: i for i, n in s.execute(select(Article.id, Article.source_name))}
    text = _cleaned(store, ids["astral"])
    at = text.index("推介会现场")
    set_field_values(store, ids["astral"], "organizations",
                     [{"value": "推介会", "evidence": [[at, at + 3]]}], who="tester")
    set_status(store, ids["traditional"], "accepted")
    set_tags(store, ids["spaced"], ["样例"])
    yield store, ids
    store.close()


def _cleaned(store, aid: int) -> str:
    from storage.queries import get_article

    return get_article(store, aid).cleaned_text


def _spans_of(fmt: str, path: Path) -> list[tuple[int, str, list[Span]]]:
    """(article id, text, spans) read back from a file as its tool would."""
    if fmt == "doccano":
        out = []
        for line in path.read_text("utf-8").splitlines():
            r = json.loads(line)
            assert isinstance(r["text"], str) and isinstance(r["label"], list)
            for item in r["label"]:
                assert len(item) == 3 and isinstance(item[0], int) and isinstance(item[1], int)
                assert isinstance(item[2], str)
            out.append((r["id"], r["text"], [Span(s, e, lab) for s, e, lab in r["label"]]))
        return out
    if fmt == "labelstudio":
        tasks = json.loads(path.read_text("utf-8"))
        out = []
        for t in tasks:
            text = t["data"]["text"]
            spans = []
            for res in t["annotations"][0]["result"]:
                assert res["from_name"] == LS_FROM and res["to_name"] == LS_TO and res["type"] == "labels"
                v = res["value"]
                assert v["text"] == text[v["start"] : v["end"]] and len(v["labels"]) == 1
                spans.append(Span(v["start"], v["end"], v["labels"][0]))
            out.append((t["data"]["article_id"], text, spans))
        return out
    if fmt == "conll":
        out = []
        for aid, text, tags in read_conll(path.read_text("utf-8")):
            spans, start = [], None
            for i, tag in enumerate([*tags, "O"]):
                if start is not None and not tag.startswith("I-"):
                    spans.append(Span(start, i, tags[start][2:]))
                    start = None
                if tag.startswith("B-"):
                    start = i
                assert tag == "O" or tag[:2] in ("B-", "I-")
            out.append((aid, text, spans))
        return out
    if fmt == "hf":
        out = []
        for f in sorted((path / "data").glob("*.parquet")):
            for row in pq.read_table(f).to_pylist():
                spans = [Span(s["start"], s["end"], s["label"]) for s in row["spans"]]
                assert all(row["text"][s["start"] : s["end"]] == s["text"] for s in row["spans"])
                out.append((row["id"], row["text"], spans))
        return sorted(out)
    if fmt == "spacy":
        import spacy
        from spacy.tokens import DocBin

        vocab = spacy.blank("zh").vocab
        docs = [d for f in sorted(path.rglob("*.spacy")) for d in DocBin().from_disk(f).get_docs(vocab)]
        for d in docs:  # every span is in the span group; the entities are its longest-first subset
            group = sorted(Span(e.start_char, e.end_char, e.label_) for e in d.spans["sc"])
            assert {Span(e.start_char, e.end_char, e.label_) for e in d.ents} <= set(group)
        return [(d.user_data["article_id"], d.text,
                 [Span(e.start_char, e.end_char, e.label_) for e in d.ents]) for d in docs]
    raise AssertionError(fmt)


FORMATS = ["doccano", "labelstudio", "conll", "hf",
           pytest.param("spacy", marks=pytest.mark.skipif(not HAS_SPACY, reason="spaCy (the extra) not installed"))]


@pytest.mark.parametrize("text_kind", ["cleaned", "original"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_span_is_the_text_it_labels(corpus, tmp_path: Path, fmt: str, text_kind: str) -> None:
    store, ids = corpus
    ref_dir = tmp_path / "ref"
    export(store, ref_dir, ExportOptions(fmt="hf", text=text_kind, split=SplitSpec((1, 0, 0))))
    reference = {aid: (text, spans) for aid, text, spans in _spans_of("hf", ref_dir)}
    out = tmp_path / ("out" if fmt == "hf" else f"out.{fmt}")
    report = export(store, out, ExportOptions(fmt=fmt, text=text_kind, split=SplitSpec((1, 0, 0))))
    directory = {"hf": out, "spacy": out / "train"}  # spaCy: a folder of shards per split
    got = _spans_of(fmt, directory.get(fmt) or split_paths(out)["train"])
    assert report.count == len(got) == len(ids)
    for aid, text, spans in got:
        ref_text, ref_spans = reference[aid]
        assert text == ref_text
        nested = fmt in ("conll", "spacy")  # formats that cannot overlap keep the longest spans
        assert sorted(spans) == (non_overlapping(ref_spans) if nested else ref_spans)
    for name, must in (("astral", "推介会"), ("traditional", "张志明" if text_kind == "cleaned" else "張志明"),
                       ("spaced", "王春雷" if text_kind == "cleaned" else "王 春 雷")):
        text, spans = reference[ids[name]]
        assert must in {text[s.start : s.end] for s in spans}, name
        assert all(0 <= s.start < s.end <= len(text) for s in spans)
    # The human-edited span lies after two astral characters: code points, not UTF-16 units.
    text, spans = reference[ids["astral"]]
    s = next(s for s in spans if text[s.start : s.end] == "推介会" and s.label == "ORG")
    assert len(text[: s.start].encode("utf-16-le")) // 2 > s.start


def test_parquet_and_card_load_as_a_reader_would(corpus, tmp_path: Path) -> None:
    store, ids = corpus
    out = tmp_path / "hf"
    report = export(store, out, ExportOptions(fmt="hf", split=SplitSpec((0.6, 0.2, 0.2), seed=3)))
    files = sorted(p.name for p in (out / "data").glob("*.parquet"))
    assert files == ["test-00000-of-00001.parquet", "train-00000-of-00001.parquet",
                     "validation-00000-of-00001.parquet"]
    rows = {s: pq.read_table(out / "data" / f"{s}-00000-of-00001.parquet").num_rows for s in report.splits}
    assert rows == report.splits and sum(rows.values()) == len(ids)
    assert pq.read_schema(out / "data" / files[0]).remove_metadata() == SCHEMA
    card = (out / "README.md").read_text("utf-8")
    assert card.startswith("---\n")
    header = yaml.safe_load(card.split("---\n")[1])
    assert header["configs"][0]["data_files"] == [{"split": s, "path": f"data/{s}-*"}
                                                  for s in ("train", "validation", "test")]
    assert header["dataset_info"]["features"] == features_yaml()
    assert [f["name"] for f in header["dataset_info"]["features"]] == SCHEMA.names
    assert {s["name"]: s["num_examples"] for s in header["dataset_info"]["splits"]} == report.splits
    for heading in ("Review status", "Source outlet", "Script of the original", "Damage repaired by cleaning",
                    "| `people` | PER |", "Known limits", "seed 3"):
        assert heading in card
    assert "| accepted | 1 |" in card and "| hant | " in card and "| spaced_chars | " in card and "| spun | 2 |" in card


@pytest.mark.skipif(not HAS_DATASETS, reason="datasets not installed")
def test_datasets_load_dataset_reads_the_directory(corpus, tmp_path: Path) -> None:
    store, _ids = corpus
    out = tmp_path / "hf"
    report = export(store, out, ExportOptions(fmt="hf"))
    env = dict(os.environ, HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1", HF_HOME=str(tmp_path / "hf-home"))
    code = ("import sys, json, datasets; d = datasets.load_dataset(sys.argv[1]); "
            "print(json.dumps({k: v.num_rows for k, v in d.items()})); "
            "r = d['train'][0]; assert all(r['text'][s['start']:s['end']] == s['text'] for s in r['spans'])")
    done = subprocess.run([sys.executable, "-c", code, str(out)], env=env, capture_output=True, text=True,
                          timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {k: v for k, v in report.splits.items() if v}


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "hf", "csv"])
def test_canonical_only_exports_one_copy_of_the_story(corpus, tmp_path: Path, fmt: str) -> None:
    store, ids = corpus
    story = {ids["original"], ids["repost"], ids["edited"]}
    out = tmp_path / "out"
    opts = ExportOptions(fmt=fmt, filter=ExportFilter(canonical_only=True), split=SplitSpec((1, 0, 0)))
    export(store, out, opts)
    if fmt == "hf":
        got = {r["id"] for r in pq.read_table(out / "data" / "train-00000-of-00001.parquet").to_pylist()}
    elif fmt == "csv":
        import csv

        with split_paths(out)["train"].open(encoding="utf-8-sig") as fh:
            got = {int(r["id"]) for r in csv.DictReader(fh)}
    else:
        got = {json.loads(line)["id"] for line in split_paths(out)["train"].read_text("utf-8").splitlines()}
    assert len(got & story) == 1
    assert got - story == set(ids.values()) - story


@pytest.mark.parametrize("seed", range(12))
def test_splits_never_separate_the_story(corpus, tmp_path: Path, seed: int) -> None:
    store, ids = corpus
    out = tmp_path / "d.jsonl"
    report = export(store, out, ExportOptions(fmt="jsonl", split=SplitSpec((0.4, 0.3, 0.3), seed=seed)))
    where = {}
    for split, path in split_paths(out).items():
        for line in path.read_text("utf-8").splitlines():
            r = json.loads(line)
            assert r["split"] == split
            where[r["id"]] = split
    assert len(where) == len(ids) and sum(report.splits.values()) == len(ids)
    assert len({where[ids[n]] for n in ("original", "repost", "edited")}) == 1


def test_split_by_outlet_keeps_each_outlet_in_one_split(corpus, tmp_path: Path) -> None:
    store, _ids = corpus
    out = tmp_path / "hf"
    export(store, out, ExportOptions(fmt="hf", split=SplitSpec((0.5, 0.25, 0.25), seed=5, by_outlet=True)))
    where: dict[str, set[str]] = {}
    for split in ("train", "validation", "test"):
        path = out / "data" / f"{split}-00000-of-00001.parquet"
        if path.exists():
            for r in pq.read_table(path).to_pylist():
                if r["source"]:
                    where.setdefault(r["source"], set()).add(split)
    assert where and all(len(v) == 1 for v in where.values())


def test_assign_units_follows_the_ratios_and_the_seed() -> None:
    sizes = {i: 1 + i % 3 for i in range(300)}
    a = assign_units(sizes, SplitSpec((0.8, 0.1, 0.1), seed=1))
    assert a == assign_units(sizes, SplitSpec((0.8, 0.1, 0.1), seed=1))
    assert a != assign_units(sizes, SplitSpec((0.8, 0.1, 0.1), seed=2))
    total = sum(sizes.values())
    for split, ratio in (("train", 0.8), ("validation", 0.1), ("test", 0.1)):
        got = sum(n for k, n in sizes.items() if a[k] == split)
        assert abs(got - ratio * total) <= 3
    assert set(assign_units(sizes, SplitSpec((1, 0, 0))).values()) == {"train"}


def test_filters_select_the_same_articles_in_every_format(corpus, tmp_path: Path) -> None:
    store, ids = corpus
    cases = {
        ExportFilter(statuses=("accepted",)): {ids["traditional"]},
        ExportFilter(tags=("样例",)): {ids["spaced"]},
        ExportFilter(human_edits=True): {ids["astral"]},
        ExportFilter(search="𠮷祥村"): {ids["astral"]},
        ExportFilter(flags=("spun",)): {ids["001_6b8c60359d9cb5c1"], ids["repost"]},
        # The repost is not its group's canonical member; the whole spun seed is a story of its own.
        ExportFilter(flags=("spun",), canonical_only=True): {ids["001_6b8c60359d9cb5c1"]},
        ExportFilter(without_flags=("spun",), outlets=("澎湃新闻",)): {ids["original"]},  # edited names none
        ExportFilter(ids=(ids["spaced"], ids["astral"]), statuses=("new",)): {ids["spaced"], ids["astral"]},
    }
    for flt, expected in cases.items():
        for fmt in ("jsonl", "doccano", "conll"):
            out = tmp_path / f"{fmt}.out"
            report = export(store, out, ExportOptions(fmt=fmt, filter=flt))
            assert report.count == len(expected), (flt, fmt)
            if fmt != "conll":
                assert {json.loads(x)["id"] for x in out.read_text("utf-8").splitlines()} == expected
    with store.session() as s:
        dated = {int(i): d for i, d in s.execute(select(Article.id, Article.published_at))}
    days = sorted(v for v in dated.values() if v)
    assert len(days) >= 2
    for since, until in ((days[0], days[0]), (days[-1], None), (None, days[0])):
        report = export(store, tmp_path / "d.jsonl", ExportOptions(filter=ExportFilter(since=since, until=until)))
        assert report.count == sum(1 for v in days if (since or "") <= v <= (until or "9")) < len(dated)
    with pytest.raises(FilterError, match="YYYY-MM-DD"):
        ExportFilter(since="March")


@pytest.mark.parametrize("fmt", ["hf", "conll", "jsonl"])
def test_cancelled_export_leaves_the_old_output(corpus, tmp_path: Path, fmt: str) -> None:
    store, _ids = corpus
    out = tmp_path / "out"
    split = SplitSpec((1, 0, 0))
    export(store, out, ExportOptions(fmt=fmt, split=split))

    def snapshot() -> dict[str, bytes]:
        return {str(p.relative_to(tmp_path)): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}

    before = snapshot()
    asked = itertools.count(1)  # cancel() is asked after each article: yes at the fourth
    report = export(store, out, ExportOptions(fmt=fmt, split=SplitSpec((0.5, 0.5, 0)), text="original"),
                    cancel=lambda: next(asked) == 4)
    assert report.cancelled and report.count == 4
    assert snapshot() == before  # nothing replaced, no temporary file or directory left behind


def test_spacy_missing_is_a_clear_message(corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ids = corpus
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now raises ImportError
    with pytest.raises(SpacyMissingError, match=r"pip install 'article-curator\[spacy\]'"):
        export(store, tmp_path / "x.spacy", ExportOptions(fmt="spacy"))
    assert not (tmp_path / "x.spacy").exists()


def test_parallel_hf_export_writes_what_the_serial_one_does(corpus, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.curated_export as ce

    store, _ids = corpus
    opts = ExportOptions(fmt="hf", split=SplitSpec((0.5, 0.25, 0.25), seed=9), text="original")
    serial = export(store, tmp_path / "serial", ExportOptions(**{**_fields(opts), "workers": 1}))
    monkeypatch.setattr(ce, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(ce, "CHUNK", 4)  # several chunks, rendered by two worker processes
    seen: list[int] = []
    parallel = export(store, tmp_path / "parallel", ExportOptions(**{**_fields(opts), "workers": 2}),
                      progress=lambda n, _t: seen.append(n))
    assert parallel.splits == serial.splits and parallel.count == serial.count
    assert seen == sorted(seen) and seen[-1] == parallel.count and len(seen) > 2
    for name in sorted(p.name for p in (tmp_path / "serial" / "data").iterdir()):
        a = pq.read_table(tmp_path / "serial" / "data" / name)
        b = pq.read_table(tmp_path / "parallel" / "data" / name)
        assert a.equals(b), name

    def body(path: Path) -> str:  # the card, without the export time and Arrow's byte counts
        return "\n".join(x for x in path.read_text("utf-8").splitlines() if "num_bytes" not in x
                         and "exported" not in x)

    assert body(tmp_path / "serial" / "README.md") == body(tmp_path / "parallel" / "README.md")


def _fields(opts: ExportOptions) -> dict[str, object]:
    from dataclasses import fields

    return {f.name: getattr(opts, f.name) for f in fields(opts)}


def _aged_dir(path: Path, files: int = 2) -> Path:
    path.mkdir()
    for i in range(files):
        (path / f"data-{i}.parquet").write_bytes(b"half")
    old = time.time() - 60
    os.utime(path, (old, old))
    return path


def test_hf_export_removes_the_part_directories_of_killed_exports(corpus, tmp_path: Path) -> None:
    # On main: a killed `--format hf` left `.NAME.xxxxxxxx.part/` behind for good.
    store, _ = corpus
    stale = _aged_dir(tmp_path / ".hf.k3v_9xq2.part")
    live = _aged_dir(tmp_path / ".hf.Zz0_aa11.part")
    young = tmp_path / ".hf.young123.part"
    young.mkdir()
    foreign = _aged_dir(tmp_path / ".cache.part")  # not a name of ours
    holder = os.open(live, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # a running export holds its directory locked
    try:
        export(store, tmp_path / "hf", ExportOptions(fmt="hf"))
    finally:
        os.close(holder)
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["hf", live.name, young.name, foreign.name])


def test_the_hf_part_directory_is_locked_while_it_is_built(tmp_path: Path) -> None:
    from storage.curated_export import _atomic_dir

    with _atomic_dir(tmp_path / "hf") as part:
        (part / "README.md").write_text("x", encoding="utf-8")
        probe = os.open(part, os.O_RDONLY | os.O_DIRECTORY)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(probe)
        old = time.time() - 60
        os.utime(part, (old, old))
        assert remove_stale_parts(tmp_path) == []  # a live export's directory is not taken for a leftover
    assert [p.name for p in tmp_path.iterdir()] == ["hf"]

"""The single-file formats are rendered by worker processes at scale (issue 13: 100,000 articles in
60 s in any format): the bytes a serial export writes, for each format, with and without splits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import storage.curated_export as ce
from pipeline.export.split import SplitSpec
from storage.curated_export import ExportOptions, export, split_paths
from storage.editing import set_status, set_tags
from storage.importer import import_paths
from storage.store import open_store

FIXTURES = Path(__file__).parents[1] / "fixtures"
REPO = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    root = tmp_path_factory.mktemp("parfmt")
    store = open_store(f"sqlite:///{root / 'store.db'}")
    import_paths(store, [REPO / "seeds", FIXTURES / "export"])
    set_status(store, 2, "accepted")
    set_tags(store, 3, ["重点", "=1+1"])  # a cell CSV must neutralise
    yield store
    store.close()


def _outputs(out: Path, split: bool) -> dict[str, bytes]:
    paths = split_paths(out) if split else {"": out}
    return {k: p.read_bytes() for k, p in paths.items()}


@pytest.mark.parametrize(("fmt", "split", "text"), [
    ("csv", False, "cleaned"), ("doccano", True, "original"), ("labelstudio", True, "cleaned"),
    ("conll", True, "cleaned"),
])
def test_parallel_file_export_writes_the_serial_bytes(loaded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      fmt: str, split: bool, text: str) -> None:
    spec = SplitSpec((0.5, 0.25, 0.25), seed=4) if split else None
    suffix = ce.SUFFIXES[fmt]
    serial = tmp_path / f"serial{suffix}"
    want = export(loaded, serial, ExportOptions(fmt=fmt, split=spec, text=text, workers=1))
    monkeypatch.setattr(ce, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(ce, "CHUNK", 3)  # several chunks: their joins and order matter
    calls: list[int] = []
    monkeypatch.setattr(ce, "_file_parallel", _counting(ce._file_parallel, calls))
    parallel = tmp_path / f"parallel{suffix}"
    seen: list[int] = []
    got = export(loaded, parallel, ExportOptions(fmt=fmt, split=spec, text=text, workers=2),
                 progress=lambda n, _t: seen.append(n))
    assert calls, "the parallel path was not taken"
    assert got.count == want.count == 9 and got.splits == want.splits and seen[-1] == 9
    a, b = _outputs(serial, split), _outputs(parallel, split)
    assert a.keys() == b.keys()
    for key in a:
        assert b[key] == a[key], key
    if fmt == "csv" and not split:  # what export_dataset (which wrote unsplit CSV before) writes
        from storage.exporting import export_dataset

        export_dataset(loaded, tmp_path / "plain.csv", "csv", workers=1)
        assert (tmp_path / "plain.csv").read_bytes() == a[""]
    if fmt == "labelstudio":
        import json

        for data in b.values():
            assert isinstance(json.loads(data), list)


def _counting(fn: Any, calls: list[int]) -> Any:
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return fn(*args, **kwargs)
    return wrapped


def test_cancelled_parallel_file_export_leaves_the_old_file(loaded, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ce, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(ce, "CHUNK", 2)
    out = tmp_path / "data.conll"
    out.write_text("old", "utf-8")
    report = export(loaded, out, ExportOptions(fmt="conll", workers=2), cancel=lambda: True)
    assert report.cancelled and 0 < report.count < 9
    assert out.read_text("utf-8") == "old" and not list(tmp_path.glob(".*.part"))


@pytest.mark.parametrize("text", ["cleaned", "original"])
def test_parallel_spacy_shards_hold_the_serial_documents(loaded, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          text: str) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    spec = SplitSpec((0.5, 0.25, 0.25), seed=4)

    def read(root: Path) -> dict[str, list[tuple[Any, ...]]]:
        vocab = spacy.blank("zh").vocab
        out: dict[str, list[tuple[Any, ...]]] = {}
        for f in sorted(root.rglob("*.spacy")):
            for d in DocBin().from_disk(f).get_docs(vocab):
                out.setdefault(f.parent.name, []).append((
                    d.user_data["article_id"], d.text, [(e.start_char, e.end_char, e.label_) for e in d.ents],
                    sorted((e.start_char, e.end_char, e.label_) for e in d.spans["sc"])))
        return out

    want = export(loaded, tmp_path / "serial", ExportOptions(fmt="spacy", split=spec, text=text, workers=1))
    monkeypatch.setattr(ce, "PARALLEL_THRESHOLD", 2)
    monkeypatch.setattr(ce, "CHUNK", 3)
    calls: list[int] = []
    monkeypatch.setattr(ce, "_spacy_parallel", _counting(ce._spacy_parallel, calls))
    got = export(loaded, tmp_path / "parallel", ExportOptions(fmt="spacy", split=spec, text=text, workers=2))
    assert calls and got.count == want.count == 9 and got.splits == want.splits
    serial, parallel = read(tmp_path / "serial"), read(tmp_path / "parallel")
    assert serial == parallel and sum(map(len, serial.values())) == 9
    assert len(list((tmp_path / "parallel").rglob("*.spacy"))) > len(list((tmp_path / "serial").rglob("*.spacy")))

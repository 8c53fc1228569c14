"""End-to-end: the team commands of the real ``curator`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CURATOR = Path(sys.executable).with_name("curator")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(CURATOR), "--db", db, *args], capture_output=True, text=True, timeout=300)


def test_sample_verdicts_and_agreement_report(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    assert run(db, "import", str(SEEDS)).returncode == 0
    r = run(db, "sample", "--share", "1.0", "--seed", "3")
    assert r.returncode == 0 and "Put 5 articles" in r.stdout
    from storage.double_review import record_verdict
    from storage.editing import set_status
    from storage.store import open_store

    store = open_store(db)
    try:
        for aid, (sa, sb) in zip(range(1, 6), [("accepted", "accepted"), ("accepted", "rejected"),
                                              ("rejected", "rejected"), ("accepted", "accepted"),
                                              ("needs_work", "needs_work")], strict=True):
            record_verdict(store, aid, "alice", sa, {})
            record_verdict(store, aid, "bob", sb, {})
        set_status(store, 1, "accepted", who="carol")
    finally:
        store.close()
    rep = json.loads(run(db, "agreement", "--json").stdout)
    assert rep["pairs"] == 5 and rep["reviewers"] == ["alice", "bob"]
    assert rep["status_observed"] == 0.8
    # alice 3 acc 1 rej 1 nw; bob 2 acc 2 rej 1 nw: pe = (6+2+1)/25 = 0.36, kappa = 0.44/0.64
    assert abs(rep["status_kappa"] - 0.44 / 0.64) < 1e-9
    out = run(db, "reviewers").stdout
    assert "carol\t1\t1" in out
    assert run(db, "sample", "--share", "2").returncode == 1


def test_import_puts_a_share_of_what_it_imported_in_the_sample(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 's.db'}"
    bad = run(db, "import", str(SEEDS), "--double-review", "1.5")
    assert bad.returncode == 1 and bad.stderr.strip().splitlines() == [
        "curator: --double-review must be a share in (0, 1], got 1.5"]
    r = run(db, "import", str(SEEDS), "--double-review", "0.4", "--seed", "1")
    assert r.returncode == 0 and "Put 2 of them in the double-review sample." in r.stdout
    from sqlalchemy import select

    from storage.models import Article
    from storage.store import open_store

    store = open_store(db)
    try:
        with store.session() as s:
            assert len(list(s.scalars(select(Article.id).where(Article.double_review.is_(True))))) == 2
    finally:
        store.close()
    # A second import of the same files brings nothing new, so it samples nothing.
    again = run(db, "import", str(SEEDS), "--double-review", "1.0")
    assert again.returncode == 0 and "Put 0 of them" in again.stdout

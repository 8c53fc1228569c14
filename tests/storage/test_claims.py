"""Claims: "next unreviewed" never hands one article to two reviewers, leases lapse, take-overs are explicit."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from storage.claims import ClaimHeldError, active_claims, claim, next_unreviewed, release, renew
from storage.editing import StaleEditError, set_status
from storage.models import Article, ArticleText, utcnow
from storage.queries import field_history, get_article
from storage.reviewers import reviewer_activity

ROOT = Path(__file__).resolve().parents[2]


def add_articles(store, n: int) -> list[int]:
    with store.session() as s:
        rows = [Article(sha256=f"{i:064x}", source_name=f"{i}.txt", source_path=f"/x/{i}.txt", format="txt",
                        encoding="utf-8", size_bytes=1, body=ArticleText(raw_text="正文", cleaned_text="正文",
                                                                          cleaning={}, fields={}))
                for i in range(n)]
        s.add_all(rows)
        s.flush()
        return [a.id for a in rows]


def test_next_unreviewed_claims_in_order_and_marks_in_review(store) -> None:
    ids = add_articles(store, 3)
    first = next_unreviewed(store, "alice")
    assert first == ids[0]
    view = get_article(store, first)
    assert view.status == "in_review"
    assert active_claims(store)[first].reviewer == "alice"
    # bob skips alice's article
    assert next_unreviewed(store, "bob") == ids[1]
    # alice moving on releases her first claim; it is unreviewed again for anyone
    assert next_unreviewed(store, "alice", after_id=first) == ids[2]
    assert first not in active_claims(store)
    assert next_unreviewed(store, "carol") == first


def test_decided_articles_are_not_unreviewed(store) -> None:
    (a, b) = add_articles(store, 2)
    set_status(store, a, "accepted", who="alice")
    assert next_unreviewed(store, "bob") == b
    assert next_unreviewed(store, "carol") is None


def test_lease_lapses_and_take_over_is_explicit(store) -> None:
    (a,) = add_articles(store, 1)
    claim(store, a, "alice")
    with pytest.raises(ClaimHeldError) as err:
        claim(store, a, "bob")
    assert err.value.holder == "alice"
    assert next_unreviewed(store, "bob") is None
    later = utcnow() + timedelta(hours=1)
    assert next_unreviewed(store, "bob", now=later) == a  # alice's lease lapsed
    claim(store, a, "alice", take_over=True)
    assert active_claims(store)[a].reviewer == "alice"
    assert [h.new_value for h in field_history(store, a, "claim")] == ["alice"]


def test_renew_keeps_the_lease_and_release_frees_it(store) -> None:
    (a,) = add_articles(store, 1)
    t0 = utcnow()
    claim(store, a, "alice", now=t0)
    assert renew(store, a, "alice", now=t0 + timedelta(minutes=15))
    assert next_unreviewed(store, "bob", now=t0 + timedelta(minutes=25)) is None  # renewed at 15
    assert not renew(store, a, "bob")
    assert release(store, a, "alice")
    assert next_unreviewed(store, "bob") == a


def test_a_claim_moves_the_version_so_stale_windows_notice(store) -> None:
    (a,) = add_articles(store, 1)
    v = get_article(store, a).version
    claim(store, a, "alice")
    with pytest.raises(StaleEditError):
        set_status(store, a, "accepted", who="bob", expected_version=v)


def test_two_reviewers_asking_concurrently_never_share_an_article(store) -> None:
    add_articles(store, 200)
    got: dict[str, list[int]] = {"alice": [], "bob": []}
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def review(who: str) -> None:
        try:
            start.wait()
            for _ in range(100):
                aid = next_unreviewed(store, who)
                assert aid is not None
                got[who].append(aid)
                set_status(store, aid, "accepted", who=who)  # decided: never handed out again
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=review, args=(w,)) for w in got]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    assert len(got["alice"]) == len(got["bob"]) == 100
    assert not set(got["alice"]) & set(got["bob"])


_WORKER = """
import sys
from storage.store import open_store
from storage.claims import next_unreviewed
from storage.editing import set_status
store = open_store(sys.argv[1])
who = sys.argv[2]
for _ in range(100):
    aid = next_unreviewed(store, who)
    print(aid, flush=True)
    set_status(store, aid, "accepted", who=who)
store.close()
"""


def test_two_processes_on_one_sqlite_file_never_share_an_article(tmp_path: Path) -> None:
    from storage.store import open_store

    url = f"sqlite:///{tmp_path / 'team.db'}"
    s = open_store(url)
    add_articles(s, 200)
    s.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-c", _WORKER, url, who], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT) for who in ("alice", "bob")]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (_out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err[-2000:]
    alice, bob = ([int(x) for x in out.split()] for out, _ in outs)
    assert len(set(alice)) == len(set(bob)) == 100
    assert not set(alice) & set(bob)


def test_reviewer_activity_counts_history(store) -> None:
    (a, b) = add_articles(store, 2)
    set_status(store, a, "accepted", who="alice")
    set_status(store, b, "rejected", who="alice")
    set_status(store, b, "needs_work", who="bob")
    acts = reviewer_activity(store)
    assert [(r.reviewer, r.edits, r.articles) for r in acts] == [("alice", 2, 2), ("bob", 1, 1)]

"""The double-review sample in the store: chosen by share and seed, verdicts kept apart, reported."""

from __future__ import annotations

import pytest

from storage.double_review import adjudicate, choose_sample, own_view, record_verdict, report, sampled
from storage.queries import get_article
from tests.storage.test_claims import add_articles


def rec(value: object) -> dict[str, object]:
    return {"value": value, "evidence": [], "rule": "", "confidence": 1.0, "origin": "human"}


def test_sample_is_a_share_chosen_by_seed(store) -> None:
    ids = add_articles(store, 40)
    chosen = choose_sample(store, 0.25, seed=7)
    assert len(chosen) == 10 and set(chosen) <= set(ids)
    assert all(sampled(store, a) for a in chosen)
    assert not any(sampled(store, a) for a in set(ids) - set(chosen))
    assert len(choose_sample(store, 1.0, seed=7)) == 30  # the rest: never sampled twice


def test_verdicts_are_kept_apart_and_reported(store) -> None:
    a, b = add_articles(store, 2)
    choose_sample(store, 1.0)
    record_verdict(store, a, "alice", "accepted", {"places": [rec("深圳"), rec("内江")], "title": [rec("甲")]})
    assert own_view(store, a, "bob") == {}  # bob sees the automatic values (none here), not alice's
    record_verdict(store, a, "bob", "accepted", {"places": [rec("深圳")], "title": [rec("甲")]})
    record_verdict(store, b, "alice", "rejected", {"places": [rec("成都")]})
    record_verdict(store, b, "bob", "accepted", {"places": [rec("成都")]})
    assert own_view(store, a, "alice")["places"][1]["value"] == "内江"
    r = report(store)
    by = {f.field: f for f in r.fields}
    assert r.pairs == 2
    assert by["places"].score == pytest.approx(2 * 2 / (3 + 2))
    assert by["places"].disagreements == (a,)
    assert by["title"].score == 1.0
    assert r.status_observed == pytest.approx(0.5)
    adjudicate(store, a, "accepted", {"places": [rec("深圳"), rec("内江")]}, who="carol")
    view = get_article(store, a)
    assert view.status == "accepted" and [v["value"] for v in view.fields["places"]["values"]] == ["深圳", "内江"]

"""The double-review sample in the store: chosen by share and seed, verdicts kept apart, reported."""

from __future__ import annotations

import pytest

from storage.claims import claim, next_unreviewed, release
from storage.double_review import (
    adjudicate,
    choose_sample,
    disagreements,
    independent,
    own_history,
    own_view,
    record_verdict,
    report,
    sampled,
    settle_agreed,
)
from storage.editing import EditError, StaleEditError, set_status
from storage.queries import field_history, get_article
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


def test_a_verdict_leaves_private_history_and_adjudication_ends_the_independent_review(store) -> None:
    a, b = add_articles(store, 2)
    choose_sample(store, 1.0)
    assert independent(store, a)
    record_verdict(store, a, "alice", "in_review", {"places": [rec("深圳")]})
    record_verdict(store, a, "alice", "accepted", {"places": [rec("深圳"), rec("内江")]})
    record_verdict(store, a, "bob", "rejected", {"places": [rec("成都")]})
    record_verdict(store, b, "alice", "accepted", {"places": [rec("成都")]})
    record_verdict(store, b, "bob", "accepted", {"places": [rec("成都")]})
    # The article's history (which everybody sees) holds none of it; each reviewer sees their own.
    assert field_history(store, a) == []
    mine = own_history(store, a, "alice")
    assert [(h.field, h.new_value) for h in mine] == [
        ("places", [rec("深圳")]), ("status", "accepted"), ("places", [rec("深圳"), rec("内江")])]
    assert all(h.who == "alice" for h in mine) and [h.field for h in own_history(store, a, "bob")] == [
        "status", "places"]
    # Only a differs (b: same values, same status).
    found = disagreements(store)
    assert [d.article_id for d in found] == [a]
    d = found[0]
    assert (d.a.reviewer, d.b.reviewer) == ("alice", "bob") and d.fields == ("places",) and d.status_differs
    version = adjudicate(store, a, "accepted", {"places": [rec("深圳")]}, who="carol",
                         expected_version=d.version, choices={"places": "merge"})
    assert version > d.version
    rows = field_history(store, a)
    assert [r.field for r in rows] == ["places", "status", "adjudication"] and {r.who for r in rows} == {"carol"}
    assert rows[-1].new_value == {"reviewers": ["alice", "bob"], "status": "accepted", "choices": {"places": "merge"}}
    assert not independent(store, a) and independent(store, b)
    assert disagreements(store) == []


def test_adjudication_is_refused_on_a_stale_version_and_writes_nothing(store) -> None:
    (a,) = add_articles(store, 1)
    choose_sample(store, 1.0)
    record_verdict(store, a, "alice", "accepted", {"places": [rec("深圳")]})
    record_verdict(store, a, "bob", "accepted", {"places": [rec("成都")]})
    d = disagreements(store)[0]
    set_status(store, a, "needs_work", who="dave")  # somebody moved the article on meanwhile
    with pytest.raises(StaleEditError):
        adjudicate(store, a, "accepted", {"places": [rec("成都")]}, who="carol", expected_version=d.version)
    assert [r.field for r in field_history(store, a)] == ["status"] and independent(store, a)
    with pytest.raises(EditError):
        adjudicate(store, a, "accepted", {"title": [rec("甲"), rec("乙")]}, who="carol")


def test_next_unreviewed_shares_a_sampled_article_between_two_reviewers(store) -> None:
    a, b = add_articles(store, 2)
    choose_sample(store, 1.0, ids=[a])
    assert next_unreviewed(store, "alice") == a
    # A claim on a sampled article does not keep the second reviewer out.
    assert next_unreviewed(store, "bob") == a
    claim(store, a, "carol")
    record_verdict(store, a, "alice", "accepted", {})
    assert next_unreviewed(store, "alice") == b  # alice has judged a: she gets the next one
    record_verdict(store, a, "bob", "in_review", {})  # bob is not done yet: he still gets it
    assert next_unreviewed(store, "bob") == a
    record_verdict(store, a, "bob", "accepted", {})
    release(store, b, "alice")
    assert next_unreviewed(store, "carol") == b  # two others judged a: carol is not sent to it


def test_pairs_that_agree_are_settled_with_their_common_verdict(store) -> None:
    a, b = add_articles(store, 2)
    choose_sample(store, 1.0)
    for who in ("alice", "bob"):
        record_verdict(store, a, who, "accepted", {"places": [rec("深圳")]})
    record_verdict(store, b, "alice", "accepted", {"places": [rec("深圳")]})
    record_verdict(store, b, "bob", "rejected", {"places": [rec("深圳")]})
    assert settle_agreed(store, who="carol") == [a]
    view = get_article(store, a)
    assert view.status == "accepted" and [v["value"] for v in view.fields["places"]["values"]] == ["深圳"]
    assert not independent(store, a) and independent(store, b)
    assert [d.article_id for d in disagreements(store)] == [b]
    assert settle_agreed(store, who="carol") == []


def test_a_copy_still_in_review_is_neither_measured_nor_adjudicated(store) -> None:
    (a,) = add_articles(store, 1)
    choose_sample(store, 1.0)
    record_verdict(store, a, "alice", "accepted", {"places": [rec("深圳")]})
    record_verdict(store, a, "bob", "in_review", {"places": [rec("成都")]})  # bob has not finished
    assert report(store).pairs == 0 and disagreements(store) == []
    record_verdict(store, a, "bob", "needs_work", {"places": [rec("成都")]})
    assert report(store).pairs == 1 and [d.article_id for d in disagreements(store)] == [a]

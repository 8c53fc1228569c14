"""Agreement measures on constructed verdicts whose figures are worked out by hand."""

from __future__ import annotations

import pytest

from pipeline.agreement import Verdict, agreement, cohen_kappa


def test_kappa_by_hand() -> None:
    # 10 pairs: 6 agree (4 accepted/accepted, 2 rejected/rejected), 4 disagree.
    pairs = [("accepted", "accepted")] * 4 + [("rejected", "rejected")] * 2 + \
            [("accepted", "rejected")] * 3 + [("rejected", "accepted")]
    # observed 0.6; rater A: 7 accepted 3 rejected; rater B: 5 accepted 5 rejected;
    # expected = (7*5 + 3*5) / 100 = 0.5; kappa = (0.6 - 0.5) / 0.5 = 0.2
    assert cohen_kappa(pairs) == pytest.approx(0.2)
    assert cohen_kappa([("a", "a"), ("b", "b")]) == pytest.approx(1.0)
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a"), ("a", "a")]) == 1.0


def test_field_agreement_by_hand() -> None:
    reviews = {
        1: [Verdict("alice", "accepted", {"places": ["深圳", "内江"], "title": ["标题一"],
                                          "people": [{"name": "张伟", "title": "市长"}]}),
            Verdict("bob", "accepted", {"places": ["深圳"], "title": ["标题一"],
                                        "people": [{"name": "张伟", "title": "市长"}]})],
        2: [Verdict("alice", "rejected", {"places": ["成都"], "title": ["甲"]}),
            Verdict("bob", "accepted", {"places": ["成都", "广州"], "title": ["乙"]})],
        3: [Verdict("alice", "accepted", {})],  # judged once: not in the comparison
    }
    r = agreement(reviews, ["places", "title", "people"])
    assert r.pairs == 2 and r.reviewers == ("alice", "bob")
    by = {f.field: f for f in r.fields}
    # places: tp = 1 + 1, sizes = (2+1) + (1+2) = 6 → F1 = 4/6
    assert by["places"].measure == "f1" and by["places"].score == pytest.approx(4 / 6)
    assert by["places"].disagreements == (1, 2)
    assert by["title"].measure == "exact" and by["title"].score == pytest.approx(0.5)
    assert by["people"].score == pytest.approx(1.0) and by["people"].articles == 1
    assert r.status_observed == pytest.approx(0.5)


def test_fields_nobody_filled_have_no_score() -> None:
    r = agreement({1: [Verdict("a", "accepted", {}), Verdict("b", "accepted", {})]}, ["places", "title"])
    assert [f.score for f in r.fields] == [None, None]

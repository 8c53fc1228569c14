"""A photo credit written with a slash (周维新/摄) names the photographer, as 郑问 摄 does."""

from __future__ import annotations

from pipeline.extraction.people import find_people


def test_a_slash_photo_credit() -> None:
    assert [p.name for p in find_people("签约仪式 周维新/摄\n李健讲话 周维新/摄\n")] == ["周维新"]


def test_a_slash_inside_a_sentence_is_no_credit() -> None:
    assert find_people("投资额/摄入量之比下降。") == []

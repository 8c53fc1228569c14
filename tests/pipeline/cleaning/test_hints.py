"""Every hint that lets a regex be skipped must hold in every string the regex matches.

The residue repairs try a pattern only where a cheap hint (a word, a colon, an anchor) occurs.
If someone adds a pattern, or a branch, that can match without its hint, that pattern silently
never fires. ``hint_covers`` proves the hint from the pattern's syntax tree; these tests run it
over every registered pattern (and the spam patterns of ``resources/``), and show on planted
gaps that it says no when a pattern can match without its hint.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline.cleaning
from pipeline.cleaning.hints import hint_covers
from pipeline.cleaning.residue import boilerplate, brands, captions, navigation, page_info, spam

HINTED = [
    *navigation.HINTED, *page_info.HINTED, *spam.HINTED, *boilerplate.HINTED, *captions.HINTED, *brands.HINTED,
]


@pytest.mark.parametrize("rx,hint", HINTED, ids=[rx.pattern[:30] for rx, _ in HINTED])
def test_line_pattern_holds_its_hint(rx: re.Pattern[str], hint: re.Pattern[str]) -> None:
    assert hint_covers(rx, hint), f"{rx.pattern[:80]}… can match a line without its hint"


@pytest.mark.parametrize("pattern", spam.spam_patterns())
def test_every_spam_pattern_holds_an_anchor(pattern: str) -> None:
    assert hint_covers(pattern, spam._SPAM_ANCHOR), f"spam pattern {pattern[:60]}… can match without an anchor"


@pytest.mark.parametrize(
    "pattern,hint,expected",
    [
        (r"^ *(?:上一篇|下一篇)[:：]?$", "上一篇|下一篇", True),
        (r"^ *(?:上一篇|上一页)[^\n]{0,10}$", "上一篇|下一篇", False),  # a branch without the hint
        (r"(?:ab)?c", "ab", False),  # the hint only in an optional part
        (r"(?:ab)+c", "ab", True),
        (r"x[|｜/]y", r"\||｜|/", True),
        (r"x[^a]y", "a", False),  # a negated class proves nothing
        (r"(?:Copyright|copyright)", "opyright", True),  # the hint inside every alternative
        (r"a\d{4}b", "1", False),
    ],
)
def test_hint_covers_says_no_when_a_match_can_miss_the_hint(pattern: str, hint: str, expected: bool) -> None:
    assert hint_covers(re.compile(pattern, re.M), re.compile(hint)) is expected


@given(st.data())
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_a_proven_hint_holds_on_generated_matches(data: st.DataObject) -> None:
    # Soundness, sampled: strings generated from a covered pattern all hold the hint.
    rx, hint = data.draw(st.sampled_from(HINTED))
    s = data.draw(st.from_regex(rx, fullmatch=True))
    if rx.fullmatch(s):
        assert hint.search(s)


def test_credit_prefilter_holds() -> None:
    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(captions._CREDIT, fullmatch=True))
    def check(s: str) -> None:
        if "\n" not in s and captions._CREDIT.search(s):
            assert captions._maybe_credit(s), f"credit {s!r} skipped by the prefilter"

    check()


# -- every hint is registered, so the proof above covers it ------------------------------------

REGEX_METHODS = frozenset({"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"})
# Named hints that guard no regex, with the reason.
NOT_REGEX_HINTS = {
    ("pipeline.cleaning.containers", "_HTML_HINT"): "detects an HTML container; skips no pattern",
    ("pipeline.cleaning.pdf", "_DOUBLED_HINT"): "prefilters a function (_doubled_runs), not a regex",
}


def _modules() -> list[tuple[str, Path]]:
    root = Path(pipeline.cleaning.__file__).parent
    names = [m.name for m in pkgutil.walk_packages([str(root)], "pipeline.cleaning.")]
    out = []
    for name in names:
        mod = importlib.import_module(name)
        if mod.__file__ and mod.__file__.endswith(".py"):
            out.append((name, Path(mod.__file__)))
    return out


def unproven_hints(name: str, ns: dict[str, object], source: str) -> list[str]:
    """What in a module's ``source`` (its namespace ``ns``) skips a regex on a hint that
    ``HINTED`` does not register, so ``test_line_pattern_holds_its_hint`` never proves it."""
    registered = list(ns.get("HINTED", ()))  # type: ignore[call-overload]
    hints = {id(h) for _, h in registered}
    pairs = {(id(rx), id(h)) for rx, h in registered}
    problems: list[str] = []
    tree = ast.parse(source)
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        for t in targets:
            if not (isinstance(t, ast.Name) and t.id.endswith("_HINT") and isinstance(ns.get(t.id), re.Pattern)):
                continue
            if (name, t.id) not in NOT_REGEX_HINTS and id(ns[t.id]) not in hints:
                problems.append(f"{name}.{t.id} guards a pattern but is not in HINTED")
    for sub in ast.walk(tree):
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id == "line_matches":
            args = [ns.get(a.id) if isinstance(a, ast.Name) else None for a in sub.args[:2]]
            if (id(args[0]), id(args[1])) not in pairs:
                problems.append(f"{name}:{sub.lineno}: line_matches with an unregistered pair")
        if isinstance(sub, ast.If):
            # A literal ``"版" in text`` in the test, alone or in an ``and`` chain, guarding a
            # regex call in the test or the body.
            parts = sub.test.values if isinstance(sub.test, ast.BoolOp) else [sub.test]
            literal_guard = any(
                isinstance(c, ast.Compare)
                and isinstance(c.left, ast.Constant)
                and isinstance(c.left.value, str)
                and isinstance(c.ops[0], ast.In)
                for c in parts
            )
            guards_regex = any(
                isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in REGEX_METHODS
                for stmt in [sub.test, *sub.body]
                for n in ast.walk(stmt)
            )
            if literal_guard and guards_regex:
                problems.append(f"{name}:{sub.lineno}: a literal guard skips a pattern; use a registered *_HINT")
    return problems


@pytest.mark.parametrize("name,path", _modules(), ids=[n for n, _ in _modules()])
def test_every_hint_in_a_module_is_registered_with_its_pattern(name: str, path: Path) -> None:
    """A module-level ``*_HINT`` regex must be the hint of a registered (pattern, hint) pair, so
    ``test_line_pattern_holds_its_hint`` proves it; a call ``line_matches(rx, hint, …)`` must use
    a registered pair; and no bare literal guard (``if "版" in text``) may skip a pattern
    unproven. A new hinted pattern that is not registered fails here."""
    ns = vars(importlib.import_module(name))
    assert unproven_hints(name, ns, path.read_text(encoding="utf-8")) == []


PLANTED = """
import re
_X = re.compile("版.")
_X_HINT = re.compile("版")
_Y = re.compile("展开.")
HINTED = ()
def f(text):
    if "展开" in text:
        return _Y.findall(text)
    return _X.findall(text) if _X_HINT.search(text) else []
"""


def test_the_check_reports_a_planted_unregistered_hint_and_literal_guard() -> None:
    ns: dict[str, object] = {}
    exec(compile(PLANTED, "planted", "exec"), ns)
    problems = unproven_hints("planted", ns, PLANTED)
    assert len(problems) == 2
    assert "_X_HINT" in problems[0] and "literal guard" in problems[1]


def test_an_emoji_class_hint_is_proven_over_the_whole_class() -> None:
    assert hint_covers(spam._EMOJI, spam._EMOJI_HINT)
    assert not hint_covers(re.compile("[\U0001f000-\U0001faff\u2b06]"), spam._EMOJI_HINT)  # ⬆ is outside the hint

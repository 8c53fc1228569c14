"""The cleaning pipeline: runs the repairs in order and keeps one offset map to the raw text.

Each repair is a pure function ``text → Step`` (see the sibling modules). This module chains
them, composes their offset maps (cleaned → raw), and turns their edits into located
:class:`Change` records, their side findings into metadata, captions and flags.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter

from pipeline.cleaning import containers, layout, pdf, pinyin, print_pages, residue, script, spinning
from pipeline.cleaning.base import Step, han_count
from pipeline.cleaning.residue import boilerplate, symbol_noise
from pipeline.document import Caption, Change, CleanResult, Repair, Script, SourceFormat
from pipeline.offsets import OffsetMap

# Edits of these kinds are bookkeeping (spaces, line endings, markup); they are summarised in
# ``repairs`` but not listed one by one in ``changes``.
QUIET_KINDS = frozenset({"whitespace", "html", "markdown"})
_RAW_SPAN = attrgetter("raw_start", "raw_end")  # sort key of changes
MAX_EXAMPLES = 5


@dataclass(slots=True)
class _Chain:
    raw: str
    text: str
    steps: list[Step] = field(default_factory=list)
    active: list[tuple[int, OffsetMap]] = field(default_factory=list)  # steps that changed text

    @classmethod
    def start(cls, raw: str) -> _Chain:
        return cls(raw=raw, text=raw)

    def run(self, fn: Callable[[str], Step]) -> Step:
        step = fn(self.text)
        if not step.offsets.is_identity():
            self.active.append((len(self.steps), step.offsets))
        self.steps.append(step)
        self.text = step.text
        return step

    def span_to_raw(self, k: int, start: int, end: int) -> tuple[int, int]:
        """Raw span of ``[start, end)`` in the *input* of step ``k``.

        Mapping back through each earlier step's own (small) map costs a few lookups per span;
        composing a full map after every step would cost the size of the whole map each time.
        """
        for j, m in reversed(self.active):
            if j < k:
                start, end = m.to_source(start, end)
        return start, end

    def spans_to_raw(self, k: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """:meth:`span_to_raw` of every span in ``spans``, one pass per earlier map."""
        for j, m in reversed(self.active):
            if j < k and spans:
                spans = m.to_source_many(spans)
        return spans

    def offsets(self) -> OffsetMap:
        """The composed map cleaned → raw, composed pairwise so each level halves the maps."""
        maps = [m for _, m in self.active]
        if not maps:
            return OffsetMap.identity(len(self.raw))
        while len(maps) > 1:
            maps = [maps[i].compose(maps[i + 1]) if i + 1 < len(maps) else maps[i] for i in range(0, len(maps), 2)]
        return maps[0]


def _merge_metadata(into: dict[str, object], new: dict[str, object]) -> None:
    for key, value in new.items():
        if key == "images" and isinstance(value, list):
            have = into.setdefault("images", [])
            assert isinstance(have, list)
            have.extend(v for v in value if v not in have)
        elif value not in (None, "", []):
            into.setdefault(key, value)


def clean(
    raw_text: str,
    fmt: SourceFormat,
    *,
    skip_changes: frozenset[tuple[str, int, int]] = frozenset(),
    boilerplate_lines: frozenset[str] | None = None,
    learned_spin: Mapping[str, str] | None = None,
    rejected_spin: frozenset[tuple[str, str]] = frozenset(),
) -> CleanResult:
    """Clean ``raw_text`` (never modified) into Simplified body text with a map back to it.

    ``skip_changes`` are (kind, raw start, raw end) of repairs a reviewer undid;
    ``boilerplate_lines`` are :func:`~pipeline.cleaning.residue.boilerplate.line_key` keys of
    lines the store has seen in many articles of the same site (None: no such knowledge);
    ``learned_spin``: spun → original pairs a reviewer confirmed from the user's corpus;
    ``rejected_spin``: (spun, original) pairs a reviewer rejected, never restored automatically.
    A ``skip_changes`` key of kind ``spinning.FORCE_KIND`` restores a spin suspect at that raw span.
    """
    chain = _Chain.start(raw_text)
    if fmt in ("markdown", "html"):
        fm = chain.run(containers.strip_front_matter)
        if fmt == "html" or containers.looks_like_html(fm.text):
            chain.run(containers.html_to_text)
        else:
            chain.run(containers.markdown_to_text)
    # Inline residue first: removing "展开剩余85%" or a spam phrase can expose a navigation line,
    # a doubled heading or a space before punctuation, which the later repairs then see.
    chain.run(residue.remove_inline_residue)
    chain.run(symbol_noise.remove_symbol_noise)
    chain.run(layout.normalize_characters)
    chain.run(pinyin.remove_pinyin)
    original_script: Script = script.detect_script(chain.text)
    converted = chain.run(lambda t: script.to_simplified(t, original_script))
    if original_script == "mixed":
        converted.flags.append("mixed_script")
    # Furniture of printed pages that sits inside the text: before the space and line repairs,
    # which would otherwise join across it.
    for fn in (
        print_pages.remove_empty_images, print_pages.remove_doc_notice, print_pages.remove_link_runs,
        print_pages.join_page_numbers, print_pages.remove_running_heads, print_pages.join_headline_space,
    ):
        chain.run(fn)
    chain.run(pdf.join_spaced_chars)
    chain.run(pdf.join_wrap_spaces)
    heads: list[int] = []
    # Twice: a unit longer than the search limit can leave a doubled line behind, and a cleaned
    # text must not change when cleaned again.
    for _ in range(2):
        doubled = chain.run(pdf.undouble_headings)
        heads = [doubled.offsets.to_derived(h, h)[0] for h in heads]
        raw_heads = doubled.metadata.get("_heading_starts", [])
        heads += [h for h in raw_heads if isinstance(h, int)] if isinstance(raw_heads, list) else []
        if not doubled.edits:
            break  # the text did not change, so a second pass would find nothing either
    # Page-info and navigation lines are judged after undoubling, as they will finally read.
    for fn in (
        print_pages.trim_epaper_head, print_pages.remove_repeated_ads,
        residue.remove_navigation, residue.extract_page_info,
    ):
        step = chain.run(fn)
        heads = [step.offsets.to_derived(h, h)[0] for h in heads]
    # What is left of the page around the article, judged by structure and context.
    furniture_skips = {(a, b) for kind, a, b in skip_changes if kind == boilerplate.KIND}
    furniture_index = len(chain.steps)

    def put_back(start: int, end: int) -> bool:
        return chain.span_to_raw(furniture_index, start, end) in furniture_skips

    step = chain.run(
        lambda t: boilerplate.remove_boilerplate(
            t, known_lines=boilerplate_lines, skip=put_back if furniture_skips else None
        )
    )
    heads = [step.offsets.to_derived(h, h)[0] for h in heads]
    joined = chain.run(lambda t: pdf.join_broken_lines(t, headings=frozenset(heads)))
    if joined.metadata.get("hard_wrapped"):
        chain.run(pdf.join_number_spaces)
    if joined.edits:
        # Joined lines can make a paragraph printed twice or a repeated line that the judgement
        # above did not see; judged again here, cleaning the output once more changes nothing.
        again_index = len(chain.steps)

        def put_back_again(start: int, end: int) -> bool:
            return chain.span_to_raw(again_index, start, end) in furniture_skips

        chain.run(
            lambda t: boilerplate.remove_boilerplate(
                t, known_lines=boilerplate_lines, skip=put_back_again if furniture_skips else None
            )
        )

    spin_skips = {(a, b) for kind, a, b in skip_changes if kind == "spin"}
    spin_forced = {(a, b) for kind, a, b in skip_changes if kind == spinning.FORCE_KIND}
    spin_index = len(chain.steps)

    def skipped(start: int, end: int) -> bool:
        return chain.span_to_raw(spin_index, start, end) in spin_skips

    def forced(start: int, end: int) -> bool:
        return chain.span_to_raw(spin_index, start, end) in spin_forced

    # Inserted spam any earlier repair removed (content farms both spin and insert spam): support
    # for the spin judgement, whatever detected it, if it was inserted into the story.
    spam = _spam_in_story(chain)
    spin = chain.run(
        lambda t: spinning.restore_spin(
            t, skip=skipped if spin_skips else None, learned=learned_spin, rejected=rejected_spin,
            force=forced if spin_forced else None, spam=spam,
            # A Traditional text's rare characters are old variants (擧, 鬭), not look-alikes.
            lookalikes=original_script != "hant",
        )
    )
    assert chain.steps[spin_index] is spin
    if spin.edits:
        # A restoration can leave a space a wrap-space join would now close ("文 东谈主" reads
        # "文 人" after it); joined here, cleaning the output again changes nothing.
        chain.run(pdf.join_wrap_spaces)
    chain.run(residue.lift_captions)
    chain.run(layout.finalize_layout)
    return _assemble(chain, original_script)


# A line around a spam edit is the story's prose when this much Han text and a clause mark are left
# once the spam is cut out of it.
PROSE_HAN = 12
_CLAUSE_MARKS = frozenset("，。；！？,;!?")


def _spam_in_story(chain: _Chain) -> bool:
    """Whether spam was cut out of the story itself: from a prose line, or a spam line between
    paragraphs. A brand glued to the page's breadcrumb or menu ("某某官方首页 > 新闻中心") is the
    page's chrome: a clean story on a spammy site is no evidence of a content farm."""
    before = chain.raw
    for st in chain.steps:
        for e in st.edits:
            if e.kind != "spam":
                continue
            if e.note.startswith("spam line:"):
                return True  # judged between two lines, one of them prose (residue.spam)
            lo = before.rfind("\n", 0, e.start) + 1
            hi = before.find("\n", e.end)
            rest = before[lo : e.start] + before[e.end : len(before) if hi < 0 else hi]
            if han_count(rest) >= PROSE_HAN and not _CLAUSE_MARKS.isdisjoint(rest):
                return True
        before = st.text
    return False


def _assemble(chain: _Chain, original_script: Script) -> CleanResult:
    final = chain.text
    steps = chain.steps
    offsets = chain.offsets()
    # Where a change ended up in the cleaned text: the cleaned characters that come from its raw
    # span (``offsets.to_derived``, in one batch per step). Composing a map from the final text
    # back to every step costs more than this.

    changes: list[Change] = []
    repairs: dict[str, Repair] = {}
    captions: list[Caption] = []
    metadata: dict[str, object] = {}
    flags: list[str] = []
    marks_meta: list[dict[str, object]] = []
    for k, step in enumerate(steps):
        # Every span this step reports, mapped back to the raw text in one batch per earlier map
        # (in the order the loops below take them).
        wanted = [(e.start, e.end) for e in step.edits if e.kind not in QUIET_KINDS and e.kind != "caption"]
        wanted += [(cap.start, cap.end) for cap in step.captions]
        wanted += [(mark.start, mark.end) for mark in step.marks]
        raw_spans = chain.spans_to_raw(k, wanted)
        to_raw = iter(raw_spans).__next__
        to_clean = iter(offsets.to_derived_many(raw_spans)).__next__

        source = step_input(chain, k)
        undoable = step.undoable
        for e in step.edits:
            kind = e.kind
            rep = repairs.get(kind)
            if rep is None:
                rep = repairs[kind] = Repair(kind=kind, count=0, description=step.description)
            rep.count += 1
            if kind in QUIET_KINDS:
                continue
            before = source[e.start : e.end]
            if len(rep.examples) < MAX_EXAMPLES:
                rep.examples.append((before, e.replacement))
            if kind == "caption":
                continue
            r0, r1 = to_raw()
            c0, c1 = to_clean()
            changes.append(Change(kind, r0, r1, c0, c1, before, e.replacement, e.note, undoable))
        for cap in step.captions:
            r0, r1 = to_raw()
            to_clean()  # a caption has no place in the cleaned text; keeps both iterators in step
            if cap.text.strip():
                captions.append(Caption(text=cap.text.strip(), raw_start=r0, raw_end=r1))
        for mark in step.marks:
            r0, r1 = to_raw()
            c0, c1 = to_clean()
            marks_meta.append(
                {
                    "kind": step.kind,
                    "text": mark.text,
                    "raw_start": r0,
                    "raw_end": r1,
                    "clean_start": c0,
                    "clean_end": c1,
                }
            )
            if step.kind == "pinyin":
                changes.append(
                    Change(
                        kind="pinyin_damaged",
                        raw_start=r0,
                        raw_end=r1,
                        clean_start=c0,
                        clean_end=c1,
                        before=mark.text,
                        after=final[c0:c1],
                        note="damaged pinyin annotation left in place for review",
                    )
                )
        _merge_metadata(metadata, {k2: v for k2, v in step.metadata.items() if not k2.startswith("_")})
        flags.extend(f for f in step.flags if f not in flags)

    if marks_meta:
        # One list per kind of mark: spin suspects (real words that may be spun) and damaged
        # pinyin annotations, each located in the raw and the cleaned text.
        for kind, key in (("spin", "spin_suspects"), ("pinyin", "pinyin_damage")):
            found = [m for m in marks_meta if m["kind"] == kind]
            if found:
                metadata[key] = found
    _merge_metadata(metadata, residue.dateline_metadata(final))
    if "source" not in metadata and "author" in metadata:
        metadata["source"] = metadata["author"]
    spin_score = metadata.get("spin_score", 0.0)
    changes.sort(key=_RAW_SPAN)
    return CleanResult(
        text=final,
        offsets=offsets,
        script=original_script,
        repairs=list(repairs.values()),
        changes=changes,
        captions=captions,
        metadata=metadata,
        flags=flags,
        spin_score=float(spin_score) if isinstance(spin_score, int | float) else 0.0,
    )


def step_input(chain: _Chain, k: int) -> str:
    return chain.raw if k == 0 else chain.steps[k - 1].text

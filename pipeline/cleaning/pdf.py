"""Damage from PDF text extraction: doubled bold headings, hard line wraps, spaced-out characters."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from pipeline.charclass import is_han
from pipeline.cleaning import spinning
from pipeline.cleaning.base import CLOSERS, HAN, Found, Step, no_change, run_edits
from pipeline.cleaning.residue.captions import is_marked_caption
from pipeline.offsets import Edit

# -- doubled headings ------------------------------------------------------------------------

# Bold headings are often drawn twice and extracted twice: "担当作为担当作为", "““三年倍增三年倍增””".
_DOUBLED_HINT = re.compile(r"(\S{2,}?)\1")
_MAX_UNIT = 24
# Doubled runs must cover this share of a line before the line counts as a doubled heading;
# a sentence that merely contains 研究研究 or 谢谢 is nowhere near.
MIN_COVERAGE = 0.8
_MAX_DISTINCT = (2 - MIN_COVERAGE) / 2
# Runs this short are also ordinary reduplication (看看, 一一); accept them only when the single
# form also occurs elsewhere in the document.
SHORT_UNIT = 2
MAX_HEADING_LEN = 100
WINDOW = 20_000
# Headings carry no full stop; testing only such short lines keeps the quadratic hint cheap.
_HEADING_CANDIDATE = re.compile(rf"^[^\n。！？]{{4,{MAX_HEADING_LEN}}}$", re.M)


@dataclass(slots=True)
class _Run:
    start: int
    unit: str


_UNIT_OK = re.compile(rf"[{HAN}]|^[“”‘’《》「」『』【】（）]+$")


def _doubled_runs(line: str) -> tuple[list[_Run], int]:
    """Cover ``line`` by units written exactly twice (longest unit first).

    A unit must hold a Han character (or be quote/bracket punctuation), so digit strings such
    as ``1111`` or ``2020 2020`` are never halved; a unit written three times or more is a
    real repeat (哈哈哈), not a doubled stroke, and stays.
    """
    runs: list[_Run] = []
    covered = 0
    i = 0
    n = len(line)
    while i < n:
        if line[i].isspace():
            i += 1
            continue
        found = 0
        skip = 1
        for k in range(min(_MAX_UNIT, (n - i) // 2), 0, -1):
            unit = line[i : i + k]
            if k % 2 == 0 and unit[: k // 2] * 2 == unit:
                continue  # a doubled unit would leave a doubled result: let the half decide
            if unit == line[i + k : i + 2 * k] and _UNIT_OK.search(unit) and not unit[0].isspace():
                reps = 2
                core = unit.strip()
                while line.startswith(core, i + reps * k):
                    reps += 1
                if reps == 2:
                    found = k
                else:
                    skip = reps * k  # step over the whole repeat, not into its tail
                break
        if found:
            runs.append(_Run(i, line[i : i + found]))
            covered += 2 * found
            i += 2 * found
        else:
            i += skip
    return runs, covered


def _is_punct_unit(unit: str) -> bool:
    return all(not c.isalnum() for c in unit)


# A heading drawn twice with a space between the copies: "深港签署合作协议 深港签署合作协议".
_SPACED_COPY = re.compile(r"^[ \t]*(\S.{3,}?\S)[ \t]+\1$")
MIN_COPY_HAN = 3
# Every glyph struck twice (a bold face faked by overprinting): "深深港港签签署署合合作作".
MIN_GLYPH_PAIRS = 5


def _other_doubling(line: str) -> list[tuple[int, int, str]] | None:
    """Spans of ``line`` to drop when the whole line is a heading doubled in one of the two
    forms the run cover does not catch; None otherwise."""
    m = _SPACED_COPY.match(line)
    if m is not None:
        unit = m.group(1)
        if sum(1 for c in unit if is_han(c)) >= MIN_COPY_HAN:
            return [(m.end(1), len(line), f"{unit} {unit} → {unit}")]
        return None
    if len(line) < 2 * MIN_GLYPH_PAIRS or len(line) % 2:
        return None
    pairs = [line[i] for i in range(0, len(line), 2)]
    if any(line[2 * k + 1] != c for k, c in enumerate(pairs)) or sum(1 for c in pairs if is_han(c)) < MIN_GLYPH_PAIRS:
        return None
    single = "".join(pairs)
    # Reduplicated words (高高兴兴, 干干净净) are written this way; jieba's dictionary knows them.
    if any(a == b for a, b in itertools.pairwise(single)) or any(
        len(w) == 4 and w[0] == w[1] and w[2] == w[3] for w in spinning.tokenize(line)
    ):
        return None
    return [(2 * k + 1, 2 * k + 2, f"{line} → {single}") for k in range(len(pairs))]


def undouble_headings(text: str) -> Step:
    """Collapse lines made of doubled runs into single runs; leave ordinary reduplication alone."""
    edits: list[Edit] = []
    headings: list[tuple[int, int]] = []
    for line in _HEADING_CANDIDATE.finditer(text):
        s = line.group()
        other = _other_doubling(s)
        if other is not None:
            edits.extend(Edit(line.start() + a, line.start() + b, "", "pdf_doubled", note) for a, b, note in other)
            headings.append((line.start(), line.end()))
            continue
        # Cheap test first: in a doubled line nearly every character occurs at least twice.
        visible = len(s) - s.count(" ")
        # Cheaper still: with repeated characters covering ≥ MIN_COVERAGE of the line, at most
        # (1 + (1 - MIN_COVERAGE)) / 2 of its characters are distinct (+1 for rounding); a
        # line with more distinct characters fails the count below anyway.
        if len(set(s)) - (" " in s) > _MAX_DISTINCT * visible + 1:
            continue
        if sum(c for ch, c in Counter(s).items() if c > 1 and ch != " ") < MIN_COVERAGE * visible:
            continue
        if not _DOUBLED_HINT.search(s):
            continue
        runs, covered = _doubled_runs(s)
        visible = len(s) - sum(1 for c in s if c.isspace())
        if not runs or covered < MIN_COVERAGE * visible:
            continue
        # One short doubled word alone on a line (研究研究) is ordinary reduplication.
        if len(runs) < 2 and all(len(r.unit) <= SHORT_UNIT for r in runs):
            continue
        line_edits: list[Edit] = []
        for run in runs:
            u = run.unit
            if len(u) <= SHORT_UNIT and not _is_punct_unit(u):
                # The single form must occur outside this line, else it may be a real repeat.
                # Searched within a window: an article is shorter, and a huge input stays linear.
                lo, hi = max(0, line.start() - WINDOW), line.end() + WINDOW
                if text.find(u, lo, line.start()) == -1 and text.find(u, line.end(), hi) == -1:
                    continue
            a = line.start() + run.start + len(u)
            line_edits.append(Edit(a, a + len(u), "", "pdf_doubled", f"{u}{u} → {u}"))
        if line_edits:
            edits.extend(line_edits)
            headings.append((line.start(), line.end()))
    step = run_edits("pdf_doubled", text, edits, "doubled heading text collapsed")
    if headings:
        # Line starts in the output: the line joiner keeps these lines apart (they are headings).
        step.metadata["_heading_starts"] = [step.offsets.to_derived(a, b)[0] for a, b in headings]
    return step


# -- hard line wraps -------------------------------------------------------------------------

_CONTENT = re.compile(r"^ *([^\n ](?:[^\n]*[^\n ])?) *$", re.M)
# Only sentence ends close a paragraph here: PDF lines end on ；/： mid-paragraph all the time.
_SENTENCE_ENDS = "。！？!?…"


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` (no newline in it) ends with a sentence end, then closing marks only.

    Same as searching ``[。！？!?…][closers]*$``, but looks at the end instead of trying the
    pattern at every position of the line.
    """
    core = line.rstrip(CLOSERS)
    return bool(core) and core[-1] in _SENTENCE_ENDS


# Lines that stand alone: captions/bullets, list items, obvious headings of a numbered outline.
_STANDALONE = re.compile(
    r"^(?:[▲▶▼△▷◆●■□◎]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.、．](?!\d))"
)
_CLAUSE_MARK = re.compile("[，,、。；;]")
# The numbered-outline marks of _STANDALONE (not the picture and bullet marks).
_OUTLINE = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.、．](?!\d))")
# A number split from its unit: the line ends with a digit, the next starts with a Han character or %.
_DIGIT_END = re.compile(r"\d$")
_UNIT_START = re.compile(f"[{HAN}%％]")
# A line that is only a date or a time ("2017年10月9日", "2017-09-13 14:33", "10月17日 星期二"):
# a date line of a page or a signature, never the tail of a wrapped sentence.
_DATE_LINE = re.compile(r"^(?=.*\d)[\d０-９ 年月日号時时分秒:：/.\-—–|｜()（）星期周一二三四五六七天上下午晚早]+$")
# Characters a PDF sets half as wide as a Han character (Latin letters, digits, spaces); CJK
# characters and the full-width marks around them take a whole cell.
_HALF_WIDTH = re.compile(r"[\x00-\u10ff]")
MIN_LINES = 8
MIN_WRAPPED_SHARE = 0.5
# A wrapped column is at least this many Han characters wide; a median below it comes from a page
# of short lines (menus, bylines, captions), not from a narrow newspaper column.
MIN_WIDTH = 8.0
# Hard wrapping leaves no line much longer than the wrap width. Paragraph-per-line text with many
# short lines (breadcrumb, headline, date, caption) can have a small median, but most of its
# characters then sit in lines several times longer: such text is not wrapped.
LONG_LINE = 1.5
MAX_LONG_SHARE = 0.25
# A line broken by wrapping fills its column: this share of the local width, less the two-character
# indent a paragraph's first line may carry.
FULL_LINE = 0.85
INDENT = 2.0
# The local width is the median of this many lines on either side: a page may set its deck,
# its columns and its captions at different widths.
LOCAL_LINES = 3


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return float(ordered[len(ordered) // 2]) if ordered else 0.0


def _width(line: str) -> float:
    """Width of ``line`` in Han characters: half-width characters count one half."""
    return len(line) - 0.5 * len(_HALF_WIDTH.findall(line))


def is_hard_wrapped(text: str) -> bool:
    """Hard-wrapped text: most lines stop mid-sentence at a similar width, and none runs on far past it.

    Paragraph-per-line text (web copies) ends nearly every line with terminal punctuation, its
    line lengths vary widely, and its paragraphs are many times longer than its short lines, so
    it never passes.
    """
    return _wrap_width(text) is not None


def _wrap_width(text: str) -> float | None:
    """The median width (in Han characters) of the non-blank lines of hard-wrapped text; None for other text."""
    found = _wrap(text)
    return None if found is None else found[0]


def _wrap(text: str) -> tuple[float, bool] | None:
    """(width, found as a column cluster) for hard-wrapped text; None for other text."""
    # The non-empty pieces of a split are the ``[^\n]+`` runs.
    lines = [stripped for line in text.split("\n") if (stripped := line.strip())]
    if len(lines) < MIN_LINES:
        return None
    widths = [_width(ln) for ln in lines]
    med = _median(widths)
    if med > 120:
        return None
    # Prose cut into lines keeps its commas and stops inside the lines; verse and lists of names
    # or items (short lines of one width, never to be joined) carry few or none.
    full = [ln for ln, w in zip(lines, widths, strict=True) if w >= MIN_WIDTH]
    if sum(1 for ln in full if _CLAUSE_MARK.search(ln)) < PUNCTUATED_SHARE * len(full):
        return None
    if med < MIN_WIDTH or sum(w for w in widths if w > LONG_LINE * med + 2) > MAX_LONG_SHARE * sum(widths):
        column = _column_width(lines, widths)
        return None if column is None else (column, True)
    wrapped = sum(
        1 for ln, w in zip(lines, widths, strict=True) if abs(w - med) <= 0.3 * med + 2 and not _ends_sentence(ln)
    )
    if wrapped >= MIN_WRAPPED_SHARE * len(lines):
        return med, False
    column = _column_width(lines, widths)
    return None if column is None else (column, True)


PUNCTUATED_SHARE = 0.3
# A page whose head is a block of short lines (a document's letterhead, a list of members) can
# have a small median although its body is cut at one column width: the body is found as a
# cluster of lines of one width (within COLUMN_TOLERANCE) that holds most of the characters,
# most of them stopping mid-sentence, with no line running on past it.
COLUMN_MIN = 12.0  # narrower clusters are verse or lists, not a column of prose
COLUMN_TOLERANCE = 0.08
COLUMN_LINES = 5
COLUMN_CHAR_SHARE = 0.5
COLUMN_OPEN_SHARE = 0.6
COLUMN_OVERRUN = 0.1


def _column_width(lines: list[str], widths: list[float]) -> float | None:
    total = sum(widths)
    counts = Counter(round(w) for w in widths if w >= COLUMN_MIN)
    for width, _ in counts.most_common(3):
        tol = max(1.5, COLUMN_TOLERANCE * width)
        cluster = [ln for ln, w in zip(lines, widths, strict=True) if abs(w - width) <= tol]
        if len(cluster) < COLUMN_LINES:
            continue
        # Of the body: the lines at least half the column wide (the head's short lines aside).
        body = sum(w for w in widths if w >= width / 2)
        if sum(_width(ln) for ln in cluster) < COLUMN_CHAR_SHARE * body:
            continue
        if sum(1 for ln in cluster if not _ends_sentence(ln)) < COLUMN_OPEN_SHARE * len(cluster):
            continue
        if sum(w for w in widths if w > width + tol + 2) > COLUMN_OVERRUN * total:
            continue
        return float(width)
    return None


# Words no phrase ends with: a structural particle, a conjunction, a preposition waiting for its
# object. A headline line ending in one was wrapped ("…关于加快推进重大项目建设的" / "实施意见").
_DANGLING = frozenset({"的", "和", "与", "及", "以及", "关于", "对于", "在", "把", "将", "向", "对", "并", "或"})
_DANGLING_LAST = frozenset(w[-1] for w in _DANGLING)


def _dangles(line: str) -> bool:
    """Whether ``line`` ends with a word no phrase ends with (segmented, so 目的 is not 的)."""
    if line[-1] not in _DANGLING_LAST or len(line) < 8:
        return False
    return spinning.tokenize(line[-6:])[-1] in _DANGLING


def join_broken_lines(text: str, *, headings: frozenset[int] = frozenset()) -> Step:
    """Join lines broken inside a sentence; keep breaks after sentence ends and around headings.

    Only runs on hard-wrapped text (see :func:`is_hard_wrapped`). In such text the blank lines
    between lines carry no meaning, so a break is a wrap only when the line before fills its
    column (it is nearly as wide as the lines around it) and does not end a sentence. Headings,
    captions, bylines and date lines stand alone: they are short, carry a list or picture mark, or
    are a date. A number split from its unit (``50\\n亿元``) is rejoined whatever the width.
    """
    wrap = _wrap(text)
    if wrap is None:
        return no_change("pdf_lines", text)
    # A page found by its column (its head a block of short lines): only a line that fills the
    # column wraps, however short the lines around it.
    column = wrap[0] if wrap[1] else 0.0
    edits: list[Edit] = []
    lines = list(_CONTENT.finditer(text))
    widths = [_width(m.group(1)) for m in lines]
    captions: list[Found] = []
    skip: set[int] = set()
    for n, (pm, nm) in enumerate(itertools.pairwise(lines)):
        if n in skip:
            continue
        prev, nxt = pm.group(1), nm.group(1)
        cut = _caption_cut(lines, widths, n, column)
        if cut is not None:
            # A photo caption set beside the column came out between two lines of one sentence:
            # it is lifted out, and the sentence joined around it.
            last = lines[cut]
            captions.append(Found(nm.start(1), last.end(1), text[nm.start(1) : last.end(1)]))
            edits.append(Edit(pm.end(1), nm.start(1), "", "pdf_line_join", "line joined around a caption"))
            edits.append(Edit(nm.start(1), lines[cut + 1].start(1), "", "caption", "caption inside a sentence"))
            skip.update(range(n + 1, cut + 1))
            continue
        if n == 0 and not _CLAUSE_MARK.search(prev) and not _dangles(prev):
            continue  # the opening line without a comma is the headline, not a wrapped line
        if prev == nxt or _ends_sentence(prev) or pm.start() in headings or nm.start() in headings:
            continue
        if _DATE_LINE.match(prev) is not None or _DATE_LINE.match(nxt) is not None:
            continue
        number_split = _DIGIT_END.search(prev) is not None and _UNIT_START.match(nxt) is not None
        if not number_split:
            if _STANDALONE.match(nxt) is not None:
                continue
            if _STANDALONE.match(prev) is not None and not (_OUTLINE.match(prev) and _CLAUSE_MARK.search(prev)):
                # A caption or a bare outline heading stands alone; an outline item that carries
                # a clause mark is a paragraph, and one that fills its column wraps like any other.
                continue
            local = _median(widths[max(0, n - LOCAL_LINES) : n + LOCAL_LINES + 1])
            if local < MIN_WIDTH or widths[n] < FULL_LINE * max(local, column) - INDENT:
                continue
        latin = prev[-1].isascii() and prev[-1].isalnum() and nxt[0].isascii() and nxt[0].isalnum()
        glue = " " if latin and not number_split else ""
        edits.append(Edit(pm.end(1), nm.start(1), glue, "pdf_line_join", "line joined"))
    step = run_edits("pdf_lines", text, edits, "lines broken inside sentences joined")
    step.captions.extend(captions)
    step.metadata["hard_wrapped"] = True
    return step


MAX_CAPTION_LINES = 2


def _caption_cut(lines: list[re.Match[str]], widths: list[float], n: int, column: float) -> int | None:
    """The last caption line when one or two caption lines (``图为…``, ``… 摄``, ``▲…``) follow
    line ``n`` while it breaks a sentence at full column width, and a line of body text follows them."""
    prev = lines[n].group(1)
    if n == 0 or _ends_sentence(prev) or not is_marked_caption(lines[n + 1].group(1)):
        return None
    # Both sides are prose (clause marks in them), not a caption, a heading or a list item.
    if not _CLAUSE_MARK.search(prev) or _STANDALONE.match(prev) is not None or is_marked_caption(prev):
        return None
    local = _median([w for k, w in enumerate(widths[max(0, n - LOCAL_LINES) : n + LOCAL_LINES + 2]) if k != n + 1])
    if local < MIN_WIDTH or widths[n] < FULL_LINE * max(local, column) - INDENT:
        return None
    last = n + 1
    while last + 1 < len(lines) and last - n < MAX_CAPTION_LINES and is_marked_caption(lines[last + 1].group(1)):
        last += 1
    if last + 1 >= len(lines):
        return None
    after = lines[last + 1].group(1)
    if is_marked_caption(after) or _STANDALONE.match(after) is not None or _DATE_LINE.match(after) is not None:
        return None
    if not (_CLAUSE_MARK.search(after) or _ends_sentence(after)):
        return None
    return last


# -- spaced-out characters -------------------------------------------------------------------

_P = "，。、；：！？“”‘’（）《》"
# A token of spaced-out text: one Han character with any punctuation glued to it, or a number.
# Han characters joined by punctuation (间，成) form one token: the space before the comma is
# already gone when this runs.
_TOK = rf"(?:[{_P}]*[{HAN}](?:[{_P}]+[{HAN}])*[{_P}]*|\d+(?:\.\d+)?%?)"
# Any number of spaces between tokens: the final layout collapses a run of spaces to one, and a
# second cleaning must find the same runs (idempotence).
_SPACED_RUN = re.compile(rf"{_TOK}(?: +{_TOK}){{3,}}")
_SPACE = re.compile(" +")
_HAN_ONE = re.compile(rf"(?:^|(?<= ))[{_P}]*[{HAN}][{_P}]*(?= |$)")
# Spaces between a Han character (or punctuation) and a digit, either way round. Starts with the
# space so the engine scans for spaces; same matches as ``(?<=[X]) +(?=\d)|(?<=\d) +(?=[X])``.
_NUM_SPACE = re.compile(rf" (?:(?<=[{HAN}{_P}] ) *(?=\d)|(?<=\d ) *(?=[{HAN}{_P}]))")


_TOK_PUNCT = frozenset(_P + ".%")


_is_han = is_han


def _spaced_runs(text: str) -> list[re.Match[str]]:
    """``_SPACED_RUN.finditer(text)``, with the pattern tried only just before a space.

    A run starts with a token followed by a space, and a token holds no space and no two Han
    characters side by side, so its start lies in the few characters before some space: only
    those positions are tried, in order, which gives finditer's leftmost, non-overlapping matches.
    """
    out: list[re.Match[str]] = []
    pos = 0
    match = _SPACED_RUN.match
    find = text.find
    c = find(" ")
    while c >= 0:
        if c >= pos:
            p = c
            while p > pos:
                ch = text[p - 1]
                if not (ch in _TOK_PUNCT or ch.isdecimal() or _is_han(ch)):
                    break
                if p < c and _is_han(ch) and _is_han(text[p]):
                    break
                p -= 1
            while p < c:
                m = match(text, p)
                if m is not None:
                    out.append(m)
                    pos = m.end()
                    break
                p += 1
        c = find(" ", max(c + 1, pos))
    return out


def join_spaced_chars(text: str) -> Step:
    """``期 间 ，成 功 签 约 项 目 143 个`` → ``期间，成功签约项目143个``.

    A run counts as spaced-out only when at least three single Han characters stand between
    spaces; ``记者 陈雨燕`` or ``如画江西 征象独好`` stay. Spaces between Latin words are never
    touched.
    """
    edits: list[Edit] = []
    spaced_lines: set[int] = set()
    for m in _spaced_runs(text):
        run = m.group()
        if len(_HAN_ONE.findall(run)) < 3:
            continue
        spaced_lines.add(text.rfind("\n", 0, m.start()) + 1)
        for s in _SPACE.finditer(run):
            edits.append(Edit(m.start() + s.start(), m.start() + s.end(), "", "spaced_chars", "spaces joined"))
    # On a line with spaced-out characters, a number is spaced out too: "2 0 1 1" → "2011".
    for start in spaced_lines:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        for d in _SPACED_DIGITS.finditer(text, start, end):
            edits += [
                Edit(d.start() + s.start(), d.start() + s.end(), "", "spaced_chars", "spaces joined")
                for s in _SPACE.finditer(d.group())
            ]
        # ... and in a line of prose so damaged, every space between two Han characters is the
        # extraction's ("公 司 宣布" leaves "公司 宣布", "服务机器人的 技术升级"): Chinese prose
        # sets no space inside a clause, and a word-boundary space has no word across it for
        # join_wrap_spaces to find. Not in a bilingual table, where spaces part its fields.
        line = text[start:end]
        if _PROSE_MARK.search(line) and _is_chinese_prose(line):
            edits += [
                Edit(g.start(), g.end(), "", "spaced_chars", "space in spaced-out prose")
                for g in _HAN_SPACE.finditer(text, start, end)
            ]
    return run_edits("spaced_chars", text, _without_overlap(edits), "characters spaced apart joined")


_SPACED_DIGITS = re.compile(r"(?<![\d.])\d(?: \d){3,}(?![\d.])")
_PROSE_MARK = re.compile("[，,。]")
_LATIN_LETTER = re.compile("[A-Za-z]")


def _is_chinese_prose(line: str) -> bool:
    return len(_LATIN_LETTER.findall(line)) * 2 <= sum(map(is_han, line))

_HAN_SPACE = re.compile(rf"(?<=[{HAN}]) +(?=[{HAN}])")


def _without_overlap(edits: list[Edit]) -> list[Edit]:
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if not out or e.start >= out[-1].end:
            out.append(e)
    return out


# -- spaces at wrap points ---------------------------------------------------------------------

# A space between two Han characters, where a line of a PDF or e-paper wrapped ("客运码 头").
# Any run of spaces: the final layout folds a run into one, so a run must be judged as one space
# would be (cleaning a cleaned text again changes nothing).
_HAN_GAP = re.compile(rf"(?<=[{HAN}]) +(?=[{HAN}])")
_HAN_LEFT = re.compile(rf"[{HAN}]{{1,4}}$")
_HAN_RIGHT = re.compile(rf"[{HAN}]{{1,4}}")
MIN_WORD_FREQ = 1


def _word_spans_gap(left: str, right: str) -> str | None:
    """The dictionary word that jieba finds across the gap between ``left`` and ``right``."""
    # The spin reverser's tokenizer (the same dictionary, no HMM): one jieba dictionary per
    # process instead of two saves ~1 s of CPU and its memory in every import worker.
    pos = 0
    for word in spinning.tokenize(left + right):
        end = pos + len(word)
        if pos < len(left) < end:
            return word if spinning.word_freq(word) >= MIN_WORD_FREQ else None
        pos = end
    return None


def join_wrap_spaces(text: str) -> Step:
    """``客运码 头`` → ``客运码头``: a space inside a word, left where a line wrapped.

    A space between Han characters is taken out only when jieba, segmenting the few characters
    around it without the space, finds a dictionary word across the gap (码头, 法规). A space at
    a word boundary — between the two parts of a headline (如画江西 征象独好), before a name
    (记者 陈雨燕) — has no word across it and stays.
    """
    edits: list[Edit] = []
    for m in _HAN_GAP.finditer(text):
        g = m.start()
        left = _HAN_LEFT.search(text, max(0, g - 4), g)
        right = _HAN_RIGHT.match(text, m.end())
        if left is None or right is None:
            continue
        word = _word_spans_gap(left.group(), right.group())
        if word is not None:
            edits.append(Edit(g, m.end(), "", "pdf_wrap_space", f"space inside {word}"))
    return run_edits("wrap_spaces", text, edits, "spaces inside words at line wraps removed")


def join_number_spaces(text: str) -> Step:
    """``达到 58 家`` → ``达到58家``, for hard-wrapped PDF text only.

    There the spaces around numbers are typesetting; in web text they may be meant, so the
    pipeline calls this only after :func:`is_hard_wrapped` said yes.
    """
    edits = [Edit(m.start(), m.end(), "", "spaced_chars", "space beside number") for m in _NUM_SPACE.finditer(text)]
    return run_edits("number_spaces", text, edits, "spaces around numbers in PDF text removed")

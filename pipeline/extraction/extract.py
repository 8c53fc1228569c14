"""Orchestration: one cleaned article → every field's values with evidence, rule and confidence.

Extractors read a *view* of the body followed by the photo captions (see ``normalize.View``).
Evidence is mapped back to code-point offsets in ``result.text``. A value seen only in a caption
has no span in the body: its evidence is ``[]`` and its rule ends with ``+caption``.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.charclass import HAN_CLASS, is_han
from pipeline.document import CleanResult
from pipeline.extraction import dates as dates_mod
from pipeline.extraction import lexicons
from pipeline.extraction.amounts import counts_deals, find_amounts, find_counts
from pipeline.extraction.credits import removed_credit_outlets, removed_credits
from pipeline.extraction.normalize import View, fold, fold_script, make_view
from pipeline.extraction.organizations import OrgHit, find_organizations, named_body, organization_form
from pipeline.extraction.people import PersonHit, find_people, glued_outlet_split, is_credit, plausible_name
from pipeline.extraction.places import find_places
from pipeline.extraction.spans import SpanIndex
from pipeline.extraction.title import find_source, find_title
from pipeline.extraction.vocab import classify_event, find_industries
from pipeline.fields import FIELD_NAMES, Amount, Count, FieldValue, Person

Span = tuple[int, int]
_APPROX_LEAD = re.compile(r"^(?:将近|接近|大约|超过|不少于|不低于|不到|近|约|超|逾|达|共|总计|合计|累计|高达)")


class _Evidence:
    """Maps view spans to body spans; spans in the caption block have no body offsets."""

    def __init__(self, view: View, body_len: int) -> None:
        self.view = view
        self.body_len = body_len
        # No space removed: view offsets are body offsets (to_source would map each to itself).
        self.identity = view.is_identity()

    def spans(self, view_spans: list[Span]) -> tuple[list[Span], bool]:
        """Body spans, and whether any mention was in a caption."""
        out: list[Span] = []
        caption = False
        body_len = self.body_len
        if self.identity:
            for a, b in view_spans:
                if b <= a:
                    b = a  # what to_source gives for an empty span
                if b <= body_len:
                    out.append((a, b))
                else:
                    caption = True
            return out, caption
        to_source = self.view.to_source
        for a, b in view_spans:
            s, e = to_source(a, b)
            if e <= body_len:
                out.append((s, e))
            else:
                caption = True
        return out, caption


def _fv(value: object, spans: list[Span], caption: bool, rule: str, conf: float) -> FieldValue | None:
    if not spans and not caption:
        return None
    if not spans:
        rule += "+caption"
        conf *= 0.9
    return FieldValue(value, spans, rule, round(conf, 3))


def _meta_str(meta: dict[str, object], *keys: str) -> str | None:
    for k in keys:
        v = meta.get(k)
        if isinstance(v, str) and v.strip():
            return v.strip()
    return None


def _meta_date(meta: dict[str, object]) -> date | None:
    raw = meta.get("published_at")
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str) and raw.strip():
        m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw.strip())
        if m:
            return dates_mod._valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        found = dates_mod.find_dates(raw)
        if found and found[0].year:
            return dates_mod._valid(found[0].year, found[0].month, found[0].day)
    # A page-info date with a two- or three-digit year on a page written in Taiwan's script is a
    # Minguo date (發布日期:99-05-17 is 2010-05-17); elsewhere no century is guessed.
    converted = str(meta.get("script_converted_with") or "")
    raw_stamp = meta.get("published_raw") or meta.get("date_raw")
    if isinstance(raw_stamp, str) and converted.startswith("tw"):
        return dates_mod.minguo_stamp(raw_stamp)
    return None


def extract(result: CleanResult) -> dict[str, list[FieldValue]]:
    body = result.text
    captions = [c.text for c in result.captions if c.text.strip()]
    full = body + ("\n\n" + "\n".join(captions) if captions else "")
    folded_full = fold(full)  # one fold (a str.translate over the whole text) serves both
    view = make_view(full, folded_full)
    ev = _Evidence(view, len(body))
    vt = view.text
    out: dict[str, list[FieldValue]] = {name: [] for name in FIELD_NAMES}
    meta = result.metadata

    # -- title and source ------------------------------------------------------------------
    # Extraction owns the headline: cleaning proposes none; the front-matter title and the page's
    # <title> are candidates beside the body's opening lines (see ``title.find_title``).
    folded_body = folded_full[: len(body)]  # the fold is one character for one character
    meta_titles = tuple(t for k in ("title", "html_title") if (t := _meta_str(meta, k)))
    headline = find_title(folded_body, meta_titles)
    title_text: str | None = None
    if headline is not None:
        title_text = headline.text
        span = [(headline.start, headline.end)] if headline.start >= 0 else []
        value = fold_script(body[headline.start : headline.end]) if span else headline.text
        out["title"].append(FieldValue(value, span, headline.rule, headline.confidence))
    meta_source = _meta_str(meta, "source", "author", "publisher")
    # Sources, publishers and authors that name a body are organizations too.
    outlets = [(fold(v), k != "author") for k in ("source", "publisher", "author") if (v := _meta_str(meta, k))]
    if meta_source:
        out["source"].append(FieldValue(fold_script(meta_source), [], "metadata:source", 0.9))
    src = find_source(folded_body)
    if src:
        if not meta_source:
            out["source"].append(FieldValue(src[0], [(src[1], src[2])], "byline-pattern", 0.75))
        outlets.append((src[0], True))
    # An outlet's name standing alone on a line of the header (a credit line under the headline:
    # 香港电台) names the outlet too.
    for line in folded_body[:300].split("\n")[:8]:
        name = line.strip()
        if 2 < len(name) <= 12 and organization_form(name) == name:
            outlets.append((name, True))

    # -- dates -------------------------------------------------------------------------------
    published = _meta_date(meta)
    pub_span: Span | None = None
    if published is not None:
        out["published_at"].append(FieldValue(published.isoformat(), [], "metadata:published_at", 0.98))
    else:
        hdr = dates_mod.publish_date_in_header(folded_body)
        if hdr:
            published, a, b = hdr
            pub_span = (a, b)
            out["published_at"].append(FieldValue(published.isoformat(), [(a, b)], "header-date", 0.85))
        # A dateline without its year (南昌12月5日电) gives no publication date: no year is guessed.
    mentions = dates_mod.find_dates(vt)
    skip = None
    if pub_span is not None:
        va = _view_pos(view, pub_span[0])
        skip = (va, va + (pub_span[1] - pub_span[0]))
    # A date on a stamp line (当前报章2020年04月11日, 二版 >2014-04-29编印) dates the page, not the event.
    mentions = [m for m in mentions if not _on_stamp_line(vt, m.start)]
    event = dates_mod.pick_event_date(vt, mentions, skip)
    rule = "first-event-date"
    if (event is None or vt[event.end : event.end + 1] in ("电", "讯")) and published is not None:
        # 10日召开 under a dateline or a page date: the day's month is the publication's (or the one before).
        bare = dates_mod.bare_day_events(vt)
        if bare:
            day, a, b = bare[0]
            month = event.month if event is not None and day <= event.day else published.month
            if event is None and day > published.day:
                month = month - 1 or 12
            event = dates_mod.DateMention(None, month, day, a, b)
            rule = "day-with-event-verb"
        elif event is not None and dates_mod.undated_past_after(vt, event.end):
            event = None  # 7月4日电 … 大会日前举行: the dateline dates the report, the event day is unknown
        if event is None and published is not None and (rel := dates_mod.days_from_today(vt)):
            # 今日起一连三日: the range opens on the page's own date.
            n, a, b = rel
            first = published
            last = date.fromordinal(first.toordinal() + n - 1)
            event = dates_mod.DateMention(first.year, first.month, first.day, a, b, last.month, last.day)
            rule = "from-today"
        if event is None and published is not None and (rel_day := dates_mod.relative_day_event(vt)):
            # 昨开幕 on a page dated 2014-10-24, 一连四日: 2014-10-23 to 2014-10-26.
            offset, n, a, b = rel_day
            first = date.fromordinal(published.toordinal() + offset)
            last = date.fromordinal(first.toordinal() + n - 1)
            end_month, end_day = (last.month, last.day) if n > 1 else (None, None)
            event = dates_mod.DateMention(None, first.month, first.day, a, b, end_month, end_day)
            rule = "relative-day"
    if (
        event is not None
        and published is None
        and vt[event.end : event.end + 1] in ("电", "讯")
        and dates_mod.undated_past_after(vt, event.end)
    ):
        event = None  # 10月11日讯 … 日前举行 with no page date either: the event day is unknown
    if event is not None:
        # The year: written, else the publication's, else one written in the event's own name
        # (全市2021年第一批重大项目集中开工); none of these → no date (empty beats wrong).
        named_year = dates_mod.event_name_year(vt, event) if event.year is None and published is None else None
        start, end = dates_mod.resolve(event, published, named_year)
        run = dates_mod.run_from(vt, event.end) if event.end_day is None else None
        if start is not None and run is not None:
            end = date.fromordinal(start.toordinal() + run - 1)  # 25日起一连三天: the run's last day
        spans, cap = ev.spans([(event.start, event.end)])
        if event.end_day is not None:
            rule = "date-range"
        yr = "year-written" if event.year else ("year-from-publish-date" if published else "year-from-event-name")
        conf = 0.8 if event.year or published else 0.6
        if start is not None:
            fv = _fv(start.isoformat(), spans, cap, f"{rule}:{yr}", conf)
            if fv:
                out["event_start"].append(fv)
        if end is not None:
            fv = _fv(end.isoformat(), spans, cap, f"{rule}:{yr}", conf)
            if fv:
                out["event_end"].append(fv)

    # -- people, organizations, places -------------------------------------------------------
    # People first: an organization's name never runs back across a person's name.
    people = find_people(vt, view.gaps)
    orgs = find_organizations(vt, person_spans=[s for p in people for s in p.spans])
    org_spans = sorted(s for h in orgs for s in h.spans)
    orgs = _without_bare_title_bodies(orgs, people)
    for h in orgs:
        spans, cap = ev.spans(h.spans)
        conf = 0.8 if h.rule.startswith("suffix") else 0.6
        fv = _fv(h.value, spans, cap, h.rule, conf)
        if fv:
            out["organizations"].append(fv)
    org_names = {h.value for h in orgs}
    # A credit's name run into its outlet (责任编辑:余凌古田网): the outlet after the name.
    for person in filter(is_credit, people):
        for _a, b in person.spans:
            if b < len(vt) and is_han(vt[b]) and (glued := glued_outlet_split(vt, b - len(person.name))[1]):
                outlets.append((glued, True))
    # The same on the credit lines the cleaner removed (编辑:鲁南网, 责任编辑:余凌古田网).
    outlets.extend((o, False) for o in removed_credit_outlets(result.changes))
    _add_outlets(out["organizations"], outlets, org_names, vt, ev)
    _add_title_bodies(out["organizations"], people, org_names, vt, ev)
    # A place inside an organization's or a named event's name is not listed on that mention.
    # GOLD.md: a place inside an event's, project's or venue's name is listed (中国—东盟博览会 → 中国,
    # 东盟); one only inside an organization's name is not; one overlapping a person's name is no place.
    # A place inside a person's title is listed too (烟台市委书记 → 烟台市), though 烟台市委 is an organization.
    person_spans = [sp for p in people for sp in p.spans]
    title_spans = sorted(sp for p in people for sp in p.title_spans)
    for p in find_places(vt, org_spans, person_spans, title_spans):
        spans, cap = ev.spans(p.spans)
        fv = _fv(p.value, spans, cap, "division-lexicon", 0.9)
        if fv:
            out["places"].append(fv)
    place_forms = {fv.value for fv in out["places"]}
    for person in people:
        if person.name in org_names or person.name in place_forms:
            continue
        spans, cap = ev.spans(person.spans)
        fv = _fv(Person(person.name, person.title).to_json(), spans, cap, person.rule, person.confidence)
        if fv:
            out["people"].append(fv)
    _add_credited(out["people"], meta, org_names | place_forms)
    _add_removed_credits(out["people"], result, org_names | place_forms)
    _add_bracket_credits(out, folded_body, view, ev, org_names | place_forms)

    # -- industries and event type ---------------------------------------------------------
    for canonical, ind_spans in find_industries(vt).items():
        spans, cap = ev.spans(ind_spans)
        fv = _fv(canonical, spans, cap, "industry-vocabulary", 0.7 if len(ind_spans) == 1 else 0.85)
        if fv:
            out["industries"].append(fv)
    kind = classify_event(vt, title_text, event is not None)
    if kind:
        kind_name, conf, kspans = kind
        spans, _cap = ev.spans(kspans)
        out["event_type"].append(FieldValue(kind_name, spans, "event-triggers", conf))
    elif vt.strip():
        out["event_type"].append(FieldValue("其他", [], "event-triggers:none", 0.3))

    # -- amounts and counts ------------------------------------------------------------------
    # One amount per written figure (GOLD: unique by text): a figure restated in the body
    # (签约逾150亿元 … 总投资逾150亿元, 总投资286亿元 … 计划总投资286亿元) is one value with every
    # mention as evidence. The key drops the "approximately" words, which the gold drops too.
    seen_amounts: dict[tuple[str, object], FieldValue] = {}
    for am in find_amounts(vt):
        spans, cap = ev.spans([(am.start, am.end)])
        key = (_APPROX_LEAD.sub("", am.text), am.yuan)
        prev = seen_amounts.get(key)
        if prev is not None:
            prev.evidence.extend(s for s in spans if s not in prev.evidence)
            continue
        amount = Amount(am.text, am.yuan, am.context, am.approximate).to_json()
        fv = _fv(amount, spans, cap, "amount-pattern", 0.7 if am.approximate else 0.9)
        if fv:
            out["amounts"].append(fv)
            seen_amounts[key] = fv
    # The same count stated twice in the same words (headline and body: 签约项目32个) is one value
    # with two spans; the two words before it tell 规模以上企业超过200家 from 高新技术企业超过200家.
    seen_counts: dict[tuple[int, str, str], FieldValue] = {}
    seen_spans: dict[tuple[int, str, str], set[Span]] = {}  # a list test per span was quadratic
    for c in filter(counts_deals, find_counts(vt)):
        spans, cap = ev.spans([(c.start, c.end)])
        ckey = (c.value, c.text, vt[max(0, c.start - 2) : c.start])
        prev = seen_counts.get(ckey)
        if prev is not None and c.what:
            have = seen_spans.setdefault(ckey, set(prev.evidence))
            for sp in spans:
                if sp not in have:
                    have.add(sp)
                    prev.evidence.append(sp)
            continue
        count = Count(c.text, c.value, c.what, c.approximate).to_json()
        fv = _fv(count, spans, cap, "count-pattern", 0.75 if c.what else 0.5)
        if fv:
            out["counts"].append(fv)
            seen_counts[ckey] = fv
    _title_figures(out, _meta_str(meta, "title"), vt)
    return out


# A locality written in a name (段园镇党委, 横琴粤澳深度合作区执委会): a place the division table may lack.
_LOCALITY = re.compile(r"[省市县区州镇乡村]")
# A credit line set in brackets: the unit or outlet, then the writer, perhaps a place and 报导
# ((投资促进事务中心 单中平), (某某新闻/张三 云林报导)).
_BRACKET_CREDIT = re.compile(
    r"^[ \t]*[(（][ \t]*(?P<unit>[^()（）\s/／|]{2,16})[ \t]*[/／|]?[ \t]*(?P<name>[^()（）\s/／|]{2,4})"
    r"(?:[ \t]+[^()（）\s]{0,8}?(?:报导|报道|摄影|摄|讯))?[ \t]*[)）][ \t]*$",
    re.M,
)


def _ends_as_body(unit: str) -> bool:
    kinds = lexicons.org_suffixes().kinds
    return any(unit.endswith(k) and len(unit) > len(k) for k in kinds)


def _add_bracket_credits(out: dict[str, list[FieldValue]], body: str, view: View, ev: _Evidence,
                         not_names: set[str]) -> None:  # fmt: skip
    """The writer of a bracketed credit line, named after the unit or outlet they write for, is a
    person with no title (a byline with no label: GOLD.md), and the unit an organization. Read in the
    folded body (``body``), whose spaces still part the name from the place after it."""
    have = {fv.value["name"] for fv in out["people"] if isinstance(fv.value, dict)}
    orgs = {fv.value for fv in out["organizations"]}
    for m in _BRACKET_CREDIT.finditer(body):
        unit, name = m.group("unit"), m.group("name")
        form = organization_form(unit) or (unit if _ends_as_body(unit) and named_body(unit) else None)
        if form is None or name in have or name in not_names or not plausible_name(name):
            continue
        have.add(name)
        a = _view_pos(view, m.start("name"))
        spans, cap = ev.spans([(a, a + len(name))])
        fv = _fv(Person(name, "").to_json(), spans, cap, "bracket-credit", 0.6)
        if fv:
            out["people"].append(fv)
        if form not in orgs and unit == form:
            orgs.add(form)
            a = _view_pos(view, m.start("unit"))
            spans, cap = ev.spans([(a, a + len(unit))])
            fv = _fv(form, spans, cap, "bracket-credit", 0.6)
            if fv:
                out["organizations"].append(fv)


# Endings of a government or party organ (not a company, a school or a medium).
_ORGAN_END = re.compile(r"(?:局|委员会|委|厅|处|司|办|办公室|署|部)$")


def _without_bare_title_bodies(orgs: list[OrgHit], people: list[PersonHit]) -> list[OrgHit]:
    """GOLD.md: a body written only inside a person's title is listed when it carries a place or a
    proper name (江西省委), not when bare: an organ named by its function alone (金融管理局行政管理委员会
    主席, 旅游局局长) whose every mention lies in a title is left out."""
    titles = sorted(sp for p in people for sp in p.title_spans)
    if not titles:
        return orgs
    index = SpanIndex(titles)
    matcher = lexicons.places().matcher
    return [
        h for h in orgs
        if not (h.rule.startswith("suffix") and _ORGAN_END.search(h.value) and not matcher.contains(h.value)
                and not _LOCALITY.search(h.value) and all(index.covers(a, b) for a, b in h.spans))
    ]  # fmt: skip


def _title_figures(out: dict[str, list[FieldValue]], meta_title: str | None, vt: str) -> None:
    """Amounts and counts in a front-matter title the body never repeats (签约超200亿元).

    Like a caption, the title has no offsets in the body: evidence is ``[]`` and the rule ends in
    ``+title``. A figure the body states too (same yuan, or same count of the same thing) is not
    repeated.
    """
    if not meta_title:
        return
    title = make_view(meta_title).text
    if not title or title in vt:
        return
    have_yuan = {fv.value["yuan"] for fv in out["amounts"] if isinstance(fv.value, dict)}
    have_text = {fv.value["text"] for fv in out["amounts"] if isinstance(fv.value, dict)}
    for am in find_amounts(title):
        if (am.yuan is not None and am.yuan in have_yuan) or am.text in have_text:
            continue
        have_yuan.add(am.yuan)
        have_text.add(am.text)
        amount = Amount(am.text, am.yuan, am.context, am.approximate).to_json()
        out["amounts"].append(FieldValue(amount, [], "amount-pattern+title", 0.8 if not am.approximate else 0.65))
    counts = [fv.value for fv in out["counts"] if isinstance(fv.value, dict)]
    for c in filter(counts_deals, find_counts(title)):
        if any(v["value"] == c.value and (v["what"] == c.what or c.text in v["text"] or v["text"] in c.text)
               for v in counts):  # fmt: skip
            continue
        count = Count(c.text, c.value, c.what, c.approximate).to_json()
        counts.append(count)
        out["counts"].append(FieldValue(count, [], "count-pattern+title", 0.7 if c.what else 0.45))


# Page-info keys the cleaner moves into the metadata, and the title their names are given.
_CREDIT_KEYS = (("author", "作者"), ("editor", "编辑"))


def _add_credited(found: list[FieldValue], meta: dict[str, object], not_names: set[str]) -> None:
    """Reporters and editors the cleaner moved from a page-info line into the metadata
    (``责任编辑：周敏`` → ``editor``): people with rule ``metadata`` and no evidence."""
    have = {fv.value["name"] for fv in found if isinstance(fv.value, dict)}
    for key, default_title in _CREDIT_KEYS:
        raw = _meta_str(meta, key)
        if not raw:
            continue
        title = _meta_str(meta, key + "_label") or default_title  # 责任编辑 as written, not 编辑
        for name in re.split(r"[\s、,，/|;；]+", fold(raw)):
            if name and name not in have and name not in not_names and plausible_name(name):
                have.add(name)
                found.append(FieldValue(Person(name, title).to_json(), [], "metadata:" + key, 0.7))
    # A source line that carries its reporter (来源：某某晚报 全媒体记者 某某): the name after its title.
    source = _meta_str(meta, "source")
    if source and lexicons.titles().regex.search(fold(source)):
        for hit in find_people(fold(source)):
            if hit.name not in have and hit.name not in not_names and hit.title:
                have.add(hit.name)
                found.append(FieldValue(Person(hit.name, hit.title).to_json(), [], "metadata:source", 0.65))


def _add_removed_credits(found: list[FieldValue], result: CleanResult, not_names: set[str]) -> None:
    """Reporters and editors on credit lines the cleaner removed (审核:许秋洪): rule ``removed-credit``,
    no evidence in the cleaned text (see ``credits``)."""
    have = {fv.value["name"] for fv in found if isinstance(fv.value, dict)}
    for hit in removed_credits(result.changes):
        # A credit may name the outlet instead (编辑:鲁南网): only what reads as a person's name.
        if hit.name not in have and hit.name not in not_names and plausible_name(hit.name):
            have.add(hit.name)
            found.append(FieldValue(Person(hit.name, hit.title).to_json(), [], "removed-credit", 0.65))


def _add_outlets(
    found: list[FieldValue], outlets: list[tuple[str, bool]], names: set[str], vt: str, ev: _Evidence
) -> None:
    """The outlet in the metadata or a 来源 line, when it names a body the text scan did not list.

    Evidence is every mention in the text; an outlet named only in the metadata has none (rule
    ``metadata``).
    """
    canonical = lexicons.known_orgs().canonical
    known = {canonical.get(n, n) for n in names}
    for whole, is_source in outlets:
        # 来源:中国赣州网-赣南日报 names two outlets.
        parts = [p for p in _OUTLET_SEP.split(whole) if p] if is_source else [whole]
        for raw in parts:
            value = organization_form(raw)
            if value is None and is_source and _names_an_outlet(raw) and not any(raw in n for n in names):
                value = raw  # (a cut-off piece of a name found in the text, 中国台 of 中国台湾网, is none)
            _add_outlet(found, raw, value, names, known, canonical, vt, ev)


_OUTLET_SEP = re.compile(r"\s*[-—–/|｜、,，]\s*|\s+")
_OUTLET_NAME = re.compile(rf"[{HAN_CLASS}A-Za-z0-9]{{3,12}}")


def _names_an_outlet(raw: str) -> bool:
    """Whether what a 来源 line gives reads as an outlet's own name without an outlet ending (今日高邮):
    a named phrase, not a person's name, a place, the site itself (本站, 本网) or a remark with a verb
    (网友投稿, 转载)."""
    if not _OUTLET_NAME.fullmatch(raw) or raw[0] in "本我" or raw in lexicons.places().by_form:
        return False
    if plausible_name(raw) or not named_body(raw) or raw in lexicons.common_words():
        return False
    if lexicons.titles().regex.search(raw):
        return False  # 全媒体记者: a byline's role, not an outlet
    verbs = lexicons.verbs()
    return not any(raw[k : k + 2] in verbs for k in range(len(raw) - 1))


def _add_outlet(found: list[FieldValue], raw: str, value: str | None, names: set[str], known: set[str],
                canonical: dict[str, str], vt: str, ev: _Evidence) -> None:  # fmt: skip
    """List ``value`` (the body ``raw`` names) unless it, or a short form of it, is listed already."""
    if not value or value in names or canonical.get(value, value) in known:
        return  # 中国新闻网 in the metadata, 中新网 in the text: one body
    names.add(value)
    known.add(canonical.get(value, value))
    view_spans = [(m.start(), m.end()) for m in re.finditer(re.escape(value), vt)]
    if value != raw:
        view_spans += [(m.start(), m.end()) for m in re.finditer(re.escape(raw), vt)]
    spans, _cap = ev.spans(sorted(view_spans))
    found.append(FieldValue(value, spans, "metadata", 0.8 if spans else 0.7))


def _on_stamp_line(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return dates_mod.is_stamp_line(text[start : end if end >= 0 else len(text)])


# Titles held in a company or a newsroom: the words before them in a person's title name that body
# (中美典当董事长 → 中美典当, 大纪元记者 → 大纪元), even without a legal ending.
_BODY_TITLES = re.compile(
    r"(?:副?董事长|副?总经理|副?总裁|执行长|营运长|首席执行官|CEO|(?:摄影|文字)?记者|编辑|主编|通讯员)$"
)
# Words between a newsroom's name and 记者 that belong to the title (日照报业全媒体记者).
_TITLE_MODIFIERS = re.compile(r"(?:全媒体|融媒体|首席|特约|见习|资深|驻[^·]{1,6})+$")


def _add_title_bodies(
    found: list[FieldValue], people: list[PersonHit], names: set[str], vt: str, ev: _Evidence
) -> None:
    titles = lexicons.titles().regex
    places = lexicons.places().by_form
    for person in people:
        for part in re.split(r"[、，,]", person.title):
            m = _BODY_TITLES.search(part)
            if not m or m.start() == 0:
                continue
            head = _TITLE_MODIFIERS.sub("", part[: m.start()])
            for body in head.split("·"):
                if not (2 <= len(body) <= 14) or body in places or titles.search(body) or not named_body(body):
                    continue
                if body in lexicons.common_words():
                    continue  # 责任编辑, 值班编辑: a word of the title, not a newsroom's name
                if any(body in n or n in body for n in names):
                    continue  # the body is listed already, perhaps under a longer name
                names.add(body)
                view_spans = [(x.start(), x.end()) for x in re.finditer(re.escape(body), vt)]
                spans, cap = ev.spans(view_spans)
                fv = _fv(body, spans, cap, "title-body", 0.6)
                if fv:
                    found.append(fv)


def _view_pos(view: View, source_pos: int) -> int:
    """The view offset of a body offset (linear in the number of removed spaces; rarely called)."""
    lo, hi = 0, len(view.text)
    while lo < hi:
        mid = (lo + hi) // 2
        if view.to_source(mid, mid + 1)[0] < source_pos:
            lo = mid + 1
        else:
            hi = mid
    return lo

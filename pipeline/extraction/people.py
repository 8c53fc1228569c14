"""People and the titles written next to them.

Names are anchored on titles from the title lexicon, which is far more precise than part-of-speech
tagging on news text (which splits 罗文/军 and tags 高新区 as a person):

* title before the name: ``景德镇市副市长、高新区党工委书记罗文军`` — the title phrase is read
  leftwards over chained titles (joined by 、 or ，) and the organization written before them;
* a shared title: ``市领导汪东明、杨桢`` — every name in the list gets it;
* title after the name: ``王强副主任``, ``陶振华董事长``;
* bylines and credits: ``(记者 陈雨燕)``, ``记者 郑问 摄``, ``文/张三``.

A candidate must start with a known surname. Whether a name has two or three characters is
decided by what follows (a verb such as 出席 or 介绍, punctuation, a removed space), then by how
often each reading recurs in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pipeline import scan
from pipeline.charclass import HAN_CLASS, is_han
from pipeline.extraction import boundaries, lexicons
from pipeline.extraction.occurrences import Occurrences

# Words that commonly follow a name in news prose.
_FOLLOW = re.compile(
    r"(?:出席|参加|主持|介绍|表示|指出|说|致辞|讲话|会见|会谈|带队|一行|先生|女士|同志|亲切|强调|提出|认为|透露|"
    r"告诉|称|代表|陪同|接受|发表|宣布|希望|感谢|简要|进一步|详细|首先|随后|最后|分别|一同|共同|率|向|对|在|和|与|"
    r"及|等|为|是|的|也|还|已|将|就|到|作|摄|报道|如是|则|又|从|同|并|以|于|深入|现场|"
    r"实地|调研|考察|视察|看望|慰问|走访|听取|来|赴|前往|做|作了|编辑|校对|审核|签署|签约|见证|"
    rf"[^{HAN_CLASS}])"
)
# What follows a list of people (A、B、C出席): the verb the list is the subject of.
_LIST_VERB = re.compile(r"出席|参加|陪同|参与|共同|一同|等(?:领导|人|嘉宾|同志|出席|参加)")
# Characters that do not occur inside a name but often follow a surname-like character.
_NOT_IN_NAME = frozenset(
    "的了在与及等是为对将也都就从向把被于之其这那们个说市省县区委局厅会处部院所站队组员第每各该本要能可已还"
    "并但而或因没不很更最又再吗呢吧啊"
)
# Characters that end an organization's name, after which a name may start directly (驻广办王强).
_ORG_FINAL = frozenset("办局厅会司区市县省委院校部处队所站团组室馆社台报网行")
# Particles and coverbs that end no word a name could be glued to (协会的陈良沛理事长, 与王强副主任).
_PARTICLE_BEFORE = frozenset("的与及向对把被给由将是")
# Single-character verbs of leading and going that follow a name and are rare as its last character.
_VERB_AFTER_NAME = frozenset("率赴")
_CREDIT_TITLES = frozenset(("记者", "特约记者", "见习记者", "编辑", "责任编辑", "摄影", "通讯员", "实习生"))
_SPEAKER = re.compile(rf"(?:[”」』]\s*|(?<![{HAN_CLASS}])据)")
_find_speakers = scan.starting_with(_SPEAKER)
_SAYS = re.compile(r"(?:说|表示|介绍|指出|告诉记者|坦言|强调|认为|透露|如是说)")
# A clause starts at the start of the text and after each of these (``^`` or a lookbehind, as a
# regex, is an empty match tried at every position).
_CLAUSE_END = re.compile(r"[。！？!?；;\n]")
# What a paragraph's subject does right after the name (代表省委, 对大家, 在开幕式上, 致辞, 表示 …).
_SUBJECT_ACTS = re.compile(r"(?:代表|对|在|向|致辞|讲话|表示|说|指出|强调|介绍|会见|出席|主持)")
# The next sentence taking the subject up: 他表示, 她说.
_PRONOUN_SAYS = re.compile(r"\s*[他她](?:还|也|并)?(?:说|表示|指出|强调|介绍|认为)")
_QUOTE_OPENS = re.compile(r"\s*[:：,，]?\s*[“「『\"]")
_BRACKET_TITLE = re.compile(r"[(（]([^()（）\n]{2,30}?)[)）]")
# A count before a word (20余家, 三个, 多位): what follows is a counted noun, never a name.
_COUNT_BEFORE = re.compile(
    r"(?:\d(?:余|多|几)?[家个位名所批]?|[零〇一二两三四五六七八九十百千万几数多](?:余|多|几)?[家个位名所批])$"
)
_NUMERAL = frozenset("零〇一二两三四五六七八九十百千万")
# Count words: a numeral's 余/多/几 and the classifiers counted people and bodies take.
_COUNT_CHARS = frozenset("余多几家个位名所批")
# Generic nouns a name never ends in (企业负责人 is a role of a company, not 余家企业 a person).
_GENERIC_END = re.compile(
    r"(?:企业|单位|部门|机构|公司|集团|政府|代表|人员|客商|嘉宾|专家|园区|高校|院校|学校|商会|协会|银行|医院|"
    r"工厂|门店|项目|平台|基地|方面|双方|各方|群众|市民|员工|职工|干部|人士|同志|领导|团队|小组)$"
)
# A collective noun before a role (企业负责人, 单位代表, 各部门负责人): the role is not a person's title.
_COLLECTIVE_BEFORE = re.compile(
    r"(?:企业|单位|部门|机构|公司|集团|商会|协会|园区|高校|院校|学校|银行|医院|客商|项目|平台|基地|科室|街道|"
    r"乡镇|社区|村|相关|有关|各|重点)$"
)
_SPACE_RUN = re.compile(r"\s+")
_PHOTO_CREDIT = re.compile(rf"摄(?:影)?(?=[^{HAN_CLASS}]|$)")
_BYLINE = re.compile(
    r"(?:记者|通讯员|实习生|编辑|责任编辑|责编|主编|值班编辑|摄影|摄|作者|撰稿|校对|审校|审核|审签|签审|编审|监制|文|图|"
    # The three reviews of an editorial office (三审制): 一审 or 初审, 二审 or 复审, 三审 or 终审.
    r"[一二三初复终]审)"
    r"\s*[:/：|]\s*"
)
_SLASH_BYLINE = re.compile(rf"(?:^|\n)[ \t]*(?P<n>[{HAN_CLASS}]{{2,4}})[ \t]*/[ \t]*[{HAN_CLASS}]{{0,10}}(?:报导|报道)")
# A bracketed byline with each role after its name: (蔡江龙 文/何玉武 图) — the names carry no label.
_ROLES_AFTER = re.compile(
    rf"[(（](?P<a>[{HAN_CLASS}]{{2,4}}?)\s*[文图摄]\s*[/／、\s]\s*(?P<b>[{HAN_CLASS}]{{2,4}}?)\s*(?:文|图|摄影|摄)[)）]"
)
# A byline of bare names in brackets closing a paragraph or after a dateline: (郭扬 方扬烨).
_PAREN_NAMES = re.compile(r"[(（](?P<inner>[^()（）\n]{2,16})[)）]")


@dataclass(slots=True)
class PersonHit:
    name: str
    title: str
    spans: list[tuple[int, int]]
    rule: str
    confidence: float
    # Where a title phrase stands next to one of the name's mentions (市委书记 in 烟台市委书记张三): a place
    # written inside a person's title is listed (GOLD.md), though the body it names is an organization.
    title_spans: list[tuple[int, int]] = field(default_factory=list)


_NOT_CJK = re.compile(rf"[^{HAN_CLASS}]")


def _cjk(ch: str) -> bool:
    return is_han(ch)


@cache
def _surname_starts() -> frozenset[str]:
    sur = lexicons.surnames()
    return sur.single | frozenset(c[0] for c in sur.compound)


class _Reader:
    def __init__(self, text: str, gaps: frozenset[int]) -> None:
        self.text = text
        self.gaps = gaps
        self.sur = lexicons.surnames()
        self.places = lexicons.places().by_form
        self.tl = lexicons.titles()
        self.words = lexicons.common_words()
        # Characters a name can start with (forward finds no name at any other).
        self.surname_starts = _surname_starts()
        # Surnames that are also function words (和, 于, 向, 由 …): as a name's first character they
        # need more than a following word fragment.
        # Adverbs and particles that are surnames too (都, 还, 也 in _NOT_IN_NAME) are read the same way:
        # 负责人都进行了交谈 holds no person 都进.
        self.conjunction_surnames = self.sur.single & (lexicons.function_words() | _NOT_IN_NAME)
        self.occurrences = Occurrences(text, self.surname_starts)
        self._count: dict[str, int] = {}
        self._plausible_memo: dict[str, bool] = {}

    def count(self, s: str) -> int:
        c = self._count.get(s)
        if c is None:
            c = self._count[s] = self.occurrences.count(s)
        return c

    def _plausible(self, name: str) -> bool:
        """Whether ``name`` may be a person's name here (remembered per string: it depends only on
        the string, this text and its gaps)."""
        ok = self._plausible_memo.get(name)
        if ok is None:
            ok = self._plausible_memo[name] = self._judge(name)
        return ok

    def bounded(self, name: str) -> bool:
        """A reading that spaces or punctuation delimit on both sides (记者 孙向阳 孟祥燕, 林中森、):
        the characters that usually end a name early (向, 林中 as a word) do not count against it."""
        if len(name) < 2 or _NOT_CJK.search(name):
            return False
        sur = 2 if name[:2] in self.sur.compound else 1
        if (sur == 1 and name[0] not in self.sur.single) or len(name) > sur + 2:
            return False
        if name in self.places or name in self.tl.titles or _GENERIC_END.search(name):
            return False
        return self.gaps.isdisjoint(range(1, len(name)))

    def bounded_any(self, name: str) -> bool:
        """Like ``bounded`` without the surname: Han only, no place, title or generic word."""
        if _NOT_CJK.search(name) or name in self.places or name in self.tl.titles or _GENERIC_END.search(name):
            return False
        return not self.tl.regex.search(name) and _NOT_IN_NAME.isdisjoint(name[1:])

    def _judge(self, name: str) -> bool:
        if len(name) < 2 or _NOT_CJK.search(name):
            return False
        sur = 2 if name[:2] in self.sur.compound else 1
        if sur == 1 and name[0] not in self.sur.single:
            return False
        if not _NOT_IN_NAME.isdisjoint(name[sur:]):
            return False
        if name in self.places or name in self.tl.titles or name in self.sur.not_names:
            return False
        if _GENERIC_END.search(name) or "个" in name or "位" in name:
            return False
        if self.tl.regex.search(name, sur):
            return False  # 向记者: a name never holds a title word
        # A space inside splits a word. (The offsets tested are 1 … len(name) - 1 of the text, not
        # of the name: kept as it is, since changing it would change what is extracted.)
        return self.gaps.isdisjoint(range(1, len(name)))

    def counted(self, a: int) -> bool:
        """Whether a candidate starting at ``a`` follows a count (20余|家企业, 三位|嘉宾)."""
        if a == 0 or a in self.gaps:
            return False  # 记者 张三 李四: a space ends the name before
        if a < len(self.text) and self.text[a] in _COUNT_CHARS and self.text[a - 1] in _NUMERAL:
            return True  # 二十|余家企业
        return bool(_COUNT_BEFORE.search(self.text, max(0, a - 4), a))

    def _gap_or_break(self, pos: int) -> bool:
        return pos >= len(self.text) or pos in self.gaps or not _cjk(self.text[pos])

    def forward(self, p: int, title_before: bool = False) -> str | None:
        """A name starting at ``p``: two or three characters (four with a compound surname).

        ``title_before``: a title ends right at ``p`` (副市长马力), so the name's start is known."""
        t = self.text
        # Without a surname at p no reading is plausible: the same None, sooner.
        if t[p : p + 2] not in self.sur.compound and t[p : p + 1] not in self.sur.single:
            return None
        if self.counted(p):
            return None
        sur = 2 if t[p : p + 2] in self.sur.compound else 1
        short, long = t[p : p + sur + 1], t[p : p + sur + 2]
        ok_short, ok_long = self._plausible(short), self._plausible(long) and len(long) == sur + 2
        in_title = self.tl.regex.match(t, p + sur)
        if in_title and in_title.end() > p + len(short):
            return None  # 向记者: a title word runs through the reading, no name here
        starts_token = p == 0 or p in self.gaps or not _cjk(t[p - 1]) or bool(title_before)
        # The last item of a list of names (王洋、连向红出席) ends where the verb of the list begins.
        end_ok = self._gap_or_break(p + len(long)) or (
            p > 0 and t[p - 1] == "、" and _LIST_VERB.match(t, p + len(long)) is not None
        )
        long_bounded = len(long) == sur + 2 and end_ok and self.bounded(long)
        if starts_token and long_bounded and not (ok_short and self._gap_or_break(p + len(short))):
            return long  # 记者 孙向阳 孟祥燕; 董事长林中森、
        ends_item = p + len(short) in self.gaps or t[p + len(short) : p + len(short) + 1] == "、"
        if starts_token and not ok_short and ends_item and self.bounded(short):
            return short  # 副市长马力、李若杨: 马力 is a word, but here a title and a break bound it
        if not ok_short:
            return None
        if t[p] in self.conjunction_surnames and any(
            t[q : q + 1] in _ORG_FINAL and not self.tl.regex.match(t, q) for q in (p + len(short), p + len(long))
        ):
            return None  # 于贸促局: 于 is the preposition before a body's name (贸促局), no person 于贸促
        if (
            t[p] in self.conjunction_surnames
            and t[p + len(short) - 1 : p + len(short) + 1] in self.words
            and self.count(short) < 2
        ):
            return None  # 第一书记和工作队: 和 joins two phrases and 工 begins 工作, no person 和工
        if not ok_long or self._gap_or_break(p + len(short)):
            return short
        # How strongly what follows each reading ends a name: a break or a two-character word such
        # as 出席 is strong (2), a single function character such as 同 or 和 is weak (1).
        fs, fl = self._follow(p + len(short)), self._follow(p + len(long))
        if long[-1] in _VERB_AFTER_NAME and fs:
            return short  # 张颖率考察团, 王强赴深圳: a leading or motion verb, not a third character
        if (
            fl < 2
            and (self.count(long) < 2 or self.count(short) > self.count(long))
            and t[p + len(long) - 1 : p + len(long) + 1] in self.words
        ):
            # 李欣全程陪同: 全程 is a word, so 全 is not the name's — also when a headline repeats the
            # phrase (李平带领 twice) but the short name stands alone elsewhere (县长李平, 李平代表).
            return short
        if fl >= 2 and fs < 2:
            return long  # 罗文军出席, 王爱和出席
        if fs >= 2 and fl < 2:
            return short  # 马波出席, 林峰陪同
        if fs and fl:
            return short if self.count(short) > self.count(long) else long
        if fs:
            return short
        if fl or self.count(long) >= 2:
            return long
        return short if self.count(short) > self.count(long) else long

    def _follow(self, pos: int) -> int:
        if self._gap_or_break(pos):
            return 2
        m = _FOLLOW.match(self.text, pos)
        if not m:
            return 0
        return 2 if len(m.group(0)) >= 2 else 1

    def _runs_on(self, a: int) -> bool:
        """Whether the character at ``a`` closes a place with the two before it (中山区招商大使)."""
        # (A word alone is too weak a sign: 落实习近平 holds 实习 as well as 落实.)
        return self.text[max(0, a - 2) : a + 1] in self.places

    def backward(self, end: int) -> str | None:
        """A name ending at ``end`` (before a title, as in 王强副主任)."""
        t = self.text
        for n in (3, 2, 4):
            a = end - n
            if a < 0:
                continue
            cand = t[a:end]
            if not self._plausible(cand) or self.counted(a):
                continue
            if n == 4 and cand[:2] not in self.sur.compound:
                continue  # four characters only with a compound surname (欧阳明远)
            before = t[a - 1] if a > 0 else ""
            if (
                before
                and _cjk(before)
                and a not in self.gaps
                and before not in _ORG_FINAL
                and before not in _PARTICLE_BEFORE
                and self.count(cand) < 2
                and not (n == 3 and self._plausible(t[a + 1 : end]))
                and not (a >= 2 and t[a - 2 : a] in self.words and not self._runs_on(a))
            ):
                # 公司轮值董事长: 司轮值 is glued to the word before it, not a name; after a whole word
                # (贯彻习近平总书记: 贯彻 ends there) a name may start, unless the word goes on into a
                # place (中山区招商大使: 中山区).
                continue
            if n == 3 and before and _cjk(before) and a not in self.gaps:
                # 办王强: 办 ends a word, so the name is 王强 — prefer a reading the text backs up.
                two = t[a + 1 : end]
                if t[a - 1 : a + 1] in lexicons.common_words() and self._plausible(two):
                    return two  # 中非基金王勇: 金 closes the word 基金, so the name is 王勇
                if self._plausible(two) and self.count(two) > self.count(cand):
                    return two
            return cand
        return None


def _two_names_glued(inner: str, a: int, r: _Reader) -> list[tuple[int, str]]:
    """Two bylined names written with nothing between ((刘蓉万兴峰)): the one way to cut the run into
    two names that both read as names (each opening with a surname); none when no cut or more
    than one does."""
    if not 4 <= len(inner) <= 6 or not all(_cjk(ch) for ch in inner):
        return []
    cuts = [k for k in (2, 3) if 2 <= len(inner) - k <= 3 and r._plausible(inner[:k]) and r._plausible(inner[k:])]
    if len(cuts) != 1:
        return []
    k = cuts[0]
    return [(a, inner[:k]), (a + k, inner[k:])]


def _glued_byline_pair(text: str, p: int, name: str, r: _Reader) -> list[tuple[int, str]]:
    """In a byline whose names are set apart by spaces (记者 张三 李四), a run up to the next space that
    the name read at ``p`` does not reach may be two names glued (郭扬方扬烨 → 郭扬, 方扬烨)."""
    if p + len(name) in r.gaps:
        return []
    ends = [g for g in r.gaps if p < g <= p + 6]
    if not ends:
        return []
    return _two_names_glued(text[p : min(ends)], p, r)


def is_credit(person: PersonHit) -> bool:
    """Whether ``person`` was read from a credit (a byline label or a newsroom title before the name)."""
    return person.rule.startswith("byline") or person.rule.split(":")[-1] in _CREDIT_TITLES


_HAN_RUN = re.compile(rf"[{HAN_CLASS}]{{3,16}}")


def glued_outlet_split(text: str, pos: int, r: _Reader | None = None) -> tuple[str | None, str | None]:
    """A credit's name run into the outlet's with nothing between (余凌古田网 → 余凌, 古田网): the
    run of Han characters at ``pos`` read as a name of three or two characters and an outlet's
    name after it; (None, None) when the run does not split so."""
    from pipeline.extraction.organizations import organization_form  # organizations reads no people

    m = _HAN_RUN.match(text, pos)
    if m is None:
        return None, None
    run = m.group(0)
    reader = r or _Reader(text, frozenset())
    for k in (3, 2):
        if len(run) - k < 2:
            continue
        outlet = organization_form(run[k:])
        if outlet and reader._plausible(run[:k]):
            return run[:k], run[k:]
    return None, None


_ITEM_END = re.compile(r"[、，,。；;：:！？!?\n]")


def _own_title(text: str, pos: int, tl: lexicons.TitleLexicon) -> bool:
    """Whether the list item going on at ``pos`` holds a (non-weak) title before the next separator."""
    m = _ITEM_END.search(text, pos, pos + 16)
    end = m.start() if m else min(len(text), pos + 16)
    # A word right after the name that the name is the subject of (杨朝俊代表楚雄市政府签约) is a verb.
    return any(
        t.group(0) not in tl.weak and not (t.start() == pos and _FOLLOW.match(text, pos))
        for t in tl.regex.finditer(text, pos, end)
    )


_LEVELS = "市省区县州镇乡"
_LEADERS = re.compile(rf"(?P<w>[{HAN_CLASS}]{{1,6}}?)级?领导")


def _leaders_phrase(noun: str) -> str:
    """The title a list's closing noun gives every name in it (GOLD.md: a shared title is copied): a
    level's or a place's leaders (等市级领导, 等钟楼区领导); other nouns (等企业负责人, 等嘉宾) give none."""
    m = _LEADERS.fullmatch(noun)
    if m is None:
        return ""
    w = m.group("w")
    if w in _LEVELS or w in lexicons.places().by_form:
        return noun
    return ""


_ITEM_SEP = frozenset("、及")
# 等 and a noun of people ending a list of names: 等香港企业界人士, 等企业家, 等嘉宾, 等负责人.
_PEOPLE_LIST_END = re.compile(
    rf"等(?:[{HAN_CLASS}]{{0,6}}?)(?:人士|企业家|嘉宾|代表|负责人|同志|领导|专家|学者)(?![{HAN_CLASS}]{{0,1}}(?:团|处|会))"
)


def _names_before(text: str, end: int, r: _Reader) -> list[tuple[int, str]]:
    """The names of a 、-separated list ending at ``end``, read leftwards; empty unless every item,
    up to a break before the first, is a name read whole (邀请李家诚、李大壮、林建岳)."""
    items: list[tuple[int, str]] = []
    while True:
        for n in (3, 2):
            a = end - n
            if a >= 0 and r.forward(a) == text[a:end]:
                items.append((a, text[a:end]))
                break
        else:
            return []
        if a > 0 and text[a - 1] == "、":
            end = a - 1
            continue
        return items[::-1]


def _list_item(text: str, p: int, r: _Reader) -> str | None:
    """A name in a list of names whose surname the lexicon lacks (市领导甲、能荣、乙): two or three
    Han characters between list marks, with a name the lexicon knows right after it."""
    for n in (2, 3):
        item, after = text[p : p + n], p + n
        if after < len(text) and text[after] in _ITEM_SEP and r.bounded_any(item) and r.forward(after + 1):
            return item
    return None


# Foreign names: a transliteration joins its parts with a middle dot (菲利普·多米尼克·梅林); a
# Latin-script name is two to five capitalised words (Manuel Osa Nsue Nsua). Surnames and name
# lengths say nothing about them, so they are read only next to a title.
_DOT = "·•‧・"
# Lowercase particles of Romance, Germanic and Arabic names join the parts (Ragendra de Sousa, van der Berg).
_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|ter|bin|binti|al|el)"
_LATIN_NAME = re.compile(
    rf"[A-Z][a-zà-öø-ÿ'’\-]+(?:[ \u00a0](?:{_PARTICLE}[ \u00a0]){{0,2}}[A-Z][a-zà-öø-ÿ'’\-]+){{1,4}}(?![A-Za-zÀ-ÿ])"
)
# What may stand right before the first part of a transliterated name read leftwards.
_BEFORE_FOREIGN = frozenset("与和及同向对的了在是为由将把被跟给、，,：:“「（( ") | _ORG_FINAL


def _foreign_forward(text: str, p: int) -> str | None:
    """A foreign name starting at ``p`` (after a title)."""
    m = _LATIN_NAME.match(text, p)
    if m:
        return m.group(0)
    parts = 0
    q = p
    while True:
        k = q
        while k < len(text) and k - q < 6 and _cjk(text[k]):
            k += 1
        if k == q:
            return None
        if k < len(text) and text[k] in _DOT and k + 1 < len(text) and _cjk(text[k + 1]):
            q, parts = k + 1, parts + 1
            continue
        break
    if parts == 0:
        return None
    # The last part: the shortest reading followed by what follows a name (先生, 表示, punctuation).
    for end in range(q + 1, min(q + 5, len(text)) + 1):
        if end == len(text) or not _cjk(text[end]) or _FOLLOW.match(text, end):
            return text[p:end]
    return None


def _dot_joins(text: str, i: int) -> bool:
    """Whether a middle dot at ``i`` joins two parts of a transliterated name."""
    return i + 1 < len(text) and text[i] in _DOT and _cjk(text[i + 1])


def _foreign_backward(text: str, end: int) -> str | None:
    """A transliterated foreign name ending at ``end`` (before a title): 与威拉蓬•猜蓬局长."""
    q = end
    while q > 0 and _cjk(text[q - 1]) and end - q < 5:
        q -= 1
    if q == end or q == 0 or text[q - 1] not in _DOT:
        return None
    # Earlier parts, each joined by a dot; the first read shortest to a word boundary before it.
    q -= 1
    while True:
        for start in range(q - 1, max(q - 6, -1), -1):
            if not _cjk(text[start]):
                return None
            if start > 0 and text[start - 1] in _DOT:
                q = start - 1
                break
            if start == 0 or text[start - 1] in _BEFORE_FOREIGN or not _cjk(text[start - 1]):
                return text[start:end]
        else:
            return None


def _place_from(text: str, i: int, places: object) -> bool:
    """Whether a place name of two to four characters starts at ``i``."""
    # 长乐 is listed as 长乐市: a two- or three-character head with its level word is a place too.
    return any(text[i : i + k] in places or text[i : i + k] + lvl in places  # type: ignore[operator]
               for k in (2, 3, 4) for lvl in ("", "市", "县", "区"))  # fmt: skip


def _closes_word_before(text: str, a: int) -> bool:
    """Whether the character at ``a`` closes a common word with the one before it (本次 of 本次长江,
    城市 of 城市长江), so no title starts there; a figure before that character reads it apart
    (6日记者: a day, then 记者)."""
    if a < 1 or not _cjk(text[a - 1]):
        return False
    if a >= 2 and text[a - 2].isdigit():
        return False
    if text[a - 1 : a + 1] not in lexicons.common_words():
        return False
    # A body's ending before the title or holding its first character (大学校长, 亚总会长, 梁园区委书记):
    # the title is that body's.
    kinds = lexicons.org_suffixes().kinds
    return not any(text[k:a] in kinds or text[k : a + 1] in kinds for k in range(max(0, a - 4), a))


def _in_phrase(text: str, i: int) -> bool:
    """Characters a title phrase holds: Han, Latin letters, brackets, and a middle dot between two
    outlet names (大河报·大河客户端记者)."""
    ch = text[i]
    if _cjk(ch) or ch in "()（）":
        return True
    if "A" <= ch <= "Z" or "a" <= ch <= "z":
        return True  # a Latin brand inside a body's name: 英国KMA集团总裁, TCL集团董事长
    return ch in "·•" and i > 0 and i + 1 < len(text) and _cjk(text[i - 1]) and _cjk(text[i + 1])


def _title_phrase_start(text: str, a: int, title_ends: dict[int, int], stops: set[int], gaps: frozenset[int]) -> int:
    """Where the title phrase ending in the title at ``a`` begins: chained titles plus their org.

    The organization before a title is read back over CJK characters to a boundary: punctuation,
    a removed space, the end of a name already read, or a function word.
    """
    start = a
    while True:
        j = start
        lo = max(0, start - 32)
        while j > lo and _in_phrase(text, j - 1) and j not in stops and j not in gaps:
            if text[j - 1] == "兼" and j - 1 in stops:
                break
            j -= 1
        head = text[j:start]
        # A closing bracket with no opening one in the phrase ends the sentence before it.
        closed = max(head.rfind(")"), head.rfind("）"))
        if closed >= 0 and max(head.rfind("("), head.rfind("（")) < 0:
            j += closed + 1
            head = head[closed + 1 :]
        # Do not cross an opening bracket that is not closed again: (记者 陈雨燕).
        opened = max(head.rfind("("), head.rfind("（"))
        if opened >= 0 and max(head.rfind(")"), head.rfind("）")) < opened:
            j += opened + 1
            head = head[opened + 1 :]
        # A bracketed aside opening the phrase is no part of a title: (左起)亚总会长.
        aside = _LEADING_ASIDE.match(head)
        if aside:
            j += aside.end()
            head = head[aside.end() :]
        # The unit of a date before the phrase (2016年6月6日市政府党组成员) is no part of it either.
        if head[:1] in "年月日号" and j > 0 and text[j - 1].isdigit():
            j += 1
            head = head[1:]
        found = _find_head_boundaries(head)
        while found and _joins_inside_a_name(head, found[-1].start(), found[-1].end()):
            found.pop()
        cut = found[-1].end() if found else 0
        start = j + cut
        # Another title before, joined by 、 or ，: 市委常委、副市长，井冈山经开区党工委书记.
        if start >= 2 and text[start - 1] in "、,，兼" and (start - 1) in title_ends:
            start = title_ends[start - 1]
            continue
        # Titles written one after another (副主任 + 委员 in 筹委会副主任委员): one phrase.
        if start in title_ends and title_ends[start] < start:
            start = title_ends[start]
            continue
        return start


def _joins_inside_a_name(head: str, a: int, b: int) -> bool:
    """Whether the 和 / 与 at ``head[a:b]`` joins two fields inside one body's name (政策研究和区域发展局,
    综合与政策法规处) rather than two bodies or two titles: a common word (not a title) stands right
    before it, and a body's name, not a title nor a place, follows it."""
    if head[a:b] not in ("和", "与"):
        return False
    before, after = head[max(0, a - 2) : a], head[b:]
    if len(before) < 2 or before not in lexicons.common_words() or len(after) < 2:
        return False
    if lexicons.places().matcher.first_start(after) == 0:
        return False  # 与广东省商务厅: a body named by its place starts there
    tl = lexicons.titles()
    return not tl.regex.match(before) and not tl.regex.match(after) and bool(_BODY_END.search(after))


_BODY_END = re.compile(r"(?:局|处|厅|委|办|司|署|部|室|中心|委员会)(?:[(（][^()（）]{1,12}[)）])?$")
_LEADING_ASIDE = re.compile(r"^[(（][^()（）]{1,8}[)）]")
_HEAD_BOUNDARY = re.compile(
    # A person's nationality (美籍华人, 加籍华裔) describes the person, not the post: the title starts after it.
    r"(?:主办|承办|召开|举办|举行|参加|出席|介绍|表示|透露|获悉|会见|邀请|感谢|欢迎|说|指派|委派|派出|任命|"
    r"籍华人|籍华侨|籍华裔|"
    rf"{boundaries.ALL})"
)
_find_head_boundaries = scan.starting_with(_HEAD_BOUNDARY)


def _clause_starts(text: str) -> list[int]:
    """Where clauses start: 0 and right after each 。！？!?；; or line break."""
    return [0] + [m.end() for m in _CLAUSE_END.finditer(text)]


def find_people(text: str, gaps: frozenset[int] = frozenset()) -> list[PersonHit]:
    # In letter-spaced text (市 委 书 记 蒋 连 生) every character follows a space, so a space says
    # nothing about word ends; keep only isolated ones (记者 郑问 摄).
    gaps = frozenset(i for i in gaps if (i - 1) not in gaps and (i + 1) not in gaps)
    r = _Reader(text, gaps)
    tl = r.tl
    hits: dict[str, PersonHit] = {}
    title_hits = list(tl.regex.finditer(text))
    # end of a title (or of the 、/， right after it) → start of that title, to chain phrases.
    title_ends: dict[int, int] = {}
    for m in title_hits:
        if m.group(0) not in tl.weak:
            title_ends[m.end()] = m.start()

    name_ends: set[int] = set(title_ends)

    spans_of: dict[str, set[tuple[int, int]]] = {}  # each hit's spans as a set: a list test is O(spans)

    def add(
        name: str, title: str, span: tuple[int, int], rule: str, conf: float, where: tuple[int, int] | None = None
    ) -> None:
        name_ends.add(span[1])
        h = hits.get(name)
        if h is None:
            hits[name] = PersonHit(name, title, [span], rule, conf)
            spans_of[name] = {span}
            if where is not None:
                hits[name].title_spans.append(where)
            return
        if where is not None and where not in h.title_spans:
            h.title_spans.append(where)
        if span not in spans_of[name]:
            spans_of[name].add(span)
            h.spans.append(span)
        if len(title) > len(h.title) and conf >= h.confidence - 0.1:
            h.title = title
        h.confidence = max(h.confidence, conf)

    for m in title_hits:
        title = m.group(0)
        weak = title in tl.weak
        a, b = m.start(), m.end()
        level = 2 if a > 1 and text[a - 1] == "级" else 1  # 市级领导顾平: the level written with 级
        if weak and not (a >= level and text[a - level] in _LEVELS):
            continue  # 领导 alone is a common noun; 市领导汪东明 is a title
        if _place_from(text, b - 1, r.places):
            continue  # 侨乡长乐, 交易会长乐: the title's last character starts a place (长乐)
        if _closes_word_before(text, a):
            continue  # 本次长江, 城市长江: the title's first character ends a word (本次, 城市)
        p = b
        while p < len(text) and text[p] in " :：":
            p += 1
        name = r.forward(p, title_before=not weak) if p < len(text) else None
        if name and title in _CREDIT_TITLES:
            name = glued_outlet_split(text, p, r)[0] or name  # 责任编辑:余凌古田网: 余凌 of 古田网
        if name and not weak and _dot_joins(text, p + len(name)):
            name = _foreign_forward(text, p) or name  # 阿杜尔·楚松: a transliteration's first part
        if not name and not weak and p < len(text):
            name = _foreign_forward(text, p)
        if name:
            start = _title_phrase_start(text, a, title_ends, name_ends, gaps)
            phrase = _SPACE_RUN.sub("", text[start:b]) if not weak else text[max(0, a - level) : b]
            # A credit line (江西日报记者) names an outlet, not a title's body: its place is the outlet's.
            where = None if weak or title in _CREDIT_TITLES else (start, b)
            byline = title in _CREDIT_TITLES
            pair = _glued_byline_pair(text, p, name, r) if byline else []
            if pair:
                name = pair[0][1]  # 通讯员 郭扬方扬烨: two names whose space was lost
            add(name, phrase, (p, p + len(name)), "title-before:" + title, 0.9, where)
            q = p + len(name)
            for q2, nm in pair[1:]:
                add(nm, phrase, (q2, q2 + len(nm)), "shared-title:" + title, 0.85, where)
                q = q2 + len(nm)
            # A list of names shares the title: 市领导汪东明、杨桢
            # A byline lists its names with spaces: 记者 张三 李四 (a removed space is a gap).
            while q < len(text) and (text[q] == "、" or (byline and q in r.gaps)):
                step = 1 if text[q] == "、" else 0
                nxt = r.forward(q + step) or (_list_item(text, q + step, r) if step else None)
                after = q + step + len(nxt) if nxt else q
                if not nxt or (step and tl.regex.match(text, after) and not _FOLLOW.match(text, after)):
                    break  # 蒋连生、深圳市…会长何景成: a new title phrase, not a shared title (杨朝俊代表…: a verb)
                if step and _own_title(text, q + step + len(nxt), tl):
                    break  # 那慧敏、区经合局局长李欣: the next item carries its own title further on
                if step == 0 and not r._gap_or_break(q + len(nxt)):
                    break
                after = q + step + len(nxt)
                if step and after < len(text) and _cjk(text[after]) and text[after] not in _ITEM_SEP and not (
                    _FOLLOW.match(text, after)
                ):
                    break  # 郭国圣、南台湾文化…协会的陈良沛: the item runs on into a body's name, no name
                add(nxt, phrase, (q + step, q + step + len(nxt)), "shared-title:" + title, 0.85, where)
                q = q + step + len(nxt)
            continue
        if weak or title in _CREDIT_TITLES:
            continue
        if _COLLECTIVE_BEFORE.search(text, max(0, a - 4), a):
            continue  # 企业负责人, 各部门负责人: a role of a body, no person named
        back = r.backward(a) or _foreign_backward(text, a)
        if back and back + title[0] in r.places:
            continue  # 东兴|市委副书记: 东兴市 is a place, the title's body, not a name before it
        if back and back[-1] + title[0] in r.places and text[b - 1 : b + 1] in r.words:
            continue  # 向德州长期以来: 德州 is a place and 长期 a word, no 州长 named 向德
        if back:
            add(back, title, (a - len(back), a), "title-after:" + title, 0.8, (a, b))
    # A title in brackets after the name: 徐直军（华为公司轮值董事长）.
    for m in _BRACKET_TITLE.finditer(text):
        inner = m.group(1)
        last = None
        for t in tl.regex.finditer(inner):
            last = t
        if last is None or last.end() != len(inner) or last.group(0) in tl.weak:
            continue
        name = r.backward(m.start())
        if name:
            add(name, inner, (m.start() - len(name), m.start()), "bracket-title", 0.85, (m.start(1), m.end(1)))
    # Speakers without a title nearby: “……”张三说 / 据张三介绍 — a name right after a closing
    # quote or 据 and right before a verb of saying.
    for m in _find_speakers(text):
        p = m.end()
        name = r.forward(p) if p < len(text) else None
        if name and _SAYS.match(text, p + len(name)):
            add(name, "", (p, p + len(name)), "speaker", 0.6)
    # A quotation introduced by its speaker at the start of a sentence: 。李建国说：“……”
    for p in _clause_starts(text):
        name = r.forward(p) if p < len(text) and text[p] in r.surname_starts else None
        if not name or len(name) < 3:
            continue  # 华为表示：“…”: a two-character subject is as often a company as a person
        says = _SAYS.match(text, p + len(name))
        if says and _QUOTE_OPENS.match(text, says.end()):
            add(name, "", (p, p + len(name)), "speaker", 0.6)
    # A subject opening a sentence that the next sentence takes up as 他/她 (马兴瑞代表省委致辞。他表示…;
    # 李希对大家表示欢迎。他说…): the person the sentence is about, with no title beside the name.
    for p in _clause_starts(text):
        while p < len(text) and text[p] in " \u3000":
            p += 1
        if p >= len(text) or text[p] not in r.surname_starts:
            continue
        name = r.forward(p)
        if not name or not _SUBJECT_ACTS.match(text, p + len(name)):
            continue
        first = _CLAUSE_END.search(text, p + len(name))
        if first and text[first.start()] in "。！？!?" and _PRONOUN_SAYS.match(text, first.end()):
            add(name, "", (p, p + len(name)), "subject-taken-up", 0.6)
    # Credits: 文/张三, 图：李四, and photo credits 郑问 摄 (the space before 摄 is in gaps).
    role_after: list[tuple[int, int]] = []
    for m in _ROLES_AFTER.finditer(text):
        for g in ("a", "b"):
            if r.forward(m.start(g), title_before=True) == m.group(g):
                add(m.group(g), "", (m.start(g), m.end(g)), "byline-roles-after", 0.8)
        role_after.append((m.start(), m.end()))
    for m in _BYLINE.finditer(text):
        if any(a <= m.start() < b for a, b in role_after):
            continue  # 文/ of (蔡江龙 文/何玉武 图) closes the name before it
        name = r.forward(m.end()) if m.end() < len(text) else None
        name = glued_outlet_split(text, m.end(), r)[0] or name
        if name:
            add(name, m.group(0).strip(" :/：|\t\n"), (m.end(), m.end() + len(name)), "byline", 0.85)
    # A byline of name, slash and the outlet that reported it, on its own line: 翁碧莲/县府报导.
    for m in _SLASH_BYLINE.finditer(text):
        name = r.forward(m.start("n"), title_before=True)
        if name and m.start("n") + len(name) == m.end("n"):
            add(name, "", (m.start("n"), m.end("n")), "byline-slash", 0.7)
    # A list of names closed by 等 and a noun of people (李家诚、李大壮、林建岳等香港企业界人士): each
    # item is a person with no title; two or more items, every one read whole as a name.
    for m in _PEOPLE_LIST_END.finditer(text):
        listed = _names_before(text, m.start(), r)
        if len(listed) >= 2:
            shared = _leaders_phrase(m.group(0)[1:])
            for q, nm in listed:
                add(nm, shared, (q, q + len(nm)), "list:等人士", 0.65)
    for m in _PAREN_NAMES.finditer(text):
        a, b = m.start("inner"), m.end("inner")
        closes = b + 1 >= len(text) or text[b + 1] in "\n" or text[a - 2 : a - 1] in ("】", "电", "讯")
        if not closes:
            continue
        names: list[tuple[int, str]] = []
        q = a
        while q < b:
            nxt = r.forward(q, title_before=True)
            if not nxt or not (q + len(nxt) == b or (q + len(nxt)) in r.gaps or text[q + len(nxt)] in "、 "):
                names = []
                break
            names.append((q, nxt))
            q += len(nxt)
            while q < b and (text[q] in "、 " or (q in r.gaps and not names)):
                q += 1
        if not names:
            names = _two_names_glued(text[a:b], a, r)
        if 1 <= len(names) <= 4:
            for q, nm in names:
                add(nm, "", (q, q + len(nm)), "byline-brackets", 0.7)
    for m in _PHOTO_CREDIT.finditer(text):
        a = m.start()
        if a in gaps or (a > 0 and text[a - 1] in " /／"):  # 郑问 摄, 周维新/摄
            end = a - 1 if text[a - 1 : a] in (" ", "/", "／") else a
            name = r.backward(end)
            if name and (end - len(name) in gaps or end - len(name) == 0 or not _cjk(text[end - len(name) - 1])):
                add(name, "摄影", (end - len(name), end), "photo-credit", 0.7)
    # Every later mention of a found name is evidence too (non-overlapping, as re.finditer would
    # find them; one index of the text rather than a scan of it per name).
    for h in hits.values():
        size = len(h.name)
        have = spans_of[h.name]
        for i in r.occurrences.find_all(h.name):
            span = (i, i + size)
            if span not in have:
                have.add(span)
                h.spans.append(span)
        h.spans.sort()
    return sorted(hits.values(), key=lambda h: h.spans[0])


def plausible_name(name: str) -> bool:
    """Whether a string on its own (a metadata author or editor) reads as a person's name."""
    if not 2 <= len(name) <= 4:
        return False
    r = _Reader(name, frozenset())
    if len(name) == 4 and name[:2] not in r.sur.compound:
        return False
    return r._plausible(name) and not lexicons.org_suffixes().regex.search(name)

"""A synthetic corpus for benchmarks: N realistic damaged Chinese news articles on disk.

Articles are recombined from the sentences of the five seed articles, with names, places,
numbers and dates varied, then damaged the five ways real inputs are (and mixes of them):

* ``html``      YAML front matter over an HTML body (or a bare HTML page), images, inline styles;
* ``spun``      synonym spinning (洗稿, from the cleaning lexicon in reverse), gambling spam, residue;
* ``pinyin``    Traditional characters, many followed by their pinyin in parentheses;
* ``web``       page residue: navigation, publisher lines, image file names, captions, footers;
* ``pdf``       hard line breaks every 13–18 characters, doubled headings, spaced-out numbers;

and written in UTF-8 (most), UTF-8 with BOM, GB18030, UTF-16 and, for Traditional text, Big5.
Everything derives from ``random.Random(f"{seed}:{index}")``: the same seed gives the same bytes,
and any article can be made alone (the benchmark's workers make disjoint slices).
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.charclass import HAN_CLASS
from pipeline.resources import resource_path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
KINDS: tuple[str, ...] = ("html", "spun", "pinyin", "web", "pdf")
# Damage mixes that occur in the wild (content damage first, then layout damage).
MIXES: tuple[tuple[str, ...], ...] = (
    ("spun", "web"), ("spun", "html"), ("pinyin", "pdf"), ("web", "pdf"), ("pinyin", "web"), ("spun", "pdf"),
)
MIN_CHARS, MAX_CHARS = 2500, 4000

_PEOPLE = ("罗文军", "曾志峰", "王春雷", "郭启东", "周建文", "傅正华", "罗进", "蒋连生", "何景成", "李振品",
           "陈雨燕", "王强", "马波", "任晓春", "陶振华", "郑问", "熊燕")
_PROVINCES = ("江西", "四川", "广西", "广东")
_PLACES = ("景德镇", "深圳", "广州", "梧州", "内江", "成都", "吉安", "东莞", "南昌", "赣州", *_PROVINCES)
_NEW_PROVINCES = ("湖南", "湖北", "福建", "浙江", "江苏", "山东", "河南", "贵州", "云南", "陕西", "安徽", "江西",
                  "四川", "广西")
_NEW_PLACES = ("合肥", "芜湖", "长沙", "株洲", "武汉", "宜昌", "厦门", "泉州", "宁波", "温州", "苏州", "无锡",
               "青岛", "烟台", "洛阳", "遵义", "昆明", "宝鸡", "蚌埠", "珠海", "佛山", "中山", "惠州", "九江",
               "上饶", "景德镇", "深圳", "广州", "南昌", "赣州", "绵阳", "宜宾", "柳州", "桂林", "北海")
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏"
             "苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
_GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国文辉鹏飞"
          "志红春雷晓东海波宁斌永健雪梅琳婷浩宇佳俊峰亮成林云龙")
_SOURCES = ("梧州日报", "澎湃新闻", "高科技行业门户", "江西日报", "南方日报", "经济参考报", "中国新闻网", "新华社",
            "人民网", "大江网", "四川在线", "广西新闻网")
_ORGS = ("高新区管委会", "产业园区发展促进会", "商务厅", "工业和信息化局", "投资促进中心", "经济技术开发区",
         "科技产业发展有限公司", "新材料产业园", "招商局")
_TITLES = (
    "{p1}高新区对接大湾区产业推介会在{p2}成功举办",
    "{p1}—粤港澳大湾区经贸活动周新闻发布会召开",
    "{p1}市—{p2}市产业园区发展促进会座谈会在{p1}举行",
    "{o}推进先进材料产业创新集聚 助力打造{p1}特色战略性新兴产业体系",
    "{p1}高新区全力向“千亿产业园区”迈进",
    "{p1}{o}赴{p2}考察 签约项目{n}个",
    "{p1}与{p2}深化产业合作 共建{o}",
)
_SPAM = ("体育游戏app平台", "开云体育(中国)官方网站", "九游体育官网入口", "华体会体育官方网站", "米兰体育官网")
_RESIDUE = ("展开剩余{n}%", "发布于：{p}市", "原标题：{t}", "点击查看大图", "（本文来自{s}）")
_CAPTIONS = ("参观{p}城市规划展览馆", "考察{p}高新区{o}", "{p}座谈会现场。{s}记者 {name} 摄", "签约仪式现场",
             "{name}出席会议并致辞")

# Every other character the damage adds (so the Traditional table covers it).
_PAGE_WORDS = ("中文发布者发布时间点击率责任编辑分享到微信微博空间上一篇下一篇召开产业发展大会"
               "签约项目个版权所有备案号赣零距离网讯记者举行座谈双方就深化合作进行务实对接企业代表与月日年")
_PINYIN_PAREN = re.compile(r"\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+)\)")
_TAGS = re.compile(r"<[^>]+>")
_FRONT = re.compile(r"\A\s*---.*?\n---[ \t]*\n", re.S)
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?][”」’]?")
_CJK = re.compile(f"[{HAN_CLASS}]")
_PINYIN_TAIL = re.compile(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]\)|\?")
_REPEAT = re.compile(r"(\S{3,})\1")
_NUMBER = re.compile(r"(?P<year>\d{4})年|(?P<month>\d{1,2})月(?P<day>\d{1,2})日|\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class CorpusFile:
    path: Path
    kinds: tuple[str, ...]
    encoding: str
    chars: int  # characters of the decoded text


# -- building blocks (computed once per process) -----------------------------------------------


@cache
def _opencc(config: str) -> Callable[[str], str]:
    import opencc  # a pipeline dependency already; loaded only when the corpus is made

    return opencc.OpenCC(config).convert


@cache
def _spin_pairs() -> tuple[tuple[str, str], ...]:
    """(original, spun) pairs from the cleaning lexicon, longest original first."""
    pairs = []
    path = resource_path("spin_reverse.tsv")
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) >= 3 and cols[2] in ("marker", "restore") and cols[0] and cols[1]:
                pairs.append((cols[1], cols[0]))
    if not pairs:  # the lexicon is missing: a few well-known forms
        pairs = [("人", "东谈主"), ("介绍", "先容"), ("重要", "遑急"), ("活动周", "手脚周"), ("澎湃新闻", "倾盆新闻")]
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple(pairs)


@cache
def _spin_re() -> tuple[re.Pattern[str], dict[str, str]]:
    table = dict(_spin_pairs())
    return re.compile("|".join(re.escape(k) for k in table)), table


@cache
def _sentences() -> tuple[str, ...]:
    """Clean Simplified sentences from the seeds (damage undone as far as cheaply possible)."""
    out: list[str] = []
    seen: set[str] = set()
    unspin = {spun: orig for orig, spun in _spin_pairs()}
    unspin_re = re.compile("|".join(re.escape(k) for k in sorted(unspin, key=len, reverse=True)))
    t2s = _opencc("t2s")
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        text = _FRONT.sub("", text)
        text = _TAGS.sub("\n", text)
        text = _PINYIN_PAREN.sub("", text)
        text = t2s(text)
        text = unspin_re.sub(lambda m: unspin[m.group(0)], text)
        for spam in _SPAM:
            text = text.replace(spam, "")
        # PDF layout: join hard-wrapped lines (a line break between two CJK characters).
        text = re.sub(f"(?<=[{HAN_CLASS}，、“”])\n+(?=[{HAN_CLASS}，。、“”])", "", text)
        for s in _SENTENCE.findall(text):
            s = s.strip()
            if (len(_CJK.findall(s)) >= 12 and len(s) <= 220 and s not in seen and "展开剩余" not in s
                    and not _PINYIN_TAIL.search(s) and not _REPEAT.search(s)):
                seen.add(s)
                out.append(s)
    return tuple(out)


@cache
def _entity_re() -> re.Pattern[str]:
    names = sorted(_PEOPLE + _PLACES, key=len, reverse=True)
    return re.compile("|".join(names))


Part = str | re.Match[str]


@cache
def _templates() -> tuple[tuple[Part, ...], ...]:
    """Each pool sentence cut once into literal text and the names/numbers to vary (fast to fill)."""
    pattern = re.compile(f"(?P<entity>{_entity_re().pattern})|{_NUMBER.pattern}")
    out = []
    for sentence in _sentences():
        parts: list[Part] = []
        last = 0
        for m in pattern.finditer(sentence):
            if m.start() > last:
                parts.append(sentence[last:m.start()])
            parts.append(m)
            last = m.end()
        if last < len(sentence):
            parts.append(sentence[last:])
        out.append(tuple(parts))
    return tuple(out)


@cache
def _s2t_table() -> dict[int, str]:
    """Character-level Simplified→Traditional for every character the corpus can contain."""
    chars = set("".join(_sentences())) | set("".join(_NEW_PLACES + _NEW_PROVINCES)) | set(_SURNAMES) | set(_GIVEN)
    chars |= set("".join(_RESIDUE) + _PAGE_WORDS)
    chars |= set("".join(_TITLES) + "".join(_ORGS) + "".join(_SOURCES) + "".join(_CAPTIONS))
    chars = {c for c in chars if "\u4e00" <= c <= "\u9fff"}
    s2t = _opencc("s2tw")  # Taiwan forms: what Big5 can encode
    ordered = sorted(chars)
    converted = s2t("".join(ordered))
    if len(converted) != len(ordered):  # a phrase rule changed the length: go char by char
        converted = "".join(s2t(c)[:1] or c for c in ordered)
    return {ord(a): b for a, b in zip(ordered, converted, strict=True) if a != b}


@cache
def _pinyin(char: str) -> str:
    from pypinyin import Style, pinyin

    return str(pinyin(char, style=Style.TONE)[0][0])


# -- one article -------------------------------------------------------------------------------


class _Article:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people: dict[str, str] = {}
        self.places: dict[str, str] = {}
        self.source = rng.choice(_SOURCES)
        self.reporter = self.name()
        self.year = rng.randint(2016, 2025)
        self.month = rng.randint(1, 12)
        self.day = rng.randint(1, 28)

    def name(self) -> str:
        rng = self.rng
        return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))

    def place(self) -> str:
        return self.rng.choice(_NEW_PLACES)

    def _entity(self, m: re.Match[str]) -> str:
        old = m.group(0)
        table = self.people if old in _PEOPLE else self.places
        if old not in table:
            if table is self.people:
                table[old] = self.name()
            else:
                table[old] = self.rng.choice(_NEW_PROVINCES) if old in _PROVINCES else self.place()
        return table[old]

    def _number(self, m: re.Match[str]) -> str:
        rng = self.rng
        if m.group(m.re.groupindex.get("year", 1)):
            return f"{rng.randint(self.year - 2, self.year)}年"
        if m.group(m.re.groupindex.get("month", 2)):
            return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        digits = m.group(0)
        if "." in digits:
            return f"{rng.uniform(0.1, 99.9):.{len(digits.split('.')[1])}f}"
        n = len(digits)
        return str(rng.randint(1, 9) if n == 1 else rng.randint(10 ** (n - 1), 10**n - 1))

    def vary(self, index: int) -> str:
        out = []
        for part in _templates()[index]:
            if isinstance(part, str):
                out.append(part)
            elif part.group("entity"):
                out.append(self._entity(part))
            else:
                out.append(self._number(part))
        return "".join(out)

    def build(self, target: int) -> tuple[str, list[str]]:
        rng = self.rng
        pool = _sentences()
        p1, p2 = self.place(), self.place()
        title = rng.choice(_TITLES).format(p1=p1, p2=p2, o=rng.choice(_ORGS), n=rng.randint(3, 60))
        lead = (f"{self.source}讯（记者 {self.reporter}）{self.month}月{self.day}日，{p1}{rng.choice(_ORGS)}"
                f"与{p2}企业代表举行座谈，双方就深化合作进行务实对接。")
        paragraphs = [lead]
        length = len(title) + len(lead)
        start = rng.randrange(len(pool))
        i = 0
        while length < target:
            k = rng.randint(2, 5)
            if rng.random() < 0.6:  # runs of consecutive sentences read like the original
                picks = [(start + i + j) % len(pool) for j in range(k)]
                i += k
            else:
                picks = [rng.randrange(len(pool)) for _ in range(k)]
            para = "".join(self.vary(j) for j in picks)
            paragraphs.append(para)
            length += len(para) + 1
        return title, paragraphs

    def date(self) -> str:
        return f"{self.year}年{self.month}月{self.day}日"

    def fmt(self, template: str) -> str:
        return template.format(n=self.rng.randint(10, 95), p=self.place(), t="", s=self.source,
                               o=self.rng.choice(_ORGS), name=self.name())


# -- damage ------------------------------------------------------------------------------------


def _spin(a: _Article, title: str, paras: list[str]) -> tuple[str, list[str]]:
    rng = a.rng
    pattern, table = _spin_re()
    rate = rng.uniform(0.6, 1.0)

    def swap(m: re.Match[str]) -> str:
        return table[m.group(0)] if rng.random() < rate else m.group(0)

    out = [pattern.sub(swap, p) for p in paras]
    for _ in range(rng.randint(1, 3)):  # spam glued to the end of a clause, as the farms do
        k = rng.randrange(len(out))
        p = out[k]
        cut = p.find("，", rng.randrange(max(1, len(p) - 1)))
        if cut > 0:
            out[k] = p[:cut] + rng.choice(_SPAM) + p[cut:]
    if len(out) > 3 and rng.random() < 0.7:
        k = rng.randrange(2, len(out))
        out[k] = a.fmt("展开剩余{n}%") + out[k]
    out.append(a.fmt("发布于：{p}市"))
    return pattern.sub(swap, title), out


def _traditional(a: _Article, title: str, paras: list[str], *, pinyin: bool) -> tuple[str, list[str]]:
    table = _s2t_table()
    rng = a.rng
    rate = rng.uniform(0.2, 0.6) if pinyin else 0.0

    def convert(text: str) -> str:
        trad = text.translate(table)
        if not rate:
            return trad
        out = []
        for s_char, t_char in zip(text, trad, strict=True):
            out.append(t_char)
            if s_char != t_char and rng.random() < rate:
                out.append(f"({_pinyin(s_char)})")
        return "".join(out)

    head = convert(f"{a.source}零距离网-{a.source}讯(记者 {a.reporter}) ")
    paras = [convert(p) for p in paras]
    paras[0] = head + paras[0]
    return convert(title), paras


def _web(a: _Article, title: str, paras: list[str]) -> tuple[str, list[str]]:
    rng = a.rng
    top = ["中文 | EN", "", title, "",
           f"发布者:{a.source}  发布时间:{a.year}.{a.month:02d}.{a.day:02d}  点击率:{rng.randint(100, 9999)}", ""]
    body: list[str] = []
    for p in paras:
        body.append(p)
        if rng.random() < 0.3:
            body.append(f"{rng.randint(10**15, 10**16 - 1)}.{rng.choice(('png', 'jpg'))}")
            body.append(a.fmt(rng.choice(_CAPTIONS)))
    tail = ["", f"责任编辑：{a.name()}", "分享到：微信 微博 QQ空间",
            f"上一篇：{a.place()}召开产业发展大会  下一篇：{a.place()}签约项目{rng.randint(3, 40)}个",
            f"版权所有 © {a.year} {a.source} 备案号：赣ICP备{rng.randint(10**7, 10**8 - 1)}号"]
    return "", ["\n".join(top), *body, "\n".join(tail)]


def _pdf(a: _Article, title: str, paras: list[str]) -> tuple[str, list[str]]:
    rng = a.rng
    doubled = "".join(c * 2 if c in "“”" else c for c in title)
    heading = doubled + doubled if rng.random() < 0.5 else title
    out = [heading]
    page = 1
    for p in paras:
        p = re.sub(f"(?<=[{HAN_CLASS}])(\\d+)(?=[{HAN_CLASS}])", r" \1 ", p) if rng.random() < 0.7 else p
        width = rng.randint(13, 18)
        lines = [p[i:i + width] for i in range(0, len(p), width)]
        out.append("\n\n".join(lines))
        if rng.random() < 0.15:
            page += 1
            out.append(f"— {page} —")
    return "", out


def _html(a: _Article, title: str, paras: list[str], body_only: bool) -> str:
    rng = a.rng
    parts = []
    for p in paras:
        for line in p.split("\n"):
            parts.append(f'<p style="text-indent: 2em; text-align: left;">{line}</p>')
        if rng.random() < 0.25:
            stamp = rng.randint(10**18, 10**19 - 1)
            parts.append(f'<p style="text-indent: 2em; text-align: center;"><img src="https://images.example.com/'
                         f'Upload/News/{a.year}-{a.month:02d}/{stamp}.png" title="{stamp}.png" alt="image.png" '
                         'referrerpolicy="no-referrer"></p>')
    body = "<div>   \n" + "".join(parts) + "\n</div>\n"
    if body_only:
        return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n<body>\n"
                f"<article><h1>{title}</h1>\n{body}</article>\n</body></html>\n")
    weekday = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[(a.year + a.month + a.day) % 7]
    month = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")[a.month - 1]
    front = (f"\n---\ntitle: '{title}'\ncategories: \n - 新闻\n - {a.source}\nauthor: {a.source}\n"
             f"comments: false\ndate: {weekday}, {a.day:02d} {month} {a.year} {rng.randint(8, 20):02d}:01:00 GMT\n"
             "---\n\n")
    return front + body


def make_article(seed: int, index: int) -> tuple[str, tuple[str, ...], str, str]:
    """One article: ``(text, damage kinds, encoding, file suffix)``."""
    rng = random.Random(f"{seed}:{index}")
    a = _Article(rng)
    kinds: tuple[str, ...] = rng.choice(MIXES) if rng.random() < 0.3 else (rng.choice(KINDS),)
    traditional_only = "pinyin" in kinds and rng.random() < 0.3
    body_only = rng.random() < 0.3
    html_suffix = rng.choice((".md", ".txt"))
    want = rng.randint(MIN_CHARS + 100, MAX_CHARS - 100)
    # Damage changes the length (markup, pinyin, line breaks): aim the body, then correct once or twice.
    target = want
    for _ in range(3):
        text = _render(a, kinds, target, traditional_only, body_only)
        if MIN_CHARS <= len(text) <= MAX_CHARS:
            break
        target = max(200, int(target * want / len(text)))
    suffix = (".html" if body_only else html_suffix) if "html" in kinds else ".txt"
    roll = rng.random()
    if traditional_only and roll < 0.6:
        encoding = "big5"
    elif roll < 0.70:
        encoding = "utf-8"
    elif roll < 0.78:
        encoding = "utf-8-sig"
    elif roll < 0.90:
        encoding = "gb18030"
    else:
        encoding = "utf-16"
    return text, kinds, encoding, suffix


def _render(a: _Article, kinds: tuple[str, ...], target: int, traditional_only: bool, body_only: bool) -> str:
    title, paras = a.build(target)
    if "spun" in kinds:
        title, paras = _spin(a, title, paras)
    if "pinyin" in kinds:
        title, paras = _traditional(a, title, paras, pinyin=not traditional_only)
    if "web" in kinds:
        title, paras = _web(a, title, paras)
    if "pdf" in kinds:
        title, paras = _pdf(a, title, paras)
    if "html" in kinds:
        text = _html(a, title, paras, body_only)
    else:
        text = (title + "\n\n" if title else "") + "\n".join(paras) + "\n"
    # A Traditional site's page furniture is Traditional too.
    return text.translate(_s2t_table()) if "pinyin" in kinds else text


def _encode(text: str, encoding: str) -> tuple[bytes, str]:
    if encoding == "big5":
        text = text.replace("©", "(C)")
    try:
        return text.encode(encoding), encoding
    except UnicodeEncodeError:  # a character Big5 lacks: such files come as UTF-8 in practice
        return text.encode("utf-8"), "utf-8"


def article_path(out_dir: Path, index: int, suffix: str) -> Path:
    return out_dir / f"{index // 1000:03d}" / f"{index:06d}{suffix}"


def iter_corpus(n: int, out_dir: str | os.PathLike[str], seed: int = 0, start: int = 0) -> Iterator[CorpusFile]:
    """Write articles ``start .. n-1`` under ``out_dir`` (1,000 a folder), yielding each as written."""
    out = Path(out_dir)
    made: set[Path] = set()
    for i in range(start, n):
        text, kinds, encoding, suffix = make_article(seed, i)
        data, encoding = _encode(text, encoding)
        path = article_path(out, i, suffix)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(data)
        yield CorpusFile(path, kinds, encoding, len(text))


def _write_slice(args: tuple[int, int, str, int]) -> list[CorpusFile]:
    start, stop, out_dir, seed = args
    return list(iter_corpus(stop, out_dir, seed, start=start))


def make_corpus(n: int, out_dir: str | os.PathLike[str], seed: int = 0, workers: int | None = None) -> list[CorpusFile]:
    """Write ``n`` articles under ``out_dir``; deterministic for ``seed`` (whatever ``workers``)."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers <= 1 or n < 2000:
        return list(iter_corpus(n, out_dir, seed))
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    step = 1000
    slices = [(i, min(n, i + step), str(out_dir), seed) for i in range(0, n, step)]
    from pipeline.lifeline import die_with_parent

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        return [f for part in pool.map(_write_slice, slices) for f in part]


def sample_texts(n: int, seed: int = 0) -> list[str]:
    """The decoded texts of the first ``n`` articles, without touching the disk."""
    return [make_article(seed, i)[0] for i in range(n)]

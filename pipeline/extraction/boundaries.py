"""Words a name never runs across when it is read leftwards from its ending or its title.

Organization heads (``organizations._head``) and title phrases (``people._title_phrase_start``)
are read right to left until one of these. They come in classes, so a new word goes where its
grammar puts it rather than into one long list:

* ``LEADING`` — verbs that put a person at the head of a group (率, 带领, 带队): ``市长王远鹤率
  市政府代表团`` — the body's name starts after 率;
* ``MOTION`` — going somewhere (赴, 前往, 到): the destination follows;
* ``COVERBS`` — prepositions and conjunctions (由, 在, 与, 和, 同, 向, 继 …); 和 and 同 keep their
  place inside fixed words (共和国, 工业和信息化, 大同, 合同, 同济), and 及 inside a Hong Kong bureau's
  name (商务及经济发展局);
* ``FUNCTION`` — particles, adverbs and pronouns that never stand inside a name;
* ``CONNECTIVES`` — words that join sentences or open a list (随后, 包括, 还有, 此外): ``随后江苏省
  政协副主席阎立`` — the title starts after 随后.
"""

from __future__ import annotations

from pipeline.charclass import HAN_CLASS

LEADING = r"率领|带领|带队|率队|率团|(?<![效频汇概税功利比])率|陪同|随同|会同"
MOTION = r"前往|赴|到|抵达|来到"
COVERBS = (
    rf"由|在|(?<!共)和(?!信息化|旅游|城乡|社会|改革)|与|及(?![{HAN_CLASS}]{{1,6}}?[局署])|以及|以(?!色列)|"
    r"(?<![大共合协相不认赞陪随会等连如一])同(?![济方仁花心乡步期比类样时意业])|"
    r"(?<![万方导意动志趋偏倾转面走风航])向|对(?![外口])|跟|从|据|受|将|把|被|让|请|于|至|给|按|"
    # 继 … 后 (after): 继国家商务部后 — not in 继电器, 继续, 继承, 相继.
    r"(?<!相)继(?![电续承])"
)
FUNCTION = r"是|的|了|等|并|而|但|也|还|已|即|就|这|那|该|其|你|他|她|们"
CONNECTIVES = r"随后|包括|还有|另有|其中|此外|另外|首先|其次|然后|接着"
ALL = "|".join((CONNECTIVES, LEADING, MOTION, COVERBS, FUNCTION))  # longer words first (还有 before 还)

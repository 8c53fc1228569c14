"""PDF damage: doubled headings, hard wraps, spaced characters."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.cleaning.pdf import is_hard_wrapped, join_broken_lines, join_spaced_chars, undouble_headings


def test_doubled_heading_collapsed() -> None:
    text = "担当作为担当作为\n正文讲担当作为。"
    assert undouble_headings(text).text == "担当作为\n正文讲担当作为。"
    text = "实施实施““三年倍增三年倍增””计划计划\n全力实施好计划。"
    assert undouble_headings(text).text == "实施“三年倍增”计划\n全力实施好计划。"


def test_legitimate_repeats_untouched() -> None:
    for line in ("谢谢谢谢大家。", "一一对应", "看看", "研究研究", "大家要好好研究研究这个问题", "谢谢"):
        step = undouble_headings(line + "\n谢谢大家，一一研究，看看。")
        assert step.text.split("\n")[0] == line, line


def test_short_doubling_needs_the_single_form_elsewhere() -> None:
    # 实施实施 on its own is only accepted when 实施 also occurs elsewhere in the document.
    assert undouble_headings("实施实施 推进推进\n今年实施计划，推进工作。").text.startswith("实施 推进\n")
    assert undouble_headings("实施实施 推进推进\n今年的计划。").text.startswith("实施实施 推进推进\n")


def _wrapped(lines: list[str]) -> str:
    return "\n\n".join(lines)


PDF = (
    _wrapped(
        [
            "景德镇高新区：全力向千亿园区迈进",  # the opening headline, as long as a wrapped line
            "作为景德镇市工业强市的主",
            "阵地，景德镇高新区抢抓江西省、景",
            "德镇市高度重视、高位推动景德镇",
            "航空小镇建设这一重大发展机遇，",
            "积极作为，经济总量迈上新台阶。",
            "创新改革",
            "景德镇高新区现拥有国家级科技企业孵化器 1",
        ]
    )
    + "\n家，科技部备案众创空间 1 家，引进 50\n亿元项目。\n\n今后，景德镇高新区将以勇立\n\n潮头的姿态迈进。"
)


def test_hard_wrap_joined_and_paragraphs_kept() -> None:
    assert is_hard_wrapped(PDF)
    r = clean(PDF, "text")
    assert r.text.split("\n") == [
        "景德镇高新区：全力向千亿园区迈进",
        "作为景德镇市工业强市的主阵地，景德镇高新区抢抓江西省、景德镇市高度重视、高位推动景德镇航空小镇建设这一重大发展机遇，积极作为，经济总量迈上新台阶。",
        "创新改革",
        "景德镇高新区现拥有国家级科技企业孵化器1家，科技部备案众创空间1家，引进50亿元项目。",
        "今后，景德镇高新区将以勇立潮头的姿态迈进。",
    ]


def test_paragraph_per_line_text_is_not_joined() -> None:
    text = "第一段讲了一件事\n第二段讲了另一件事。\n第三段。"
    assert not is_hard_wrapped(text)
    assert join_broken_lines(text).text == text


def test_repeated_paragraph_is_kept() -> None:
    para = "“发展是第一要务。”他说。"
    text = f"{para}\n会上再次强调：\n{para}"
    assert clean(text, "text").text == text


def test_spaced_characters_joined() -> None:
    step = join_spaced_chars("期 间 ，成 功 签 约 项 目 143 个 ，合 同 总 投 资 额")
    assert step.text == "期间，成功签约项目143个，合同总投资额"
    # Outside hard-wrapped text, a space next to a number is left alone.
    assert clean("国家高新技术企业达到 58 家。", "text").text == "国家高新技术企业达到 58 家。"


def test_meaningful_spaces_survive() -> None:
    for text in (
        "(记者 陈雨燕)",
        "“如画江西 征象独好”文旅推介会",
        "开动“Discover Jiangxi”国际推广",
        "iPhone 15 Pro 发布",
    ):
        assert join_spaced_chars(text).text == text
        assert clean(text, "text").text == text


def test_heading_copies_with_a_space_between_are_collapsed() -> None:
    body = "\n今年深港签署合作协议，共建科技园区。"
    assert undouble_headings("深港签署合作协议 深港签署合作协议" + body).text.startswith("深港签署合作协议\n")
    assert undouble_headings("“三年倍增”  “三年倍增”" + body).text.startswith("“三年倍增”\n")


def test_an_indented_heading_drawn_twice_is_collapsed_on_the_first_pass() -> None:
    # Hypothesis found " 11中中中 11中中中": the indent hid the copy on the first pass and the
    # second pass (indent gone) collapsed it, so cleaning the output changed it again.
    body = "\n今年深港签署合作协议，共建科技园区。"
    assert undouble_headings("  深港签署合作协议 深港签署合作协议" + body).text.startswith("  深港签署合作协议\n")
    once = clean(" 11中中中 11中中中", "text").text
    assert clean(once, "text").text == once


def test_every_glyph_struck_twice_is_collapsed() -> None:
    body = "\n今年深港签署合作协议，共建科技园区。"
    assert undouble_headings("深深港港签签署署合合作作协协议议" + body).text.startswith("深港签署合作协议\n")


def test_reduplication_and_short_cheers_stay() -> None:
    body = "\n大家干干净净、高高兴兴过节。"
    for line in ("高高兴兴干干净净漂漂亮亮", "加油 加油", "谢谢大家 谢谢大家", "2020 2020"):
        assert undouble_headings(line + body).text.split("\n")[0] == line, line

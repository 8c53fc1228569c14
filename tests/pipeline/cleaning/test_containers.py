"""Front matter, HTML and markdown containers."""

from __future__ import annotations

from pipeline.cleaning import clean
from pipeline.cleaning.containers import html_to_text, parse_date, strip_front_matter, unwrap_url


def test_gmt_after_1600_is_next_day_in_beijing() -> None:
    assert parse_date("Fri, 07 Jan 2022 15:59:00 GMT") == "2022-01-07"
    assert parse_date("Fri, 07 Jan 2022 16:00:00 GMT") == "2022-01-08"
    assert parse_date("2022-01-07T17:30:00Z") == "2022-01-08"
    assert parse_date("2022-01-07 23:30:00 +08:00") == "2022-01-07"


def test_local_dates_stay_local() -> None:
    assert parse_date("2018.11.19") == "2018-11-19"
    assert parse_date("2018年11月9日 20:15") == "2018-11-09"
    assert parse_date("not a date") is None


def test_front_matter_date_through_clean() -> None:
    raw = "---\ntitle: 测试\ndate: Sat, 08 Jan 2022 18:30:00 GMT\n---\n<p>正文。</p>"
    r = clean(raw, "markdown")
    assert r.metadata["published_at"] == "2022-01-09"
    assert r.text == "正文。"


def test_broken_yaml_falls_back_and_flags() -> None:
    raw = "---\ntitle: '未闭合的引号\nauthor: 张三\ncategories:\n - 新闻\n - : ]\n---\n正文第一段。\n"
    step = strip_front_matter(raw)
    assert "front_matter_broken" in step.flags
    assert step.metadata["author"] == "张三"
    assert step.text == "正文第一段。\n"
    r = clean(raw, "markdown")  # no traceback through the whole pipeline either
    assert r.text == "正文第一段。" and "front_matter_broken" in r.flags


def test_proxy_prefix_unwrapped() -> None:
    assert unwrap_url("https://cors.zfour.workers.dev/?http://images.ofweek.com/a.png") == (
        "http://images.ofweek.com/a.png"
    )
    assert unwrap_url("https://proxy.example/fetch?url=http%3A%2F%2Fexample.com%2Fx.jpg") == (
        "http://example.com/x.jpg"
    )
    assert unwrap_url("http://example.com/plain.png") == "http://example.com/plain.png"


def test_html_keeps_paragraphs_and_maps_into_raw_html() -> None:
    raw = '<div><p class="x">第一段&amp;文字。</p><p>第二段<br>换行<b>加粗</b>。</p><script>var a=1;</script></div>'
    step = html_to_text(raw)
    lines = [ln for ln in step.text.split("\n") if ln.strip()]
    assert lines == ["第一段&文字。", "第二段", "换行加粗。"]
    i = step.text.index("加粗")
    a, b = step.offsets.to_source(i, i + 2)
    assert raw[a:b] == "加粗"
    j = step.text.index("&")
    a, b = step.offsets.to_source(j, j + 1)
    assert raw[a:b] == "&amp;"
    assert "var a" not in step.text


def test_img_alt_junk_dropped_real_alt_is_caption() -> None:
    raw = (
        '<p>正文。</p><p><img src="https://cors.x.dev/?http://a.cn/1.png" alt="image.png"></p>'
        '<p><img src="http://a.cn/2.jpg" alt="签约仪式现场"></p>'
    )
    r = clean(raw, "html")
    assert r.text == "正文。"
    assert [c.text for c in r.captions] == ["签约仪式现场"]
    assert r.metadata["images"] == ["http://a.cn/1.png", "http://a.cn/2.jpg"]
    cap = r.captions[0]
    assert "签约仪式现场" in raw[cap.raw_start : cap.raw_end]


def test_markdown_body_without_html() -> None:
    raw = (
        "---\ntitle: 标题\n---\n# 小标题\n\n**重点**内容见[链接文字](http://x.cn)。\n\n![图片说明](http://x.cn/a.png)\n"
    )
    r = clean(raw, "markdown")
    assert r.text == "小标题\n重点内容见链接文字。"
    assert r.metadata["images"] == ["http://x.cn/a.png"]
    assert [c.text for c in r.captions] == ["图片说明"]


def test_a_date_with_a_two_or_three_digit_year_gets_no_century_guessed() -> None:
    # 99-05-17 on a Taiwan page is Minguo 99 (2010); extraction decides, not a 19xx guess.
    assert parse_date("99-05-17") is None
    assert parse_date("112/08/07") is None
    assert parse_date("2010-05-17") == "2010-05-17"

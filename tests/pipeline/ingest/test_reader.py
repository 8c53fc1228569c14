from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pipeline.cleaning import clean
from pipeline.ingest import IngestError, discover, read_bytes, read_file
from pipeline.ingest.reader import detect_format

TRAD = (
    "梧州日報訊(記者 陳雨燕) 12月25日，梧州市與深圳市產業園區發展促進會座談會在我市舉行，"
    "雙方就攜手做好強產業文章進行務實高效對接。"
)
SIMP = "江西省委、省政府定于3月30日至4月3日在广州、深圳、香港、澳门等地举办经贸活动周，这是江西首场重要招商活动。"


def _read(data: bytes, name: str = "a.txt"):
    return read_bytes(data, source_name=name, source_path=f"/x/{name}")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMP.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMP.encode("utf-8"), "utf-8-sig"),
        (SIMP.encode("utf-16"), "utf-16"),
        (SIMP.encode("gb18030"), "gb18030"),
        (SIMP.encode("gbk"), "gb18030"),
    ],
)
def test_simplified_encodings_decode_exactly(data: bytes, encoding: str) -> None:
    doc = _read(data)
    assert doc.text == SIMP
    assert doc.encoding == encoding


def test_big5_traditional_decodes_exactly() -> None:
    doc = _read(TRAD.encode("big5"))
    assert doc.text == TRAD
    assert doc.encoding.startswith("big5")


def test_original_text_keeps_crlf_and_non_bmp() -> None:
    text = "第一段\r\n𠮷野家与𩸽\r\n"
    doc = _read(text.encode("utf-8"))
    assert doc.text == text


def test_sha256_is_of_the_bytes() -> None:
    import hashlib

    data = SIMP.encode("gb18030")
    assert _read(data).sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \r\n\t ", "only white space"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 binary", "PDF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
        (bytes(range(256)) * 20, "binary"),
    ],
)
def test_bad_input_gets_a_one_line_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError) as err:
        _read(data)
    assert reason in str(err.value)
    assert "\n" not in str(err.value)


def test_undecodable_bytes_are_refused() -> None:
    # Invalid in UTF-8, and a run of bytes no Chinese encoding can decode either.
    data = bytes([0x81, 0x20, 0xFF, 0x30, 0x80, 0xFF]) * 50
    with pytest.raises(IngestError, match=r"^undecodable"):
        _read(data)


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(SIMP.encode("utf-8") * 100)
    with pytest.raises(IngestError, match="too large"):
        read_file(p, max_bytes=1000)


def test_format_detection() -> None:
    assert detect_format("a.html", "x") == "html"
    assert detect_format("a.md", "x") == "markdown"
    assert detect_format("a.txt", "\n---\ntitle: x\n---\n<p>body</p>") == "markdown"
    assert detect_format("a.txt", "<div><p>一</p><p>二</p><br></div>") == "html"
    assert detect_format("a.txt", "纯文本，没有标签。") == "text"


# A plain-text article with a few tags left in it by a copy: its lines are its paragraphs.
STRAY_TAGS = "\n".join(
    [
        "高新区签约三个产业项目",
        "本报讯 5月12日，高新区与三家企业签订合作协议。<br>",
        "会上，管委会主任致辞，介绍了园区的<span>营商环境</span>。",
        "项目总投资二十亿元，涵盖新能源、新材料等领域。",
        "三个项目预计明年上半年全部开工建设。",
        "管委会表示，将为企业提供全流程服务。<p>",
        "园区今年已签约项目四十个。",
        "（记者 张三）",
    ]
)


def test_text_with_a_few_stray_tags_stays_text() -> None:
    assert detect_format("a.txt", STRAY_TAGS) == "text"
    # Lines are kept as they are: an HTML reading would run them into one paragraph.
    assert "高新区签约三个产业项目\n本报讯" in clean(STRAY_TAGS, detect_format("a.txt", STRAY_TAGS)).text


def test_markup_documents_named_txt_are_html() -> None:
    # A document structure decides outright; otherwise most lines must carry block tags.
    assert detect_format("a.txt", "<!DOCTYPE html>\n<html><body>\n正文第一段。\n正文第二段。\n</body></html>") == "html"
    pretty = "<div>\n<p>\n正文第一段，讲招商引资。\n</p>\n<p>\n正文第二段。\n</p>\n</div>"
    assert detect_format("a.txt", pretty) == "html"


def test_discover_recurses_and_reports_named_problems(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("一", encoding="utf-8")
    (tmp_path / "a" / "two.HTML").write_text("<p>二</p>", encoding="utf-8")
    (tmp_path / "a" / "pic.png").write_bytes(b"\x89PNG")
    (tmp_path / "a" / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "named.docx").write_bytes(b"PK")
    found = list(discover([tmp_path / "a", tmp_path / "named.docx", tmp_path / "missing"]))
    names = [(c.path.name, c.problem is None, c.skipped) for c in found]
    # A file of another type inside a folder is named as skipped (not a failure); a hidden one is not.
    assert names == [("one.txt", True, False), ("pic.png", False, True), ("two.HTML", True, False),
                     ("named.docx", False, False), ("missing", False, False)]

"""The import summary names every file the import limited or left out, in Chinese, as plain text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from gui.texts import warning_zh

BODY = "景德镇高新区在深圳举办产业推介会，现场签约金额达20亿元。"


def test_warnings_and_skipped_files_are_listed_in_chinese(qtbot: Any, window: Any, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "nul.txt").write_bytes(f"{BODY}\x00<b>中间</b>\x00。".encode())
    long_title = "超长标题" * 400
    (folder / "long.md").write_text(f"---\ntitle: {long_title}\n---\n{BODY}\n", encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "ok.txt").write_text(BODY + "第二篇。", encoding="utf-8")
    with qtbot.waitSignal(window.job_finished, timeout=60000) as sig:
        window.start_import([folder])
    report = sig.args[1]
    assert len(report.imported) == 3 and len(report.warnings) == 2 and len(report.skipped) == 1
    box = window.error_box
    assert box is not None and box.textFormat() == Qt.TextFormat.PlainText
    assert "不支持的文件 1 个" in box.text() and "2 篇导入时有提示" in box.text()
    lines = box.detailedText().splitlines()
    assert any(line.endswith("report.pdf：未导入，不支持的文件类型 .pdf（可导入 .txt .md .html）") for line in lines)
    assert any(line.endswith("nul.txt：已导入，2 个 NUL 字符已替换为 U+FFFD") for line in lines)
    assert any("long.md：已导入，文件头信息过长，已截断" in line for line in lines)
    assert "<b>" not in box.detailedText()  # a path or text shown as is, never as markup
    box.close()


def test_warning_texts_have_chinese_for_every_bound() -> None:
    assert warning_zh("front matter not expanded: more than 20 aliases; read line by line instead") == (
        "文件头信息未展开（别名超过 20 个），已逐行读取")
    assert warning_zh("front matter not expanded: expands to more than 100,000 characters; read line by line "
                      "instead") == "文件头信息未展开（展开后超过 100,000 个字符），已逐行读取"
    assert warning_zh("metadata cut to 1000 characters a value, 100 items a list") == (
        "文件头信息过长，已截断（每项最多 1000 个字符，列表最多 100 项）")
    assert warning_zh("3 NUL character(s) stored as U+FFFD") == "3 个 NUL 字符已替换为 U+FFFD"
    assert warning_zh("something new") == "提示：something new"


def test_each_warning_the_pipeline_writes_is_translated() -> None:
    # The English comes from pipeline.process; a new or reworded warning must not reach the screen raw.
    from pipeline.cleaning.containers import MAX_META_CHARS, MAX_META_ITEMS

    for english in (f"metadata cut to {MAX_META_CHARS} characters a value, {MAX_META_ITEMS} items a list",
                    "front matter not expanded; read line by line instead",
                    "1 NUL character(s) stored as U+FFFD"):
        assert not warning_zh(english).startswith("提示")


def test_a_file_that_killed_its_worker_has_a_chinese_reason() -> None:
    from gui.texts import reason_zh
    from storage.importer import WORKER_CRASHED

    assert reason_zh(WORKER_CRASHED) == "读取此文件的后台进程两次意外退出（被终止或内存不足）"


def test_every_flag_the_pipeline_sets_has_a_chinese_label() -> None:
    # Seen under xvfb: the document header showed "metadata_truncated" raw.
    import re

    from gui.texts import FLAG_LABELS

    root = Path(__file__).parents[2] / "pipeline"
    source = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
    flags = set(re.findall(r'flags\.append\("([a-z_]+)"\)', source))
    flags |= set(re.findall(r'^TRUNCATED_FLAG = "([a-z_]+)"', source, re.M))
    assert {"nul_replaced", "metadata_truncated", "front_matter_limited"} <= flags
    assert flags <= set(FLAG_LABELS)

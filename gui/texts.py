"""Chinese for what the pipeline and store report in English (the CLI keeps the English).

Store errors are typed (``storage.store``): the GUI says in Chinese what each kind means.
Cleaning flags are keys (``pinyin_damaged``); import failure reasons are English one-liners from
``pipeline.ingest`` and ``storage.importer``. The GUI shows both through these tables, so no raw
key or English sentence reaches a Chinese screen; an unknown one is shown as is, after "原因".
"""

from __future__ import annotations

import re

from storage.store import (
    DamagedStoreError,
    NewerSchemaError,
    NotAStoreError,
    StoreBusyError,
    StoreFullError,
    StoreUnopenableError,
)

FLAG_LABELS: dict[str, str] = {
    "spun": "洗稿（已还原）",
    "spin_suspects": "疑似洗稿",
    "pinyin_damaged": "拼音残留",
    "pinyin_removed": "已删除夹杂拼音",
    "mixed_script": "繁简混排",
    "spam_removed": "已删除页面杂项",
    "symbol_noise": "已删除插入正文的符号",
    "html_parse_error": "网页解析出错",
    "front_matter_broken": "文件头信息损坏",
    "front_matter_limited": "文件头信息未展开",
    "metadata_truncated": "文件头信息已截断",
    "nul_replaced": "NUL 字符已替换",
}


def flag_label(flag: str) -> str:
    return FLAG_LABELS.get(flag, flag)


# (pattern of the English reason, Chinese with {groups}) — the first match wins.
_REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), c) for p, c in (
    (r"^unsupported file type '(.*?)'(?: \(expected (.*)\))?$", "不支持的文件类型 {0}（可导入 .txt .md .html）"),
    (r"^cannot read: (.*)$", "无法读取：{0}"),
    (r"^file too large \((.*?) MB; the limit is (.*?) MB\)$", "文件过大（{0} MB，上限 {1} MB）"),
    (r"^empty file$", "空文件"),
    (r"^file holds only white space$", "文件里只有空白"),
    (r"^binary file \(control characters in the text\)$", "二进制文件（文本中有控制字符）"),
    (r"^binary file \(NUL bytes and no text encoding fits\)$", "二进制文件（含 NUL 字节，且没有相符的文本编码）"),
    (r"^binary file \((.*)\), not text$", "二进制文件（{0}），不是文本"),
    (r"^file holds no text after decoding$", "解码后没有文字"),
    (r"^undecodable: .*$", "无法解码：不是 UTF-8、UTF-16、GB18030/GBK 或 Big5 编码"),
    (r"^undecodable as (.*) at byte (\d+)$", "按 {0} 解码失败（第 {1} 字节）"),
    (r"^could not be processed \((.*)\)$", "处理时出错（{0}）"),
    (r"^not a regular file$", "不是普通文件"),
    (r"^no such file or folder$", "文件或文件夹不存在"),
    (r"^the worker process reading this file stopped twice \(killed, or out of memory\)$",
     "读取此文件的后台进程两次意外退出（被终止或内存不足）"),
))


# What an import limited in a file that was still imported (``ProcessedDocument.warnings``).
_BOUNDS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), c) for p, c in (
    (r"^nested deeper than (\d+) levels$", "嵌套超过 {0} 层"),
    (r"^more than ([\d,]+) aliases$", "别名超过 {0} 个"),
    (r"^expands to more than ([\d,]+) characters$", "展开后超过 {0} 个字符"),
    (r"^more than ([\d,]+) nodes$", "节点超过 {0} 个"),
))
_FRONT_MATTER_BOUND = re.compile(r"^front matter not expanded: (.*); read line by line instead$")
_WARNINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), c) for p, c in (
    (r"^front matter not expanded; read line by line instead$", "文件头信息未展开，已逐行读取"),
    (r"^metadata cut to (\d+) characters a value, (\d+) items a list$",
     "文件头信息过长，已截断（每项最多 {0} 个字符，列表最多 {1} 项）"),
    (r"^(\d+) NUL character\(s\) stored as U\+FFFD$", "{0} 个 NUL 字符已替换为 U+FFFD"),
))


def _translate(text: str, table: tuple[tuple[re.Pattern[str], str], ...]) -> str | None:
    for pattern, zh in table:
        m = pattern.match(text.strip())
        if m:
            return zh.format(*(g or "" for g in m.groups()))
    return None


def warning_zh(warning: str) -> str:
    """What the import limited in an imported file, in Chinese; an unknown one is shown after "提示"."""
    m = _FRONT_MATTER_BOUND.match(warning.strip())
    if m:  # the bound that stopped the expansion, in Chinese too (a YAML error text stays as is)
        return f"文件头信息未展开（{_translate(m.group(1), _BOUNDS) or m.group(1)}），已逐行读取"
    zh = _translate(warning, _WARNINGS)
    return f"提示：{warning}" if zh is None else zh


def reason_zh(reason: str) -> str:
    """A failure reason in Chinese (technical details such as file names and bytes kept)."""
    zh = _translate(reason, _REASONS)
    return f"原因：{reason}" if zh is None else zh


def store_error_zh(exc: BaseException) -> str:
    """What a store error means for the user, in Chinese, chosen by its type; its English text (the
    technical detail: file, SQLite's words) belongs in the dialog's details."""
    for kind, zh in (
        (StoreBusyError, "数据库正被其他程序占用（另一个 Article Curator 窗口或命令？）。请关闭它，或稍后再试。"),
        (NewerSchemaError, "这个数据库由更新版本的 Article Curator 写入，未做任何更改。请更新本程序后再打开。"),
        (DamagedStoreError, "数据库文件已损坏。请在命令行运行 curator db check 查看，并用最近的完好备份替换它。"),
        (NotAStoreError, "这个数据库里是别的程序的数据表，不是 Article Curator 的数据库，未做任何更改。"),
        (StoreFullError, "磁盘空间已满，数据未能写入。请腾出磁盘空间后再试。"),
        (StoreUnopenableError, "无法打开数据库：文件或文件夹不存在、没有权限，或数据库服务器未运行。"),
    ):
        if isinstance(exc, kind):
            return zh
    return "无法使用数据库（详情见“详细信息”）。"

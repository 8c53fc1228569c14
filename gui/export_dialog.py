"""The export dialog: format, which articles (the same filters as ``curator export``, defaulting to
the list's current filter), the split, and where. The export itself runs as a job (progress and
cancel in the status bar) and is written atomically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from gui.file_dialogs import SafeFileDialog, folder_dialog, save_file_dialog
from gui.undo import STATUS_LABELS
from pipeline.export.span_formats import SpacyMissingError, require_spacy
from pipeline.export.spans import parse_labels
from pipeline.export.split import SplitSpec, parse_ratios
from storage.curated_export import ALL_FORMATS, DIRECTORY_FORMATS, SUFFIXES, ExportOptions
from storage.export_filter import ExportFilter

FORMAT_LABELS = {
    "jsonl": "JSON Lines（每行一篇）",
    "csv": "CSV（表格）",
    "doccano": "doccano 序列标注（JSONL）",
    "labelstudio": "Label Studio 任务（JSON）",
    "conll": "CoNLL 逐字 BIO 标注",
    "spacy": "spaCy DocBin 分片目录（.spacy，需安装 spaCy）",
    "hf": "Parquet + Hugging Face 数据集目录（含数据集说明）",
}
SPLIT_NAMES = {"train": "训练集", "validation": "验证集", "test": "测试集"}
FLAG_NAMES = {"spun": "洗稿", "pinyin_damaged": "拼音损坏", "mixed_script": "繁简混排"}


def _split_list(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace("，", ",").split(",") if p.strip())


class ExportDialog(QDialog):
    def __init__(self, statuses: tuple[str, ...], list_count: int, start_dir: str = "",
                 parent: QWidget | None = None, *, tag: str | None = None, flag: str | None = None,
                 search: str = "", tags: Sequence[str] = (), flags: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle("导出数据集")
        self.file_dialog: SafeFileDialog | None = None
        self.format = QComboBox()
        self.format.setObjectName("export_format")
        for f in ALL_FORMATS:
            self.format.addItem(FORMAT_LABELS.get(f, f), f)
        self.text_kind = QComboBox()
        self.text_kind.setObjectName("export_text")
        self.text_kind.addItem("清洗后的文本", "cleaned")
        self.text_kind.addItem("原文（标注映射到原文）", "original")

        self.status_boxes: dict[str, QCheckBox] = {}
        status_row = QHBoxLayout()
        for key, label in STATUS_LABELS.items():
            box = QCheckBox(label)
            box.setObjectName(f"export_status_{key}")
            # The list's status filter if it has one; else everything but what a reviewer threw out.
            box.setChecked(key in statuses if statuses else key != "rejected")
            self.status_boxes[key] = box
            status_row.addWidget(box)
        self.tag = QComboBox()
        self.tag.setObjectName("export_tag")
        self.tag.addItem("不限", None)
        for t in tags:
            self.tag.addItem(t, t)
        if tag:
            if self.tag.findData(tag) < 0:
                self.tag.addItem(tag, tag)
            self.tag.setCurrentIndex(self.tag.findData(tag))
        self.flag = QComboBox()
        self.flag.setObjectName("export_flag")
        self.without_flag = QComboBox()
        self.without_flag.setObjectName("export_without_flag")
        for combo in (self.flag, self.without_flag):
            combo.addItem("不限", None)
            for f in dict.fromkeys([*flags, *FLAG_NAMES]):
                combo.addItem(FLAG_NAMES.get(f, f), f)
        if flag:
            if self.flag.findData(flag) < 0:
                self.flag.addItem(flag, flag)
            self.flag.setCurrentIndex(self.flag.findData(flag))
        flag_row = QHBoxLayout()
        flag_row.addWidget(QLabel("必须有"))
        flag_row.addWidget(self.flag, 1)
        flag_row.addWidget(QLabel("排除"))
        flag_row.addWidget(self.without_flag, 1)
        self.outlets = QLineEdit()
        self.outlets.setObjectName("export_outlets")
        self.outlets.setPlaceholderText("不限；多个来源用逗号分隔，如 澎湃新闻, 梧州日报")
        self.since = QLineEdit()
        self.since.setObjectName("export_since")
        self.until = QLineEdit()
        self.until.setObjectName("export_until")
        for edit in (self.since, self.until):
            edit.setPlaceholderText("YYYY-MM-DD")
        date_row = QHBoxLayout()
        date_row.addWidget(self.since, 1)
        date_row.addWidget(QLabel("至"))
        date_row.addWidget(self.until, 1)
        self.search = QLineEdit(search)
        self.search.setObjectName("export_search")
        self.search.setPlaceholderText("不限；与列表搜索相同")
        self.canonical_only = QCheckBox("每组近似重复稿只导出代表稿")
        self.canonical_only.setObjectName("export_canonical_only")
        self.human_edits = QCheckBox("只导出有人工修改的文章")
        self.human_edits.setObjectName("export_human_edits")
        self.only_list = QCheckBox(f"只导出当前列表中的 {list_count} 篇")
        self.only_list.setObjectName("export_only_list")

        self.split = QCheckBox("划分训练集 / 验证集 / 测试集")
        self.split.setObjectName("export_split")
        self.ratios = QLineEdit("0.8,0.1,0.1")
        self.ratios.setObjectName("export_ratios")
        self.seed = QSpinBox()
        self.seed.setObjectName("export_seed")
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(42)
        self.by_outlet = QCheckBox("同一来源媒体的文章也不跨集合（近似重复稿组总是不跨）")
        self.by_outlet.setObjectName("export_by_outlet")
        split_row = QHBoxLayout()
        split_row.addWidget(self.split)
        split_row.addWidget(QLabel("比例"))
        split_row.addWidget(self.ratios, 1)
        split_row.addWidget(QLabel("随机种子"))
        split_row.addWidget(self.seed)
        self.ratios.setMinimumWidth(110)
        self.labels = QLineEdit()
        self.labels.setObjectName("export_labels")
        self.labels.setPlaceholderText("默认：人物 PER、职务 TITLE、机构 ORG、地点 LOC、金额 AMOUNT、"
                                       "数量 COUNT、日期 DATE、产业 INDUSTRY；改名如 places=GPE")

        self.path = QLineEdit()
        self.path.setObjectName("export_path")
        self.path.setMinimumWidth(420)
        self.path.setText(str(Path(start_dir or Path.home()) / "curated.jsonl"))
        browse = QPushButton("浏览…")
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.error = QLabel("")
        self.error.setObjectName("export_error")
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        self.format.currentIndexChanged.connect(lambda _i: self._format_changed())

        form = QFormLayout(self)
        form.addRow("格式", self.format)
        form.addRow("文本", self.text_kind)
        form.addRow("状态", status_row)
        form.addRow("标签", self.tag)
        form.addRow("标记", flag_row)
        form.addRow("来源媒体", self.outlets)
        form.addRow("发布日期", date_row)
        form.addRow("搜索", self.search)
        form.addRow("", self.canonical_only)
        form.addRow("", self.human_edits)
        form.addRow("", self.only_list)
        form.addRow("划分", split_row)
        form.addRow("", self.by_outlet)
        form.addRow("标注标签", self.labels)
        form.addRow("保存到", path_row)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("导出")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._format_changed()

    def _format_changed(self) -> None:
        fmt = self.chosen_format()
        is_hf = fmt == "hf"
        if is_hf:
            self.split.setChecked(True)  # a Hugging Face layout always has its splits
        self.split.setEnabled(not is_hf)
        spans = fmt not in ("jsonl", "csv")
        self.labels.setEnabled(spans)
        self._fix_suffix()

    def _fix_suffix(self) -> None:
        p = Path(self.path.text())
        known = {s for s in SUFFIXES.values() if s}
        suffix = SUFFIXES.get(self.chosen_format(), "")
        if p.suffix in known or not p.suffix:
            self.path.setText(str(p.with_suffix(suffix)) if suffix else str(p.with_suffix("")))

    def browse(self) -> SafeFileDialog:
        # Not QFileDialog's static functions: see gui.file_dialogs (they sniff the store's files).
        if self.chosen_format() in DIRECTORY_FORMATS:
            dlg = folder_dialog(self, "导出到文件夹", self.path.text())
        else:
            dlg = save_file_dialog(self, "导出到", self.path.text())
        dlg.fileSelected.connect(self._chosen)
        self.file_dialog = dlg
        dlg.open()
        return dlg

    def _chosen(self, path: str) -> None:
        if path:
            self.path.setText(path)

    def _accept(self) -> None:
        if not self.path.text().strip():
            self.error.setText("请填写保存位置。")
            return
        if self.chosen_statuses() == ():
            self.error.setText("请至少选择一种状态。")
            return
        try:
            self.options(None)
        except ValueError as exc:
            self.error.setText(f"选项有误：{exc}")
            return
        if self.chosen_format() == "spacy":
            try:
                require_spacy()
            except SpacyMissingError:
                self.error.setText("spaCy 格式需要先安装 spaCy：pip install 'article-curator[spacy]'")
                return
        self.error.setText("")
        self.accept()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def chosen_statuses(self) -> tuple[str, ...] | None:
        """The statuses to export; ``None`` means all of them, ``()`` none (not allowed)."""
        picked = tuple(k for k, b in self.status_boxes.items() if b.isChecked())
        return None if len(picked) == len(self.status_boxes) else picked

    def options(self, list_ids: Sequence[int] | None) -> ExportOptions:
        """The export's options (ValueError, with a message, when a field is malformed)."""
        tag, flag, without = self.tag.currentData(), self.flag.currentData(), self.without_flag.currentData()
        flt = ExportFilter(
            statuses=self.chosen_statuses() or (), tags=(tag,) if tag else (), flags=(flag,) if flag else (),
            without_flags=(without,) if without else (), outlets=_split_list(self.outlets.text()),
            since=self.since.text().strip() or None, until=self.until.text().strip() or None,
            canonical_only=self.canonical_only.isChecked(), human_edits=self.human_edits.isChecked(),
            search=self.search.text().strip(),
            ids=tuple(list_ids) if list_ids is not None and self.only_list.isChecked() else None,
        )
        split = None
        if self.split.isChecked() or self.chosen_format() == "hf":
            split = SplitSpec(parse_ratios(self.ratios.text().replace("，", ",")), self.seed.value(),
                              self.by_outlet.isChecked())
        return ExportOptions(fmt=self.chosen_format(), filter=flt, split=split,
                             text=str(self.text_kind.currentData()),
                             labels=parse_labels(self.labels.text().replace("，", ",")))

    def destination(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

"""Every command of the window, declared once: id, label, keys, menu, handler, when it is enabled.

The window builds its ``QAction``s, menus and shortcuts from ``ACTIONS``; the help overlay (F1 or
``?``) lists and runs them; ``markdown_key_table()`` renders the README's key table (a test checks
the README holds exactly that table; ``python -m gui.actions`` prints it). Adding a key anywhere
else would make the three disagree, so keys live only here.

Handlers are names of ``MainWindow`` methods with their arguments, so this table imports no
widgets and the README can be generated without a display.

Ctrl+Z and Ctrl+Shift+Z are window shortcuts, and single letters too: a line edit or text editor
with focus claims them first (Qt's ShortcutOverride), so typing and undo inside an editor stay the
editor's own, and the window's keys act whenever no editor has focus.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.fields import FIELDS_BY_NAME
from storage.statuses import STATUS_TABLE

# Menu id → title with its Alt mnemonic (mnemonic letters are not used by the Alt+letter field keys).
MENUS: tuple[tuple[str, str], ...] = (
    ("file", "文件(&F)"),
    ("edit", "编辑(&E)"),
    ("review", "审核(&R)"),
    ("go", "转到(&G)"),
    ("view", "视图(&V)"),
    ("help", "帮助(&H)"),
)
MENU_TITLES = dict(MENUS)

# When an action can run (the window re-evaluates these on every article switch and selection).
ALWAYS, ARTICLE, SELECTION, CAN_UNDO, CAN_REDO = "always", "article", "selection", "can_undo", "can_redo"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    label: str  # menu text (Chinese)
    keys: tuple[str, ...]  # QKeySequence strings in PortableText form, e.g. "Ctrl+Shift+R"
    menu: str  # a MENUS id, or "" for key-only actions
    handler: str  # MainWindow method name
    args: tuple[str, ...] = ()
    enabled_when: str = ALWAYS
    tip: str = ""  # status tip and help-overlay description (Chinese)
    doc: str = ""  # the README's description (English); "" keeps it out of the README table
    group: str = ""  # a separator goes between groups within a menu


# Fields reachable by Alt+key: (field, key). The keys avoid the menus' mnemonics (F E R G V H).
FOCUS_KEYS: tuple[tuple[str, str], ...] = (
    ("title", "T"), ("published_at", "D"), ("source", "S"), ("event_type", "Y"), ("event_start", "B"),
    ("event_end", "N"), ("places", "L"), ("people", "P"), ("organizations", "O"), ("industries", "I"),
    ("amounts", "M"), ("counts", "C"), ("tags", "J"), ("note", "K"),
)
FOCUS_LABELS = {"tags": "标签", "note": "备注"}
# "Add the selected text as …": field and key (with Shift).
ADD_KEYS: tuple[tuple[str, str], ...] = (
    ("people", "Shift+P"), ("organizations", "Shift+O"), ("places", "Shift+L"), ("amounts", "Shift+M"),
    ("industries", "Shift+I"), ("title", "Shift+T"),
)


ADD_DOC = {"people": "a person", "organizations": "an organization", "places": "a place",
           "amounts": "an amount", "industries": "an industry", "title": "the title"}


def _field_label(field: str) -> str:
    spec = FIELDS_BY_NAME.get(field)
    return spec.label if spec is not None else FOCUS_LABELS[field]


def _build() -> tuple[ActionSpec, ...]:
    a: list[ActionSpec] = [
        ActionSpec("import_files", "导入文件…", ("Ctrl+O",), "file", "import_files_dialog",
                   doc="import files", group="io"),
        ActionSpec("import_folder", "导入文件夹…", ("Ctrl+Shift+O",), "file", "import_folder_dialog",
                   doc="import a folder (recursively)", group="io"),
        ActionSpec("export", "导出数据集…", ("Ctrl+E",), "file", "open_export_dialog",
                   doc="export (defaults to the current list filter)", group="io"),
        ActionSpec("export_selection", "导出所选文章…", ("Ctrl+Shift+E",), "file", "export_selection",
                   enabled_when=SELECTION, doc="export the articles selected in the list", group="io"),
        ActionSpec("settings", "设置…", ("Ctrl+,",), "file", "open_settings", group="settings"),
        ActionSpec("quit", "退出", ("Ctrl+Q",), "file", "close", doc="quit", group="quit"),
        ActionSpec("undo", "撤销", ("Ctrl+Z",), "edit", "undo", enabled_when=CAN_UNDO,
                   doc="undo any edit, status changes and bulk actions included (inside a text box: "
                       "that box's own undo)", group="undo"),
        ActionSpec("redo", "重做", ("Ctrl+Shift+Z", "Ctrl+Y"), "edit", "redo", enabled_when=CAN_REDO,
                   doc="redo", group="undo"),
    ]
    for field, key in ADD_KEYS:
        label = _field_label(field)
        a.append(ActionSpec(f"add_{field}", f"添加为{label}", (key,), "edit", "add_selection_as", (field,),
                            ARTICLE, f"把文中选中的文字添加为{label}，选区作为依据（已有的值不重复添加）",
                            f"add the selected text as {ADD_DOC[field]} (a value already listed is refused "
                            "with a message)", "add"))
    a += [
        ActionSpec("edit_value", "编辑当前值", ("F2",), "edit", "edit_current_value", enabled_when=ARTICLE,
                   tip="编辑光标所在的值（Enter 提交，Esc 取消）",
                   doc="edit the value at hand; `Enter` commits, `Esc` cancels", group="value"),
        ActionSpec("delete_value", "删除所选值", ("Del",), "edit", "delete_current_value", enabled_when=ARTICLE,
                   tip="删除字段表中选中的值", doc="remove the selected values of a list field", group="value"),
        ActionSpec("history", "字段修改历史…", ("Ctrl+H",), "edit", "show_history", ("",), ARTICLE,
                   doc="history of the field at hand, with \"revert to this value\"", group="value"),
    ]
    for st in STATUS_TABLE:
        if st.key:
            a.append(ActionSpec(f"status_{st.value}", st.verb, (st.key,), "review", "set_status", (st.value,),
                                ARTICLE, f"标为{st.label}" + ("并转到下一篇" if st.reviewed else ""),
                                f"mark {st.value.replace('_', ' ')}" + (", then move to the next article"
                                                                        if st.reviewed else ""), "status"))
    a += [
        ActionSpec("bulk_status", "批量设置状态…", ("Ctrl+Shift+S",), "review", "bulk_status_dialog",
                   enabled_when=SELECTION, tip="为列表中选中的文章设置状态（一步撤销）",
                   doc="set the status of the selected articles (one undo step)", group="bulk"),
        ActionSpec("bulk_tag_add", "为所选文章添加标签…", ("Ctrl+T",), "review", "bulk_tag_dialog", ("add",),
                   SELECTION, "为列表中选中的文章添加标签（一步撤销）",
                   "add a tag to the selected articles (one undo step)", "bulk"),
        ActionSpec("bulk_tag_remove", "从所选文章移除标签…", ("Ctrl+Shift+T",), "review", "bulk_tag_dialog",
                   ("remove",), SELECTION, "从列表中选中的文章移除标签（一步撤销）",
                   "remove a tag from the selected articles (one undo step)", "bulk"),
        ActionSpec("take_over_claim", "接手审核", (), "review", "take_over_claim", enabled_when=ARTICLE,
                   tip="接手他人正在审核的当前文章（记入修改历史）",
                   doc="take over the shown article from the teammate who holds it", group="claim"),
        ActionSpec("release_claim", "释放", (), "review", "release_claim", enabled_when=ARTICLE,
                   tip="不再审核当前文章，让其他审核人可以领取",
                   doc="release your claim on the shown article", group="claim"),
        ActionSpec("double_review_sample", "抽取双人审核样本…", (), "review", "sample_double_review_dialog",
                   tip="从所选文章（未选时从全部）中按比例抽取未审核的文章，由两位审核人各自独立审核",
                   doc="put a share of the selected (or all) new articles in the double-review sample",
                   group="double"),
        ActionSpec("agreement", "审核一致性…", (), "review", "show_agreement",
                   tip="双人审核样本上两位审核人的一致程度：各字段的一致度与状态的 Cohen's kappa",
                   doc="agreement between the two reviewers of the double-review sample", group="double"),
        ActionSpec("adjudicate", "裁决分歧…", (), "review", "show_adjudication",
                   tip="逐篇查看两位审核人结果不同的文章，选用一方、合并列表并定下最终状态",
                   doc="decide the double-reviewed articles on which the reviewers differ", group="double"),
        ActionSpec("reextract_current", "重新抽取当前文章…", ("Ctrl+R",), "review", "reextract_current",
                   enabled_when=ARTICLE, doc="re-extract this article (human edits are kept)", group="reextract"),
        ActionSpec("reextract_selected", "重新抽取所选文章…", ("Ctrl+Shift+R",), "review", "reextract_selected",
                   enabled_when=SELECTION, doc="re-extract the selected articles", group="reextract"),
        ActionSpec("spin_pairs", "学习词对…", ("Ctrl+Shift+W",), "review", "open_spin_pairs",
                   tip="审核从本库转载与原文比对所得的洗稿词对：确认、否决，并重新整理受影响的文章",
                   doc="review the learned spin pairs: confirm / reject, then re-clean the affected articles",
                   group="spin"),
        ActionSpec("harvest_spin", "从本库收集洗稿词对…", (), "review", "harvest_spin_pairs",
                   tip="比对本库中的洗稿转载与原文，收集替换词对（在后台进行），完成后打开“学习词对”",
                   doc="harvest spin pairs from the store's reposts and originals", group="spin"),
        ActionSpec("group_members", "显示同组近似重复稿", ("Ctrl+G",), "review", "show_group_members",
                   enabled_when=ARTICLE, tip="列表只显示与当前文章同组的近似重复稿；改动筛选栏即恢复",
                   doc="show the current article's near-duplicates in the list", group="groups"),
        ActionSpec("set_canonical", "设为本组代表稿", (), "review", "make_canonical", enabled_when=ARTICLE,
                   tip="导出“每组只导出代表稿”时导出这一篇", group="groups"),
        ActionSpec("compare_canonical", "与本组代表稿对比…", ("Ctrl+Shift+G",), "review", "compare_with_canonical",
                   enabled_when=ARTICLE, group="groups",
                   doc="compare the current article side by side with its group's canonical member"),
        ActionSpec("next", "下一篇", ("J", "N", "Ctrl+Down"), "go", "go_next", doc="next article", group="move"),
        ActionSpec("previous", "上一篇", ("K", "P", "Ctrl+Up"), "go", "go_previous", doc="previous article",
                   group="move"),
        ActionSpec("next_unreviewed", "下一篇未审核", ("U",), "go", "go_next_unreviewed",
                   tip="转到下一篇无人审核的未审核文章（跳过他人正在审核的）",
                   doc="next unreviewed article that no teammate holds (claims it)", group="move"),
        ActionSpec("next_flagged", "下一个待核对的值", ("F8", "]"), "go", "go_flagged", ("1",), ARTICLE,
                   "转到下一个置信度低或在文中没有依据的值",
                   "next value with low confidence or no evidence in the text", "flagged"),
        ActionSpec("previous_flagged", "上一个待核对的值", ("Shift+F8", "["), "go", "go_flagged", ("-1",),
                   ARTICLE, "转到上一个置信度低或在文中没有依据的值", "previous such value", "flagged"),
        ActionSpec("next_hit", "下一处搜索结果", ("F3",), "go", "go_hit", ("1",), ARTICLE,
                   "在文中选中搜索词的下一处", "select the next hit of the search in the text", "hits"),
        ActionSpec("previous_hit", "上一处搜索结果", ("Shift+F3",), "go", "go_hit", ("-1",), ARTICLE,
                   "在文中选中搜索词的上一处", "select the previous hit", "hits"),
        ActionSpec("focus_search", "搜索", ("Ctrl+F",), "go", "focus_search",
                   doc="search titles and texts (hits are highlighted)", group="panes"),
        ActionSpec("save_filter", "保存当前筛选…", ("Ctrl+Shift+F",), "go", "save_filter_dialog",
                   tip="给当前的筛选（状态、标签、标记、核对、搜索词）起个名字保存",
                   doc="save the list's current filter under a name", group="saved"),
        ActionSpec("apply_filter", "已保存的筛选…", ("Ctrl+Shift+L",), "go", "apply_saved_filter_dialog",
                   tip="应用一个保存过的筛选", doc="apply a saved filter", group="saved"),
        ActionSpec("delete_filter", "删除保存的筛选…", (), "go", "delete_saved_filter_dialog", group="saved"),
        ActionSpec("focus_list", "文章列表", ("Alt+1",), "go", "focus_pane", ("list",),
                   doc="focus the article list", group="panes"),
        ActionSpec("focus_text", "正文", ("Alt+2",), "go", "focus_pane", ("text",), ARTICLE,
                   doc="focus the text (arrows and `Shift`+arrows select)", group="panes"),
    ]
    for field, key in FOCUS_KEYS:
        label = _field_label(field)
        a.append(ActionSpec(f"focus_{field}", f"字段：{label}", (f"Alt+{key}",), "go", "focus_field", (field,),
                            ARTICLE, f"转到字段“{label}”", "", "fields"))
    for i, (mode, label) in enumerate((("clean", "整理后"), ("original", "原文"), ("changes", "修改对照"))):
        a.append(ActionSpec(f"mode_{mode}", label, (f"Ctrl+{i + 1}",), "view", "set_mode", (mode,),
                            doc=f"{mode} view", group="modes"))
    a += [
        ActionSpec("font_bigger", "放大字号", ("Ctrl+=", "Ctrl++"), "view", "change_font_size", ("1",),
                   doc="larger text (9 to 20 points, applied at once)", group="font"),
        ActionSpec("font_smaller", "缩小字号", ("Ctrl+-",), "view", "change_font_size", ("-1",),
                   doc="smaller text", group="font"),
        ActionSpec("font_default", "默认字号", ("Ctrl+0",), "view", "change_font_size", ("0",),
                   doc="the system's text size", group="font"),
        ActionSpec("guidelines", "审核规范", ("F4",), "view", "toggle_guidelines",
                   tip="在字段旁显示或隐藏本数据库的审核规范（可在此编辑，每次保存都留有版本）",
                   doc="show / hide the store's review guidelines beside the fields (markdown, edited in the "
                       "app, every saved version kept in the store)", group="panes"),
        ActionSpec("help", "快捷键与命令…", ("F1", "?"), "help", "show_help",
                   doc="this list of keys, searchable; `Enter` runs the chosen command", group="help"),
        ActionSpec("show_log", "查看日志", (), "help", "show_log", tip="打开本程序的日志文件所在文件夹",
                   group="help"),
    ]
    return tuple(a)


ACTIONS: tuple[ActionSpec, ...] = _build()
BY_ID: dict[str, ActionSpec] = {s.id: s for s in ACTIONS}


def _keys_md(keys: tuple[str, ...]) -> str:
    return " ".join(f"`{k}`" for k in keys)


def markdown_key_table() -> str:
    """The README's key table: one row per documented action, in menu order, then the field keys."""
    rows = ["| key | action |", "|---|---|"]
    rows += [f"| {_keys_md(s.keys)} | {s.doc} |" for s in ACTIONS if s.doc and s.keys]
    focus = " ".join(f"`Alt+{k}` {_field_label(f)}" for f, k in FOCUS_KEYS)
    rows.append(f"| `Alt+…` | focus a field group: {focus} |")
    return "\n".join(rows) + "\n"


README_START = "<!-- keys:start (generated by `python -m gui.actions`; tests/gui/test_actions.py checks it) -->"
README_END = "<!-- keys:end -->"


def readme_section(readme: str) -> str | None:
    """The generated part of the README (between the markers), or None if the markers are missing."""
    start, end = readme.find(README_START), readme.find(README_END)
    if start < 0 or end < start:
        return None
    return readme[start + len(README_START):end].strip("\n") + "\n"


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    print(markdown_key_table(), end="")

"""The ``curator`` command: with no arguments it opens the app; subcommands work in batch.

Qt is imported only when a window is opened, so batch commands start fast and run headless.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from gui.cli_team import TEAM_HANDLERS, add_team_parsers
from storage.models import STATUSES
from storage.store import Store, StoreError, default_url, open_store

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="curator",
        description="Article Curator: clean, extract and review Chinese news articles. "
        "Run without a command to open the app.",
    )
    p.add_argument("--db", metavar="URL", help="store URL (any SQLAlchemy URL); default: $CURATOR_DB, "
                   "else an SQLite file in your user data folder")
    p.add_argument("--screenshot", metavar="FILE", help="render the main window to a PNG and exit")
    p.add_argument("--article", metavar="ID", type=int, help="with --screenshot: the article to select")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    imp = sub.add_parser("import", help="import files and folders (.txt, .md, .html)")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    imp.add_argument("--double-review", type=float, metavar="SHARE", default=None,
                     help="put this share of the newly imported articles (e.g. 0.1) in the double-review sample")
    imp.add_argument("--seed", type=int, default=0, help="with --double-review: the sample's random seed")

    exp = sub.add_parser("export", help="write the dataset (records, spans, or Parquet with a dataset card)")
    add_export_arguments(exp)

    grp = sub.add_parser("group", help="compute near-duplicate groups for the whole store")
    grp.add_argument("--members", type=int, metavar="ID", help="only print the group of article ID")
    canon = sub.add_parser("canonical", help="make an article its near-duplicate group's canonical member")
    canon.add_argument("id", type=int)

    sub.add_parser("list", help="print id, status, source name and title, one article a line")

    show = sub.add_parser("show", help="print an article's cleaned text and the repairs made")
    show.add_argument("id", type=int)
    show.add_argument("--raw", action="store_true", help="print the original text instead")

    rex = sub.add_parser("reextract", help="re-run cleaning and extraction; human edits are kept")
    rex.add_argument("ids", nargs="*", type=int, help="article ids (default: all)")
    rex.add_argument("--dry-run", action="store_true", help="only report what would change")

    ev = sub.add_parser("eval", help="measure extraction against gold files")
    ev.add_argument("raw_dir", metavar="RAW_DIR")
    ev.add_argument("gold_dir", metavar="GOLD_DIR")

    db = sub.add_parser("db", help="check the store for damage, copy it safely, or upgrade its schema")
    dsub = db.add_subparsers(dest="db_command", metavar="DB_COMMAND", required=True)
    dsub.add_parser("check", help="a full integrity check; exit 1 if the store is damaged")
    dback = dsub.add_parser("backup", help="a consistent copy of the store, safe while it is in use")
    dback.add_argument("file", metavar="FILE")
    dsub.add_parser("upgrade", help="migrate the store's schema to this version (Alembic head) and say from what")

    spin = sub.add_parser("spin", help="learned spin pairs: harvest from reposts and originals, review them")
    ssub = spin.add_subparsers(dest="spin_command", metavar="SPIN_COMMAND", required=True)
    ssub.add_parser("harvest", help="align spun reposts with their originals in the store and count the swaps")
    sl = ssub.add_parser("list", help="print the learned pairs: status, count, spun -> original, articles")
    sl.add_argument("--status", choices=["pending", "confirmed", "rejected"])
    for verb, what in (("confirm", "confirmed"), ("reject", "rejected"), ("reset", "pending")):
        sp = ssub.add_parser(verb, help=f"mark pairs {what} (they take part in re-cleaning only when confirmed)")
        sp.add_argument("pairs", nargs="*", metavar="SPUN=ORIGINAL")
        sp.add_argument("--all-pending", action="store_true", help="every pair still pending")

    add_team_parsers(sub)

    bench = sub.add_parser("bench", help="performance: make a synthetic corpus, or run the benchmark")
    bsub = bench.add_subparsers(dest="bench_command", metavar="BENCH_COMMAND", required=True)
    mk = bsub.add_parser("make-corpus", help="write N synthetic damaged articles to DIR")
    mk.add_argument("n", type=int, metavar="N")
    mk.add_argument("dir", metavar="DIR")
    mk.add_argument("--seed", type=int, default=0)
    brun = bsub.add_parser("run", help="run the benchmark and print the figures (docs/performance.md)")
    brun.add_argument("--quick", action="store_true", help="small sizes, under two minutes")
    brun.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    brun.add_argument("--workdir", metavar="DIR", help="where the corpus and stores go (default: a temp dir)")
    brun.add_argument("--keep", action="store_true", help="keep the corpus and stores afterwards")
    brun.add_argument("--seed", type=int, default=0)
    brun.add_argument("--store-size", type=int, metavar="N", help="articles in the replicated store "
                      "(default 100,000; 3,000 with --quick)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from gui.app import run_app  # Qt loads only here

        return run_app(db_url=args.db, screenshot=args.screenshot, article_id=args.article)
    handler = {
        "import": cmd_import, "export": cmd_export, "list": cmd_list, "show": cmd_show,
        "reextract": cmd_reextract, "eval": cmd_eval, "bench": cmd_bench, "db": cmd_db, "spin": cmd_spin,
        "group": cmd_group, "canonical": cmd_canonical,
        **TEAM_HANDLERS,
    }[args.command]
    try:
        return int(handler(args))
    except StoreError as exc:
        print(f"curator: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("curator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``curator list | head``): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Store]:
    """The store named by --db / CURATOR_DB / the default, closed however the command ends."""
    store = open_store(args.db or default_url())
    try:
        yield store
    finally:
        store.close()


def cmd_import(args: argparse.Namespace) -> int:
    from storage.importer import import_paths
    from storage.records import ImportProgress

    tty = sys.stderr.isatty()

    def progress(p: ImportProgress) -> None:
        if tty or p.done == p.total or p.done % 100 == 0:
            end = "\r" if tty and p.done < p.total else "\n"
            print(f"[{p.done}/{p.total}] imported {p.imported}, duplicates {p.duplicates}, "
                  f"failed {p.failed}  {p.current[:40]}", end=end, file=sys.stderr, flush=True)

    from storage.double_review import choose_sample
    from storage.editing import EditError

    share = args.double_review
    if share is not None and not 0 < share <= 1:
        print(f"curator: --double-review must be a share in (0, 1], got {share}", file=sys.stderr)
        return EXIT_FAILED
    sampled: list[int] = []
    with opened(args) as store:
        report = import_paths(store, args.paths, workers=args.workers, progress=progress)
        if share is not None and report.imported:
            try:
                sampled = choose_sample(store, share, seed=args.seed, ids=[aid for aid, _ in report.imported])
            except EditError as exc:
                print(f"curator: {exc}", file=sys.stderr)
                return EXIT_FAILED
    print(f"Imported {len(report.imported)}, duplicates skipped {len(report.duplicates)}, "
          f"failed {len(report.failed)}.")
    if share is not None:
        print(f"Put {len(sampled)} of them in the double-review sample.")
    if report.site_recleaned:
        print(f"Cleaned {len(report.site_recleaned)} again: lines their site repeats are page furniture.")
    for path, reason in report.failed:
        print(f"  failed: {path}: {reason}")
    for path, what in report.warnings:
        print(f"  imported with a warning: {path}: {what}")
    if report.skipped:
        print(f"Not imported (type not supported): {len(report.skipped)} file(s), e.g. {report.skipped[0][0]}")
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_spin(args: argparse.Namespace) -> int:
    from storage.editing import default_reviewer
    from storage.spin_pairs import decide, harvest_store, list_pairs

    with opened(args) as store:
        if args.spin_command == "harvest":
            pairs, new, updated = harvest_store(store)
            print(f"Found {len(pairs)} substitution pairs: {new} new, {updated} updated. "
                  "Review them with 'curator spin list' and 'curator spin confirm'; confirmed pairs "
                  "take part in the next 'curator reextract'.")
            return EXIT_OK
        if args.spin_command == "list":
            for row in list_pairs(store, args.status):
                ids = ",".join(map(str, row.articles[:10]))
                print(f"{row.status}\t{row.count}\t{row.spun}\t{row.original}\t{ids}")
            return EXIT_OK
        status = {"confirm": "confirmed", "reject": "rejected", "reset": "pending"}[args.spin_command]
        wanted: list[tuple[str, str]] = []
        for item in args.pairs:
            spun, sep, original = item.partition("=")
            if not sep or not spun or not original:
                print(f"curator: not a pair: {item!r} (write SPUN=ORIGINAL)", file=sys.stderr)
                return EXIT_FAILED
            wanted.append((spun, original))
        if args.all_pending:
            wanted += [(r.spun, r.original) for r in list_pairs(store, "pending")]
        missing = [f"{s}={o}" for s, o in wanted if not decide(store, s, o, status, who=default_reviewer())]
    print(f"Marked {len(wanted) - len(missing)} pairs {status}.")
    for m in missing:
        print(f"  no such pair: {m}")
    return EXIT_FAILED if missing else EXIT_OK


def add_export_arguments(exp: argparse.ArgumentParser) -> None:
    from storage.curated_export import ALL_FORMATS

    exp.add_argument("--format", choices=ALL_FORMATS, default="jsonl",
                     help="jsonl/csv: article records; doccano/labelstudio/conll: labelled spans; spacy: "
                     "labelled spans as a directory of DocBin shards (one folder per split; spacy train reads "
                     "a folder); hf: a directory of Parquet files with a dataset card")
    exp.add_argument("--out", required=True, metavar="PATH", help="the file (a directory for --format spacy and hf)")
    exp.add_argument("--status", nargs="+", choices=STATUSES, metavar="STATUS",
                     help=f"only these review statuses ({', '.join(STATUSES)})")
    exp.add_argument("--tag", action="append", default=[], metavar="TAG", help="only articles with this tag "
                     "(repeat: all of them)")
    exp.add_argument("--flag", action="append", default=[], metavar="FLAG",
                     help="only articles with this cleaning flag, e.g. spun (repeat: all of them)")
    exp.add_argument("--without-flag", action="append", default=[], metavar="FLAG", help="leave out this flag")
    exp.add_argument("--outlet", action="append", default=[], metavar="NAME", help="only this source outlet "
                     "(repeat: any of them)")
    exp.add_argument("--since", metavar="YYYY-MM-DD", help="published on or after")
    exp.add_argument("--until", metavar="YYYY-MM-DD", help="published on or before")
    exp.add_argument("--canonical-only", action="store_true", help="one article per near-duplicate group")
    exp.add_argument("--human-edits", action="store_true", help="only articles a person edited")
    exp.add_argument("--search", default="", metavar="TEXT", help="only articles matching this text search")
    exp.add_argument("--split", metavar="TRAIN,VAL,TEST", help="split by ratio, e.g. 0.8,0.1,0.1 "
                     "(no near-duplicate group straddles two splits; hf default 0.8,0.1,0.1)")
    exp.add_argument("--seed", type=int, default=42, help="the split's seed (default 42)")
    exp.add_argument("--split-by-outlet", action="store_true", help="also keep each outlet within one split")
    exp.add_argument("--text", choices=["cleaned", "original"], default="cleaned",
                     help="export the cleaned text (default) or the original, spans mapped onto it")
    exp.add_argument("--labels", default="", metavar="FIELD=LABEL,...",
                     help="rename span labels or drop a field (people=PER,person_title=TITLE,organizations=ORG,"
                     "places=LOC,amounts=AMOUNT,counts=COUNT,published_at=DATE,event_start=DATE,event_end=DATE,"
                     "industries=INDUSTRY; FIELD= drops it)")


def export_options(args: argparse.Namespace) -> object:
    """The export's options from the command line (ValueError with a one-line message when bad)."""
    from pipeline.export.spans import parse_labels
    from pipeline.export.split import SplitSpec, parse_ratios
    from storage.curated_export import ExportOptions
    from storage.export_filter import ExportFilter

    flt = ExportFilter(
        statuses=tuple(args.status or ()), tags=tuple(args.tag), flags=tuple(args.flag),
        without_flags=tuple(args.without_flag), outlets=tuple(args.outlet), since=args.since, until=args.until,
        canonical_only=args.canonical_only, human_edits=args.human_edits, search=args.search,
    )
    split = None
    if args.split or args.split_by_outlet:
        ratios = parse_ratios(args.split) if args.split else SplitSpec().ratios
        split = SplitSpec(ratios, args.seed, args.split_by_outlet)
    elif args.format == "hf":
        split = SplitSpec(seed=args.seed)
    return ExportOptions(fmt=args.format, filter=flt, split=split, text=args.text, labels=parse_labels(args.labels))


def cmd_export(args: argparse.Namespace) -> int:
    from pipeline.export.span_formats import SpacyMissingError
    from storage.curated_export import ExportOptions, export

    try:
        options = export_options(args)
    except ValueError as exc:
        print(f"curator: {exc}", file=sys.stderr)
        return EXIT_USAGE
    assert isinstance(options, ExportOptions)
    with opened(args) as store:
        try:
            report = export(store, Path(args.out), options)
        except SpacyMissingError as exc:
            print(f"curator: {exc}", file=sys.stderr)
            return EXIT_FAILED
        except OSError as exc:
            print(f"curator: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_FAILED
    parts = ", ".join(f"{k} {v}" for k, v in report.splits.items())
    print(f"Exported {report.count} articles to {report.path}{f' ({parts})' if parts else ''}.")
    return EXIT_OK


def cmd_group(args: argparse.Namespace) -> int:
    from storage.grouping import group_members, regroup

    with opened(args) as store:
        if args.members is not None:
            print(" ".join(str(i) for i in group_members(store, args.members)))
            return EXIT_OK
        r = regroup(store)
    print(f"Grouped {r.articles} articles: {r.groups} near-duplicate groups hold {r.grouped} of them; "
          f"{r.signed} signatures computed, {r.changed} articles changed group or canonical.")
    return EXIT_OK


def cmd_canonical(args: argparse.Namespace) -> int:
    from storage.editing import EditError
    from storage.grouping import set_canonical

    with opened(args) as store:
        try:
            members = set_canonical(store, args.id)
        except EditError as exc:
            print(f"curator: {exc}", file=sys.stderr)
            return EXIT_FAILED
    print(f"Article {args.id} is now canonical in its group ({' '.join(map(str, members))}).")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from storage.queries import list_summaries

    with opened(args) as store:
        for a in list_summaries(store):
            print(f"{a.id}\t{a.status}\t{a.source_name}\t{a.title or ''}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from storage.queries import NotFoundError, get_article

    with opened(args) as store:
        try:
            a = get_article(store, args.id)
        except NotFoundError as exc:
            print(f"curator: {exc}", file=sys.stderr)
            return EXIT_FAILED
    print(f"# {a.id} {a.source_name}  [{a.status}]  {a.format}, {a.encoding}, script {a.script}")
    if args.raw:
        print(a.raw_text)
        return EXIT_OK
    print(a.cleaned_text)
    cleaning = a.cleaning
    meta = cleaning.get("metadata") or {}
    if meta:
        print("\n## Metadata")
        for k, v in meta.items():
            print(f"  {k}: {json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v}")
    captions = cleaning.get("captions") or []
    if captions:
        print("\n## Captions")
        for c in captions:
            print(f"  {c.get('text', '')}")
    print("\n## Repairs")
    repairs = cleaning.get("repairs") or []
    if not repairs:
        print("  (none)")
    for r in repairs:
        examples = "; ".join(f"{before!r}→{after!r}" for before, after in (r.get("examples") or [])[:3])
        print(f"  {r.get('kind')}: {r.get('count')}  {r.get('description', '')}  {examples}".rstrip())
    if cleaning.get("flags"):
        print(f"\nFlags: {' '.join(cleaning['flags'])}  (spin score {cleaning.get('spin_score', 0):.1f})")
    return EXIT_OK


def cmd_reextract(args: argparse.Namespace) -> int:
    from storage.reextract import reextract

    with opened(args) as store:
        report = reextract(store, args.ids or None, apply=not args.dry_run)
    verb = "would change" if args.dry_run else "changed"
    print(f"Re-extracted {report.articles} articles; {verb} fields in {len(report.changed)}; "
          f"kept human edits in {len(report.kept)}.")
    for aid, diffs in sorted(report.kept.items()):
        for d in diffs:
            print(f"  kept edited {aid}.{d.field}: extraction now gives {json.dumps(d.new, ensure_ascii=False)}")
    return EXIT_OK


def cmd_db(args: argparse.Namespace) -> int:
    from storage.integrity import backup_store, check_store

    url = args.db or default_url()
    if args.db_command == "upgrade":
        from storage.store import upgrade_store

        before, after = upgrade_store(url)
        if before == after:
            print(f"The store is already at schema {after}; nothing was changed.")
        else:
            print(f"Upgraded the store from schema {before or '(none: a new store)'} to {after}.")
        return EXIT_OK
    if args.db_command == "backup":
        backup = backup_store(url, Path(args.file))
        print(f"Backed up the store to {backup.path} ({backup.size_bytes:,} bytes, {backup.tool}); "
              f"{backup.verified}.")
        return EXIT_OK
    started = time.perf_counter()
    report = check_store(url)
    took = f"checked in {time.perf_counter() - started:.2f} s"
    for note in report.notes:
        print(f"note: {note}")
    count = "?" if report.articles is None else f"{report.articles:,}"
    if report.ok:
        print(f"ok: the store is sound ({report.backend}, {count} articles; {took}).")
        return EXIT_OK
    print(f"DAMAGED: {len(report.problems)} problem(s) found ({report.backend}, {count} articles readable; "
          f"{took}):")
    for problem in report.problems:
        print(f"  {problem}")
    print("Nothing was changed. Save what can be read with `curator db backup FILE`, then restore your last "
          "good copy (see Data safety in the README).")
    return EXIT_FAILED


def cmd_eval(args: argparse.Namespace) -> int:
    from gui.evaluate import run_eval

    return run_eval(Path(args.raw_dir), Path(args.gold_dir))


def cmd_bench(args: argparse.Namespace) -> int:
    from gui.bench import main_cli  # loads Qt only in its child process

    return main_cli(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

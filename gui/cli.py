"""The ``curator`` command: with no arguments it opens the app; subcommands work in batch.

Qt is imported only when a window is opened, so batch commands start fast and run headless.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
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

    exp = sub.add_parser("export", help="write the dataset as JSONL or CSV")
    exp.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    exp.add_argument("--out", required=True, metavar="FILE")
    exp.add_argument("--status", nargs="+", choices=STATUSES, metavar="STATUS",
                     help=f"only these review statuses ({', '.join(STATUSES)})")

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
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from gui.app import run_app  # Qt loads only here

        return run_app(db_url=args.db, screenshot=args.screenshot, article_id=args.article)
    handler = {
        "import": cmd_import, "export": cmd_export, "list": cmd_list, "show": cmd_show,
        "reextract": cmd_reextract, "eval": cmd_eval, "bench": cmd_bench, **TEAM_HANDLERS,
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
def _opened(args: argparse.Namespace) -> Iterator[Store]:
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

    with _opened(args) as store:
        report = import_paths(store, args.paths, workers=args.workers, progress=progress)
    print(f"Imported {len(report.imported)}, duplicates skipped {len(report.duplicates)}, "
          f"failed {len(report.failed)}.")
    for path, reason in report.failed:
        print(f"  failed: {path}: {reason}")
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_export(args: argparse.Namespace) -> int:
    from storage.exporting import export_dataset

    with _opened(args) as store:
        try:
            report = export_dataset(store, Path(args.out), args.format, statuses=args.status)
        except OSError as exc:
            print(f"curator: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_FAILED
    print(f"Exported {report.count} articles to {report.path}.")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from storage.queries import list_summaries

    with _opened(args) as store:
        for a in list_summaries(store):
            print(f"{a.id}\t{a.status}\t{a.source_name}\t{a.title or ''}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from storage.queries import NotFoundError, get_article

    with _opened(args) as store:
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

    with _opened(args) as store:
        report = reextract(store, args.ids or None, apply=not args.dry_run)
    verb = "would change" if args.dry_run else "changed"
    print(f"Re-extracted {report.articles} articles; {verb} fields in {len(report.changed)}; "
          f"kept human edits in {len(report.kept)}.")
    for aid, diffs in sorted(report.kept.items()):
        for d in diffs:
            print(f"  kept edited {aid}.{d.field}: extraction now gives {json.dumps(d.new, ensure_ascii=False)}")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from gui.evaluate import run_eval

    return run_eval(Path(args.raw_dir), Path(args.gold_dir))


def cmd_bench(args: argparse.Namespace) -> int:
    from gui.bench import main_cli  # loads Qt only in its child process

    return main_cli(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The ``curator`` commands for team review: reviewers, the double-review sample, agreement."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

EXIT_OK, EXIT_FAILED = 0, 1


def add_team_parsers(sub: Any) -> None:
    sub.add_parser("reviewers", help="list the store's reviewers with their counts and current claims")
    smp = sub.add_parser("sample", help="put a share of new articles in the double-review sample")
    smp.add_argument("--share", type=float, required=True, help="e.g. 0.1 for one article in ten")
    smp.add_argument("--seed", type=int, default=0)
    agr = sub.add_parser("agreement", help="inter-reviewer agreement on the double-review sample")
    agr.add_argument("--json", action="store_true", help="print the report as JSON")


def cmd_reviewers(args: argparse.Namespace) -> int:
    from gui.cli import opened
    from storage.claims import active_claims
    from storage.reviewers import reviewer_activity

    with opened(args) as store:
        activity = reviewer_activity(store)
        claims = active_claims(store)
    held: dict[str, list[int]] = {}
    for c in claims.values():
        held.setdefault(c.reviewer, []).append(c.article_id)
    names = [a.reviewer for a in activity] + sorted(set(held) - {a.reviewer for a in activity})
    by = {a.reviewer: a for a in activity}
    print("reviewer\tedits\tarticles\tlast\tholds")
    for name in names:
        a = by.get(name)
        last = a.last.strftime("%Y-%m-%d %H:%M") if a and a.last else "-"
        print(f"{name}\t{a.edits if a else 0}\t{a.articles if a else 0}\t{last}\t"
              f"{' '.join(map(str, sorted(held.get(name, [])))) or '-'}")
    return EXIT_OK


def cmd_sample(args: argparse.Namespace) -> int:
    from gui.cli import opened
    from storage.double_review import choose_sample
    from storage.editing import EditError

    with opened(args) as store:
        try:
            chosen = choose_sample(store, args.share, seed=args.seed)
        except EditError as exc:
            print(f"curator: {exc}", file=sys.stderr)
            return EXIT_FAILED
    print(f"Put {len(chosen)} articles in the double-review sample.")
    return EXIT_OK


def cmd_agreement(args: argparse.Namespace) -> int:
    from gui.cli import opened
    from pipeline.agreement import format_report
    from storage.double_review import report

    with opened(args) as store:
        r = report(store)
    print(json.dumps(asdict(r), ensure_ascii=False, indent=1) if args.json else format_report(r))
    return EXIT_OK


TEAM_HANDLERS = {"reviewers": cmd_reviewers, "sample": cmd_sample, "agreement": cmd_agreement}

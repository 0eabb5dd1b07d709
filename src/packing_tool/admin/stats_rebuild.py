"""`packing-tool stats rebuild`: recompute the packing figures from the session summaries.

It reports every figure of ``Stats/global_stats.json`` and ``Workers/workers.json`` that the
summaries contradict; ``--dry-run`` stops there, ``--check`` also exits 1 when there is any
(for monitoring), otherwise it asks and writes them (previous content kept aside).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from packing_tool.admin.common import EXIT_FAILED, confirm, script_options, share_root
from packing_tool.admin.messages_bg import localise
from packing_tool.admin.stats_compare import (
    Difference,
    profile_differences,
    profile_ids,
    stats_differences,
    write_rebuilt,
)
from packing_tool.admin.stats_files import read_stats_snapshot, read_workers, workers_file
from packing_tool.admin.stats_summaries import Rebuilt, rebuild
from packing_tool.admin.verify_report import relative

KEPT = ("Kept as they are (the summaries cannot know them): the analysis figures "
        "(total_orders_analyzed, by_client.*.orders_analyzed, analysis_history), "
        "packing_history, recorded_ids, the label-print figures, unknown keys, and the "
        "workers' names, active flags and created_at.")
HELP = "recompute the packing figures of the shared statistics from the session summaries"
DESCRIPTION = (
    "Adds up the 'counted' ledger of every session_summary.json under Sessions/ and "
    "Archive/Sessions/ and compares the packing figures of Stats/global_stats.json and the "
    "profile totals of Workers/workers.json with it. Every difference is printed. A physical "
    "order counts once (re-packs and conflicts are left out of 'counted'); an order that two "
    "summaries count (older history) is listed as a DOUBLE COUNT and left as recorded. Without "
    "--dry-run or --check it asks, then writes the rebuilt figures under each file's lock, "
    "keeping the previous content as <file>.before-rebuild-<time>. Run it while no station is "
    "ending a list. " + KEPT)


def add_parser(subcommands: Any) -> None:
    parser = subcommands.add_parser("rebuild", help=HELP, description=DESCRIPTION)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true",
                      help="only report the differences (exit 0)")
    mode.add_argument("--check", action="store_true",
                      help="only report; exit 1 when anything differs (for monitoring)")
    script_options(parser, yes="write without asking")
    parser.set_defaults(run=run)


def _unprofiled(rebuilt: Rebuilt, profiles: set[str]) -> list[dict[str, Any]]:
    return [{"worker_id": wid, "names": sorted(figures.names)}
            for wid, figures in sorted(rebuilt.workers.items())
            if wid not in profiles and (figures.in_stats or figures.profile_sessions)]


def double_count_lines(root: Path, rebuilt: Rebuilt) -> list[str]:
    """One line per order that two or more summaries count (the statistics count it as often)."""
    lines = []
    for twice in rebuilt.double_counted:
        where = ", ".join(relative(root, item.summary.path) for item in twice)
        lines.append(f"DOUBLE COUNT: order {twice[0].number} of client {twice[0].summary.client} "
                     f"is counted in {len(twice)} summaries ({where}); the statistics count it "
                     f"{len(twice)} times. Nothing is changed automatically: the figures follow "
                     "the summaries (see `packing-tool verify`).")
    return lines


def _report(root: Path, rebuilt: Rebuilt, found: list[Difference],
            unprofiled: list[dict[str, Any]]) -> None:
    total = rebuilt.live + rebuilt.archived
    print(f"Read {total} session summaries ({rebuilt.live} under Sessions/, "
          f"{rebuilt.archived} under Archive/Sessions/).")
    for problem in rebuilt.problems:
        print(f"PROBLEM: {problem}")
    for note in rebuilt.notes:
        print(f"Note: {note}")
    for line in double_count_lines(root, rebuilt):
        print(line)
    if found:
        print(f"{len(found)} difference(s) (stored -> rebuilt):")
        for difference in found:
            print(f"  {difference.text()}")
    else:
        print("No differences: the files hold what the summaries add up to.")
    for worker in unprofiled:
        names = ", ".join(worker["names"]) or "no name"
        print(f"Worker {worker['worker_id']} ({names}) is in the summaries but has no profile "
              "in Workers/workers.json; no profile was created.")
    print(KEPT)


def run(args: argparse.Namespace) -> int:
    root = share_root(args)
    stats = read_stats_snapshot(root)  # checked first: a damaged file stops us before reading
    profiles = read_workers(root) if workers_file(root).exists() else None
    rebuilt = rebuild(root)
    found = stats_differences(stats, rebuilt)
    if profiles is not None:
        found += profile_differences(profiles, rebuilt)
    unprofiled = _unprofiled(rebuilt, profile_ids(profiles) if profiles else set())
    result: dict[str, Any] = {
        "summaries": {"sessions": rebuilt.live, "archive": rebuilt.archived},
        "differences": [d.as_dict() for d in found], "problems": rebuilt.problems,
        "notes": rebuilt.notes, "workers_without_profile": unprofiled, "kept": KEPT,
        "double_counted": [
            {"client": twice[0].summary.client, "order_number": twice[0].number,
             "key": twice[0].key, "summaries": [relative(root, i.summary.path) for i in twice]}
            for twice in rebuilt.double_counted],
        "written": []}
    if not args.json:
        _report(root, rebuilt, found, unprofiled)
    code = _decide(args, root, rebuilt, found, result)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    return code


def _decide(args: argparse.Namespace, root: Path, rebuilt: Rebuilt, found: list[Difference],
            result: dict[str, Any]) -> int:
    """Report only, refuse, or write; the exit code."""
    say = (lambda text: None) if args.json else print
    if args.dry_run:
        say("Dry run: nothing was written.")
        return 0
    if args.check:
        return EXIT_FAILED if found or rebuilt.problems else 0
    if not found:
        return EXIT_FAILED if rebuilt.problems else 0
    if rebuilt.problems:
        print("packing-tool stats rebuild: not written while there are problems (above); "
              "fix them first", file=sys.stderr)
        return EXIT_FAILED
    if not confirm(f"Write the {len(found)} rebuilt figure(s)?", assume_yes=args.yes):
        print(localise("Nothing was written."), file=sys.stderr)
        return EXIT_FAILED
    for label, changed, kept in write_rebuilt(root, rebuilt, {d.file for d in found}):
        result["written"].append({"file": label, "changes": len(changed),
                                  "previous_content": str(kept)})
        say(f"Wrote {len(changed)} figure(s) to {label}; its previous content is kept at "
            f"{kept}.")
    return 0

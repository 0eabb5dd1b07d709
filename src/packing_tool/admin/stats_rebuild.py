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
from packing_tool.admin.words import say, shown

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
    "ending a list.")


def add_parser(subcommands: Any) -> None:
    parser = subcommands.add_parser("rebuild", help=say(HELP),
                                    description=f"{say(DESCRIPTION)} {say(KEPT)}")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--dry-run", action="store_true",
                      help=say("only report the differences (exit 0)"))
    mode.add_argument("--check", action="store_true",
                      help=say("only report; exit 1 when anything differs (for monitoring)"))
    script_options(parser, yes=say("write without asking"))
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
        lines.append(say("DOUBLE COUNT: order {number} of client {client} is counted in {n_twice} "
                         "summaries ({where}); the statistics count it {n_twice} times. Nothing "
                         "is changed automatically: the figures follow the summaries (see "
                         "`packing-tool verify`).", number=twice[0].number,
                         client=twice[0].summary.client, n_twice=len(twice), where=where))
    return lines


def _report(root: Path, rebuilt: Rebuilt, found: list[Difference],
            unprofiled: list[dict[str, Any]]) -> None:
    total = rebuilt.live + rebuilt.archived
    print(say("Read {total} session summaries ({live} under Sessions/, {archived} under "
              "Archive/Sessions/).", total=total, live=rebuilt.live, archived=rebuilt.archived))
    for problem in rebuilt.problems:
        print(say("PROBLEM: {problem}", problem=shown(problem)))
    for note in rebuilt.notes:
        print(say("Note: {note}", note=shown(note)))
    for line in double_count_lines(root, rebuilt):
        print(line)
    if found:
        print(say("{n_found} difference(s) (stored -> rebuilt):", n_found=len(found)))
        for difference in found:
            print(f"  {difference.text()}")
    else:
        print(say("No differences: the files hold what the summaries add up to."))
    for worker in unprofiled:
        names = ", ".join(worker["names"]) or say("no name")
        print(say("Worker {worker_id} ({names}) is in the summaries but has no profile in "
                  "Workers/workers.json; no profile was created.", worker_id=worker['worker_id'],
                  names=names))
    print(say(KEPT))


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
    out = (lambda text: None) if args.json else print
    if args.dry_run:
        out(say("Dry run: nothing was written."))
        return 0
    if args.check:
        return EXIT_FAILED if found or rebuilt.problems else 0
    if not found:
        return EXIT_FAILED if rebuilt.problems else 0
    if rebuilt.problems:
        print(say("packing-tool stats rebuild: not written while there are problems (above); fix "
                  "them first"), file=sys.stderr)
        return EXIT_FAILED
    if not confirm(say("Write the {n_found} rebuilt figure(s)?",
                       n_found=len(found)), assume_yes=args.yes):
        print(say("Nothing was written."), file=sys.stderr)
        return EXIT_FAILED
    for label, changed, kept in write_rebuilt(root, rebuilt, {d.file for d in found}):
        result["written"].append({"file": label, "changes": len(changed),
                                  "previous_content": str(kept)})
        out(say("Wrote {n_changed} figure(s) to {label}; its previous content is kept at {kept}.",
                n_changed=len(changed), label=label, kept=kept))
    return 0

"""`packing-tool verify [--repair] [--json] [--yes]`: check every metadata file on the share.

Each file is checked against its schema (docs/metadata.md) and against the files it refers
to; every finding has a severity (error, warning, notice), the file and one line. Exit 0
when there is no error, 1 when errors remain, 2 for bad input. ``--repair`` makes only the
safe fixes (see ``verify_repair``), after asking, then checks again.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from packing_tool.admin.common import (
    EXIT_FAILED,
    AdminError,
    confirm,
    script_options,
    share_root,
    with_progress,
)
from packing_tool.admin.verify_ledger import check_ledger
from packing_tool.admin.verify_links import check_links
from packing_tool.admin.verify_repair import Outcome, carry_out, planned
from packing_tool.admin.verify_report import ERROR, Findings, as_json, render
from packing_tool.admin.verify_shared import (
    check_client,
    check_packing_lists,
    check_session_info,
    check_stats,
    check_workers,
)
from packing_tool.admin.verify_walk import (
    Context,
    SessionFolder,
    check_temp_files,
    clients,
    session_folders,
    work_folders,
)
from packing_tool.admin.verify_work import check_work
from packing_tool.admin.words import say, shown
from packing_tool.storage.discovery import work_names

DESCRIPTION = """\
Check every metadata file under the share root against its schema and against the files
it refers to: Stats/global_stats.json, Workers/workers.json, each client's packer_config.json
and packing_index.json, and in every session (also under Archive/Sessions) session_info.json,
the packing lists, and per list packing_state.json, scan_journal.jsonl, session_summary.json,
.session.lock, an interrupted ending and leftover temp files. Then each client's order
ledger (Sessions/CLIENT_<ID>/order_ledger/): damaged records, claims of stations whose list
lock is gone or stale, recorded conflicts, orders counted in two summaries, and orders the
summaries list that the ledger lacks. Every symbolic link or junction on the share is
listed with where it points (an error when it leads outside the root). Findings are errors,
warnings or notices; exit 0 when there is no error, 1 when errors remain, 2 for bad input.

--repair fixes only what is safe, after asking (--yes answers for scripts), keeping the
original of every file it changes next to it (<file>.before-repair-<time>): it finishes
interrupted endings, removes stale locks, rewrites a damaged packing_state.json from the
scan journal, rebuilds a damaged or outdated packing_index.json, lets the statistics and
worker files' own locked normalisers repair them (restoring from their .bak copy), and
deletes leftover temp files. In the order ledger it releases claims of dead stations (the
record kept as <record>.released-<time>, a line in order_ledger/audit.jsonl), keeps a damaged
record aside (<record>.corrupt-<time>) and rebuilds it from the summaries that list its
order, and backfills the orders the summaries list and the ledger lacks (create only, the
earliest packing counts). Conflicts and double counts are reported, never resolved. It never
changes the Shopify Tool's files. It then checks again and prints what remains.
"""


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "verify", help=say("check every metadata file on the share (--repair fixes what is safe)"),
        description=say(DESCRIPTION), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repair", action="store_true",
                        help=say("fix what is safe to fix (asks first), then check again"))
    script_options(parser, yes=say("repair without asking (for scripts)"))
    parser.set_defaults(run=run)


# --------------------------------------------------------------------------- checking


def check_session(ctx: Context, folder: SessionFolder) -> None:
    f = ctx.findings
    check_session_info(f, folder.path, set(work_names(folder.path)))
    lists = check_packing_lists(f, folder.path)
    check_temp_files(f, folder.path)
    for work_dir in work_folders(folder.path):
        check_work(ctx, folder, work_dir, lists.get(work_dir.name))


def run_checks(root: Path) -> Findings:
    """Check the whole share; progress on stderr (one step per client and per session)."""
    ctx = Context(root, Findings())
    # The shared files first: the session checks use their worker and record ids.
    units: list[Callable[[], None]] = [partial(check_links, ctx)]  # links first: never followed
    units += [partial(check_stats, ctx), partial(check_workers, ctx)]
    units += [partial(check_client, ctx, client) for client in clients(root)]
    folders = session_folders(root)
    units += [partial(check_session, ctx, folder) for folder in folders]
    # The order ledgers last: they are checked against the summaries read on the way.
    ledgers = sorted(set(clients(root)) | {folder.client for folder in folders})
    units += [partial(check_ledger, ctx, client) for client in ledgers]
    for unit in with_progress("verify", units, len(units)):
        unit()
    return ctx.findings


def exit_code(findings: Findings) -> int:
    return EXIT_FAILED if findings.counts()[ERROR] else 0


# --------------------------------------------------------------------------- the command


def _outcome_json(root: Path, outcome: Outcome) -> dict[str, Any]:
    return {"repair": outcome.repair.describe(root), "done": outcome.done,
            "message": outcome.message}


def _checked(root: Path) -> Findings:
    try:
        return run_checks(root)
    except OSError as exc:  # the share went away while it was read
        raise AdminError(say("cannot read the share {root}: {exc}",
                             root=root, exc=exc), EXIT_FAILED) from exc


def run(args: argparse.Namespace) -> int:
    root = share_root(args)
    findings = _checked(root)
    if not args.repair:
        if args.json:
            print(json.dumps(as_json(root, findings), ensure_ascii=False, indent=2))
        else:
            print("\n".join(render(root, findings)))
        return exit_code(findings)
    return _repair(args, root, findings)


def _repair(args: argparse.Namespace, root: Path, before: Findings) -> int:
    repairs = planned(before.repairs())
    out = (lambda _text: None) if args.json else print
    out("\n".join(render(root, before)))
    outcomes: list[Outcome] = []
    if not repairs:
        out("\n" + say("Nothing can be repaired safely."))
    else:
        out("\n" + say("Repairs to make ({n_repairs}):", n_repairs=len(repairs)))
        for repair in repairs:
            out(f"  - {shown(repair.describe(root))}")
        if confirm(say("Make these {n_repairs} repairs?",
                       n_repairs=len(repairs)), assume_yes=args.yes):
            outcomes = carry_out(root, repairs)
        else:
            out(say("Nothing repaired."))
    after = _checked(root) if outcomes else before
    if args.json:
        result = as_json(root, after)
        result["repairs"] = [_outcome_json(root, o) for o in outcomes]
        result["before_repair"] = as_json(root, before)["counts"]
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return exit_code(after)
    if outcomes:
        print("\n" + say("Repairs:"))
        for outcome in outcomes:
            mark = say("done") if outcome.done else say("not done")
            print(f"  {mark:<8} {shown(outcome.repair.describe(root))}: "
                  f"{shown(outcome.message)}")
        print("\n" + say("After repair:"))
        print("\n".join(render(root, after)))
    return exit_code(after)

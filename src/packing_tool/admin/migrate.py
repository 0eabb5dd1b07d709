"""`packing-tool migrate [--dry-run] [--yes] [--json]`: bring older metadata files up to date.

Upgrades session_summary.json and packing_state.json of every list, Workers/workers.json and
Stats/global_stats.json whose version is older than today's, keeping each original next to
it (``<file>.before-migrate-<time>``). A list being packed (live lock) is skipped; the
Shopify Tool's files are never touched; an unreadable file is named and left as it is, the
run goes on and exits 1. A second run changes nothing.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
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
from packing_tool.admin.migrate_files import Candidate, MigrateError, candidates, inspect, upgrade
from packing_tool.admin.verify_report import relative
from packing_tool.admin.words import counted, phrase, say, shown
from packing_tool.storage.error_phrases import own_phrase
from packing_tool.storage.lock_release import current_lock
from packing_tool.storage.session_lock import LockHeldError, SessionLockManager

ACTOR = "packing-tool migrate"
DESCRIPTION = """\
Bring older metadata files of Packing Tool up to the current format: session_summary.json
and packing_state.json of every list (also under Archive/Sessions), Workers/workers.json and
Stats/global_stats.json (the last two in place under their lock, as every writer does).
The original of each file is kept next to it (<file>.before-migrate-<time>). A list being
packed (live lock) is skipped; the Shopify Tool's files are never touched; an unreadable file
is named and left as it is, and the run goes on and exits 1. Files already current are not
written, so a second run changes nothing. Asks before writing (--yes answers for scripts).
"""


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "migrate", help=say("bring older metadata files to the current format (originals kept)"),
        description=say(DESCRIPTION), formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dry-run", action="store_true",
                        help=say("only say what would be upgraded; change nothing"))
    script_options(parser, yes=say("upgrade without asking"))
    parser.set_defaults(run=run)


class Run:
    """What one run found and did, for the report."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.upgraded: list[Candidate] = []
        self.skipped: list[tuple[Candidate, str]] = []
        self.problems: list[tuple[Candidate, str]] = []
        self.current = 0
        self.looked_at = 0

    def show(self, path: Path) -> str:
        return relative(self.root, path)


def _upgrade_list(run: Run, work_dir: Path, files: list[Candidate]) -> None:
    """Upgrade one list's files while holding its lock (a stale lock is left as it is)."""
    manager = SessionLockManager(worker_id=None, worker_name=ACTOR)
    try:
        try:
            manager.acquire(work_dir)
        except LockHeldError as exc:
            if not exc.stale:
                run.skipped += [(c, phrase("the list is locked: {exc}", exc=exc)) for c in files]
                return
        except OSError as exc:
            run.problems += [(c, phrase("the list's lock cannot be taken ({exc})", exc=exc))
                             for c in files]
            return
        for candidate in files:
            _upgrade_one(run, candidate)
    finally:
        manager.close()


def _upgrade_one(run: Run, candidate: Candidate) -> None:
    try:
        if upgrade(candidate):
            run.upgraded.append(candidate)
        else:
            run.current += 1
    except (MigrateError, OSError, ValueError) as exc:
        run.problems.append((candidate, own_phrase(exc) or str(exc)))


def _plan(run: Run, found: list[Candidate]) -> dict[Path | None, list[Candidate]]:
    """Older files grouped by list (None: the shared files); live lists are skipped."""
    groups: dict[Path | None, list[Candidate]] = defaultdict(list)
    for candidate in with_progress("migrate", found, len(found)):
        inspect(candidate)
        if candidate.problem:
            run.problems.append((candidate, candidate.problem))
        elif candidate.older:
            groups[candidate.work_dir].append(candidate)
        else:
            run.current += 1
    for work_dir in [w for w in groups if w is not None]:
        try:
            lock = current_lock(work_dir)
        except OSError as exc:
            why = phrase("its list's lock cannot be read ({exc})", exc=exc)
            run.problems += [(c, why) for c in groups.pop(work_dir)]
            continue
        if lock is not None and not lock.stale:
            held = (lock.info.describe() if lock.valid
                    else phrase("an unreadable lock, not yet stale"))
            run.skipped += [(c, phrase("the list is being packed ({held})", held=held))
                            for c in groups[work_dir]]
            del groups[work_dir]
    return groups


def run(args: argparse.Namespace) -> int:
    root = share_root(args)
    state = Run(root)
    try:
        found = candidates(root)
        state.looked_at = len(found)
        groups = _plan(state, found)
    except OSError as exc:  # the share went away while it was read
        raise AdminError(say("cannot read the share {root}: {exc}",
                             root=root, exc=exc), EXIT_FAILED) from exc
    todo = [c for files in groups.values() for c in files]
    declined = False
    if todo and not args.dry_run:
        if not args.json:
            print(say("{n_todo} files are older than the current format:", n_todo=len(todo)))
            for c in todo:
                print(f"  {state.show(c.path)}: {shown(c.version)} → {c.target}")
        if confirm(say("Upgrade these {n_todo} files (originals are kept)?", n_todo=len(todo)),
                   assume_yes=args.yes):
            for work_dir, files in groups.items():
                if work_dir is None:
                    for candidate in files:
                        _upgrade_one(state, candidate)
                else:
                    _upgrade_list(state, work_dir, files)
        else:
            declined = True
            state.skipped += [(c, phrase("not confirmed; nothing changed")) for c in todo]
    if args.json:
        print(json.dumps(_as_json(state, todo, args.dry_run), ensure_ascii=False, indent=2))
    else:
        print("\n".join(_report(state, todo, args.dry_run)))
    return EXIT_FAILED if state.problems or declined else 0


def _report(run: Run, todo: list[Candidate], dry_run: bool) -> list[str]:
    lines: list[str] = []
    if dry_run and todo:
        lines.append(say("Would upgrade ({n_todo}):", n_todo=len(todo)))
        lines += [f"  {run.show(c.path)}: {shown(c.version)} → {c.target}" for c in todo]
    if run.upgraded:
        lines.append(say("Upgraded ({n_upgraded}):", n_upgraded=len(run.upgraded)))
        for c in run.upgraded:
            kept = (" " + say("(original kept at {path})", path=run.show(c.kept_at))
                    if c.kept_at else "")
            lines.append(f"  {run.show(c.path)}: {shown(c.version)} → {c.target}{kept}")
            lines += ["    " + say("note: {warning}", warning=shown(w)) for w in c.warnings]
    if run.skipped:
        lines.append(say("Skipped ({n_skipped}):", n_skipped=len(run.skipped)))
        lines += [f"  {run.show(c.path)}: {shown(why)}" for c, why in run.skipped]
    if run.problems:
        lines.append(say("Left as they are, could not be read or upgraded ({n_problems}):",
                         n_problems=len(run.problems)))
        lines += [f"  {run.show(c.path)}: {shown(why)}" for c, why in run.problems]
    if not todo and not run.problems and not run.skipped:
        lines.append(say("Nothing to migrate: every file is in the current format."))
    done = len(todo) if dry_run else len(run.upgraded)
    figures = {"files": counted(run.looked_at, "{n} file", "{n} files"), "done": done,
               "current": run.current, "skipped": len(run.skipped),
               "problems": len(run.problems)}
    lines.append(say("{files} looked at: {done} to upgrade, {current} up to date, {skipped} "
                     "skipped, {problems} unreadable or failed", **figures) if dry_run else
                 say("{files} looked at: {done} upgraded, {current} up to date, {skipped} "
                     "skipped, {problems} unreadable or failed", **figures))
    return lines


def _as_json(run: Run, todo: list[Candidate], dry_run: bool) -> dict[str, Any]:
    def item(c: Candidate, **more: Any) -> dict[str, Any]:
        return {"path": run.show(c.path), "from": c.version, "to": c.target, **more}

    return {
        "root": str(run.root), "dry_run": dry_run,
        "would_upgrade": [item(c) for c in todo] if dry_run else [],
        "upgraded": [item(c, kept_at=run.show(c.kept_at) if c.kept_at else None,
                          warnings=c.warnings) for c in run.upgraded],
        "skipped": [{"path": run.show(c.path), "reason": why} for c, why in run.skipped],
        "problems": [{"path": run.show(c.path), "reason": why} for c, why in run.problems],
        "counts": {"looked_at": run.looked_at, "upgraded": len(run.upgraded),
                   "up_to_date": run.current, "skipped": len(run.skipped),
                   "problems": len(run.problems)},
    }

"""`packing-tool restore ARCHIVE`: put a backup's files back on the share, never blindly.

Every file's sha256 is checked before anything is written. A file missing on the share is
restored, an identical one skipped; one that differs is replaced only when the archive's copy
is newer (see ``restore_plan``). If any file on the share is newer, nothing is written unless
``--force``. Every replaced file's current content is kept aside as
``<name>.before-restore-<time>``; the shared files are rewritten in place under their lock.
Zip entries that are not plain files at plain paths (absolute, ``..``, links, devices) refuse
the whole archive. Each target is checked again at the moment it is written (inside the root,
no link: a folder swapped for a link during the prompt gets nothing), and files are copied in
chunks (``restore_write``), so a large file costs little memory.
"""

from __future__ import annotations

import argparse
import json
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
from packing_tool.admin.restore_plan import ChangedError, Step, open_backup, plan_step
from packing_tool.admin.restore_write import apply_step
from packing_tool.admin.words import phrase, say, shown
from packing_tool.storage.error_phrases import own_phrase
from shared.fileio import LockTimeoutError

SHOWN = 40  # lines per kind of action before "... and N more"


def labels() -> dict[str, str]:
    """Each action's word in the report, in the installed language."""
    return {"restore": say("restore"), "replace": say("replace"), "newer": say("NEWER"),
            "archived": say("archived"), "unusable": say("cannot")}


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "restore", help=say("restore a backup made by `packing-tool backup`"),
        description=say("Check a backup zip (manifest and sha256 of every file), then restore "
            "files missing on the share and replace those the archive holds a newer copy of. "
            "If a file on the share is newer than the archive's copy, nothing is written unless "
            "--force. Replaced files are kept aside as <name>.before-restore-<time>."))
    parser.add_argument("archive", type=Path, metavar=say("ARCHIVE"), help=say("the backup zip"))
    parser.add_argument("--dry-run", action="store_true",
                        help=say("only report what would be done"))
    parser.add_argument("--force", action="store_true",
                        help=say("also replace files that are newer on the share"))
    script_options(parser, yes=say("do not ask for confirmation"))
    parser.set_defaults(run=run)


def _show(steps: list[Step]) -> None:
    for action, label in labels().items():
        chosen = [s for s in steps if s.action == action]
        for step in chosen[:SHOWN]:
            print(f"  {label:8} {step.member.rel}  ({shown(step.reason)})")
        if len(chosen) > SHOWN:
            print("  " + say("... and {more} more to {label}", more=len(chosen) - SHOWN,
                             label=label))


def _report(args: argparse.Namespace, result: dict[str, Any], text: str) -> None:
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(text)


def _write(zf: Any, todo: list[Step], force: bool, root: Path, result: dict[str, Any]) -> None:
    """Each file checked again as it is written (links, changes since the plan), streamed."""
    for step in with_progress("restore: " + say("writing"), todo, len(todo)):
        try:
            kept = apply_step(zf, step, force, root)
        except ChangedError as exc:
            result["changed"].append({"path": step.member.rel,
                                      "reason": own_phrase(exc) or str(exc)})
            continue
        except (OSError, LockTimeoutError) as exc:
            result["failed"].append({"path": step.member.rel, "reason": str(exc)})
            continue
        result["restored" if step.action == "restore" else "replaced"].append(
            {"path": step.member.rel, **({"kept_at": str(kept)} if kept else {})})


def run(args: argparse.Namespace) -> int:
    root = share_root(args)
    archive = Path(args.archive)
    zf, manifest, members = open_backup(archive, root)
    with zf:
        try:
            steps = [plan_step(zf, m, root) for m in members]
        except OSError as exc:
            raise AdminError(say("cannot read the share {root}: {exc}",
                                 root=root, exc=exc), EXIT_FAILED) from exc
        if args.force:
            for step in steps:
                if step.action == "newer":
                    step.action, step.reason = "replace", phrase("forced: {reason}",
                                                                 reason=step.reason)
        newer = [s for s in steps if s.action == "newer"]
        todo = [s for s in steps if s.action in ("restore", "replace")]
        result: dict[str, Any] = {
            "archive": str(archive), "root": str(root), "dry_run": args.dry_run,
            "created_at": manifest.get("created_at"), "files": len(steps),
            "identical": sum(s.action == "skip" for s in steps),
            "to_restore": [s.member.rel for s in todo if s.action == "restore"],
            "to_replace": [s.member.rel for s in todo if s.action == "replace"],
            "newer_on_share": [{"path": s.member.rel, "reason": s.reason} for s in newer],
            "archived": [s.member.rel for s in steps if s.action == "archived"],
            "unusable": [{"path": s.member.rel, "reason": s.reason}
                         for s in steps if s.action == "unusable"],
            "restored": [], "replaced": [], "changed": [], "failed": [], "refused": bool(newer)}
        if not args.json:
            print(say("Backup {archive} of {source} made {made}: {n_steps} files, {identical} "
                      "identical on {root}", archive=archive, source=manifest.get('source_root'),
                      made=manifest.get('created_at'), n_steps=len(steps),
                      identical=result['identical'], root=root))
            _show(steps)
        if newer:
            _report(args, result, say("Refused: {n_newer} file(s) on the share are newer than the "
                                      "archive's copies (NEWER above); nothing was written. Use "
                                      "--force to replace them anyway (their current content is "
                                      "kept aside).", n_newer=len(newer)))
            return EXIT_FAILED
        if args.dry_run or not todo:
            _report(args, result, say("Dry run: nothing was written.") if args.dry_run
                    else say("Nothing to restore: the share holds everything the archive does."))
            return EXIT_FAILED if result["unusable"] else 0
        question = say("Write {files} file(s) into {root} ({replaced} replaced, their current "
                       "content kept aside)?", files=len(todo), root=root,
                       replaced=len(result["to_replace"]))
        if not confirm(question, assume_yes=args.yes):
            _report(args, {**result, "cancelled": True}, say("Cancelled: nothing was written."))
            return EXIT_FAILED
        _write(zf, todo, args.force, root, result)
    problems = result["changed"] + result["failed"] + result["unusable"]
    lines = [say("Restored {restored} missing file(s) and replaced {replaced} (kept aside as "
                 "*.before-restore-*); {identical} identical left as they were.",
                 restored=len(result["restored"]), replaced=len(result["replaced"]),
                 identical=result["identical"])]
    lines += ["  " + say("not restored: {path} ({reason})", path=p["path"],
                         reason=shown(p["reason"])) for p in problems]
    _report(args, result, "\n".join(lines))
    return EXIT_FAILED if problems else 0

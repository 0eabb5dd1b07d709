"""`packing-tool archive --older-than DAYS`: move old completed sessions to the archive.

Completed sessions dated more than DAYS days ago move from ``Sessions/CLIENT_<ID>/<session>``
to ``Archive/Sessions/CLIENT_<ID>/<session>`` (or ``--to FOLDER``/``CLIENT_<ID>/<session>``),
unchanged byte for byte, summaries included; the statistics and worker profiles are not
touched. Each session is checked again just before its move; an archived session of the same
name is never overwritten. The moved sessions leave the client's session index.
"""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from packing_tool.admin.archive_move import MoveError, move_session
from packing_tool.admin.archive_select import Candidate, check_session, select
from packing_tool.admin.backup_files import ARCHIVE_FOLDER
from packing_tool.admin.common import (
    EXIT_FAILED,
    AdminError,
    confirm,
    script_options,
    share_root,
    with_progress,
)
from packing_tool.admin.words import Phrase, joined, phrase, say, shown
from packing_tool.storage.discovery import list_clients
from packing_tool.storage.layout import ShareLayout, UnsafeNameError, client_folder_id, inside
from packing_tool.storage.session_index import remove_sessions
from shared.fileio import LockTimeoutError
from shared.timestamps import now


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "archive", help=say("move completed sessions older than N days to the archive"),
        description=say("Retention policy: move every completed session dated more than DAYS "
            "days ago (folder name YYYY-MM-DD_N, else its lists' completed_at) to "
            "<root>/Archive/Sessions/CLIENT_<ID>/<session>/. A session is completed when a list "
            "was opened and every opened list is ended with all orders packed, nothing pending "
            "and no .session.lock. Statistics and worker profiles are not touched."))
    parser.add_argument("--older-than", type=int, required=True, metavar=say("DAYS"),
                        help=say("archive sessions dated more than DAYS days ago"))
    parser.add_argument("--to", type=Path, metavar=say("FOLDER"),
                        help=say("base folder for CLIENT_<ID>/<session> (default: "
                            "<root>/Archive/Sessions)"))
    parser.add_argument("--client", metavar="ID", help=say("only this client (e.g. M)"))
    parser.add_argument("--include-unpacked", action="store_true",
                        help=say(
                            "archive sessions even when some of their lists were never opened"))
    parser.add_argument("--dry-run", action="store_true", help=say("only report what would move"))
    script_options(parser, yes=say("do not ask for confirmation"))
    parser.set_defaults(run=run)


def _clients(layout: ShareLayout, chosen: str | None) -> list[str]:
    if chosen is None:
        return list_clients(layout)
    try:
        bare = client_folder_id(chosen).removeprefix("CLIENT_")
    except UnsafeNameError as exc:
        raise AdminError(say("--client: {exc}", exc=exc)) from None
    if not layout.sessions_dir(bare).is_dir():
        raise AdminError(say("--client {chosen}: there is no folder {sessions_dir}", chosen=chosen,
                             sessions_dir=layout.sessions_dir(bare)))
    return [bare]


def _entry(c: Candidate, **more: Any) -> dict[str, Any]:
    return {"client": c.client, "session": c.session,
            "date": c.day.isoformat() if c.day else None, **more}


def _move_all(layout: ShareLayout, todo: list[tuple[Candidate, Path]], include_unpacked: bool,
              result: dict[str, Any]) -> None:
    moved: dict[str, list[str]] = {}
    for cand, dest in with_progress("archive: " + say("sessions"), todo, len(todo)):
        reasons, _ = check_session(cand.path, include_unpacked=include_unpacked)
        if reasons:  # a station opened it since the check
            result["failed"].append(_entry(cand, reason=phrase(
                "changed since the check: {reasons}", reasons=joined(reasons))))
            continue
        try:
            how = move_session(cand.path, dest)
        except MoveError as exc:
            said = exc.args[0] if exc.args and isinstance(exc.args[0], Phrase) else None
            result["failed"].append(_entry(cand, reason=said or str(exc)))
            continue
        result["moved"].append(_entry(cand, to=str(dest), method=how))
        moved.setdefault(cand.client, []).append(cand.session)
    for client, sessions in moved.items():
        try:
            result["index_entries_removed"] += remove_sessions(layout, client, sessions)
        except (OSError, LockTimeoutError) as exc:
            result["failed"].append({"client": client, "session": None,
                                     "reason": phrase("session index not updated: {exc}",
                                                      exc=exc)})


def _print(result: dict[str, Any]) -> None:
    for item in result["moved"]:
        print(f"  {say('moved'):8} CLIENT_{item['client']}/{item['session']} -> {item['to']}")
    label = say("would move") if result["dry_run"] else say("to move")
    for item in result["to_move"]:
        print(f"  {label:8} CLIENT_{item['client']}/{item['session']} ({item['date']}) "
              f"-> {item['to']}")
    for key, label in (("skipped", say("kept")), ("failed", say("FAILED"))):
        for item in result[key]:
            print(f"  {label:8} CLIENT_{item['client']}/{item['session']}: "
                  f"{shown(item['reason'])}")


def run(args: argparse.Namespace) -> int:
    root = share_root(args)
    if args.older_than < 0:
        raise AdminError(say("--older-than {older_than}: give a number of days (0 or more)",
                             older_than=args.older_than))
    layout = ShareLayout(root)
    base = Path(args.to) if args.to else root / ARCHIVE_FOLDER / "Sessions"
    cutoff = now().date() - timedelta(days=args.older_than)
    try:
        found, recent = select(layout, _clients(layout, args.client), cutoff,
                               include_unpacked=args.include_unpacked)
    except OSError as exc:
        raise AdminError(say("cannot read the share {root}: {exc}",
                             root=root, exc=exc), EXIT_FAILED) from exc
    result: dict[str, Any] = {"root": str(root), "archive": str(base), "dry_run": args.dry_run,
                              "older_than_days": args.older_than, "before": cutoff.isoformat(),
                              "recent": recent, "to_move": [], "moved": [], "skipped": [],
                              "failed": [], "index_entries_removed": 0}
    todo: list[tuple[Candidate, Path]] = []
    for cand in found:
        dest = inside(base, client_folder_id(cand.client), cand.session)
        if cand.reasons:
            result["skipped"].append(_entry(cand, reason=joined(cand.reasons)))
        elif dest.exists():
            result["failed"].append(_entry(cand, reason=phrase(
                "{dest} exists already (not overwritten)", dest=dest)))
        else:
            todo.append((cand, dest))
            result["to_move"].append(_entry(cand, to=str(dest)))
    if not args.json:
        print(say("Sessions of {root} dated before {cutoff}: {n_todo} to archive in {base}, "
                  "{kept} not completed, {recent} more recent", root=root, cutoff=cutoff,
                  n_todo=len(todo), base=base, kept=len(result['skipped']), recent=recent))
        _print(result)
    if todo and not args.dry_run:
        names = ", ".join(f"CLIENT_{c.client}/{c.session}" for c, _ in todo[:20])
        more = say(" and {more} more", more=len(todo) - 20) if len(todo) > 20 else ""
        if not confirm(say("Move {n_todo} session(s) ({names}{more}) to {base}?", n_todo=len(todo),
                           names=names, more=more, base=base),
                       assume_yes=args.yes):
            result["cancelled"] = True
            print(json.dumps(result) if args.json else say("Cancelled: nothing was moved."))
            return EXIT_FAILED
        result["to_move"] = []
        known = len(result["failed"])
        _move_all(layout, todo, args.include_unpacked, result)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    elif not args.dry_run and todo:
        _print({**result, "to_move": [], "skipped": [], "failed": result["failed"][known:]})
        print(say("Moved {moved} session(s); {failed} failed; {removed} session "
                  "index entries removed.", moved=len(result['moved']),
                  failed=len(result['failed']),
                  removed=result['index_entries_removed']))
    return EXIT_FAILED if result["failed"] else 0

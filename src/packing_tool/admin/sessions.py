"""``packing-tool sessions``: every packing list of every client with its live status (list);
the release of a lock whose station stopped is in release.py."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from packing_tool.admin.common import EXIT_FAILED, AdminError, Progress, list_options, share_root
from packing_tool.admin.release import (
    DEFAULT_REASON,
    age_text,
    client_id,
    run_release,
    stale_seconds,
    when_text,
)
from packing_tool.admin.words import say
from packing_tool.storage.discovery import list_clients
from packing_tool.storage.index_rows import STATUS_LABELS, IndexRow, load_rows
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.lock_info import DEFAULT_STALE_SECONDS, LockInfo
from shared.timestamps import now

PROGRESS_FROM = 100  # sessions; fewer are read in well under a second


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "sessions", help=say("list every packing list with its status; release a stale lock"),
        description=say("Without a subcommand: the same as 'sessions list'."))
    _list_options(parser, False)
    parser.set_defaults(run=run_list)
    actions = parser.add_subparsers(dest="sessions_command", metavar=say("ACTION"))
    listing = actions.add_parser(
        "list", help=say("every list of every session (or of one client) with its live status"),
        description=say("Every packing list of every session, as the Session Browser shows "
                        "it: status, worker, station, progress, last activity and the lock's "
                        "holder."))
    _list_options(listing, True)
    listing.set_defaults(run=run_list)
    release = actions.add_parser(
        "release", help=say("release the lock of a list whose station stopped (asks first)"),
        description=say("Show who holds a list's lock; release it when it is stale (its "
                        "heartbeat is old, or its program on this PC is gone). The old lock "
                        "file is kept aside and the release is written to the list's "
                        "lock_history.jsonl."))
    list_options(release)
    release.add_argument("--yes", action="store_true", help=say("do not ask (for scripts)"))
    release.add_argument("--force-live", action="store_true", help=say(
        "release even a live lock: its station stops writing (still asks)"))
    release.add_argument("--reason", default=DEFAULT_REASON, metavar=say("REASON"),
                         help=say("why, for lock_history.jsonl"))
    _stale_option(release, True)
    release.set_defaults(run=run_release)


def _list_options(parser: argparse.ArgumentParser, on_action: bool) -> None:
    # On 'list' the options default to "not given", so 'sessions --client M list' keeps M.
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if on_action else {}
    parser.add_argument("--client", metavar=say("CLIENT"),
                        help=say("only this client (id without CLIENT_)"), **default)
    parser.add_argument("--status", nargs="+", action="extend", metavar="S",
                        help=say("only these statuses: {statuses}", statuses=", ".join(
                            f"{k} ({v})" for k, v in STATUS_LABELS.items())),
                        **default)
    parser.add_argument("--json", action="store_true", help=say("a JSON list of objects"),
                        **default)
    _stale_option(parser, on_action)


def _stale_option(parser: argparse.ArgumentParser, on_action: bool) -> None:
    default = argparse.SUPPRESS if on_action else DEFAULT_STALE_SECONDS
    parser.add_argument("--stale-after", type=float, metavar=say("SECONDS"), default=default,
                        help=say("a lock whose heartbeat is older is stale (default {seconds})",
                                 seconds=f"{DEFAULT_STALE_SECONDS:.0f}"))


# --------------------------------------------------------------------------- list


def _statuses(given: list[str] | None) -> set[str] | None:
    if not given:
        return None
    by_name = {k: k for k in STATUS_LABELS} | {v.lower(): k for k, v in STATUS_LABELS.items()}
    chosen = set()
    for text in given:
        key = by_name.get(text.strip().lower().replace("-", "_"))
        if key is None:
            raise AdminError(say("--status {given} is not one of {statuses}", given=repr(text),
                                 statuses=", ".join(f"{k} ({v})"
                                                    for k, v in STATUS_LABELS.items())))
        chosen.add(key)
    return chosen


def run_list(args: argparse.Namespace) -> int:
    layout = ShareLayout(share_root(args))
    given = getattr(args, "client", None)
    clients = [client_id(layout, given)] if given else list_clients(layout)
    wanted = _statuses(getattr(args, "status", None))
    moment, stale_after = now(), stale_seconds(args)
    rows: list[tuple[str, IndexRow]] = []
    try:
        for client in clients:
            found = load_rows(layout, client, now=moment, stale_after=stale_after,
                              progress=_progress(client))
            rows += [(client, row) for row in found if wanted is None or row.status in wanted]
    except OSError as exc:
        raise AdminError(say("cannot read the sessions on {root}: {exc}",
                             root=layout.root, exc=exc), EXIT_FAILED) from exc
    if getattr(args, "json", False):
        print(json.dumps([_as_json(c, r, moment) for c, r in rows], ensure_ascii=False, indent=1))
    else:
        print(_table([_as_cells(c, r, moment) for c, r in rows]))
    return 0


def _progress(client: str) -> Callable[[int, int], None]:
    """Progress on stderr while a client's sessions are read without an index (first run)."""
    shown: list[Progress] = []

    def step(done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        if not shown:
            shown.append(Progress(say("reading the sessions of client {client}", client=client),
                                  total))
        shown[0].step(done - shown[0].done)
        if done == total:
            shown[0].finish()

    return step


def _as_json(client: str, row: IndexRow, moment: datetime) -> dict[str, Any]:
    lock = None
    if row.lock is not None:
        lock = {**row.lock.to_dict(), "heartbeat_age_seconds": _seconds(row.lock, moment),
                "stale": row.status == "stale"}
    return {"client": client, "session": row.session_id, "list": row.packing_list_name,
            "status": row.status, "label": row.label, "stored_status": row.stored_status,
            "worker_id": row.worker_id, "worker_name": row.worker_name, "station": row.pc_name,
            "total_orders": row.total_orders, "completed_orders": row.completed_orders,
            "skipped_orders": row.skipped_orders, "total_items": row.total_items,
            "packed_items": row.packed_items, "courier": row.courier,
            "created_at": row.created_at, "started_at": row.started_at,
            "updated_at": row.updated_at, "completed_at": row.completed_at,
            "last_activity": _last(row), "lock": lock, "work_dir": str(row.work_dir)}


def _seconds(lock: LockInfo, moment: datetime) -> float | None:
    age = lock.heartbeat_age(moment)
    return None if age == float("inf") else round(age, 1)


def _last(row: IndexRow) -> str | None:
    return row.lock.heartbeat if row.lock is not None else (row.completed_at or row.updated_at)


def _as_cells(client: str, row: IndexRow, moment: datetime) -> list[str]:
    progress = ""
    if row.total_orders is not None:
        progress = f"{row.completed_orders or 0}/{row.total_orders}"
    holder = ""
    if row.lock is not None:
        who = row.lock.worker_name or row.lock.user_name
        holder = f"{row.lock.locked_by} ({who}), {age_text(row.lock.heartbeat_age(moment))}"
    return [client, row.session_id, row.packing_list_name, status_word(row.label),
            row.worker_name or "",
            row.pc_name or "", progress, when_text(row.started_at), when_text(_last(row)),
            holder]


def status_word(label: str) -> str:
    """A list's status (storage's English label) in the installed language."""
    return {"Active": say("Active"), "Stale": say("Stale"), "Paused": say("Paused"),
            "Available": say("Available"), "Incomplete": say("Incomplete"),
            "Abandoned": say("Abandoned"), "Completed": say("Completed")}.get(label, label)


def _table(cells: list[list[str]]) -> str:
    if not cells:
        return say("No packing lists.")
    heads = [say("CLIENT"), say("SESSION"), say("LIST"), say("STATUS"), say("WORKER"),
             say("STATION"), say("PROGRESS"), say("STARTED"), say("LAST ACTIVITY"), say("LOCK")]
    widths = [max(len(c[i]) for c in [heads, *cells]) for i in range(len(heads))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
             for line in [heads, *cells]]
    return "\n".join(lines)



"""What is on the share: clients, their sessions, a session's lists, and how far each list is.

Everything here reads folders other programs fill (formats §13): the Shopify Tool's
session folders, its fork's index and ``.lock`` files, hidden and temporary files, sessions
without ``session_info.json``, a list ``.json`` without its ``.xlsx`` or the reverse. Anything
that is not a plain, safe name is skipped rather than reported. A missing folder is empty;
any other ``OSError`` (an unreachable share) is raised, so a caller never mistakes a share
that is gone for one with nothing on it. A list's progress comes from its work folder: the
summary once it is ended, else its state (or journal); an unreadable file counts as absent.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.orders import FULL_SESSION
from packing_tool.domain.summary import list_done
from packing_tool.storage.journal import JOURNAL_FILENAME
from packing_tool.storage.layout import (
    SESSION_NAME,
    ShareLayout,
    UnsafeNameError,
    client_folder_id,
    safe_name,
)
from packing_tool.storage.ledger_entry import LEDGER_DIR
from packing_tool.storage.list_readers import (
    list_names,
    list_path,
    orders_from,
    read_json_document,
)
from packing_tool.storage.lock_info import LOCK_FILENAME
from packing_tool.storage.state_writer import STATE_FILENAME
from packing_tool.storage.summary_file import SUMMARY_FILENAME
from shared.compat import load_with_compatibility
from shared.timestamps import sort_key, to_iso
from shared.validation import as_count

CLIENT_PREFIX = "CLIENT_"
SESSION_INFO = "session_info.json"
WORK_FOLDER = "packing"


def _subfolders(folder: Path) -> list[str]:
    """Plain names of the real folders directly in ``folder``; [] when it does not exist."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    names = []
    for entry in entries:
        # Hidden, "_" and linked folders are another program's (or lead outside the share).
        if entry.name.startswith((".", "_")) or entry.is_symlink():
            continue
        try:
            if not entry.is_dir():
                continue
            names.append(safe_name(entry.name))
        except (OSError, UnsafeNameError):
            continue
    return names


def list_clients(layout: ShareLayout) -> list[str]:
    """Bare client ids (``M``) with a folder under ``Clients/`` or ``Sessions/``, sorted."""
    ids: set[str] = set()
    for parent in ("Clients", "Sessions"):
        for name in _subfolders(layout.root / parent):
            if not name.startswith(CLIENT_PREFIX):
                continue
            try:
                ids.add(client_folder_id(name).removeprefix(CLIENT_PREFIX))
            except UnsafeNameError:
                continue
    return sorted(ids)


def client_clash(layout: ShareLayout, client_id: str) -> str | None:
    """A message when the client's folders exist in two spellings that differ only in case
    (``CLIENT_M`` and ``CLIENT_m``): on a Windows share they are one folder."""
    wanted = client_folder_id(client_id).casefold()
    for parent in ("Clients", "Sessions"):
        same = [n for n in _subfolders(layout.root / parent) if n.casefold() == wanted]
        if len(same) > 1:
            return (f"{layout.root / parent}: client folders {' and '.join(sorted(same))} "
                    "differ only in case; on a Windows share they are one name, so neither "
                    "is used: merge them")
    return None


def session_date(name: str) -> date | None:
    """The date of a ``YYYY-MM-DD_N`` session folder name; None for any other name."""
    if not SESSION_NAME.fullmatch(name):
        return None
    try:
        return date.fromisoformat(name[:10])
    except ValueError:
        return None


def _dated_order(name: str) -> tuple[str, int]:
    day, number = name.split("_")
    return day, int(number)  # "_10" after "_9"


def list_sessions(layout: ShareLayout, client: str) -> list[str]:
    """Session folder names of ``client``: ``YYYY-MM-DD_N`` newest first, other names after
    (the order ledger's folder is not a session)."""
    names = [n for n in _subfolders(layout.sessions_dir(client)) if n != LEDGER_DIR]
    dated = sorted((n for n in names if session_date(n)), key=_dated_order, reverse=True)
    others = sorted((n for n in names if not session_date(n)), reverse=True)
    return dated + others


def list_work(layout: ShareLayout, client: str, session: str) -> list[str]:
    """The lists of one session: its packing lists, ``full_session`` when the session has an
    analysis, and any work folder whose list file has vanished (its progress still counts)."""
    return work_names(layout.session_dir(client, session))


def work_names(session_dir: Path) -> list[str]:
    """``list_work`` for a session folder already checked by ``ShareLayout``."""
    names = list_names(session_dir)
    if FULL_SESSION not in names and list_path(session_dir, FULL_SESSION).is_file():
        names.append(FULL_SESSION)
    known = set(names)
    orphans = sorted((n for n in _subfolders(session_dir / WORK_FOLDER) if n not in known),
                     key=lambda n: (n.casefold(), n))
    return names + orphans


def read_session_info(layout: ShareLayout, client: str, session: str) -> dict[str, Any] | None:
    """The Shopify Tool's ``session_info.json`` (timestamps with offsets); None when missing,
    unreadable or not a JSON object."""
    try:
        return session_info_in(layout.session_dir(client, session))
    except UnsafeNameError:
        return None


def session_info_in(session_dir: Path) -> dict[str, Any] | None:
    """``read_session_info`` for a session folder already checked by ``ShareLayout``."""
    try:
        return load_with_compatibility(session_dir / SESSION_INFO, kind="session_info")
    except (OSError, ValueError):  # CorruptFileError is a ValueError
        return None


# --------------------------------------------------------------------------- one list


def work_dir_in(session_dir: Path, list_name: str) -> Path:
    """A list's work folder, for reading. Not ``layout.work_dir``: that resolves links at every
    call (about a hundred lstat calls a list), and ``_subfolders`` leaves linked folders out."""
    return session_dir / WORK_FOLDER / safe_name(list_name, "packing list")


def _read_meta(path: Path) -> dict[str, Any] | None:
    try:
        return load_with_compatibility(path)
    except (OSError, ValueError):  # unreadable: the next source down decides the status
        return None


def _list_figures(session_dir: Path, list_name: str) -> dict[str, Any]:
    """Order and unit counts from a ``.json`` list (xlsx would need openpyxl: too slow here)."""
    # The name came from this folder's own listing: no second scan or path resolution.
    path = (list_path(session_dir, FULL_SESSION) if list_name == FULL_SESSION
            else session_dir / "packing_lists" / f"{list_name}.json")
    try:
        data = read_json_document(path)
    except (OSError, ValueError):
        return {}  # an xlsx-only list, or an unreadable one: no counts
    raw = data.get("orders") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        return {}  # not a packing list: the list's own reader will say why when opened
    orders, _ = orders_from(raw, path.name, [])
    couriers = {order.courier for order in orders if order.courier}
    return {"total_orders": len(orders),
            "total_items": sum(line.quantity for order in orders for line in order.lines),
            "courier": couriers.pop() if len(couriers) == 1 else None}


def _journal_start(path: Path) -> dict[str, Any]:
    """When and by whom packing began: the journal's first event."""
    try:
        with open(path, "rb") as fh:
            first = json.loads(fh.readline(1 << 16).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(first, dict):
        return {}
    return {"started_at": first.get("at"), "worker_id": first.get("worker_id"),
            "worker_name": first.get("worker_name")}


def _work_figures(work_dir: Path) -> dict[str, Any]:
    """Status and progress from a work folder: its summary, else its state or journal."""
    try:
        files = {entry.name: entry for entry in os.scandir(work_dir)}
    except (FileNotFoundError, NotADirectoryError):
        return {"status": "available"}
    summary = _read_meta(work_dir / SUMMARY_FILENAME) if SUMMARY_FILENAME in files else None
    if summary is not None:
        conflicts = summary.get("conflict_orders")
        return {**{k: summary.get(k) for k in (
            "worker_id", "worker_name", "pc_name", "started_at", "completed_at",
            "duration_seconds", "total_orders", "completed_orders", "total_items",
            "packed_items")},
            "status": "completed" if list_done(summary) else "incomplete",
            "packed_elsewhere_orders": as_count(summary.get("packed_elsewhere_count")),
            "conflict_orders": len(conflicts) if isinstance(conflicts, list) else None,
            "updated_at": summary.get("completed_at"),
            "skipped_orders": summary.get("skipped_orders_count")}
    if STATE_FILENAME not in files and JOURNAL_FILENAME not in files:
        return {"status": "available"}
    figures: dict[str, Any] = {"status": "in_progress" if LOCK_FILENAME in files else "paused"}
    state = _read_meta(work_dir / STATE_FILENAME) if STATE_FILENAME in files else None
    if state is not None:
        progress = state.get("progress") or {}
        figures.update({k: state.get(k) for k in ("worker_id", "worker_name", "pc_name",
                                                  "started_at")},
                       updated_at=state.get("last_updated"),
                       skipped_orders=len(state.get("skipped_orders") or ()),
                       **{k: progress.get(k) for k in ("total_orders", "completed_orders",
                                                       "total_items", "packed_items")})
    elif JOURNAL_FILENAME in files:
        figures.update(_journal_start(work_dir / JOURNAL_FILENAME))
    with contextlib.suppress(KeyError, OSError):  # the journal grows at every scan
        touched = datetime.fromtimestamp(files[JOURNAL_FILENAME].stat().st_mtime).astimezone()
        if sort_key(figures.get("updated_at")) < touched.timestamp():
            figures["updated_at"] = to_iso(touched)
    return figures


def list_progress(session_dir: Path, list_name: str) -> dict[str, Any]:
    """What the folders say about one list: ``status`` (available, paused, in_progress,
    completed or incomplete) and whatever figures and names they hold (never None)."""
    found = (_list_figures(session_dir, list_name),
             _work_figures(work_dir_in(session_dir, list_name)))  # the work folder wins
    return {k: v for figures in found for k, v in figures.items() if v is not None}

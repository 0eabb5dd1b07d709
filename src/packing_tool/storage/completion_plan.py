"""The plan of ending a list (``completion`` runs it): the summary to write and, per worker,
the figures to add, each with a record id, worked out from the list's previous summary and
its ``counted`` ledger (what the statistics were already given). The same inputs always give
the same records and ids. ``completion`` re-exports every name here."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.summary import list_done
from packing_tool.storage.packing_session import PackingSession
from packing_tool.storage.summary_file import SUMMARY_FILENAME, session_summary
from shared import fileio

PLAN_VERSION = "1.1"  # 1.1: the summary is in session_summary.json.pending, not in the plan
FIGURES = ("orders", "items", "seconds")


def previous_summary(work_dir: Path) -> dict[str, Any] | None:
    """The list's ``session_summary.json``; None if there is none (or it is not an object).

    A garbled file raises ``fileio.CorruptFileError`` (a ``ValueError``) naming it.
    """
    path = work_dir / SUMMARY_FILENAME
    try:
        data = fileio.read_json_file(path)
    except FileNotFoundError:
        return None
    except fileio.CorruptFileError:
        raise  # names the file already
    except ValueError as exc:  # the parser's message alone does not say which file
        raise fileio.CorruptFileError(path, f"not valid JSON ({exc})", None) from exc
    return data if isinstance(data, dict) else None


def counted_figures(previous: dict[str, Any] | None) -> dict[str, Any]:
    """The ``counted`` ledger of a list's summary: what the statistics were given for it.

    Always holds ``completions``, ``workers``, ``session_worker`` and ``sessions_given``;
    older ledgers and summaries get the last two by the best guess available.
    """
    counted = (previous or {}).get("counted")
    if not isinstance(counted, dict):
        # A summary from before ledgers (or the older packer): its figures were counted.
        if previous is None:
            return {"completions": 0, "workers": {}, "session_worker": None,
                    "sessions_given": []}
        worker = previous.get("worker_id")
        figures = {"orders": int(previous.get("completed_orders") or 0),
                   "items": int(previous.get("packed_items") or 0),
                   "seconds": float(previous.get("duration_seconds") or 0.0)}
        counted = {"completions": 1, "workers": {worker: figures} if worker else {}}
    counted = dict(counted)
    if "session_worker" not in counted:
        # Older ledgers did not say: the summary's main worker is the best guess.
        counted["session_worker"] = (previous or {}).get("worker_id")
    if not isinstance(counted.get("sessions_given"), list):
        workers = counted.get("workers") or {}
        counted["sessions_given"] = sorted(
            wid for wid, figures in workers.items()
            if any(float(figures.get(k) or 0) for k in FIGURES))
    return counted


def build_plan(session: PackingSession, completed_at: datetime, ender: tuple[str, str],
               known_workers: set[str]) -> dict[str, Any] | None:
    """What ending ``session`` now must write; None when nothing changed since the last end.

    ``ender`` is (worker_id, name) of who ends it: on a first end they carry the session
    count. ``known_workers`` are the ids in workers.json (others get no profile update).
    """
    return plan_for(previous_summary(session.work_dir), session_summary(session, completed_at),
                    ender, known_workers, session.station)


def plan_for(previous: dict[str, Any] | None, summary: dict[str, Any], ender: tuple[str, str],
             known_workers: set[str], station: str) -> dict[str, Any] | None:
    """The plan that takes a list from its ``previous`` summary to ``summary`` (whose
    ``counted`` it sets); the same inputs always give the same records and ids."""
    counted = counted_figures(previous)
    given = set(counted["sessions_given"])
    number = int(counted.get("completions", 0)) + 1
    first = number == 1
    ids = (str(summary["client_id"]), str(summary["session_id"]),
           str(summary["packing_list_name"]))
    before_all: dict[str, dict[str, float]] = counted.get("workers") or {}
    after_all = {k: dict(v) for k, v in before_all.items()}
    records = []
    workers = sorted(summary["workers"], key=lambda w: (w["worker_id"] != ender[0],
                                                        w["worker_id"]))
    for worker in workers:
        wid = worker["worker_id"]
        now = {"orders": worker["orders_completed"], "items": worker["units_packed"],
               "seconds": float(worker.get("active_seconds") or 0.0)}
        before = before_all.get(wid, {})
        delta = {k: max(0.0, now[k] - float(before.get(k, 0))) for k in FIGURES}
        after_all[wid] = {k: max(now[k], before.get(k, 0)) for k in FIGURES}
        if delta["orders"] or delta["items"]:
            records.append(_record(ids, number, wid, worker["worker_name"], delta,
                                   new_worker=wid not in given))
    if not records and not first:
        return None
    if not records:  # ended with nothing packed: still one session, credited to the ender
        records.append(_record(ids, number, ender[0], ender[1],
                               dict.fromkeys(FIGURES, 0.0), new_worker=ender[0] not in given))
    for index, record in enumerate(records):
        record["global_sessions"] = 1 if first and index == 0 else 0
        record["profile"] = record["worker_id"] in known_workers
    checks = {key: int(summary.get(f"{key}_count") or 0)
              for key in ("second_checks", "second_checks_skipped")}
    if any(checks.values()):  # the list's second checks so far, on the ending's first record
        records[0]["checks"] = checks
    given.update(r["worker_id"] for r in records if r["worker_sessions"])
    summary["counted"] = {
        "completions": number, "workers": after_all,
        "session_worker": records[0]["worker_id"] if first else counted["session_worker"],
        "sessions_given": sorted(given)}
    progress = list_done(summary)
    return {
        "version": PLAN_VERSION, "client_id": ids[0], "session_id": ids[1],
        "list_name": ids[2], "summary": summary, "records": records,
        "progress": {"status": "completed" if progress else "incomplete",
                     "completed_at": summary["completed_at"],
                     "worker_id": summary["worker_id"], "worker_name": summary["worker_name"],
                     "pc_name": station, "completed_orders": summary["completed_orders"],
                     "total_orders": summary["total_orders"]},
    }


def _record(ids: tuple[str, str, str], number: int, worker_id: str, name: str,
            delta: dict[str, float], *, new_worker: bool) -> dict[str, Any]:
    return {"record_id": f"{ids[0]}/{ids[1]}/{ids[2]}/{number}/{worker_id}",
            "worker_id": worker_id, "worker_name": name, "orders": int(delta["orders"]),
            "items": int(delta["items"]), "seconds": round(delta["seconds"], 1),
            "worker_sessions": 1 if new_worker else 0}

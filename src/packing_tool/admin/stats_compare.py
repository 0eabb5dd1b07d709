"""Comparing the rebuilt packing figures with the two shared files, and writing them.

Only the figures the session summaries determine are compared or written; everything else
in the files (analysis figures, histories, record ids, label printing, names, unknown keys)
is left exactly as it is. Writes hold each file's lock (``shared.fileio.locked_json_update``,
as ``StatsManager`` and ``WorkerManager`` do) and keep the previous content aside first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packing_tool.admin.common import EXIT_FAILED, AdminError
from packing_tool.admin.stats_files import STATS_LABEL, WORKERS_LABEL, stats_file, workers_file
from packing_tool.admin.stats_summaries import Rebuilt, WorkerFigures
from packing_tool.admin.words import say
from shared import fileio
from shared.stats_schema import default_stats, normalise_stats
from shared.timestamps import now_iso
from shared.validation import keep_invalid
from shared.worker_manager import WorkerProfile, default_workers, normalise_workers

BACKUP_LABEL = "before-rebuild"


@dataclass(frozen=True)
class Difference:
    file: str  # STATS_LABEL or WORKERS_LABEL
    path: tuple[str, ...]  # stats: keys; workers: ("workers", worker_id, field)
    stored: Any
    rebuilt: Any
    tolerance: float = 0.0

    @property
    def key(self) -> str:
        if self.file == WORKERS_LABEL:
            return f"workers[{self.path[1]}].{self.path[2]}"
        return ".".join(self.path)

    def text(self) -> str:
        stored = "(missing)" if self.stored is None else repr_value(self.stored)
        return f"{self.file}: {self.key}: {stored} -> {repr_value(self.rebuilt)}"

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "key": self.key, "stored": self.stored,
                "rebuilt": self.rebuilt}


def repr_value(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _same(stored: Any, rebuilt: float, tolerance: float) -> bool:
    if stored is None:
        stored = 0  # a counter never written is zero
    if isinstance(stored, bool) or not isinstance(stored, (int, float)):
        return False
    return abs(stored - rebuilt) <= tolerance + 1e-9


def _lookup(doc: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = doc
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _seconds(figures: WorkerFigures) -> float:
    return round(figures.seconds, 1)


def stats_differences(doc: dict[str, Any], rebuilt: Rebuilt) -> list[Difference]:
    """Every packing figure of a normalised ``global_stats.json`` that the summaries contradict."""
    targets: list[tuple[tuple[str, ...], float, float]] = [
        (("total_orders_packed",), rebuilt.orders, 0.0),
        (("total_items_packed",), rebuilt.items, 0.0),
        (("total_sessions",), rebuilt.sessions, 0.0),
    ]
    stored_clients = doc["by_client"] if isinstance(doc.get("by_client"), dict) else {}
    for client in sorted(set(rebuilt.clients) | set(stored_clients)):
        figures = rebuilt.clients.get(client)
        orders, items, sessions = ((figures.orders, figures.items, figures.sessions)
                                   if figures else (0, 0, 0))
        targets += [(("by_client", client, "orders_packed"), orders, 0.0),
                    (("by_client", client, "sessions"), sessions, 0.0),
                    (("clients", client, "items_packed"), items, 0.0)]
    stored_workers = doc["workers"] if isinstance(doc.get("workers"), dict) else {}
    counted = {wid for wid, figures in rebuilt.workers.items() if figures.in_stats}
    for wid in sorted(counted | set(stored_workers)):
        worker = rebuilt.workers.get(wid, WorkerFigures())
        targets += [(("workers", wid, "orders_packed"), worker.orders, 0.0),
                    (("workers", wid, "items_packed"), worker.items, 0.0),
                    (("workers", wid, "sessions"), worker.global_sessions, 0.0),
                    (("workers", wid, "duration_seconds"), _seconds(worker), worker.tolerance)]
    found = []
    for path, value, tolerance in targets:
        stored = _lookup(doc, path)
        if not _same(stored, value, tolerance):
            found.append(Difference(STATS_LABEL, path, stored, value, tolerance))
    return found


def profile_differences(doc: dict[str, Any], rebuilt: Rebuilt) -> list[Difference]:
    """Every lifetime total of a normalised ``workers.json`` that the summaries contradict."""
    found = []
    for entry in doc["workers"]:
        wid = entry["id"]
        worker = rebuilt.workers.get(wid, WorkerFigures())
        for key, value, tolerance in (
                ("total_orders", worker.orders, 0.0), ("total_items", worker.items, 0.0),
                ("total_sessions", worker.profile_sessions, 0.0),
                ("total_duration_seconds", _seconds(worker), worker.tolerance)):
            if not _same(entry.get(key), value, tolerance):
                found.append(Difference(WORKERS_LABEL, ("workers", wid, key), entry.get(key),
                                        value, tolerance))
    return found


def profile_ids(doc: dict[str, Any]) -> set[str]:
    return {entry["id"] for entry in doc["workers"]}


def _set(doc: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    holder = doc
    for key in path[:-1]:
        inner = holder.get(key)
        if not isinstance(inner, dict):
            if inner is not None:
                keep_invalid(holder, key, inner)
            inner = holder[key] = {}
        holder = inner
    holder[path[-1]] = value


def _apply_stats(doc: dict[str, Any], rebuilt: Rebuilt, found: list[Difference]) -> None:
    for difference in found:
        if difference.path[0] == "workers" and difference.path[1] not in doc["workers"]:
            names = sorted(rebuilt.workers.get(difference.path[1], WorkerFigures()).names)
            doc["workers"][difference.path[1]] = {"name": names[0]} if names else {}
        _set(doc, difference.path, difference.rebuilt)
    normalise_stats(doc)  # the clients' copies of the by_client counters follow


def _apply_profiles(doc: dict[str, Any], found: list[Difference]) -> None:
    changes: dict[str, dict[str, Any]] = {}
    for difference in found:
        changes.setdefault(difference.path[1], {})[difference.path[2]] = difference.rebuilt
    entries = []
    for entry in doc["workers"]:
        if entry["id"] not in changes:
            entries.append(entry)
            continue
        profile = WorkerProfile.from_dict(entry)
        for key, value in changes[entry["id"]].items():
            setattr(profile, key, value)
        profile.recompute()  # the averages and rates follow the totals
        entries.append(profile.to_dict())
    doc["workers"] = entries


Compare = Callable[[dict[str, Any], Rebuilt], list[Difference]]
Apply = Callable[[dict[str, Any], list[Difference]], None]


def _write_one(path: Path, rebuilt: Rebuilt, compare: Compare, apply: Apply,
               **how: Any) -> tuple[list[Difference], Path | None]:
    def mutate(doc: dict[str, Any]) -> tuple[list[Difference], Path | None]:
        found = compare(doc, rebuilt)  # again, under the lock: the file may have moved on
        if not found:
            return found, None
        kept = fileio.keep_aside(path, fileio.dumps(doc).encode("utf-8"), BACKUP_LABEL)
        apply(doc, found)
        doc["last_updated"] = now_iso()
        return found, kept

    try:
        return fileio.locked_json_update(path, mutate, **how)
    except fileio.LockTimeoutError as exc:
        raise AdminError(say("{exc}; try again", exc=exc), EXIT_FAILED) from exc
    except OSError as exc:
        raise AdminError(say("cannot write {path}: {exc}",
                             path=path, exc=exc), EXIT_FAILED) from exc


def write_rebuilt(root: Path, rebuilt: Rebuilt,
                  files: set[str]) -> list[tuple[str, list[Difference], Path]]:
    """Write the rebuilt figures into ``files`` (labels), each under its lock; returns, per
    file written, what changed and where its previous content was kept."""
    written = []
    if STATS_LABEL in files:
        found, kept = _write_one(
            stats_file(root), rebuilt, stats_differences,
            lambda doc, found: _apply_stats(doc, rebuilt, found),
            default=default_stats, normalise=normalise_stats)
        if kept is not None:
            written.append((STATS_LABEL, found, kept))
    if WORKERS_LABEL in files and workers_file(root).exists():  # profiles are never created
        found, kept = _write_one(
            workers_file(root), rebuilt, profile_differences, _apply_profiles,
            default=default_workers, normalise=normalise_workers)
        if kept is not None:
            written.append((WORKERS_LABEL, found, kept))
    return written

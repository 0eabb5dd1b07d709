"""The packing figures the session summaries on the share add up to, for `stats rebuild`.

Each ended list's ``session_summary.json`` carries ``counted``: exactly what completion gave
the shared statistics for it (see ``storage.completion.counted_figures``, which also reads
older ledgers and summaries without one). Summed over every summary, live and archived,
those ledgers are what ``global_stats.json`` and ``workers.json`` should hold.

The order ledger's rule is that a physical order counts once. Summaries written with it
leave re-packs (``repack_reason``) and conflicts (``also_packed``) out of ``counted``; a
summary without ``counted`` that marks such orders has them taken off its figures. Older
summaries may still count an order another summary counts too: the statistics hold that
double count, so the rebuild keeps it (it must agree with what was recorded) and lists each
such order in ``double_counted`` for the supervisor; nothing is changed automatically.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packing_tool.admin.common import with_progress
from packing_tool.admin.summary_orders import Listing, SummaryDoc, double_counts, uncounted
from packing_tool.admin.words import phrase, say
from packing_tool.storage.completion import PLAN_FILENAME, counted_figures, previous_summary
from packing_tool.storage.discovery import list_clients, list_sessions, work_dir_in, work_names
from packing_tool.storage.layout import ShareLayout, UnsafeNameError
from packing_tool.storage.summary_file import SUMMARY_FILENAME

ARCHIVE = "Archive"
ROUNDING = 0.05  # completion rounds each record's seconds to 0.1


@dataclass(frozen=True)
class SummaryFile:
    client: str
    session: str
    list_name: str
    path: Path
    archived: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return self.client, self.session, self.list_name


@dataclass
class WorkerFigures:
    orders: int = 0
    items: int = 0
    seconds: float = 0.0
    completions: int = 0  # completions that may have added seconds: bounds the rounding
    global_sessions: int = 0  # lists whose session global_stats.json credits to the worker
    profile_sessions: int = 0  # lists that gave the worker's profile a session
    names: set[str] = field(default_factory=set)

    @property
    def in_stats(self) -> bool:
        """Completion gave ``global_stats.json`` a record for this worker."""
        return bool(self.orders or self.items or self.seconds or self.global_sessions)

    @property
    def tolerance(self) -> float:
        return max(1.0, ROUNDING * self.completions)


@dataclass
class ClientFigures:
    orders: int = 0
    items: int = 0
    sessions: int = 0


@dataclass
class Rebuilt:
    clients: dict[str, ClientFigures] = field(default_factory=dict)
    workers: dict[str, WorkerFigures] = field(default_factory=dict)
    live: int = 0
    archived: int = 0
    problems: list[str] = field(default_factory=list)  # writing is refused while there are any
    notes: list[str] = field(default_factory=list)
    double_counted: list[list[Listing]] = field(default_factory=list)  # one order, 2+ counts

    @property
    def orders(self) -> int:
        return sum(c.orders for c in self.clients.values())

    @property
    def items(self) -> int:
        return sum(c.items for c in self.clients.values())

    @property
    def sessions(self) -> int:
        return sum(c.sessions for c in self.clients.values())

    def worker(self, worker_id: str) -> WorkerFigures:
        return self.workers.setdefault(worker_id, WorkerFigures())


def summary_files(root: Path) -> tuple[list[SummaryFile], list[str]]:
    """Every ended list's summary under ``Sessions/`` and ``Archive/Sessions/``, and notes on
    lists found in both (counted once, from ``Sessions/``)."""
    found: dict[tuple[str, str, str], SummaryFile] = {}
    notes: list[str] = []
    for base, archived in ((root, False), (root / ARCHIVE, True)):
        layout = ShareLayout(base)
        for client in list_clients(layout):
            for session in list_sessions(layout, client):
                try:
                    session_dir = layout.session_dir(client, session)
                except UnsafeNameError:
                    continue  # a linked folder leading off the share: not ours to count
                for name in work_names(session_dir):
                    path = work_dir_in(session_dir, name) / SUMMARY_FILENAME
                    if not path.is_file():
                        continue
                    entry = SummaryFile(client, session, name, path, archived)
                    if entry.key in found:
                        notes.append(phrase("{path} is also under Sessions/ (archived "
                                            "twice?); counted once, from {counted}", path=path,
                                            counted=found[entry.key].path))
                        continue
                    found[entry.key] = entry
    return list(found.values()), notes


def rebuild(root: Path) -> Rebuilt:
    """Add up the ledgers of every summary on the share (progress on stderr)."""
    files, notes = summary_files(root)
    result = Rebuilt(notes=notes)
    read: list[SummaryDoc] = []
    for entry in with_progress(say("reading session summaries"), files, len(files)):
        if (entry.path.parent / PLAN_FILENAME).exists():
            result.problems.append(phrase(
                "{path}: an ending was interrupted and is not finished (open the list or start "
                "the app on a station to finish it, then rebuild)", path=entry.path.parent))
        try:
            summary = previous_summary(entry.path.parent)
            if summary is None:
                raise ValueError(phrase("not a JSON object"))
            _add(result, entry, summary)
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            result.problems.append(phrase("{path}: unreadable ({exc}); not counted",
                                          path=entry.path, exc=exc))
            continue
        read.append(SummaryDoc(entry.client, entry.session, entry.list_name, entry.path,
                               summary, entry.archived))
        if entry.archived:
            result.archived += 1
        else:
            result.live += 1
    result.double_counted = double_counts(read)
    return result


def _add(result: Rebuilt, entry: SummaryFile, summary: dict[str, Any]) -> None:
    counted = counted_figures(summary)
    if not isinstance(summary.get("counted"), dict):  # its figures: every completed order
        orders, units = uncounted(summary)
        for values in (counted.get("workers") or {}).values():
            values["orders"] = max(0, int(values.get("orders") or 0) - orders)
            values["items"] = max(0, int(values.get("items") or 0) - units)
    completions = int(counted.get("completions") or 0)
    if completions < 1:
        return
    figures: list[tuple[str, int, int, float]] = []
    for wid, values in (counted.get("workers") or {}).items():
        figures.append((str(wid), int(values.get("orders") or 0), int(values.get("items") or 0),
                        float(values.get("seconds") or 0.0)))
    given = [str(w) for w in counted["sessions_given"]]
    session_worker = counted["session_worker"]
    # Everything is read before anything is added: a bad ledger adds nothing.
    client = result.clients.setdefault(entry.client, ClientFigures())
    client.sessions += 1
    for wid, orders, items, seconds in figures:
        worker = result.worker(wid)
        worker.orders += orders
        worker.items += items
        worker.seconds += seconds
        if orders or items or seconds:
            worker.completions += completions
        client.orders += orders
        client.items += items
    if session_worker:
        result.worker(str(session_worker)).global_sessions += 1
    for wid in given:
        result.worker(wid).profile_sessions += 1
    _names(result, summary)


def _names(result: Rebuilt, summary: dict[str, Any]) -> None:
    people = [summary, *(w for w in summary.get("workers") or () if isinstance(w, dict))]
    for person in people:
        wid, name = person.get("worker_id"), person.get("worker_name")
        if isinstance(wid, str) and wid in result.workers and isinstance(name, str) and name:
            result.workers[wid].names.add(name)

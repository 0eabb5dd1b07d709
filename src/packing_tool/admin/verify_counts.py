"""`verify`: the completed counts packing_state.json and session_summary.json give, against a
replay of the list's scan journal (the truth) at the event each says it reflects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from packing_tool.admin.verify_report import Findings, Repair
from packing_tool.admin.verify_walk import LIVE
from packing_tool.admin.words import phrase
from packing_tool.domain.barcodes import order_key
from packing_tool.domain.events import ScanEvent
from packing_tool.domain.orders import PackingList
from packing_tool.domain.packer import PackerLogic
from packing_tool.storage.journal import JOURNAL_FILENAME
from packing_tool.storage.state_writer import STATE_FILENAME
from packing_tool.storage.summary_file import SUMMARY_FILENAME
from shared.compat import upgrade_packing_state
from shared.validation import as_count


def _completed_at(packing_list: PackingList, events: list[ScanEvent],
                  seqs: set[int]) -> dict[int, int]:
    """Orders completed after each event in ``seqs`` (0: before any); raises ValueError."""
    logic = PackerLogic(packing_list, order_key=order_key, resolve_item=lambda _: frozenset())
    marks = {0: 0}
    for event in events:
        logic.apply(event)
        if event.seq in seqs:
            marks[event.seq] = logic.progress.orders_complete
    return marks


def compare(f: Findings, work_dir: Path, packing_list: PackingList, events: list[ScanEvent],
            state: dict[str, Any] | None, summary: dict[str, Any] | None, lock: str) -> None:
    """``lock`` is the list's lock state; a list being packed is allowed to be ahead."""
    last = events[-1].seq if events else 0
    at_state = as_count((state or {}).get("last_seq"))
    at_summary = as_count((summary or {}).get("last_seq"))
    seqs = {last} | {s for s in (at_state, at_summary) if s is not None}
    try:
        marks = _completed_at(packing_list, events, seqs)
    except ValueError as exc:
        f.error(work_dir / JOURNAL_FILENAME, phrase("does not fit the packing list ({exc})",
                                                    exc=exc))
        return
    state_path, summary_path = work_dir / STATE_FILENAME, work_dir / SUMMARY_FILENAME
    regen = Repair("regenerate_state", state_path) if lock != LIVE else None
    if state is not None and at_state is not None:
        given = as_count((state.get("progress") or {}).get("completed_orders")
                         if isinstance(state.get("progress"), dict) else None)
        if at_state > last:
            f.error(state_path, phrase("reflects journal event {at_state}, but the journal ends "
                                       "at event {last}", at_state=at_state, last=last), regen)
        elif given != marks[at_state]:
            f.error(state_path, phrase("progress.completed_orders is {given}, the journal has "
                                       "{marks} at event {at_state}", given=given,
                                       marks=marks[at_state], at_state=at_state), regen)
        elif at_state < last and lock != LIVE:
            f.notice(state_path, phrase("behind the journal (event {at_state} of {last}); it is "
                                        "rewritten when the list is next opened", at_state=at_state,
                                        last=last))
    if summary is not None and at_summary is not None:
        given = as_count(summary.get("completed_orders"))
        if at_summary > last:
            f.error(summary_path, phrase("reflects journal event {at_summary}, but the journal "
                                         "ends at event {last}", at_summary=at_summary, last=last))
        elif given != marks[at_summary]:
            f.error(summary_path, phrase("completed_orders is {given}, the journal has {marks} at "
                                         "event {at_summary}", given=given, marks=marks[at_summary],
                                         at_summary=at_summary))
        elif marks[last] > marks[at_summary] and lock != LIVE:
            f.notice(summary_path, phrase("{more} more orders were completed after the list was "
                                          "ended; end it again to count them",
                                          more=marks[last] - marks[at_summary]))


def older_pair(f: Findings, work_dir: Path, state: dict[str, Any],
                summary: dict[str, Any]) -> None:
    """Without a journal (the older packer), the state and the summary must still agree."""
    progress = upgrade_packing_state(state)["progress"]
    done = as_count(summary.get("completed_orders"))
    if done is not None and progress["completed_orders"] != done:
        f.warning(work_dir / SUMMARY_FILENAME,
                  phrase("completed_orders is {done}, packing_state.json has {completed_orders}",
                         done=done, completed_orders=progress['completed_orders']))

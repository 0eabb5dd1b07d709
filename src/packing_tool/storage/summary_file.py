"""``session_summary.json``: the domain's summary plus metrics, validated, written once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.packer import PackerLogic
from packing_tool.domain.phrase import phrase
from packing_tool.domain.summary import build_summary
from packing_tool.storage.lock_info import user_name
from packing_tool.storage.packing_session import PackingSession
from packing_tool.storage.reports import write_report
from shared import fileio
from shared.metadata_utils import calculate_session_metrics, session_summary_errors

SUMMARY_FILENAME = "session_summary.json"


class SummaryError(ValueError):
    """The summary built for a list does not pass the schema check (a bug, never data loss)."""


@dataclass(frozen=True)
class SummaryMeta:
    """What ``build_summary`` needs besides the logic."""

    session_id: str
    client_id: str
    packing_list_name: str
    packing_list_path: str = ""
    session_type: str = "shopify"
    worker_pc: str = ""
    user_name: str = ""
    started_at: datetime | None = None
    completed_at: datetime | None = None


def summary_with_metrics(logic: PackerLogic, meta: SummaryMeta, completed_at: datetime,
                         conflicts: dict[str, str] | None = None) -> dict[str, Any]:
    """The one builder's summary with the shared metrics (the caller holds the logic still)."""
    summary = build_summary(
        logic, session_id=meta.session_id, client_id=meta.client_id,
        packing_list_name=meta.packing_list_name, packing_list_path=meta.packing_list_path,
        session_type=meta.session_type, worker_pc=meta.worker_pc, user_name=meta.user_name,
        started_at=meta.started_at or completed_at, completed_at=completed_at,
        conflicts=conflicts)
    summary["metrics"] = calculate_session_metrics(summary)
    return summary


def session_summary(session: PackingSession, completed_at: datetime) -> dict[str, Any]:
    meta = SummaryMeta(
        session_id=session.session, client_id=session.client_id,
        packing_list_name=session.list_name, packing_list_path=session.list_relative_path,
        session_type=session.packing_list.session_type, worker_pc=session.station,
        user_name=user_name(), started_at=session.started_at)
    conflicts = dict(session.ledger.conflicts) if session.ledger is not None else {}
    with session.lock:
        summary = summary_with_metrics(session.logic, meta, completed_at, conflicts)
    errors = session_summary_errors(summary)
    if errors:
        raise SummaryError(phrase("summary of {folder}: {problems}", folder=session.work_dir,
                                  problems="; ".join(errors)))
    return summary


def write_summary(session: PackingSession, completed_at: datetime) -> Path:
    """Write the summary and the completed-list report of ``session``."""
    path = session.work_dir / SUMMARY_FILENAME
    fileio.atomic_write_json(path, session_summary(session, completed_at))
    with session.lock:
        write_report(session.logic, session.work_dir)
    return path

"""The station's scanner test results: ``scanner_tests.jsonl`` in its own data folder.

One JSON line per finished test (``domain.scanner_check.record`` plus time, station and
worker), fsynced; the newest line is what the status bar shows until the next test.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.storage.paths import local_data_dir
from shared.append_log import AppendLog

FILENAME = "scanner_tests.jsonl"
log = logging.getLogger(__name__)


def results_path(folder: Path | None = None) -> Path:
    return (folder if folder is not None else local_data_dir()) / FILENAME


def save_result(line: dict[str, Any], at: datetime, station: str, worker: str = "",
                folder: Path | None = None) -> Path:
    """Append one result and say it in the station's log."""
    path = results_path(folder)
    entry = {"at": at.isoformat(timespec="seconds"), "station": station, "worker": worker,
             **line}
    journal = AppendLog(path)
    try:
        journal.append(json.dumps(entry, ensure_ascii=False).encode("utf-8"))
    finally:
        journal.close()
    log.info("scanner test: %s, layout %s, terminator %s, %s chars/s, problems %s",
             "ok" if line.get("ok") else "not ok", line.get("layout"), line.get("terminator"),
             line.get("chars_per_second"), ",".join(line.get("problems", [])) or "none")
    return path


def last_result(folder: Path | None = None) -> dict[str, Any] | None:
    """The newest readable result, or None when this station was never tested."""
    for raw in reversed(AppendLog(results_path(folder)).read_lines()):
        try:
            entry = json.loads(raw)
        except ValueError:
            continue
        if isinstance(entry, dict):
            return entry
    return None

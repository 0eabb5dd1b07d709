"""``progress.json`` in a list's work folder: what other stations see of a list being packed.

Written after each completed order (a few hundred bytes, whatever the client's history);
``session_info.json`` and the client-wide session index are written only when a list
starts, pauses or ends. The Session Browser lays these figures over the index's for the
lists that are being packed now.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from packing_tool.domain.phrase import phrase
from shared import fileio

PROGRESS_FILENAME = "progress.json"
FIGURES = ("total_orders", "completed_orders", "skipped_orders", "total_items", "packed_items",
           "packed_elsewhere_orders", "repacked_orders", "conflict_orders")


def write_progress(work_dir: Path, figures: dict[str, Any]) -> int:
    """Replace the list's progress file; returns the bytes written. A folder that is gone
    (the share went away) is never created."""
    if not work_dir.is_dir():
        raise FileNotFoundError(phrase("{folder} cannot be reached", folder=work_dir))
    data = json.dumps(figures, ensure_ascii=False).encode("utf-8")
    fileio.atomic_write_bytes(work_dir / PROGRESS_FILENAME, data)
    return len(data)


def read_progress(work_dir: Path) -> dict[str, Any]:
    """The list's live figures; empty when there are none or they cannot be read."""
    try:
        data = json.loads((work_dir / PROGRESS_FILENAME).read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}

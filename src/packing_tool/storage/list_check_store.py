"""Running the pre-shift check of a list and keeping its findings with the list on the share.

``<list work folder>/list_check.json`` (written atomically, so other PCs read a whole file):
``{"version", "client_id", "session_id", "packing_list_name", "checked_at", "station",
"orders", "units", "list_file": {"name", "size", "modified"}, "problems", "counts",
"findings": [...], "findings_total", "seconds"}``; at most ``MAX_KEPT`` findings are kept
(``findings_total`` says how many there were). The list's entry in the Session Browser's
index gets ``check_findings`` (the problems) and ``checked_at``, without touching its
``updated_at``, so every PC's browser marks the list without reading the file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from packing_tool.domain.list_check import Finding, check, counts, problems
from packing_tool.domain.phrase import phrase
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.list_check_inputs import read_check_input
from packing_tool.storage.lock_info import station_name
from packing_tool.storage.session_index import entry_key, read_index, scan_session, update_entry
from shared import fileio
from shared.timestamps import now, to_iso

log = logging.getLogger(__name__)
CHECK_FILENAME = "list_check.json"
CHECK_VERSION = "1.0"
MAX_KEPT = 2000


@dataclass(frozen=True)
class CheckReport:
    client_id: str
    session_id: str
    list_name: str
    checked_at: datetime
    station: str
    orders: int
    units: int
    list_file: dict[str, Any]
    findings: tuple[Finding, ...]
    findings_total: int
    seconds: float
    not_kept: str = ""  # why the findings could not be kept on the share ("": they were)

    @property
    def problems(self) -> int:
        return problems(self.findings)

    @property
    def notes(self) -> int:
        return len(self.findings) - self.problems

    def to_dict(self, limit: int | None = None) -> dict[str, Any]:
        kept = self.findings if limit is None else self.findings[:limit]
        return {"version": CHECK_VERSION, "client_id": self.client_id,
                "session_id": self.session_id, "packing_list_name": self.list_name,
                "checked_at": to_iso(self.checked_at), "station": self.station,
                "orders": self.orders, "units": self.units, "list_file": self.list_file,
                "problems": self.problems, "counts": counts(self.findings),
                "findings": [f.to_dict() for f in kept], "findings_total": self.findings_total,
                "seconds": round(self.seconds, 4)}


def _stamp(path: Path) -> dict[str, Any]:
    info = path.stat()
    return {"name": path.name, "size": info.st_size,
            "modified": to_iso(datetime.fromtimestamp(info.st_mtime).astimezone())}


def run_check(layout: ShareLayout, client_id: str, session: str, list_name: str, *,
              clock: Callable[[], datetime] = now) -> CheckReport:
    """Read what the station would and check it (nothing written). ``OSError`` or
    ``ValueError`` when the list cannot be read."""
    started = time.perf_counter()
    data, path = read_check_input(layout, client_id, session, list_name)
    found = tuple(check(data))
    plist = data.packing_list
    return CheckReport(client_id, session, list_name, clock(), station_name(),
                       len(plist.orders), plist.total_units, _stamp(path), found, len(found),
                       time.perf_counter() - started)


def check_path(layout: ShareLayout, client_id: str, session: str, list_name: str) -> Path:
    return layout.work_dir(client_id, session, list_name) / CHECK_FILENAME


def check_and_keep(layout: ShareLayout, client_id: str, session: str,
                   list_name: str) -> CheckReport:
    """The check as the Session Browser runs it: checked, then kept with the list (a share
    that refuses the file does not hide the findings: ``not_kept`` says why)."""
    report = run_check(layout, client_id, session, list_name)
    try:
        save_check(layout, report)
    except OSError as exc:
        log.warning("%s/%s: the check's findings were not kept: %s", session, list_name, exc)
        return replace(report, not_kept=str(exc))
    return report


def save_check(layout: ShareLayout, report: CheckReport) -> Path:
    """Write ``list_check.json`` (atomically) and mark the list in the index (best effort:
    the file is the record; an index that cannot be written is logged)."""
    session_dir = layout.session_dir(report.client_id, report.session_id)
    if not session_dir.is_dir():  # a share that went away is never created anew
        raise FileNotFoundError(phrase("{folder} cannot be reached", folder=session_dir))
    path = check_path(layout, report.client_id, report.session_id, report.list_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    fileio.atomic_write_json(path, report.to_dict(MAX_KEPT))
    try:
        _mark_index(layout, report)
    except (OSError, ValueError) as exc:
        log.warning("%s: the Session Browser's index was not marked: %s", path, exc)
    return path


def _mark_index(layout: ShareLayout, report: CheckReport) -> None:
    """The list's index entry gets the check; an entry the index lacks is first made from
    the folders, so a check never stands in for the list's real status."""
    client, session, name = report.client_id, report.session_id, report.list_name
    key = entry_key(session, name)
    known: dict[str, Any] = {}
    if key not in read_index(layout, client)["entries"]:
        scanned = scan_session(layout.session_dir(client, session), [name]).get(key, {})
        known = {k: v for k, v in scanned.items()
                 if v is not None and k not in ("session_id", "packing_list_name")}
    update_entry(layout, client, session, name, touch=False, **known,
                 check_findings=report.problems, checked_at=report.checked_at)

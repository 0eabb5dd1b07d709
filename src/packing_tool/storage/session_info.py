"""Our ``packing_progress`` entries in the Shopify Tool's ``session_info.json``.

The Shopify Tool owns the file; we only merge one entry per list under the file's lock,
keeping every key either tool wrote. A session without the file is left without one: the
Shopify Tool reads its presence as meaning something, so we never create it. A file that is
torn and cannot be safely restored from its ``.bak`` (none, unreadable, or older than the
file) is never rewritten: our progress is not recorded there, the file keeps its bytes
(a copy is also kept as ``session_info.json.corrupt-*``) and the problem is logged.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from shared import fileio
from shared.timestamps import now_iso

log = logging.getLogger(__name__)

SESSION_INFO = "session_info.json"


def update_progress(session_dir: Path, list_name: str, timeout: float = 5.0,
                    **fields: Any) -> bool:
    """Merge ``fields`` into ``packing_progress[list_name]``; True when recorded.

    False when there is no file, or when it is damaged (logged as an error naming the file;
    the file is left as it is: it holds the Shopify Tool's keys, which we must not drop).
    Progress here only follows the journal, so callers go on either way.
    """
    path = session_dir / SESSION_INFO
    if not path.is_file():
        log.info("%s: no session_info.json, progress of %s not recorded there", session_dir,
                 list_name)
        return False
    stamp = now_iso()

    def merge(doc: dict[str, Any]) -> None:
        progress = doc.get("packing_progress")
        if not isinstance(progress, dict):
            progress = doc["packing_progress"] = {}
        entry = progress.get(list_name)
        if not isinstance(entry, dict):
            entry = progress[list_name] = {}
        entry.setdefault("started_at", fields.get("started_at") or stamp)
        entry.update({k: v for k, v in fields.items() if k != "started_at"})
        entry["updated_at"] = stamp

    try:
        fileio.locked_json_update(path, merge, default=dict, timeout=timeout, strict=True)
    except fileio.SharedFileDamagedError as exc:
        log.error("progress of %s not recorded in the Shopify Tool's file, left as it is: %s",
                  list_name, exc)
        return False
    return True

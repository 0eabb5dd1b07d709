"""This station's record of the lists it opened and has not completed (on its own disk).

At start-up it tells the app what to offer for resuming, and which completions a crash
interrupted, without scanning the share.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shared import fileio
from shared.timestamps import now_iso

REGISTRY = "open_lists.json"


@dataclass(frozen=True)
class OpenEntry:
    root: str
    client_id: str
    session_id: str
    list_name: str
    worker_id: str
    worker_name: str
    status: str  # in_progress, paused
    updated_at: str

    @property
    def key(self) -> str:
        return entry_key(self.root, self.client_id, self.session_id, self.list_name)


def entry_key(root: str, client: str, session: str, list_name: str) -> str:
    return "|".join((str(Path(root).absolute()), client, session, list_name))


class LocalRegistry:
    def __init__(self, local_root: Path) -> None:
        self.path = local_root / REGISTRY

    def _update(self, mutate: Any, *, write: bool = True) -> Any:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return fileio.locked_json_update(self.path, mutate, default=lambda: {"lists": {}},
                                         write=write)

    def record(self, root: Path, client: str, session: str, list_name: str, *,
               worker_id: str, worker_name: str, status: str) -> None:
        key = entry_key(str(root), client, session, list_name)
        entry = {"root": str(Path(root).absolute()), "client_id": client, "session_id": session,
                 "list_name": list_name, "worker_id": worker_id, "worker_name": worker_name,
                 "status": status, "updated_at": now_iso()}
        self._update(lambda doc: doc.setdefault("lists", {}).__setitem__(key, entry))

    def forget(self, root: Path, client: str, session: str, list_name: str) -> None:
        key = entry_key(str(root), client, session, list_name)
        self._update(lambda doc: doc.setdefault("lists", {}).pop(key, None))

    def entries(self, root: Path | None = None) -> list[OpenEntry]:
        """Entries (for ``root`` only, if given), most recent first."""
        if not self.path.is_file():
            return []
        doc = self._update(lambda d: d, write=False)
        wanted = None if root is None else str(Path(root).absolute())
        found = []
        for value in (doc.get("lists") or {}).values():
            try:
                entry = OpenEntry(**{k: str(value[k]) for k in OpenEntry.__dataclass_fields__})
            except (KeyError, TypeError):
                continue
            if wanted is None or entry.root == wanted:
                found.append(entry)
        return sorted(found, key=lambda e: e.updated_at, reverse=True)

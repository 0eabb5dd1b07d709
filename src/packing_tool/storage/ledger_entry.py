"""One order's record in the order ledger (``order_ledger/orders/<shard>/<key>.json``).

``packed`` is the packing that counts (the first one, in one list); ``holder`` is the list
that has the order open right now (a first packing or a re-pack); ``repacks`` is every
deliberate re-pack, with its reason. A record is created once, atomically, by the station
that claims the order first; after that only its holder rewrites it (atomic replace).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from packing_tool.domain.elsewhere import Elsewhere, Where
from shared.timestamps import parse_timestamp

LEDGER_DIR = "order_ledger"  # Sessions/CLIENT_<ID>/order_ledger/
LEDGER_VERSION = "1.0"
CLAIMED, PACKED, REPACKING = "claimed", "packed", "repacking"
PLAIN_KEY = re.compile(r"^[a-z0-9_-]{1,64}$")


def file_stem(key: str) -> str:
    """The record's file name: the order key itself when it is plain, else its hash."""
    return key if PLAIN_KEY.fullmatch(key) else "h-" + hashlib.sha1(key.encode()).hexdigest()


def shard(key: str) -> str:
    """One of 256 folders, so no folder grows past a few thousand files at any history."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:2]


@dataclass(frozen=True)
class Mark:
    """Who, where and when: a claim, a packing or a re-pack."""

    session_id: str
    list_name: str
    station: str = ""
    worker_id: str = ""
    worker_name: str = ""
    at: str = ""  # ISO time
    lock_id: str = ""  # the list lock the holder had when it claimed (holders only)
    offline: bool = False  # claimed while the share did not answer, sent when it came back
    reason: str = ""  # re-packs only
    done_at: str = ""  # re-packs only: when the re-pack was finished

    @classmethod
    def from_dict(cls, data: object) -> Mark | None:
        if not isinstance(data, dict):
            return None
        session, name = data.get("session_id"), data.get("list_name")
        if not isinstance(session, str) or not isinstance(name, str):
            return None
        text = {k: str(data.get(k) or "") for k in (
            "station", "worker_id", "worker_name", "at", "lock_id", "reason", "done_at")}
        return cls(session, name, offline=data.get("offline") is True, **text)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in ("", False)}

    def same_list(self, other: Mark) -> bool:
        return (self.session_id, self.list_name) == (other.session_id, other.list_name)

    def elsewhere(self, state: Where) -> Elsewhere:
        return Elsewhere(state, self.session_id, self.list_name, self.station,
                         self.worker_name, parse_timestamp(self.at) if self.at else None,
                         self.offline)


@dataclass(frozen=True)
class LedgerEntry:
    order_number: str
    key: str
    client_id: str
    holder: Mark | None = None
    packed: Mark | None = None
    repacks: tuple[Mark, ...] = field(default_factory=tuple)
    extra: dict[str, Any] = field(default_factory=dict)  # keys we do not know: kept

    @property
    def state(self) -> str:
        if self.holder is None:
            return PACKED
        return CLAIMED if self.packed is None else REPACKING

    def to_dict(self) -> dict[str, Any]:
        return {**self.extra, "version": LEDGER_VERSION, "order_number": self.order_number,
                "key": self.key, "client_id": self.client_id, "state": self.state,
                "holder": None if self.holder is None else self.holder.to_dict(),
                "packed": None if self.packed is None else self.packed.to_dict(),
                "repacks": [r.to_dict() for r in self.repacks]}

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1).encode("utf-8") + b"\n"

    @classmethod
    def from_dict(cls, data: object) -> LedgerEntry:
        """The record in ``data``; raises ValueError naming what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        number, key, client = data.get("order_number"), data.get("key"), data.get("client_id")
        if not all(isinstance(v, str) and v for v in (number, key, client)):
            raise ValueError("order_number, key or client_id missing")
        holder, packed = Mark.from_dict(data.get("holder")), Mark.from_dict(data.get("packed"))
        if holder is None and packed is None:
            raise ValueError("neither holder nor packed is set")
        raw = data.get("repacks")
        repacks: list[Any] = raw if isinstance(raw, list) else []
        known = {"version", "order_number", "key", "client_id", "state", "holder", "packed",
                 "repacks"}
        return cls(str(number), str(key), str(client), holder, packed,
                   tuple(m for m in (Mark.from_dict(r) for r in repacks) if m is not None),
                   {k: v for k, v in data.items() if k not in known})

    def seen_from(self, mine: Mark) -> Elsewhere | None:
        """What list ``mine`` should know of this order: held or packed by another list."""
        if self.holder is not None and not self.holder.same_list(mine):
            return self.holder.elsewhere(Where.PACKING)
        if self.packed is not None and not self.packed.same_list(mine) and (
                self.holder is None or not self.holder.same_list(mine)):
            return self.packed.elsewhere(Where.PACKED)
        return None

    def claimed_by(self, mine: Mark) -> LedgerEntry:
        return replace(self, holder=mine)

    def packed_by(self, mine: Mark, at: datetime) -> LedgerEntry:
        """Our holding finished: the first packing counts; a re-pack is marked done."""
        stamp = at.isoformat()
        if self.packed is None:
            return replace(self, holder=None, packed=replace(mine, at=stamp, lock_id=""))
        repacks = list(self.repacks)
        if repacks and repacks[-1].same_list(mine) and not repacks[-1].done_at:
            repacks[-1] = replace(repacks[-1], done_at=stamp)
        return replace(self, holder=None, repacks=tuple(repacks))

"""What the station knows of an order outside its own list: packed or being packed elsewhere.

The order ledger (storage) tells; the rules only read it. It is knowledge, not an event: a
replayed journal gives the same state without it, because every event that depended on it
carries its outcome and the words already.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Where(StrEnum):
    PACKED = "packed"  # finished in another list (or session); the parcel has gone or will go
    PACKING = "packing"  # claimed right now by another list's station


@dataclass(frozen=True)
class Elsewhere:
    state: Where
    session_id: str
    list_name: str
    station: str
    worker_name: str
    at: datetime | None  # packed_at, or claimed_at while packing
    offline: bool = False  # the other station claimed it while the share did not answer
    note: str = ""  # said instead, when the ledger cannot tell (a damaged record)

    def describe(self, moment: datetime | None = None) -> str:
        """``packed in DHL_Orders of 2026-11-21_2 at PACK-01 by Иван Петров, today 10:41``."""
        if self.note:
            return self.note
        if self.state is Where.PACKED:
            head = f"packed in {self.list_name} of {self.session_id}"
        else:
            head = f"being packed now in {self.list_name} of {self.session_id}"
        who = f" at {self.station}" if self.station else ""
        who += f" by {self.worker_name}" if self.worker_name else ""
        return f"{head}{who}{when(self.at, moment)}"


def when(at: datetime | None, moment: datetime | None) -> str:
    """``, today 10:41`` / ``, yesterday 17:02`` / ``, 2026-11-21 10:41`` (in ``at``'s zone)."""
    if at is None:
        return ""
    local = at.astimezone(moment.tzinfo) if moment is not None and moment.tzinfo else at
    if moment is not None:
        days = (moment.date() - local.date()).days
        if days == 0:
            return f", today {local:%H:%M}"
        if days == 1:
            return f", yesterday {local:%H:%M}"
    return f", {local:%Y-%m-%d %H:%M}"

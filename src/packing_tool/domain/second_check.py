"""A second pair of eyes: which orders need a second worker's check, and that check's rules.

A client's settings (``packer_config.json`` key ``second_check``, docs/metadata.md) flag an
order when any of these holds:

* its value (an order-level price column such as ``Total``) is at or above
  ``min_order_value``; the Shopify Tool's lists carry no prices, so there the rule is
  inactive and the station says so;
* it carries one of ``tags`` (Shopify tags or internal tags, any case);
* it holds one of ``skus``;
* it falls in the random sample of ``sample_percent`` %: a hash of client and order
  label, so every station, and a resumed list, pick the same orders.

A flagged order whose units are all in the box is not complete yet: it waits until a second
worker, who packed none of it, scans their worker card (``WRK:<worker id>``) and then the
order's label again (``SECOND_CHECK``), or until a supervisor skips the check with a reason
(``SECOND_CHECK_SKIPPED``). Both complete the order and are journal events, so a replay
rebuilds the check from the journal alone, whatever the settings say by then.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from packing_tool.domain.barcodes import order_key
from packing_tool.domain.events import EventKind, Outcome, ScanEvent
from packing_tool.domain.order_state import OrderState
from packing_tool.domain.orders import Order
from packing_tool.domain.packer_views import OrderStatus, OrderView

CONFIG_KEY = "second_check"  # the key of packer_config.json
WORKER_CODE_PREFIX = "WRK:"
CHECK_KINDS = frozenset({EventKind.SECOND_CHECK, EventKind.SECOND_CHECK_SKIPPED})
# Order-level columns that hold the order's value, compared without case, spaces, _ and -.
PRICE_KEYS = ("total", "totalprice", "ordertotal", "ordervalue", "value", "price", "amount",
              "сума", "стойност", "общо", "цена")
_NOT_DIGITS = re.compile(r"[^0-9,.\-]")


def worker_code(worker_id: str) -> str:
    """What a worker's card prints as its barcode."""
    return f"{WORKER_CODE_PREFIX}{worker_id}"


def parse_worker_code(text: str) -> str | None:
    """The worker id of a scanned card (``WRK:worker_002``, or short ``WRK:2``); else None."""
    text = text.strip()
    if text[:len(WORKER_CODE_PREFIX)].upper() != WORKER_CODE_PREFIX:
        return None
    rest = text[len(WORKER_CODE_PREFIX):].strip()
    if rest.isdigit():
        return f"worker_{int(rest):03d}"
    return rest or None


def amount(text: str) -> float | None:
    """A money amount as a person or a spreadsheet writes it (``1 234,50 лв``); None if none."""
    digits = _NOT_DIGITS.sub("", text)
    if "," in digits and "." in digits:  # the later mark is the decimal one
        digits = (digits.replace(",", "") if digits.rfind(".") > digits.rfind(",")
                  else digits.replace(".", "").replace(",", "."))
    else:
        digits = digits.replace(",", ".")
    try:
        value = float(digits)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def order_value(order: Order) -> float | None:
    """The order's value from an order-level price column, if the list has one."""
    keys = {"".join(ch for ch in k.casefold() if ch not in " _-"): v
            for k, v in order.extra.items()}
    for key in PRICE_KEYS:
        if key in keys and (value := amount(keys[key])) is not None:
            return value
    return None


def list_has_prices(orders: Iterable[Order]) -> bool:
    return any(order_value(order) is not None for order in orders)


def sampled(client: str, order_number: str, percent: float) -> bool:
    """Whether the order falls in the ``percent`` % sample (the same answer everywhere)."""
    if percent <= 0:
        return False
    digest = hashlib.sha256(f"{client.strip().casefold()}\n{order_key(order_number)}"
                            .encode()).digest()
    return int.from_bytes(digest[:4], "big") % 10_000 < round(percent * 100)


@dataclass(frozen=True)
class Flag:
    """Why an order needs a second check: ``kind`` is value, tag, sku or sample."""

    kind: str
    value: str


@dataclass(frozen=True)
class SecondCheckRules:
    """The client's rules; the default flags nothing."""

    min_order_value: float | None = None
    tags: tuple[str, ...] = ()
    skus: tuple[str, ...] = ()
    sample_percent: float = 0.0

    @property
    def active(self) -> bool:
        return (self.min_order_value is not None or bool(self.tags) or bool(self.skus)
                or self.sample_percent > 0)

    def to_dict(self) -> dict[str, Any]:
        return {"min_order_value": self.min_order_value, "tags": list(self.tags),
                "skus": list(self.skus), "sample_percent": self.sample_percent}

    @classmethod
    def from_dict(cls, data: object) -> tuple[SecondCheckRules, list[str]]:
        """The rules of a ``second_check`` value, and what in it was ignored (and why)."""
        if data is None:
            return cls(), []
        if not isinstance(data, Mapping):
            return cls(), [f"{CONFIG_KEY} is a {type(data).__name__}, not an object; ignored"]
        problems: list[str] = []
        value = _number(data.get("min_order_value"), "min_order_value", problems)
        percent = _number(data.get("sample_percent"), "sample_percent", problems) or 0.0
        if not 0 <= percent <= 100:
            problems.append(f"sample_percent {percent} is not 0 to 100; ignored")
            percent = 0.0
        return cls(value, _texts(data.get("tags"), "tags", problems),
                   _texts(data.get("skus"), "skus", problems), percent), problems


def _number(raw: object, key: str, problems: list[str]) -> float | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool) and math.isfinite(raw) \
            and raw >= 0:
        return float(raw)
    problems.append(f"{key} {raw!r} is not a number of 0 or more; ignored")
    return None


def _texts(raw: object, key: str, problems: list[str]) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        problems.append(f"{key} is not a list of texts; ignored")
        return ()
    return tuple(x.strip() for x in raw if x.strip())


@dataclass(frozen=True)
class CheckRecord:
    """A second check done, or skipped with a reason, as the journal has it."""

    order: str
    at: datetime
    skipped: bool
    checker_id: str = ""
    checker_name: str = ""
    reason: str = ""
    packer_id: str = ""  # who was at the station
    packer_name: str = ""

    @classmethod
    def of(cls, event: ScanEvent) -> CheckRecord:
        return cls(event.order or "", event.at, event.kind is EventKind.SECOND_CHECK_SKIPPED,
                   event.checker_id, event.checker_name, event.reason, event.worker_id,
                   event.worker_name)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"status": "skipped" if self.skipped else "checked",
                                "at": self.at.isoformat(), "packer_id": self.packer_id,
                                "packer_name": self.packer_name}
        if self.skipped:
            data["reason"] = self.reason
        else:
            data.update(checker_id=self.checker_id, checker_name=self.checker_name)
        return data


class SecondChecks:
    """The rules one list is packed under (set by the storage layer from the client's file)."""

    def __init__(self, orders: Iterable[Order]) -> None:
        self.rules = SecondCheckRules()
        self.client = ""
        self.prices = list_has_prices(orders)
        self._records: dict[str, CheckRecord] = {}  # by order number, from the journal

    def configure(self, rules: SecondCheckRules, client: str) -> None:
        self.rules, self.client = rules, client

    @property
    def value_rule_inactive(self) -> bool:
        """A value threshold is set, but the list has no prices to compare it with."""
        return self.rules.min_order_value is not None and not self.prices

    def flags(self, order: Order) -> tuple[Flag, ...]:
        rules, found = self.rules, []
        value = order_value(order) if rules.min_order_value is not None else None
        if value is not None and rules.min_order_value is not None \
                and value >= rules.min_order_value:
            found.append(Flag("value", f"{value:.2f}"))
        wanted = {t.casefold(): t for t in rules.tags}
        for tag in (*order.tags, *order.internal_tags):
            if tag.casefold() in wanted:
                found.append(Flag("tag", tag))
        skus = set(rules.skus)
        found += [Flag("sku", sku) for sku in dict.fromkeys(
            line.sku for line in order.lines if line.sku in skus)]
        if sampled(self.client, order.order_number, rules.sample_percent):
            found.append(Flag("sample", f"{rules.sample_percent:g}"))
        return tuple(found)

    def needed(self, state: OrderState) -> bool:
        """The order may not complete before its second check."""
        return state.number not in self._records and bool(self.flags(state.order))

    def record(self, event: ScanEvent) -> None:
        self._records[event.order or ""] = CheckRecord.of(event)

    def forget(self, order_number: str) -> None:
        """A re-pack starts the order afresh: it is checked again."""
        self._records.pop(order_number, None)

    def record_of(self, order_number: str) -> CheckRecord | None:
        return self._records.get(order_number)

    @property
    def records(self) -> tuple[CheckRecord, ...]:
        return tuple(self._records.values())


def awaiting(view: OrderView | None) -> bool:
    """Every unit of the open order is in the box and no extra is pending, yet it is not
    complete: it waits for its second check."""
    return (view is not None and view.status is OrderStatus.IN_PROGRESS
            and view.units_packed == view.units_total and not view.pending_extras)


def check_verdict(kind: EventKind, cur: OrderState | None, *, label_matches: bool,
                  checker: tuple[str, str], reason: str, at_station: str) -> tuple[Outcome, str]:
    """What a second check (or its skip) of the current order means now, with the detail."""
    if cur is None:
        return Outcome.REFUSED, "no order is open"
    if not awaiting(cur.view(None)):
        return Outcome.REFUSED, f"order {cur.number} is not fully packed yet"
    if kind is EventKind.SECOND_CHECK_SKIPPED:
        if not reason.strip():
            return Outcome.REFUSED, "a reason is required"
        return Outcome.ORDER_COMPLETE, f"second check skipped: {reason.strip()}"
    checker_id, name = checker[0].strip(), checker[1].strip() or checker[0].strip()
    if not checker_id:
        return Outcome.REFUSED, "a second worker scans their card first"
    if checker_id == at_station or any(item.worker_id == checker_id for item in cur.items):
        return Outcome.REFUSED, (f"{name} packed order {cur.number}; another worker must "
                                 "check it")
    if not label_matches:
        return Outcome.REFUSED, f"scan the label of order {cur.number} to confirm the check"
    return Outcome.ORDER_COMPLETE, f"second check by {name} ({checker_id})"


def check_figures(records: Iterable[CheckRecord]) -> dict[str, int]:
    """The summary's counts of second checks done and skipped."""
    done = skipped = 0
    for record in records:
        skipped += record.skipped
        done += not record.skipped
    return {"second_checks_count": done, "second_checks_skipped_count": skipped}


def skipped_checks(events: Iterable[ScanEvent]) -> list[ScanEvent]:
    """The journal's skipped second checks (each completed its order), oldest first."""
    return [e for e in events if e.kind is EventKind.SECOND_CHECK_SKIPPED
            and e.outcome is Outcome.ORDER_COMPLETE]

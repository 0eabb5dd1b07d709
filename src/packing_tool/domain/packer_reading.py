"""What ``PackerLogic`` tells its readers: progress, orders, workers. Nothing here changes
the state; ``PackerLogic`` (in ``packer``) inherits it and is the only writer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from packing_tool.domain.elsewhere import Where
from packing_tool.domain.order_state import OrderState
from packing_tool.domain.orders import Order, PackingList
from packing_tool.domain.packer_rules import PackerRules
from packing_tool.domain.packer_views import OrderStatus, OrderView, Progress


class PackerReading(PackerRules):
    """The read-only views of a list's packing state (the counters are kept by ``apply``)."""

    _units_packed: int
    _orders_complete: int
    _workers: dict[str, str]  # everyone who made an event, in order of appearance

    @property
    def packing_list(self) -> PackingList:
        return self._packing_list

    @property
    def last_seq(self) -> int:
        return self._last_seq

    @property
    def events(self) -> int:
        """How many events were applied (seq runs from 1 without gaps, so also the last seq)."""
        return self._last_seq

    @property
    def last_event_at(self) -> datetime | None:
        return self._last_at

    @property
    def worker(self) -> tuple[str, str]:
        """(worker_id, worker_name) of the last event: who is at the station."""
        return self._worker

    @property
    def workers(self) -> dict[str, str]:
        """worker_id → name of everyone who made an event, in order of appearance."""
        return dict(self._workers)

    @property
    def current_order(self) -> OrderView | None:
        return None if self._current is None else self._current.view(self._last_at)

    @property
    def pending_extras(self) -> dict[str, int]:
        """SKU → over-scanned units of the current order awaiting keep or remove."""
        return {} if self._current is None else dict(self._current.pending_extras)

    def order(self, order_number: str) -> OrderView:
        """Where one order stands (a NEW view for an order not touched yet)."""
        state = self._states.get(order_number)
        if state is None:
            return OrderState(self._by_number[order_number]).view(None)
        return state.view(self._last_at)

    def started_progress(self) -> dict[str, tuple[OrderStatus, int]]:
        """Status and units packed of every order loaded at least once; no views built (the
        orders-to-pack panel reads it after every order opened or closed)."""
        return {number: (state.status, sum(state.packed))
                for number, state in self._states.items()}

    def started_orders(self) -> Iterator[OrderView]:
        """Every order loaded at least once, in the order they were first loaded."""
        return (state.view(self._last_at) for state in self._states.values())

    @property
    def skipped_orders(self) -> tuple[OrderView, ...]:
        """Orders set aside and not finished, the earliest skipped first."""
        skipped = [s for s in self._states.values() if s.status is OrderStatus.SKIPPED]
        skipped.sort(key=lambda s: s.skipped_at.timestamp() if s.skipped_at else 0.0)
        return tuple(s.view(self._last_at) for s in skipped)

    @property
    def progress(self) -> Progress:
        states = self._states.values()
        return Progress(
            orders_total=len(self._packing_list.orders), orders_complete=self._orders_complete,
            orders_in_progress=sum(s.status in (OrderStatus.IN_PROGRESS, OrderStatus.SKIPPED)
                                   for s in states),
            orders_skipped=sum(s.status is OrderStatus.SKIPPED for s in states),
            units_total=self._units_total, units_packed=self._units_packed,
            orders_elsewhere=sum(
                1 for number, info in self._elsewhere.items() if info.state is Where.PACKED
                and (number not in self._states
                     or self._states[number].status is not OrderStatus.COMPLETE)),
            orders_repacked=sum(1 for s in states if s.repack))

    def ledger_view(self) -> dict[str, tuple[str, str, datetime | None]]:
        """Order → (new|in_progress|skipped|complete, re-pack reason, completed_at)."""
        view: dict[str, tuple[str, str, datetime | None]] = {}
        for order in self._packing_list.orders:
            state = self._states.get(order.order_number)
            if state is None:
                view[order.order_number] = ("new", "", None)
            else:
                view[order.order_number] = (state.status.value, state.repack, state.completed_at)
        return view

    def open_orders(self) -> list[str]:
        """Orders nobody here is on: not complete here and not the current one."""
        return [o.order_number for o in self._packing_list.orders
                if (s := self._states.get(o.order_number)) is None
                or s.status in (OrderStatus.NEW, OrderStatus.SKIPPED)]

    def find_order(self, text: str) -> Order | None:
        """The order a label means (None when unknown or ambiguous)."""
        return self._by_key.get(self._order_key(text))

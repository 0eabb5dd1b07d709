"""Orders and packing lists as the packer works from them (already cleaned by the readers)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

FULL_SESSION = "full_session"  # the list name of full-session mode (every fulfillable order)


@dataclass(frozen=True)
class OrderLine:
    """One line of an order. ``row`` is its index within the order (stable across reloads)."""

    row: int
    sku: str  # exactly as the file has it: a string, leading zeros kept
    product_name: str
    quantity: int
    status_note: str = ""


@dataclass(frozen=True)
class Order:
    order_number: str  # as in the file, e.g. "#48223" (the label scans as "48223")
    lines: tuple[OrderLine, ...]
    courier: str = ""
    country: str = ""
    order_type: str = ""
    tags: tuple[str, ...] = ()
    internal_tags: tuple[str, ...] = ()
    notes: str = ""
    system_note: str = ""
    min_box: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)  # other columns, for the report

    @property
    def units(self) -> int:
        return sum(line.quantity for line in self.lines)


@dataclass(frozen=True)
class LoadProblem:
    """Something in an input file that was reported and skipped (never a silent drop)."""

    source: str  # the file
    where: str  # order number, or "row 12"
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.where}: {self.reason}"


@dataclass(frozen=True)
class PackingList:
    name: str  # the list's file stem, or FULL_SESSION
    orders: tuple[Order, ...]
    problems: tuple[LoadProblem, ...] = ()
    source: str = ""
    session_type: str = "shopify"  # or "excel"
    skipped: tuple[str, ...] = ()  # orders left out on purpose (not fulfillable): not problems

    @property
    def total_units(self) -> int:
        return sum(order.units for order in self.orders)

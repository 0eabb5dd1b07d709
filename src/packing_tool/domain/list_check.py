"""The pre-shift check of a packing list: what would trip the packer, found before packing.

Pure: it is fed the list as the station reads it, the barcode map as the station merges it
(the session's stock file with the client's stored map over it), the session's other lists,
what the order ledger says, and the lines the reader leaves out. Every match uses the
station's own rules (``barcodes.SkuIndex``, ``BarcodeLookup``, ``OrderIndex``), so the
check and the scan agree.

Finding kinds (``KINDS``, in the order shown):

* ``no_barcode``: a SKU with no barcode the station accepts: no barcode-map or stock-file
  entry reaches it and the SKU itself is no GTIN (typing the SKU by hand still works);
* ``shared_code``: one barcode, or one normalised form (letters and digits only, or the
  GTIN), reaches two SKUs of the list; the station calls such a scan ambiguous, or a mapped
  barcode hides another SKU's own code;
* ``order_clash``: two order numbers that are one label once normalised, or an order number
  with nothing a label can carry;
* ``packed_elsewhere``: the ledger says the order is packed, or being packed, in another list;
* ``other_list``: the order is also in another list of the session;
* ``quantity``: a quantity of 0, a fraction, not a number, or more than ``BIG_QUANTITY``;
* ``left_out``: a line or order the reader refused (its own words);
* ``not_fulfillable`` and ``no_sku`` (notes, not problems): left out on purpose.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from packing_tool.domain.barcodes import OrderIndex, SkuIndex, gtin_key, loose_key, order_key
from packing_tool.domain.elsewhere import Elsewhere, Where
from packing_tool.domain.orders import PackingList

BIG_QUANTITY = 50
KINDS = ("no_barcode", "shared_code", "order_clash", "packed_elsewhere", "other_list",
         "quantity", "left_out", "not_fulfillable", "no_sku")
NOTES = frozenset({"not_fulfillable", "no_sku"})  # left out on purpose: said, not a problem


@dataclass(frozen=True)
class LeftOutLine:
    """An item line of a fulfillable order that the reader leaves out (storage finds them)."""

    order: str
    where: str  # as the reader names it in its problems, e.g. "#1001, item 2"
    sku: str
    product: str
    quantity: str  # as in the file
    reason: str  # "no_sku" or "quantity"


@dataclass(frozen=True)
class CheckInput:
    packing_list: PackingList
    barcodes: Mapping[str, str] = field(default_factory=dict)  # barcode → SKU, as merged
    other_lists: Mapping[str, str] = field(default_factory=dict)  # order number → list name
    elsewhere: Mapping[str, Elsewhere] = field(default_factory=dict)  # order number → fact
    left_out: tuple[LeftOutLine, ...] = ()


@dataclass(frozen=True)
class Finding:
    kind: str
    order: str = ""
    sku: str = ""
    barcode: str = ""  # the barcode, or the normalised form two codes share
    others: tuple[str, ...] = ()  # the other SKUs, or the other order numbers
    place: str = ""  # the other list (and session, station, worker, when)
    value: str = ""  # a quantity as written, or the reader's words
    why: str = ""  # which case of the kind (see ``_WHY``), for wording it in other languages
    text: str = ""  # the finding in plain English (the UI words its own, translated)
    fact: Elsewhere | None = field(default=None, compare=False)  # packed_elsewhere: the ledger's

    @property
    def is_note(self) -> bool:
        return self.kind in NOTES

    def to_dict(self) -> dict[str, Any]:
        """The non-empty parts (``others`` always, as a list)."""
        data = {k: v for k in _TEXT_FIELDS if (v := getattr(self, k))}
        data["others"] = list(self.others)
        return data


_TEXT_FIELDS = tuple(f.name for f in fields(Finding) if f.name not in ("others", "fact"))


def _both(names: Iterable[str]) -> str:
    items = list(names)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def check(data: CheckInput) -> list[Finding]:
    """Every finding, in ``KINDS`` order, each kind sorted by what it names."""
    plist = data.packing_list
    findings = [*_barcodes(plist, data.barcodes), *_orders(plist),
                *_elsewhere(plist, data.elsewhere, data.other_lists),
                *_quantities(plist, data.left_out), *_left_out(plist, data.left_out)]
    rank = {kind: n for n, kind in enumerate(KINDS)}
    return sorted(findings, key=lambda f: rank[f.kind])  # stable: each kind keeps its order


# --------------------------------------------------------------------------- barcodes


def _barcodes(plist: PackingList, mapping: Mapping[str, str]) -> list[Finding]:
    skus = sorted({line.sku for order in plist.orders for line in order.lines})
    plain = SkuIndex(skus)  # the SKUs' own forms, as the station matches them after the map
    reaches: dict[str, frozenset[str]] = {}  # map target → list SKUs, as SkuIndex.match does
    covered: set[str] = set()
    shared: list[Finding] = []
    groups: dict[str, tuple[set[str], set[str]]] = {}  # normalised form → (SKUs, barcodes)
    for code, target in mapping.items():
        if not code or not target:
            continue
        found = reaches.get(target)
        if found is None:
            found = reaches[target] = plain.lookup(target)
        if not found:
            continue
        covered |= found
        for key in {loose_key(code), gtin_key(code) or ""} - {""}:
            group = groups.setdefault(key, (set(), set()))
            group[0].update(found)
            group[1].add(code)
        own = plain.lookup(code) - found
        if own:  # the map wins, so the other SKU's own code now counts as the mapped one
            shared.append(Finding(
                "shared_code", sku=_both(sorted(found)), barcode=code, others=tuple(sorted(own)),
                why="own_code",
                text=f"Barcode {code} is mapped to SKU {_both(sorted(found))}, but it is also "
                     f"the code of SKU {_both(sorted(own))}: scanning it counts as "
                     f"{_both(sorted(found))}."))
    for key, (skus_of_key, codes) in sorted(groups.items()):
        if len(skus_of_key) > 1:
            names = sorted(skus_of_key)
            shared.append(Finding(
                "shared_code", sku=names[0], barcode=", ".join(sorted(codes)),
                others=tuple(names[1:]), why="map_codes",
                text=(f"Barcodes {_both(sorted(codes))} read as {key} once normalised and "
                      f"reach SKU {_both(names)}: a scan of them is ambiguous."
                      if len(codes) > 1 else
                      f"Barcode {next(iter(codes))} reaches SKU {_both(names)}: a scan of "
                      "it is ambiguous.")))
    for key, found in sorted(plain.collisions().items()):
        names = sorted(found)
        shared.append(Finding(
            "shared_code", sku=names[0], barcode=key, others=tuple(names[1:]), why="sku_forms",
            text=f"SKU {_both(names)} read the same once normalised ({key}): a scan of "
                 "either is ambiguous."))
    missing = [Finding("no_barcode", sku=sku, text=f"SKU {sku} has no barcode the station "
                       "accepts: no barcode-map entry, no stock-file barcode, and the SKU is "
                       "no GTIN.")
               for sku in skus if sku not in covered and gtin_key(sku) is None]
    return [*missing, *shared]


# --------------------------------------------------------------------------- orders


def _orders(plist: PackingList) -> list[Finding]:
    numbers = [order.order_number for order in plist.orders]
    found = [Finding("order_clash", order=n, why="unscannable",
                     text=f"Order {n} has no letters or digits a label can carry: its label "
                          "cannot be scanned.")
             for n in numbers if not order_key(n)]
    for key, clash in sorted(OrderIndex(numbers).collisions().items()):
        found.append(Finding(
            "order_clash", order=clash[0], barcode=key, others=clash[1:], why="same_label",
            text=f"Orders {_both(clash)} are the same label once normalised ({key}): "
                 "scanning it is ambiguous."))
    return found


def _elsewhere(plist: PackingList, ledger: Mapping[str, Elsewhere],
               other_lists: Mapping[str, str]) -> list[Finding]:
    others = {order_key(n): name for n, name in other_lists.items() if order_key(n)}
    found: list[Finding] = []
    for order in plist.orders:
        number = order.order_number
        fact = ledger.get(number)
        if fact is not None:
            words = f"Order {number}: {fact.note}." if fact.note else \
                f"Order {number} is already {_place(fact)}."
            found.append(Finding("packed_elsewhere", order=number, place=_place(fact),
                                 text=words, fact=fact))
        other = others.get(order_key(number))
        if other is not None and other != plist.name:
            found.append(Finding("other_list", order=number, place=other,
                                 text=f"Order {number} is also in list {other}."))
    return found


def _place(fact: Elsewhere) -> str:
    if fact.note:
        return fact.note
    head = "packed" if fact.state is Where.PACKED else "being packed now"
    text = f"{head} in list {fact.list_name} of session {fact.session_id}"
    text += f" at {fact.station}" if fact.station else ""
    text += f" by {fact.worker_name}" if fact.worker_name else ""
    return text + (f", {fact.at:%Y-%m-%d %H:%M}" if fact.at is not None else "")


# --------------------------------------------------------------------------- lines


_WHY = {"zero": "is 0", "negative": "is below 0", "fraction": "is a fraction",
        "not_number": "is not a number", "huge": "is too large to scan one by one"}


def quantity_why(text: str) -> str:
    """Why the reader refused a quantity: zero, negative, fraction, not_number or huge."""
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return "not_number"
    if not math.isfinite(number):
        return "not_number"
    if number == 0:
        return "zero"
    if number < 0:
        return "negative"
    return "huge" if number.is_integer() else "fraction"


def _quantities(plist: PackingList, left_out: tuple[LeftOutLine, ...]) -> list[Finding]:
    found = [Finding("quantity", order=line.order, sku=line.sku, value=line.quantity,
                     why=quantity_why(line.quantity),
                     text=f"Order {line.order}: SKU {line.sku} quantity {line.quantity!r} "
                          f"{_WHY[quantity_why(line.quantity)]}; the line is left out.")
             for line in left_out if line.reason == "quantity"]
    for order in plist.orders:
        for item in order.lines:
            if item.quantity > BIG_QUANTITY:
                found.append(Finding(
                    "quantity", order=order.order_number, sku=item.sku,
                    value=str(item.quantity), why="big",
                    text=f"Order {order.order_number}: SKU {item.sku} quantity "
                         f"{item.quantity} is more than {BIG_QUANTITY}; check it is right."))
    return found


def _left_out(plist: PackingList, left_out: tuple[LeftOutLine, ...]) -> list[Finding]:
    said = {line.where for line in left_out}  # already a quantity or NO_SKU finding
    found = [Finding("left_out", order=p.where, value=p.reason,
                     text=f"{p.where}: {p.reason}.") for p in plist.problems
             if p.where not in said]
    found += [Finding("not_fulfillable", order=n, place=plist.name,
                      text=f"Order {n} is Not Fulfillable: it is left out of list "
                           f"{plist.name}.") for n in plist.skipped]
    found += [Finding("no_sku", order=line.order, value=line.product,
                      text=f"Order {line.order}: the line {line.product or 'without a name'} "
                           f"has no SKU; it is left out of list {plist.name}.")
              for line in left_out if line.reason == "no_sku"]
    return found


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings of each kind (only kinds that occur), in ``KINDS`` order."""
    tally = dict.fromkeys(KINDS, 0)
    for finding in findings:
        tally[finding.kind] += 1
    return {kind: n for kind, n in tally.items() if n}


def problems(findings: Iterable[Finding]) -> int:
    """The findings that need a look (notes of lines left out on purpose do not)."""
    return sum(1 for f in findings if not f.is_note)

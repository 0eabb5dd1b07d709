"""What a scan means: cleaning scanner text, order-label keys, and SKU/barcode matching.

Decisions (each one a defect of the old tool, see the anchor study §1.9):

* ``clean_scan`` drops the control characters scanners add (CR, LF, TAB, STX/ETX, ...)
  and keeps GS (``\\x1d``) inside a code, the GS1 field separator. A symbology identifier
  (``]E0``) is dropped unless it marks GS1 data (``]C1``, ``]e0``, ``]d2``, ``]Q3``).
  A scan longer than ``MAX_SCAN`` characters is no barcode: it returns ``""`` and the
  caller reports an unreadable scan.
* Order labels match on ``order_key``: only ASCII ``[A-Za-z0-9_-]`` survive (what the
  Shopify Tool's label generator keeps, so ``#48218`` and ``48218`` meet), casefolded.
* Item scans match in tiers, each tried only when the one before finds nothing:
  the exact text, then a loose key (casefolded alphanumerics, the old tool's only key),
  then the GTIN key. The loose key can make distinct SKUs meet (``AB-1`` and ``A-B1``):
  the index reports such a hit as ambiguous instead of picking one.
* ``gtin_key`` is the 14-digit form of an all-digit code of length 8, 12, 13 or 14 **with a
  valid check digit**, so EAN-13, UPC-A and GTIN-14 of one item meet. A bad check digit is
  not rejected (the exact and loose tiers still match it) but is not a GTIN either:
  zero-padding an arbitrary number would make unrelated codes equal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from packing_tool.domain.orders import Order

MAX_SCAN = 200
GS = "\x1d"
GTIN_LENGTHS = frozenset({8, 12, 13, 14})
_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")  # symbology identifier a scanner may prefix
GS1_AIM = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1"})  # those that mark GS1 element strings
_BRACKETED_01 = re.compile(r"\(01\)(\d{14})")
# GS1 AIs of fixed length that may precede (01) without a GS; others end at a GS.
_FIXED_AI = {"00": 18, "01": 14, "02": 14, "11": 6, "12": 6, "13": 6, "15": 6, "16": 6,
             "17": 6, "20": 2}
_ORDER_DROP = re.compile(r"[^A-Za-z0-9_-]+")


def _is_control(ch: str) -> bool:
    return ch < " " or "\x7f" <= ch <= "\x9f" or ch in "\ufeff\u200b\u200c\u200d\u2060"


def clean_scan(text: str) -> str:
    """The printable content of a scan; ``""`` for nothing or for an absurdly long read."""
    if len(text) > MAX_SCAN * 4:  # do not even walk a pasted novel
        return ""
    kept = "".join(ch for ch in text if ch == GS or not _is_control(ch)).strip()
    while (aim := _AIM.match(kept)) and aim.group() not in GS1_AIM:
        kept = kept[3:].strip()  # e.g. "]E0" before an EAN-13: not part of the code
    return kept if len(kept) <= MAX_SCAN else ""


def order_key(text: str) -> str:
    """The key an order label and an ``order_number`` are compared on."""
    return _ORDER_DROP.sub("", text).casefold()


def loose_key(code: str) -> str:
    """Casefolded letters and digits only (``"SKU-123 a"`` → ``"sku123a"``); may collide."""
    return "".join(ch for ch in code.casefold() if ch.isalnum())


def gtin_check_ok(digits: str) -> bool:
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def gtin_key(code: str) -> str | None:
    """The 14-digit GTIN of ``code`` (EAN-8/13, UPC-A, GTIN-14, or a GS1-128 AI 01), or None."""
    text = code.strip()
    if text.isascii() and text.isdigit() and len(text) in GTIN_LENGTHS:
        return text.zfill(14) if gtin_check_ok(text) else None
    return gs1_gtin(text)


def gs1_gtin(text: str) -> str | None:
    """The GTIN in AI (01) of a GS1 element string: ``(01)…``, ``]C1…``, raw with GS, or raw."""
    found = _BRACKETED_01.search(text)
    if found:
        return found.group(1) if gtin_check_ok(found.group(1)) else None
    marked = text[:3] in GS1_AIM or GS in text
    body = (text[3:] if text[:3] in GS1_AIM else text).lstrip(GS)
    if not body.isascii() or not body[:2].isdigit():
        return None
    # Unmarked raw digits read as AIs only when longer than any plain GTIN.
    if not marked and (len(body) <= 14 or not body.startswith("01")):
        return None
    return _walk_ais(body)


def _walk_ais(body: str) -> str | None:
    for field in body.split(GS):
        pos = 0
        while pos + 2 <= len(field):
            ai = field[pos:pos + 2]
            size = _FIXED_AI.get(ai)
            if size is None:
                break  # a variable-length AI: it runs to the next GS
            value = field[pos + 2:pos + 2 + size]
            if len(value) < size or not value.isdigit():
                return None
            if ai == "01":
                return value if gtin_check_ok(value) else None
            pos += 2 + size
    return None


def sku_keys(code: str) -> tuple[str, ...]:
    """The forms to try for an item scan, in order: exact, loose key, GTIN key (no repeats)."""
    forms = [code, loose_key(code), gtin_key(code) or ""]
    return tuple(dict.fromkeys(f for f in forms if f))


def _freeze(pairs: Iterable[tuple[str | None, str]]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for key, sku in pairs:
        if key:
            table.setdefault(key, set()).add(sku)
    return {key: frozenset(skus) for key, skus in table.items()}


_NOTHING: frozenset[str] = frozenset()


class _Tiers:
    """Exact, loose and GTIN tables from codes to the SKUs they stand for."""

    __slots__ = ("exact", "gtin", "loose")

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        pairs = list(pairs)
        self.exact = _freeze(pairs)
        self.loose = _freeze((loose_key(code), sku) for code, sku in pairs)
        self.gtin = _freeze((gtin_key(code), sku) for code, sku in pairs)

    def find(self, code: str) -> tuple[frozenset[str], str]:
        hit = self.exact.get(code)
        if hit:
            return hit, "exact"
        hit = self.loose.get(loose_key(code))
        if hit:
            return hit, "loose"
        key = gtin_key(code)
        hit = self.gtin.get(key) if key else None
        if hit:
            return hit, "gtin"
        return _NOTHING, "none"

    def collisions(self) -> dict[str, frozenset[str]]:
        return {key: skus for table in (self.loose, self.gtin)
                for key, skus in table.items() if len(skus) > 1}


class BarcodeLookup:
    """A client's barcode → SKU map, prepared once per list (tables built, keys computed)."""

    def __init__(self, mapping: Mapping[str, str]) -> None:
        self._tiers = _Tiers((code, sku) for code, sku in mapping.items() if code and sku)

    def find(self, code: str) -> frozenset[str]:
        return self._tiers.find(code)[0]

    def collisions(self) -> dict[str, frozenset[str]]:
        """Barcodes whose loose or GTIN key points at more than one SKU."""
        return self._tiers.collisions()


EMPTY_LOOKUP = BarcodeLookup({})


@dataclass(frozen=True)
class SkuMatch:
    skus: frozenset[str]  # SKUs of the index the scan stands for; empty when none
    via: str  # "map", "exact", "loose", "gtin" or "none"
    mapped_to: frozenset[str] = frozenset()  # what the barcode map said, even if not indexed

    @property
    def ambiguous(self) -> bool:
        return len(self.skus) > 1


class SkuIndex:
    """The SKUs of one order (or of a whole list), looked up by any scan in O(1)."""

    def __init__(self, skus: Iterable[str], barcodes: BarcodeLookup = EMPTY_LOOKUP) -> None:
        self._tiers = _Tiers((sku, sku) for sku in skus if sku)
        self._barcodes = barcodes

    @classmethod
    def for_orders(cls, orders: Iterable[Order], barcodes: BarcodeLookup = EMPTY_LOOKUP
                   ) -> SkuIndex:
        return cls((line.sku for order in orders for line in order.lines), barcodes)

    def match(self, code: str) -> SkuMatch:
        """Barcode map first (its SKUs resolved through this index), then the SKUs' own forms."""
        mapped = self._barcodes.find(code)
        if mapped:
            found: set[str] = set()
            for sku in mapped:
                found |= self._tiers.find(sku)[0]
            if found:
                return SkuMatch(frozenset(found), "map", mapped)
        skus, via = self._tiers.find(code)
        return SkuMatch(skus, via, mapped)

    def lookup(self, code: str) -> frozenset[str]:
        return self.match(code).skus

    def collisions(self) -> dict[str, frozenset[str]]:
        """Loose or GTIN keys shared by distinct SKUs: a scan reaching one is ambiguous."""
        return self._tiers.collisions()


class OrderIndex:
    """Order labels to ``order_number`` through ``order_key``; colliding numbers are kept."""

    def __init__(self, order_numbers: Iterable[str]) -> None:
        self._by_key: dict[str, list[str]] = {}
        for number in order_numbers:
            key = order_key(number)
            if key and number not in self._by_key.setdefault(key, []):
                self._by_key[key].append(number)

    def find(self, scan: str) -> tuple[str, ...]:
        """Every order the label may mean: none, one, or several (the caller says ambiguous)."""
        return tuple(self._by_key.get(order_key(scan), ()))

    def collisions(self) -> dict[str, tuple[str, ...]]:
        return {k: tuple(v) for k, v in self._by_key.items() if len(v) > 1}

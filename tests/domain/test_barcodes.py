"""Scan cleaning, order-label keys, GTIN equivalence, GS1-128, and the SKU index."""

from __future__ import annotations

import string
import time

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from packing_tool.domain.barcodes import (
    GS,
    MAX_SCAN,
    BarcodeLookup,
    OrderIndex,
    SkuIndex,
    clean_scan,
    gtin_check_ok,
    gtin_key,
    loose_key,
    order_key,
    sku_keys,
)
from packing_tool.domain.orders import Order, OrderLine

ORDER_CHARS = string.ascii_letters + string.digits + "-_"


def with_check(body: str) -> str:
    """``body`` plus its GS1 check digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


digits = st.text(alphabet=string.digits, min_size=1, max_size=1)
ean13s = st.text(alphabet=string.digits, min_size=12, max_size=12).map(with_check)
ean8s = st.text(alphabet=string.digits, min_size=7, max_size=7).map(with_check)
gtin14s = st.text(alphabet=string.digits, min_size=13, max_size=13).map(with_check)
lots = st.text(alphabet=string.ascii_uppercase + string.digits, min_size=1, max_size=20)


# --------------------------------------------------------------------------- clean_scan


@pytest.mark.parametrize(("raw", "clean"), [
    ("48218\r\n", "48218"),
    ("\x02MC-SER-101-30\x03", "MC-SER-101-30"),
    ("  \t#48218 \n", "#48218"),
    ("\ufeffSKU-1", "SKU-1"),
    ("Shipping protection", "Shipping protection"),  # inner spaces are content
    ("]E03800970054662", "3800970054662"),  # symbology identifier of an EAN-13
    ("]C1010400638133393117261231", "]C1010400638133393117261231"),  # GS1: kept, it means GS1
    (f"0104006381333931{GS}10LOT7\r", f"0104006381333931{GS}10LOT7"),
    (f"{GS}0104006381333931", "0104006381333931"),  # a leading FNC1 carries nothing
    ("", ""),
    ("\r\n", ""),
])
def test_clean_scan(raw: str, clean: str) -> None:
    assert clean_scan(raw) == clean


def test_absurd_length_is_empty_for_the_caller_to_report() -> None:
    assert clean_scan("7" * MAX_SCAN) == "7" * MAX_SCAN
    assert clean_scan("7" * (MAX_SCAN + 1)) == ""
    assert clean_scan("x" * 10_000_000) == ""


@given(st.text(max_size=300))
def test_clean_scan_is_idempotent_and_printable(text: str) -> None:
    once = clean_scan(text)
    assert clean_scan(once) == once
    assert len(once) <= MAX_SCAN
    assert all(ch == GS or ch >= " " for ch in once)


# --------------------------------------------------------------------------- order_key


def test_order_key_examples() -> None:
    assert order_key("#48218") == order_key("48218") == order_key(" #48218 ") == "48218"
    assert order_key("#B20451") == order_key("b20451")
    assert order_key("ORD-123!") == "ord-123"
    assert order_key("A_1") != order_key("A-1")


@given(st.text())
def test_order_key_is_idempotent(text: str) -> None:
    assert order_key(order_key(text)) == order_key(text)


@given(st.text(alphabet=ORDER_CHARS, min_size=1, max_size=30),
       st.text(alphabet="#!. '\"", max_size=3), st.text(alphabet="#!. '\"", max_size=3))
def test_order_key_ignores_hash_case_and_punctuation(core: str, before: str, after: str) -> None:
    key = order_key(core)
    assert order_key("#" + core) == key
    assert order_key(before + core.swapcase() + after) == key
    assert order_key(core.upper()) == order_key(core.lower()) == key


def test_order_index_finds_with_and_without_hash_and_reports_collisions() -> None:
    index = OrderIndex(["#48218", "#B20451", "48219", "#48219"])
    assert index.find("48218") == ("#48218",)
    assert index.find("#48218\r") == ("#48218",)
    assert index.find("b20451") == ("#B20451",)
    assert index.find("99999") == ()
    assert index.find("48219") == ("48219", "#48219")
    assert index.collisions() == {"48219": ("48219", "#48219")}


# --------------------------------------------------------------------------- GTIN


def test_gtin_examples() -> None:
    assert gtin_key("0012345678905") == "00012345678905"  # EAN-13 with leading zeros
    assert gtin_key("012345678905") == "00012345678905"  # the same item read as UPC-A
    assert gtin_key("00012345678905") == "00012345678905"  # and as GTIN-14
    assert gtin_key("96385074") == "00000096385074"  # EAN-8
    assert gtin_key("0012345678906") is None  # bad check digit: not a GTIN
    assert gtin_key("12345") is None
    assert gtin_key("MC-SER-101-30") is None
    assert gtin_key("123456789012345") is None  # 15 digits, no AI 01


@given(ean13s)
def test_ean13_gtin14_upca_are_one_item(ean: str) -> None:
    key = gtin_key(ean)
    assert key == ean.zfill(14)
    assert gtin_key("0" + ean) == key  # GTIN-14
    if ean.startswith("0"):
        assert gtin_key(ean[1:]) == key  # UPC-A
    assert gtin_key(key) == key  # idempotent


@given(ean8s)
def test_ean8_is_its_gtin14(ean: str) -> None:
    assert gtin_key(ean) == gtin_key("000000" + ean) == ean.zfill(14)


@given(st.one_of(ean8s, ean13s, gtin14s), st.one_of(ean8s, ean13s, gtin14s))
def test_distinct_gtins_never_collide(a: str, b: str) -> None:
    assume(a.zfill(14) != b.zfill(14))
    assert gtin_key(a) != gtin_key(b)


@given(ean13s, st.integers(0, 12), st.integers(1, 9))
def test_any_single_digit_error_is_no_gtin(ean: str, pos: int, shift: int) -> None:
    wrong = ean[:pos] + str((int(ean[pos]) + shift) % 10) + ean[pos + 1:]
    assert not gtin_check_ok(wrong)
    assert gtin_key(wrong) is None


@given(gtin14s, lots)
def test_gs1_128_ai01_reads_as_its_gtin(gtin: str, lot: str) -> None:
    forms = [
        f"(01){gtin}",
        f"(01){gtin}(17)261231(10){lot}",
        f"(10){lot}(01){gtin}",
        f"]C101{gtin}17261231",
        f"]C101{gtin}10{lot}",
        f"01{gtin}",  # 16 digits: longer than any plain GTIN, so AIs
        f"01{gtin}17261231{GS}10{lot}",
        f"10{lot}{GS}01{gtin}",
        f"]C11726123101{gtin}",  # (17) is fixed-length: no GS before (01)
        f"]d201{gtin}21{lot}",
    ]
    for form in forms:
        assert gtin_key(clean_scan(form)) == gtin, form


@given(gtin14s)
def test_gs1_with_a_bad_gtin_is_not_a_gtin(gtin: str) -> None:
    wrong = gtin[:-1] + str((int(gtin[-1]) + 1) % 10)
    assert gtin_key(f"(01){wrong}") is None
    assert gtin_key(f"]C101{wrong}") is None


# --------------------------------------------------------------------------- sku keys


@given(st.text())
def test_loose_key_is_idempotent(text: str) -> None:
    assert loose_key(loose_key(text)) == loose_key(text)


@given(st.text(max_size=40))
def test_sku_keys_start_with_the_exact_text_and_repeat_nothing(code: str) -> None:
    keys = sku_keys(code)
    assert len(set(keys)) == len(keys)
    if code:
        assert keys[0] == code
    for key in keys[1:]:
        assert key in (loose_key(code), gtin_key(code))


def test_sku_keys_examples() -> None:
    assert sku_keys("AB-1") == ("AB-1", "ab1")
    assert sku_keys("0012345678905") == ("0012345678905", "00012345678905")
    assert sku_keys("") == ()


# --------------------------------------------------------------------------- index


def order(number: str, *skus: str) -> Order:
    lines = tuple(OrderLine(row=i, sku=s, product_name=s, quantity=1) for i, s in enumerate(skus))
    return Order(order_number=number, lines=lines)


def test_exact_wins_over_a_loose_collision() -> None:
    index = SkuIndex(["AB-1", "A-B1"])
    assert index.lookup("AB-1") == {"AB-1"}
    assert index.lookup("A-B1") == {"A-B1"}
    hit = index.match("ab 1")
    assert hit.skus == {"AB-1", "A-B1"}
    assert hit.ambiguous
    assert hit.via == "loose"
    assert index.collisions() == {"ab1": frozenset({"AB-1", "A-B1"})}


def test_loose_and_gtin_tiers() -> None:
    index = SkuIndex.for_orders([order("#1", "MC-SER-101-30", "0012345678905", "07")])
    assert index.match("mc-ser-101-30").via == "loose"
    assert index.lookup("MC SER 101 30") == {"MC-SER-101-30"}
    upc = index.match("012345678905")
    assert (upc.skus, upc.via) == (frozenset({"0012345678905"}), "gtin")
    assert index.lookup("(01)00012345678905(17)261231") == {"0012345678905"}
    assert index.lookup("7") == set()  # "07" is not "7": leading zeros matter
    assert index.match("nothing").via == "none"


def test_barcode_map_first_then_the_skus_own_forms() -> None:
    barcodes = BarcodeLookup({"3800601000006": "MC-SER-101-30", " 4006381333931 ": "07",
                              "MC-SER-102-30": "MC-SER-101-30"})
    index = SkuIndex(["MC-SER-101-30", "MC-SER-102-30", "07"], barcodes)
    hit = index.match("3800601000006")
    assert (hit.skus, hit.via) == (frozenset({"MC-SER-101-30"}), "map")
    assert index.lookup("03800601000006") == {"MC-SER-101-30"}  # map key's GTIN form
    assert index.lookup("4006381333931") == {"07"}  # map key's loose form
    assert index.lookup("MC-SER-102-30") == {"MC-SER-101-30"}  # the map is applied first


def test_map_to_a_sku_not_in_the_index_falls_through() -> None:
    barcodes = BarcodeLookup({"3800601000006": "ELSEWHERE"})
    index = SkuIndex(["3800601000006"], barcodes)
    hit = index.match("3800601000006")
    assert hit.skus == {"3800601000006"}
    assert (hit.via, hit.mapped_to) == ("exact", frozenset({"ELSEWHERE"}))
    empty = SkuIndex(["X"], barcodes).match("3800601000006")
    assert not empty.skus
    assert empty.mapped_to == {"ELSEWHERE"}


def test_barcode_map_collisions_are_reported() -> None:
    barcodes = BarcodeLookup({"AB-1": "X", "A-B1": "Y"})
    assert barcodes.collisions() == {"ab1": frozenset({"X", "Y"})}
    assert SkuIndex(["X", "Y"], barcodes).match("ab1").ambiguous


def test_scan_path_is_fast_on_a_5000_order_list() -> None:
    orders = [order(f"#{100000 + n}", f"GEN-{n % 400:05d}", with_check(f"{n:012d}"))
              for n in range(5000)]
    barcodes = BarcodeLookup({with_check(f"38{n:010d}"): f"GEN-{n:05d}" for n in range(400)})
    index = SkuIndex.for_orders(orders, barcodes)
    orders_by_key = OrderIndex(o.order_number for o in orders)
    scans = [with_check(f"38{n % 400:010d}") + "\r\n" for n in range(2000)]
    scans += ["gen-00007\r\n", "0" * 14, "#100017\r\n", "(01)00000000000017"]
    times = []
    for raw in scans:
        start = time.perf_counter()
        code = clean_scan(raw)
        orders_by_key.find(code)
        index.match(code)
        times.append(time.perf_counter() - start)
    assert index.lookup(scans[7].strip()) == {"GEN-00007"}
    times.sort()
    assert times[int(len(times) * 0.99)] < 0.001

"""Packing with the keyboard in a Cyrillic layout: scans read as the Latin codes meant."""

from __future__ import annotations

from packing_tool.domain.events import Outcome
from packing_tool.domain.keyboard_layouts import BDS, PHONETIC, RUSSIAN
from packing_tool.domain.packer import PackerLogic
from tests.domain.packer_support import Station, make_logic

LIST = {"MC-1001": [("MC-SER-101-30", 1), ("Lbl-a42", 1)], "1002": [("Кафе", 1)]}


def fresh() -> Station:
    return Station(make_logic(LIST))


def test_order_label_and_items_typed_under_bds_are_packed() -> None:
    station = fresh()
    loaded = station.scan(BDS.typed("MC-1001"))
    assert loaded.outcome is Outcome.ORDER_LOADED
    assert loaded.order_number == "MC-1001"
    first = station.scan("ПЪ-ЯЕИ-101-30")
    assert first.outcome is Outcome.ITEM_OK
    assert first.sku == "MC-SER-101-30"
    assert first.event.code == "MC-SER-101-30"  # the journal keeps the code as meant
    done = station.scan(BDS.typed("Lbl-a42"))
    assert done.outcome is Outcome.ORDER_COMPLETE


def test_phonetic_and_russian_readings() -> None:
    for layout in (PHONETIC, RUSSIAN):
        station = fresh()
        station.scan("MC-1001")
        assert station.scan(layout.typed("MC-SER-101-30")).outcome is Outcome.ITEM_OK


def test_a_real_cyrillic_sku_is_matched_as_it_is() -> None:
    station = fresh()
    station.scan("1002")
    result = station.scan("Кафе")
    assert result.outcome is Outcome.ORDER_COMPLETE
    assert result.event.code == "Кафе"


def test_an_unknown_cyrillic_scan_stays_unknown_and_as_typed() -> None:
    station = fresh()
    station.scan("MC-1001")
    result = station.scan("ПЪ-ЯЕИ-999")
    assert result.outcome is Outcome.UNKNOWN_BARCODE
    assert result.event.code == "ПЪ-ЯЕИ-999"


def test_label_target_reads_the_label_too() -> None:
    logic: PackerLogic = fresh().logic
    assert logic.label_target(BDS.typed("MC-1001")) == "MC-1001"
    assert logic.reading("ЬС-ЫУК-101-30") == "MC-SER-101-30"


def test_replaying_the_journal_gives_the_same_state() -> None:
    station = fresh()
    for text in (BDS.typed("MC-1001"), BDS.typed("MC-SER-101-30"), BDS.typed("Lbl-a42")):
        station.scan(text)
    replay = make_logic(LIST)
    for event in station.journal:
        replay.apply(event)
    assert replay.progress.units_packed == station.logic.progress.units_packed == 2

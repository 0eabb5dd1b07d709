"""Keyboard layouts: what a scanner types under each, and the Latin reading back."""

from __future__ import annotations

import pytest

from packing_tool.domain.keyboard_layouts import (
    BDS,
    LAYOUTS,
    PHONETIC,
    PHONETIC_2006,
    RUSSIAN,
    US_PLAIN,
    US_SHIFT,
    guess_layout,
    latin_reading,
    layouts_explaining,
)


@pytest.mark.parametrize(("layout", "arrived"), [
    (BDS, "ПЪ-ЯЕИ-101-30"),
    (PHONETIC, "МЦ-СЕР-101-30"),
    (PHONETIC_2006, "МЦ-СЕР-101-30"),
    (RUSSIAN, "ЬС-ЫУК-101-30"),
])
def test_each_layout_types_the_code_and_reads_it_back(layout, arrived) -> None:
    assert layout.typed("MC-SER-101-30") == arrived
    assert layout.latin(arrived) == "MC-SER-101-30"


def test_every_key_reads_back_to_itself() -> None:
    for layout in LAYOUTS:
        keys = US_PLAIN + US_SHIFT
        letters = "".join(k for k in keys if k.isalpha())
        assert layout.latin(layout.typed(letters)) == letters, layout.key
        assert layout.typed("0123456789") == "0123456789"


def test_traditional_and_2006_phonetic_differ_on_some_keys() -> None:
    assert PHONETIC.typed("qwx") == "явь"
    assert PHONETIC_2006.typed("qwx") == "чшж"
    assert BDS.typed("Q") == "ы"
    assert BDS.typed("q") == ","


def test_layouts_explaining_and_guess() -> None:
    assert layouts_explaining("ПЪ-ЯЕИ-101-30", "MC-SER-101-30") == [BDS]
    assert guess_layout("ПЪ-ЯЕИ") is BDS
    assert guess_layout("ЬС-ЫУК") is RUSSIAN  # BDS types no capital soft sign
    assert guess_layout("ABC-1") is None


def test_latin_reading_only_when_the_reading_is_known() -> None:
    known = {"MC-SER-101-30"}.__contains__
    assert latin_reading("ЬС-ЫУК-101-30", known) == ("MC-SER-101-30", RUSSIAN)
    assert latin_reading("ПЪ-ЯЕИ-101-30", known) == ("MC-SER-101-30", BDS)
    assert latin_reading("МЦ-СЕР-101-30", known) == ("MC-SER-101-30", PHONETIC)
    assert latin_reading("Кафе", known) is None  # a real Cyrillic word stays as it is
    assert latin_reading("MC-SER-101-30", known) is None  # nothing to read back

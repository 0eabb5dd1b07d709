"""Barcode encoders against the standards' tables and hand-computed check characters."""

from __future__ import annotations

import pytest

from packing_tool.domain.barcode_symbols import (
    FNC1,
    BarcodeError,
    code128,
    code128_checksum,
    ean13,
    modules,
    sheet_codes,
)

# EAN-13 4006381333931 from the L/G/R tables: first digit 4 → parity LGLLGG.
EAN_4006381333931 = (
    "101" "0001101" "0100111" "0101111" "0111101" "0001001" "0110011"
    "01010" "1000010" "1000010" "1000010" "1110100" "1000010" "1100110" "101")


def test_ean13_matches_the_reference_pattern() -> None:
    symbol = ean13("4006381333931")
    assert modules(symbol.widths) == EAN_4006381333931
    assert len(modules(symbol.widths)) == 95
    assert len(symbol.guards) == 11  # 3 + 5 + 3 guard elements, bars and spaces


def test_ean13_adds_or_checks_the_check_digit() -> None:
    assert ean13("400638133393").text == "4006381333931"
    with pytest.raises(BarcodeError):
        ean13("4006381333932")
    with pytest.raises(BarcodeError):
        ean13("40063813339")


def test_code128_set_b_checksum_by_hand() -> None:
    # Start B 104; P=48 J=42 J=42 1=17 2=18 3=19 C=35;
    # 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879; 879 mod 103 = 55.
    assert code128("PJJ123C").values == (104, 48, 42, 42, 17, 18, 19, 35, 55)


def test_code128_all_digits_use_set_c() -> None:
    # Start C 105; 12 34 56: 105 + 12 + 34·2 + 56·3 = 353; 353 mod 103 = 44.
    assert code128("123456").values == (105, 12, 34, 56, 44)


def test_gs1_128_starts_with_fnc1_and_writes_gs_as_fnc1() -> None:
    values = code128("0104006381333931", gs1=True).values
    assert values[:2] == (105, FNC1)
    assert values[2:10] == (1, 4, 0, 63, 81, 33, 39, 31)
    assert values[-1] == code128_checksum(list(values[:-1]))
    with_gs = code128("0104006381333931\x1d10AB", gs1=True).values
    assert with_gs.count(FNC1) == 2


def test_code128_switches_sets_for_a_digit_run_and_control_characters() -> None:
    values = code128("AB123456").values
    assert values[:3] == (104, 33, 34)
    assert values[3] == 99
    assert values[4:7] == (12, 34, 56)
    tab = code128("A\tB").values
    assert tab[0] == 103
    assert 73 in tab


def test_every_symbol_is_eleven_modules_and_the_stop_thirteen() -> None:
    symbol = code128("MC-SER-101-30")
    # start + 13 characters + check = 15 symbols of 11 modules, stop 13
    assert sum(symbol.widths) == 15 * 11 + 13
    assert modules(symbol.widths).startswith("11010010000")  # Start B
    assert modules(symbol.widths).endswith("1100011101011")  # Stop


def test_code128_refuses_what_it_cannot_write() -> None:
    with pytest.raises(BarcodeError):
        code128("Ж")
    with pytest.raises(BarcodeError):
        code128("")


def test_the_sheet_has_the_four_kinds_of_code() -> None:
    sheet = sheet_codes()
    assert [c.kind for c in sheet] == ["code128", "ean13", "gs1_128", "lowercase"]
    assert any(ch.islower() for ch in sheet[3].sent)
    assert sheet[2].symbol.text == "(01)04006381333931"

"""Barcode symbols as bar widths: Code 128 (sets A, B and C, GS1-128 with FNC1) and EAN-13.

Pure functions: text in, a ``Symbol`` out whose ``widths`` alternate bar, space, bar, ...
in modules (the narrowest element), starting and ending with a bar. Drawing them is the UI's
job (``ui/test_sheet.py``); ``modules`` gives the same as a ``"1"``/``"0"`` string for tests.

Code 128: each symbol character is 3 bars and 3 spaces over 11 modules (the stop has a 13th
module, a final bar). The check character is the start value plus each value times its
position, modulo 103. Digit runs go into set C (two digits per character) when that saves
room: 4 or more digits at the start or end of the data, 6 or more in the middle. GS1-128
starts with FNC1, and a GS (``\\x1d``) in the data is written as FNC1 (the field separator).
"""

from __future__ import annotations

from dataclasses import dataclass

from packing_tool.domain.barcodes import GS, gtin_check_ok

# Bar and space widths of the Code 128 values 0..106 (106 is the stop).
_CODE128 = (
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312",  # 0..7
    "132212", "221213", "221312", "231212", "112232", "122132", "122231", "113222",  # 8..15
    "123122", "123221", "223211", "221132", "221231", "213212", "223112", "312131",  # 16..23
    "311222", "321122", "321221", "312212", "322112", "322211", "212123", "212321",  # 24..31
    "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",  # 32..39
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121",  # 40..47
    "313121", "211331", "231131", "213113", "213311", "213131", "311123", "311321",  # 48..55
    "331121", "312113", "312311", "332111", "314111", "221411", "431111", "111224",  # 56..63
    "111422", "121124", "121421", "141122", "141221", "112214", "112412", "122114",  # 64..71
    "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",  # 72..79
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112",  # 80..87
    "421211", "212141", "214121", "412121", "111143", "111341", "131141", "114113",  # 88..95
    "114311", "411113", "411311", "113141", "114131", "311141", "411131", "211412",  # 96..103
    "211214", "211232", "2331112",  # 104..106
)
SHIFT_C, SHIFT_B, SHIFT_A, FNC1 = 99, 100, 101, 102  # CODE C / CODE B / CODE A / FNC1
START = {"A": 103, "B": 104, "C": 105}
STOP = 106
SWITCH = {"A": SHIFT_A, "B": SHIFT_B, "C": SHIFT_C}

# EAN-13: widths of the left-hand "L" digits (space, bar, space, bar); "G" is L reversed and
# the right-hand "R" digits are L's widths starting with a bar.
_EAN_L = ("3211", "2221", "2122", "1411", "1132", "1231", "1114", "1312", "1213", "3112")
_EAN_PARITY = ("LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
               "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL")


class BarcodeError(ValueError):
    """The text cannot be written in the symbology asked for."""


@dataclass(frozen=True)
class Symbol:
    text: str  # the human-readable line under the bars
    widths: tuple[int, ...]  # bar, space, bar, ... in modules
    quiet: tuple[int, int]  # light margin before and after, in modules
    guards: frozenset[int] = frozenset()  # indices of bars drawn longer (EAN guard bars)
    values: tuple[int, ...] = ()  # Code 128 values including start and check, for tests

    @property
    def total_modules(self) -> int:
        return sum(self.widths) + self.quiet[0] + self.quiet[1]


def modules(widths: tuple[int, ...]) -> str:
    """``(2, 1, 2)`` → ``"11011"``: bars as ``1``, spaces as ``0``."""
    return "".join(("1" if i % 2 == 0 else "0") * w for i, w in enumerate(widths))


def code128_checksum(values: list[int]) -> int:
    """The check value of a start value followed by data values (positions count from 1)."""
    return (values[0] + sum(v * i for i, v in enumerate(values[1:], start=1))) % 103


def _digit_run(data: str, pos: int) -> int:
    end = pos
    while end < len(data) and data[end].isdigit() and data[end].isascii():
        end += 1
    return end - pos


def _value(ch: str, code_set: str) -> int | None:
    n = ord(ch)
    if code_set == "B" and 32 <= n <= 127:
        return n - 32
    if code_set == "A" and 0 <= n <= 95:
        return n + 64 if n < 32 else n - 32
    return None


def _letter_set(data: str, pos: int) -> str:
    """B unless a control character comes before any lowercase letter (then A)."""
    for ch in data[pos:]:
        if ch == GS:
            continue
        if ord(ch) < 32:
            return "A"
        if 96 <= ord(ch) <= 127:
            return "B"
    return "B"


def _use_c(data: str, pos: int) -> bool:
    run = _digit_run(data, pos)
    at_edge = pos == 0 or pos + run == len(data)
    return run >= (4 if at_edge else 6) or (run == len(data) and run >= 2)


def code128_values(data: str, *, gs1: bool = False) -> list[int]:
    """Start, data and check values of ``data`` (GS as FNC1 when ``gs1``), without the stop."""
    if not data:
        raise BarcodeError("nothing to encode")
    code_set = "C" if _use_c(data, 0) else _letter_set(data, 0)
    values = [START[code_set]]
    if gs1:
        values.append(FNC1)
    pos = 0
    while pos < len(data):
        ch = data[pos]
        if ch == GS and gs1:
            values.append(FNC1)
            pos += 1
            continue
        if code_set == "C":
            if _digit_run(data, pos) >= 2:
                values.append(int(data[pos:pos + 2]))
                pos += 2
                continue
            code_set = _letter_set(data, pos)
            values.append(SWITCH[code_set])
            continue
        run = _digit_run(data, pos)
        if _use_c(data, pos) and run % 2 == 0:
            code_set = "C"
            values.append(SHIFT_C)
            continue
        value = _value(ch, code_set)
        if value is None:
            other = "A" if code_set == "B" else "B"
            value = _value(ch, other)
            if value is None:
                raise BarcodeError(f"{ch!r} cannot be written in Code 128")
            code_set = other
            values.append(SWITCH[other])
        values.append(value)
        pos += 1
    values.append(code128_checksum(values))
    return values


def code128(data: str, *, gs1: bool = False, text: str | None = None) -> Symbol:
    """Code 128 of ``data``; ``gs1`` makes it a GS1-128 (FNC1 first)."""
    values = code128_values(data, gs1=gs1)
    widths = tuple(int(w) for v in [*values, STOP] for w in _CODE128[v])
    shown = text if text is not None else data.replace(GS, " ")
    return Symbol(shown, widths, (10, 10), values=tuple(values))


def ean13(digits: str) -> Symbol:
    """EAN-13 of 12 digits (the check digit is added) or 13 (the check digit is verified)."""
    if not (digits.isascii() and digits.isdigit() and len(digits) in (12, 13)):
        raise BarcodeError("an EAN-13 has 12 or 13 digits")
    if len(digits) == 12:
        digits += next(d for d in "0123456789" if gtin_check_ok(digits + d))
    elif not gtin_check_ok(digits):
        raise BarcodeError(f"{digits}: wrong check digit")
    widths: list[int] = [1, 1, 1]
    guards = {0, 1, 2}
    for digit, parity in zip(digits[1:7], _EAN_PARITY[int(digits[0])], strict=True):
        pattern = _EAN_L[int(digit)]
        widths += [int(w) for w in (pattern if parity == "L" else pattern[::-1])]
    guards |= {len(widths) + i for i in range(5)}
    widths += [1, 1, 1, 1, 1]
    for digit in digits[7:]:
        widths += [int(w) for w in _EAN_L[int(digit)]]
    guards |= {len(widths) + i for i in range(3)}
    widths += [1, 1, 1]
    return Symbol(digits, tuple(widths), (11, 7), frozenset(guards))


@dataclass(frozen=True)
class SheetCode:
    kind: str  # "code128", "ean13", "gs1_128", "lowercase": what the code tests
    symbol: Symbol
    sent: str  # what a correctly set scanner types for it (without the Enter)


def sheet_codes() -> tuple[SheetCode, ...]:
    """The codes of the scanner test sheet, in the order they are printed."""
    return (
        SheetCode("code128", code128("MC-SER-101-30"), "MC-SER-101-30"),
        SheetCode("ean13", ean13("4006381333931"), "4006381333931"),
        SheetCode("gs1_128", code128("0104006381333931", gs1=True, text="(01)04006381333931"),
                  "0104006381333931"),
        SheetCode("lowercase", code128("Lbl-a42"), "Lbl-a42"),
    )

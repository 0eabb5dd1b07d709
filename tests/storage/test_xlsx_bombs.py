"""xlsx lists built to cost: refused by what parsing them would cost, before openpyxl starts.

Every bomb is a real workbook (openpyxl's own, with its sheet XML replaced) and each is
refused in well under 5 s of wall time, naming the file; through ``simulate`` the refusal
is exit code 2. Before, a 1.36 MB list within every limit cost 226 s of CPU and the message
blamed the share.
"""

from __future__ import annotations

import random
import re
import struct
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from openpyxl import Workbook

from packing_tool.storage import xlsx_reader
from packing_tool.storage.list_readers import ListReadError, load_packing_list
from tests.conftest import SHOPIFY_SERVER
from tests.helpers.simulate_checks import run_cli, simulate_args, writable_copy

SESSION = "2026-11-21_1"
SHEET = "xl/worksheets/sheet1.xml"
NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
HEAD = b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS + b"><sheetData>"
HEADER_ROW = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>Order_Number</t></is></c>'
              b'<c r="B1" t="inlineStr"><is><t>SKU</t></is></c>'
              b'<c r="C1" t="inlineStr"><is><t>Quantity</t></is></c></row>')
TAIL = b"</sheetData></worksheet>"
WITHIN = 5.0  # seconds of wall time for a refusal, on a loaded CI machine too
Writer = Callable[[IO[bytes]], None]


def bomb(path: Path, write_sheet: Writer, *, head: bytes = HEAD) -> Path:
    """A valid workbook whose first sheet's XML is what ``write_sheet`` streams."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Order_Number", "SKU", "Quantity"])
    book.save(path.with_suffix(".base"))
    with zipfile.ZipFile(path.with_suffix(".base")) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != SHEET:
                target.writestr(info, source.read(info))
                continue
            member = zipfile.ZipInfo(SHEET)
            member.compress_type = zipfile.ZIP_DEFLATED
            with target.open(member, "w", force_zip64=True) as fh:
                fh.write(head + HEADER_ROW)
                write_sheet(fh)
                fh.write(TAIL)
    path.with_suffix(".base").unlink()
    return path


def rows_of(cells_per_row: int, rows: int, cell: Callable[[int, int], bytes]
            ) -> Iterator[bytes]:
    for r in range(2, rows + 2):
        yield b'<row r="%d">' % r + b"".join(cell(r, c) for c in range(cells_per_row)) + b"</row>"


def huge_text(fh: IO[bytes]) -> None:
    """One cell holding 300 MB of text: the sheet packs to about 300 kB."""
    fh.write(b'<row r="2"><c r="A2" t="inlineStr"><is><t>')
    block = b"A" * (1 << 20)
    for _ in range(300):
        fh.write(block)
    fh.write(b"</t></is></c></row>")


def empty_cells(fh: IO[bytes]) -> None:
    """Ten million empty cells in 2,000 rows (40 MB of XML packed a thousand times)."""
    for row in rows_of(1, 2000, lambda r, c: b"<c/>" * 5000):
        fh.write(row)


def million_cells(fh: IO[bytes]) -> None:
    """A million tiny numeric cells that pack only five times: no ratio gives them away."""
    rnd = random.Random(14)
    for row in rows_of(1000, 1000, lambda r, c: b'<c r="A%d"><v>%d</v></c>' % (
            r, rnd.randrange(10**9))):
        fh.write(row)


def refused(path: Path) -> tuple[ListReadError, float]:
    start = time.perf_counter()
    with pytest.raises(ListReadError) as caught:
        load_packing_list(path)
    took = time.perf_counter() - start
    assert caught.value.path == str(path)
    assert str(caught.value).startswith(f"{path}: ")
    return caught.value, took


# --------------------------------------------------------------------------- the bombs


def test_a_sheet_that_unpacks_to_300_mb_is_refused_from_the_zip_directory(tmp_path: Path
                                                                          ) -> None:
    path = bomb(tmp_path / "Huge.xlsx", huge_text)
    assert path.stat().st_size < 1 << 20  # a small file on the share
    error, took = refused(path)
    assert "unpacks to 300 MB; more than 50 MB are refused" in error.reason
    assert took < WITHIN


def test_a_part_packed_a_thousand_times_is_refused(tmp_path: Path) -> None:
    path = bomb(tmp_path / "Empty.xlsx", empty_cells)
    assert zipfile.ZipFile(path).getinfo(SHEET).file_size < xlsx_reader.MAX_UNPACKED_BYTES
    error, took = refused(path)
    assert f"its part {SHEET} unpacks to 38 MB from" in error.reason
    assert "more than 100 is not a real workbook" in error.reason
    assert took < WITHIN


def test_a_million_tiny_cells_are_counted_and_refused(tmp_path: Path) -> None:
    path = bomb(tmp_path / "Million.xlsx", million_cells)
    info = zipfile.ZipFile(path).getinfo(SHEET)
    assert info.file_size < xlsx_reader.MAX_UNPACKED_BYTES
    assert info.file_size < xlsx_reader.MAX_RATIO * info.compress_size  # within both
    error, took = refused(path)
    assert error.reason == ("has more than 200,000 cells; lists that big are refused "
                            "(split the list)")
    assert took < WITHIN


def test_a_dimension_that_lies_does_not_hide_the_cells(tmp_path: Path) -> None:
    head = HEAD.replace(b"<sheetData>", b'<dimension ref="A1:C2"/><sheetData>')
    path = bomb(tmp_path / "Liar.xlsx", million_cells, head=head)
    error, took = refused(path)
    assert "more than 200,000 cells" in error.reason
    assert took < WITHIN


def test_elements_without_cells_are_counted_too(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def no_cells(fh: IO[bytes]) -> None:
        fh.write(b"<row/>" * 50_000 + b"<x/>" * 150_000)

    path = bomb(tmp_path / "Rows.xlsx", no_cells)
    monkeypatch.setattr(xlsx_reader, "MAX_XML_ELEMENTS", 150_000)
    error, took = refused(path)
    assert error.reason == "holds more than 150,000 XML elements; refused"
    monkeypatch.setattr(xlsx_reader, "MAX_ROWS", 40_000)
    error, took = refused(path)
    assert error.reason == "has more than 40,010 rows; refused"
    assert took < WITHIN


def test_a_dtd_is_refused(tmp_path: Path) -> None:
    head = HEAD.replace(b"<worksheet", b'<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaa">]>'
                                       b"<worksheet")
    path = bomb(tmp_path / "Dtd.xlsx", lambda fh: None, head=head)
    error, _ = refused(path)
    assert "document type declaration" in error.reason


def test_a_zip_directory_that_understates_a_part_is_not_believed(tmp_path: Path) -> None:
    """The sizes checked are the sizes zipfile holds the data to: a part longer than its
    directory entry says fails its CRC instead of unpacking further."""
    path = bomb(tmp_path / "Short.xlsx", million_cells)
    data = bytearray(path.read_bytes())
    for found in re.finditer(rb"PK\x01\x02", data):  # the central directory's entries
        at = found.start()
        (name_length,) = struct.unpack_from("<H", data, at + 28)
        if data[at + 46:at + 46 + name_length] == SHEET.encode():
            break
    struct.pack_into("<I", data, at + 24, 1000)  # "unpacks to 1000 bytes"
    path.write_bytes(bytes(data))
    assert zipfile.ZipFile(path).getinfo(SHEET).file_size == 1000
    error, took = refused(path)
    assert "is not a valid .xlsx file" in error.reason
    assert "CRC" in error.reason
    assert took < WITHIN


# --------------------------------------------------------------------------- what still loads


def test_real_lists_and_parts_that_are_not_xml_still_load(tmp_path: Path) -> None:
    source = next(SHOPIFY_SERVER.glob("Sessions/CLIENT_M/*/packing_lists/DHL_Orders.xlsx"))
    path = tmp_path / "WithImage.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for info in original.infolist():
            copy.writestr(info, original.read(info))
        copy.writestr("xl/media/image1.png", random.Random(1).randbytes(300_000))
    assert load_packing_list(path).orders == load_packing_list(source).orders


def test_a_list_at_the_limit_loads(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("L")
    sheet.append(["Order_Number", "SKU", "Quantity"])
    for n in range(66_000):  # 198,003 cells
        sheet.append([f"#{n // 3}", f"SKU-{n % 97}", 1 + n % 3])
    book.save(tmp_path / "Big.xlsx")
    assert len(load_packing_list(tmp_path / "Big.xlsx").orders) == 22_000


# --------------------------------------------------------------------------- the command


@pytest.mark.parametrize("writer", [huge_text, million_cells], ids=["huge", "million"])
def test_simulate_refuses_a_bomb_with_exit_2_naming_it(tmp_path: Path, writer: Writer) -> None:
    root = writable_copy(SHOPIFY_SERVER, tmp_path / "server")
    path = bomb(root / "Sessions" / "CLIENT_M" / SESSION / "packing_lists" / "Bomb.xlsx",
                writer)
    start = time.perf_counter()
    proc = run_cli(*simulate_args(root, "M", SESSION, "Bomb"))
    took = time.perf_counter() - start
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "did not answer" not in proc.stderr
    assert f"packing-tool simulate: {path}: " in proc.stderr
    assert took < WITHIN + 3  # the process's own start included
    # A bomb beside a list costs its neighbours nothing either (their other-list hints).
    start = time.perf_counter()
    proc = run_cli(*simulate_args(root, "M", SESSION, "DHL_Orders"))
    assert proc.returncode == 0, proc.stderr
    assert time.perf_counter() - start < WITHIN + 3

"""What an ``.xlsx`` will cost, measured before openpyxl parses any of it.

A workbook is a zip of XML. A small file can hold a sheet whose XML is hundreds of
megabytes (it compresses a thousand times), or millions of tiny cells: openpyxl then parses
for minutes (one 1.36 MB list cost 226 s of CPU) and the caller's time limit blames the
share. ``check_package`` refuses such a file first, naming it, in well under a second:

1. from the zip's directory alone: the number of members, their total unpacked size and
   each big member's compression ratio (the sizes zipfile will hold the data to: it reads
   no byte past a member's stated size, and a member that is longer fails its CRC);
2. one streamed pass over every member with expat (no tree is built, at most ``CHUNK``
   bytes unpacked at a time) counting cells (``c``), rows (``row``) and all elements, and
   stopping at the first limit passed; a DTD is refused outright (a workbook never has one,
   and entities are how XML makes a small text huge). A member that is not XML (an image)
   ends its own pass: openpyxl does not parse it either.

The sheet's ``<dimension ref=...>`` is not used for the cell count: the file can claim
``A1:A1`` over a million cells, and a sparse sheet's dimension overstates. The counted
figures are the truth, and counting stops at the limit, so the pass is bounded too.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.parsers import expat

from packing_tool.domain.phrase import phrase

CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    unpacked_bytes: int  # every member together
    ratio: int  # unpacked / packed size of one member
    ratio_floor: int  # members smaller than this unpacked are not held to the ratio
    members: int
    cells: int
    rows: int
    elements: int  # every XML element of every member


class TooCostly(ValueError):
    """The package is refused; the message says by which limit (without the file name)."""


class _Counter:
    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.cells = self.rows = self.elements = 0

    def start(self, name: str, _attrs: Any) -> None:
        self.elements += 1
        if self.elements > self.limits.elements:
            raise TooCostly(phrase("holds more than {limit} XML elements; refused",
                                   limit=f"{self.limits.elements:,}"))
        local = name.rpartition(":")[2]
        if local == "c":
            self.cells += 1
            if self.cells > self.limits.cells:
                raise TooCostly(phrase("has more than {limit} cells; lists that big are "
                                       "refused (split the list)", limit=f"{self.limits.cells:,}"))
        elif local == "row":
            self.rows += 1
            if self.rows > self.limits.rows:
                raise TooCostly(phrase("has more than {limit} rows; refused",
                                       limit=f"{self.limits.rows:,}"))

    @staticmethod
    def doctype(*_args: Any) -> None:
        raise TooCostly(phrase("holds an XML document type declaration (DTD), which no "
                               "workbook has; refused"))

    def scan(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
        parser = expat.ParserCreate()
        parser.StartElementHandler = self.start
        parser.StartDoctypeDeclHandler = self.doctype
        parser.EntityDeclHandler = self.doctype
        try:
            with archive.open(info) as member:
                while chunk := member.read(CHUNK):
                    parser.Parse(chunk, False)
                parser.Parse(b"", True)
        except expat.ExpatError:
            return  # not XML (or broken XML): openpyxl parses no more of it than we did


def check_package(path: Path, limits: Limits) -> None:
    """Refuse (``TooCostly``) a workbook that costs more than ``limits`` to parse.

    ``zipfile.BadZipFile`` / ``OSError`` when the file is not a readable zip at all.
    """
    with zipfile.ZipFile(path) as archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if len(infos) > limits.members:
            raise TooCostly(phrase("holds {count} files; a workbook has a few dozen; refused",
                                   count=f"{len(infos):,}"))
        unpacked = sum(i.file_size for i in infos)
        if unpacked > limits.unpacked_bytes:
            raise TooCostly(phrase("unpacks to {size} MB; more than {limit} MB are refused",
                                   size=f"{unpacked / 2**20:.0f}",
                                   limit=f"{limits.unpacked_bytes / 2**20:.0f}"))
        for info in infos:
            if info.file_size > limits.ratio_floor and \
                    info.file_size > limits.ratio * max(info.compress_size, 1):
                times = info.file_size // max(info.compress_size, 1)
                raise TooCostly(phrase(
                    "its part {part} unpacks to {size} MB from {packed} bytes ({times} times; "
                    "more than {limit} is not a real workbook); refused", part=info.filename,
                    size=f"{info.file_size / 2**20:.0f}", packed=f"{info.compress_size:,}",
                    times=f"{times:,}", limit=limits.ratio))
        counter = _Counter(limits)
        for info in infos:
            try:
                counter.scan(archive, info)
            except (NotImplementedError, RuntimeError, EOFError, zlib.error) as exc:
                # An unknown compression, an encrypted member, a truncated stream.
                raise zipfile.BadZipFile(f"{info.filename}: {exc}") from exc

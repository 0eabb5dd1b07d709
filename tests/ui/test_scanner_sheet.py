"""The test sheet as a real PDF (A4 and 68 x 38 mm labels): pages, sizes, and the bars decode."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from packing_tool.domain.barcode_symbols import sheet_codes
from packing_tool.ui.test_sheet import A4, LABEL, write_sheet

needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None
                                   or shutil.which("pdfinfo") is None,
                                   reason="needs poppler-utils (scripts/setup installs it)")


def pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


def render(path: Path, dpi: int) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(path.with_suffix(""))],
                   check=True)
    return sorted(path.parent.glob(path.stem + "-*.png"))


def decode(png: Path) -> list[str]:
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(png)], capture_output=True,
                         text=True, check=False)
    return out.stdout.split()


@needs_poppler
@pytest.mark.parametrize(("kind", "pages", "points"), [
    (A4, 1, (595, 842)),  # 210 x 297 mm
    (LABEL, 4, (193, 108)),  # 68 x 38 mm, one code per label
])
def test_sheet_pages_and_sizes(qtbot, tmp_path: Path, kind: str, pages: int,
                               points: tuple[int, int]) -> None:
    path = write_sheet(tmp_path / f"{kind}.pdf", kind)
    info = pdfinfo(path)
    assert int(info["Pages"]) == pages
    size = re.match(r"\s*([\d.]+) x ([\d.]+) pts", info["Page size"])
    assert size is not None
    assert (round(float(size.group(1))), round(float(size.group(2)))) == points
    pngs = render(path, 150)
    assert len(pngs) == pages
    assert all(p.stat().st_size > 1000 for p in pngs)


@needs_poppler
@pytest.mark.skipif(shutil.which("zbarimg") is None,
                    reason="needs zbar-tools (scripts/setup installs it)")
@pytest.mark.parametrize("kind", [A4, LABEL])
def test_every_printed_code_decodes(qtbot, tmp_path: Path, kind: str) -> None:
    path = write_sheet(tmp_path / f"{kind}.pdf", kind)
    found: list[str] = []
    for png in render(path, 300):
        found += decode(png)
    assert sorted(found) == sorted(code.sent for code in sheet_codes())

"""Render resources/icons/packing-tool.svg into a Windows .ico (PNG entries, 16 to 256 px).

Run: ``python installer/make_icon.py`` (any OS; needs only PySide6). build.py runs it
when the .ico is missing.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "packing-tool.svg"
ICO = SVG.with_suffix(".ico")
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_images(svg: Path, sizes: tuple[int, ...]) -> list[bytes]:
    """One PNG per size, drawn by Qt's SVG renderer."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])  # QIcon needs a running Gui
    icon = QIcon(str(svg))
    images = []
    for size in sizes:
        pixmap = icon.pixmap(size, size)
        if pixmap.isNull():
            raise RuntimeError(f"{svg} did not render at {size} px (is the Qt SVG plugin there?)")
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        pixmap.save(buffer, "PNG")
        buffer.close()
        images.append(bytes(data.data()))
    return images


def ico_bytes(sizes: tuple[int, ...], pngs: list[bytes]) -> bytes:
    """The .ico container: a directory of PNG entries (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in zip(sizes, pngs, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from shared.fileio import atomic_write_bytes

    atomic_write_bytes(ICO, ico_bytes(SIZES, png_images(SVG, SIZES)))
    print(f"wrote {ICO} ({ICO.stat().st_size} bytes, {len(SIZES)} sizes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

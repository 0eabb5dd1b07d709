"""The scanner test for screenshots: the dialog after the sheet was scanned under the Bulgarian
BDS layout (``scanned_dialog``, shot by ``every_window.py``), and the test sheet (A4 and one
68 x 38 mm label) rendered from its PDF by pdftoppm (``shoot_sheets``).

Called by ``scripts/every_window.py``; the sheets alone: ``QT_QPA_PLATFORM=offscreen
.venv/bin/python scripts/scanner_screenshots.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"


def scanned_dialog(tmp: Path) -> Any:
    """The scanner test, shown, after the test sheet was scanned on a PC in the BDS layout."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from packing_tool.domain.barcode_symbols import sheet_codes
    from packing_tool.domain.keyboard_layouts import BDS
    from packing_tool.ui.scanner_test_dialog import ScannerTestDialog

    now = [0.0]

    def clock() -> float:  # keys 2.5 ms apart, as a scanner types (400 characters a second)
        now[0] += 0.0025
        return now[0]

    dialog = ScannerTestDialog("PACK-01", "Ana", folder=tmp, clock=clock)
    dialog.show()
    for code in sheet_codes():
        for ch in BDS.typed(code.sent):  # a scanner on a PC left in the BDS layout
            QTest.sendKeyEvent(QTest.KeyAction.Click, dialog.capture, Qt.Key(ord(ch.upper())),
                               ch, Qt.KeyboardModifier.NoModifier)
        QTest.keyClick(dialog.capture, Qt.Key.Key_Return)
    return dialog


def shoot_sheets(out: Path = OUT) -> None:
    """The test sheet's first page (A4) and one label, from their PDFs."""
    from packing_tool.ui.test_sheet import A4, LABEL, write_sheet

    tmp = Path(tempfile.mkdtemp(prefix="scanner-sheets-"))
    for kind, name, dpi in ((A4, "scanner_sheet", 60), (LABEL, "scanner_label", 150)):
        pdf = write_sheet(tmp / f"{kind}.pdf", kind)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1",
                        "-singlefile", str(pdf), str(out / name)], check=True)
        print(f"saved {out / name}.png")


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    application = QApplication(sys.argv)
    shoot_sheets()

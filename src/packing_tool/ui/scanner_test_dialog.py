"""Dialog ``scannerTestDialog``: the packer scans the test sheet; the station says what is wrong.

Key presses are recorded as they arrive (character and ``time.monotonic``), Enter as ``\\r``
and Tab as ``\\t``, and handed to ``domain.scanner_check.check`` after each key and once more
when the scanner has been quiet for a second (a missing Enter shows then). Closing the dialog
after any scan keeps the result: ``scanner_tests.jsonl`` and a log line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from packing_tool.domain.barcode_symbols import sheet_codes
from packing_tool.domain.scanner_check import Key, ScannerReport, check, record
from packing_tool.storage.scanner_tests import save_result
from packing_tool.ui import local_time
from packing_tool.ui.scanner_words import layout_name, problem_lines
from packing_tool.ui.test_sheet import A4, LABEL, caption, print_sheet, write_sheet
from packing_tool.ui.themes import item_colours
from packing_tool.ui.widgets import named

TIMEOUT = 1.0  # seconds without a key that end a read with no Enter


class KeyCapture(QFrame):
    """Widget ``scannerCapture``: takes the keyboard (Tab included) and records each key."""

    keyed = Signal()

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scannerCapture")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(70)
        self.clock = clock
        self.keys: list[Key] = []
        self.shown = named(QLabel(), "scannerLastRead")
        font = QFont(self.shown.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.shown.setFont(font)
        self.shown.setTextFormat(Qt.TextFormat.PlainText)
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(self.shown)
        self._typing = ""
        self.shown.setText(self.tr("Click here, then scan the test sheet"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = "\r"
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            text = "\t"
        else:
            text = event.text()
        if not text or (text not in "\r\t" and not text.isprintable()):
            super().keyPressEvent(event)  # Shift, Escape (closes the dialog), other keys
            return
        for ch in text:
            self.keys.append((ch, self.clock()))
        self._typing = "" if text in "\r\t" else self._typing + text
        if text not in "\r\t":
            self.shown.setText(self._typing)
        self.keyed.emit()

    def focusNextPrevChild(self, _next: bool) -> bool:
        return False  # Tab is a scanner's terminator here, not a move to the next button

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if not self.keys:
            self.shown.setText(self.tr("Ready: scan the first code of the test sheet"))

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self.keys:
            self.shown.setText(self.tr("Click here, then scan the test sheet"))

    def clear(self) -> None:
        self.keys.clear()
        self._typing = ""
        self.shown.setText(self.tr("Ready: scan the first code of the test sheet"))


class ScannerTestDialog(QDialog):
    """Dialog ``scannerTestDialog``. ``report`` is the newest finding; ``saved`` the result
    line kept when the dialog closed (None when nothing was scanned)."""

    def __init__(self, station: str = "", worker: str = "", parent: QWidget | None = None, *,
                 folder: Path | None = None, clock: Callable[[], float] = time.monotonic
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("scannerTestDialog")
        self.setWindowTitle(self.tr("Scanner test"))
        self.station, self.worker, self.folder = station, worker, folder
        self.codes = sheet_codes()
        self.report: ScannerReport = check([c.sent for c in self.codes], [])
        self.saved: dict[str, object] | None = None
        intro = QLabel(self.tr(
            "Print the test sheet, click the box below and scan each code on it once. "
            "The station says what the scanner sends wrong and how to fix it."))
        intro.setWordWrap(True)
        self.capture = KeyCapture(clock, self)
        self.capture.keyed.connect(self._keyed)
        self.checklist = named(QLabel(), "scannerChecklist")
        self.checklist.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict = named(QLabel(), "scannerVerdict")
        self.verdict.setWordWrap(True)
        font = QFont(self.verdict.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.details = named(QLabel(), "scannerDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.quiet = QTimer(self)
        self.quiet.setSingleShot(True)
        self.quiet.setInterval(int(TIMEOUT * 1000) + 100)
        self.quiet.timeout.connect(self.refresh)
        layout = QVBoxLayout(self)
        for widget in (intro, self.capture, self.checklist, self.verdict, self.details):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(self._buttons())
        self.resize(760, 470)
        self.refresh()
        self.capture.setFocus()

    def _buttons(self) -> QHBoxLayout:
        self.size_box = named(QComboBox(), "sheetSize")
        self.size_box.addItem(self.tr("A4 sheet"), A4)
        self.size_box.addItem(self.tr("Labels 68×38 mm"), LABEL)
        row = QHBoxLayout()
        row.addWidget(self.size_box)
        for name, text, slot in (
                ("savePdfButton", self.tr("Save PDF…"), self.ask_save_pdf),
                ("printSheetButton", self.tr("Print…"), self.ask_print),
                ("restartTestButton", self.tr("Start again"), self.restart)):
            button = named(QPushButton(text), name)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the capture box
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = named(QPushButton(self.tr("Close")), "closeTestButton")
        close.setAutoDefault(False)
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        return row

    # ------------------------------------------------------------------ findings

    def _keyed(self) -> None:
        self.refresh()
        self.quiet.start()

    def refresh(self) -> None:
        self.report = check([c.sent for c in self.codes], self.capture.keys, timeout=TIMEOUT)
        seen = self.report.codes_seen
        self.checklist.setText("\n".join(
            f"{'✓' if code.sent in seen else '○'}  {n}. {caption(code.kind)}: {code.symbol.text}"
            for n, code in enumerate(self.codes, start=1)))
        self.verdict.setText(self.verdict_text())
        kind = "ok" if self.report.ok else "warn" if self.report.problems else ""
        colour = item_colours().outcome_text.get(kind)
        self.verdict.setStyleSheet(f"color: {colour};" if colour else "")
        self.details.setText(self.details_text())
        last = self.report.reads[-1] if self.report.reads else None
        if last is not None and last.terminator and last.code and last.text != last.code:
            self.capture.shown.setText(f"{last.text}  →  {last.code}")

    def verdict_text(self) -> str:
        report = self.report
        if not report.reads:
            return self.tr("Nothing scanned yet.")
        lines = problem_lines(report)
        if lines:
            return "\n".join(["⚠ " + line for line in lines])
        if report.codes_missing:
            return self.tr("So far so good: scan the codes not ticked yet.")
        return self.tr("Scanner OK: every code arrived as printed, with Enter after it.")

    def details_text(self) -> str:
        report = self.report
        if not report.reads:
            return ""
        cps = report.chars_per_second
        speed = self.tr("{cps} characters a second").format(
            cps=local_time.number(round(cps))) if cps else "—"
        terminator = {"enter": self.tr("Enter"), "tab": self.tr("Tab")}.get(
            report.terminator or "", self.tr("missing"))
        layout = self.tr("English (US)") if report.layout in (None, "us") else layout_name(
            report.layout)
        return self.tr("Reads: {n} · layout: {layout} · after each code: {end} · speed: "
                       "{speed}").format(n=len(report.reads), layout=layout, end=terminator,
                                         speed=speed)

    def restart(self) -> None:
        self.capture.clear()
        self.refresh()
        self.capture.setFocus()

    # ------------------------------------------------------------------ the sheet

    def save_pdf(self, path: Path) -> Path:
        return write_sheet(path, str(self.size_box.currentData()))

    def ask_save_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save test sheet"),
                                              "scanner_test_sheet.pdf", "PDF (*.pdf)")
        if name:
            self.save_pdf(Path(name))
        self.capture.setFocus()

    def ask_print(self) -> None:
        print_sheet(self, str(self.size_box.currentData()))
        self.capture.setFocus()

    # ------------------------------------------------------------------ keeping the result

    def done(self, result: int) -> None:
        self.quiet.stop()
        if self.capture.keys and self.saved is None:
            self.refresh()
            line = record(self.report)
            save_result(line, datetime.now().astimezone(), self.station, self.worker,
                        self.folder)
            self.saved = line
        super().done(result)

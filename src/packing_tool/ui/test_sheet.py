"""The scanner test sheet: a PDF (QPdfWriter) or a print (QPrinter), on A4 or on 68 x 38 mm labels.

The bars come from ``domain.barcode_symbols`` as widths in modules; here each module is a whole
number of device dots (so no bar is blurred by rounding) and drawn as filled rectangles.
A4: one page with every code and how to use it. Labels: one code per label, the size the
Shopify Tool prints.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)
from PySide6.QtWidgets import QWidget

from packing_tool.domain.barcode_symbols import SheetCode, Symbol, sheet_codes

A4 = "a4"
LABEL = "label"
LABEL_MM = (68.0, 38.0)
RESOLUTION = 600  # dots per inch of the PDF
MAX_MODULE_MM = 0.5
MM = RESOLUTION / 25.4  # dots per millimetre


def _tr(text: str) -> str:
    return QCoreApplication.translate("TestSheet", text)


def caption(kind: str) -> str:
    """What each code of the sheet is, in the packer's words."""
    texts = {
        "code128": _tr("Code 128: letters, digits and dashes"),
        "ean13": _tr("EAN-13: a product barcode"),
        "gs1_128": _tr("GS1-128 with a GTIN (AI 01)"),
        "lowercase": _tr("Code 128 with a small letter"),
    }
    return texts.get(kind, kind)


def page_size(kind: str) -> QPageSize:
    if kind == LABEL:
        return QPageSize(QSizeF(*LABEL_MM), QPageSize.Unit.Millimeter, "68 x 38 mm",
                         QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageSize(QPageSize.PageSizeId.A4)


def draw_symbol(painter: QPainter, symbol: Symbol, box: QRectF, font: QFont) -> None:
    """Bars centred in ``box`` with the human-readable text under them."""
    module = max(1, min(int(box.width() / symbol.total_modules), int(MAX_MODULE_MM * MM)))
    painter.setFont(font)
    text_height = painter.fontMetrics().height()
    longer = text_height * 0.6 if symbol.guards else 0.0  # EAN guard bars reach lower
    bar_height = box.height() - text_height * 1.2 - longer
    x = box.left() + (box.width() - symbol.total_modules * module) / 2 + symbol.quiet[0] * module
    x = round(x)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for i, width in enumerate(symbol.widths):
        if i % 2 == 0:
            extra = longer if i in symbol.guards else 0.0
            painter.drawRect(QRectF(x, box.top(), width * module, bar_height + extra))
        x += width * module
    painter.setPen(QColor("black"))
    text_box = QRectF(box.left(), box.bottom() - text_height, box.width(), text_height)
    painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, symbol.text)


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _paint_a4(painter: QPainter, page: QRectF, codes: tuple[SheetCode, ...]) -> None:
    painter.setFont(_font(18, bold=True))
    line = painter.fontMetrics().height()
    painter.drawText(QRectF(page.left(), page.top(), page.width(), line * 1.5),
                     Qt.AlignmentFlag.AlignLeft, _tr("Scanner test sheet"))
    painter.setFont(_font(10))
    intro = QRectF(page.left(), page.top() + line * 1.6, page.width(), 25 * MM)
    painter.drawText(intro, Qt.TextFlag.TextWordWrap, _tr(
        "Open Tools → Scanner test… (or Scanner test on the login screen) and scan each "
        "code below once, from top to bottom. The station tells you what the scanner "
        "sends wrong: keyboard layout, Enter after each code, extra characters, double "
        "reads, speed."))
    top = intro.bottom() + 6 * MM
    block = (page.bottom() - top) / len(codes)
    for n, code in enumerate(codes, start=1):
        y = top + (n - 1) * block
        painter.setFont(_font(11, bold=True))
        head = painter.fontMetrics().height()
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(page.left(), y, page.width(), head), Qt.AlignmentFlag.AlignLeft,
                         f"{n}. {caption(code.kind)}")
        bars = QRectF(page.left(), y + head * 1.4, page.width(), min(block - head * 2.6, 32 * MM))
        draw_symbol(painter, code.symbol, bars, _font(12))


def _paint_label(painter: QPainter, page: QRectF, code: SheetCode, n: int, total: int
                 ) -> None:
    painter.setFont(_font(6.5))
    head = painter.fontMetrics().height()
    painter.setPen(QColor("black"))
    painter.drawText(QRectF(page.left(), page.top(), page.width(), head),
                     Qt.AlignmentFlag.AlignCenter,
                     _tr("Scanner test {n}/{total}: {what}").format(
                         n=n, total=total, what=caption(code.kind)))
    bars = QRectF(page.left(), page.top() + head * 1.3, page.width(),
                  page.height() - head * 1.3)
    draw_symbol(painter, code.symbol, bars, _font(8))


def paint_sheet(device: QPagedPaintDevice, kind: str) -> None:
    """Draw the sheet on a PDF writer or a printer already set to its page size."""
    codes = sheet_codes()
    painter = QPainter(device)
    try:
        dots = device.logicalDpiX() / 25.4
        margin = (3.0 if kind == LABEL else 18.0) * dots
        page = QRectF(margin, margin, device.width() - 2 * margin, device.height() - 2 * margin)
        if kind == LABEL:
            for n, code in enumerate(codes, start=1):
                if n > 1:
                    device.newPage()
                _paint_label(painter, page, code, n, len(codes))
        else:
            _paint_a4(painter, page, codes)
    finally:
        painter.end()


def write_sheet(path: Path, kind: str = A4) -> Path:
    """The test sheet as a PDF file (works without a screen or a printer)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    # Portrait keeps the size as given: 68 mm wide and 38 mm high for the label.
    writer.setPageLayout(QPageLayout(page_size(kind), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setTitle(_tr("Scanner test sheet"))
    writer.setCreator("Packing Tool")
    paint_sheet(writer, kind)
    return path


def print_sheet(parent: QWidget | None, kind: str = A4) -> bool:
    """Print the sheet through the system's print dialog; True when it was sent."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(page_size(kind))
    printer.setFullPage(True)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    label = printer.pageLayout().fullRect(QPageLayout.Unit.Millimeter).width() < 100
    paint_sheet(printer, LABEL if label else A4)
    return True

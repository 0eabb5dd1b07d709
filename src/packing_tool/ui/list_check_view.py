"""The pre-shift check in the Session Browser: the findings dialog, its PDF, the list's marker.

Every sentence is made here from the finding's parts (SKU, barcode, order, list), through Qt
translation; the domain's English ``text`` is for the command line and the JSON file.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt
from PySide6.QtGui import QIcon, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from packing_tool.domain.list_check import BIG_QUANTITY, KINDS, Finding
from packing_tool.storage.index_rows import IndexRow
from packing_tool.storage.list_check_store import CheckReport
from packing_tool.ui import local_time, wording_details
from packing_tool.ui.error_words import error_text
from packing_tool.ui.widgets import named

CONTEXT = "ListCheckView"
WRAPPED_ROWS = 500  # more rows keep one line each (measuring them all would be slow)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def kind_title(kind: str) -> str:
    titles = {
        "no_barcode": _tr("No barcode"),
        "shared_code": _tr("Shared barcode"),
        "order_clash": _tr("Order label clash"),
        "packed_elsewhere": _tr("Packed elsewhere"),
        "other_list": _tr("In another list"),
        "quantity": _tr("Quantity"),
        "left_out": _tr("Left out"),
        "not_fulfillable": _tr("Not Fulfillable"),
        "no_sku": _tr("No SKU"),
    }
    return titles.get(kind, kind)


def _quantity(f: Finding) -> str:
    if f.why == "big":
        return _tr("Order {order}: SKU {sku} quantity {value} is more than {big}; check it "
                   "is right.").format(order=f.order, sku=f.sku, value=f.value, big=BIG_QUANTITY)
    words = {"zero": _tr("Order {order}: SKU {sku} quantity {value} is 0; the line is left out."),
             "negative": _tr("Order {order}: SKU {sku} quantity {value} is below 0; the line "
                             "is left out."),
             "fraction": _tr("Order {order}: SKU {sku} quantity {value} is a fraction; the line "
                             "is left out."),
             "huge": _tr("Order {order}: SKU {sku} quantity {value} is too large to scan one "
                         "by one; the line is left out.")}
    template = words.get(f.why) or _tr("Order {order}: SKU {sku} quantity {value} is not a "
                                       "number; the line is left out.")
    return template.format(order=f.order, sku=f.sku, value=f.value)


def _shared(f: Finding) -> str:
    skus = ", ".join((f.sku, *f.others))
    if f.why == "sku_forms":
        return _tr("SKUs {skus} read the same once normalised ({code}): a scan of either is "
                   "ambiguous.").format(skus=skus, code=f.barcode)
    if f.why == "own_code":
        return _tr("Barcode {code} is mapped to SKU {sku}, but it is also the code of SKU "
                   "{other}: scanning it counts as {sku}.").format(
            code=f.barcode, sku=f.sku, other=", ".join(f.others))
    return _tr("Barcodes {code} reach SKUs {skus}: a scan of them is ambiguous.").format(
        code=f.barcode, skus=skus)


def finding_text(f: Finding, list_name: str) -> str:
    """The finding in the chosen language, naming the SKU, barcode, order and list."""
    if f.kind == "no_barcode":
        return _tr("SKU {sku} has no barcode the station accepts: no barcode-map entry, no "
                   "stock-file barcode, and the SKU is no GTIN.").format(sku=f.sku)
    if f.kind == "shared_code":
        return _shared(f)
    if f.kind == "order_clash":
        if f.why == "unscannable":
            return _tr("Order {order} has no letters or digits a label can carry: its label "
                       "cannot be scanned.").format(order=f.order)
        return _tr("Orders {orders} are the same label once normalised ({code}): scanning it "
                   "is ambiguous.").format(orders=", ".join((f.order, *f.others)),
                                           code=f.barcode)
    if f.kind == "packed_elsewhere":
        where = wording_details.elsewhere(f.fact) if f.fact is not None else f.place
        return _tr("Order {order} is already {where}.").format(order=f.order, where=where)
    if f.kind == "other_list":
        return _tr("Order {order} is also in list {other}.").format(order=f.order,
                                                                   other=f.place)
    if f.kind == "quantity":
        return _quantity(f)
    if f.kind == "left_out":
        return _tr("{where}: {reason}.").format(where=f.order, reason=f.value)
    if f.kind == "not_fulfillable":
        return _tr("Order {order} is Not Fulfillable: it is left out of list {list}.").format(
            order=f.order, list=list_name)
    if f.kind == "no_sku":
        return _tr("Order {order}: the line {product} has no SKU; it is left out of list "
                   "{list}.").format(order=f.order, product=f.value or "—", list=list_name)
    return f.text


def summary_text(report: CheckReport, *, printed: bool = False) -> str:
    head = _tr("List {list} of session {session}: {orders} orders, {units} units.").format(
        list=report.list_name, session=report.session_id, orders=report.orders,
        units=report.units)
    found = _tr("Problems: {problems}. Notes on lines left out: {notes}.").format(
        problems=report.problems, notes=report.notes)
    moment = (f"{local_time.day(report.checked_at)} {local_time.clock(report.checked_at)}"
              if printed else local_time.when(report.checked_at))  # paper has no "today"
    when = _tr("Checked {when} at {station}.").format(when=moment,
                                                       station=report.station or "—")
    return f"{head}\n{found}  {when}"


# --------------------------------------------------------------------------- the marker


_ICONS: dict[str, QIcon] = {}


def marker_icon(row: IndexRow) -> QIcon | None:
    """A warning sign next to a list whose last check found problems."""
    if not row.check_findings:
        return None
    if "warning" not in _ICONS:
        _ICONS["warning"] = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _ICONS["warning"]


def marker_tooltip(row: IndexRow) -> str | None:
    if row.checked_at is None:
        return None
    when = local_time.when(row.checked_at)
    if row.check_findings:
        return _tr("Checked {when}. Problems: {n}. Check list (Ctrl+K) shows them.").format(
            when=when, n=row.check_findings)
    return _tr("Checked {when}: no problems.").format(when=when)


# --------------------------------------------------------------------------- PDF


def report_html(report: CheckReport) -> str:
    title = _tr("Pre-shift check of list {list}").format(list=report.list_name)
    parts = [f"<h2>{html.escape(title)}</h2>", "<p>" + html.escape(
        summary_text(report, printed=True)).replace("\n", "<br>") + "</p>"]
    if report.findings_total > len(report.findings):
        parts.append("<p>" + html.escape(_tr("Only the first {kept} of {total} findings are "
                                             "kept.").format(kept=len(report.findings),
                                                             total=report.findings_total))
                     + "</p>")
    for kind in KINDS:
        found = [f for f in report.findings if f.kind == kind]
        if not found:
            continue
        parts.append(f"<h3>{html.escape(kind_title(kind))} ({len(found)})</h3><ul>")
        parts += [f"<li>{html.escape(finding_text(f, report.list_name))}</li>" for f in found]
        parts.append("</ul>")
    if not report.findings:
        parts.append(f"<p>{html.escape(_tr('Nothing found.'))}</p>")
    return "".join(parts)


def save_pdf(report: CheckReport, path: str | Path) -> Path:
    """The findings as an A4 PDF (QPdfWriter: no printer, no screen needed)."""
    out = Path(path)
    writer = QPdfWriter(str(out))
    writer.setTitle(_tr("Pre-shift check of {list}").format(list=report.list_name))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # fonts measured at the PDF's resolution
    document.setHtml(report_html(report))
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(area.width(), area.height()))
    document.print_(writer)
    return out


# --------------------------------------------------------------------------- dialog


class ListCheckDialog(QDialog):
    """The findings of one check: a summary, a table (what, finding), Save PDF…, Close."""

    def __init__(self, report: CheckReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listCheckDialog")
        self.report = report
        self.setWindowTitle(self.tr("Check list {list}").format(list=report.list_name))
        self.resize(900, 560)
        self.summary = named(QLabel(summary_text(report)), "listCheckSummary")
        self.summary.setWordWrap(True)
        self.table = named(QTableWidget(len(report.findings), 2), "listCheckFindings")
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Finding")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setMinimumSectionSize(30)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 170)
        warning = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        info = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        for n, finding in enumerate(report.findings):
            what = QTableWidgetItem(warning if not finding.is_note else info,
                                    kind_title(finding.kind))
            text = finding_text(finding, report.list_name)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.table.setItem(n, 0, what)
            self.table.setItem(n, 1, item)
        if len(report.findings) <= WRAPPED_ROWS:  # long sentences on two lines, not cut
            self.table.resizeRowsToContents()
        self.status = named(QLabel(""), "listCheckStatus")
        if report.not_kept:
            self.status.setText(self.tr("Not kept on the share, other PCs do not see it: "
                                        "{reason}").format(reason=report.not_kept))
        self.pdf_button = named(QPushButton(self.tr("Save PDF…")), "listCheckSavePdf")
        self.pdf_button.clicked.connect(self._ask_pdf)
        close = named(QPushButton(self.tr("Close")), "listCheckClose")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if not report.findings:
            layout.addWidget(named(QLabel(self.tr("Nothing found: the list is ready to "
                                                  "pack.")), "listCheckClean"))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ask_pdf(self) -> None:
        self.save_pdf()

    def save_pdf(self, path: str | None = None) -> Path | None:
        """Write the findings PDF to ``path`` (asks for one when None)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save findings as PDF"),
                f"list_check_{self.report.session_id}_{self.report.list_name}.pdf",
                self.tr("PDF files (*.pdf)"))
            if not path:
                return None
        try:
            saved = save_pdf(self.report, path)
        except OSError as exc:
            self.status.setText(self.tr("The PDF was not saved: {error}").format(
                error=error_text(exc)))
            return None
        self.status.setText(self.tr("Saved {path}").format(path=saved))
        return saved

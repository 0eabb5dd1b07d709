"""The pre-shift check in the Session Browser: the action, the findings dialog, the marker
next to the list, and the findings PDF (rendered with poppler's pdftoppm)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage
from pytestqt.qtbot import QtBot

from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.list_check_store import (
    CheckReport,
    check_and_keep,
    check_path,
    run_check,
)
from packing_tool.ui.list_check_view import ListCheckDialog, save_pdf
from packing_tool.ui.runner import TaskRunner
from packing_tool.ui.session_browser import SessionBrowser
from tests.helpers.list_check_share import CLIENT, SESSION, item, order, write_share

EAN = "4006381333931"


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.shutdown(timeout=10.0)


def small_share(root: Path) -> None:
    write_share(root, {"DHL": [order("#1", item(EAN), item("BARE", 2)),
                               order("#2", item(EAN), item("NO_SKU", 1, "Tip")),
                               order("#3", item(EAN), status="Not Fulfillable")],
                       "Singles": [order("#2", item(EAN))]})


def row_of(browser: SessionBrowser, name: str) -> int:
    proxy = browser.proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 1).data() == name)


def open_browser(qtbot: QtBot, root: Path, runner: TaskRunner) -> SessionBrowser:
    browser = SessionBrowser(ShareLayout(root), runner)
    qtbot.addWidget(browser)
    browser.resize(1200, 700)
    browser.show()
    qtbot.waitUntil(lambda: browser.model.rowCount() == 2, timeout=10_000)  # T, the only one
    assert browser.client == CLIENT
    return browser


def test_check_list_from_the_browser_shows_findings_and_marks_the_list(
        qtbot: QtBot, tmp_path: Path, runner: TaskRunner) -> None:
    small_share(tmp_path)
    browser = open_browser(qtbot, tmp_path, runner)
    assert not browser.check_button.isEnabled()  # nothing selected yet
    assert browser.proxy.index(row_of(browser, "DHL"), 1).data(
        Qt.ItemDataRole.DecorationRole) is None
    browser.table.selectRow(row_of(browser, "DHL"))
    assert browser.check_button.isEnabled()
    with qtbot.waitSignal(browser.refreshed, timeout=10_000):
        qtbot.keyClick(browser.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = browser.check_dialog
    assert dialog.objectName() == "listCheckDialog"
    assert dialog.isVisible()
    texts = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert texts == [
        "SKU BARE has no barcode the station accepts: no barcode-map entry, no stock-file "
        "barcode, and the SKU is no GTIN.",
        "Order #2 is also in list Singles.",
        "Order #3 is Not Fulfillable: it is left out of list DHL.",
        "Order #2: the line Tip has no SKU; it is left out of list DHL."]
    assert dialog.table.item(0, 0).text() == "No barcode"
    assert "Problems: 2. Notes on lines left out: 2." in dialog.summary.text()
    assert "List DHL of session 2026-12-01_1: 2 orders, 4 units." in dialog.summary.text()
    assert check_path(ShareLayout(tmp_path), CLIENT, SESSION, "DHL").is_file()
    # The marker: a warning icon and a tooltip on the list's name, from the index.
    cell = browser.proxy.index(row_of(browser, "DHL"), 1)
    icon = cell.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon)
    assert not icon.isNull()
    assert "Problems: 2. Check list (Ctrl+K) shows them." in cell.data(
        Qt.ItemDataRole.ToolTipRole)
    assert browser.proxy.index(row_of(browser, "Singles"), 1).data(
        Qt.ItemDataRole.DecorationRole) is None
    pdf = dialog.save_pdf(str(tmp_path / "findings.pdf"))
    assert pdf is not None
    assert pdf.read_bytes().startswith(b"%PDF")
    assert dialog.status.text() == f"Saved {pdf}"


def test_a_list_that_cannot_be_read_says_so_in_the_status_line(
        qtbot: QtBot, tmp_path: Path, runner: TaskRunner) -> None:
    small_share(tmp_path)
    browser = open_browser(qtbot, tmp_path, runner)
    browser.table.selectRow(row_of(browser, "DHL"))
    list_file = tmp_path / "Sessions" / f"CLIENT_{CLIENT}" / SESSION / "packing_lists" / "DHL.json"
    list_file.write_text('{"orders": [', encoding="utf-8")
    browser.check_button.click()
    qtbot.waitUntil(lambda: "failed" in browser.status_line.text(), timeout=10_000)
    assert "Check of DHL failed" in browser.status_line.text()
    assert "is not valid JSON" in browser.status_line.text()
    assert not hasattr(browser, "check_dialog")


def test_a_clean_list_says_it_is_ready(qtbot: QtBot, tmp_path: Path) -> None:
    write_share(tmp_path, {"DHL": [order("#1", item(EAN))]})
    dialog = ListCheckDialog(run_check(ShareLayout(tmp_path), CLIENT, SESSION, "DHL"))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert dialog.findChild(type(dialog.summary), "listCheckClean") is not None


# --------------------------------------------------------------------------- PDF


def rendered_pages(pdf: Path, out: Path) -> list[Path]:
    tool = shutil.which("pdftoppm")
    assert tool is not None, "poppler-utils (pdftoppm) is installed by scripts/setup"
    subprocess.run([tool, "-r", "40", "-png", str(pdf), str(out / "page")], check=True,
                   timeout=60)
    return sorted(out.glob("page-*.png"))


def inked(png: Path) -> bool:
    image = QImage(str(png))
    return any(image.pixelColor(x, y).lightness() < 128
               for y in range(0, image.height(), 2) for x in range(0, image.width(), 2))


def big_report(tmp_path: Path) -> CheckReport:
    orders = [order(f"#{n}", item(f"SKU-{n:04d}"), item(EAN, 60)) for n in range(150)]
    write_share(tmp_path, {"DHL": orders})
    return run_check(ShareLayout(tmp_path), CLIENT, SESSION, "DHL")


def test_the_findings_pdf_has_a_page_per_screenful_and_every_page_printed(
        qtbot: QtBot, tmp_path: Path) -> None:
    report = big_report(tmp_path / "share")
    assert report.problems == 300
    pdf = save_pdf(report, tmp_path / "findings.pdf")
    (tmp_path / "pages").mkdir()
    pages = rendered_pages(pdf, tmp_path / "pages")
    assert len(pages) >= 4  # 300 findings do not fit on one A4 page
    assert all(inked(p) for p in pages)


def test_a_short_findings_pdf_is_one_page(qtbot: QtBot, tmp_path: Path) -> None:
    small_share(tmp_path / "share")
    report = run_check(ShareLayout(tmp_path / "share"), CLIENT, SESSION, "DHL")
    pdf = save_pdf(report, tmp_path / "short.pdf")
    (tmp_path / "pages").mkdir()
    pages = rendered_pages(pdf, tmp_path / "pages")
    assert len(pages) == 1
    assert inked(pages[0])


def test_findings_a_share_refuses_to_keep_are_still_shown(qtbot: QtBot, tmp_path: Path) -> None:
    session = write_share(tmp_path, {"DHL": [order("#1", item("BARE"))]})
    (session / "packing").write_text("not a folder", encoding="utf-8")  # the work folder fails
    report = check_and_keep(ShareLayout(tmp_path), CLIENT, SESSION, "DHL")
    assert report.problems == 1
    assert report.not_kept
    dialog = ListCheckDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    assert dialog.status.text().startswith("Not kept on the share, other PCs do not see it: ")

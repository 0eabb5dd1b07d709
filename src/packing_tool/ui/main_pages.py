"""The main window's pages and status bar, built once (``build_pages``): the worker cards,
the Session Browser with the resume bar, the empty page packer mode goes into, and the
status bar's fields. The window's own module keeps what they do."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from packing_tool.storage.scanner_tests import last_result as last_scanner_test
from packing_tool.ui import main_tools, scanner_words
from packing_tool.ui.main_status import StationStatus
from packing_tool.ui.offline_banner import OfflineBanner
from packing_tool.ui.resume_bar import ResumeBar
from packing_tool.ui.session_browser import SessionBrowser
from packing_tool.ui.widgets import named
from packing_tool.ui.worker_dialog import WorkerSelectionDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's own context


def build_pages(window: Any) -> None:
    """Give ``window`` (a ``MainWindow``) its pages, banners and status bar fields."""
    body = QWidget(window)
    column = QVBoxLayout(body)
    column.setContentsMargins(4, 2, 4, 0)  # a small screen needs every line
    if window.choice.is_demo:
        column.addWidget(named(QLabel(_tr(
            "Demo data: no server is configured. Everything here is a local practice "
            "copy in {folder}. Set the server under File → Settings.").format(
            folder=window.choice.path)), "demoBanner"))
    window.offline_banner = OfflineBanner(window.choice.path, window)
    column.addWidget(window.offline_banner)
    window.pages = pages = named(QStackedWidget(), "pages")
    column.addWidget(pages, 1)
    window.setCentralWidget(body)

    window.login = login = WorkerSelectionDialog(window.choice.path, window.runner, window)
    login.setWindowFlags(Qt.WindowType.Widget)  # a page of the window, not a popup
    login.workerChosen.connect(window._logged_in)
    pages.addWidget(login)

    window.work_page = named(QWidget(), "workPage")
    work = QVBoxLayout(window.work_page)
    window.resume_bar = bar = ResumeBar()
    window.resume_text, window.resume_button = bar.text, bar.button
    bar.resumeRequested.connect(window._open)
    window.message = named(QLabel(), "workMessage")
    window.message.setWordWrap(True)
    window.message.hide()  # shown with a message: an empty line would only push the table down
    window.browser = browser = SessionBrowser(window.layout_, window.runner,
                                              stale_after=window.settings.stale_after)
    browser.startRequested.connect(window._open)
    browser.resumeRequested.connect(window._open)
    browser.takeOverRequested.connect(window._take_over_from_browser)
    for widget in (bar, window.message):
        work.addWidget(widget)
    work.addWidget(browser, 1)
    pages.addWidget(window.work_page)

    window.packer_page = named(QWidget(), "packerPage")
    window.packer_box = QVBoxLayout(window.packer_page)
    window.packer_box.setContentsMargins(0, 0, 0, 0)
    pages.addWidget(window.packer_page)

    status = window.statusBar()
    window.station_status = StationStatus(status, window.station.station)
    window.worker_label, window.station_label, window.share_label, window.lock_label = (
        window.station_status.labels)
    window.scanner_label = scanner_words.status_label(last_scanner_test())
    status.addPermanentWidget(window.scanner_label)
    window.layout_notice = scanner_words.LayoutNotice(window)
    login.scanner_button.clicked.connect(lambda: main_tools.open_scanner_test(window))

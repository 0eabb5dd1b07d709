"""The Session Browser's actions on the selected list: Details, the pre-shift check, exports.

Share I/O runs on the browser's ``TaskRunner``; the dialogs are not modal, so the browser stays
usable beside them.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog

from packing_tool.ui.browser_export import export_csv, export_xlsx

# ``browser`` is the SessionBrowser (not imported: it imports this module).
Browser = Any


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionBrowser", text)


def show_details(browser: Browser) -> None:
    row = browser.selected_row()
    if row is None or browser.client is None:
        return
    from packing_tool.ui.session_details import SessionDetailsDialog

    dialog = SessionDetailsDialog(browser.share, browser.runner, browser.client, row.session_id,
                                  row.packing_list_name, stale_after=browser.stale_after,
                                  parent=browser)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()  # not modal: the browser stays usable beside it
    browser.details_dialog = dialog


def check_list(browser: Browser) -> None:
    """The pre-shift check of the selected list, on the runner; its findings open in a
    dialog and the list's marker follows (kept with the list for every PC)."""
    row, client = browser.selected_row(), browser.client
    if row is None or client is None:
        return
    from packing_tool.storage.list_check_store import check_and_keep

    name = row.packing_list_name
    browser.status_line.setText(_tr("Checking list {list}…").format(list=name))
    browser.runner.submit(check_and_keep, browser.share, client, row.session_id, name,
                       on_done=partial(list_checked, browser), owner=browser,
                       on_error=lambda msg: browser.status_line.setText(
                           _tr("Check of {list} failed: {reason}").format(
                               list=name, reason=msg)))


def list_checked(browser: Browser, report: Any) -> None:
    from packing_tool.ui.list_check_view import ListCheckDialog

    browser.status_line.setText(_tr("Checked {list}. Problems: {n}").format(
        list=report.list_name, n=report.problems))
    dialog = ListCheckDialog(report, parent=browser)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()  # not modal, like Details
    browser.check_dialog = dialog
    browser.refresh()  # the marker, from the index


def export(browser: Browser, kind: str, path: str | None = None) -> None:
    """Write the visible rows to ``path`` (asks for one when None), on the runner."""
    rows = browser.visible_rows()
    if path is None:
        suffix = (_tr("CSV files (*.csv)") if kind == "csv"
                  else _tr("Excel files (*.xlsx)"))
        path, _ = QFileDialog.getSaveFileName(
            browser, _tr("Export sessions"), f"sessions_{browser.client or 'all'}.{kind}",
            suffix)
        if not path:
            return
    writer = export_csv if kind == "csv" else export_xlsx
    browser.status_line.setText(_tr("Exporting {n} rows…").format(n=len(rows)))
    browser.runner.submit(writer, rows, path, owner=browser,
                       on_done=lambda out: browser.status_line.setText(
                           _tr("Exported {n} rows to {file}").format(
                               n=len(rows), file=out)),
                       on_error=lambda msg: browser.status_line.setText(
                           _tr("Export failed: {reason}").format(reason=msg)))

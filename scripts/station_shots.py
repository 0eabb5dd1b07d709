"""The station's window through a shift, for ``every_window.py``: login, the pre-shift check,
the Session Browser, Session Details, packer mode with its banners and questions, the second
check, the tool dialogs and the share going away.

The share: the demo share with DHL_Orders packed and ended, DHL_Extra (a list with problems,
``list_check_screenshots.py``), DPD_Again (DPD_Orders plus two DHL orders, so two orders are
packed elsewhere), and a second check for orders of 300 or more or tagged Priority.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from window_shots import CLIENT, PACKERS, SESSION, Shots, new_share

AGAIN = "DPD_Again"
FLAGGED = "#48215"  # tag Priority: waits for a second check
NOT_FOUND = "4006381333931"  # a barcode no order of the list holds


def prepare_share(root: Path) -> None:
    from list_check_screenshots import write_extra_list
    from screenshots import pack_with_a_packers_pace

    from packing_tool.domain.second_check import SecondCheckRules
    from packing_tool.storage.barcode_maps import BarcodeMapStore
    from packing_tool.storage.layout import ShareLayout
    from shared.worker_manager import WorkerManager

    for name in PACKERS:
        WorkerManager(root).get_or_create(name)
    pack_with_a_packers_pace(root, "DHL_Orders", PACKERS[2])
    write_extra_list(root)
    lists = ShareLayout(root).packing_lists_dir(CLIENT, SESSION)
    dpd = json.loads((lists / "DPD_Orders.json").read_text("utf-8"))["orders"]
    dhl = json.loads((lists / "DHL_Orders.json").read_text("utf-8"))["orders"]
    orders = [*dhl[:2], *dpd]
    (lists / f"{AGAIN}.json").write_text(json.dumps(
        {"session_id": SESSION, "total_orders": len(orders), "orders": orders},
        ensure_ascii=False), encoding="utf-8")
    store = BarcodeMapStore(ShareLayout(root), CLIENT)
    store.set_second_check(SecondCheckRules(min_order_value=300, tags=("Priority", "VIP")))
    skus = sorted({item["sku"] for order in dpd for item in order["items"]})[:4]
    store.set_many({f"380012345{n:04d}": sku for n, sku in enumerate(skus, 17)})


def shoot_station(shots: Shots) -> None:
    from packing_tool.storage.paths import RootChoice
    from packing_tool.storage.session_manager import SessionSettings
    from packing_tool.storage.settings import StationSettings
    from packing_tool.ui.main_window import MainWindow
    from packing_tool.ui.runner import TaskRunner

    root = new_share("station-shots-")
    prepare_share(root)
    runner = TaskRunner(shots.app)
    window = MainWindow(RootChoice(root, False, "screenshots"), runner,
                        station=StationSettings(sound=False, station_name="PACK-03",
                                                language=shots.language, theme=shots.theme),
                        settings=SessionSettings(debounce_seconds=0.0, retry_seconds=0.2,
                                                 claim_wait=0.2, share_timeout=3))
    window.offline_banner.timer.setInterval(200)
    window.resize(1380, 960)  # a station screen, as large as the virtual one allows
    window.show()
    try:
        _login_and_browser(shots, window)
        _details(shots, window, runner)
        _packing(shots, window)
        _tools(shots, window, runner)
    finally:
        window.close()
        runner.shutdown(timeout=10.0)


def _login_and_browser(shots: Shots, window: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    from packing_tool.storage.lock_info import LockInfo
    from packing_tool.ui import wording

    shots.wait(lambda: len(window.login.cards()) == len(PACKERS))
    shots.save(window, "login")
    if shots.wants("new_worker"):
        window.login.show_new_worker_form()
        window.login.name_field.setText("Стефан Георгиев")
        shots.save(window, "new_worker")
        window.login.name_field.clear()
        window.login._form.hide()
    window.login.choose(next(c.profile for c in window.login.cards()
                             if c.profile.name == PACKERS[1]))
    browser = window.browser
    shots.wait(lambda: browser.clients.count() > 0)
    browser.select_client(CLIENT)
    shots.wait(lambda: browser.select_row(SESSION, "DHL_Extra"))
    browser.check_list()
    shots.wait(lambda: getattr(browser, "check_dialog", None) is not None)
    dialog = browser.check_dialog
    dialog.resize(1130, 440)
    shots.save(dialog, "list_check")
    dialog.close()
    shots.wait(lambda: browser.select_row(SESSION, "DHL_Orders"))
    shots.save(window, "session_browser")
    if shots.wants("take_over"):
        since = (datetime.now().astimezone() - timedelta(minutes=42)).isoformat()
        holder = LockInfo(locked_by="PACK-01", user_name="pack01", lock_time=since,
                          heartbeat=since, worker_name=PACKERS[0], host="SKLAD-PC1")
        why = QCoreApplication.translate("MainWindow", "The list's lock is stale: {lock}.")
        shots.modal(lambda: window._offer_take_over({}, holder, why.format(
            lock=wording.lock(holder))), "take_over")


def _details(shots: Shots, window: Any, runner: Any) -> None:
    from packing_tool.ui.session_details import SessionDetailsDialog

    names = ["details_overview", "details_orders", "details_metrics", "details_skus"]
    if not shots.wants(*names):
        return
    details = SessionDetailsDialog(window.layout_, runner, CLIENT, SESSION, "DHL_Orders",
                                   parent=window)
    details.resize(1100, 760)
    details.show()
    shots.wait(lambda: details.tabs.count() >= len(names))
    shots.settle(1.5)
    tabs = [details.tabs.widget(i) for i in range(details.tabs.count())]
    order = [tabs[0], details.orders_tab, *tabs[-2:]]  # overview, orders, metrics, SKUs
    for name, tab in zip(names, order, strict=True):
        details.tabs.setCurrentWidget(tab)
        shots.save(details, name)
    details.close()


def _type(window: Any, *codes: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    mode = window.packer
    for code in codes:
        QTest.keyClicks(mode.scan_input, code)
        QTest.keyClick(mode.scan_input, Qt.Key.Key_Return)


def _packing(shots: Shots, window: Any) -> None:
    from packing_tool.simulate import label_text

    window.browser.select_row(SESSION, AGAIN)
    window.browser.activate_selected()
    shots.wait(lambda: window.packer is not None)
    mode = window.packer
    orders = list(mode.logic.packing_list.orders)
    _type(window, label_text(orders[0].order_number))  # a DHL order, packed in DHL_Orders
    shots.save(window, "packed_elsewhere")
    first = orders[2]
    big = next(o for o in orders[2:] if len(o.lines) > 2 and o.order_number != FLAGGED)
    foreign = next(line.sku for o in orders[2:] for line in o.lines
                   if line.sku not in {x.sku for x in big.lines})
    _type(window, label_text(first.order_number), first.lines[0].sku,
          label_text(big.order_number), big.lines[0].sku, NOT_FOUND, foreign)
    shots.save(window, "packer_mode")
    if shots.wants("packer_mode_small"):  # a 1366 x 768 station screen, maximised
        from every_window import SMALL_SCREEN

        size = window.size()
        window.resize(*SMALL_SCREEN)
        shots.save(window, "packer_mode_small")
        window.resize(size)
    if shots.wants("confirm_by_hand"):
        shots.modal(mode.confirm_manually, "confirm_by_hand", (560, 260))
    if shots.wants("end_session"):
        shots.modal(mode.confirm_end, "end_session")
    mode.skip_order()
    if shots.wants("repack"):
        shots.modal(mode.pack_again, "repack", (560, 220))
    _offline(shots, window)
    flagged = mode.logic.find_order(FLAGGED)
    assert flagged is not None
    _type(window, label_text(flagged.order_number),
          *[line.sku for line in flagged.lines for _ in range(line.quantity)])
    shots.save(window, "second_check")
    if shots.wants("second_check_worker"):
        shots.modal(mode.second_check.pick_checker, "second_check_worker", (560, 340))
    if shots.wants("second_check_skip"):
        shots.modal(mode.second_check.skip_check, "second_check_skip", (560, 260))


def _tools(shots: Shots, window: Any, runner: Any) -> None:
    from packing_tool.storage.barcode_maps import BarcodeMapStore
    from packing_tool.ui.settings_dialog import SettingsDialog
    from packing_tool.ui.sku_mapping_dialog import SkuMappingDialog

    if shots.wants("settings"):
        settings = SettingsDialog(window.station, window)
        settings.show()
        shots.save(settings, "settings")
        settings.close()
    if shots.wants("barcode_mapping", "delete_mapping"):
        mapping = SkuMappingDialog(BarcodeMapStore(window.layout_, CLIENT), runner,
                                   parent=window)
        mapping.show()
        shots.wait(lambda: mapping.table.model().rowCount() > 0)
        shots.save(mapping, "barcode_mapping")
        mapping.table.selectRow(0)
        shots.modal(mapping.delete_selected, "delete_mapping")
        mapping.close()


def _offline(shots: Shots, window: Any) -> None:
    """The share goes away with a list open: the banner, with an order packed meanwhile."""
    from packing_tool.simulate import label_text

    if not shots.wants("offline_banner"):
        return
    mode = window.packer
    root = window.choice.path
    away = root.with_name("share.away")
    root.rename(away)
    shots.wait(window.offline_banner.isVisible)
    shots.settle()  # Orders to pack redrawn after the last scans
    order = next(o for o in mode.logic.packing_list.orders if len(o.lines) == 1
                 and o.order_number != FLAGGED and o.order_number in mode.remaining.numbers())
    _type(window, label_text(order.order_number), order.lines[0].sku)
    shots.settle(1.0)
    shots.save(window, "offline_banner")
    away.rename(root)
    shots.wait(window.offline_banner.isHidden, timeout=20)

"""Every export writes real dates and durations, fitting key columns and the locale's CSV
separator: the completed-list report, the Session Browser's exports and ``stats export``,
each written for real and read back with openpyxl / csv."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from packing_tool.cli import main
from packing_tool.simulate import simulate
from packing_tool.storage.index_rows import load_rows
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import PackingSession, Worker
from packing_tool.storage.reports import HEADERS, write_report
from packing_tool.storage.sheet_format import (
    DATE_FORMAT,
    DURATION_FORMAT,
    MAX_WIDTH,
    csv_bytes,
    language_code,
    list_separator,
)
from packing_tool.ui.browser_export import export_csv, export_xlsx
from packing_tool.ui.browser_export import headers as browser_headers

SESSION = "2026-11-21_1"
SOFIA = ZoneInfo("Europe/Sofia")
PACKER = Worker("worker_001", "Ана")
KEY_COLUMNS = ("Order_Number", "Status", "SKU", "Product_Name")


@pytest.fixture
def sofia(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The station's clock in Sofia (UTC+2 in December), so local time differs from UTC."""
    monkeypatch.setenv("TZ", "Europe/Sofia")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _packed_report(root: Path, tmp_path: Path) -> tuple[Path, PackingSession]:
    """Client M's DPD list with its first order packed by scans 7 minutes apart (UTC clock)."""
    moment = [datetime(2026, 12, 3, 21, 50, tzinfo=ZoneInfo("UTC"))]

    def clock() -> datetime:
        moment[0] += timedelta(minutes=7)
        return moment[0]

    session = PackingSession(ShareLayout(root), "M", SESSION, "DPD_Orders", debounce_seconds=0,
                             clock=clock)
    order = session.logic.packing_list.orders[0]
    session.scan(order.order_number, PACKER)
    for line in order.lines:
        for _ in range(line.quantity):
            session.scan(line.sku, PACKER)
    return write_report(session.logic, tmp_path), session


def test_the_report_holds_local_dates_durations_and_fitting_key_columns(
        share_root: Path, tmp_path: Path, sofia: None) -> None:
    path, session = _packed_report(share_root, tmp_path)
    try:
        view = session.logic.order(session.logic.packing_list.orders[0].order_number)
    finally:
        session.close()
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    rows = list(sheet.iter_rows())
    col = {cell.value: i for i, cell in enumerate(rows[0])}
    first = rows[1]
    started, completed = first[col["Started_At"]], first[col["Completed_At"]]
    assert isinstance(started.value, datetime)
    assert started.number_format == DATE_FORMAT
    assert view.started_at is not None
    # Local (Sofia) wall time, not the UTC the clock gave: two hours later in December.
    assert started.value == view.started_at.astimezone(SOFIA).replace(tzinfo=None)
    assert started.value - view.started_at.replace(tzinfo=None) == timedelta(hours=2)
    assert isinstance(completed.value, datetime)
    spent = first[col["Duration"]]
    assert isinstance(spent.value, timedelta)
    assert spent.number_format == DURATION_FORMAT
    assert spent.value == timedelta(seconds=round(view.active_seconds))
    assert spent.value >= timedelta(minutes=7)
    for name in KEY_COLUMNS:
        letter = rows[0][col[name]].column_letter
        longest = max(len(str(row[col[name]].value or "")) for row in rows)
        width = sheet.column_dimensions[letter].width
        assert width >= min(longest, MAX_WIDTH - 2), name
        assert width <= MAX_WIDTH
    assert set(HEADERS) >= set(KEY_COLUMNS)


def test_the_session_browser_exports_real_dates_and_fitting_columns(
        share_root: Path, tmp_path: Path, sofia: None) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Анна", complete=True)
    rows = [r for r in load_rows(ShareLayout(share_root), "M",
                                 now=datetime.now().astimezone()) if r.completed_at]
    assert rows
    export_xlsx(rows, tmp_path / "s.xlsx")
    sheet = load_workbook(tmp_path / "s.xlsx").active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header == browser_headers()
    line = list(sheet[2])
    started = line[header.index("Started")]
    assert isinstance(started.value, datetime)
    assert started.number_format == DATE_FORMAT
    spent = line[header.index("Duration")]
    assert isinstance(spent.value, timedelta)
    assert spent.number_format == DURATION_FORMAT
    for name in ("Status", "Packing List", "Worker"):
        letter = sheet[1][header.index(name)].column_letter
        longest = max(len(str(row[header.index(name)] or ""))
                      for row in sheet.iter_rows(values_only=True))
        assert sheet.column_dimensions[letter].width >= longest, name

    export_csv(rows, tmp_path / "s.csv", ";")
    raw = (tmp_path / "s.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert lines[0] == browser_headers()
    shown = lines[1][header.index("Started")]
    assert datetime.strptime(shown, "%Y-%m-%d %H:%M:%S")  # local date-time text, no "T…+00:00"
    assert ":" in lines[1][header.index("Duration")]


def _stats(root: Path, target: Path, *args: str) -> int:
    return main(["--root", str(root), "stats", "export", str(target), *args])


def test_stats_export_writes_dates_and_durations(share_root: Path, tmp_path: Path) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Анна", complete=True)
    assert _stats(share_root, tmp_path / "s.xlsx") == 0
    book = load_workbook(tmp_path / "s.xlsx")
    history = book["Packing history"]
    header = [c.value for c in history[1]]
    record = dict(zip(header, history[2], strict=True))
    assert isinstance(record["Timestamp"].value, datetime)
    assert record["Timestamp"].number_format == DATE_FORMAT
    assert isinstance(record["Duration"].value, timedelta)
    assert record["Duration"].number_format == DURATION_FORMAT
    workers = book["Workers"]
    header = [c.value for c in workers[1]]
    assert isinstance(workers[2][header.index("Last_Active")].value, datetime)


@pytest.mark.parametrize(("lang", "separator"), [
    ("bg_BG.UTF-8", ";"), ("de_DE.UTF-8", ";"), ("en_US.UTF-8", ","), ("en_GB", ",")])
def test_csv_follows_the_locales_list_separator(share_root: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch, lang: str,
                                                separator: str) -> None:
    simulate(share_root, "M", SESSION, "DHL_Orders", "Анна", complete=True)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_NUMERIC", raising=False)
    monkeypatch.setenv("LANG", lang)
    target = tmp_path / "packing.csv"
    assert _stats(share_root, target) == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Cyrillic names as UTF-8
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    assert rows[0][:2] == ["Timestamp", "Client"]
    assert rows[1][5] == "Анна"
    # The option still decides when given.
    assert _stats(share_root, tmp_path / "comma.csv", "--delimiter", ",") == 0
    assert (tmp_path / "comma.csv").read_text(encoding="utf-8-sig").startswith("Timestamp,")


def test_the_separator_rule() -> None:
    assert list_separator("bg_BG") == ";"
    assert list_separator("Bulgarian_Bulgaria.1251") == ";"  # the name Windows gives
    assert list_separator("en_US", decimal_point=",") == ";"  # a decimal comma anywhere
    assert list_separator("en_US", decimal_point=".") == ","
    assert language_code("bg-BG") == "bg"


def test_formula_like_text_stays_text_with_either_separator() -> None:
    data = csv_bytes(("Name", "When"), [("=HYPERLINK(1)", "2026-12-03T21:57:00+00:00")],
                     ("text", "when"), ";")
    line = data.decode("utf-8-sig").splitlines()[1]
    assert line.startswith("'=HYPERLINK(1);")
    assert "T21:57" not in line  # the time is written as a local date-time

"""Rebuilding the browser's index on a slow share: the newest sessions' rows come first."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from packing_tool.storage import session_index
from packing_tool.storage.index_rows import IndexRow, load_rows
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.session_index import index_path
from shared.timestamps import now

pytestmark = pytest.mark.share


def make_sessions(root: Path, count: int) -> list[str]:
    """``count`` sessions of client M, one a day going back from today, two lists each."""
    names = []
    for n in range(count):
        day = date.today() - timedelta(days=n)
        session = f"{day.isoformat()}_1"
        folder = root / "Sessions" / "CLIENT_M" / session
        (folder / "packing_lists").mkdir(parents=True)
        (folder / "session_info.json").write_text(json.dumps(
            {"created_at": f"{day.isoformat()}T08:00:00+02:00", "session_name": session}))
        for name in ("DHL_Orders", "Speedy_Orders"):
            orders = [{"order_number": f"#{n}{k}", "courier": name.split("_")[0],
                       "order_fulfillment_status": "Fulfillable",
                       "items": [{"sku": "SKU-1", "quantity": 1}]} for k in range(3)]
            (folder / "packing_lists" / f"{name}.json").write_text(json.dumps(
                {"session_id": session, "orders": orders}))
        names.append(session)
    return names  # newest first


def test_rows_read_so_far_are_given_newest_first(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    sessions = make_sessions(tmp_path, 12)
    monkeypatch.setattr(session_index, "FIRST_ROWS_S", 0.0)  # a share slow enough to show parts
    monkeypatch.setattr(session_index, "MORE_ROWS_S", 0.0)
    parts: list[tuple[list[IndexRow], int, int]] = []
    rows = load_rows(ShareLayout(tmp_path), "M", now=now(),
                     partial=lambda got, read, total: parts.append((got, read, total)))

    assert len(rows) == 24
    assert {r.session_id for r in rows} == set(sessions)
    assert [p[1] for p in parts] == list(range(1, 12))  # each session read, but the last
    assert all(total == 12 for _, _, total in parts)
    for got, read, _ in parts:  # exactly the newest ``read`` sessions, both lists of each
        assert {r.session_id for r in got} == set(sessions[:read])
        assert len(got) == 2 * read
        assert [r.total_orders for r in got] == [3] * len(got)
    assert index_path(ShareLayout(tmp_path), "M").is_file()  # written once, at the end


def test_no_parts_when_the_index_exists_or_the_share_is_quick(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_sessions(tmp_path, 5)
    parts: list[int] = []
    load_rows(ShareLayout(tmp_path), "M", now=now(),  # 5 local sessions: well under 0.5 s
              partial=lambda _got, read, _total: parts.append(read))
    assert parts == []
    monkeypatch.setattr(session_index, "FIRST_ROWS_S", 0.0)
    monkeypatch.setattr(session_index, "MORE_ROWS_S", 0.0)
    rows = load_rows(ShareLayout(tmp_path), "M", now=now(),
                     partial=lambda _got, read, _total: parts.append(read))
    assert parts == []
    assert len(rows) == 10

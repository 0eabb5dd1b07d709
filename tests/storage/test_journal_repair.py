"""A garbled line in the middle of a share's scan journal never blocks the list for good."""

from __future__ import annotations

from pathlib import Path

from packing_tool.simulate import simulate
from packing_tool.storage.generated import write_generated_session
from packing_tool.storage.journal import JOURNAL_FILENAME
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_manager import SessionManager, SessionSettings

SESSION = "2026-11-21_1"
WORKER = Worker("worker_001", "Иван Петров")


def _garble(journal: Path, line: int) -> bytes:
    lines = journal.read_bytes().split(b"\n")
    original = journal.read_bytes()
    lines[line - 1] = b'{"seq": 5, "kind": "sc\xff\xfe garbled'
    journal.write_bytes(b"\n".join(lines))
    return original


def _open(root: Path, station: Path) -> tuple[SessionManager, int, str]:
    manager = SessionManager(ShareLayout(root), WORKER, SessionSettings(debounce_seconds=0.0),
                             local_root=station)
    active = manager.open("M", SESSION, "Courier")
    events, note = active.session.logic.last_seq, active.mirror.note
    manager.pause(active)
    manager.close()
    return manager, events, note


def test_a_garbled_line_is_rewritten_from_this_stations_copy(tmp_path: Path) -> None:
    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 8, seed=1)
    station = tmp_path / "pc"
    manager = SessionManager(ShareLayout(root), WORKER, SessionSettings(debounce_seconds=0.0),
                             local_root=station)
    active = manager.open("M", SESSION, "Courier")
    order = active.session.packing_list.orders[0]
    active.session.scan(order.order_number.lstrip("#"), WORKER)
    for line in order.lines:
        for _ in range(line.quantity):
            active.session.scan(line.sku, WORKER)
    events = active.session.logic.last_seq
    assert active.mirror.flush(5.0)
    # Paused with the share unwritable for a moment is not needed: keep the station's copy by
    # closing without ending (the copy stays until the list is ended).
    manager.pause(active)
    manager.close()
    journal = ShareLayout(root).work_dir("M", SESSION, "Courier") / JOURNAL_FILENAME
    original = _garble(journal, 2)
    _, replayed, note = _open(root, station)
    assert replayed == events
    assert "rewritten from this station's copy" in note
    assert journal.read_bytes() == original
    assert list(journal.parent.glob(f"{JOURNAL_FILENAME}.garbled-*"))


def test_without_a_copy_the_lines_before_are_kept_and_the_rest_kept_aside(
        tmp_path: Path) -> None:
    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 8, seed=1)
    simulate(root, "M", SESSION, "Courier", "Иван Петров")  # another station packed it all
    journal = ShareLayout(root).work_dir("M", SESSION, "Courier") / JOURNAL_FILENAME
    total = journal.read_bytes().count(b"\n")
    _garble(journal, 5)
    damaged = journal.read_bytes()
    _, replayed, note = _open(root, tmp_path / "another-pc")
    assert replayed == 4
    assert "line 5 was garbled" in note
    assert f"the {total - 4} from it on are not replayed" in note
    kept = list(journal.parent.glob(f"{JOURNAL_FILENAME}.garbled-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == damaged  # every byte kept for the supervisor
    # Packing goes on from there: the list can be packed to the end and ended.
    result = simulate(root, "M", SESSION, "Courier", "Иван Петров", complete=True)
    assert result["orders_packed"] == result["orders_total"] == 8

"""Scores from the summaries and journals the product writes, and the cache beside them."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path

import pytest

from packing_tool.domain.scores import leaderboard
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.score_history import (
    cache_path,
    client_scores,
    combined,
    history,
    list_samples,
    share_scores,
)
from tests.helpers.packing_history import T0, Packer, make_skus, orders_for, write_list

SINGLES = Packer("worker_001", "Ана", 1.0, "singles")
MULTIS = Packer("worker_002", "Orca", 1.0, "multis")
FAST = Packer("worker_003", "Fast", 0.8, "any")


def packed_share(root: Path, lists_each: int = 4, orders: int = 60, seed: int = 3) -> None:
    """Client M: every packer packs ``lists_each`` lists of their kind of orders."""
    rng = random.Random(seed)
    difficulty = make_skus(rng, 40)
    for n in range(lists_each):
        session = f"2026-11-{n + 2:02d}_1"
        for i, packer in enumerate((SINGLES, MULTIS, FAST)):
            write_list(root, "M", session, f"List_{packer.worker_id}",
                       packer, orders_for(rng, packer, orders, difficulty),
                       start=T0 + timedelta(days=n, hours=i), pause_every=7, undo_every=5)


def test_scores_from_real_summaries_are_fair_and_rank_the_fast_packer(tmp_path: Path) -> None:
    packed_share(tmp_path)
    scores = client_scores(ShareLayout(tmp_path), "M")
    assert scores.summaries == 12
    assert not scores.from_cache
    board = {w.worker_name: w for w in leaderboard(scores.workers)}
    assert board["Ана"].orders == board["Orca"].orders == 240
    assert abs(board["Ана"].score / board["Orca"].score - 1) <= 0.10
    assert board["Fast"].score / board["Orca"].score == pytest.approx(1.25, rel=0.12)
    assert board["Ана"].orders_per_hour > 2 * board["Orca"].orders_per_hour


def test_pauses_and_undos_in_the_journal_are_not_packing_time(tmp_path: Path) -> None:
    rng = random.Random(1)
    difficulty = make_skus(rng, 10)
    orders = orders_for(rng, MULTIS, 10, difficulty)
    path = write_list(tmp_path, "M", "2026-11-02_1", "DHL", MULTIS, orders,
                      pause_every=3, undo_every=2)
    got = {s.shape.lines: s.seconds for s in list_samples(path)}
    assert [got[tuple(lines)] for lines, _s in orders] == pytest.approx(
        [seconds for _lines, seconds in orders], abs=0.01)
    summary = json.loads(path.read_text(encoding="utf-8"))
    assert summary["orders"][2]["duration_seconds"] > 600  # the summary counts the break
    # Without its journal the order is timed from the summary's item times: the break is
    # still left out (the undo cannot be seen there).
    (path.parent / "scan_journal.jsonl").unlink()
    fallback = list_samples(path)
    assert max(s.seconds for s in fallback) < 300
    assert len(fallback) == 10


def test_the_cache_is_used_until_a_summary_changes(tmp_path: Path) -> None:
    packed_share(tmp_path, lists_each=1, orders=30)
    layout = ShareLayout(tmp_path)
    first = client_scores(layout, "M")
    cached = json.loads(cache_path(layout, "M").read_text(encoding="utf-8"))
    assert cached["version"] == "1.0"
    assert cached["summaries"] == 3
    assert set(cached["workers"]) == {"worker_001", "worker_002", "worker_003"}
    again = client_scores(layout, "M")
    assert again.from_cache
    for worker_id, tally in first.workers.items():
        kept = again.workers[worker_id]
        assert (kept.worker_name, kept.orders, kept.units) == (
            tally.worker_name, tally.orders, tally.units)
        assert kept.expected_seconds == pytest.approx(tally.expected_seconds, abs=0.01)
        assert kept.active_seconds == pytest.approx(tally.active_seconds, abs=0.01)
    assert again.model.base == pytest.approx(first.model.base, abs=1e-3)
    # Another pause gap is another model.
    assert not client_scores(layout, "M", pause_gap=60).from_cache
    # A new ended list is a new history.
    rng = random.Random(9)
    write_list(tmp_path, "M", "2026-11-20_1", "Late", SINGLES,
               orders_for(rng, SINGLES, 5, make_skus(rng, 40)))
    rebuilt = client_scores(layout, "M")
    assert not rebuilt.from_cache
    assert rebuilt.workers["worker_001"].orders == first.workers["worker_001"].orders + 5


def test_a_damaged_cache_or_summary_is_read_around(tmp_path: Path) -> None:
    packed_share(tmp_path, lists_each=1, orders=20)
    layout = ShareLayout(tmp_path)
    client_scores(layout, "M")
    cache_path(layout, "M").write_text("{not json", encoding="utf-8")
    summary = layout.work_dir("M", "2026-11-02_1", "List_worker_001") / "session_summary.json"
    summary.write_text("[", encoding="utf-8")
    scores = client_scores(layout, "M")
    assert not scores.from_cache
    assert "worker_001" not in scores.workers
    assert scores.workers["worker_002"].orders == 20
    assert json.loads(cache_path(layout, "M").read_text(encoding="utf-8"))["summaries"] == 3


def test_repacks_and_conflicts_are_not_scored(tmp_path: Path) -> None:
    rng = random.Random(4)
    orders = orders_for(rng, FAST, 4, make_skus(rng, 10))
    path = write_list(tmp_path, "M", "2026-11-02_1", "DHL", FAST, orders)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["orders"][0]["repack_reason"] = "torn box"
    doc["orders"][1]["also_packed"] = {"session_id": "2026-11-01_1"}
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert len(list_samples(path)) == 2


def test_every_client_of_the_share_adds_up_per_packer(tmp_path: Path) -> None:
    rng = random.Random(2)
    difficulty = make_skus(rng, 10)
    for client in ("M", "K"):
        write_list(tmp_path, client, "2026-11-02_1", "DHL", FAST,
                   orders_for(rng, FAST, 6, difficulty))
    every = share_scores(tmp_path)
    assert sorted(c.client for c in every) == ["K", "M"]
    assert combined(every)["worker_003"].orders == 12
    assert len(history(ShareLayout(tmp_path), "K")) == 6
    assert share_scores(tmp_path / "nothing-here") == []


def test_the_pause_gap_is_a_station_setting_with_a_safe_range() -> None:
    from packing_tool.storage.settings import StationSettings, from_dict

    assert StationSettings().score_pause_seconds == 300
    assert from_dict({"score_pause_seconds": 600}).score_pause_seconds == 600
    odd = from_dict({"score_pause_seconds": 5})
    assert odd.score_pause_seconds == 300
    assert any("pause gap" in note for note in odd.notes)

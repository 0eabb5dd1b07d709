"""`stats rebuild`: the figures completion wrote are what the summaries add up to; tampered
figures are reported one by one and written back, with the previous files kept aside."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from packing_tool.cli import main
from packing_tool.simulate import simulate
from tests.admin.test_stats_ledger import SESSION, end_list, summary
from tests.conftest import SHOPIFY_SERVER
from tests.helpers.simulate_checks import writable_copy

ENTRY_POINT = Path(sys.executable).with_name("packing-tool")
STATS = Path("Stats/global_stats.json")
WORKERS = Path("Workers/workers.json")


@pytest.fixture(scope="module")
def packed_share(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real completions by two workers on lists of M and B; B's session then archived."""
    base = tmp_path_factory.mktemp("packed")
    root = writable_copy(SHOPIFY_SERVER, base / "server")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PACKING_TOOL_HOME", str(base / "station"))
        simulate(root, "M", SESSION, "DHL_Orders", "Анна", complete=True)
        simulate(root, "B", SESSION, "Econt", "Boris", complete=True)
        end_list(root, "Анна", "DPD_Orders", orders=3, step=10.37)  # 3 of 8 orders
        simulate(root, "M", SESSION, "DPD_Orders", "Boris", complete=True)  # resumed, ended
        simulate(root, "B", SESSION, "Speedy", "Анна", complete=True)
        end_list(root, "Boris", "PostOne_Orders", step=7.31)
    archive = root / "Archive" / "Sessions" / "CLIENT_B"
    archive.mkdir(parents=True)
    shutil.move(root / "Sessions" / "CLIENT_B" / SESSION, archive / SESSION)
    return root


@pytest.fixture
def share(packed_share: Path, tmp_path: Path) -> Path:
    return writable_copy(packed_share, tmp_path / "server")


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _edit(path: Path, change: Any) -> None:
    doc = _load(path)
    change(doc)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def _rebuild(root: Path, *args: str) -> int:
    return main(["--root", str(root), "stats", "rebuild", *args])


def _packing_figures(root: Path) -> dict[str, Any]:
    doc = _load(root / STATS)
    return {"totals": [doc.get(k) for k in ("total_orders_packed", "total_items_packed",
                                             "total_sessions")],
            "by_client": {c: (e["orders_packed"], e["sessions"])
                          for c, e in doc["by_client"].items()},
            "items": {c: e["items_packed"] for c, e in doc["clients"].items()},
            "workers": {w: (e["orders_packed"], e["items_packed"], e["sessions"],
                            e["duration_seconds"]) for w, e in doc["workers"].items()}}


def _profiles(root: Path) -> dict[str, dict[str, Any]]:
    return {p["id"]: p for p in _load(root / WORKERS)["workers"]}


def test_real_completions_match_the_rebuild(share: Path, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    assert _rebuild(share, "--check") == 0
    out = capsys.readouterr().out
    assert "Read 5 session summaries (3 under Sessions/, 2 under Archive/Sessions/)" in out
    assert "No differences" in out
    assert "analysis figures" in out
    assert "recorded_ids" in out
    doc = _load(share / STATS)
    assert doc["total_sessions"] == 5  # the resumed list counts once
    durations = [w["duration_seconds"] for w in doc["workers"].values()]
    assert all(d > 30 for d in durations)  # packing time was counted, rounded per record
    assert doc["total_orders_packed"] > 0
    counted = summary(share, "DPD_Orders")["counted"]
    assert counted["completions"] == 2
    assert len(counted["sessions_given"]) == 2  # both workers packed it


def test_tampered_figures_are_reported_and_written_back(
        share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    figures, profiles = _packing_figures(share), _profiles(share)
    anna = next(p["id"] for p in profiles.values() if p["name"] == "Анна")
    boris = next(p["id"] for p in profiles.values() if p["name"] == "Boris")
    good_orders, sessions = figures["totals"][0], profiles[boris]["total_sessions"]

    def tamper_stats(doc: dict[str, Any]) -> None:
        doc["total_orders_packed"] += 7
        doc["by_client"]["M"]["orders_packed"] += 1
        doc["workers"][anna]["items_packed"] += 2
        doc["workers"][boris]["duration_seconds"] += 50
        doc["from_the_other_tool"] = {"kept": True}

    def tamper_workers(doc: dict[str, Any]) -> None:
        entry = next(w for w in doc["workers"] if w["id"] == boris)
        entry["total_orders"] += 3
        entry["total_sessions"] += 1

    _edit(share / STATS, tamper_stats)
    _edit(share / WORKERS, tamper_workers)
    tampered_stats = (share / STATS).read_bytes()

    assert _rebuild(share, "--dry-run") == 0
    out = capsys.readouterr().out
    expected = [
        f"Stats/global_stats.json: total_orders_packed: {good_orders + 7} -> {good_orders}",
        "Stats/global_stats.json: by_client.M.orders_packed: ",
        f"Stats/global_stats.json: workers.{anna}.items_packed: ",
        f"Stats/global_stats.json: workers.{boris}.duration_seconds: ",
        f"Workers/workers.json: workers[{boris}].total_orders: ",
        f"Workers/workers.json: workers[{boris}].total_sessions: {sessions + 1} -> {sessions}",
    ]
    for line in expected:
        assert line in out
    assert "6 difference(s)" in out
    assert (share / STATS).read_bytes() == tampered_stats  # a dry run writes nothing
    assert _rebuild(share, "--check") == 1

    assert _rebuild(share, "--yes") == 0
    assert _rebuild(share, "--check") == 0
    rebuilt = _packing_figures(share)
    # Completion rounds each record's seconds to 0.1, the rebuild rounds their sum: a
    # rewritten duration may differ by that rounding (within the rebuild's tolerance).
    for wid, values in figures["workers"].items():
        assert rebuilt["workers"][wid][:3] == values[:3]
        assert rebuilt["workers"][wid][3] == pytest.approx(values[3], abs=0.5)
    assert {k: v for k, v in rebuilt.items() if k != "workers"} == {
        k: v for k, v in figures.items() if k != "workers"}
    fixed = _profiles(share)[boris]
    assert fixed["total_orders"] == profiles[boris]["total_orders"]
    assert fixed["total_sessions"] == sessions == 3
    assert fixed["avg_orders_per_session"] == round(fixed["total_orders"] / 3, 1)
    doc = _load(share / STATS)
    assert doc["total_orders_analyzed"] == 624
    assert doc["by_client"]["M"]["orders_analyzed"] == 544
    assert doc["from_the_other_tool"] == {"kept": True}
    assert len(doc["analysis_history"]) == 3
    kept_stats = list((share / "Stats").glob("global_stats.json.before-rebuild-*"))
    kept_workers = list((share / "Workers").glob("workers.json.before-rebuild-*"))
    assert len(kept_stats) == len(kept_workers) == 1
    assert _load(kept_stats[0])["total_orders_packed"] == good_orders + 7
    kept_boris = next(w for w in _load(kept_workers[0])["workers"] if w["id"] == boris)
    assert kept_boris["total_sessions"] == sessions + 1


def test_a_declined_confirmation_writes_nothing(share: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    _edit(share / STATS, lambda doc: doc.update(total_sessions=40))
    before = (share / STATS).read_bytes()
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    assert _rebuild(share) == 1
    assert (share / STATS).read_bytes() == before
    assert "Nothing was written" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    assert _rebuild(share) == 0
    assert _load(share / STATS)["total_sessions"] == 5


def test_json_output_lists_each_difference(share: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    first, second = sorted(_load(share / STATS)["workers"])

    def tamper(doc: dict[str, Any]) -> None:
        doc["total_items_packed"] = 1
        doc["workers"][first]["duration_seconds"] += 0.3  # within the rounding: not reported
        doc["workers"][second]["duration_seconds"] += 1.5

    _edit(share / STATS, tamper)
    assert _rebuild(share, "--check", "--json") == 1
    result = json.loads(capsys.readouterr().out)
    assert [d["key"] for d in result["differences"]] == [
        "total_items_packed", f"workers.{second}.duration_seconds"]
    assert result["differences"][0]["stored"] == 1
    assert result["summaries"] == {"sessions": 3, "archive": 2}


def test_workers_without_a_profile_are_reported_not_created(
        share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    boris = next(p for p in _profiles(share).values() if p["name"] == "Boris")
    _edit(share / WORKERS,
          lambda doc: doc.update(workers=[w for w in doc["workers"] if w["id"] != boris["id"]]))
    assert _rebuild(share, "--yes") == 0
    out = capsys.readouterr().out
    assert f"Worker {boris['id']} (Boris) is in the summaries but has no profile" in out
    assert boris["id"] not in _profiles(share)


def test_unreadable_summaries_and_unfinished_endings_block_the_write(
        share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    work = share / "Sessions" / "CLIENT_M" / SESSION / "packing"
    (work / "DHL_Orders" / "session_summary.json").write_text("{torn", encoding="utf-8")
    (work / "DPD_Orders" / "completion_plan.json").write_text("{}", encoding="utf-8")
    before = (share / STATS).read_bytes()
    assert _rebuild(share, "--yes") == 1
    captured = capsys.readouterr()
    assert "DHL_Orders" in captured.out
    assert "unreadable" in captured.out
    assert "DPD_Orders: an ending was interrupted" in captured.out
    assert "not written while there are problems" in captured.err
    assert (share / STATS).read_bytes() == before
    assert _rebuild(share, "--check") == 1


def test_a_corrupt_stats_file_is_named_and_left_alone(
        share: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (share / STATS).write_bytes(b"{ this is not JSON")
    for args in (["rebuild", "--yes"], ["rebuild", "--dry-run"], ["show"]):
        assert main(["--root", str(share), "stats", *args]) == 1
        assert str(share / STATS) in capsys.readouterr().err
    assert (share / STATS).read_bytes() == b"{ this is not JSON"
    assert not list((share / "Stats").glob("*.corrupt-*"))


def test_a_missing_root_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    assert _rebuild(missing, "--check") == 2
    assert str(missing) in capsys.readouterr().err
    assert not missing.exists()


def test_check_through_a_real_process(share: Path) -> None:
    env = {**os.environ, "PACKING_TOOL_HOME": str(share.parent / "station")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(ENTRY_POINT), "--root", str(share), "stats", "rebuild",
                               *args], capture_output=True, text=True, timeout=120,
                              check=False, env=env)

    assert run("--check").returncode == 0
    _edit(share / STATS, lambda doc: doc.update(total_orders_packed=3))
    result = run("--check")
    assert result.returncode == 1
    assert "Stats/global_stats.json: total_orders_packed: 3 -> " in result.stdout
    assert "reading session summaries: 5/5" in result.stderr
    assert run("--yes").returncode == 0
    assert run("--check").returncode == 0

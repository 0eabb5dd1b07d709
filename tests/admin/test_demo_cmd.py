"""``packing-tool demo PATH``: a share root with the bundled demo data to try the app on."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from packing_tool.cli import main
from packing_tool.simulate import simulate
from packing_tool.storage.discovery import list_sessions
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.paths import resources_dir

ENTRY_POINT = Path(sys.executable).with_name("packing-tool")
DEMO = resources_dir() / "demo" / "server"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ENTRY_POINT), *args], capture_output=True, text=True,
                          timeout=120, check=False)


def demo(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["demo", *args])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys: pytest.CaptureFixture[str], root: Path) -> list[dict[str, Any]]:
    code = main(["--root", str(root), "sessions", "list", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    found: list[dict[str, Any]] = json.loads(out)
    return found


def demo_files() -> set[Path]:
    return {p.relative_to(DEMO) for p in DEMO.rglob("*") if p.is_file()}


def test_demo_root_lists_its_sessions_and_packs_a_list(tmp_path):
    root = tmp_path / "demo share"
    made = run("demo", str(root))
    assert made.returncode == 0, made.stderr
    assert str(root) in made.stdout
    assert f"packing-tool --root '{root}'" in made.stdout
    assert "client M, session 2026-11-21_1: 4 lists" in made.stdout
    assert {p.relative_to(root) for p in root.rglob("*") if p.is_file()} == demo_files()

    shown = run("--root", str(root), "sessions", "list", "--json")
    assert shown.returncode == 0, shown.stderr
    rows = json.loads(shown.stdout)
    assert {(r["client"], r["list"]) for r in rows} >= {("M", "DHL_Orders"), ("B", "Econt")}
    assert {r["status"] for r in rows} == {"available"}

    result = simulate(root, "M", "2026-11-21_1", "DHL_Orders", "Anna", complete=True)
    assert result["orders_packed"] == result["orders_total"] > 0
    assert run("--root", str(root), "sessions", "list", "--status", "completed").stdout.count(
        "DHL_Orders") == 1


def test_an_existing_empty_folder_is_used(tmp_path, capsys):
    root = tmp_path / "empty"
    root.mkdir()
    code, out, err = demo(capsys, str(root))
    assert code == 0, err
    assert "Demo share created" in out
    assert (root / "Stats" / "global_stats.json").is_file()


def test_a_folder_that_is_not_empty_is_refused(tmp_path, capsys):
    root = tmp_path / "busy"
    root.mkdir()
    (root / "notes.txt").write_text("mine")
    code, out, err = demo(capsys, str(root))
    assert code == 2
    assert str(root) in err
    assert "--force" in err
    assert out == ""
    assert [p.name for p in root.iterdir()] == ["notes.txt"]


def test_a_file_as_path_is_refused(tmp_path, capsys):
    path = tmp_path / "file"
    path.write_text("x")
    code, _, err = demo(capsys, str(path))
    assert code == 2
    assert str(path) in err


def test_force_adds_only_the_missing_files(tmp_path, capsys):
    root = tmp_path / "share"
    assert demo(capsys, str(root))[0] == 0
    stats = root / "Stats" / "global_stats.json"
    stats.write_text('{"kept": true}')  # packed work since: must stay
    gone = root / "Sessions" / "CLIENT_B" / "2026-11-21_1" / "packing_lists" / "Econt.json"
    original = (DEMO / gone.relative_to(root)).read_bytes()
    gone.unlink()
    (root / "notes.txt").write_text("mine")
    code, _, err = demo(capsys, str(root))
    assert code == 2
    assert not gone.exists()
    code, out, err = demo(capsys, str(root), "--force")
    assert code == 0, err
    assert "Added 1 missing demo files" in out
    assert gone.read_bytes() == original
    assert stats.read_text() == '{"kept": true}'
    assert (root / "notes.txt").read_text() == "mine"


def test_orders_writes_a_generated_list_of_that_many_orders(tmp_path, capsys):
    root = tmp_path / "big"
    code, out, err = demo(capsys, str(root), "--orders", "500")
    assert code == 0, err
    today = f"{date.today():%Y-%m-%d}_"
    [generated] = [r for r in listed(capsys, root) if r["list"] == "Generated_Orders"]
    assert generated["total_orders"] == 500
    assert generated["session"].startswith(today)
    data = json.loads(Path(generated["work_dir"]).parents[1].joinpath(
        "packing_lists", "Generated_Orders.json").read_text("utf-8"))
    assert len(data["orders"]) == 500
    assert "500 orders" in out

    code, _, err = demo(capsys, str(root), "--force", "--orders", "3")
    assert code == 0, err
    sessions = [s for s in list_sessions(ShareLayout(root), generated["client"])
                if s.startswith(today)]
    numbers = sorted(int(s.removeprefix(today)) for s in sessions)
    assert numbers == list(range(1, len(numbers) + 1))  # the next free number, none replaced
    counts = sorted(r["total_orders"] for r in listed(capsys, root)
                    if r["list"] == "Generated_Orders")
    assert counts == [3, 500]


def test_orders_must_be_positive(tmp_path, capsys):
    code, _, err = demo(capsys, str(tmp_path / "x"), "--orders", "0")
    assert code == 2
    assert "--orders" in err
    assert not (tmp_path / "x").exists()

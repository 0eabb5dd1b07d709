"""`packing-tool verify` lists every link on the share; `--repair` never follows one."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from packing_tool.cli import main
from packing_tool.simulate import simulate
from tests.storage.test_links import snapshot

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")

SESSION, LIST = "2026-11-21_1", "DHL_Orders"


def _verify(root: Path, capsys: pytest.CaptureFixture[str], *more: str) -> tuple[int, dict]:
    code = main(["--root", str(root), "verify", "--json", *more])
    return code, json.loads(capsys.readouterr().out)


def test_every_link_is_listed_with_where_it_points(share_root: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not the share's\n")
    session = share_root / "Sessions" / "CLIENT_M" / SESSION
    os.symlink(outside, share_root / "Archive", target_is_directory=True)
    os.symlink(outside / "secret.txt", session / "packing_lists" / "Extra.json")
    os.symlink(session / "input", session / "input_alias", target_is_directory=True)
    os.symlink(tmp_path / "gone", share_root / "Stats" / "old_stats.json")

    code, report = _verify(share_root, capsys)

    links = {f["path"]: f for f in report["findings"] if "a link to" in f["message"]}
    assert code == 1
    assert set(links) == {"Archive", f"Sessions/CLIENT_M/{SESSION}/packing_lists/Extra.json",
                          f"Sessions/CLIENT_M/{SESSION}/input_alias", "Stats/old_stats.json"}
    assert links["Archive"]["severity"] == "error"
    assert str(outside) in links["Archive"]["message"]
    assert "OUTSIDE the share root" in links["Archive"]["message"]
    assert links[f"Sessions/CLIENT_M/{SESSION}/input_alias"]["severity"] == "warning"
    assert "inside the share" in links[f"Sessions/CLIENT_M/{SESSION}/input_alias"]["message"]
    assert "does not exist" in links["Stats/old_stats.json"]["message"]
    assert all(f["repair"] is None for f in links.values())


def test_repair_never_writes_through_a_linked_folder(share_root: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    simulate(share_root, "M", SESSION, LIST, "Anna", complete=True)
    outside = tmp_path / "outside"
    shutil.move(share_root / "Stats", outside)  # the statistics now live off the share ...
    os.symlink(outside, share_root / "Stats", target_is_directory=True)  # ... behind a link
    (outside / "global_stats.json").write_bytes(b"\x00\x00")  # torn, with a good .bak beside
    work = share_root / "Sessions" / "CLIENT_M" / SESSION / "packing" / LIST
    (work / "packing_state.json").unlink()
    os.symlink(outside / "global_stats.json.bak", work / "packing_state.json")
    before = snapshot(outside)

    code, report = _verify(share_root, capsys, "--repair", "--yes")

    assert snapshot(outside) == before
    assert code == 1
    messages = [f"{f['path']}: {f['message']}" for f in report["findings"]]
    assert any(m.startswith("Stats: a link to") and "OUTSIDE" in m for m in messages), messages
    not_done = [r for r in report["repairs"] if not r["done"]]
    assert any("is a link to" in r["message"] for r in not_done), report["repairs"]

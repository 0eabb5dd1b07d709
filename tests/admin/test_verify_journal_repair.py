"""`verify --repair` unblocks a list whose share journal has a garbled line in the middle."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from packing_tool.cli import main
from packing_tool.simulate import simulate
from packing_tool.storage.generated import write_generated_session
from packing_tool.storage.layout import ShareLayout

SESSION = "2026-11-21_1"


def test_a_garbled_journal_line_is_found_and_repaired(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "server"
    write_generated_session(root, "M", SESSION, "Courier", 6, seed=2)
    simulate(root, "M", SESSION, "Courier", "Иван Петров")
    journal = ShareLayout(root).work_dir("M", SESSION, "Courier") / "scan_journal.jsonl"
    lines = journal.read_bytes().split(b"\n")
    lines[3] = b'{"seq": 4, "kind": gar\xffbled'
    journal.write_bytes(b"\n".join(lines))
    assert main(["--root", str(root), "verify", "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert any("line 4 cannot be read" in f["message"] for f in found["findings"])
    code = main(["--root", str(root), "verify", "--repair", "--yes"])
    out = capsys.readouterr().out
    assert code in (0, 1), out
    assert "line 4 was garbled" in out
    assert list(journal.parent.glob("scan_journal.jsonl.garbled-*"))
    result = simulate(root, "M", SESSION, "Courier", "Иван Петров", complete=True)
    assert result["orders_packed"] == result["orders_total"] == 6

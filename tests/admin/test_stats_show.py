"""`stats` and `stats show`: the global statistics as JSON, or one client's figures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from packing_tool.cli import main

ENTRY_POINT = Path(sys.executable).with_name("packing-tool")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_stats_and_stats_show_print_the_same_json(share_root: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, bare, _ = _run(capsys, "--root", str(share_root), "stats")
    assert code == 0
    code, shown, _ = _run(capsys, "--root", str(share_root), "stats", "show")
    assert code == 0
    assert bare == shown
    doc = json.loads(shown)
    assert doc["total_orders_analyzed"] == 624
    assert doc["by_client"]["B"]["orders_analyzed"] == 80
    assert len(doc["analysis_history"]) == 3


def test_show_one_client(share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--root", str(share_root), "stats", "show", "--client", "B")
    assert code == 0
    client = json.loads(out)
    assert client["client_id"] == "B"
    assert client["orders_analyzed"] == 80
    assert client["orders_packed"] == 0
    assert "analysis_history" not in client
    # Before the subcommand, and with the folder's prefix and another case, it is the same.
    code, again, _ = _run(capsys, "--root", str(share_root), "stats", "--client", "CLIENT_b",
                          "show")
    assert code == 0
    assert json.loads(again) == client


def test_an_unknown_client_is_refused_with_the_known_ones(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--root", str(share_root), "stats", "show", "--client", "Z")
    assert code == 2
    assert out == ""
    assert "'Z'" in err
    assert "B, M" in err
    code, _, err = _run(capsys, "--root", str(share_root), "stats", "show", "--client", "../x")
    assert code == 2
    assert "../x" in err


def test_a_missing_root_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    code, _, err = _run(capsys, "--root", str(missing), "stats", "show")
    assert code == 2
    assert str(missing) in err
    assert not missing.exists()


@pytest.mark.parametrize("words", [[], ["show"], ["export"], ["rebuild"]])
def test_every_subcommand_has_help(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["stats", *words, "--help"])
    assert done.value.code == 0
    assert "usage: packing-tool stats" in capsys.readouterr().out


def test_show_client_through_a_real_process(share_root: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(ENTRY_POINT), "--root", str(share_root), "stats", "show", "--client", "M"],
        capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "PACKING_TOOL_HOME": str(tmp_path / "station")})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["orders_analyzed"] == 544

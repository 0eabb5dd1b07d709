"""The installed `packing-tool` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from packing_tool import __version__

ENTRY_POINT = Path(sys.executable).with_name("packing-tool")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(ENTRY_POINT), *args], capture_output=True, text=True,
                          timeout=60, check=False)


def test_version_through_the_installed_entry_point() -> None:
    assert ENTRY_POINT.is_file(), "pip install -e . creates the packing-tool script"
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"packing-tool {__version__}"


def test_stats_prints_the_shared_statistics(share_root: Path) -> None:
    result = _run("--root", str(share_root), "stats")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["total_orders_analyzed"] == 624
    assert stats["by_client"]["B"]["orders_analyzed"] == 80


def test_stats_on_a_missing_root_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = _run("--root", str(missing), "stats")
    assert result.returncode == 2
    assert str(missing) in result.stderr
    assert not missing.exists()

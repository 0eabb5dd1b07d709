"""Every administrator command: --help, a missing root, and a share with corrupt shared files."""

from __future__ import annotations

from pathlib import Path

import pytest

from packing_tool.cli import main

# Minimal valid arguments of each command, with {tmp} for a scratch folder outside the share.
COMMANDS = {
    "stats": ["stats"],
    "stats export": ["stats", "export", "{tmp}/stats.xlsx"],
    "stats rebuild": ["stats", "rebuild", "--dry-run"],
    "sessions": ["sessions", "list"],
    "sessions release": ["sessions", "release", "--client", "M", "--session", "2026-11-21_1",
                         "--list", "DHL_Orders", "--yes"],
    "verify": ["verify"],
    "migrate": ["migrate", "--dry-run"],
    "backup": ["backup", "--output", "{tmp}/backup.zip"],
    "restore": ["restore", "{tmp}/backup.zip", "--dry-run"],
    "archive": ["archive", "--older-than", "30", "--dry-run"],
    "check-list": ["check-list", "--client", "M", "--session", "2026-11-21_1", "--list",
                   "DHL_Orders", "--no-save"],
    "second-check": ["second-check", "M"],
}

READS_SHARED_FILES = {"stats", "stats export", "stats rebuild", "verify", "migrate"}


def _args(name: str, tmp: Path) -> list[str]:
    return [a.replace("{tmp}", str(tmp)) for a in COMMANDS[name]]


@pytest.mark.parametrize("name", [*COMMANDS, "demo", "simulate"])
def test_every_command_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([*name.split(), "--help"])
    assert stop.value.code == 0
    assert "usage: packing-tool" in capsys.readouterr().out


@pytest.mark.parametrize("name", COMMANDS)
def test_a_missing_root_exits_2_naming_it(name: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-share-here"
    code = main(["--root", str(missing), *_args(name, tmp_path)])
    assert code == 2
    assert str(missing) in capsys.readouterr().err
    assert not missing.exists()


@pytest.mark.parametrize("name", COMMANDS)
def test_corrupt_shared_files_give_a_message_never_a_crash_or_a_reset(
        name: str, share_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stats = share_root / "Stats" / "global_stats.json"
    workers = share_root / "Workers" / "workers.json"
    workers.parent.mkdir(exist_ok=True)
    stats.write_bytes(b'{"total_orders_analyzed": 624, "by_cli')  # torn mid-write
    workers.write_bytes(b"\x00\x00garbage")
    if name == "restore":  # a backup of the healthy fixture first
        (tmp_path / "healthy").mkdir()
        assert main(["--root", str(share_root), "backup", "--output",
                     str(tmp_path / "backup.zip")]) in (0, 1)
        capsys.readouterr()
    code = main(["--root", str(share_root), *_args(name, tmp_path)])
    out = capsys.readouterr()
    assert code in (0, 1, 2), out
    assert "Traceback" not in out.err
    said = out.err + out.out
    if name in READS_SHARED_FILES:  # these must name the damaged file
        assert code != 0
        assert "global_stats.json" in said or "workers.json" in said
    elif code != 0:
        assert said.strip(), "a failure always says why"
    # Whatever the command did, the damaged bytes were not silently replaced by defaults.
    kept = [p.read_bytes() for p in share_root.rglob("global_stats.json*")]
    assert b'{"total_orders_analyzed": 624, "by_cli' in kept
    kept = [p.read_bytes() for p in share_root.rglob("workers.json*")]
    assert b"\x00\x00garbage" in kept

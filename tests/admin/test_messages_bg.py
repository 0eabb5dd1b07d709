"""The command line speaks Bulgarian to people when the station's language is Bulgarian."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from packing_tool.admin.messages_bg import bulgarian, localise


def test_known_messages_in_bulgarian_and_unknown_ones_as_they_are() -> None:
    assert localise("share root /srv/x does not exist (give --root PATH)",
                    to_bulgarian=True) == "общата папка /srv/x не съществува (задай --root ПЪТ)"
    assert localise("Move 3 session(s) to /a? [y/N] ",
                    to_bulgarian=True) == "Move 3 session(s) to /a? [д/Н] "
    assert localise("Cancelled: nothing was moved.", to_bulgarian=True) == (
        "Отказано: нищо не е преместено.")
    assert localise("something new", to_bulgarian=True) == "something new"
    assert localise("Nothing was written.", to_bulgarian=False) == "Nothing was written."


def test_the_language_comes_from_the_settings_then_the_pc(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKING_TOOL_HOME", str(tmp_path))
    monkeypatch.setenv("LANG", "bg_BG.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert bulgarian()  # no settings file: the PC's locale
    from packing_tool.storage.settings import default_settings_path

    default_settings_path().parent.mkdir(parents=True, exist_ok=True)
    default_settings_path().write_text(json.dumps({"language": "en"}), encoding="utf-8")
    assert not bulgarian()
    default_settings_path().write_text(json.dumps({"language": "bg"}), encoding="utf-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert bulgarian()


def test_a_command_error_is_in_bulgarian(tmp_path: Path) -> None:
    env = {"PACKING_TOOL_HOME": str(tmp_path / "home"), "LANG": "bg_BG.UTF-8",
           "PATH": "/usr/bin:/bin"}
    missing = tmp_path / "нищо"
    run = subprocess.run([sys.executable, "-m", "packing_tool.cli", "--root", str(missing),
                          "sessions", "list"], capture_output=True, text=True, env=env,
                         timeout=60, check=False)
    assert run.returncode == 2
    assert f"общата папка {missing} не съществува" in run.stderr

"""Station settings: round trip, unknown keys kept, corrupt files kept aside, bad values refused."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from packing_tool.storage.lock_info import host_name
from packing_tool.storage.session_manager import SessionSettings
from packing_tool.storage.settings import (
    SettingsError,
    StationSettings,
    default_settings_path,
    load_settings,
    save_settings,
    session_settings,
    validate,
)

CUSTOM = StationSettings(server_path=r"\\nas\packing", station_name="PACK-03",
                         heartbeat_seconds=30, stale_after_seconds=90, share_timeout_seconds=20,
                         sound=False, theme="dark", last_client="M", last_worker_id="worker_007")


def on_disk(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_no_file_gives_defaults_in_the_local_data_folder(station_home: Path) -> None:
    assert default_settings_path() == station_home / "settings.json"
    settings = load_settings()
    assert settings == StationSettings()
    assert settings.notes == ()
    assert (settings.heartbeat_seconds, settings.stale_after_seconds,
            settings.share_timeout_seconds) == (60, 180, 10)
    assert settings.sound is True
    assert settings.theme == "light"
    assert settings.station == host_name()
    assert not default_settings_path().exists()


def test_round_trip_keeps_every_field(station_home: Path) -> None:
    path = save_settings(CUSTOM)
    assert path == station_home / "settings.json"
    assert load_settings() == CUSTOM
    assert load_settings().station == "PACK-03"
    assert on_disk(path)["heartbeat_seconds"] == 30
    assert not list(station_home.glob(".*.tmp"))  # written through the atomic helper


def test_an_explicit_path_is_used(tmp_path: Path) -> None:
    path = tmp_path / "elsewhere" / "s.json"
    save_settings(CUSTOM, path)
    assert load_settings(path) == CUSTOM
    assert not default_settings_path().exists()


def test_keys_a_newer_version_wrote_are_kept_on_save(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "dark", "printer": {"name": "Citizen"},
                                "version": 7}), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.theme == "dark"
    assert loaded.extra == {"printer": {"name": "Citizen"}}
    save_settings(replace(loaded, sound=False), path)
    assert on_disk(path)["printer"] == {"name": "Citizen"}
    assert on_disk(path)["sound"] is False
    save_settings(StationSettings(), path)  # a fresh object: the file's unknown keys survive
    assert on_disk(path)["printer"] == {"name": "Citizen"}
    assert on_disk(path)["theme"] == "light"


@pytest.mark.parametrize("content", [b"{\"theme\": \"dark\",", b"[1, 2]", b"\xff\xfe\x00garbage",
                                     b""])
def test_a_corrupt_file_is_kept_aside_and_defaults_are_used(tmp_path: Path,
                                                           content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    settings = load_settings(path)
    assert settings == StationSettings()
    kept = list(tmp_path.glob("settings.json.corrupt-*"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == content
    assert len(settings.notes) == 1
    assert kept[0].name in settings.notes[0]
    assert "defaults are used" in settings.notes[0]
    assert not path.exists()  # moved aside: the next start does not trip on it again
    assert load_settings(path).notes == ()
    save_settings(CUSTOM, path)
    assert load_settings(path) == CUSTOM


def test_bad_values_fall_back_one_by_one_with_a_note(tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "server_path": "  ", "station_name": "PACK-01", "heartbeat_seconds": "fast",
        "stale_after_seconds": 240, "share_timeout_seconds": 500, "sound": "yes",
        "theme": "pink", "last_client": "M"}), encoding="utf-8")
    settings = load_settings(path)
    assert settings.server_path is None  # blank in the file means "not set"
    assert settings.station_name == "PACK-01"
    assert settings.heartbeat_seconds == 60
    assert settings.stale_after_seconds == 240  # valid, so kept
    assert settings.share_timeout_seconds == 10
    assert settings.sound is True
    assert settings.theme == "light"
    assert settings.last_client == "M"
    text = "\n".join(settings.notes)
    for word in ("heartbeat_seconds", "share timeout", "sound", "pink"):
        assert word in text
    assert "share timeout" in caplog.text


def test_a_stale_time_too_short_for_the_heartbeat_is_reset(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"heartbeat_seconds": 30, "stale_after_seconds": 50}),
                    encoding="utf-8")
    settings = load_settings(path)
    assert (settings.heartbeat_seconds, settings.stale_after_seconds) == (30, 180)
    path.write_text(json.dumps({"heartbeat_seconds": 100, "stale_after_seconds": 150}),
                    encoding="utf-8")
    settings = load_settings(path)
    assert (settings.heartbeat_seconds, settings.stale_after_seconds) == (100, 300)
    assert settings.problems() == []
    assert "300 is used instead" in settings.notes[0]
    path.write_text(json.dumps({"heartbeat_seconds": 900, "stale_after_seconds": 150}),
                    encoding="utf-8")
    settings = load_settings(path)
    assert settings.problems() == []
    assert (settings.heartbeat_seconds, settings.stale_after_seconds) == (60, 150)


@pytest.mark.parametrize(("change", "words"), [
    ({"heartbeat_seconds": 4}, "between 5 and 600"),
    ({"heartbeat_seconds": 601, "stale_after_seconds": 2000}, "between 5 and 600"),
    ({"stale_after_seconds": 120}, "more than 120 s"),
    ({"stale_after_seconds": 100_000}, "at most"),
    ({"share_timeout_seconds": 0}, "between 1 and 120"),
    ({"share_timeout_seconds": 121}, "between 1 and 120"),
    ({"theme": "neon"}, "Unknown theme"),
    ({"station_name": "  "}, "station name is empty"),
    ({"station_name": "PACK/1"}, "may not contain"),
    ({"station_name": "x" * 61}, "longer than"),
    ({"server_path": " "}, "server path is empty"),
])
def test_invalid_values_are_refused_with_a_clear_message(
        tmp_path: Path, change: dict[str, object], words: str) -> None:
    bad = replace(StationSettings(), **change)  # type: ignore[arg-type]
    assert len(validate(bad)) == 1
    assert words in validate(bad)[0]
    path = tmp_path / "settings.json"
    with pytest.raises(SettingsError) as caught:
        save_settings(bad, path)
    assert words in str(caught.value)
    assert caught.value.problems == validate(bad)
    assert not path.exists()


def test_the_edges_of_the_ranges_are_accepted() -> None:
    for settings in (StationSettings(heartbeat_seconds=5, stale_after_seconds=11,
                                     share_timeout_seconds=1),
                     StationSettings(heartbeat_seconds=600, stale_after_seconds=1201,
                                     share_timeout_seconds=120)):
        assert validate(settings) == []


def test_session_settings_carry_the_timings() -> None:
    assert session_settings(CUSTOM) == SessionSettings(
        heartbeat_seconds=30.0, stale_after=90.0, share_timeout=20.0)
    assert session_settings(StationSettings()) == SessionSettings()

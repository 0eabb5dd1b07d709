"""This station's own settings: ``settings.json`` in the local data folder, never on the share.

The old tool kept a ``config.ini`` next to the program, read half of its keys, and exited
when the server path was missing (anchor study §1.1). Here every setting has a default, a
bad value falls back to its default with a message, and a file that does not parse is
moved aside (kept) before defaults are used: the app always starts. Keys this version does
not know (written by a newer one) are kept when the file is saved.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from packing_tool.domain.phrase import phrase
from packing_tool.storage.lock_info import (
    DEFAULT_HEARTBEAT_SECONDS,
    DEFAULT_STALE_SECONDS,
    effective_station,
)
from packing_tool.storage.paths import local_data_dir
from packing_tool.storage.session_manager import SessionSettings
from shared import fileio

log = logging.getLogger(__name__)

SETTINGS_FILENAME = "settings.json"
SETTINGS_VERSION = 1
THEMES = ("light", "dark")  # the names ui.themes knows; storage may not import ui
LANGUAGES = ("system", "bg", "en")  # "system": the PC's locale (ui.language)
HEARTBEAT_RANGE = (5, 600)
TIMEOUT_RANGE = (1, 120)
SCORE_PAUSE_RANGE = (30, 3600)
MAX_STALE_SECONDS = 24 * 3600
MAX_STATION_NAME = 60
BAD_NAME_CHARS = set('\\/:*?"<>|')  # the station name becomes a file name on the share


class SettingsError(ValueError):
    """Settings that cannot be saved; ``problems`` says what is wrong, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class StationSettings:
    server_path: str | None = None
    station_name: str | None = None  # None: this PC's host name ($PACKING_TOOL_STATION wins)
    heartbeat_seconds: int = int(DEFAULT_HEARTBEAT_SECONDS)
    stale_after_seconds: int = int(DEFAULT_STALE_SECONDS)
    share_timeout_seconds: int = 10
    score_pause_seconds: int = 300  # packer scores: a longer gap within an order is a pause
    sound: bool = True
    theme: str = "light"
    language: str = "system"
    last_client: str | None = None
    last_worker_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    notes: tuple[str, ...] = field(default=(), compare=False, repr=False)  # load messages

    @property
    def station(self) -> str:
        """The name this station goes by in locks, logs and reports: ``PACKING_TOOL_STATION``
        when set, else ``station_name``, else this PC's host name (``lock_info.station_name``
        gives the same once the app has passed ``station_name`` to ``set_station_name``)."""
        return effective_station(self.station_name)

    def problems(self) -> list[str]:
        """What is wrong with these settings, one clear sentence each; empty when valid."""
        return validate(self)

    def to_dict(self) -> dict[str, Any]:
        known = {f.name: getattr(self, f.name) for f in fields(self)
                 if f.name not in ("extra", "notes")}
        return {**self.extra, "version": SETTINGS_VERSION, **known}


def _field_problems(s: StationSettings) -> dict[str, str]:
    found: dict[str, str] = {}
    low, high = HEARTBEAT_RANGE
    if not low <= s.heartbeat_seconds <= high:
        found["heartbeat_seconds"] = (f"The heartbeat must be between {low} and {high} s "
                                      f"(it is {s.heartbeat_seconds} s).")
    if s.stale_after_seconds <= 2 * s.heartbeat_seconds:
        found["stale_after_seconds"] = (
            f"A lock must count as stale only after more than two heartbeats: more than "
            f"{2 * s.heartbeat_seconds} s (it is {s.stale_after_seconds} s).")
    elif s.stale_after_seconds > MAX_STALE_SECONDS:
        found["stale_after_seconds"] = (f"The stale time may be at most {MAX_STALE_SECONDS} s "
                                        f"(it is {s.stale_after_seconds} s).")
    low, high = TIMEOUT_RANGE
    if not low <= s.share_timeout_seconds <= high:
        found["share_timeout_seconds"] = (f"The share timeout must be between {low} and {high} s "
                                          f"(it is {s.share_timeout_seconds} s).")
    low, high = SCORE_PAUSE_RANGE
    if not low <= s.score_pause_seconds <= high:
        found["score_pause_seconds"] = (f"The pause gap for scores must be between {low} and "
                                        f"{high} s (it is {s.score_pause_seconds} s).")
    if s.theme not in THEMES:
        found["theme"] = f"Unknown theme {s.theme!r}: choose {' or '.join(THEMES)}."
    if s.language not in LANGUAGES:
        found["language"] = f"Unknown language {s.language!r}: choose {', '.join(LANGUAGES)}."
    name = s.station_name
    if name is not None:
        if not name.strip():
            found["station_name"] = "The station name is empty: leave it unset to use the PC name."
        elif len(name) > MAX_STATION_NAME:
            found["station_name"] = (f"The station name is longer than {MAX_STATION_NAME} "
                                     "characters.")
        elif BAD_NAME_CHARS & set(name) or any(ch < " " for ch in name):
            found["station_name"] = ('The station name may not contain \\ / : * ? " < > | '
                                     "or control characters.")
    if s.server_path is not None and not s.server_path.strip():
        found["server_path"] = "The server path is empty: leave it unset to use the demo data."
    return found


def validate(settings: StationSettings) -> list[str]:
    """Every problem with ``settings`` as a sentence for the user; empty when they are valid."""
    return list(_field_problems(settings).values())


def default_settings_path() -> Path:
    return local_data_dir() / SETTINGS_FILENAME


TEXT_FIELDS = ("server_path", "station_name", "last_client", "last_worker_id")
SECONDS_FIELDS = ("heartbeat_seconds", "stale_after_seconds", "share_timeout_seconds",
                  "score_pause_seconds")


def _typed(name: str, value: Any) -> Any:
    """``value`` as field ``name`` holds it; raises ``TypeError`` when it is of another kind."""
    if name in TEXT_FIELDS and (value is None or isinstance(value, str)):
        return (value or "").strip() or None  # "" in a hand-edited file means "not set"
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if name in SECONDS_FIELDS and number and math.isfinite(value) and value == int(value):
        return int(value)
    if (name == "sound" and isinstance(value, bool)) or (name in ("theme", "language")
                                                         and isinstance(value, str)):
        return value
    raise TypeError(phrase("{name} is {value}, which is not a valid value", name=name,
                           value=repr(value)))


def from_dict(data: dict[str, Any], where: str = "settings") -> StationSettings:
    """Settings from a parsed file: each bad value falls back to its default, with a note."""
    defaults = StationSettings()
    known = {f.name for f in fields(StationSettings)} - {"extra", "notes"}
    values: dict[str, Any] = {}
    notes: list[str] = []
    for name in known & data.keys():
        try:
            values[name] = _typed(name, data[name])
        except TypeError as exc:
            notes.append(f"{where}: {exc}; the default is used.")
    extra = {k: v for k, v in data.items() if k not in known and k != "version"}
    settings = replace(defaults, **values, extra=extra)
    # One field at a time: the heartbeat's fix decides whether the stale time is valid.
    while problems := _field_problems(settings):
        name, problem = next(iter(problems.items()))
        fallback = getattr(defaults, name)
        if name == "stale_after_seconds":  # the default may be too short for a long heartbeat
            fallback = max(fallback, 3 * settings.heartbeat_seconds)
        notes.append(f"{where}: {problem} {fallback!r} is used instead.")
        settings = replace(settings, **{name: fallback})
    return replace(settings, notes=tuple(notes))


def load_settings(path: Path | None = None) -> StationSettings:
    """This station's settings; defaults (with ``notes`` saying why) when the file is bad.

    Never raises for the file's content: a file that does not parse is moved aside as
    ``settings.json.corrupt-<time>`` so the next start does not trip on it again.
    """
    target = path or default_settings_path()
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        return StationSettings()
    except OSError as exc:
        note = f"{target}: cannot be read ({exc}); defaults are used."
        log.warning(note)
        return StationSettings(notes=(note,))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict):
        return _set_aside(target, raw)
    settings = from_dict(data, str(target))
    for note in settings.notes:
        log.warning(note)
    return settings


def read_settings(path: Path | None = None) -> StationSettings:
    """This station's settings for a command (``packing-tool verify``, ``simulate``, …): as
    ``load_settings`` reads them, but quietly, and a file that does not parse is left where
    it is (the app moves it aside when it starts) and gives the defaults."""
    target = path or default_settings_path()
    try:
        data = json.loads(target.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError):
        return StationSettings()
    return from_dict(data, str(target)) if isinstance(data, dict) else StationSettings()


def _set_aside(target: Path, raw: bytes) -> StationSettings:
    try:
        kept = fileio.keep_aside(target, raw)
        target.unlink(missing_ok=True)
    except OSError as exc:
        note = (f"{target} is not valid settings and could not be moved aside ({exc}); "
                "defaults are used.")
    else:
        note = f"{target} was not valid settings; it is kept at {kept.name} and defaults are used."
    log.warning(note)
    return StationSettings(notes=(note,))


def save_settings(settings: StationSettings, path: Path | None = None) -> Path:
    """Write ``settings`` atomically; raises ``SettingsError`` when they are not valid."""
    problems = validate(settings)
    if problems:
        raise SettingsError(problems)
    target = path or default_settings_path()
    fileio.atomic_write_json(target, {**_unknown_on_disk(target), **settings.to_dict()})
    return target


def _unknown_on_disk(target: Path) -> dict[str, Any]:
    """Keys of the file as it is now that this version does not know (a newer one wrote them)."""
    try:
        data = json.loads(target.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return from_dict(data).extra if isinstance(data, dict) else {}


def session_settings(station: StationSettings) -> SessionSettings:
    """The lock and share timings SessionManager runs with, from this station's settings."""
    return SessionSettings(heartbeat_seconds=float(station.heartbeat_seconds),
                           stale_after=float(station.stale_after_seconds),
                           share_timeout=float(station.share_timeout_seconds))

"""Themes load and style the feedback kinds; every outcome has a kind and a sound file."""

from __future__ import annotations

import importlib.util
import wave
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from packing_tool.domain.events import Outcome
from packing_tool.ui.feedback import FEEDBACK_KIND, KINDS, FeedbackBanner
from packing_tool.ui.sounds import SOUND_FOR, SoundPlayer, sounds_dir
from packing_tool.ui.themes import THEMES, apply_theme, current_theme, theme_file

MAKE_SOUNDS = Path(__file__).resolve().parents[2] / "scripts" / "make_sounds.py"


def _make_sounds() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sounds", MAKE_SOUNDS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", THEMES)
def test_each_theme_styles_every_feedback_kind_and_key_widget(app: QApplication,
                                                              name: str) -> None:
    assert apply_theme(app, name) is True
    assert current_theme() == name
    sheet = app.styleSheet()
    for kind in set(KINDS) - {"idle"}:
        assert f'#scanFeedback[kind="{kind}"]' in sheet
    for object_name in ("scanInput", "itemsTable", "skipOrderButton", "endSessionButton",
                        "workerSelectionDialog", "workerCard", "orderNumber"):
        assert f"#{object_name}" in sheet
    assert theme_file(name).read_text(encoding="utf-8") == sheet


def test_an_unknown_theme_is_refused(app: QApplication) -> None:
    with pytest.raises(ValueError, match="unknown theme"):
        apply_theme(app, "neon")


def test_the_banner_kind_follows_the_outcome(qtbot: QtBot, app: QApplication) -> None:
    apply_theme(app, "dark")
    banner = FeedbackBanner()
    qtbot.addWidget(banner)
    banner.show_message("error", "WRONG ITEM", "not in this order", "x" * 500)
    assert banner.kind == "error"
    assert banner.property("kind") == "error"
    assert len(banner.findChild(QLabel, "feedbackScan").text()) < 80  # a garbage read is cut
    with pytest.raises(ValueError, match="feedback kind"):
        banner.show_message("party", "?")


def test_every_outcome_has_a_feedback_kind_and_an_existing_short_sound() -> None:
    assert set(FEEDBACK_KIND) == set(Outcome)
    assert set(SOUND_FOR) == set(Outcome)
    assert set(FEEDBACK_KIND.values()) <= set(KINDS)
    for name in set(SOUND_FOR.values()):
        with wave.open(str(sounds_dir() / f"{name}.wav"), "rb") as wav:
            assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
            assert 0 < wav.getnframes() / wav.getframerate() < 1.0


def test_the_sound_files_are_what_the_script_makes(tmp_path: Path) -> None:
    written = _make_sounds().write_all(tmp_path)
    assert {p.name for p in written} == {p.name for p in sounds_dir().glob("*.wav")}
    for path in written:
        assert path.read_bytes() == (sounds_dir() / path.name).read_bytes(), path.name


def test_playing_never_raises_even_without_an_audio_device(qapp: QApplication,
                                                           tmp_path: Path) -> None:
    player = SoundPlayer()
    for outcome in Outcome:
        player.play_outcome(outcome)
    player.play("no-such-sound")
    SoundPlayer(directory=tmp_path).play("ok")  # a build without the sound files
    muted = SoundPlayer(muted=True)
    muted.play("ok")
    assert muted._effects == {}  # muted: nothing is even loaded

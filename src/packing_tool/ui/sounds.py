"""One short sound per scan outcome, best effort.

A station may have no audio device, no PulseAudio library or a broken driver: then the
packer simply hears nothing. Nothing here ever raises into the scan path.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl

from packing_tool.domain.events import Outcome
from packing_tool.storage.paths import resources_dir

log = logging.getLogger(__name__)

SOUND_FOR: dict[Outcome, str] = {
    Outcome.ITEM_OK: "ok",
    Outcome.MANUAL_CONFIRMED: "ok",
    Outcome.EXTRA_KEPT: "ok",
    Outcome.EXTRA_REMOVED: "ok",
    Outcome.ORDER_LOADED: "order_loaded",
    Outcome.ORDER_RESUMED: "order_loaded",
    Outcome.ORDER_COMPLETE: "order_complete",
    Outcome.WRONG_ITEM: "wrong",
    Outcome.UNKNOWN_BARCODE: "unknown",
    Outcome.ORDER_NOT_FOUND: "unknown",
    Outcome.EXTRA_ITEM: "extra",
    Outcome.DUPLICATE_READ: "duplicate",
    Outcome.ORDER_AMBIGUOUS: "error",
    Outcome.ORDER_ALREADY_PACKED: "error",
    Outcome.REFUSED: "error",
    Outcome.NOTHING_TO_UNDO: "error",
    Outcome.UNDONE: "undo",
    Outcome.ORDER_SKIPPED: "info",
    Outcome.WORKER_CHANGED: "info",
    # The order ledger: an order of this list that is not this station's to pack now.
    Outcome.ORDER_PACKED_ELSEWHERE: "packed_elsewhere",
    Outcome.ORDER_PACKING_ELSEWHERE: "packing_elsewhere",
    Outcome.ORDER_NOT_TO_PACK: "error",
    Outcome.ORDER_IN_OTHER_LIST: "wrong",
    Outcome.REPACK_STARTED: "order_loaded",
}
ERROR_SOUND = "error"  # also played when a scan could not be saved
CONFLICT_SOUND = ERROR_SOUND  # an order packed here and, by the ledger, also elsewhere


def sounds_dir() -> Path:
    return resources_dir() / "sounds"


class SoundPlayer(QObject):
    """Plays the outcome sounds with QSoundEffect; ``muted`` silences it."""

    def __init__(self, parent: QObject | None = None, *, muted: bool = False,
                 directory: Path | None = None, volume: float = 0.8) -> None:
        super().__init__(parent)
        self.muted = muted
        self.volume = volume
        self.directory = directory or sounds_dir()
        self._effects: dict[str, Any] = {}  # name → QSoundEffect, or None when unusable
        self._effect_class: Any = None
        self._available: bool | None = None  # unknown until the first sound is wanted

    def play_outcome(self, outcome: Outcome) -> None:
        self.play(SOUND_FOR.get(outcome, ERROR_SOUND))

    def play(self, name: str) -> None:
        """Start sound ``name`` (a file stem in the sounds folder); silently nothing on failure."""
        if self.muted:
            return
        try:
            effect = self._effect(name)
            if effect is not None:
                effect.play()
        except Exception:  # sound is a nicety: it must never break a scan
            log.debug("sound %s could not play", name, exc_info=True)

    def _effect(self, name: str) -> Any:
        if name in self._effects:
            return self._effects[name]
        effect = None
        path = self.directory / f"{name}.wav"
        if self._load_class() and path.is_file():
            effect = self._effect_class(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(self.volume)
        self._effects[name] = effect
        return effect

    def _load_class(self) -> bool:
        if self._available is None:
            try:  # QtMultimedia needs libpulse on Linux; without it the app stays silent
                from PySide6.QtMultimedia import QSoundEffect
            except ImportError as exc:
                log.info("no sound: %s", exc)
                self._available = False
            else:
                self._effect_class, self._available = QSoundEffect, True
        return bool(self._available)

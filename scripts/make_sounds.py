"""Write the feedback sounds into resources/sounds/ (stdlib only; the output is deterministic).

Each outcome has a sound of its own that a packer learns without looking: rising notes for
good news, a low buzz for a wrong item, short ticks for things to notice. Run it again after
changing a tone; the WAV files are kept in the repository.

    python scripts/make_sounds.py [--out DIR]
"""

from __future__ import annotations

import argparse
import math
import struct
import wave
from pathlib import Path

RATE = 22_050  # plenty for beeps, and keeps each file a few kB
FADE = 0.006  # seconds of fade in/out, so notes start and stop without a click
Note = tuple[float, float, float, str]  # (frequency Hz or 0 for silence, seconds, volume, wave)

SOUNDS: dict[str, list[Note]] = {
    "ok": [(1320, 0.08, 0.55, "sine")],
    "order_loaded": [(880, 0.07, 0.5, "sine"), (0, 0.02, 0, "sine"), (1320, 0.09, 0.5, "sine")],
    "order_complete": [(1047, 0.09, 0.5, "sine"), (1319, 0.09, 0.5, "sine"),
                       (1568, 0.22, 0.55, "sine")],
    "wrong": [(196, 0.18, 0.6, "square"), (0, 0.06, 0, "sine"), (196, 0.26, 0.6, "square")],
    "unknown": [(392, 0.14, 0.5, "triangle"), (262, 0.26, 0.5, "triangle")],
    "extra": [(740, 0.09, 0.5, "triangle"), (0, 0.05, 0, "sine"), (740, 0.09, 0.5, "triangle"),
              (0, 0.05, 0, "sine"), (740, 0.09, 0.5, "triangle")],
    "duplicate": [(2200, 0.03, 0.25, "sine")],
    "error": [(147, 0.45, 0.6, "square")],
    "info": [(660, 0.1, 0.4, "sine")],
    "undo": [(988, 0.07, 0.45, "sine"), (659, 0.11, 0.45, "sine")],
    # The order is not this station's to pack: falling notes (gone already), a busy tone.
    "packed_elsewhere": [(1175, 0.1, 0.5, "triangle"), (880, 0.1, 0.5, "triangle"),
                         (587, 0.24, 0.5, "triangle")],
    "packing_elsewhere": [(620, 0.09, 0.45, "sine"), (480, 0.09, 0.45, "sine"),
                          (620, 0.09, 0.45, "sine"), (480, 0.14, 0.45, "sine")],
}


def _sample(shape: str, phase: float) -> float:
    if shape == "square":  # softened square: harsh enough to mean "stop", not painful
        return max(-1.0, min(1.0, 3 * math.sin(phase))) * 0.7
    if shape == "triangle":
        return 2 / math.pi * math.asin(math.sin(phase))
    return math.sin(phase)


def render(notes: list[Note]) -> bytes:
    frames = bytearray()
    for freq, seconds, volume, shape in notes:
        count = int(RATE * seconds)
        fade = max(1, int(RATE * FADE))
        for i in range(count):
            envelope = min(1.0, i / fade, (count - 1 - i) / fade)
            value = 0.0 if freq <= 0 else _sample(shape, 2 * math.pi * freq * i / RATE)
            frames += struct.pack("<h", int(value * volume * envelope * 32_000))
    return bytes(frames)


def write_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, notes in SOUNDS.items():
        path = out / f"{name}.wav"
        with wave.open(str(path), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(RATE)
            wav.writeframes(render(notes))
        written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[1] / "resources" / "sounds"
    parser.add_argument("--out", type=Path, default=default)
    args = parser.parse_args()
    for path in write_all(args.out):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""What a scanner test tells: the packer scans the test sheet's codes, this says what is wrong.

Input: the codes on the sheet and the key presses that arrived, each a character and a time in
seconds (``"\\r"`` for Enter, ``"\\t"`` for Tab). Output: a ``ScannerReport`` with the
keyboard layout, the terminator, any prefix or suffix, double reads and the speed in
characters per second, and a list of ``Problem`` keys the UI turns into plain words.

* Reads end at Enter or Tab (CR LF counts as one), or after ``timeout`` seconds without a key.
  A read that ended by timeout, or that holds two codes one after the other, has no terminator.
* Each read is matched against the codes as typed under each layout (US first, then Caps Lock,
  then the Cyrillic layouts); a code found inside a longer read gives a prefix or suffix.
  A symbology identifier such as ``]C1`` as prefix is harmless (the packer drops it).
* The same read twice within ``double_window`` seconds is a double read.
* Speed: keys per second inside reads (first to last key of each read), over all reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from packing_tool.domain.keyboard_layouts import LAYOUTS, US, guess_layout, has_cyrillic

TERMINATORS = {"\r": "enter", "\n": "enter", "\t": "tab"}
CAPS_LOCK = "caps_lock"
OTHER = "other"
SLOW_CPS = 25.0  # below this a scanner's inter-character delay is set too long
_AIM_ID = re.compile(r"\][A-Za-z][0-9A-Za-z]")

Key = tuple[str, float]  # (character, seconds)


@dataclass(frozen=True)
class Read:
    text: str
    start: float
    end: float
    keys: int  # characters in it, the terminator excluded
    terminator: str | None  # "enter", "tab" or None (ended by a pause)
    code: str | None = None  # the sheet's code it carries
    layout: str | None = None  # "us", "caps_lock", a Cyrillic layout's key, or None
    prefix: str = ""
    suffix: str = ""
    codes_inside: int = 0  # sheet codes found in it (2 and more: codes run together)


@dataclass(frozen=True)
class ScannerReport:
    reads: tuple[Read, ...]
    layout: str | None  # the layout seen (None before any read)
    terminator: str | None  # "enter" / "tab" when every read had one
    prefix: str
    suffix: str
    double_reads: tuple[str, ...]
    chars_per_second: float | None
    codes_seen: frozenset[str]
    codes_missing: tuple[str, ...]
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems and not self.codes_missing and bool(self.reads)


def split_reads(keys: Sequence[Key], timeout: float = 1.0) -> list[Read]:
    """Key presses cut into reads at terminators and at pauses longer than ``timeout``."""
    reads: list[Read] = []
    text, start, last = "", 0.0, 0.0
    for ch, at in keys:
        if text and at - last > timeout:
            reads.append(Read(text, start, last, len(text), None))
            text = ""
        if ch in TERMINATORS:
            if text:
                reads.append(Read(text, start, last, len(text), TERMINATORS[ch]))
                text = ""
            last = at
            continue
        if not text:
            start = at
        text += ch
        last = at
    if text:
        reads.append(Read(text, start, last, len(text), None))
    return reads


def _typings(code: str) -> list[tuple[str, str]]:
    """(layout key, what arrives) for one code, most likely first; each text once."""
    forms = [(US, code), (CAPS_LOCK, code.swapcase())]
    forms += [(layout.key, layout.typed(code)) for layout in LAYOUTS]
    out: dict[str, str] = {}
    for key, typed in forms:
        out.setdefault(typed, key)
    return [(key, typed) for typed, key in out.items()]


def _count_inside(text: str, typed_codes: list[str]) -> int:
    """Sheet codes inside ``text``, longest first, none counted twice (EAN-13 in a GS1-128)."""
    found = 0
    for typed in sorted(typed_codes, key=len, reverse=True):
        found += text.count(typed)
        text = text.replace(typed, "\0")
    return found


def match_read(read: Read, codes: Sequence[str]) -> Read:
    """``read`` with the code, layout, prefix and suffix it is explained by (if any)."""
    # Longest match first; then one with letters (digits look alike in every layout).
    best: tuple[int, bool, int, str, str, int] | None = None
    for code in codes:
        for rank, (layout, typed) in enumerate(_typings(code)):
            at = read.text.find(typed)
            score = (len(typed), any(ch.isalpha() for ch in typed), -rank)
            if at >= 0 and (best is None or score > best[:3]):
                best = (*score, code, layout, at)
    if best is None:
        return read
    size, _letters, _rank, code, layout, at = best
    typed_codes = [typed for c in codes for k, typed in _typings(c) if k in (layout, US)]
    inside = _count_inside(read.text, typed_codes)
    return Read(read.text, read.start, read.end, read.keys, read.terminator, code, layout,
                read.text[:at], read.text[at + size:], inside)


def _speed(reads: Sequence[Read]) -> float | None:
    keys = sum(r.keys - 1 for r in reads if r.keys > 1)
    seconds = sum(r.end - r.start for r in reads if r.keys > 1)
    return keys / seconds if keys and seconds > 0 else None


def _doubles(reads: Sequence[Read], window: float) -> tuple[str, ...]:
    found = [b.code or b.text for a, b in pairwise(reads)
             if a.text == b.text and b.start - a.end <= window]
    return tuple(dict.fromkeys(found))


def check(codes: Sequence[str], keys: Sequence[Key], *, timeout: float = 1.0,
          double_window: float = 0.3) -> ScannerReport:
    """Everything the key presses tell about the scanner (see the module docstring)."""
    reads = [match_read(r, codes) for r in split_reads(keys, timeout)]
    layouts = [r.layout for r in reads if r.layout is not None]
    changed = [key for key in layouts if key != US]  # digits look the same in every layout
    layout = max(set(changed), key=changed.count) if changed else (US if layouts else None)
    problems: list[str] = []
    if layout not in (None, US):
        problems.append("layout")
    if reads and all(r.code is None for r in reads):
        layout = OTHER if any(not r.text.isascii() for r in reads) else None
        problems.append("layout" if layout == OTHER else "unknown_codes")
    running = any(r.codes_inside > 1 for r in reads)
    unended = any(r.terminator is None for r in reads)
    terminators = {r.terminator for r in reads if r.terminator}
    if running or unended:
        problems.append("no_terminator")
    prefixes = {r.prefix for r in reads if r.code and r.codes_inside == 1}
    suffixes = {r.suffix for r in reads if r.code and r.codes_inside == 1}
    prefix = max(prefixes, key=len) if prefixes else ""
    suffix = max(suffixes, key=len) if suffixes else ""
    if prefix and not _AIM_ID.fullmatch(prefix):
        problems.append("prefix")
    if suffix:
        problems.append("suffix")
    doubles = _doubles(reads, double_window)
    if doubles:
        problems.append("double_read")
    speed = _speed(reads)
    if speed is not None and speed < SLOW_CPS:
        problems.append("slow")
    cyrillic = "".join(r.text for r in reads if has_cyrillic(r.text))
    if cyrillic and layout in (None, US):
        guessed = guess_layout(cyrillic)
        layout = guessed.key if guessed is not None else OTHER
        problems.append("layout")
    seen = frozenset(r.code for r in reads if r.code)
    return ScannerReport(
        tuple(reads), layout, terminators.pop() if len(terminators) == 1 and not unended
        and not running else None, prefix, suffix, doubles, speed, seen,
        tuple(c for c in codes if c not in seen), tuple(dict.fromkeys(problems)))


def record(report: ScannerReport) -> dict[str, object]:
    """The report as one JSON-ready line of ``scanner_tests.jsonl`` (without time and place)."""
    return {
        "ok": report.ok, "problems": list(report.problems), "layout": report.layout,
        "terminator": report.terminator, "prefix": report.prefix, "suffix": report.suffix,
        "double_reads": list(report.double_reads),
        "chars_per_second": None if report.chars_per_second is None
        else round(report.chars_per_second, 1),
        "reads": len(report.reads), "codes_seen": sorted(report.codes_seen),
        "codes_missing": list(report.codes_missing),
    }

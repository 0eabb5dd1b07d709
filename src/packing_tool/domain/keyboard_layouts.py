"""What a keyboard-wedge scanner types under a Cyrillic keyboard layout, and back.

A scanner sends key presses, not characters: for ``M`` it presses Shift and the M key, and
Windows turns that into whatever the active layout puts there. Under the Bulgarian BDS layout
``MC-SER-101-30`` arrives as ``ПЪ-ЯЕИ-101-30``; under Bulgarian phonetic as Cyrillic letters
that look Latin (M, C, E and P are Cyrillic there); under Russian the letters of other keys.

Each layout is given as the characters of the US keys, row by row, unshifted and shifted, so
``typed`` (the forward map) and ``latin`` (the reverse map) are plain table look-ups.
Layouts covered: Bulgarian BDS (Windows "Bulgarian", BDS 5237), Bulgarian phonetic
(traditional, Windows "Bulgarian (Phonetic Traditional)"), the 2006 Bulgarian phonetic
(Windows "Bulgarian (Phonetic)") and Russian ЙЦУКЕН.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# The US keys: number row, top row (with backslash), home row, bottom row.
US_PLAIN = "`1234567890-=" "qwertyuiop[]\\" "asdfghjkl;'" "zxcvbnm,./"
US_SHIFT = "~!@#$%^&*()_+" "QWERTYUIOP{}|" 'ASDFGHJKL:"' "ZXCVBNM<>?"

US = "us"
BG_BDS = "bg_bds"
BG_PHONETIC = "bg_phonetic"
BG_PHONETIC_2006 = "bg_phonetic_2006"
RU = "ru"


@dataclass(frozen=True)
class KeyboardLayout:
    key: str  # a stable name, e.g. "bg_bds"
    name: str  # English name as Windows lists it
    plain: str  # what each key of US_PLAIN types under this layout
    shifted: str  # what each key of US_SHIFT types under this layout
    _forward: dict[str, str] = field(init=False, repr=False, compare=False)
    _reverse: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.plain) != len(US_PLAIN) or len(self.shifted) != len(US_SHIFT):
            raise ValueError(f"layout {self.key}: every US key needs one character")
        forward = dict(zip(US_PLAIN + US_SHIFT, self.plain + self.shifted, strict=True))
        reverse: dict[str, str] = {}
        for latin, typed in forward.items():
            reverse.setdefault(typed, latin)  # the first key wins (no layout repeats a letter)
        object.__setattr__(self, "_forward", forward)
        object.__setattr__(self, "_reverse", reverse)

    def typed(self, latin: str) -> str:
        """What arrives when a scanner types ``latin`` under this layout."""
        return "".join(self._forward.get(ch, ch) for ch in latin)

    def latin(self, arrived: str) -> str:
        """The Latin text a scanner meant, given what arrived under this layout."""
        return "".join(self._reverse.get(ch, ch) for ch in arrived)

    def produces(self, ch: str) -> bool:
        return ch in self._reverse


BDS = KeyboardLayout(
    BG_BDS, "Bulgarian (BDS)",
    "(1234567890-." ",уеишщксдзц;„" "ьяаожгтнвмч" "юйъэфхпрлб",
    ")!?+\"%=:/–№$€" "ыУЕИШЩКСДЗЦ§“" "ѝЯАОЖГТНВМЧ" "ЮЙЪЭФХПРЛБ",
)
PHONETIC = KeyboardLayout(
    BG_PHONETIC, "Bulgarian (Phonetic Traditional)",
    "ч1234567890-=" "явертъуиопшщю" "асдфгхйкл;'" "зьцжбнм,./",
    "Ч!@№$%€§*()–+" "ЯВЕРТЪУИОПШЩЮ" 'АСДФГХЙКЛ:"' "ЗѝЦЖБНМ„“?",
)
PHONETIC_2006 = KeyboardLayout(
    BG_PHONETIC_2006, "Bulgarian (Phonetic)",
    "ю1234567890-=" "чшертъуиопящь" "асдфгхйкл;'" "зжцвбнм,./",
    "Ю!@№$%€§*()–+" "ЧШЕРТЪУИОПЯЩѝ" 'АСДФГХЙКЛ:"' "ЗЖЦВБНМ„“?",
)
RUSSIAN = KeyboardLayout(
    RU, "Russian",
    "ё1234567890-=" "йцукенгшщзхъ\\" "фывапролджэ" "ячсмитьбю.",
    "Ё!\"№;%:?*()_+" "ЙЦУКЕНГШЩЗХЪ/" "ФЫВАПРОЛДЖЭ" "ЯЧСМИТЬБЮ,",
)
LAYOUTS: tuple[KeyboardLayout, ...] = (BDS, PHONETIC, PHONETIC_2006, RUSSIAN)
BY_KEY = {layout.key: layout for layout in LAYOUTS}


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def layouts_explaining(arrived: str, meant: str) -> list[KeyboardLayout]:
    """The layouts under which a scanner typing ``meant`` makes ``arrived`` appear."""
    return [layout for layout in LAYOUTS if layout.typed(meant) == arrived]


def guess_layout(arrived: str) -> KeyboardLayout | None:
    """The layout whose characters best explain Cyrillic text of unknown meaning.

    Each layout scores the characters it can type at all; the best wins, ties go to the order
    of ``LAYOUTS`` (BDS first: the usual one in Bulgaria). None for text with no Cyrillic."""
    if not has_cyrillic(arrived):
        return None
    scored = [(sum(layout.produces(ch) for ch in arrived if not ch.isascii()), -i, layout)
              for i, layout in enumerate(LAYOUTS)]
    return max(scored, key=lambda item: (item[0], item[1]))[2]


def latin_reading(arrived: str, known: Callable[[str], bool]
                  ) -> tuple[str, KeyboardLayout] | None:
    """The Latin code a Cyrillic scan stands for, when exactly that reading is ``known``.

    Only text with Cyrillic letters is read back, and only a reading that ``known`` accepts is
    returned (the caller tries the raw text first). Layouts are tried in the order of
    ``LAYOUTS``; the first whose reading is pure ASCII and known wins."""
    if not has_cyrillic(arrived):
        return None
    for layout in LAYOUTS:
        latin = layout.latin(arrived)
        if latin != arrived and latin.isascii() and known(latin):
            return latin, layout
    return None

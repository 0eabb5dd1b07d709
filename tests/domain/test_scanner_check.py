"""Scanner self-test: each problem found from synthetic key presses (character, seconds)."""

from __future__ import annotations

from packing_tool.domain.keyboard_layouts import BDS, PHONETIC, RUSSIAN
from packing_tool.domain.scanner_check import check, record, split_reads

CODES = ("MC-SER-101-30", "4006381333931", "0104006381333931", "Lbl-a42")
STEP = 0.004  # 250 characters per second


def typed(*reads: str, start: float = 0.0, gap: float = 1.5, step: float = STEP
          ) -> list[tuple[str, float]]:
    """Key presses of several reads, ``gap`` seconds apart, ``step`` between keys."""
    keys, at = [], start
    for text in reads:
        for ch in text:
            keys.append((ch, at))
            at += step
        at += gap
    return keys


def test_a_good_scanner_is_ok_with_its_speed() -> None:
    report = check(CODES, typed(*(c + "\r" for c in CODES)))
    assert report.ok
    assert report.problems == ()
    assert report.layout == "us"
    assert report.terminator == "enter"
    assert report.chars_per_second is not None
    assert round(report.chars_per_second) == 250
    assert report.codes_missing == ()


def test_not_every_code_scanned_yet_is_not_ok() -> None:
    report = check(CODES, typed("MC-SER-101-30\r"))
    assert not report.ok
    assert report.problems == ()
    assert report.codes_missing == CODES[1:]


def test_bulgarian_bds_layout_is_recognised() -> None:
    arrived = [BDS.typed(c) + "\r" for c in CODES]
    assert arrived[0] == "ПЪ-ЯЕИ-101-30\r"
    report = check(CODES, typed(*arrived))
    assert report.layout == "bg_bds"
    assert "layout" in report.problems
    assert report.codes_missing == ()  # every code was still recognised


def test_bulgarian_phonetic_layout_is_recognised() -> None:
    report = check(CODES, typed(PHONETIC.typed("MC-SER-101-30") + "\r", "4006381333931\r"))
    assert PHONETIC.typed("MC-SER-101-30") == "МЦ-СЕР-101-30"  # Cyrillic look-alikes
    assert report.layout == "bg_phonetic"
    assert report.problems == ("layout",)


def test_russian_layout_is_recognised() -> None:
    report = check(CODES, typed("ЬС-ЫУК-101-30\r", RUSSIAN.typed("Lbl-a42") + "\r"))
    assert report.layout == "ru"
    assert "layout" in report.problems


def test_caps_lock_is_recognised_from_the_small_letter() -> None:
    report = check(CODES, typed("mc-ser-101-30\r", "lBL-A42\r"))
    assert report.layout == "caps_lock"
    assert "layout" in report.problems


def test_an_unknown_layout_is_other() -> None:
    report = check(CODES, typed("MC\u00dfSER\u00df101\u00df30\r"))  # German: ß on the dash key
    assert report.layout == "other"
    assert "layout" in report.problems


def test_missing_enter_runs_codes_together() -> None:
    keys = typed("MC-SER-101-304006381333931", gap=0.0)
    report = check(CODES, keys)
    assert "no_terminator" in report.problems
    assert report.terminator is None
    assert report.reads[0].codes_inside == 2


def test_missing_enter_found_by_the_pause_after_a_code() -> None:
    report = check(CODES, typed("MC-SER-101-30", "4006381333931"), timeout=1.0)
    assert len(report.reads) == 2
    assert report.problems == ("no_terminator",)


def test_tab_terminator_is_fine_and_cr_lf_is_one() -> None:
    assert check(CODES, typed("MC-SER-101-30\t")).terminator == "tab"
    assert len(split_reads(typed("MC-SER-101-30\r\n", "Lbl-a42\r\n"))) == 2


def test_prefix_and_suffix_are_found() -> None:
    report = check(CODES, typed("#MC-SER-101-30*\r", "#4006381333931*\r"))
    assert report.prefix == "#"
    assert report.suffix == "*"
    assert set(report.problems) == {"prefix", "suffix"}


def test_a_symbology_identifier_prefix_is_harmless() -> None:
    report = check(CODES, typed("]C10104006381333931\r"))
    assert report.prefix == "]C1"
    assert report.problems == ()


def test_gs1_code_holding_the_ean_digits_is_one_code() -> None:
    report = check(CODES, typed("0104006381333931\r"))
    assert report.reads[0].code == "0104006381333931"
    assert report.reads[0].codes_inside == 1


def test_double_read_within_the_window() -> None:
    report = check(CODES, typed("Lbl-a42\r", "Lbl-a42\r", gap=0.1))
    assert report.double_reads == ("Lbl-a42",)
    assert "double_read" in report.problems
    later = check(CODES, typed("Lbl-a42\r", "Lbl-a42\r", gap=2.0))
    assert later.double_reads == ()
    assert "double_read" not in later.problems


def test_a_slow_scanner_is_reported_with_its_speed() -> None:
    report = check(CODES, typed("MC-SER-101-30\r", step=0.1), timeout=2.0)
    assert report.chars_per_second is not None
    assert round(report.chars_per_second) == 10
    assert "slow" in report.problems


def test_nothing_scanned_says_nothing_yet() -> None:
    report = check(CODES, [])
    assert report.reads == ()
    assert not report.ok
    assert report.layout is None


def test_record_is_json_ready() -> None:
    line = record(check(CODES, typed(*(BDS.typed(c) + "\r" for c in CODES))))
    assert line["layout"] == "bg_bds"
    assert line["problems"] == ["layout"]
    assert line["chars_per_second"] == 250.0
    assert line["codes_missing"] == []


def test_a_cyrillic_code_run_into_digits_still_names_the_layout() -> None:
    report = check(CODES, typed(RUSSIAN.typed("MC-SER-101-30") + "4006381333931", gap=0.0))
    assert report.layout == "ru"
    assert set(report.problems) == {"layout", "no_terminator"}

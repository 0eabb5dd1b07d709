"""Times, durations and numbers on screen: local time, in the chosen language's words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QApplication

from packing_tool.ui import language, local_time

NOW = datetime(2026, 12, 4, 15, 30).astimezone()  # this PC's zone, whatever it is


@pytest.fixture
def bulgarian(qapp: QApplication) -> Iterator[None]:
    language.install(qapp, language.BULGARIAN)
    yield
    language.install(qapp, language.ENGLISH)


@pytest.fixture
def english(qapp: QApplication) -> None:
    language.install(qapp, language.ENGLISH)


def test_when_says_today_yesterday_or_the_day_in_english(english: None) -> None:
    assert local_time.when(NOW.replace(hour=10, minute=41), NOW) == "today 10:41"
    assert local_time.when(NOW.replace(hour=10, minute=41) - timedelta(days=1),
                           NOW) == "yesterday 10:41"
    assert local_time.when(NOW.replace(day=1, hour=10, minute=41), NOW) == "1 Dec 10:41"
    assert local_time.when(NOW.replace(year=2025, day=3, hour=10, minute=41),
                           NOW) == "3 Dec 2025 10:41"


def test_when_in_bulgarian(bulgarian: None) -> None:
    assert local_time.when(NOW.replace(hour=10, minute=41), NOW) == "днес 10:41"
    assert local_time.when(NOW.replace(hour=10, minute=41) - timedelta(days=1),
                           NOW) == "вчера 10:41"
    assert local_time.when(NOW.replace(day=1, hour=10, minute=41), NOW) == "1 дек 10:41"


def test_an_iso_text_from_the_share_is_shown_in_local_time(english: None) -> None:
    moment = NOW.replace(hour=9, minute=5, second=7)
    stored = moment.astimezone(timezone(timedelta(hours=-7))).isoformat()  # another zone
    assert local_time.when(stored, NOW) == "today 09:05"
    assert local_time.clock(stored, seconds=True) == "09:05:07"
    assert local_time.when("not a time", NOW) == local_time.DASH
    assert local_time.when(None, NOW) == local_time.DASH


def test_durations_and_ago_in_both_languages(english: None, qapp: QApplication) -> None:
    assert [local_time.duration(s) for s in (5, 250, 3900)] == ["5 s", "4 min 10 s",
                                                                "1 h 05 min"]
    assert local_time.ago(NOW - timedelta(minutes=5), NOW) == "5 min ago"
    language.install(qapp, language.BULGARIAN)
    try:
        assert [local_time.duration(s) for s in (5, 250, 3900)] == ["5 с", "4 мин 10 с",
                                                                    "1 ч 05 мин"]
        assert local_time.ago(NOW - timedelta(minutes=5), NOW) == "преди 5 мин"
        assert local_time.ago(None, NOW) == "никога"
    finally:
        language.install(qapp, language.ENGLISH)


def test_numbers_follow_the_language(english: None, qapp: QApplication) -> None:
    assert (local_time.number(1234567), local_time.decimal(3.5)) == ("1,234,567", "3.5")
    language.install(qapp, language.BULGARIAN)
    try:
        grouped = "1\xa0234\xa0567"  # no-break spaces: a number never wraps
        assert (local_time.number(1234567), local_time.decimal(3.5)) == (grouped, "3,5")
        assert local_time.percent(0.425, 1) == "42,5%"
    finally:
        language.install(qapp, language.ENGLISH)


def test_the_system_choice_follows_the_pc_locale() -> None:
    from PySide6.QtCore import QLocale

    bulgarian_pc = QLocale(QLocale.Language.Bulgarian, QLocale.Country.Bulgaria)
    german_pc = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert language.resolve(language.SYSTEM, bulgarian_pc) == language.BULGARIAN
    assert language.resolve(language.SYSTEM, german_pc) == language.ENGLISH
    assert language.resolve(language.ENGLISH, bulgarian_pc) == language.ENGLISH

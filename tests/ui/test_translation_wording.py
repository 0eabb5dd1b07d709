"""The domain's outcomes and stored details become words in the UI, in either language,
without internal ids."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from packing_tool.domain.elsewhere import Elsewhere, Where
from packing_tool.domain.events import Outcome
from packing_tool.ui import language, wording

NOW = datetime.now().astimezone().replace(microsecond=0)
STORED = [  # details as domain/packer_rules.py writes them into the scan journal
    "undid event 8 (scan)",
    f"completed at {NOW.isoformat(timespec='seconds')} by Иван Петров (worker_001)",
    "'X-42' is not known",
    "2 of 5 units packed; scan its label to resume",
    "order #1001 belongs to list DHL_Orders, not DPD_Orders",
    "packed again (was packed in DHL_Orders of 2026-11-21_2 at PACK-01 by Иван, today 10:41)",
    "extra MC-SER-101-30 kept in the box",
]


@pytest.fixture
def bulgarian(qapp: QApplication) -> Iterator[None]:
    language.install(qapp, language.BULGARIAN)
    yield
    language.install(qapp, language.ENGLISH)


def test_banners_in_english_and_bulgarian(qapp: QApplication) -> None:
    language.install(qapp, language.ENGLISH)
    assert wording.banner(Outcome.ORDER_LOADED, "#1001") == "ORDER #1001"
    assert wording.banner(Outcome.WORKER_CHANGED, worker="Orca") == "WORKER: Orca"
    language.install(qapp, language.BULGARIAN)
    try:
        assert wording.banner(Outcome.ORDER_COMPLETE, "#1001") == "ПОРЪЧКА #1001 Е ГОТОВА"
        assert wording.status("in_progress") == "Активен"
    finally:
        language.install(qapp, language.ENGLISH)


def test_stored_details_in_plain_english_without_ids(qapp: QApplication) -> None:
    language.install(qapp, language.ENGLISH)
    shown = [wording.detail(text) for text in STORED]
    assert shown[0] == "last scan undone"
    assert shown[1] == f"packed today {NOW:%H:%M} by Иван Петров"
    assert shown[2:] == STORED[2:]  # the other forms read the same in English
    assert wording.detail("a form nobody knows") == "a form nobody knows"


def test_stored_details_in_bulgarian(bulgarian: None) -> None:
    shown = [wording.detail(text) for text in STORED]
    assert shown == [
        "последното сканиране е отменено",
        f"опакована днес {NOW:%H:%M} от Иван Петров",
        "„X-42“ не е познат",
        "2 от 5 бр. опаковани; сканирай етикета ѝ, за да продължиш",
        "поръчка #1001 е от списък DHL_Orders, не от DPD_Orders",
        "опакована отново (беше опакована в DHL_Orders от 2026-11-21_2 на PACK-01 от Иван, "
        "днес 10:41)",
        "излишният MC-SER-101-30 остава в кутията",
    ]
    assert not any("worker_001" in text or "event 8" in text for text in shown)


def test_where_an_order_was_packed_elsewhere(bulgarian: None) -> None:
    info = Elsewhere(Where.PACKED, "2026-11-21_2", "DHL_Orders", "PACK-01", "Иван",
                     NOW - timedelta(days=1))
    assert wording.elsewhere(info) == (
        f"опакована в DHL_Orders от 2026-11-21_2 на PACK-01 от Иван, вчера {NOW:%H:%M}")

"""On a real X server (xvfb), a window appears and what is drawn can be grabbed."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.xcb


def _colours(image: QImage) -> int:
    step = max(1, image.width() // 64)
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


@pytest.mark.skipif(os.environ.get("QT_QPA_PLATFORM") != "xcb", reason="needs xvfb + xcb")
def test_window_is_drawn_on_x_server(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.resize(400, 80)
    field.show()
    qtbot.waitExposed(field)
    qtbot.keyClicks(field, "4006381333931")
    assert field.text() == "4006381333931"
    screen = QGuiApplication.primaryScreen()
    qtbot.waitUntil(lambda: _colours(screen.grabWindow(0).toImage()) > 2, timeout=5000)

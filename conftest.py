"""Root test configuration: Qt must be told it has no screen before PySide6 is imported."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

"""Self-check run inside the frozen bundle (`packing-tool --bundle-check`, used by build.py).

It proves what the window's smoke run cannot see: every resource file is where
``resources_dir()`` looks, and the Qt modules loaded only later (charts, sound, SVG) import
and work. Prints one JSON line; exit 1 names each problem.
"""

from __future__ import annotations

import json
import sys


def _resource_problems() -> tuple[list[str], dict[str, int]]:
    from packing_tool.storage.paths import resources_dir
    from packing_tool.ui.sounds import ERROR_SOUND, SOUND_FOR, sounds_dir
    from packing_tool.ui.themes import THEMES, theme_file

    problems: list[str] = []
    root = resources_dir()
    wanted = [theme_file(name) for name in THEMES]
    wanted += [sounds_dir() / f"{name}.wav" for name in {*SOUND_FOR.values(), ERROR_SOUND}]
    wanted += [root / "icons" / "packing-tool.svg", root / "demo" / "server" / "Sessions",
               root / "i18n" / "packing_tool_bg.qm"]
    problems += [f"missing resource {path}" for path in wanted if not path.exists()]
    counts = {part: sum(1 for f in (root / part).rglob("*") if f.is_file())
              for part in ("themes", "sounds", "icons", "demo")}
    return problems, counts


def _qt_problems() -> tuple[list[str], dict[str, str]]:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from packing_tool.storage.paths import resources_dir
    from packing_tool.ui.themes import apply_theme

    problems: list[str] = []
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    info = {"platform": app.platformName()}
    from packing_tool.ui import language

    language.install(app, language.BULGARIAN)  # our catalogue and Qt's own qtbase_bg.qm
    if app.translate("Wording", "ITEM OK") == "ITEM OK":
        problems.append("the Bulgarian catalogue does not load")
    if app.translate("QPlatformTheme", "Cancel") == "Cancel":
        problems.append("Qt's own Bulgarian catalogue (qtbase_bg.qm) does not load")
    language.install(app, language.ENGLISH)
    if not apply_theme(app, "dark"):
        problems.append("the dark theme's QSS did not load")
    icon = QIcon(str(resources_dir() / "icons" / "packing-tool.svg"))
    if icon.pixmap(32, 32).isNull():
        problems.append("the SVG icon does not render (imageformats/iconengines svg plugin)")
    from packing_tool.ui.charts import bar_chart

    view = bar_chart("check", ["a", "b"], {"orders": [1.0, 2.0]}, name="check")
    view.resize(300, 200)
    if view.grab().isNull():
        problems.append("the QtCharts view did not render")
    try:  # the sound module may be missing system libraries; that is a problem here
        from PySide6.QtMultimedia import QSoundEffect
    except ImportError as exc:
        problems.append(f"QtMultimedia does not import: {exc}")
    else:
        from PySide6.QtCore import QUrl

        from packing_tool.ui.sounds import sounds_dir

        effect = QSoundEffect()
        effect.setSource(QUrl.fromLocalFile(str(sounds_dir() / "ok.wav")))
        app.processEvents()
        info["sound_status"] = effect.status().name  # no audio device in CI: not asserted
    return problems, info


def _library_problems() -> tuple[list[str], int]:
    """Import every module of ours, and openpyxl (imported lazily, only when a file needs it)."""
    import importlib
    import pkgutil

    import packing_tool
    import shared

    names = ["openpyxl", "openpyxl.styles", "openpyxl.cell"]
    for package in (packing_tool, shared):
        names += [info.name for info in pkgutil.walk_packages(package.__path__,
                                                              f"{package.__name__}.")]
    problems = []
    for name in names:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            problems.append(f"{name} does not import: {exc}")
    return problems, len(names)


def main() -> int:
    problems, counts = _resource_problems()
    library_problems, modules = _library_problems()
    problems += library_problems
    qt_problems, info = _qt_problems()
    problems += qt_problems
    print(json.dumps({"ok": not problems, "problems": problems, "resources": counts,
                      "modules_imported": modules, **info}))
    for problem in problems:
        print(f"bundle check: {problem}", file=sys.stderr)
    return 1 if problems else 0

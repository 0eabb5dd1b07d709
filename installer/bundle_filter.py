"""What the bundle leaves out, and why (used by packing_tool.spec).

Three kinds of cuts, each checked by the smoke test (window start, --bundle-check,
a headless command):
- Python modules the app never imports (``excluded_modules``). pandas and numpy are cut only
  while no module under src/ or shared/ imports them: openpyxl imports numpy only if present.
- Qt plugins a desktop packing station never loads (``DROPPED``): the virtual keyboard
  (pulls Qt Quick's input stack), PDF images, the GTK theme (we force Fusion and our QSS),
  embedded-device platforms, and Qt's translations but the Bulgarian one of qtbase (``KEPT``:
  ui.language loads it for Qt's own dialogs and buttons).
- Libraries that only those dropped plugins needed (``keep``), found from each binary's
  import table, so nothing another binary links to is ever removed.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

TocEntry = tuple[str, str, str]  # (name in the bundle, source path, typecode)

ALWAYS_EXCLUDED = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data",
    "pytest", "_pytest", "hypothesis", "pytestqt", "mypy", "ruff", "IPython", "matplotlib",
    "scipy", "PyInstaller", "setuptools", "pip",
    # Qt modules this widgets app never imports (PyInstaller would follow library links).
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtQml", "PySide6.QtQuick",
    "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2", "PySide6.QtQuick3D",
    "PySide6.QtQuickTest", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick", "PySide6.QtWebChannel", "PySide6.QtWebSockets",
    "PySide6.QtWebView", "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic", "PySide6.Qt3DExtras", "PySide6.Qt3DAnimation", "PySide6.QtPdf",
    "PySide6.QtPdfWidgets", "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtHelp",
    "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtGraphs", "PySide6.QtGraphsWidgets",
    "PySide6.QtDataVisualization", "PySide6.QtBluetooth", "PySide6.QtNfc",
    "PySide6.QtPositioning", "PySide6.QtLocation", "PySide6.QtSensors",
    "PySide6.QtSerialPort", "PySide6.QtSerialBus", "PySide6.QtTextToSpeech",
    "PySide6.QtRemoteObjects", "PySide6.QtScxml", "PySide6.QtStateMachine",
    "PySide6.QtSpatialAudio", "PySide6.QtHttpServer", "PySide6.QtNetworkAuth",
    "PySide6.QtCanvasPainter", "PySide6.QtAsyncio",
]
# Heavy libraries cut while our code does not import them (pandas pulls numpy: ~45 MB).
CUT_WHEN_UNUSED = ("pandas", "numpy")

DROPPED = [
    "*/plugins/platforminputcontexts/*virtualkeyboard*",
    "*/plugins/imageformats/*qpdf*",
    "*/plugins/platformthemes/*gtk3*",
    "*/plugins/egldeviceintegrations/*",
    "*/plugins/platforms/*eglfs*",
    "*/plugins/platforms/*minimalegl*",
    "*/plugins/platforms/*linuxfb*",
    "*/plugins/platforms/*vnc*",
    "*/plugins/platforms/*vkkhrdisplay*",
    "*/translations/*",
]
KEPT = ["*/translations/qtbase_bg.qm"]  # wins over DROPPED


def imported_top_modules(folders: Iterable[Path]) -> set[str]:
    """Top-level names of every module imported by the .py files under ``folders``."""
    pattern = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_]\w*)", re.MULTILINE)
    names: set[str] = set()
    for folder in folders:
        for file in folder.rglob("*.py"):
            names.update(pattern.findall(file.read_text(encoding="utf-8")))
    return names


def excluded_modules(source_folders: Iterable[Path]) -> list[str]:
    used = imported_top_modules(source_folders)
    return ALWAYS_EXCLUDED + [name for name in CUT_WHEN_UNUSED if name not in used]


def _posix(name: str) -> str:
    return name.replace("\\", "/")  # PyInstaller names use backslashes on Windows


def is_dropped(name: str) -> bool:
    path = "/" + _posix(name).lower()
    if any(fnmatch.fnmatchcase(path, pattern) for pattern in KEPT):
        return False
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in DROPPED)


def _key(name: str) -> str:
    return _posix(name).rsplit("/", 1)[-1].lower()


def orphans(kept: list[TocEntry], dropped: list[TocEntry],
            imports: Callable[[str], Iterable[str]]) -> set[str]:
    """Base names of libraries that only ``dropped`` binaries need.

    ``imports(source)`` gives the library names a binary links to. Only libraries reached from
    a dropped binary are candidates, so a library loaded at run time by name is never cut.
    """
    by_key = {_key(dest): src for dest, src, _ in kept}

    def closure(start: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = [key for key in start if key in by_key]
        while todo:
            key = todo.pop()
            if key not in seen:
                seen.add(key)
                todo += [k for k in map(_key, imports(by_key[key])) if k in by_key]
        return seen

    candidates = {k for _, src, _ in dropped for k in map(_key, imports(src)) if k in by_key}
    candidates = closure(candidates)
    roots = [k for k in by_key if k not in candidates]
    return candidates - closure(roots)


def _linked_names(source: str) -> list[str]:
    from PyInstaller.depend.bindepend import get_imports

    try:
        return [name for name, _path in get_imports(source)]
    except Exception:  # an unreadable binary links nothing we could cut safely
        return []


def trim(binaries: list[TocEntry], datas: list[TocEntry],
         imports: Callable[[str], Iterable[str]] = _linked_names
         ) -> tuple[list[TocEntry], list[TocEntry]]:
    """Binaries and datas without the dropped plugins and the libraries only they needed.

    Symbolic links (SYMLINK entries, in ``datas``) whose target is no longer collected go too.
    """
    kept = [entry for entry in binaries if not is_dropped(entry[0])]
    dropped = [entry for entry in binaries if is_dropped(entry[0])]
    cut = orphans(kept, dropped, imports)
    kept = [entry for entry in kept if _key(entry[0]) not in cut]
    datas = [entry for entry in datas if not is_dropped(entry[0])]
    names = {_posix(dest) for dest, _, _ in kept + datas}

    def target_kept(entry: TocEntry) -> bool:
        dest, target, _ = entry
        return _posix(os.path.normpath(os.path.join(os.path.dirname(dest), target))) in names

    return kept, [entry for entry in datas if entry[2] != "SYMLINK" or target_kept(entry)]

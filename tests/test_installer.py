"""The installer's pieces that run without building: bundle filter, smoke checks, icon, scripts.

The real build and its smoke test run in scripts/test (python installer/build.py).
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from packing_tool import __version__

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
sys.path.insert(0, str(INSTALLER))

import bundle_filter  # noqa: E402 - the installer folder is not a package
import make_icon  # noqa: E402
import smoke  # noqa: E402
import wininfo  # noqa: E402


def test_pandas_and_numpy_are_cut_only_while_unused(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.py").write_text("import json\nfrom openpyxl import Workbook\n", encoding="utf-8")
    assert {"pandas", "numpy"} <= set(bundle_filter.excluded_modules([src]))
    (src / "b.py").write_text("def f():\n    import pandas as pd\n", encoding="utf-8")
    excluded = bundle_filter.excluded_modules([src])
    assert "pandas" not in excluded
    assert "numpy" in excluded
    assert "tkinter" in excluded


@pytest.mark.parametrize(("name", "dropped"), [
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", True),
    ("PySide6\\plugins\\platforminputcontexts\\qtvirtualkeyboardplugin.dll", True),
    ("PySide6\\plugins\\imageformats\\qpdf.dll", True),
    ("PySide6/Qt/translations/qtbase_de.qm", True),
    ("PySide6/Qt/translations/qtbase_bg.qm", False),  # Qt's own dialogs in Bulgarian
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
    ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
    ("resources/themes/dark.qss", False),
])
def test_dropped_plugins(name: str, dropped: bool) -> None:
    assert bundle_filter.is_dropped(name) is dropped


def _toc(*names: str, typecode: str = "BINARY") -> list[tuple[str, str, str]]:
    return [(name, f"/src/{name}", typecode) for name in names]


def test_trim_cuts_only_libraries_that_dropped_plugins_alone_needed() -> None:
    plugin = "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so"
    binaries = _toc(plugin, "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", "libQuickish.so",
                    "PySide6/Qt/lib/libQt6Core.so.6", "libdlopened.so")
    binaries += _toc("PySide6/QtCore.abi3.so", typecode="EXTENSION")
    links = {
        plugin: ["libQt6VirtualKeyboard.so.6", "libQt6Core.so.6"],
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6": ["libQuickish.so", "libQt6Core.so.6"],
        "PySide6/QtCore.abi3.so": ["libQt6Core.so.6"],
    }
    datas = [("libQt6VirtualKeyboard.so.6", "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
              "SYMLINK"),
             ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
             ("PySide6/Qt/translations/qt_bg.qm", "/src/qt_bg.qm", "DATA"),
             ("resources/sounds/ok.wav", "/src/ok.wav", "DATA")]

    kept, kept_datas = bundle_filter.trim(
        binaries, datas, lambda src: links.get(src.removeprefix("/src/"), []))

    assert sorted(name for name, _, _ in kept) == [
        "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/QtCore.abi3.so", "libdlopened.so"]
    assert [name for name, _, _ in kept_datas] == ["libQt6Core.so.6", "resources/sounds/ok.wav"]


def test_version_resource_text() -> None:
    assert wininfo.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert wininfo.version_tuple("1.2.3.4.5") == (1, 2, 3, 4)
    assert wininfo.version_tuple("2.0rc1+local") == (2, 0, 1, 0)
    with pytest.raises(ValueError, match="no numbers"):
        wininfo.version_tuple("dev")
    text = wininfo.version_file_text("0.1.0", "PackingTool")
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates this text
    assert isinstance(tree.body, ast.Call)
    assert "filevers=(0, 1, 0, 0)" in text
    assert "StringStruct('OriginalFilename', 'PackingTool.exe')" in text


def test_ico_container_points_at_each_png() -> None:
    pngs = [b"\x89PNG-small", b"\x89PNG-large-image"]
    data = make_icon.ico_bytes((16, 256), pngs)
    assert struct.unpack_from("<HHH", data) == (0, 1, 2)
    for index, png in enumerate(pngs):
        side, _h, _c, _r, planes, bits, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index)
        assert side == (16 if index == 0 else 0)  # 0 stands for 256
        assert (planes, bits) == (1, 32)
        assert data[offset:offset + size] == png


def test_committed_ico_has_every_size() -> None:
    data = make_icon.ICO.read_bytes()
    count = struct.unpack_from("<HHH", data)[2]
    assert count == len(make_icon.SIZES)
    for index in range(count):
        size, offset = struct.unpack_from("<II", data, 6 + 16 * index + 8)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + size <= len(data)


def _fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "packing-tool"
    shutil.copytree(ROOT / "resources", smoke.bundled_resources(bundle))
    return bundle


def test_resource_check_names_a_missing_sound(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path)
    assert smoke.check_resources(bundle) > 40
    (smoke.bundled_resources(bundle) / "sounds" / "ok.wav").unlink()
    with pytest.raises(smoke.SmokeError, match=r"sounds[/\\]ok\.wav"):
        smoke.check_resources(bundle)


def _write_log(home: Path, text: str) -> None:
    (home / "logs").mkdir(parents=True)
    (home / smoke.LOG_FILE).write_text(text, encoding="utf-8")


START = (f"2026-11-21T09:40:04.961 INFO    station=vm worker=- session=- list=- packing_tool: "
         f"Packing Tool {__version__} started on vm (share /h/demo, from demo)\n")


def test_log_check_accepts_a_clean_start(tmp_path: Path) -> None:
    _write_log(tmp_path, START)
    assert smoke.check_log(tmp_path, __version__) == f"Packing Tool {__version__} started"


@pytest.mark.parametrize(("text", "message"), [
    ("", "lacks the start line"),
    (START.replace("from demo", "from settings"), "demo share"),
    (START + "Traceback (most recent call last):\n", "Traceback"),
    (START + "2026 WARNING station=vm packing_tool.ui.themes: theme dark not loaded: gone\n",
     "not loaded"),
])
def test_log_check_names_the_problem(tmp_path: Path, text: str, message: str) -> None:
    _write_log(tmp_path, text)
    with pytest.raises(smoke.SmokeError, match=message):
        smoke.check_log(tmp_path, __version__)


def test_log_check_without_a_log(tmp_path: Path) -> None:
    with pytest.raises(smoke.SmokeError, match="no log file"):
        smoke.check_log(tmp_path, __version__)


def test_demo_list_is_a_real_list_of_the_demo_share() -> None:
    client, session, name = smoke.demo_list(ROOT / "resources" / "demo" / "server")
    lists = ROOT / "resources/demo/server/Sessions" / f"CLIENT_{client}" / session / "packing_lists"
    assert (lists / f"{name}.json").is_file()


def test_spec_builds_one_folder_without_upx() -> None:
    spec = (INSTALLER / "packing_tool.spec").read_text(encoding="utf-8")
    assert "COLLECT(" in spec
    assert "upx=True" not in spec
    assert spec.count("upx=False") == 2  # EXE and COLLECT
    assert 'prefix="resources"' in spec


def test_inno_script_keeps_station_data_and_fixes_the_app_id() -> None:
    iss = (INSTALLER / "packing_tool.iss").read_text(encoding="utf-8")
    assert re.search(r"^AppId=\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$", iss, re.M)
    assert "PrivilegesRequiredOverridesAllowed=dialog" in iss
    assert r"DefaultDirName={autopf}\{#AppName}" in iss
    assert "OutputBaseFilename=PackingTool-{#AppVersion}-setup" in iss
    code = [line for line in iss.splitlines() if not line.lstrip().startswith(";")]
    assert "[UninstallDelete]" not in code  # station data in %LOCALAPPDATA% must survive
    assert not [line for line in code if "localappdata" in line.lower()]


@pytest.mark.slow
def test_launcher_runs_the_cli() -> None:
    result = subprocess.run([sys.executable, str(INSTALLER / "launcher.py"), "--version"],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"packing-tool {__version__}"


@pytest.mark.slow
def test_bundle_check_passes_on_the_source_tree() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(INSTALLER / "launcher.py"), "--bundle-check"],
                            capture_output=True, text=True, timeout=120, check=False, env=env,
                            cwd=INSTALLER)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] is True
    shipped = list((INSTALLER.parent / "resources" / "sounds").glob("*.wav"))
    assert report["resources"]["sounds"] == len(shipped) >= 10
    assert report["modules_imported"] > 50

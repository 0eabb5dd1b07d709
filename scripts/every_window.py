"""Screenshots of every window and dialog of the app in English and Bulgarian, light and dark.

Run through ``scripts/screenshots`` (a virtual X server), or alone::

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1400x1000x24" \\
        .venv/bin/python scripts/every_window.py [--only login,settings] [--lang bg] [--theme dark]

Each combination works on fresh copies of the demo share (``window_shots.py`` prepares and
drives them) and writes ``docs/screenshots/<window>_<en|bg>_<light|dark>.png``.
``WINDOWS`` names every screenshot and the classes of ``packing_tool.ui`` it shows;
``tests/ui/test_every_window.py`` fails when a window class has no screenshot here.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
LANGUAGES = ("en", "bg")
THEMES = ("light", "dark")
# The window of a station PC with a 1366 x 768 screen, maximised above the taskbar: the
# ``*_small`` screenshots are taken at this size (the others at 1380 x 960).
SMALL_SCREEN = (1366, 728)

# screenshot name: the window classes of packing_tool.ui it shows (a QDialog or QMainWindow
# built in a function, such as the workers window, is named by that function)
WINDOWS: dict[str, tuple[str, ...]] = {
    "login": ("MainWindow", "WorkerSelectionDialog"),
    "new_worker": ("WorkerSelectionDialog",),
    "list_check": ("ListCheckDialog",),
    "session_browser": ("MainWindow",),
    "take_over": ("ask_take_over",),
    "details_overview": ("SessionDetailsDialog",),
    "details_orders": ("SessionDetailsDialog",),
    "details_metrics": ("SessionDetailsDialog",),
    "details_skus": ("SessionDetailsDialog",),
    "packed_elsewhere": ("MainWindow",),
    "packer_mode": ("MainWindow",),
    "packer_mode_small": ("MainWindow",),
    "confirm_by_hand": ("ask_manual",),
    "repack": ("RepackDialog", "ask_repack"),
    "second_check": ("MainWindow",),
    "second_check_worker": ("CheckerDialog",),
    "second_check_skip": ("SkipCheckDialog",),
    "end_session": ("ask_end",),
    "offline_banner": ("MainWindow",),
    "settings": ("SettingsDialog",),
    "barcode_mapping": ("SkuMappingDialog",),
    "delete_mapping": ("ask_confirm",),
    "workers": ("open_workers",),
    "leaderboard": ("leaderboard_dialog",),
    "scanner_test": ("ScannerTestDialog",),
}


TITLES = {  # what each screenshot shows, for docs/screenshots.md and the README
    "login": "Who is packing? (worker cards)",
    "new_worker": "Who is packing? with the new worker form",
    "list_check": "Check list: the findings of a list",
    "session_browser": "Session Browser",
    "take_over": "Question: take over a list with a stale lock",
    "details_overview": "Session Details: Overview",
    "details_orders": "Session Details: Orders and their scans",
    "details_metrics": "Session Details: Metrics",
    "details_skus": "Session Details: SKUs",
    "packed_elsewhere": "Packer mode: an order packed elsewhere",
    "packer_mode": "Packer mode: an order open, a wrong item, the orders to pack",
    "packer_mode_small": "Packer mode on a small station screen (1366 x 728, maximised)",
    "confirm_by_hand": "Confirm by hand (F8)",
    "repack": "Pack an order again (F9)",
    "second_check": "Packer mode: an order waiting for its second check",
    "second_check_worker": "Second check: the second worker picks their card (F10)",
    "second_check_skip": "Second check skipped by a supervisor (Shift+F10)",
    "end_session": "Question: end the session with orders left",
    "offline_banner": "Share offline: the banner with scans waiting",
    "settings": "Settings",
    "barcode_mapping": "Barcode mapping",
    "delete_mapping": "Question: delete a barcode mapping",
    "workers": "Workers: figures, scores and history",
    "leaderboard": "Leaderboard (Ctrl+L)",
    "scanner_test": "Scanner test (a PC left in the Bulgarian layout)",
}
PAGE = REPO / "docs" / "screenshots.md"


def shot_path(name: str, language: str, theme: str, out: Path = OUT) -> Path:
    return out / f"{name}_{language}_{theme}.png"


def write_page(page: Path = PAGE) -> None:
    """docs/screenshots.md: every window in English and Bulgarian, light and dark."""
    lines = ["# Every window, in both languages and both themes", "",
             "Taken by `./scripts/screenshots` (`scripts/every_window.py`) on a copy of the demo",
             "share under a virtual X server; `tests/ui/test_every_window.py` fails when a window",
             "has none. Names: `docs/screenshots/<window>_<en|bg>_<light|dark>.png`.", ""]
    for name, title in TITLES.items():
        lines += [f"## {title}", "", "| English, light | English, dark |", "| --- | --- |"]
        cells = {(lang, theme): f"![{title}, {lang} {theme}](screenshots/{name}_{lang}_{theme}.png)"
                 for lang in LANGUAGES for theme in THEMES}
        lines += [f"| {cells['en', 'light']} | {cells['en', 'dark']} |",
                  "| **Български, светла** | **Български, тъмна** |",
                  f"| {cells['bg', 'light']} | {cells['bg', 'dark']} |", ""]
    lines += ["## The scanner test sheet", "",
              "![Test sheet, A4](screenshots/scanner_sheet.png) "
              "![Test label, 68 x 38 mm](screenshots/scanner_label.png)", ""]
    page.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated window names")
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--theme", choices=THEMES, action="append")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--page", action="store_true", help="only write docs/screenshots.md")
    args = parser.parse_args(argv)
    if args.page:
        write_page()
        return 0
    only = {n for n in args.only.split(",") if n}
    if unknown := only - WINDOWS.keys():
        parser.error(f"unknown window(s): {', '.join(sorted(unknown))}")
    os.environ.setdefault("PACKING_TOOL_HOME", tempfile.mkdtemp(prefix="every-window-home-"))
    sys.path[:0] = [str(REPO / "src"), str(REPO), str(REPO / "scripts")]
    import window_shots
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    args.out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    for language in args.lang or LANGUAGES:
        for theme in args.theme or THEMES:
            shots = window_shots.Shots(app, args.out, language, theme, only or set(WINDOWS))
            window_shots.take_all(shots)
            saved += shots.saved
    if not only:
        from scanner_screenshots import shoot_sheets

        shoot_sheets(args.out)  # the printed test sheet (no window, no language or theme)
        write_page()
    wanted = len(only or WINDOWS) * len(args.lang or LANGUAGES) * len(args.theme or THEMES)
    print(f"{len(saved)} of {wanted} screenshots saved in {args.out}")
    return 0 if len(saved) == wanted else 1


if __name__ == "__main__":
    sys.exit(main())

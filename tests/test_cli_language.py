"""The command line speaks the station's language: Bulgarian from the window's Qt catalogue
when Settings (or, for "system", the PC's locale) say so, English otherwise; --json never
changes. Real `packing-tool` processes on a demo share made by `packing-tool demo`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from packing_tool.admin import words
from packing_tool.admin.messages_bg import bulgarian
from packing_tool.admin.words import counted, joined, phrase, say, shown

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "packing_tool_bg.ts"
CYRILLIC = re.compile(r"[А-Яа-я]")
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def cli_texts() -> dict[str, str]:
    """English → Bulgarian of the catalogue's "cli" context."""
    found = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") == "cli":
            for message in ctx.iter("message"):
                found[message.findtext("source") or ""] = message.findtext("translation") or ""
    return found


def english_pieces() -> set[str]:
    """The literal parts of every command text that a report could show untranslated: runs of
    three or more words (shorter ones, such as "error", also occur inside paths and names)."""
    pieces = set()
    for source in cli_texts():
        for part in PLACEHOLDER.split(source):
            words_of = part.strip(" .,:;()[]'\"\n")
            if len(re.findall(r"[A-Za-z]{2,}", words_of)) >= 3:
                pieces.add(words_of)
    return pieces


def home(tmp_path: Path, language: str | None) -> dict[str, str]:
    """The environment of a station whose Settings choose ``language`` (None: no settings)."""
    folder = tmp_path / f"home-{language}"
    folder.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update({"PACKING_TOOL_HOME": str(folder), "LANG": "en_US.UTF-8"})
    if language is not None:
        run = subprocess.run([sys.executable, "-c", "from packing_tool.storage.settings import "
                              "default_settings_path as d; print(d())"], env=env,
                             capture_output=True, text=True, check=True, timeout=60)
        settings = Path(run.stdout.strip())
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(json.dumps({"language": language}), encoding="utf-8")
    return env


def cli(env: dict[str, str], *args: str, answer: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "packing_tool.cli", *args], env=env,
                          input=answer, capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.fixture(scope="module")
def demo_share(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-language") / "share"
    env = home(tmp_path_factory.mktemp("demo-home"), "en")
    run = cli(env, "demo", str(root))
    assert run.returncode == 0, run.stderr
    return root


def reports(env: dict[str, str], share: Path, tmp_path: Path) -> dict[str, str]:
    """What a person reads from each command on the demo share (stdout and stderr)."""
    root = ("--root", str(share))
    runs = {
        "demo": cli(env, "demo", str(tmp_path / f"demo-{len(os.listdir(tmp_path))}")),
        "verify": cli(env, *root, "verify"),
        "sessions": cli(env, *root, "sessions", "list"),
        "migrate": cli(env, *root, "migrate", "--dry-run"),
        "rebuild": cli(env, *root, "stats", "rebuild", "--dry-run"),
        "backup": cli(env, *root, "backup", "--output", str(tmp_path / "b.zip"), "--force"),
        "restore": cli(env, *root, "restore", "--dry-run", str(tmp_path / "b.zip")),
        "archive": cli(env, *root, "archive", "--dry-run", "--older-than", "0"),
        "check-list": cli(env, *root, "check-list", "--client", "M", "--session",
                          "2026-11-21_1", "--list", "DHL_Orders", "--no-save"),
        "second-check": cli(env, *root, "second-check", "M"),
        "release": cli(env, *root, "sessions", "release", "--client", "M", "--session",
                       "2026-11-21_1", "--list", "DHL_Orders"),
        "missing share": cli(env, "--root", str(tmp_path / "нищо"), "verify"),
    }
    return {name: run.stdout + run.stderr for name, run in runs.items()}


def test_every_report_is_in_bulgarian_when_the_settings_say_so(
        demo_share: Path, tmp_path: Path) -> None:
    shown_texts = reports(home(tmp_path, "bg"), demo_share, tmp_path)
    expected = {"demo": "Демо общата папка е създадена", "verify": "Проверени:",
                "sessions": "СЪСТОЯНИЕ", "migrate": "Прегледани:",
                "rebuild": "Проба: нищо не е записано.", "backup": "Запазени са",
                "restore": "Резервно копие", "archive": "нито един списък за пакетиране",
                "check-list": "Неизпълними поръчки", "second-check": "втора проверка",
                "release": "няма заключване", "missing share": "не съществува"}
    for name, words_there in expected.items():
        assert words_there in shown_texts[name], (name, shown_texts[name])
    pieces = english_pieces()
    assert len(pieces) > 100
    for name, text in shown_texts.items():
        left = sorted(p for p in pieces if p in text)
        assert left == [], (name, left, text)
    # the check-list findings come in the window's wording
    assert "Поръчка #48217" in shown_texts["check-list"], shown_texts["check-list"]


def test_english_stays_available_and_the_pc_locale_decides_system(
        demo_share: Path, tmp_path: Path) -> None:
    english = home(tmp_path, "en")
    english["LANG"] = "bg_BG.UTF-8"  # Settings win over the PC
    run = cli(english, "--root", str(demo_share), "verify")
    assert re.search(r"\d+ files checked: 0 errors, 0 warnings, 1 notice", run.stdout), run.stdout
    assert not CYRILLIC.search(run.stdout + run.stderr)
    system = home(tmp_path, None)
    system["LANG"] = "bg_BG.UTF-8"
    run = cli(system, "--root", str(demo_share), "verify")
    assert "Проверени:" in run.stdout, run.stdout


def test_json_output_is_the_same_in_both_languages(demo_share: Path, tmp_path: Path) -> None:
    outputs = {}
    for language in ("bg", "en"):
        env = home(tmp_path, language)
        outputs[language] = [cli(env, "--root", str(demo_share), *args).stdout for args in (
            ("verify", "--json"), ("migrate", "--dry-run", "--json"),
            ("archive", "--dry-run", "--older-than", "0", "--json"))]
    assert outputs["bg"] == outputs["en"]
    report = json.loads(outputs["bg"][0])
    assert report["findings"][0]["severity"] == "notice"
    assert "older than" in report["findings"][0]["message"]


def test_a_question_in_bulgarian_takes_a_bulgarian_yes(demo_share: Path, tmp_path: Path) -> None:
    env = home(tmp_path, "bg")
    run = cli(env, "--root", str(demo_share), "migrate", answer="н\n")
    assert "[д/Н]" in run.stderr, run.stderr
    assert "не е потвърдено; нищо не е променено" in run.stdout, run.stdout
    assert run.returncode == 1


def test_the_language_comes_from_the_settings_then_the_pc(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACKING_TOOL_HOME", str(tmp_path))
    monkeypatch.setenv("LANG", "bg_BG.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert bulgarian()  # no settings file: the PC's locale
    from packing_tool.storage.settings import default_settings_path

    default_settings_path().parent.mkdir(parents=True, exist_ok=True)
    default_settings_path().write_text(json.dumps({"language": "en"}), encoding="utf-8")
    assert not bulgarian()
    default_settings_path().write_text(json.dumps({"language": "bg"}), encoding="utf-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert bulgarian()


def test_phrases_stay_english_and_are_shown_translated() -> None:
    catalogue = {"{n} file": "{n} файл", "{n} files": "{n} файла", "deleted ({kept})":
                 "изтрит ({kept})", "original kept at {path}": "оригиналът е запазен в {path}"}
    words.install(lambda _context, text: catalogue.get(text, text))
    try:
        kept = phrase("original kept at {path}", path="a.json")
        done = phrase("deleted ({kept})", kept=kept)
        assert done == "deleted (original kept at a.json)"  # what --json writes
        assert json.dumps(done) == '"deleted (original kept at a.json)"'
        assert shown(done) == "изтрит (оригиналът е запазен в a.json)"
        both = joined([kept, phrase("{n} files", n=2)])
        assert both == "original kept at a.json; 2 files"
        assert shown(both) == "оригиналът е запазен в a.json; 2 файла"
        assert counted(1, "{n} file", "{n} files") == "1 файл"
        assert say("something new {x}", x=1) == "something new 1"
    finally:
        words.install(None)
    assert shown(done) == "deleted (original kept at a.json)"


def test_a_call_in_process_makes_no_application_and_leaves_english_behind(
        demo_share: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from PySide6.QtCore import QCoreApplication

    from packing_tool.cli import main
    from packing_tool.storage.settings import default_settings_path

    monkeypatch.setenv("PACKING_TOOL_HOME", str(tmp_path))
    default_settings_path().parent.mkdir(parents=True, exist_ok=True)
    default_settings_path().write_text(json.dumps({"language": "bg"}), encoding="utf-8")
    before = QCoreApplication.instance()
    assert main(["--root", str(demo_share), "verify"]) == 0
    assert "Проверени:" in capsys.readouterr().out
    assert QCoreApplication.instance() is before  # pytest-qt's, or none: never a new one
    assert say("{n} files", n=2) == "2 files"

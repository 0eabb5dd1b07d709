"""The Bulgarian catalogue is complete and built: every text of the code has a translation,
its placeholders match, and the committed .qm is the one the .ts builds."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TS, QM = I18N / "packing_tool_bg.ts", I18N / "packing_tool_bg.qm"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n")


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) → (translation, type) of every message."""
    found = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = (
                translation.text or "", translation.get("type"))
    return found


def test_every_text_has_a_bulgarian_translation_with_its_placeholders() -> None:
    found = messages(TS)
    assert len(found) > 600
    unfinished = [key for key, (_, kind) in found.items() if kind is not None]
    assert unfinished == [], f"run scripts/translations and translate: {unfinished[:10]}"
    for (context, source), (translation, _) in found.items():
        assert translation.strip(), (context, source)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), (
            context, source, translation)


def test_the_catalogue_holds_every_text_of_the_code_and_the_qm_is_built(tmp_path: Path) -> None:
    """scripts/translations run on a copy changes nothing: no text of the code is missing or
    left untranslated, none is stale, and lrelease builds the committed .qm byte for byte."""
    ts, qm = tmp_path / TS.name, tmp_path / QM.name
    shutil.copyfile(TS, ts)
    run = subprocess.run([str(ROOT / "scripts" / "translations"), str(ts), str(qm)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr
    fresh, committed = messages(ts), messages(TS)
    new = sorted(set(fresh) - set(committed))
    assert new == [], f"texts in the code missing from the catalogue (run scripts/translations)"\
                      f": {new[:10]}"
    gone = sorted(set(committed) - set(fresh))
    assert gone == [], f"texts no longer in the code (run scripts/translations): {gone[:10]}"
    assert qm.read_bytes() == QM.read_bytes(), "the committed .qm is older than the .ts"


def test_texts_only_a_python_parser_finds_are_in_the_catalogue() -> None:
    """A module-level _tr() helper's texts (lupdate cannot see them) are collected too."""
    found = messages(TS)
    assert ("LocalTime", "today {time}") in found
    assert found[("LocalTime", "today {time}")][0] == "днес {time}"
    assert found[("Wording", "ITEM OK")][0] == "АРТИКУЛЪТ Е ВЕРЕН"
    # the command line's texts (packing_tool.admin.words: say/phrase/counted, context "cli")
    cli = {source for context, source in found if context == "cli"}
    assert len(cli) > 300
    assert found[("cli", "{files} checked: {errors}, {warnings}, {notices}")][0].startswith(
        "Проверени")
    assert found[("cli", "{n} files")][0] == "{n} файла"


def test_no_module_renames_the_translate_function() -> None:
    """``tr = QCoreApplication.translate`` hides the context from lupdate (it files the context
    as the text): use QCoreApplication.translate("Context", "…") or a module's _tr helper."""
    ui = ROOT / "src" / "packing_tool" / "ui"
    alias = re.compile(r"^\s*\w+\s*=\s*QCoreApplication\.translate\s*$", re.MULTILINE)
    assert [p.name for p in sorted(ui.glob("*.py")) if alias.search(p.read_text("utf-8"))] == []

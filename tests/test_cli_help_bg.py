"""`packing-tool --help`, every subcommand's help and argparse's own words ("usage:",
"options:", its errors) speak the station's language: Bulgarian from the catalogue's "cli"
context, English otherwise; exit codes do not change. Real processes, and main() in-process
for the lookups argparse gets back afterwards."""

from __future__ import annotations

import argparse
import ast
import gettext
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from packing_tool import cli
from packing_tool.admin import parser_words, words

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "packing_tool_bg.ts"
PERCENT = re.compile(r"%\(\w+\)[sr]|%[sr%]")
KEPT_AS_WRITTEN = {"ID", "SKU,…"}  # metavars that are no words
# argparse's words for programmers (a parser built wrongly): nobody at a station reads them
FOR_PROGRAMMERS = {
    ".__call__() not defined", "conflicting subparser: %s", "conflicting subparser alias: %s",
    "cannot merge actions - two groups are named %r",
    "'required' is an invalid argument for positionals",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "dest= is required for options like %r", "invalid conflict_resolution value: %r",
    "conflicting option string: %s", "conflicting option strings: %s",
    "mutually exclusive arguments must be optional", "cannot have multiple subparser arguments",
    "%r is not callable",
}


def environment(tmp_path: Path, lang: str) -> dict[str, str]:
    """A station without settings (its language: the PC's) whose locale is ``lang``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update({"PACKING_TOOL_HOME": str(tmp_path / "home"), "LANG": lang})
    return env


def cli_run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "packing_tool.cli", *args], env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def catalogue() -> dict[str, str]:
    """English → Bulgarian of the "cli" context (finished entries only)."""
    found = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        if ctx.findtext("name") == "cli":
            for message in ctx.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") is None:
                    found[message.findtext("source") or ""] = translation.text or ""
    return found


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from parsers(sub)


def parser_texts() -> set[str]:
    """Every description, help text and metavar a person reads in the --help pages."""
    texts = set()
    for parser in parsers(cli.build_parser()):
        texts.add(parser.description or "")
        for action in parser._actions:
            texts |= {action.help or "", action.metavar if isinstance(action.metavar, str) else ""}
            if isinstance(action, argparse._SubParsersAction):
                texts |= {choice.help or "" for choice in action._choices_actions}
    return {t for t in texts - {"", argparse.SUPPRESS} if re.search(r"[A-Za-z]{2}", t)}


@pytest.fixture
def bulgarian_station(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PACKING_TOOL_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LANG", "bg_BG.UTF-8")


def test_help_is_bulgarian_on_a_bulgarian_station_and_english_otherwise(tmp_path: Path) -> None:
    bg = cli_run(environment(tmp_path, "bg_BG.UTF-8"), "--help")
    assert bg.returncode == 0, bg.stderr
    assert bg.stdout.startswith("употреба: packing-tool [-h] [--version] [--root ПЪТ] КОМАНДА")
    assert "\nопции:\n" in bg.stdout
    assert "\nпозиционни аргументи:\n" in bg.stdout
    assert "Опаковъчна станция: сканиране на поръчки" in bg.stdout
    assert "показва тази помощ и излиза" in bg.stdout
    assert "usage" not in bg.stdout
    assert "Packing station" not in bg.stdout
    en = cli_run(environment(tmp_path, "en_US.UTF-8"), "--help")
    assert en.returncode == 0, en.stderr
    assert en.stdout.startswith("usage: packing-tool [-h] [--version] [--root PATH] COMMAND")
    assert "\noptions:\n" in en.stdout
    assert "show this help message and exit" in en.stdout
    assert "Packing station: scan orders" in en.stdout
    assert not re.search("[А-Яа-я]", en.stdout)


def test_a_subcommands_help_and_a_missing_argument_in_both_languages(tmp_path: Path) -> None:
    bg_env, en_env = environment(tmp_path, "bg_BG.UTF-8"), environment(tmp_path, "en_US")
    stats = cli_run(bg_env, "stats", "--help")
    assert stats.returncode == 0, stats.stderr
    assert stats.stdout.startswith("употреба: packing-tool stats [-h] [--client КЛИЕНТ]")
    assert "Без подкоманда: отпечатва Stats/global_stats.json като JSON" in stats.stdout
    assert "преизчислява числата за опаковане" in stats.stdout
    stats_en = cli_run(en_env, "stats", "--help")
    assert stats_en.returncode == 0
    assert "usage: packing-tool stats [-h] [--client CLIENT]" in stats_en.stdout
    assert "Without a subcommand: print Stats/global_stats.json" in stats_en.stdout

    missing = cli_run(bg_env, "check-list", "--client", "M")
    assert missing.returncode == 2
    assert missing.stdout == ""
    assert missing.stderr.startswith("употреба: packing-tool check-list")
    assert ("packing-tool check-list: грешка: следните аргументи са задължителни: "
            "--session, --list") in missing.stderr
    missing_en = cli_run(en_env, "check-list", "--client", "M")
    assert missing_en.returncode == 2
    assert ("packing-tool check-list: error: the following arguments are required: "
            "--session, --list") in missing_en.stderr

    wrong = cli_run(bg_env, "stats", "--client")
    assert wrong.returncode == 2
    assert "грешка: аргумент --client: очаква се една стойност" in wrong.stderr
    unknown = cli_run(bg_env, "no-such-command")
    assert unknown.returncode == 2
    assert "невалиден избор: 'no-such-command' (изберете от 'stats'" in unknown.stderr


def test_every_help_page_prints_in_bulgarian_and_argparse_gets_its_words_back(
        bulgarian_station: None, capsys: pytest.CaptureFixture[str]) -> None:
    pages = [[], *[p.prog.split()[1:] for p in parsers(cli.build_parser())][1:]]
    assert len(pages) > 15
    for page in pages:
        with pytest.raises(SystemExit) as done:
            cli.main([*page, "--help"])
        assert done.value.code == 0, page
        out = capsys.readouterr().out
        assert out.startswith("употреба: packing-tool"), (page, out[:80])
        assert "показва тази помощ и излиза" in out, page
    # afterwards: English again for whoever builds a parser in this process
    assert argparse._ is gettext.gettext
    assert argparse.ngettext is gettext.ngettext
    assert words.say("COMMAND") == "COMMAND"
    assert cli.build_parser().format_help().startswith("usage: packing-tool")


def test_the_window_path_reads_its_arguments_quietly_and_commands_are_left_to_main(
        capsys: pytest.CaptureFixture[str]) -> None:
    window = cli.opens_the_window(["--root", "/srv/share", "--quit-after", "2"])
    assert window is not None
    assert window.root == "/srv/share"
    assert window.quit_after == 2.0
    assert cli.opens_the_window(["stats"]) is None
    assert cli.opens_the_window(["--help"]) is None
    assert cli.opens_the_window(["--version"]) is None
    assert cli.opens_the_window(["--no-such-option"]) is None
    assert capsys.readouterr() == ("", "")


def test_the_list_of_argparses_words_covers_what_argparse_says() -> None:
    """Each text argparse passes to ``_``/``ngettext`` is in TEXTS (unless it is for
    programmers), so a newer Python's new words are noticed."""
    tree = ast.parse(Path(argparse.__file__).read_text(encoding="utf-8"))
    said = {arg.value for call in ast.walk(tree) if isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name) and call.func.id in ("_", "ngettext")
            for arg in call.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
    assert "usage: " in said
    assert "the following arguments are required: %s" in said
    assert said - FOR_PROGRAMMERS <= set(parser_words.TEXTS)


def test_every_help_text_and_argparse_word_has_bulgarian_with_its_placeholders() -> None:
    found = catalogue()
    templates = [re.compile(".+".join(map(re.escape, re.split(r"\{\w+\}", t))) + "$")
                 for t in found if re.search(r"\{\w+\}", t)]
    wanted = (parser_texts() - KEPT_AS_WRITTEN) | set(parser_words.TEXTS)
    filled_in = {t for t in wanted if t not in found and any(p.match(t) for p in templates)}
    missing = sorted(t for t in wanted - filled_in if not found.get(t))
    assert missing == [], missing[:5]
    assert {t.split(":")[0] for t in filled_in} >= {"only these statuses"}  # from templates
    for text in wanted - filled_in:
        assert sorted(PERCENT.findall(found[text])) == sorted(PERCENT.findall(text)), text
        assert found[text].endswith(("\n", " ")) == text.endswith(("\n", " ")), text
    assert found["usage: "] == "употреба: "
    assert found["options"] == "опции"

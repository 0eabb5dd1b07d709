"""Every text the commands show a person goes through the catalogue (admin/words.py).

The syntax tree of every module of ``packing_tool.admin``, ``simulate.py`` and ``cli.py`` is
walked: the text given to ``print``, ``sys.stderr.write``/``sys.stdout.write``, ``input``,
``AdminError`` or a raised ``…Error`` may not be English written in the code (a string
literal or an f-string with words in it, also inside ``+``, ``… if … else …`` or
``"…".format``). It must come from ``say``/``phrase``/``counted``/``joined``/``error_text`` or
a variable built from them. Literal parts without letters (spaces, ": ", "->") are no language.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "packing_tool"
MODULES = [*sorted((SRC / "admin").glob("*.py")), SRC / "simulate.py", SRC / "cli.py"]
SHOWN = {"print", "input", "AdminError", "sys.stderr.write", "sys.stdout.write"}

# Words in a literal that are the same in every language, each with its reason.
LANGUAGE_FREE = {  # longest first: each is taken out of the literal before it is judged
    "packing-tool simulate": "the command, as it is typed, before its error",
    "packing-tool": "the program's name, as it is typed, before a command's error",
    "--station": "an option's name, as it is typed",
    "CLIENT_": "the start of a client's folder name on the share (CLIENT_M)",
}


def _called(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return f"{_called(func.value)}.{func.attr}"
    return ""


def _worded(node: ast.expr) -> bool:
    """True when ``node`` is (or holds) a literal with words of a language in it."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
        for free in LANGUAGE_FREE:
            text = text.replace(free, "")
        return any(ch.isalpha() for ch in text)
    if isinstance(node, ast.JoinedStr):
        return any(_worded(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _worded(node.left) or _worded(node.right)
    if isinstance(node, ast.IfExp):
        return _worded(node.body) or _worded(node.orelse)
    if isinstance(node, ast.Call) and _called(node.func).endswith(".format"):
        assert isinstance(node.func, ast.Attribute)
        return _worded(node.func.value)
    return False


def _shows_text(call: ast.Call, raised: set[int]) -> bool:
    name = _called(call.func)
    return name in SHOWN or (id(call) in raised and name.endswith("Error"))


def written_in_english(source: str) -> list[tuple[int, str]]:
    """(line, code) of every shown text of ``source`` written as a literal."""
    tree = ast.parse(source)
    raised = {id(node.exc) for node in ast.walk(tree)
              if isinstance(node, ast.Raise) and node.exc is not None}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _shows_text(node, raised):
            texts = node.args[:1] + [k.value for k in node.keywords if k.arg == "message"]
            found += [(node.lineno, ast.unparse(text)[:90]) for text in texts if _worded(text)]
    return sorted(found)


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_every_shown_text_goes_through_the_catalogue(module: Path) -> None:
    found = written_in_english(module.read_text(encoding="utf-8"))
    assert not found, f"{module.name}: texts not through say/phrase: " + "; ".join(
        f"line {line}: {code}" for line, code in found)


def test_the_guard_sees_every_way_of_writing_english() -> None:
    source = '''
print("3 files checked")
print(f"{n} files checked")
print("  " + "done")
sys.stderr.write("done" if ok else "failed")
raise AdminError("no {x}".format(x=1))
raise MigrateError(f"not valid JSON ({exc})")
answer = input(f"Upgrade {n}? ")
'''
    assert [line for line, _ in written_in_english(source)] == [2, 3, 4, 5, 6, 7, 8]


def test_the_guard_lets_words_from_the_catalogue_through() -> None:
    source = '''
print(say("{n} files checked", n=n))
print(f"  {shown(why)}: {path}")
print(f"packing-tool {command}: {exc}")
print(f"  CLIENT_{client}/{session} -> {to}")
print(json.dumps(result, ensure_ascii=False))
print("\\n".join(lines))
raise AdminError(say("share root {path} does not exist", path=p))
raise MigrateError(phrase("the file is empty"))
error = ValueError("not raised, not shown")
'''
    assert written_in_english(source) == []

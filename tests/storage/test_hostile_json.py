"""JSON on the share written to hurt: nested too deeply, garbled, values of the wrong type.

Each bad file gets a message naming it (for a list: the order and the line), exit code 2
from ``simulate``, a finding of its own from ``verify``, and never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from packing_tool.cli import main
from packing_tool.domain.orders import LoadProblem
from packing_tool.storage import session_details
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.list_readers import ListReadError, load_packing_list, orders_from
from packing_tool.storage.share_json import JsonTooDeepError, loads
from shared import fileio
from tests.conftest import SHOPIFY_SERVER
from tests.helpers.simulate_checks import run_cli, simulate_args, writable_copy

SESSION = "2026-11-21_1"
DEEP = "[" * 100_000 + "]" * 100_000  # 200 kB; json.loads: RecursionError


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return writable_copy(SHOPIFY_SERVER, tmp_path / "server")


def session_dir(root: Path) -> Path:
    return root / "Sessions" / "CLIENT_M" / SESSION


def work_dir(root: Path, list_name: str) -> Path:
    return session_dir(root) / "packing" / list_name


# --------------------------------------------------------------------------- deep JSON


def test_the_parser_limit_is_a_value_error() -> None:
    with pytest.raises(RecursionError):
        json.loads(DEEP)  # what every reader met before
    with pytest.raises(JsonTooDeepError, match="nested too deeply"):
        loads(DEEP)
    assert isinstance(JsonTooDeepError(), ValueError)
    assert loads('{"a": [1]}') == {"a": [1]}


def test_read_json_file_names_a_deep_file(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(DEEP, encoding="utf-8")
    with pytest.raises(ValueError, match="nested too deeply") as caught:
        fileio.read_json_file(path)
    assert isinstance(caught.value, fileio.CorruptFileError)
    assert str(path) in str(caught.value)


def test_a_deep_list_is_refused_naming_it(root: Path) -> None:
    path = session_dir(root) / "packing_lists" / "Deep.json"
    path.write_text(DEEP, encoding="utf-8")
    with pytest.raises(ListReadError, match="nested too deeply") as caught:
        load_packing_list(path)
    assert caught.value.path == str(path)


def test_simulate_refuses_a_deep_list_with_exit_2(root: Path) -> None:
    path = session_dir(root) / "packing_lists" / "Deep.json"
    path.write_text(DEEP, encoding="utf-8")
    proc = run_cli(*simulate_args(root, "M", SESSION, "Deep"))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"{path}: is JSON nested too deeply to read" in proc.stderr
    # Its neighbours still open, and the deep list is only left out of their hints.
    proc = run_cli(*simulate_args(root, "M", SESSION, "DHL_Orders"))
    assert proc.returncode == 0, proc.stderr


def test_a_value_nested_just_below_the_limit_costs_its_order_only() -> None:
    """A value the parser still took (its limit depends on the stack at hand) but too deep
    to make into text further down: that order is a problem, the others load."""
    deep: list[Any] = []
    for _ in range(100_000):
        deep = [deep]
    raw = [{"order_number": "#1", "items": [{"sku": "A", "quantity": 1}], "gift_wrap": deep},
           {"order_number": "#2", "items": [{"sku": "B", "quantity": 1}], "courier": deep},
           {"order_number": "#3", "items": [{"sku": "C", "quantity": 1}],
            "tags": "[" * 100_000 + "]" * 100_000}]
    problems: list[LoadProblem] = []
    orders, _ = orders_from(raw, "Nested.json", problems)
    assert [o.order_number for o in orders] == ["#3"]
    assert orders[0].tags == ("[" * 100_000 + "]" * 100_000,)  # not JSON here: plain text
    assert [(p.source, p.where) for p in problems] == [("Nested.json", "order 1 in the file"),
                                                       ("Nested.json", "order 2 in the file")]
    assert all("nested too deeply" in p.reason for p in problems)


@pytest.mark.parametrize("relative", [
    "Sessions/CLIENT_M/2026-11-21_1/packing_lists/DPD_Orders.json",
    "Sessions/CLIENT_M/2026-11-21_1/session_info.json",
    "Sessions/CLIENT_M/2026-11-21_1/packing/DHL_Orders/session_summary.json",
    "Sessions/CLIENT_M/2026-11-21_1/packing/DHL_Orders/packing_state.json",
    "Sessions/CLIENT_M/2026-11-21_1/packing/DHL_Orders/scan_journal.jsonl",
    "Sessions/CLIENT_M/packing_index.json",
    "Stats/global_stats.json",
    "Workers/workers.json",
])
def test_verify_reports_a_deep_file_and_goes_on(root: Path, relative: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(simulate_args(root, "M", SESSION, "DHL_Orders", complete=True)) == 0
    capsys.readouterr()
    (root / relative).write_text(DEEP + "\n", encoding="utf-8")
    assert main(["--root", str(root), "verify", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert {f["path"] for f in errors} == {relative}
    assert all("nested too deeply" in f["message"] for f in errors)
    assert report["checked_files"] > 10  # the rest of the share was read


# --------------------------------------------------------------------------- garbled summary


def test_a_garbled_summary_is_named_by_simulate(root: Path) -> None:
    assert main(simulate_args(root, "M", SESSION, "DHL_Orders", complete=True)) == 0
    summary = work_dir(root, "DHL_Orders") / "session_summary.json"
    summary.write_bytes(b'{"garbled')
    proc = run_cli(*simulate_args(root, "M", SESSION, "DHL_Orders", complete=True))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"{summary}: not valid JSON" in proc.stderr


@pytest.mark.parametrize("content", [b'{"garbled', b"\xff\xfe garbage", DEEP.encode()])
def test_session_details_names_a_bad_summary(root: Path, content: bytes) -> None:
    assert main(simulate_args(root, "M", SESSION, "DHL_Orders", complete=True)) == 0
    summary = work_dir(root, "DHL_Orders") / "session_summary.json"
    summary.write_bytes(content)
    details = session_details.load_details(ShareLayout(root), "M", SESSION, "DHL_Orders")
    assert any(note.startswith(str(summary)) for note in details.notes), details.notes


# --------------------------------------------------------------------------- wrong types


def test_wrong_typed_order_numbers_and_skus_are_problems(root: Path) -> None:
    orders = [
        {"order_number": {"id": 1}, "items": [{"sku": "A", "quantity": 1}]},
        {"order_number": ["#2"], "items": [{"sku": "A", "quantity": 1}]},
        {"order_number": True, "items": [{"sku": "A", "quantity": 1}]},
        {"order_number": "#4", "items": [{"sku": {"code": "A"}, "quantity": 1},
                                         {"sku": ["B"], "quantity": 1},
                                         {"sku": False, "quantity": 1},
                                         {"sku": "C", "quantity": 1}]},
        {"order_number": "#5", "items": [{"sku": ["X"], "quantity": 1}]},
        {"order_number": 6, "items": [{"sku": 4006381333931, "quantity": 1}]},
    ]
    path = session_dir(root) / "packing_lists" / "Types.json"
    path.write_text(json.dumps({"orders": orders}), encoding="utf-8")
    plist = load_packing_list(path)
    assert {o.order_number: [ln.sku for ln in o.lines] for o in plist.orders} == {
        "#4": ["C"], "6": ["4006381333931"]}
    assert [(p.source, p.where, p.reason) for p in plist.problems] == [
        ("Types.json", "order 1 in the file",
         "order_number is an object, not text or a number; left out"),
        ("Types.json", "order 2 in the file",
         "order_number is a list, not text or a number; left out"),
        ("Types.json", "order 3 in the file",
         "order_number is true/false, not text or a number; left out"),
        ("Types.json", "#4, item 1", "SKU is an object, not text or a number; line left out"),
        ("Types.json", "#4, item 2", "SKU is a list, not text or a number; line left out"),
        ("Types.json", "#4, item 3", "SKU is true/false, not text or a number; line left out"),
        ("Types.json", "#5, item 1", "SKU is a list, not text or a number; line left out"),
        ("Types.json", "#5", "no packable lines; order left out"),
    ]


def test_simulate_names_each_wrong_typed_value_and_packs_the_rest(root: Path) -> None:
    orders = [{"order_number": {"id": 1}, "items": [{"sku": "MC-SER-101-30", "quantity": 1}]},
              {"order_number": "#77", "items": [{"sku": ["MC-SER-101-30"], "quantity": 1},
                                                {"sku": "MC-SER-102-30", "quantity": 2}]}]
    path = session_dir(root) / "packing_lists" / "Types.json"
    path.write_text(json.dumps({"orders": orders}), encoding="utf-8")
    proc = run_cli(*simulate_args(root, "M", SESSION, "Types"))
    assert proc.returncode == 0, proc.stderr
    assert "skipped: Types.json: order 1 in the file: order_number is an object" in proc.stderr
    assert "skipped: Types.json: #77, item 1: SKU is a list" in proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert (result["orders_packed"], result["items_packed"]) == (1, 2)

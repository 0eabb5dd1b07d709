"""``packing-tool check-list`` as a real process: JSON out, exit codes, findings kept."""

from __future__ import annotations

import json
from pathlib import Path

from packing_tool.storage.index_rows import load_rows
from packing_tool.storage.layout import ShareLayout
from shared.timestamps import now
from tests.helpers.list_check_share import CLIENT, SESSION, item, order, write_share
from tests.helpers.simulate_checks import run_cli

EAN = "4006381333931"


def check_args(root: Path, name: str, *more: str) -> list[str]:
    return ["--root", str(root), "check-list", "--client", CLIENT, "--session", SESSION,
            "--list", name, *more]


def test_findings_as_json_exit_1_and_kept_with_the_list(tmp_path: Path) -> None:
    write_share(tmp_path, {"DHL": [order("#1", item(EAN), item("BARE", 3)),
                                   order("#2", item(EAN), item("96385074", 0.5))],
                           "Singles": [order("#2", item(EAN))]})
    result = run_cli(*check_args(tmp_path, "DHL", "--json"))
    assert result.returncode == 1, result.stderr
    doc = json.loads(result.stdout)
    assert doc["packing_list_name"] == "DHL"
    assert doc["orders"] == 2
    assert doc["problems"] == 3
    assert doc["counts"] == {"no_barcode": 1, "other_list": 1, "quantity": 1}
    texts = [f["text"] for f in doc["findings"]]
    assert texts[0].startswith("SKU BARE has no barcode the station accepts")
    assert "Order #2 is also in list Singles." in texts
    kept = Path(doc["saved_to"])
    assert kept == tmp_path / "Sessions" / f"CLIENT_{CLIENT}" / SESSION / "packing" / "DHL" \
        / "list_check.json"
    assert json.loads(kept.read_text(encoding="utf-8"))["findings"] == doc["findings"]
    rows = {r.packing_list_name: r for r in load_rows(ShareLayout(tmp_path), CLIENT, now=now())}
    assert rows["DHL"].check_findings == 3
    assert rows["DHL"].status == "available"
    assert rows["Singles"].check_findings is None


def test_a_clean_list_exits_0_and_notes_do_not_count(tmp_path: Path) -> None:
    write_share(tmp_path, {"DHL": [order("#1", item(EAN), item("NO_SKU", 1, "Tip")),
                                   order("#2", item(EAN), status="Not Fulfillable")]})
    result = run_cli(*check_args(tmp_path, "DHL", "--json", "--no-save"))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert (doc["problems"], doc["counts"]) == (0, {"not_fulfillable": 1, "no_sku": 1})
    assert doc["saved_to"] is None
    assert not (tmp_path / "Sessions" / f"CLIENT_{CLIENT}" / SESSION / "packing").exists()
    text = run_cli(*check_args(tmp_path, "DHL"))
    assert text.returncode == 0
    assert "0 problem(s), 2 note(s) on lines left out." in text.stdout
    assert "Order #1: the line Tip has no SKU; it is left out of list DHL." in text.stdout


def test_an_unreadable_or_missing_list_exits_2(tmp_path: Path) -> None:
    session = write_share(tmp_path, {"DHL": [order("#1", item(EAN))]})
    (session / "packing_lists" / "Broken.json").write_text('{"orders": [', encoding="utf-8")
    broken = run_cli(*check_args(tmp_path, "Broken", "--json"))
    assert broken.returncode == 2
    assert "Broken.json: is not valid JSON" in broken.stderr
    assert broken.stdout == ""
    missing = run_cli(*check_args(tmp_path, "Nope"))
    assert missing.returncode == 2
    assert "no list named 'Nope'" in missing.stderr
    usage = run_cli("--root", str(tmp_path), "check-list", "--client", CLIENT)
    assert usage.returncode == 2

"""`packing-tool verify` lists the orders whose second check was skipped, with the reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from packing_tool.cli import main
from packing_tool.domain.events import EventKind, Outcome
from packing_tool.domain.second_check import SecondCheckRules
from packing_tool.simulate import SIMULATED_SKIP, simulate
from packing_tool.storage.barcode_maps import BarcodeMapStore
from packing_tool.storage.layout import ShareLayout
from packing_tool.storage.packing_session import Worker
from packing_tool.storage.session_manager import SessionManager, SessionSettings
from shared.stats_manager import StatsManager

SESSION = "2026-11-21_1"
PACKER, CHECKER = Worker("worker_001", "Ана"), Worker("worker_002", "Борис")
FAST = SessionSettings(heartbeat_seconds=0.05, share_timeout=10, retry_seconds=0.05,
                       debounce_seconds=0.0)
JOURNAL = f"Sessions/CLIENT_M/{SESSION}/packing/DHL_Orders/scan_journal.jsonl"


def test_an_ended_list_records_its_checks_and_verify_warns_of_the_skipped_one(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layout = ShareLayout(share_root)
    BarcodeMapStore(layout, "M").set_second_check(SecondCheckRules(tags=("Priority",),
                                                                   skus=("MC-SER-102-30",)))
    manager = SessionManager(layout, PACKER, FAST)
    try:
        active = manager.open("M", SESSION, "DHL_Orders")
        session = active.session
        for label, sku in (("48226", "MC-SER-101-30"), ("48232", "MC-SER-102-30")):
            assert session.scan(label, PACKER).outcome is Outcome.ORDER_LOADED
            for _ in range(session.logic.order(f"#{label}").units_total):
                assert not session.scan(sku, PACKER).order_completed
            if label == "48226":  # waits for its check, set aside meanwhile
                assert session.act(EventKind.SKIP, PACKER).outcome is Outcome.ORDER_SKIPPED
        # A supervisor skips the check of #48232; #48226 is resumed and checked.
        skipped = session.act(EventKind.SECOND_CHECK_SKIPPED, PACKER,
                              reason="Only one packer on the night shift")
        assert skipped.order_completed
        session.scan("48226", PACKER)
        checked = session.act(EventKind.SECOND_CHECK, PACKER, code="48226",
                              checker=(CHECKER.id, CHECKER.name))
        assert checked.order_completed
        assert manager.complete(active) is not None
    finally:
        manager.close()

    history = StatsManager(share_root).get_packing_history()
    assert history[-1]["metadata"]["second_checks"] == 1  # the list's figures at its ending
    assert history[-1]["metadata"]["second_checks_skipped"] == 1
    code = main(["--root", str(share_root), "verify", "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 0  # a warning, not an error
    notes = [f for f in result["findings"] if "second check" in f["message"]]
    assert [(f["severity"], f["path"]) for f in notes] == [("warning", JOURNAL)]
    assert "order #48232" in notes[0]["message"]
    assert "Only one packer on the night shift" in notes[0]["message"]
    assert result["counts"]["error"] == 0


def test_verify_names_second_check_settings_the_station_ignores(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = share_root / "Clients" / "CLIENT_M" / "packer_config.json"
    config.write_text(json.dumps({"client_id": "M", "sku_mapping": {},
                                  "second_check": {"tags": ["VIP"], "sample_percent": 250}}),
                      encoding="utf-8")
    assert main(["--root", str(share_root), "verify", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert [(f["severity"], f["path"], f["message"]) for f in result["findings"]
            if "second_check" in f["message"]] == [
        ("warning", "Clients/CLIENT_M/packer_config.json",
         "second_check: sample_percent 250.0 is not 0 to 100; ignored")]


def test_the_command_sets_only_the_rules_given_and_keeps_every_other_key(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = share_root / "Clients" / "CLIENT_M" / "packer_config.json"
    config.write_text(json.dumps({"client_id": "M", "sku_mapping": {"111": "MC-SER-101-30"},
                                  "scanner_prefix": "]C1"}), encoding="utf-8")
    root = ["--root", str(share_root), "second-check", "M"]
    assert main([*root, "--tags", "VIP, Fragile", "--sample", "5"]) == 0
    assert main([*root, "--min-value", "300", "--json"]) == 0
    printed = capsys.readouterr().out.splitlines()[-1]
    expected = {"min_order_value": 300.0, "tags": ["VIP", "Fragile"], "skus": [],
                "sample_percent": 5.0}
    assert json.loads(printed) == expected
    stored = json.loads(config.read_text(encoding="utf-8"))
    assert stored["second_check"] == expected
    assert stored["sku_mapping"] == {"111": "MC-SER-101-30"}
    assert stored["scanner_prefix"] == "]C1"
    assert main([*root, "--sample", "250"]) == 2  # refused, nothing written
    assert json.loads(config.read_text(encoding="utf-8"))["second_check"] == expected
    assert main([*root, "--off"]) == 0
    assert "second check off" in capsys.readouterr().out
    assert BarcodeMapStore(ShareLayout(share_root), "M").second_check() == (
        SecondCheckRules(), [])


def test_simulate_packs_flagged_orders_and_says_it_skipped_their_checks(
        share_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    BarcodeMapStore(ShareLayout(share_root), "M").set_second_check(
        SecondCheckRules(sample_percent=100))
    result = simulate(share_root, "M", SESSION, "DHL_Orders", "Ана", complete=True)
    assert result["orders_packed"] == 5
    assert main(["--root", str(share_root), "verify", "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    skipped = [f for f in findings if "second check skipped" in f["message"]]
    assert len(skipped) == 5
    assert all(SIMULATED_SKIP in f["message"] for f in skipped)

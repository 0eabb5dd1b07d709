"""A wrong or unknown scan is charged to the item the packer was on, never to the next one.

The item the packer was on: the line of the order's last counted unit while that line still
needs units, else the order's first line still needing units.
"""

from __future__ import annotations

from packing_tool.domain.sku_figures import sku_figures
from tests.domain.packer_support import Station, make_logic

LIST = {"#2001": [("SKU-A", 1), ("SKU-B", 3), ("SKU-C", 1)]}
CODES = {"111": ["SKU-A"], "222": ["SKU-B"], "333": ["SKU-C"], "999": ["SKU-X"]}


def _figures(station: Station) -> dict[str, int]:
    views = [station.logic.order("#2001")]
    return {sku: f.misscans for sku, f in sku_figures(station.logic.packing_list, views).items()
            if f.misscans}


def test_a_misscan_between_units_of_a_line_is_charged_to_that_line() -> None:
    station = Station(make_logic(LIST, CODES))
    station.scan("2001")
    station.scan("222")  # the packer started on B (3 units), out of the list's order
    station.scan("999")  # wrong item: SKU-X is in no line of this order
    station.scan("nonsense")  # unknown barcode
    station.scan("222")  # the next correct scan is B again
    assert station.logic.order("#2001").misscans == {"SKU-B": 2}
    assert _figures(station) == {"SKU-B": 2}  # "Most misscanned" reads these


def test_after_a_finished_line_the_first_open_line_is_charged_not_the_next_scanned() -> None:
    station = Station(make_logic(LIST, CODES))
    station.scan("2001")
    station.scan("111")  # A done: the packer is not on any line now
    station.scan("999")  # charged to the first open line: B
    station.scan("333")  # the next SKU scanned is C, which must not take the blame
    assert _figures(station) == {"SKU-B": 1}


def test_an_undone_unit_moves_the_charge_back() -> None:
    station = Station(make_logic(LIST, CODES))
    station.scan("2001")
    station.scan("111")
    station.scan("333")  # C done too: the last counted unit's line is full
    undone = station.undo()  # C is open again, and A stays done
    assert undone.outcome.value == "undone"
    station.scan("999")  # last counted unit is A (full): first open line is B
    assert _figures(station) == {"SKU-B": 1}


def test_a_misscan_before_any_unit_goes_to_the_first_line() -> None:
    station = Station(make_logic(LIST, CODES))
    station.scan("2001")
    station.scan("nonsense")
    assert _figures(station) == {"SKU-A": 1}

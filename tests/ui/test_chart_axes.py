"""Chart axes count in steps a person reads at a glance: 0, 2, 4, 6, 8, 10, never 8,8."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from packing_tool.ui.charts import bar_chart, nice_scale


@pytest.mark.parametrize("top", [0, 0.3, 1, 5, 8, 8.8, 28, 31, 243, 389, 1000, 12345])
def test_scale_covers_the_values_in_round_steps(top: float) -> None:
    upper, ticks, decimals = nice_scale(top)
    assert upper >= top
    assert upper <= max(top, 1.0) * 2.5
    assert 2 <= ticks <= 7
    step = upper / (ticks - 1)
    mantissa = step / 10 ** (len(str(int(step))) - 1) if step >= 1 else step * 10
    assert round(mantissa, 6) in (1, 2, 5, 10), (top, upper, ticks)
    assert decimals == (0 if step >= 1 else 1)


def test_bar_chart_axis_labels_are_whole_numbers_for_counts(qtbot: QtBot) -> None:
    view = bar_chart("Items per hour", ["13:00"], {"Items": [8], "Orders": [5]}, name="hourly")
    qtbot.addWidget(view)
    value_axes = [a for a in view.chart().axes() if hasattr(a, "tickCount")]
    assert len(value_axes) == 1
    axis = value_axes[0]
    assert (axis.min(), axis.max(), axis.tickCount()) == (0.0, 10.0, 6)
    assert axis.labelFormat() == "%.0f"

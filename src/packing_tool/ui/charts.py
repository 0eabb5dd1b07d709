"""Small QtCharts builders for the details and worker screens (bars per hour, lines over time).

Each returns a ready ``QChartView`` named for tests and automation; the chart follows the
app's light or dark theme.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QPainter

from packing_tool.ui import local_time
from packing_tool.ui.themes import current_theme
from packing_tool.ui.widgets import named

MIN_HEIGHT = 220


def chart_theme() -> QChart.ChartTheme:
    return (QChart.ChartTheme.ChartThemeDark if current_theme() == "dark"
            else QChart.ChartTheme.ChartThemeLight)


def follow_theme(view: QChartView) -> None:
    """Redraw ``view``'s chart in the theme now in use (a theme switch while it is shown)."""
    chart = view.chart()
    if chart.theme() != chart_theme():
        chart.setTheme(chart_theme())


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTheme(chart_theme())
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # redraws must stay instant
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setLocalizeNumbers(True)  # axis labels in the chosen language ("0,5" in Bulgarian)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _view(chart: QChart, name: str) -> QChartView:
    view = named(QChartView(chart), name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(MIN_HEIGHT)
    return view


def nice_scale(top: float) -> tuple[float, int, int]:
    """An axis from 0 for values up to ``top``: (upper end, tick count, decimals), its steps
    1, 2 or 5 times a power of ten, at most 6 of them: 0, 2, 4, 6, 8, 10 rather than 8,8."""
    top = max(float(top) * 1.05, 1.0)  # a little room above the highest bar or point
    wanted = top / 5
    power = 10.0 ** math.floor(math.log10(wanted))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= wanted - 1e-9)
    steps = max(1, math.ceil(top / step - 1e-9))
    decimals = 0 if step >= 1 else max(0, -math.floor(math.log10(step)))
    return steps * step, steps + 1, decimals


def _value_axis(title: str, top: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setTitleText(title)
    upper, ticks, decimals = nice_scale(top)
    axis.setRange(0, upper)
    axis.setTickCount(ticks)
    axis.setLabelFormat(f"%.{decimals}f")
    return axis


def bar_chart(title: str, categories: Sequence[str], sets: Mapping[str, Sequence[float]],
              *, name: str, y_title: str = "") -> QChartView:
    """Grouped bars: one set per key of ``sets``, one group per category."""
    chart = _chart(title)
    series = QBarSeries()
    top = 0.0
    for label, values in sets.items():
        bar = QBarSet(label)
        bar.append([float(v) for v in values])
        series.append(bar)
        top = max([top, *map(float, values)])
    chart.addSeries(series)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(categories))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    y_axis = _value_axis(y_title, top)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    return _view(chart, name)


def line_chart(title: str, points: Sequence[tuple[float, float]], *, name: str,
               x_title: str = "", y_title: str = "", label: str = "") -> QChartView:
    """One line through ``points`` (x, y), with value axes."""
    chart = _chart(title)
    series = QLineSeries()
    series.setName(label or title)
    series.setPointsVisible(True)
    for x, y in points:
        series.append(float(x), float(y))
    chart.addSeries(series)
    x_axis = _value_axis(x_title, 0.0)
    low, high = min((p[0] for p in points), default=0.0), max((p[0] for p in points), default=1.0)
    x_axis.setRange(low, max(high, low + 1))
    x_axis.setTickCount(max(2, min(len(points), 11)))
    x_axis.setLabelFormat("%.0f")
    y_axis = _value_axis(y_title, max((p[1] for p in points), default=1.0))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    return _view(chart, name)


def time_chart(title: str, points: Sequence[tuple[datetime, float]], *, name: str,
               y_title: str = "", label: str = "") -> QChartView:
    """One line of values over calendar time (e.g. a worker's orders per hour per session)."""
    chart = _chart(title)
    series = QLineSeries()
    series.setName(label or title)
    series.setPointsVisible(True)
    ordered = sorted(points)
    for moment, value in ordered:
        series.append(float(moment.timestamp() * 1000), float(value))
    chart.addSeries(series)
    x_axis = QDateTimeAxis()
    x_axis.setFormat(local_time.date_pattern())  # the chosen language's dates, as elsewhere
    if ordered:
        first, last = ordered[0][0].timestamp(), ordered[-1][0].timestamp()
    else:  # nothing to draw: today, rather than 1970
        first = last = QDateTime.currentSecsSinceEpoch()
    pad = 0 if last > first else 12 * 3600  # one point still needs a visible range
    x_axis.setRange(QDateTime.fromSecsSinceEpoch(int(first - pad)),
                    QDateTime.fromSecsSinceEpoch(int(last + pad)))
    y_axis = _value_axis(y_title, max((v for _, v in ordered), default=1.0))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    return _view(chart, name)

"""The expected time of an order, fitted from a client's packed orders (pure Python).

    seconds ≈ base + per_unit · units + per_line · lines + Σ difficulty[sku] · units of sku

``base``, ``per_unit`` and ``per_line`` are plain least squares; each SKU's ``difficulty``
(seconds per unit above or below the usual) is a ridge term pulled toward 0 with weight
``shrink``: a SKU seen in a handful of units keeps only a small part of what its orders
suggest, one seen in hundreds keeps nearly all of it. The fit alternates between the three
global terms (a 3x3 normal system) and one SKU at a time (Gauss-Seidel on the residuals),
so a sweep costs one pass over the order lines, whatever the number of SKUs.
See docs/scores.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

MODEL_VERSION = 1
DEFAULT_SHRINK = 25.0  # in units²: a SKU with 25 units packed keeps about half its estimate
MAX_SWEEPS = 60
TOLERANCE = 0.05  # seconds: a sweep that moves no term more than this ends the fit (what is left
# to move is mostly a shift between per_unit and all difficulties, which predicts the same)
MIN_EXPECTED = 1.0  # seconds: no order is expected to take less


@dataclass(frozen=True, slots=True)
class OrderShape:
    """What the model looks at in an order: its lines as (SKU, units)."""

    lines: tuple[tuple[str, int], ...]

    @property
    def units(self) -> int:
        return sum(units for _sku, units in self.lines)


@dataclass(frozen=True)
class ScoreModel:
    base: float = 0.0
    per_unit: float = 0.0
    per_line: float = 0.0
    difficulty: dict[str, float] = field(default_factory=dict)
    orders: int = 0  # the orders it was fitted on
    sweeps: int = 0

    def expected(self, shape: OrderShape) -> float:
        seconds = self.base + self.per_unit * shape.units + self.per_line * len(shape.lines)
        for sku, units in shape.lines:
            seconds += self.difficulty.get(sku, 0.0) * units
        return max(MIN_EXPECTED, seconds)

    def to_dict(self) -> dict[str, Any]:
        return {"version": MODEL_VERSION, "base": round(self.base, 4),
                "per_unit": round(self.per_unit, 4), "per_line": round(self.per_line, 4),
                "difficulty": {k: round(v, 4) for k, v in self.difficulty.items()},
                "orders": self.orders, "sweeps": self.sweeps}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScoreModel:
        if data.get("version") != MODEL_VERSION:
            raise ValueError(f"score model version {data.get('version')!r} is not "
                             f"{MODEL_VERSION}")
        difficulty = data.get("difficulty")
        if not isinstance(difficulty, dict):
            raise ValueError("score model without a difficulty table")
        return cls(base=float(data["base"]), per_unit=float(data["per_unit"]),
                   per_line=float(data["per_line"]),
                   difficulty={str(k): float(v) for k, v in difficulty.items()},
                   orders=int(data.get("orders", 0)), sweeps=int(data.get("sweeps", 0)))


def _solve3(m: list[list[float]], v: list[float]) -> list[float] | None:
    """``m · x = v`` for a 3x3 system by Gaussian elimination; None when singular."""
    a = [[*row, v[i]] for i, row in enumerate(m)]
    for col in range(3):
        pivot = max(range(col, 3), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-9:
            return None
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(3):
            if r != col:
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col], strict=True)]
    return [a[i][3] / a[i][i] for i in range(3)]


def _globals(units: Sequence[int], lines: Sequence[int], target: Sequence[float],
             ridge: float) -> list[float]:
    """Least squares of ``target`` on (1, units, lines); a tiny ridge keeps a history of
    single-line orders (units and lines always equal) solvable."""
    n = float(len(target))
    su = sl = suu = sul = sll = sy = suy = sly = 0.0
    for u, ln, y in zip(units, lines, target, strict=True):
        su += u
        sl += ln
        suu += u * u
        sul += u * ln
        sll += ln * ln
        sy += y
        suy += u * y
        sly += ln * y
    m = [[n, su, sl], [su, suu + ridge, sul], [sl, sul, sll + ridge]]
    solved = _solve3(m, [sy, suy, sly])
    return solved if solved is not None else [sy / n if n else 0.0, 0.0, 0.0]


@dataclass
class Design:
    """The orders laid out for fitting, built once and solved for any times of the same
    orders (``fit_paced`` solves it again with each packer's pace taken out)."""

    units: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)  # each row's position in the input
    skus: dict[str, int] = field(default_factory=dict)
    # Per SKU: its rows and its units in each, as plain int lists (no tuple per entry:
    # fewer objects for the garbage collector, whose full passes stall every thread).
    at: list[list[int]] = field(default_factory=list)
    counts: list[list[int]] = field(default_factory=list)


def design(samples: Iterable[tuple[OrderShape, float]]) -> Design:
    """Orders with a time and lines, laid out by SKU."""
    found = Design()
    for position, (shape, seconds) in enumerate(samples):
        if seconds <= 0 or not shape.lines:
            continue
        i = len(found.seconds)
        found.units.append(shape.units)
        found.lines.append(len(shape.lines))
        found.seconds.append(seconds)
        found.kept.append(position)
        per_sku: dict[str, int] = {}
        for sku, count in shape.lines:
            per_sku[sku] = per_sku.get(sku, 0) + count
        for sku, count in per_sku.items():
            k = found.skus.setdefault(sku, len(found.skus))
            if k == len(found.at):
                found.at.append([])
                found.counts.append([])
            found.at[k].append(i)
            found.counts[k].append(count)
    return found


def fit(samples: Iterable[tuple[OrderShape, float]], shrink: float = DEFAULT_SHRINK,
        max_sweeps: int = MAX_SWEEPS, start: ScoreModel | None = None) -> ScoreModel:
    """Fit the model on (order, active seconds) pairs; orders without time are ignored.
    ``start``: a model of nearly the same data to begin from (fewer sweeps)."""
    return solve(design(samples), shrink=shrink, max_sweeps=max_sweeps, start=start)


def solve(layout: Design, seconds: list[float] | None = None, *, shrink: float = DEFAULT_SHRINK,
          max_sweeps: int = MAX_SWEEPS, start: ScoreModel | None = None) -> ScoreModel:
    """The model of ``layout`` for ``seconds`` (one per row; default: the layout's own)."""
    y = layout.seconds if seconds is None else seconds
    units, lines, at, counts = layout.units, layout.lines, layout.at, layout.counts
    if not y:
        return ScoreModel()
    known = start.difficulty if start is not None else {}
    d = [known.get(sku, 0.0) for sku in layout.skus]
    denominators = [sum(c * c for c in m) + shrink for m in counts]
    sku_part = [0.0] * len(y)
    for k, orders in enumerate(at):
        if d[k]:
            for i, count in zip(orders, counts[k], strict=True):
                sku_part[i] += d[k] * count
    a = b = c = 0.0
    sweeps = 0
    for sweeps in range(1, max_sweeps + 1):  # noqa: B007  (the count is reported)
        a2, b2, c2 = _globals(units, lines, [yi - s for yi, s in zip(y, sku_part, strict=True)],
                              ridge=1e-6 * len(y))
        moved = max(abs(a2 - a), abs(b2 - b), abs(c2 - c))
        a, b, c = a2, b2, c2
        residual = [yi - a - b * u - c * ln - s
                    for yi, u, ln, s in zip(y, units, lines, sku_part, strict=True)]
        for k, orders in enumerate(at):
            old, units_k = d[k], counts[k]
            top = 0.0
            for i, count in zip(orders, units_k, strict=True):
                top += count * (residual[i] + old * count)
            new = top / denominators[k]
            step = new - old
            if step:
                d[k] = new
                for i, count in zip(orders, units_k, strict=True):
                    residual[i] -= step * count
                    sku_part[i] += step * count
                moved = max(moved, abs(step))
        if moved < TOLERANCE:
            break
    names = list(layout.skus)
    return ScoreModel(base=a, per_unit=b, per_line=c,
                      difficulty={names[k]: d[k] for k in range(len(d))},
                      orders=len(y), sweeps=sweeps)

"""Fair packer scores: expected time over actual active time (pure).

An order's *active time* is the time it was the current order (label scan to completion,
skipped spells left out, as the summary's ``duration_seconds``), without:

- pauses: any gap between two events of the order longer than ``pause_gap`` seconds;
- undo time: the gap that ends with an UNDO, and the gap that ended with the event it undid
  (the mistaken scan and taking it back are not packing);
- hand-over time: a HANDOVER event's gap (the journal allows hand-overs only between
  orders, so this is a guard, not a correction).

A packer's score is the sum of their orders' expected seconds (``ScoreModel``) over the sum
of their active seconds: 1.0 is the client's usual pace for exactly those orders, 1.25 a
quarter faster. See docs/scores.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from packing_tool.domain.events import EventKind, Outcome, ScanEvent
from packing_tool.domain.score_fit import OrderShape, ScoreModel, design, solve

DEFAULT_PAUSE_GAP = 300.0  # seconds: a longer gap between two events is a pause
OPENS = frozenset({Outcome.ORDER_LOADED, Outcome.ORDER_RESUMED, Outcome.REPACK_STARTED})
CLOSES = frozenset({Outcome.ORDER_COMPLETE, Outcome.ORDER_SKIPPED})
MIN_RANKED_ORDERS = 20  # fewer scored orders: shown, but not ranked
PACE_ROUNDS = 5  # refits with each packer's pace taken out (``fit_paced``)
PACE_STEP = 1.5  # over-relaxation of those rounds: 1 is plain, 2 would swing for ever
PACE_LIMITS = (0.25, 4.0)


@dataclass(frozen=True, slots=True)
class OrderSample:
    """One packed order of the history: who completed it, its lines, its active time."""

    worker_id: str
    worker_name: str
    shape: OrderShape
    seconds: float


def journal_active_seconds(events: Iterable[ScanEvent],
                           pause_gap: float = DEFAULT_PAUSE_GAP) -> dict[str, float]:
    """Order number → active seconds, for the orders the journal completes (a re-pack's
    completion replaces the first one's time)."""
    total: dict[str, float] = {}
    done: dict[str, float] = {}
    counted: dict[int, tuple[str, float]] = {}  # seq → the gap it ended, as counted
    current: str | None = None
    previous: ScanEvent | None = None
    for event in events:
        if previous is not None and current is not None:
            gap = max(0.0, (event.at - previous.at).total_seconds())
            if gap > pause_gap or event.kind is EventKind.HANDOVER:
                gap = 0.0
            elif event.kind is EventKind.UNDO:
                gap = 0.0
                mistaken = counted.pop(event.target or 0, None)
                if mistaken is not None:
                    total[mistaken[0]] = total.get(mistaken[0], 0.0) - mistaken[1]
            total[current] = total.get(current, 0.0) + gap
            counted[event.seq] = (current, gap)
        if event.outcome in OPENS and event.order:
            current = event.order
            if event.outcome is Outcome.REPACK_STARTED:
                total[current] = 0.0
        elif event.outcome in CLOSES and current is not None:
            if event.outcome is Outcome.ORDER_COMPLETE:
                done[current] = max(0.0, total.get(current, 0.0))
            current = None
        previous = event
    return done


def offsets_active_seconds(offsets: Sequence[float], duration: float,
                           pause_gap: float = DEFAULT_PAUSE_GAP) -> float:
    """Active seconds from a summary entry alone (no journal): its items' times from the
    order's start and its duration, with the gaps longer than ``pause_gap`` left out. Undo
    cannot be seen there."""
    marks = sorted({0.0, *(o for o in offsets if 0 <= o <= duration), max(0.0, duration)})
    return sum(gap for a, b in pairwise(marks)
               if (gap := b - a) <= pause_gap)


@dataclass
class Tally:
    """A packer's scored orders added up (what the cache keeps per client)."""

    worker_name: str = ""
    orders: int = 0
    units: int = 0
    expected_seconds: float = 0.0
    active_seconds: float = 0.0

    def add(self, other: Tally) -> None:
        self.worker_name = self.worker_name or other.worker_name
        self.orders += other.orders
        self.units += other.units
        self.expected_seconds += other.expected_seconds
        self.active_seconds += other.active_seconds


@dataclass(frozen=True)
class WorkerScore:
    worker_id: str
    worker_name: str
    orders: int
    units: int
    expected_seconds: float
    active_seconds: float

    @property
    def score(self) -> float | None:
        return self.expected_seconds / self.active_seconds if self.active_seconds > 0 else None

    @property
    def orders_per_hour(self) -> float | None:
        return self.orders * 3600 / self.active_seconds if self.active_seconds > 0 else None

    @property
    def units_per_hour(self) -> float | None:
        return self.units * 3600 / self.active_seconds if self.active_seconds > 0 else None

    @property
    def ranked(self) -> bool:
        return self.orders >= MIN_RANKED_ORDERS and self.score is not None


def tallies(samples: Iterable[OrderSample], model: ScoreModel) -> dict[str, Tally]:
    """worker_id → their orders, units, expected and active seconds under ``model``."""
    found: dict[str, Tally] = {}
    for sample in samples:
        if sample.seconds <= 0:
            continue
        tally = found.setdefault(sample.worker_id, Tally(sample.worker_name))
        tally.orders += 1
        tally.units += sample.shape.units
        tally.expected_seconds += model.expected(sample.shape)
        tally.active_seconds += sample.seconds
    return found


def fit_paced(samples: Sequence[OrderSample], rounds: int = PACE_ROUNDS) -> ScoreModel:
    """``fit`` with the packers' own pace taken out of the SKUs' difficulty.

    When a SKU is packed mostly by one packer, a plain fit blames the SKU for that packer's
    pace (a fast packer's SKUs look easy, and their score sinks toward 1.00). Each round
    scores the packers under the last model and fits again on times divided by their pace
    (with at least ``MIN_RANKED_ORDERS`` orders; the others count at their own speed),
    scaled so the total time stays the same: the model keeps the crew's usual pace.
    """
    layout = design((s.shape, s.seconds) for s in samples)
    workers = [samples[i].worker_id for i in layout.kept]
    total = sum(layout.seconds)
    model = solve(layout)
    pace: dict[str, float] = {}
    low, high = PACE_LIMITS
    for _ in range(rounds):
        for worker_id, tally in tallies(samples, model).items():
            if tally.orders >= MIN_RANKED_ORDERS and tally.active_seconds > 0:
                old = pace.get(worker_id, 1.0)
                score = tally.expected_seconds / tally.active_seconds / old
                pace[worker_id] = min(high, max(low, old * score ** PACE_STEP))
        adjusted = [y * pace.get(w, 1.0) for y, w in zip(layout.seconds, workers, strict=True)]
        scale = total / sum(adjusted) if adjusted else 1.0
        model = solve(layout, [y * scale for y in adjusted], start=model)
        pace = {k: v * scale for k, v in pace.items()}
    return model


def leaderboard(per_worker: dict[str, Tally]) -> list[WorkerScore]:
    """Ranked packers first (best score first), then those with too few orders."""
    scores = [WorkerScore(worker_id, t.worker_name or worker_id, t.orders, t.units,
                          t.expected_seconds, t.active_seconds)
              for worker_id, t in per_worker.items()]
    return sorted(scores, key=lambda s: (not s.ranked, -(s.score or 0.0), s.worker_name))

"""Packer scores: the fitted model, active time from the journal, and fairness between packers
who get different kinds of orders."""

from __future__ import annotations

import random

import pytest

from packing_tool.domain.score_fit import OrderShape, ScoreModel, fit
from packing_tool.domain.scores import (
    OrderSample,
    fit_paced,
    journal_active_seconds,
    leaderboard,
    offsets_active_seconds,
    tallies,
)
from tests.domain.packer_support import W1, W2, Station, make_logic
from tests.helpers.packing_history import (
    Packer,
    make_order,
    make_skus,
    packer_seconds,
    samples,
    usual_seconds,
)

SINGLES = Packer("worker_001", "Singles", 1.0, "singles")
MULTIS = Packer("worker_002", "Multis", 1.0, "multis")
FAST = Packer("worker_003", "Fast", 0.8, "any")


def scores_of(history: list[OrderSample]) -> dict[str, float]:
    model = fit_paced(history)
    return {w.worker_name: w.score or 0.0 for w in leaderboard(tallies(history, model))}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_singles_and_multis_at_the_same_pace_score_alike(seed: int) -> None:
    rng = random.Random(seed)
    difficulty = make_skus(rng)
    history = samples(rng, [SINGLES, MULTIS, FAST], 1200, difficulty)
    scores = scores_of(history)
    assert abs(scores["Singles"] / scores["Multis"] - 1) <= 0.10
    # The faster packer is ahead by about their pace (1 / 0.8 = 1.25).
    for other in ("Singles", "Multis"):
        assert scores["Fast"] / scores[other] == pytest.approx(1.25, rel=0.10)
    # Raw orders per hour would have crowned whoever got the singles.
    per_hour = {w.worker_name: w.orders_per_hour or 0.0
                for w in leaderboard(tallies(history, ScoreModel()))}
    assert per_hour["Singles"] > 2 * per_hour["Multis"]


def test_two_packers_alone_with_different_orders_are_still_fair() -> None:
    rng = random.Random(11)
    difficulty = make_skus(rng)
    scores = scores_of(samples(rng, [SINGLES, MULTIS], 1500, difficulty))
    assert abs(scores["Singles"] / scores["Multis"] - 1) <= 0.10


def test_a_fast_packer_who_owns_some_skus_is_not_hidden_by_them() -> None:
    """Each packer gets mostly their own SKUs: a plain fit calls the fast packer's SKUs
    easy; the paced fit takes the packers' pace out first."""
    rng = random.Random(3)
    difficulty = make_skus(rng, 60)
    names = list(difficulty)
    history = []
    for packer, own in ((FAST, names[:30]), (MULTIS, names[30:])):
        for _ in range(2000):
            lines = make_order(rng, own if rng.random() < 0.85 else names, "any")
            history.append(OrderSample(packer.worker_id, packer.name, OrderShape(tuple(lines)),
                                       packer_seconds(rng, packer, lines, difficulty)))
    paced = scores_of(history)
    assert paced["Fast"] / paced["Multis"] == pytest.approx(1.25, rel=0.05)
    plain = fit((s.shape, s.seconds) for s in history)
    naive = {w.worker_name: w.score or 0.0 for w in leaderboard(tallies(history, plain))}
    assert naive["Fast"] / naive["Multis"] < 1.15  # what the paced rounds are for


def test_fit_finds_the_terms_and_the_hard_skus() -> None:
    rng = random.Random(5)
    difficulty = make_skus(rng, 30)
    history = samples(rng, [Packer("w", "W", 1.0, "any")], 4000, difficulty)
    model = fit((s.shape, s.seconds) for s in history)
    assert model.orders == 4000
    assert model.per_line == pytest.approx(5.0, abs=1.5)
    predicted = [model.expected(s.shape) for s in history[:500]]
    truth = [usual_seconds(list(s.shape.lines), difficulty) for s in history[:500]]
    assert sum(predicted) / sum(truth) == pytest.approx(1.0, abs=0.03)
    hard = max(difficulty, key=lambda s: difficulty[s])
    easy = min(difficulty, key=lambda s: difficulty[s])
    assert model.difficulty[hard] > model.difficulty[easy] + 5


def test_a_rarely_seen_sku_is_pulled_toward_the_usual() -> None:
    common = [(OrderShape((("A", 1),)), 10.0)] * 200 + [(OrderShape((("B", 1),)), 12.0)] * 200
    rare = [(OrderShape((("R", 1),)), 40.0)]  # once, very slow
    model = fit(common + rare)
    assert 0 < model.difficulty["R"] < 30 * 0.2  # most of its one slow order is doubted
    lots = fit(common + rare * 400)
    assert lots.expected(OrderShape((("R", 1),))) == pytest.approx(40.0, abs=1.5)


def test_model_round_trips_and_refuses_other_versions() -> None:
    model = ScoreModel(1.5, 2.25, 3.0, {"0042": -0.5}, orders=9, sweeps=3)
    assert ScoreModel.from_dict(model.to_dict()) == model
    with pytest.raises(ValueError, match="version"):
        ScoreModel.from_dict({**model.to_dict(), "version": 99})
    assert fit([]) == ScoreModel()
    assert model.expected(OrderShape((("UNKNOWN", 1),))) == 1.5 + 2.25 + 3.0


def test_journal_time_leaves_out_pauses_undo_and_handover() -> None:
    station = Station(make_logic({"#1": [("A", 2)], "#2": [("B", 2)]}), step=1.0)
    station.scan("1", after=0)
    station.scan("A", after=5)  # 5
    station.scan("A", after=400)  # a pause: out
    station.handover(W2, after=30)  # between orders: not order time
    station.scan("2", after=2)
    station.scan("B", after=7)  # undone next: out
    station.undo(after=4)  # the undo's 4 s: out
    station.scan("B", after=6)  # 6
    station.scan("B", after=3)  # 3
    times = journal_active_seconds(station.journal, pause_gap=300)
    assert times == {"#1": 5.0, "#2": 9.0}
    assert journal_active_seconds(station.journal, pause_gap=500) == {"#1": 405.0, "#2": 9.0}
    assert station.journal[3].worker_id == W2[0] != W1[0]


def test_skipped_spells_and_resumed_orders_add_up() -> None:
    station = Station(make_logic({"#1": [("A", 2)], "#2": [("B", 1)]}), step=1.0)
    station.scan("1", after=0)
    station.scan("A", after=3)
    station.skip(after=2)  # 5 so far
    station.scan("2", after=50)
    station.scan("B", after=4)
    station.scan("1", after=60)  # resumed
    station.scan("A", after=8)
    assert journal_active_seconds(station.journal) == {"#1": 13.0, "#2": 4.0}


def test_summary_offsets_leave_out_long_gaps() -> None:
    assert offsets_active_seconds([5.0, 10.0, 700.0], 712.0, pause_gap=300) == 22.0
    assert offsets_active_seconds([], 30.0) == 30.0


def test_leaderboard_ranks_only_packers_with_enough_orders() -> None:
    shape = OrderShape((("A", 1),))
    history = ([OrderSample("w1", "Steady", shape, 10.0)] * 30
               + [OrderSample("w2", "Lucky", shape, 2.0)] * 3)
    board = leaderboard(tallies(history, ScoreModel(base=10.0)))
    assert [(w.worker_name, w.ranked) for w in board] == [("Steady", True), ("Lucky", False)]
    assert board[0].score == 1.0
    assert board[0].orders_per_hour == 360.0
    assert board[1].score == 5.0

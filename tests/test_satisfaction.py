# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Satisfaction figures (pure logic)."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from odoo.addons.customer_callback.tools import attempt_policy as ap
from odoo.addons.customer_callback.tools import satisfaction as sat


def test_every_attempt_outcome_is_classified():
    policy = ap.AttemptPolicy()
    hung_up = ap.evaluate([("hung_up", "morning")], policy)
    unreachable = ap.evaluate(
        [
            ("no_answer", "morning"),
            ("busy", "afternoon"),
            ("switched_off", "evening"),
            ("message_sent", "evening"),
        ],
        policy,
    )
    declined = ap.evaluate([("declined", "morning"), ("declined", "afternoon")], policy)
    assert sat.classify("done", hung_up.score) == sat.SCORED and hung_up.score == 3
    assert sat.classify(unreachable.outcome, unreachable.score) == sat.UNREACHABLE
    assert sat.classify(declined.outcome, declined.score) == sat.DECLINED
    assert sat.classify("done", 5) == sat.SCORED
    assert sat.classify("done", 0) == sat.UNSCORED
    assert sat.classify("done", None) == sat.UNSCORED
    assert sat.classify("planned", None) == sat.OPEN
    assert sat.classify("in_progress", None) == sat.OPEN
    assert sat.classify("cancelled", None) == sat.CANCELLED


def test_hand_computed_fixture():
    rows = [
        ("done", 5, 3),
        ("done", 4, 2),
        ("done", 3, 1),  # e.g. hung up after connecting
        ("done", 1, 1),
        ("unreachable", None, 2),
        ("declined", None, 1),
        ("planned", None, 4),
    ]
    summary = sat.summarize(rows)
    assert summary.scored == 7
    assert summary.score_sum == 15 + 8 + 3 + 1
    assert summary.average == pytest.approx(27 / 7)
    assert summary.distribution == {1: 1, 2: 0, 3: 1, 4: 2, 5: 3}
    assert (summary.unreachable, summary.declined, summary.open, summary.excluded) == (2, 1, 4, 3)
    assert summary.total == 14
    assert not summary.target_met(4.0)
    assert summary.target_met(3.8)
    # t interval by hand: mean 27/7, s^2 = sum((x - mean)^2) / 6
    mean = 27 / 7
    values = [5, 5, 5, 4, 4, 3, 1]
    std = math.sqrt(sum((x - mean) ** 2 for x in values) / 6)
    margin = 2.446912 * std / math.sqrt(7)
    low, high = summary.confidence_interval()
    assert low == pytest.approx(mean - margin, abs=1e-3)
    assert high == pytest.approx(min(5, mean + margin), abs=1e-3)


def test_t_quantiles_match_tables():
    table = {
        1: 12.706,
        2: 4.303,
        3: 3.182,
        4: 2.776,
        5: 2.571,
        10: 2.228,
        30: 2.042,
        31: 2.040,
        40: 2.021,
        60: 2.000,
        120: 1.980,
    }
    for df, value in table.items():
        assert sat.t_quantile_975(df) == pytest.approx(value, abs=2e-3), df
    with pytest.raises(ValueError):
        sat.t_quantile_975(0)


def test_interval_edge_cases():
    assert sat.summarize([("done", 4, 1)]).confidence_interval() is None
    assert sat.summarize([]).confidence_interval() is None
    assert sat.summarize([]).average == 0.0
    assert not sat.summarize([]).target_met(4.0)
    assert sat.summarize([("done", 4, 5)]).confidence_interval() == (4.0, 4.0)


def test_summarize_by_and_merge():
    per = sat.summarize_by([(1, "done", 5, 2), (2, "done", 2, 1), (1, "unreachable", None, 1)])
    assert per[1].average == 5 and per[1].unreachable == 1
    total = sat.Summary().merge(per[1]).merge(per[2])
    assert total.scored == 3 and total.score_sum == 12 and total.unreachable == 1


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["done", "unreachable", "declined", "planned", "cancelled"]),
            st.integers(0, 5),
            st.integers(1, 20),
        ),
        max_size=30,
    )
)
def test_property_average_and_interval(rows):
    summary = sat.summarize(rows)
    scored = [(s, c) for state, s, c in rows if state == "done" and s]
    assert summary.scored == sum(c for _s, c in scored)
    assert summary.score_sum == sum(s * c for s, c in scored)
    assert summary.excluded == sum(
        c for state, _s, c in rows if state in ("unreachable", "declined")
    )
    if summary.scored:
        assert 1 <= summary.average <= 5
    interval = summary.confidence_interval()
    if interval:
        assert 1 <= interval[0] <= summary.average + 1e-9 <= interval[1] + 2e-9 <= 5 + 2e-9

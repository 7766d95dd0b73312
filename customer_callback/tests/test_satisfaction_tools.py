# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Satisfaction figures (pure logic)."""

import math

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from ..tools import attempt_policy as ap
from ..tools import satisfaction as sat
from .hypothesis_settings import REPEATABLE


@tagged("post_install", "-at_install")
class TestSatisfactionTools(BaseCase):
    def test_every_attempt_outcome_is_classified(self):
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
        self.assertEqual(sat.classify("done", hung_up.score), sat.SCORED)
        self.assertEqual(hung_up.score, 3)
        self.assertEqual(sat.classify(unreachable.outcome, unreachable.score), sat.UNREACHABLE)
        self.assertEqual(sat.classify(declined.outcome, declined.score), sat.DECLINED)
        self.assertEqual(sat.classify("done", 5), sat.SCORED)
        self.assertEqual(sat.classify("done", 0), sat.UNSCORED)
        self.assertEqual(sat.classify("done", None), sat.UNSCORED)
        self.assertEqual(sat.classify("planned", None), sat.OPEN)
        self.assertEqual(sat.classify("in_progress", None), sat.OPEN)
        self.assertEqual(sat.classify("cancelled", None), sat.CANCELLED)

    def test_hand_computed_fixture(self):
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
        self.assertEqual(summary.scored, 7)
        self.assertEqual(summary.score_sum, 15 + 8 + 3 + 1)
        self.assertAlmostEqual(summary.average, 27 / 7)
        self.assertEqual(summary.distribution, {1: 1, 2: 0, 3: 1, 4: 2, 5: 3})
        self.assertEqual(
            (summary.unreachable, summary.declined, summary.open, summary.excluded), (2, 1, 4, 3)
        )
        self.assertEqual(summary.total, 14)
        self.assertFalse(summary.target_met(4.0))
        self.assertTrue(summary.target_met(3.8))
        # t interval by hand: mean 27/7, s^2 = sum((x - mean)^2) / 6
        mean = 27 / 7
        values = [5, 5, 5, 4, 4, 3, 1]
        std = math.sqrt(sum((x - mean) ** 2 for x in values) / 6)
        margin = 2.446912 * std / math.sqrt(7)
        low, high = summary.confidence_interval()
        self.assertAlmostEqual(low, mean - margin, delta=1e-3)
        self.assertAlmostEqual(high, min(5, mean + margin), delta=1e-3)

    def test_t_quantiles_match_tables(self):
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
            self.assertAlmostEqual(sat.t_quantile_975(df), value, delta=2e-3, msg=df)
        with self.assertRaises(ValueError):
            sat.t_quantile_975(0)

    def test_interval_edge_cases(self):
        self.assertIsNone(sat.summarize([("done", 4, 1)]).confidence_interval())
        self.assertIsNone(sat.summarize([]).confidence_interval())
        self.assertEqual(sat.summarize([]).average, 0.0)
        self.assertFalse(sat.summarize([]).target_met(4.0))
        self.assertEqual(sat.summarize([("done", 4, 5)]).confidence_interval(), (4.0, 4.0))

    def test_summarize_by_and_merge(self):
        per = sat.summarize_by([(1, "done", 5, 2), (2, "done", 2, 1), (1, "unreachable", None, 1)])
        self.assertEqual(per[1].average, 5)
        self.assertEqual(per[1].unreachable, 1)
        total = sat.Summary().merge(per[1]).merge(per[2])
        self.assertEqual(total.scored, 3)
        self.assertEqual(total.score_sum, 12)
        self.assertEqual(total.unreachable, 1)

    @REPEATABLE
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
    def test_property_average_and_interval(self, rows):
        summary = sat.summarize(rows)
        scored = [(s, c) for state, s, c in rows if state == "done" and s]
        self.assertEqual(summary.scored, sum(c for _s, c in scored))
        self.assertEqual(summary.score_sum, sum(s * c for s, c in scored))
        self.assertEqual(
            summary.excluded,
            sum(c for state, _s, c in rows if state in ("unreachable", "declined")),
        )
        if summary.scored:
            self.assertTrue(1 <= summary.average <= 5)
        interval = summary.confidence_interval()
        if interval:
            self.assertTrue(
                1 <= interval[0] <= summary.average + 1e-9 <= interval[1] + 2e-9 <= 5 + 2e-9
            )

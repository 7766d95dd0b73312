# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Contact attempt policy of 002 §9 (pure logic)."""

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from ..tools import attempt_policy as ap
from .hypothesis_settings import REPEATABLE

POLICY = ap.AttemptPolicy()


@tagged("post_install", "-at_install")
class TestAttemptPolicyTools(BaseCase):
    def test_defaults_are_the_sop_numbers(self):
        self.assertEqual(POLICY.unreachable_attempts, 3)
        self.assertEqual(POLICY.declined_attempts, 2)
        self.assertEqual(POLICY.hung_up_score, 3)
        self.assertTrue(POLICY.require_message)

    def test_three_unreachable_in_distinct_slots_plus_message(self):
        attempts = [("no_answer", "morning"), ("busy", "afternoon"), ("switched_off", "evening")]
        decision = ap.evaluate(attempts, POLICY)
        self.assertEqual(decision.outcome, ap.CONTINUE)
        self.assertTrue(decision.message_missing)
        decision = ap.evaluate(attempts + [("message_sent", "evening")], POLICY)
        self.assertEqual(decision.outcome, ap.UNREACHABLE)
        self.assertEqual(decision.score, 0)

    def test_same_slot_does_not_count_twice(self):
        attempts = [("no_answer", "morning")] * 3 + [("message_sent", "morning")]
        decision = ap.evaluate(attempts, POLICY)
        self.assertEqual(decision.outcome, ap.CONTINUE)
        self.assertEqual(decision.used_slots, {"morning"})

    def test_more_attempts_than_slots_need_every_slot(self):
        policy = ap.AttemptPolicy(unreachable_attempts=4)
        attempts = [
            ("no_answer", "morning"),
            ("no_answer", "afternoon"),
            ("no_answer", "evening"),
            ("message_sent", "evening"),
        ]
        self.assertEqual(ap.evaluate(attempts, policy).outcome, ap.CONTINUE)
        attempts.insert(0, ("busy", "morning"))
        self.assertEqual(ap.evaluate(attempts, policy).outcome, ap.UNREACHABLE)

    def test_two_declines_in_distinct_slots_close_declined(self):
        self.assertEqual(
            ap.evaluate([("declined", "morning"), ("declined", "morning")], POLICY).outcome,
            ap.CONTINUE,
        )
        decision = ap.evaluate([("declined", "morning"), ("declined", "evening")], POLICY)
        self.assertEqual(decision.outcome, ap.DECLINED)
        self.assertEqual(decision.score, 0)

    def test_hung_up_after_connecting_scores_three(self):
        decision = ap.evaluate([("no_answer", "morning"), ("hung_up", "afternoon")], POLICY)
        self.assertEqual(decision.outcome, ap.DONE)
        self.assertEqual(decision.score, 3)
        self.assertEqual(
            ap.evaluate([("hung_up", "morning")], ap.AttemptPolicy(hung_up_score=2)).score, 2
        )

    def test_connected_hands_over_to_the_agent(self):
        self.assertEqual(
            ap.evaluate([("no_answer", "morning"), ("connected", "afternoon")], POLICY).outcome,
            ap.TALKING,
        )

    def test_message_optional_by_setting(self):
        policy = ap.AttemptPolicy(require_message=False)
        attempts = [("no_answer", "morning"), ("busy", "afternoon"), ("switched_off", "evening")]
        self.assertEqual(ap.evaluate(attempts, policy).outcome, ap.UNREACHABLE)

    @REPEATABLE
    @given(
        st.lists(
            st.tuples(
                st.sampled_from(ap.RESULTS), st.sampled_from(("morning", "afternoon", "evening"))
            ),
            max_size=12,
        ),
        st.integers(min_value=1, max_value=6),
        st.integers(min_value=1, max_value=6),
    )
    def test_property_unreachable_or_declined_is_never_scored(
        self, attempts, unreachable, declined
    ):
        policy = ap.AttemptPolicy(unreachable_attempts=unreachable, declined_attempts=declined)
        decision = ap.evaluate(attempts, policy)
        if decision.outcome in (ap.UNREACHABLE, ap.DECLINED, ap.CONTINUE, ap.TALKING):
            self.assertEqual(decision.score, 0)
            self.assertFalse(ap.is_scored(decision.outcome, decision.score))
        if decision.outcome == ap.DONE:
            self.assertIn("hung_up", [result for result, _slot in attempts])

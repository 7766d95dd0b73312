# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Satisfaction survey decisions (pure logic)."""

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from odoo.addons.customer_callback.tests.hypothesis_settings import REPEATABLE

from ..tools import survey_score


@tagged("post_install", "-at_install")
class TestSurveyScoreTools(BaseCase):
    def test_overall_score_rounds_half_up_and_ignores_unscored(self):
        self.assertEqual(survey_score.overall_score([5, 4, 4, 5]), 5)  # 4.5 -> 5
        self.assertEqual(survey_score.overall_score([3, 4]), 4)  # 3.5 -> 4
        self.assertEqual(survey_score.overall_score([3, 3, 4]), 3)  # 3.33 -> 3
        self.assertEqual(survey_score.overall_score([2.0, 0, None, False, 9]), 2)
        self.assertIsNone(survey_score.overall_score([]))
        self.assertIsNone(survey_score.overall_score([0, 0.0]))
        self.assertIsNone(survey_score.overall_score([True]))

    @REPEATABLE
    @given(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=20))
    def test_overall_score_stays_on_the_scale_and_near_the_mean(self, values):
        score = survey_score.overall_score(values)
        self.assertTrue(1 <= score <= 5)
        self.assertLessEqual(abs(score - sum(values) / len(values)), 0.5)
        self.assertTrue(min(values) <= score <= max(values))

    def test_followup_threshold(self):
        self.assertTrue(survey_score.needs_followup(3, 3))
        self.assertTrue(survey_score.needs_followup(1, 3))
        self.assertFalse(survey_score.needs_followup(4, 3))
        self.assertFalse(survey_score.needs_followup(None, 3))
        self.assertFalse(survey_score.needs_followup(1, 0))

    def test_due_at(self):
        closed = datetime(2026, 11, 23, 2, 0)
        self.assertEqual(survey_score.due_at(closed, 24), closed + timedelta(days=1))
        self.assertEqual(survey_score.due_at(closed, 0), closed)
        self.assertEqual(survey_score.due_at(closed, -3), closed)

    def test_pick_channel(self):
        pick = survey_score.pick_channel
        self.assertEqual(pick("email", True, True, True), "email")
        self.assertEqual(pick("sms", True, True, True), "sms")
        self.assertEqual(pick("sms", True, True, False), "email")  # sms not installed
        self.assertEqual(pick("sms", True, False, True), "email")  # no phone
        self.assertEqual(pick("email", False, True, True), "sms")
        self.assertIsNone(pick("email", False, True, False))
        self.assertIsNone(pick("sms", False, False, True))

    @REPEATABLE
    @given(
        st.lists(st.integers(min_value=1, max_value=8), max_size=30),
        st.sets(st.integers(min_value=1, max_value=8), max_size=4),
    )
    def test_cap_surveys_a_customer_once(self, partners, recent):
        accepted, capped = survey_score.apply_cap(partners, recent)
        self.assertEqual(sorted(accepted + capped), list(range(len(partners))))
        accepted_partners = [partners[i] for i in accepted]
        self.assertEqual(len(accepted_partners), len(set(accepted_partners)))
        self.assertFalse(set(accepted_partners) & recent)
        # every capped request belongs to a customer surveyed recently or accepted
        self.assertTrue(
            all(partners[i] in recent or partners[i] in accepted_partners for i in capped)
        )
        # the first request of a customer not surveyed recently is the one sent
        for partner in set(partners) - recent:
            self.assertIn(partners.index(partner), accepted)

# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who asks for satisfaction after a ticket, ratings on the 5-point scale (pure)."""

from hypothesis import given
from hypothesis import strategies as st

from odoo.tests import BaseCase, tagged

from ..tools import satisfaction_ask as ask
from .hypothesis_settings import REPEATABLE


@tagged("post_install", "-at_install")
class TestSatisfactionAskTools(BaseCase):
    def test_odoo_rating_values_are_the_same_points_of_the_scale(self):
        self.assertEqual([ask.rating_to_score(value) for value in (1, 3, 5)], [1, 3, 5])
        self.assertEqual(ask.rating_to_score(1.0), 1)
        self.assertEqual(ask.rating_to_score(5.0), 5)

    def test_not_rated_has_no_score(self):
        self.assertIsNone(ask.rating_to_score(0))
        self.assertIsNone(ask.rating_to_score(0.0))
        self.assertIsNone(ask.rating_to_score(None))

    def test_values_between_are_rounded_half_up(self):
        self.assertEqual(ask.rating_to_score(2.5), 3)
        self.assertEqual(ask.rating_to_score(2.49), 2)
        self.assertEqual(ask.rating_to_score(4.5), 5)
        self.assertEqual(ask.rating_to_score(0.2), 1)

    @REPEATABLE
    @given(st.floats(min_value=0.01, max_value=5))
    def test_any_rating_lands_on_the_scale(self, value):
        self.assertIn(ask.rating_to_score(value), (1, 2, 3, 4, 5))

    def test_closing_queues_the_suite_request_by_the_company_triggers(self):
        self.assertTrue(ask.covers_ticket(True, False, True, False))
        self.assertFalse(ask.covers_ticket(True, False, False, False))
        self.assertTrue(ask.covers_ticket(False, True, False, False))
        self.assertFalse(ask.covers_ticket(False, False, True, False))
        self.assertFalse(ask.covers_ticket(True, True, True, True), "do-not-call is never asked")

    def test_rating_asks_only_after_tickets_when_chosen(self):
        self.assertEqual(ask.asker(ask.RATING, "complaint"), ask.RATING)
        self.assertEqual(ask.asker(ask.RATING, "ticket"), ask.RATING)
        self.assertEqual(ask.asker(ask.RATING, "callback"), ask.SURVEY)
        self.assertEqual(ask.asker(ask.SURVEY, "complaint"), ask.SURVEY)
        self.assertEqual(ask.asker(False, "ticket"), ask.SURVEY)
